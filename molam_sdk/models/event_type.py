# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from enum import StrEnum
from typing import Literal, TypeAlias


class EventType(StrEnum):
    """The kinds of event Molam sends. New types may be added at any time.

    Values: `charge.refunded`, `merchant.onboarding.updated`, `payment_intent.canceled`, `payment_intent.failed`, `payment_intent.processing`, `payment_intent.requires_action`, `payment_intent.requires_capture`, `payment_intent.succeeded`, `payout.canceled`, `payout.failed`, `payout.in_transit`, `payout.paid`, `refund.failed`, `refund.processed`, `transfer.completed`.

        Forward compatible: a value this client does not know yet (the API added one) does not raise; it becomes a
        pseudo-member named `UNKNOWN` holding the raw value, with `is_unknown` True, and is sent back unchanged.
    """

    CHARGE_REFUNDED = "charge.refunded"
    MERCHANT_ONBOARDING_UPDATED = "merchant.onboarding.updated"
    PAYMENT_INTENT_CANCELED = "payment_intent.canceled"
    PAYMENT_INTENT_FAILED = "payment_intent.failed"
    PAYMENT_INTENT_PROCESSING = "payment_intent.processing"
    PAYMENT_INTENT_REQUIRES_ACTION = "payment_intent.requires_action"
    PAYMENT_INTENT_REQUIRES_CAPTURE = "payment_intent.requires_capture"
    PAYMENT_INTENT_SUCCEEDED = "payment_intent.succeeded"
    PAYOUT_CANCELED = "payout.canceled"
    PAYOUT_FAILED = "payout.failed"
    PAYOUT_IN_TRANSIT = "payout.in_transit"
    PAYOUT_PAID = "payout.paid"
    REFUND_FAILED = "refund.failed"
    REFUND_PROCESSED = "refund.processed"
    TRANSFER_COMPLETED = "transfer.completed"

    @classmethod
    def _missing_(cls, value: object) -> EventType | None:
        # A new server-side value must never break parsing: keep it as a pseudo-member (not registered in the
        # class, so iteration and `len()` still list only the documented values).
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    @property
    def is_unknown(self) -> bool:
        """True for a value the spec this client was generated from does not list."""
        return self._value_ not in type(self)._value2member_map_

    def __str__(self) -> str:
        return str(self.value)


#: The values of `EventType` as a `Literal`: resource methods take either, so a misspelled value
#: fails the caller's type check (responses keep the enum, which also holds values added later).
EventTypeLiteral: TypeAlias = Literal[
    "charge.refunded",
    "merchant.onboarding.updated",
    "payment_intent.canceled",
    "payment_intent.failed",
    "payment_intent.processing",
    "payment_intent.requires_action",
    "payment_intent.requires_capture",
    "payment_intent.succeeded",
    "payout.canceled",
    "payout.failed",
    "payout.in_transit",
    "payout.paid",
    "refund.failed",
    "refund.processed",
    "transfer.completed",
]
