# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_type import ErrorType
from ..types import pop_required


@_attrs_define
class LastPaymentError:
    """Why the last payment attempt failed.

    Attributes:
        type (ErrorType): The category of an error; each maps to one SDK exception class.
        code (str): A machine-readable code such as `insufficient_funds` or `provider_timeout`.
        message (str): A human-readable explanation that can be shown to the customer.
        decline_code (None | str): The issuer's or mobile money operator's decline code, when there is one.
        payment_method (None | str): The payment method that failed.
    """

    type: ErrorType
    code: str
    message: str
    decline_code: str | None
    payment_method: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        type = self.type.value

        code = self.code

        message = self.message

        decline_code: str | None
        decline_code = self.decline_code

        payment_method: str | None
        payment_method = self.payment_method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type,
                "code": code,
                "message": message,
                "decline_code": decline_code,
                "payment_method": payment_method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse decoded JSON leniently: unknown fields land in `additional_properties`, unknown enum values
        become pseudo-members, and a missing required field raises `MissingFieldError` (see `types.pop_required`).
        """
        d = dict(src_dict)
        type = ErrorType(pop_required(d, "type", "LastPaymentError"))

        code = pop_required(d, "code", "LastPaymentError")

        message = pop_required(d, "message", "LastPaymentError")

        def _parse_decline_code(data: Any) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        decline_code = _parse_decline_code(pop_required(d, "decline_code", "LastPaymentError"))

        def _parse_payment_method(data: Any) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        payment_method = _parse_payment_method(pop_required(d, "payment_method", "LastPaymentError"))

        last_payment_error = cls(
            type=type,
            code=code,
            message=message,
            decline_code=decline_code,
            payment_method=payment_method,
        )

        last_payment_error.additional_properties = d
        return last_payment_error

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
