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
class ErrorDetail(JsonFields):
    """What went wrong.

    Attributes:
        type (ErrorType): The category of an error; each maps to one SDK exception class.
        code (str): A short machine-readable code such as `parameter_missing` or `insufficient_funds`.
        message (str): A human-readable explanation; may change, do not match on it.
        param (None | str): The request parameter the error is about, if any.
        request_id (str): The id of the request that failed (also in the `Molam-Request-Id` header).
    """

    type: ErrorType
    code: str
    message: str
    param: str | None
    request_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "type": "type",
        "code": "code",
        "message": "message",
        "param": "param",
        "request_id": "request_id",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        type = self.type.value

        code = self.code

        message = self.message

        param: str | None
        param = self.param

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type,
                "code": code,
                "message": message,
                "param": param,
                "request_id": request_id,
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

            param: str | None = d.pop("param")

            request_id = d.pop("request_id")

        except KeyError as missing:
            raise MissingFieldError("ErrorDetail", str(missing.args[0])) from None

        error_detail = cls(
            type=type,
            code=code,
            message=message,
            param=param,
            request_id=request_id,
        )

        error_detail.additional_properties = d
        return error_detail

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
