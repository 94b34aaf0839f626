# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metadata import Metadata
from ..models.refund_reason import RefundReason
from ..types import UNSET, JsonFields, Unset


@_attrs_define
class RefundChargeRequest(JsonFields):
    """Parameters to refund a charge.

    Attributes:
        amount (int | Unset): Amount to refund in the currency's minor unit; defaults to everything still refundable.
        reason (RefundReason | Unset): Why the payment is refunded.
        metadata (Metadata | Unset): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most
            40 characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
    """

    amount: int | Unset = UNSET
    reason: RefundReason | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "amount": "amount",
        "reason": "reason",
        "metadata": "metadata",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        amount = self.amount

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if reason is not UNSET:
            field_dict["reason"] = reason
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse decoded JSON leniently: unknown fields land in `additional_properties`, unknown enum values
        become pseudo-members, and a missing required field raises `MissingFieldError` naming the model and
        the field.
        """
        d = dict(src_dict)
        amount = d.pop("amount", UNSET)

        _reason = d.pop("reason", UNSET)
        reason: RefundReason | Unset
        reason = UNSET if isinstance(_reason, Unset) else RefundReason(_reason)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        metadata = UNSET if isinstance(_metadata, Unset) else Metadata.from_dict(_metadata)

        refund_charge_request = cls(
            amount=amount,
            reason=reason,
            metadata=metadata,
        )

        refund_charge_request.additional_properties = d
        return refund_charge_request

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
