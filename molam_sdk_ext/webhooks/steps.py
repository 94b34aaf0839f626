"""Every decision of one webhook delivery, as a generator of the operations it needs (sans-IO).

`DeliverySteps` yields store, handler and dispatch operations (`Claim`, `Call`, `Enqueue`...) and receives
their results; a driver (`molam_sdk_ext.webhooks.drivers`: in this thread, or on an event loop) performs them,
or throws `StoreFailure` / `HandlerFailure` / `DispatchFailure` into the generator when they raise. So the sync
and async processors share every decision, and only the I/O differs. What each outcome means:
docs/WEBHOOKS_AT_SCALE.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Mapping
from typing import Any, Protocol

import attrs

from molam_sdk_ext.errors import SignatureVerificationError
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.stores.webhook_events import ClaimOutcome
from molam_sdk_ext.stores.webhook_inbox import InboxEvent, WebhookInbox
from molam_sdk_ext.webhooks.dispatch import Dispatch
from molam_sdk_ext.webhooks.events import WebhookEvent, parse_payload, signature_from_headers
from molam_sdk_ext.webhooks.leases import Lease, new_holder
from molam_sdk_ext.webhooks.outcomes import Outcome, ProcessResult, describe_error, result_of
from molam_sdk_ext.webhooks.signature import WebhookVerifier

logger = get_logger("molam.webhooks")

Handler = Callable[[Any], object]
"""A handler takes the typed event; it returns nothing (or an awaitable of nothing)."""


# The operations the steps ask their driver to perform.
@attrs.frozen
class Claim:
    """``store.claim``: answered with the `ClaimOutcome`."""

    event_id: str
    holder: str | None


@attrs.frozen
class MarkProcessed:
    """``store.mark_processed``: answered with whether the completion was recorded."""

    event_id: str
    holder: str | None


@attrs.frozen
class Release:
    """``store.release``: answered with whether the failure was recorded."""

    event_id: str
    error: str
    holder: str | None


@attrs.frozen
class Renew:
    """``store.renew`` (the heartbeat's): answered with whether the lease is still held."""

    event_id: str
    holder: str


@attrs.frozen
class Record:
    """``inbox.record``: answered with whether the event is new."""

    event_id: str
    event_type: str
    payload: bytes = attrs.field(repr=False)


@attrs.frozen
class Load:
    """``inbox.load``: answered with the `InboxEvent`, or None."""

    event_id: str


@attrs.frozen
class Fail:
    """``inbox.fail``: answered with whether the failure was recorded."""

    event_id: str
    error: str
    holder: str
    retry_at: float | None


@attrs.frozen
class MarkDue:
    """``inbox.mark_due``."""

    event_id: str


@attrs.frozen
class Call:
    """Run ``handler(event)`` (under ``lease``'s heartbeat): answered with the seconds it ran."""

    handler: Handler
    event: WebhookEvent
    lease: Lease | None


@attrs.frozen
class Enqueue:
    """``dispatch.enqueue``: hand the event to a worker."""

    event_id: str


StoreOp = Claim | MarkProcessed | Release | Renew | Record | Load | Fail | MarkDue
Op = StoreOp | Call | Enqueue
Steps = Generator[Op, Any, ProcessResult]


class HandlerFailure(Exception):
    """What a driver throws into the steps when the handler raised: the exception and how long it ran."""

    def __init__(self, cause: Exception, seconds: float) -> None:
        super().__init__(describe_error(cause))
        self.cause = cause
        self.seconds = seconds


class DispatchFailure(Exception):
    """Wraps whatever enqueuing a task raised (the broker is down or unreachable)."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(describe_error(cause))
        self.cause = cause


class StoreFailure(Exception):
    """Wraps whatever a store raised, so the steps tell store failures from handler failures."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(describe_error(cause))
        self.cause = cause


def call_store(store: Any, op: StoreOp) -> Any:
    """Perform one store operation (the result, or a coroutine of it for an async store). The holder is only
    passed when there is one, so that a store written before leases keeps working."""
    if isinstance(op, Claim | MarkProcessed | Release):
        lease = () if op.holder is None else (op.holder,)
        if isinstance(op, Claim):
            return store.claim(op.event_id, *lease)
        if isinstance(op, MarkProcessed):
            return store.mark_processed(op.event_id, *lease)
        return store.release(op.event_id, op.error, *lease)
    if isinstance(op, Renew):
        return store.renew(op.event_id, op.holder)
    # The inbox's own operations (inbox mode only, where the store is the inbox).
    if isinstance(op, Record):
        return store.record(op.event_id, op.event_type, op.payload)
    if isinstance(op, Load):
        return store.load(op.event_id)
    if isinstance(op, Fail):
        return store.fail(op.event_id, op.error, op.holder, op.retry_at)
    return store.mark_due(op.event_id)


class StepsHost(Protocol):
    """What the steps read from their processor at each delivery (so changes to it apply at once)."""

    verifier: WebhookVerifier
    inbox: WebhookInbox | None
    dispatch: Dispatch | None
    retry_after: int

    def handler_for(self, event_type: str) -> Handler | None:
        """The handler of ``event_type``, or None."""
        ...


class DeliverySteps:
    """The decisions of a `WebhookProcessor`: `delivery` at the endpoint, `work` in an inbox worker.

    ``leases``: whether the store takes lease holders (a store written before leases has no ``renew``: its
    claims are unfenced and get no heartbeat); ``heartbeat_interval``: how often a lease is renewed.
    """

    def __init__(self, host: StepsHost, *, leases: bool, heartbeat_interval: float) -> None:
        self._host = host
        self._leases = leases
        self._heartbeat_interval = heartbeat_interval

    def delivery(self, raw_body: bytes | str, headers: Mapping[str, str] | str | bytes | None) -> Steps:
        """One delivery at the endpoint: verify, parse, then handle it inline or record it in the inbox."""
        try:
            self._host.verifier.verify(raw_body, signature_from_headers(headers))
            event = parse_payload(raw_body)
        except SignatureVerificationError as e:
            logger.warning("webhook rejected: %s", e.reason)
            return result_of(Outcome.INVALID_SIGNATURE, error=e.reason)
        if self._host.inbox is not None:
            payload = raw_body.encode() if isinstance(raw_body, str) else bytes(raw_body)
            return (yield from self._ingest(event, payload))
        return (yield from self._handle(event, None))

    def _ingest(self, event: WebhookEvent, payload: bytes) -> Steps:
        """Inbox mode, at the endpoint: record the verified event once, enqueue its task, acknowledge."""
        try:
            new = yield Record(event.id, event.type, payload)
        except StoreFailure as e:
            logger.error("webhook %s: inbox failed on record: %s", event.id, e)
            return result_of(
                Outcome.STORE_UNAVAILABLE, event, error=str(e), retry_after=self._host.retry_after
            )
        if not new:
            logger.info("webhook %s (%s): already in the inbox, not enqueued again", event.id, event.type)
            return result_of(Outcome.DUPLICATE, event)
        try:
            yield Enqueue(event.id)
        except DispatchFailure as e:
            # Recorded is what matters: acknowledge, and let the sweeper enqueue it once the broker is back.
            logger.warning("webhook %s: recorded but not enqueued (the sweeper will): %s", event.id, e)
            try:
                yield MarkDue(event.id)
            except StoreFailure as store_error:
                logger.error("webhook %s: inbox failed on mark_due: %s", event.id, store_error)
        logger.info("webhook %s (%s): received", event.id, event.type)
        return result_of(Outcome.RECEIVED, event)

    def work(self, event_id: str) -> Steps:
        """Inbox mode, in a worker: load the event, then the same claim / handler / record as inline."""
        try:
            loaded: InboxEvent | None = yield Load(event_id)
        except StoreFailure as e:
            logger.error("webhook %s: inbox failed on load: %s", event_id, e)
            return result_of(Outcome.STORE_UNAVAILABLE, error=str(e), event_id=event_id)
        if loaded is None:
            logger.warning("webhook %s: not in the inbox (expired, or never recorded)", event_id)
            return result_of(Outcome.NOT_FOUND, event_id=event_id)
        try:
            event = parse_payload(loaded.payload)
        except SignatureVerificationError as e:  # verified when recorded: only a store edited by hand
            return result_of(Outcome.INVALID_SIGNATURE, error=e.reason, event_id=event_id)
        return (yield from self._handle(event, loaded))

    def _handle(self, event: WebhookEvent, loaded: InboxEvent | None) -> Steps:
        """Claim the event, run its handler under the lease, record the outcome (inline, or in a worker when
        `loaded` is the inbox's record)."""
        retry_after = self._host.retry_after
        holder = new_holder() if self._leases else None
        try:
            claim = yield Claim(event.id, holder)
        except StoreFailure as e:
            logger.error("webhook %s: store failed on claim: %s", event.id, e)
            return result_of(Outcome.STORE_UNAVAILABLE, event, error=str(e), retry_after=retry_after)
        if claim is ClaimOutcome.ALREADY_PROCESSED:
            logger.info("webhook %s (%s): duplicate, not run again", event.id, event.type)
            return result_of(Outcome.DUPLICATE, event)
        if claim is ClaimOutcome.IN_PROGRESS:
            logger.info("webhook %s (%s): in progress elsewhere", event.id, event.type)
            return result_of(Outcome.IN_PROGRESS, event, retry_after=retry_after)
        if claim is ClaimOutcome.DEAD:
            logger.info("webhook %s (%s): dead, runs again only when replayed", event.id, event.type)
            return result_of(Outcome.DEAD, event)

        handler = self._host.handler_for(event.type)
        outcome = Outcome.IGNORED
        seconds: float | None = None
        if handler is not None:
            outcome = Outcome.PROCESSED
            lease = None if holder is None else Lease(event.id, holder, self._heartbeat_interval)
            try:
                seconds = yield Call(handler, event, lease)
            except HandlerFailure as failure:
                return (yield from self._failed(event, loaded, holder, failure))

        try:
            recorded = yield MarkProcessed(event.id, holder)
        except StoreFailure as e:
            # The handler ran but we could not record it: answer 503 so the sender retries; the retry finds
            # the claim in progress until lock_timeout, then runs the handler again (at-least-once here).
            logger.error("webhook %s: handler ran but store failed on mark_processed: %s", event.id, e)
            return result_of(Outcome.STORE_UNAVAILABLE, event, error=str(e), retry_after=retry_after)
        if holder is not None and not recorded:
            # Fenced: another worker took the claim over while this handler ran (it outlived its lease).
            logger.warning("webhook %s (%s): lease lost, completion not recorded", event.id, event.type)
            return result_of(Outcome.LEASE_LOST, event, retry_after=retry_after, handler_seconds=seconds)
        logger.info("webhook %s (%s): %s", event.id, event.type, outcome.value)
        return result_of(outcome, event, handler_seconds=seconds)

    def _failed(
        self, event: WebhookEvent, loaded: InboxEvent | None, holder: str | None, failure: HandlerFailure
    ) -> Steps:
        """The handler raised: release the claim (inline), or schedule the retry or give up (inbox)."""
        error = str(failure)
        logger.warning("webhook %s (%s): handler failed: %s", event.id, event.type, error)
        retry_in: float | None = None
        dispatch = self._host.dispatch
        try:
            if loaded is None or holder is None or dispatch is None:
                recorded = yield Release(event.id, error, holder)
            else:
                # The claim counted this run: the record's attempts before it, plus one.
                retry_in = dispatch.retry_delay(loaded.attempts + 1)
                retry_at = None if retry_in is None else time.time() + retry_in
                recorded = yield Fail(event.id, error, holder, retry_at)
                if recorded and retry_in is None:
                    logger.error(
                        "webhook %s (%s): dead after %d attempts", event.id, event.type, loaded.attempts + 1
                    )
                    return result_of(Outcome.DEAD, event, error=error, handler_seconds=failure.seconds)
            if not recorded and holder is not None:
                logger.warning("webhook %s: lease lost before the failure was recorded", event.id)
                retry_in = None
        except StoreFailure as store_error:
            # The claim stays until the store's lock_timeout; then a retry (or the sweeper) takes it over.
            logger.error("webhook %s: store failed recording the failure: %s", event.id, store_error)
        return result_of(
            Outcome.HANDLER_FAILED, event, error=error, handler_seconds=failure.seconds, retry_in=retry_in
        )
