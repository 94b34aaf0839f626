# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The webhook event registry: every event type of the spec's `webhooks` section and its typed model.

The webhook verifier's `construct_event`, the CLI's choices and the sandbox's triggers read this module, so a
webhook added to the spec reaches all of them by `make generate` alone. A type missing here (newer than this
client) is not an error for the readers: they keep it as an unknown event.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeAlias

from .models.charge_refunded_event import ChargeRefundedEvent
from .models.merchant_onboarding_updated_event import MerchantOnboardingUpdatedEvent
from .models.payment_intent_canceled_event import PaymentIntentCanceledEvent
from .models.payment_intent_failed_event import PaymentIntentFailedEvent
from .models.payment_intent_processing_event import PaymentIntentProcessingEvent
from .models.payment_intent_requires_action_event import PaymentIntentRequiresActionEvent
from .models.payment_intent_requires_capture_event import PaymentIntentRequiresCaptureEvent
from .models.payment_intent_succeeded_event import PaymentIntentSucceededEvent
from .models.payout_canceled_event import PayoutCanceledEvent
from .models.payout_failed_event import PayoutFailedEvent
from .models.payout_in_transit_event import PayoutInTransitEvent
from .models.payout_paid_event import PayoutPaidEvent
from .models.refund_failed_event import RefundFailedEvent
from .models.refund_processed_event import RefundProcessedEvent
from .models.transfer_completed_event import TransferCompletedEvent

__all__ = ["EVENT_MODELS", "EVENT_TYPES", "TypedEvent"]

TypedEvent: TypeAlias = (
    PaymentIntentSucceededEvent
    | PaymentIntentRequiresCaptureEvent
    | PaymentIntentProcessingEvent
    | PaymentIntentFailedEvent
    | PaymentIntentCanceledEvent
    | PaymentIntentRequiresActionEvent
    | ChargeRefundedEvent
    | RefundProcessedEvent
    | RefundFailedEvent
    | PayoutPaidEvent
    | PayoutCanceledEvent
    | PayoutInTransitEvent
    | PayoutFailedEvent
    | TransferCompletedEvent
    | MerchantOnboardingUpdatedEvent
)
"""Every event model of the spec (a union of the generated classes)."""

EVENT_TYPES: tuple[str, ...] = (
    "payment_intent.succeeded",
    "payment_intent.requires_capture",
    "payment_intent.processing",
    "payment_intent.failed",
    "payment_intent.canceled",
    "payment_intent.requires_action",
    "charge.refunded",
    "refund.processed",
    "refund.failed",
    "payout.paid",
    "payout.canceled",
    "payout.in_transit",
    "payout.failed",
    "transfer.completed",
    "merchant.onboarding.updated",
)
"""Every event type, in the spec's order."""

EVENT_MODELS: Mapping[str, type[TypedEvent]] = MappingProxyType(
    {
        "payment_intent.succeeded": PaymentIntentSucceededEvent,
        "payment_intent.requires_capture": PaymentIntentRequiresCaptureEvent,
        "payment_intent.processing": PaymentIntentProcessingEvent,
        "payment_intent.failed": PaymentIntentFailedEvent,
        "payment_intent.canceled": PaymentIntentCanceledEvent,
        "payment_intent.requires_action": PaymentIntentRequiresActionEvent,
        "charge.refunded": ChargeRefundedEvent,
        "refund.processed": RefundProcessedEvent,
        "refund.failed": RefundFailedEvent,
        "payout.paid": PayoutPaidEvent,
        "payout.canceled": PayoutCanceledEvent,
        "payout.in_transit": PayoutInTransitEvent,
        "payout.failed": PayoutFailedEvent,
        "transfer.completed": TransferCompletedEvent,
        "merchant.onboarding.updated": MerchantOnboardingUpdatedEvent,
    }
)
"""Event type -> the model its payload parses into (read only)."""
