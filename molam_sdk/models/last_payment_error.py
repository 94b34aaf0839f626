# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.error_type import ErrorType
from ..types import JsonFields


@_attrs_define
class LastPaymentError(JsonFields):
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
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "type": "type",
        "code": "code",
        "message": "message",
        "decline_code": "decline_code",
        "payment_method": "payment_method",
    }

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
        become pseudo-members, and a missing required field raises `MissingFieldError` naming the model and
        the field.
        """
        d = dict(src_dict)
        # Required fields are popped plainly: the only KeyError in this block is a missing one (nested models
        # raise MissingFieldError themselves), reported once below instead of a check per field.
        try:
            type = ErrorType(d.pop("type"))

            code = d.pop("code")

            message = d.pop("message")

            decline_code: str | None = d.pop("decline_code")

            payment_method: str | None = d.pop("payment_method")

        except KeyError as missing:
            raise MissingFieldError("LastPaymentError", str(missing.args[0])) from None

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

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
