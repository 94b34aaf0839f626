# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cancellation_reason import CancellationReason
from ..types import UNSET, JsonFields, Unset


@_attrs_define
class CancelPaymentIntentRequest(JsonFields):
    """Parameters to cancel a payment intent.

    Attributes:
        cancellation_reason (CancellationReason | Unset): Why a payment intent was canceled.
    """

    cancellation_reason: CancellationReason | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "cancellation_reason": "cancellation_reason",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        cancellation_reason: str | Unset = UNSET
        if not isinstance(self.cancellation_reason, Unset):
            cancellation_reason = self.cancellation_reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cancellation_reason is not UNSET:
            field_dict["cancellation_reason"] = cancellation_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse decoded JSON leniently: unknown fields land in `additional_properties`, unknown enum values
        become pseudo-members, and a missing required field raises `MissingFieldError` naming the model and
        the field.
        """
        d = dict(src_dict)
        _cancellation_reason = d.pop("cancellation_reason", UNSET)
        cancellation_reason: CancellationReason | Unset
        if isinstance(_cancellation_reason, Unset):
            cancellation_reason = UNSET
        else:
            cancellation_reason = CancellationReason(_cancellation_reason)

        cancel_payment_intent_request = cls(
            cancellation_reason=cancellation_reason,
        )

        cancel_payment_intent_request.additional_properties = d
        return cancel_payment_intent_request

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
