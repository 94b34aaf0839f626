# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, JsonFields, Unset


@_attrs_define
class CapturePaymentIntentRequest(JsonFields):
    """Parameters to capture a payment intent.

    Attributes:
        amount_to_capture (int | Unset): Amount to capture in the currency's minor unit; defaults to the full authorised
            amount.
    """

    amount_to_capture: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "amount_to_capture": "amount_to_capture",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        amount_to_capture = self.amount_to_capture

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_to_capture is not UNSET:
            field_dict["amount_to_capture"] = amount_to_capture

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse decoded JSON leniently: unknown fields land in `additional_properties`, unknown enum values
        become pseudo-members, and a missing required field raises `MissingFieldError` naming the model and
        the field.
        """
        d = dict(src_dict)
        amount_to_capture = d.pop("amount_to_capture", UNSET)

        capture_payment_intent_request = cls(
            amount_to_capture=amount_to_capture,
        )

        capture_payment_intent_request.additional_properties = d
        return capture_payment_intent_request

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
