# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.metadata import Metadata
from ..models.refund_reason import RefundReason
from ..models.refund_status import RefundStatus
from ..types import JsonFields


@_attrs_define
class Refund(JsonFields):
    """Money returned to the customer for a captured payment.

    Attributes:
        id (str): Unique identifier, prefixed `re_`.
        object (Literal['refund']): Always `refund`.
        amount (int): Amount refunded, in the currency's minor unit.
        currency (str): Three-letter ISO 4217 currency code, upper case.
        payment_intent (None | str): The payment intent (`pi_`) refunded.
        charge (str): The charge (`ch_`) refunded.
        status (RefundStatus): Where a refund is in its life.
        reason (None | RefundReason): Why the payment was refunded, if given.
        failure_reason (None | str): Why the refund failed, when `status` is `failed`.
        metadata (Metadata): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40
            characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
        created (int): Creation time, Unix seconds.
        livemode (bool): `true` for production objects, `false` for sandbox objects.
    """

    id: str
    object: Literal["refund"]
    amount: int
    currency: str
    payment_intent: str | None
    charge: str
    status: RefundStatus
    reason: RefundReason | None
    failure_reason: str | None
    metadata: Metadata
    created: int
    livemode: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "id": "id",
        "object": "object",
        "amount": "amount",
        "currency": "currency",
        "payment_intent": "payment_intent",
        "charge": "charge",
        "status": "status",
        "reason": "reason",
        "failure_reason": "failure_reason",
        "metadata": "metadata",
        "created": "created",
        "livemode": "livemode",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        id = self.id

        object = self.object

        amount = self.amount

        currency = self.currency

        payment_intent: str | None
        payment_intent = self.payment_intent

        charge = self.charge

        status = self.status.value

        reason: str | None
        reason = self.reason.value if isinstance(self.reason, RefundReason) else self.reason

        failure_reason: str | None
        failure_reason = self.failure_reason

        metadata = self.metadata.to_dict()

        created = self.created

        livemode = self.livemode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object,
                "amount": amount,
                "currency": currency,
                "payment_intent": payment_intent,
                "charge": charge,
                "status": status,
                "reason": reason,
                "failure_reason": failure_reason,
                "metadata": metadata,
                "created": created,
                "livemode": livemode,
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
            id = d.pop("id")

            object: Literal["refund"] = d.pop("object")
            if object != "refund":
                raise ValueError(f"object must match const 'refund', got '{object}'")

            amount = d.pop("amount")

            currency = d.pop("currency")

            payment_intent: str | None = d.pop("payment_intent")

            charge = d.pop("charge")

            status = RefundStatus(d.pop("status"))

            def _parse_reason(data: Any) -> RefundReason | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    reason_type_0 = RefundReason(data)

                    return reason_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(RefundReason | None, data)

            reason = _parse_reason(d.pop("reason"))

            failure_reason: str | None = d.pop("failure_reason")

            metadata = Metadata.from_dict(d.pop("metadata"))

            created = d.pop("created")

            livemode = d.pop("livemode")

        except KeyError as missing:
            raise MissingFieldError("Refund", str(missing.args[0])) from None

        refund = cls(
            id=id,
            object=object,
            amount=amount,
            currency=currency,
            payment_intent=payment_intent,
            charge=charge,
            status=status,
            reason=reason,
            failure_reason=failure_reason,
            metadata=metadata,
            created=created,
            livemode=livemode,
        )

        refund.additional_properties = d
        return refund

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
