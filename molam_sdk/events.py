# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The webhook event registry: every event type of the spec's `webhooks` section and its typed model.

The webhook verifier's `construct_event`, the CLI's choices and the sandbox's triggers read this module, so a
webhook added to the spec reaches all of them by `make generate` alone. A type missing here (newer than this
client) is not an error for the readers: they keep it as an unknown event.

`EventHandlerRegistry` types handler registration from the same list: `on("payment_intent.succeeded")` takes a
handler of a `PaymentIntentSucceededEvent` (one overload per event type), and a type this list does not hold
is a type error and, at decoration time, a ValueError naming the closest known type. The webhook processor
(hand-written, beside this package) inherits it and supplies `register`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Literal, TypeAlias, TypeVar, overload

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

__all__ = [
    "EVENT_MODELS",
    "EVENT_TYPES",
    "EventHandlerRegistry",
    "EventTypeName",
    "PaymentIntentEvent",
    "PayoutEvent",
    "RefundEvent",
    "TypedEvent",
    "check_event_type",
]

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

EventTypeName: TypeAlias = Literal[
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
]
"""Every event type as a type: the strings `EventHandlerRegistry.on` accepts."""

PaymentIntentEvent: TypeAlias = (
    PaymentIntentSucceededEvent
    | PaymentIntentRequiresCaptureEvent
    | PaymentIntentProcessingEvent
    | PaymentIntentFailedEvent
    | PaymentIntentCanceledEvent
    | PaymentIntentRequiresActionEvent
)
"""Every event about a `PaymentIntent` (its `data.object`): the handler type of `on` given several of them."""

_PaymentIntentEventType: TypeAlias = Literal[
    "payment_intent.succeeded",
    "payment_intent.requires_capture",
    "payment_intent.processing",
    "payment_intent.failed",
    "payment_intent.canceled",
    "payment_intent.requires_action",
]

RefundEvent: TypeAlias = RefundProcessedEvent | RefundFailedEvent
"""Every event about a `Refund` (its `data.object`): the handler type of `on` given several of them."""

_RefundEventType: TypeAlias = Literal[
    "refund.processed",
    "refund.failed",
]

PayoutEvent: TypeAlias = PayoutPaidEvent | PayoutCanceledEvent | PayoutInTransitEvent | PayoutFailedEvent
"""Every event about a `Payout` (its `data.object`): the handler type of `on` given several of them."""

_PayoutEventType: TypeAlias = Literal[
    "payout.paid",
    "payout.canceled",
    "payout.in_transit",
    "payout.failed",
]

# One handler type variable per event model, so that `on` returns the decorated function itself (sync or async,
# its own signature) while checking that its parameter accepts the event's model.
_PaymentIntentSucceededEventHandler = TypeVar(
    "_PaymentIntentSucceededEventHandler", bound=Callable[[PaymentIntentSucceededEvent], object]
)
_PaymentIntentRequiresCaptureEventHandler = TypeVar(
    "_PaymentIntentRequiresCaptureEventHandler", bound=Callable[[PaymentIntentRequiresCaptureEvent], object]
)
_PaymentIntentProcessingEventHandler = TypeVar(
    "_PaymentIntentProcessingEventHandler", bound=Callable[[PaymentIntentProcessingEvent], object]
)
_PaymentIntentFailedEventHandler = TypeVar(
    "_PaymentIntentFailedEventHandler", bound=Callable[[PaymentIntentFailedEvent], object]
)
_PaymentIntentCanceledEventHandler = TypeVar(
    "_PaymentIntentCanceledEventHandler", bound=Callable[[PaymentIntentCanceledEvent], object]
)
_PaymentIntentRequiresActionEventHandler = TypeVar(
    "_PaymentIntentRequiresActionEventHandler", bound=Callable[[PaymentIntentRequiresActionEvent], object]
)
_ChargeRefundedEventHandler = TypeVar(
    "_ChargeRefundedEventHandler", bound=Callable[[ChargeRefundedEvent], object]
)
_RefundProcessedEventHandler = TypeVar(
    "_RefundProcessedEventHandler", bound=Callable[[RefundProcessedEvent], object]
)
_RefundFailedEventHandler = TypeVar("_RefundFailedEventHandler", bound=Callable[[RefundFailedEvent], object])
_PayoutPaidEventHandler = TypeVar("_PayoutPaidEventHandler", bound=Callable[[PayoutPaidEvent], object])
_PayoutCanceledEventHandler = TypeVar(
    "_PayoutCanceledEventHandler", bound=Callable[[PayoutCanceledEvent], object]
)
_PayoutInTransitEventHandler = TypeVar(
    "_PayoutInTransitEventHandler", bound=Callable[[PayoutInTransitEvent], object]
)
_PayoutFailedEventHandler = TypeVar("_PayoutFailedEventHandler", bound=Callable[[PayoutFailedEvent], object])
_TransferCompletedEventHandler = TypeVar(
    "_TransferCompletedEventHandler", bound=Callable[[TransferCompletedEvent], object]
)
_MerchantOnboardingUpdatedEventHandler = TypeVar(
    "_MerchantOnboardingUpdatedEventHandler", bound=Callable[[MerchantOnboardingUpdatedEvent], object]
)
_PaymentIntentEventHandler = TypeVar(
    "_PaymentIntentEventHandler", bound=Callable[[PaymentIntentEvent], object]
)
_RefundEventHandler = TypeVar("_RefundEventHandler", bound=Callable[[RefundEvent], object])
_PayoutEventHandler = TypeVar("_PayoutEventHandler", bound=Callable[[PayoutEvent], object])
_TypedEventHandler = TypeVar("_TypedEventHandler", bound=Callable[[TypedEvent], object])
_Handler = TypeVar("_Handler", bound=Callable[[Any], object])


def check_event_type(event_type: object) -> str:
    """`event_type` when it is one of `EVENT_TYPES`; otherwise a ValueError naming the closest known type, or
    every known type when none is close."""
    if not isinstance(event_type, str) or not event_type:
        raise ValueError(f"an event type is a non-empty str, not {event_type!r}")
    if event_type in EVENT_MODELS:
        return event_type
    closest = difflib.get_close_matches(event_type, EVENT_TYPES, n=1)
    if closest:
        raise ValueError(f"unknown webhook event type {event_type!r}: did you mean {closest[0]!r}?")
    raise ValueError(
        f"unknown webhook event type {event_type!r}; the known types are: {', '.join(EVENT_TYPES) or 'none'}"
    )


class EventHandlerRegistry:
    """Typed handler registration: `on(event_type)` per event type of the spec, with its model.

    A subclass stores handlers by implementing `register`. A handler for a type newer than this SDK (one it
    parses as an unknown event) goes through `register` directly, which takes any string.
    """

    def register(self, event_type: str, handler: Callable[[Any], object]) -> None:
        """Store `handler` as the handler of `event_type` (the subclass's business)."""
        raise NotImplementedError

    @overload
    def on(
        self, event_type: Literal["payment_intent.succeeded"], /
    ) -> Callable[[_PaymentIntentSucceededEventHandler], _PaymentIntentSucceededEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["payment_intent.requires_capture"], /
    ) -> Callable[[_PaymentIntentRequiresCaptureEventHandler], _PaymentIntentRequiresCaptureEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["payment_intent.processing"], /
    ) -> Callable[[_PaymentIntentProcessingEventHandler], _PaymentIntentProcessingEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["payment_intent.failed"], /
    ) -> Callable[[_PaymentIntentFailedEventHandler], _PaymentIntentFailedEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["payment_intent.canceled"], /
    ) -> Callable[[_PaymentIntentCanceledEventHandler], _PaymentIntentCanceledEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["payment_intent.requires_action"], /
    ) -> Callable[[_PaymentIntentRequiresActionEventHandler], _PaymentIntentRequiresActionEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["charge.refunded"], /
    ) -> Callable[[_ChargeRefundedEventHandler], _ChargeRefundedEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["refund.processed"], /
    ) -> Callable[[_RefundProcessedEventHandler], _RefundProcessedEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["refund.failed"], /
    ) -> Callable[[_RefundFailedEventHandler], _RefundFailedEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["payout.paid"], /
    ) -> Callable[[_PayoutPaidEventHandler], _PayoutPaidEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["payout.canceled"], /
    ) -> Callable[[_PayoutCanceledEventHandler], _PayoutCanceledEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["payout.in_transit"], /
    ) -> Callable[[_PayoutInTransitEventHandler], _PayoutInTransitEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["payout.failed"], /
    ) -> Callable[[_PayoutFailedEventHandler], _PayoutFailedEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["transfer.completed"], /
    ) -> Callable[[_TransferCompletedEventHandler], _TransferCompletedEventHandler]: ...

    @overload
    def on(
        self, event_type: Literal["merchant.onboarding.updated"], /
    ) -> Callable[[_MerchantOnboardingUpdatedEventHandler], _MerchantOnboardingUpdatedEventHandler]: ...

    @overload
    def on(
        self,
        first: _PaymentIntentEventType,
        second: _PaymentIntentEventType,
        /,
        *more: _PaymentIntentEventType,
    ) -> Callable[[_PaymentIntentEventHandler], _PaymentIntentEventHandler]: ...

    @overload
    def on(
        self,
        first: _RefundEventType,
        second: _RefundEventType,
        /,
        *more: _RefundEventType,
    ) -> Callable[[_RefundEventHandler], _RefundEventHandler]: ...

    @overload
    def on(
        self,
        first: _PayoutEventType,
        second: _PayoutEventType,
        /,
        *more: _PayoutEventType,
    ) -> Callable[[_PayoutEventHandler], _PayoutEventHandler]: ...

    @overload
    def on(
        self, first: EventTypeName, second: EventTypeName, /, *more: EventTypeName
    ) -> Callable[[_TypedEventHandler], _TypedEventHandler]: ...

    def on(self, *event_types: str) -> Callable[[_Handler], _Handler]:
        """Decorator: register the function as the handler of these event types (one handler per type).

        One type: the handler takes that type's model (`payment_intent.succeeded`: `PaymentIntentSucceededEvent`).
        Several types whose `data.object` is one model: the union of their models, named after that model
        (`PaymentIntentEvent`); any other several: `TypedEvent`. For a narrower union, stack one `on` per type.
        Every type is checked here, before anything is registered: an unknown one is a ValueError naming the
        closest known type.
        """
        if not event_types:
            raise ValueError("on() needs at least one event type")
        checked = [check_event_type(event_type) for event_type in event_types]

        def register(handler: _Handler) -> _Handler:
            for event_type in checked:
                self.register(event_type, handler)
            return handler

        return register
