"""`WebhookProcessor`: verify a delivery, run its handler exactly once per event id, answer with a status code.

::

    processor = WebhookProcessor({"we_1_1": os.environ["MOLAM_WEBHOOK_SECRET"]}, store=RedisWebhookEventStore(url))

    @processor.on("payment_intent.succeeded")
    def fulfil(event: PaymentIntentSucceededEvent) -> None:
        ship(event.data.object.id)

    result = processor.process(request_body, request_headers)   # or: await processor.aprocess(...)
    return Response(result.body(), status=result.status_code, headers=result.headers())

One delivery goes: verify the signature -> parse the typed event -> claim the event id in the store ->
run the handler -> ``mark_processed`` (success) or ``release`` (failure, with the error) -> report the
result to the `on_result` callbacks. Outcomes:

================== ====== ====================================================================================
outcome            status meaning
================== ====== ====================================================================================
processed          200    the handler ran and succeeded
ignored            200    no handler for this type; recorded as processed so it is never re-run
duplicate          200    already processed: the handler is not run again
in_progress        409    another worker holds the claim; ``Retry-After`` asks the sender to come back later
lease_lost         409    the handler ran, but its claim had been taken over meanwhile (see "Leases" below):
                          its completion was not recorded; the sender's retry finds the other worker's outcome
invalid_signature  400    `SignatureVerificationError`; ``error`` holds the reason code (including
                          ``invalid_payload``: authentic but not a usable event). Retrying will not help.
handler_failed     500    the handler raised; the claim is released with the error, attempts are counted,
                          and the sender's next delivery runs the handler again
store_unavailable  503    the store failed; the handler was not run (or ran but could not be recorded)
received           200    inbox mode: recorded in the inbox and handed to a worker (the handler runs there)
dead               200    inbox mode: the event failed its last retry; only a replay runs it again
not_found          404    inbox mode, in a worker: the task names an event the inbox does not hold
================== ====== ====================================================================================

Inbox mode (``WebhookProcessor(secrets, inbox=..., dispatch=CeleryDispatch(app))``): the endpoint verifies the
delivery, records it in the durable inbox and enqueues a task carrying the event id, then answers 200
``received`` at once; a duplicate of an event already in the inbox answers 200 ``duplicate`` and enqueues
nothing; if the task cannot be enqueued (the broker is down) the event is still recorded and acknowledged,
and `sweep` enqueues it later. In the worker, `work` loads the event, claims it with a lease, runs the same
handler, and records the outcome: a failure is retried after the dispatch's backoff, and after the last
retry the event is ``dead`` (`replay` / `replay_dead` run it again). See docs/WEBHOOKS_AT_SCALE.md.

409 rather than 503 for ``in_progress``: the event is fine and the endpoint is healthy, the request conflicts
with work in flight. Every Molam delivery retry treats any non-2xx as "try again later", and a 409 does not
trip load-balancer or uptime alarms the way a 503 does. A claim whose worker died is taken over after the
store's ``lock_timeout`` (60 s by default).

Exactly once means: with a shared store (Redis, PostgreSQL, SQLite), concurrent deliveries of one event run
its handler at most once at a time, and a successful run is never repeated. A handler that fails is re-run on
the next delivery, so handlers should be safe to re-run after a *failure* (write in one transaction, or
check before doing an external side effect).

Leases. Each claim is a lease held by a random token of this delivery. While the handler runs, a heartbeat
renews it every ``lock_timeout / 3`` seconds, so a handler slower than ``lock_timeout`` keeps its claim and a
redelivery meanwhile is answered ``in_progress`` instead of running the handler a second time. The completion
is fenced: ``mark_processed`` (and ``release``) are recorded only while this delivery still holds the lease.
The limits: the lease is taken over only when its holder stopped renewing it for ``lock_timeout`` -- the
process died (the point of the timeout), or it could not reach the store, or it was frozen (a stop-the-world
pause, a suspended VM) for that long. Then a second run starts while the first may still be running; the
fence makes sure only one of them is recorded as the completion (the other answers ``lease_lost``), but the
handler's own side effects happened twice: keep ``lock_timeout`` well above any pause you expect, and make
side effects idempotent (a business idempotency key on the payment you make, a unique constraint on the row
you write) where running twice would cost money.

One handler per event type (`on`), plus an optional fallback for every other type (`on_any`). Handlers may be
plain functions or coroutine functions; both `process` (sync) and `aprocess` (async) accept both: `process`
runs a coroutine handler to completion in its own event loop, `aprocess` runs a plain handler in a worker
thread so that it cannot block the loop. The decisions live in one generator (`_steps`) that both drivers
execute; only the I/O differs.

Result callbacks observe every delivery (metrics, audit logs); `MolamMetrics.instrument_processor` uses one::

    @processor.on_result
    def count(result: ProcessResult) -> None:
        outcomes[result.outcome] += 1

Each callback receives the `ProcessResult` once per `process` / `aprocess` call, after the store has been
updated and before the answer is returned, whatever the outcome (``invalid_signature`` included). Callbacks
are plain functions, called in the processing thread (the event loop's, for `aprocess`): keep them quick and
non-blocking. One that raises is logged (``molam.webhooks`` logger) and ignored: observing a delivery never
changes its answer, and the other callbacks still run.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import enum
import inspect
import json
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Generator, Mapping
from typing import Any, TypeVar

import attrs

from molam_sdk_ext.errors import SignatureVerificationError
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.observability.redaction import redact
from molam_sdk_ext.stores.memory import AsyncMemoryWebhookEventStore, MemoryWebhookEventStore
from molam_sdk_ext.stores.webhook_events import (
    DEFAULT_LOCK_TIMEOUT,
    AsyncWebhookEventStore,
    ClaimOutcome,
    WebhookEventStore,
)
from molam_sdk_ext.stores.webhook_inbox import InboxEvent, WebhookInbox
from molam_sdk_ext.webhooks.dispatch import Dispatch
from molam_sdk_ext.webhooks.events import WebhookEvent, parse_payload, signature_from_headers
from molam_sdk_ext.webhooks.signature import (
    DEFAULT_MAX_PAYLOAD_BYTES,
    DEFAULT_TOLERANCE,
    SecretsSource,
    WebhookVerifier,
)

__all__ = [
    "Handler",
    "Heartbeat",
    "Lease",
    "Outcome",
    "ProcessResult",
    "ResultCallback",
    "WebhookProcessor",
    "heartbeat_interval",
    "new_holder",
    "on_renewal",
]

# Through get_logger so that a handler's error text (which may quote anything) is redacted like every SDK line.
logger = get_logger("molam.webhooks")

Handler = Callable[[Any], object]
"""A handler takes the typed event; it returns nothing (or an awaitable of nothing)."""

H = TypeVar("H", bound=Handler)

_MAX_ERROR_CHARS = 2000


class Outcome(enum.StrEnum):
    """What happened to one delivery (see the module docstring for the status codes)."""

    PROCESSED = "processed"
    DUPLICATE = "duplicate"
    IN_PROGRESS = "in_progress"
    LEASE_LOST = "lease_lost"
    IGNORED = "ignored"
    RECEIVED = "received"
    DEAD = "dead"
    NOT_FOUND = "not_found"
    INVALID_SIGNATURE = "invalid_signature"
    HANDLER_FAILED = "handler_failed"
    STORE_UNAVAILABLE = "store_unavailable"


_STATUS = {
    Outcome.PROCESSED: 200,
    Outcome.DUPLICATE: 200,
    Outcome.IGNORED: 200,
    Outcome.RECEIVED: 200,
    Outcome.DEAD: 200,
    Outcome.NOT_FOUND: 404,
    Outcome.IN_PROGRESS: 409,
    Outcome.LEASE_LOST: 409,
    Outcome.INVALID_SIGNATURE: 400,
    Outcome.HANDLER_FAILED: 500,
    Outcome.STORE_UNAVAILABLE: 503,
}


@attrs.frozen
class ProcessResult:
    """The result of processing one delivery; adapters turn it into the HTTP response.

    `error` is for your logs (a reason code, or the handler's exception as ``"Type: message"``); it is never
    put in the response body, which only says the outcome and the event id.
    """

    status_code: int
    outcome: Outcome
    event_id: str | None = None
    event_type: str | None = None
    error: str | None = None
    retry_after: int | None = None
    event: WebhookEvent | None = attrs.field(default=None, repr=False, eq=False)
    handler_seconds: float | None = attrs.field(default=None, eq=False)
    """How long the handler ran (None when it did not run); a measurement, so not part of equality."""
    retry_in: float | None = None
    """Inbox mode, in a worker: seconds until the failed handler is retried (None: no retry)."""

    def body(self) -> bytes:
        """The JSON response body: ``{"outcome": ..., "event_id": ...}`` (plus ``reason`` for a 400)."""
        doc: dict[str, str | None] = {"outcome": self.outcome.value, "event_id": self.event_id}
        if self.outcome is Outcome.INVALID_SIGNATURE:
            # The reason code helps whoever configures the endpoint and reveals nothing secret.
            doc["reason"] = self.error
        return json.dumps(doc, separators=(",", ":")).encode()

    def headers(self) -> dict[str, str]:
        """Response headers: the content type, and ``Retry-After`` when the sender should come back later."""
        headers = {"Content-Type": "application/json"}
        if self.retry_after is not None:
            headers["Retry-After"] = str(self.retry_after)
        return headers


ResultCallback = Callable[[ProcessResult], object]
"""A result callback takes the `ProcessResult` of one delivery; a plain function (never a coroutine one)."""

R = TypeVar("R", bound=ResultCallback)


def _result(
    outcome: Outcome,
    event: WebhookEvent | None = None,
    *,
    error: str | None = None,
    retry_after: int | None = None,
    handler_seconds: float | None = None,
    retry_in: float | None = None,
    event_id: str | None = None,
) -> ProcessResult:
    return ProcessResult(
        status_code=_STATUS[outcome],
        outcome=outcome,
        event_id=event.id if event is not None else event_id,
        event_type=event.type if event is not None else None,
        error=error,
        retry_after=retry_after,
        event=event,
        handler_seconds=handler_seconds,
        retry_in=retry_in,
    )


def _describe(exc: BaseException) -> str:
    # Redacted: a handler's message may quote a key or a card number, and it is logged and stored.
    text = redact(f"{type(exc).__name__}: {exc}")
    return text[:_MAX_ERROR_CHARS]


# The operations `_steps` asks its driver to perform. The driver sends back the result, or throws the
# exception the operation raised into the generator.
@attrs.frozen
class _Claim:
    event_id: str
    holder: str | None


@attrs.frozen
class _MarkProcessed:
    event_id: str
    holder: str | None


@attrs.frozen
class _Release:
    event_id: str
    error: str
    holder: str | None


@attrs.frozen
class _Renew:
    event_id: str
    holder: str


@attrs.frozen
class Lease:
    """A claim held by `holder` and renewed every `interval` seconds while the handler runs."""

    event_id: str
    holder: str
    interval: float


@attrs.frozen
class _Call:
    handler: Handler
    event: WebhookEvent
    lease: Lease | None


@attrs.frozen
class _Record:
    event_id: str
    event_type: str
    payload: bytes = attrs.field(repr=False)


@attrs.frozen
class _Load:
    event_id: str


@attrs.frozen
class _Fail:
    event_id: str
    error: str
    holder: str
    retry_at: float | None


@attrs.frozen
class _MarkDue:
    event_id: str


@attrs.frozen
class _Enqueue:
    event_id: str


_StoreOp = _Claim | _MarkProcessed | _Release | _Renew | _Record | _Load | _Fail | _MarkDue
_Op = _StoreOp | _Call | _Enqueue


class _HandlerFailure(Exception):
    """What a driver throws into the steps when the handler raised: the exception and how long it ran."""

    def __init__(self, cause: Exception, seconds: float) -> None:
        super().__init__(_describe(cause))
        self.cause = cause
        self.seconds = seconds


class _DispatchFailure(Exception):
    """Wraps whatever enqueuing a task raised (the broker is down or unreachable)."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(_describe(cause))
        self.cause = cause


_Steps = Generator[_Op, Any, ProcessResult]


class _StoreFailure(Exception):
    """Wraps whatever a store raised, so `_steps` tells store failures from handler failures."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(_describe(cause))
        self.cause = cause


MIN_HEARTBEAT_INTERVAL = 0.05
"""Seconds: the heartbeat never renews more often than this, whatever the store's ``lock_timeout``."""


def heartbeat_interval(lock_timeout: float) -> float:
    """How often a lease is renewed: three times per ``lock_timeout``, so two renewals in a row may fail (a
    slow store, a short pause) before another worker can take the claim over."""
    return max(MIN_HEARTBEAT_INTERVAL, lock_timeout / 3)


def new_holder() -> str:
    """A fresh lease token (random: it fences one claim, and names nothing)."""
    return secrets.token_hex(12)


def on_renewal(lease: Lease, renewed: bool | None, error: BaseException | None) -> bool:
    """The heartbeat's decision after one renewal (`renewed`: the store's answer, None when it raised):
    whether to go on renewing. A lost lease cannot be won back; a store error may be passing."""
    if error is not None:
        logger.warning("webhook %s: lease renewal failed (will retry): %s", lease.event_id, _describe(error))
        return True
    if not renewed:
        logger.warning(
            "webhook %s: lease lost while the handler runs (another worker took the event over)",
            lease.event_id,
        )
        return False
    return True


class Heartbeat:
    """Renews a lease from a daemon thread while a block of sync code runs (`with Heartbeat(store, lease):`)."""

    def __init__(self, store: WebhookEventStore, lease: Lease) -> None:
        self._store = store
        self._lease = lease
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"molam-lease-{lease.event_id}", daemon=True)

    def _run(self) -> None:
        lease = self._lease
        while not self._stop.wait(lease.interval):
            renewed: bool | None = None
            error: BaseException | None = None
            try:
                renewed = self._store.renew(lease.event_id, lease.holder)
            except Exception as e:
                error = e
            if not on_renewal(lease, renewed, error):
                return

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _run_coroutine(awaitable: Awaitable[Any]) -> Any:
    """Run an awaitable to completion from sync code, even when this thread already runs an event loop."""

    async def wrapper() -> Any:
        return await awaitable

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(wrapper())
    # A loop is running in this thread (sync `process` called from async code): use a private thread.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, wrapper()).result()


class WebhookProcessor:
    """Verifies deliveries and dispatches each event to its handler exactly once (see the module docstring).

    `secrets`: anything `WebhookVerifier` accepts, or a `WebhookVerifier`. `store`: a `WebhookEventStore` or an
    `AsyncWebhookEventStore` (default: a new in-memory store, which only deduplicates within this process).
    With an async store only `aprocess` can be used; with a blocking sync store `aprocess` runs the store
    calls in a worker thread. `retry_after` (seconds) is sent with 409/503 answers.
    """

    def __init__(
        self,
        secrets: SecretsSource | WebhookVerifier,
        store: WebhookEventStore | AsyncWebhookEventStore | None = None,
        *,
        inbox: WebhookInbox | None = None,
        dispatch: Dispatch | None = None,
        tolerance: float = DEFAULT_TOLERANCE,
        max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES,
        retry_after: int | None = None,
    ) -> None:
        if isinstance(secrets, WebhookVerifier):
            self.verifier = secrets
        else:
            self.verifier = WebhookVerifier(secrets, tolerance=tolerance, max_payload_bytes=max_payload_bytes)
        if (inbox is None) != (dispatch is None):
            raise ValueError("inbox mode needs both an inbox and a dispatch (e.g. CeleryDispatch(app))")
        if inbox is not None and store is not None and store is not inbox:
            raise ValueError("in inbox mode the inbox is the store: pass inbox= only")
        self.inbox = inbox
        self.dispatch = dispatch
        self.store: WebhookEventStore | AsyncWebhookEventStore = (
            inbox if inbox is not None else store if store is not None else MemoryWebhookEventStore()
        )
        self._async_store = inspect.iscoroutinefunction(self.store.claim)
        # Memory stores never block: call them inline from aprocess instead of paying for a thread hop.
        self._store_blocks = not isinstance(
            self.store, MemoryWebhookEventStore | AsyncMemoryWebhookEventStore
        )
        lock_timeout = getattr(self.store, "lock_timeout", DEFAULT_LOCK_TIMEOUT)
        # A store written before leases (no `renew`) keeps working, unfenced and without a heartbeat.
        self._leases = callable(getattr(self.store, "renew", None))
        self._heartbeat_interval = heartbeat_interval(lock_timeout)
        if retry_after is None:
            retry_after = max(1, min(60, int(lock_timeout)))
        self.retry_after = retry_after
        self._handlers: dict[str, Handler] = {}
        self._fallback: Handler | None = None
        self._result_callbacks: list[ResultCallback] = []
        if dispatch is not None:
            dispatch.bind(self)

    def __repr__(self) -> str:
        mode = "" if self.dispatch is None else f", dispatch={type(self.dispatch).__name__}"
        return f"WebhookProcessor(types={sorted(self._handlers)!r}, store={type(self.store).__name__}{mode})"

    # --- registration ----------------------------------------------------------------------------------------

    def on(self, *event_types: str) -> Callable[[H], H]:
        """Decorator: register the function as the handler of these event types (one handler per type)."""
        if not event_types:
            raise ValueError("on() needs at least one event type")

        def register(handler: H) -> H:
            for event_type in event_types:
                self.register(event_type, handler)
            return handler

        return register

    def register(self, event_type: str, handler: Handler) -> None:
        """Register `handler` for `event_type`; a second handler for the same type is a ValueError."""
        if not isinstance(event_type, str) or not event_type:
            raise ValueError("event_type must be a non-empty str")
        if event_type in self._handlers:
            raise ValueError(f"a handler for {event_type!r} is already registered")
        self._handlers[event_type] = handler

    def on_any(self, handler: H) -> H:
        """Decorator: the handler for every event type without its own handler (including unknown types)."""
        if self._fallback is not None:
            raise ValueError("an on_any handler is already registered")
        self._fallback = handler
        return handler

    def handler_for(self, event_type: str) -> Handler | None:
        """The handler that would run for `event_type`, or None (the event would be ignored)."""
        return self._handlers.get(event_type, self._fallback)

    def on_result(self, callback: R) -> R:
        """Register (and return, so it works as a decorator) a callback that receives every `ProcessResult`.

        It runs once per `process` / `aprocess` call, whatever the outcome, in registration order. It must be
        a plain function (a coroutine function is a TypeError); if it raises, the error is logged and the
        delivery's result is unchanged.
        """
        if not callable(callback):
            raise TypeError("on_result() takes a callable")
        if inspect.iscoroutinefunction(callback):
            raise TypeError("result callbacks must be plain functions, not coroutine functions")
        self._result_callbacks.append(callback)
        return callback

    def _report(self, result: ProcessResult) -> None:
        """Run the result callbacks; none of them can change `result` or stop the others."""
        # A snapshot: a callback may be registered from another thread meanwhile.
        for callback in tuple(self._result_callbacks):
            try:
                value = callback(result)
            except Exception:
                logger.warning("webhook result callback %r raised; ignored", callback, exc_info=True)
                continue
            if inspect.iscoroutine(value):
                value.close()  # never awaited: close it rather than leak a "never awaited" warning
                logger.warning("webhook result callback %r returned a coroutine; ignored", callback)

    # --- processing ------------------------------------------------------------------------------------------

    def _steps(self, raw_body: bytes | str, headers: Mapping[str, str] | str | bytes | None) -> _Steps:
        """One delivery, as both drivers run it: its decisions, then the result callbacks (once, here only)."""
        result = yield from self._decide(raw_body, headers)
        self._report(result)
        return result

    def _decide(self, raw_body: bytes | str, headers: Mapping[str, str] | str | bytes | None) -> _Steps:
        """Every decision of one delivery, as a generator of store/handler operations (no I/O here)."""
        try:
            self.verifier.verify(raw_body, signature_from_headers(headers))
            event = parse_payload(raw_body)
        except SignatureVerificationError as e:
            logger.warning("webhook rejected: %s", e.reason)
            return _result(Outcome.INVALID_SIGNATURE, error=e.reason)
        if self.inbox is not None:
            payload = raw_body.encode() if isinstance(raw_body, str) else bytes(raw_body)
            return (yield from self._ingest(event, payload))
        return (yield from self._handle(event, None))

    def _ingest(self, event: WebhookEvent, payload: bytes) -> _Steps:
        """Inbox mode, at the endpoint: record the verified event once, enqueue its task, acknowledge."""
        try:
            new = yield _Record(event.id, event.type, payload)
        except _StoreFailure as e:
            logger.error("webhook %s: inbox failed on record: %s", event.id, e)
            return _result(Outcome.STORE_UNAVAILABLE, event, error=str(e), retry_after=self.retry_after)
        if not new:
            logger.info("webhook %s (%s): already in the inbox, not enqueued again", event.id, event.type)
            return _result(Outcome.DUPLICATE, event)
        try:
            yield _Enqueue(event.id)
        except _DispatchFailure as e:
            # Recorded is what matters: acknowledge, and let the sweeper enqueue it once the broker is back.
            logger.warning("webhook %s: recorded but not enqueued (the sweeper will): %s", event.id, e)
            try:
                yield _MarkDue(event.id)
            except _StoreFailure as store_error:
                logger.error("webhook %s: inbox failed on mark_due: %s", event.id, store_error)
        logger.info("webhook %s (%s): received", event.id, event.type)
        return _result(Outcome.RECEIVED, event)

    def _work_steps(self, event_id: str) -> _Steps:
        """Inbox mode, in a worker: load the event, then the same claim / handler / record as inline."""
        try:
            loaded: InboxEvent | None = yield _Load(event_id)
        except _StoreFailure as e:
            logger.error("webhook %s: inbox failed on load: %s", event_id, e)
            return _result(Outcome.STORE_UNAVAILABLE, error=str(e), event_id=event_id)
        if loaded is None:
            logger.warning("webhook %s: not in the inbox (expired, or never recorded)", event_id)
            return _result(Outcome.NOT_FOUND, event_id=event_id)
        try:
            event = parse_payload(loaded.payload)
        except SignatureVerificationError as e:  # verified when recorded: only a store edited by hand
            return _result(Outcome.INVALID_SIGNATURE, error=e.reason, event_id=event_id)
        return (yield from self._handle(event, loaded))

    def _handle(self, event: WebhookEvent, loaded: InboxEvent | None) -> _Steps:
        """Claim the event, run its handler under the lease, record the outcome (inline, or in a worker when
        `loaded` is the inbox's record)."""
        holder = new_holder() if self._leases else None
        try:
            claim = yield _Claim(event.id, holder)
        except _StoreFailure as e:
            logger.error("webhook %s: store failed on claim: %s", event.id, e)
            return _result(Outcome.STORE_UNAVAILABLE, event, error=str(e), retry_after=self.retry_after)
        if claim is ClaimOutcome.ALREADY_PROCESSED:
            logger.info("webhook %s (%s): duplicate, not run again", event.id, event.type)
            return _result(Outcome.DUPLICATE, event)
        if claim is ClaimOutcome.IN_PROGRESS:
            logger.info("webhook %s (%s): in progress elsewhere", event.id, event.type)
            return _result(Outcome.IN_PROGRESS, event, retry_after=self.retry_after)
        if claim is ClaimOutcome.DEAD:
            logger.info("webhook %s (%s): dead, runs again only when replayed", event.id, event.type)
            return _result(Outcome.DEAD, event)

        handler = self.handler_for(event.type)
        outcome = Outcome.IGNORED
        seconds: float | None = None
        if handler is not None:
            outcome = Outcome.PROCESSED
            lease = None if holder is None else Lease(event.id, holder, self._heartbeat_interval)
            try:
                seconds = yield _Call(handler, event, lease)
            except _HandlerFailure as failure:
                return (yield from self._failed(event, loaded, holder, failure))

        try:
            recorded = yield _MarkProcessed(event.id, holder)
        except _StoreFailure as e:
            # The handler ran but we could not record it: answer 503 so the sender retries; the retry finds
            # the claim in progress until lock_timeout, then runs the handler again (at-least-once here).
            logger.error("webhook %s: handler ran but store failed on mark_processed: %s", event.id, e)
            return _result(Outcome.STORE_UNAVAILABLE, event, error=str(e), retry_after=self.retry_after)
        if holder is not None and not recorded:
            # Fenced: another worker took the claim over while this handler ran (it outlived its lease).
            logger.warning("webhook %s (%s): lease lost, completion not recorded", event.id, event.type)
            return _result(Outcome.LEASE_LOST, event, retry_after=self.retry_after, handler_seconds=seconds)
        logger.info("webhook %s (%s): %s", event.id, event.type, outcome.value)
        return _result(outcome, event, handler_seconds=seconds)

    def _failed(
        self, event: WebhookEvent, loaded: InboxEvent | None, holder: str | None, failure: _HandlerFailure
    ) -> _Steps:
        """The handler raised: release the claim (inline), or schedule the retry or give up (inbox)."""
        error = str(failure)
        logger.warning("webhook %s (%s): handler failed: %s", event.id, event.type, error)
        retry_in: float | None = None
        try:
            if loaded is None or holder is None or self.dispatch is None:
                recorded = yield _Release(event.id, error, holder)
            else:
                # The claim counted this run: the record's attempts before it, plus one.
                retry_in = self.dispatch.retry_delay(loaded.attempts + 1)
                retry_at = None if retry_in is None else time.time() + retry_in
                recorded = yield _Fail(event.id, error, holder, retry_at)
                if recorded and retry_in is None:
                    logger.error(
                        "webhook %s (%s): dead after %d attempts", event.id, event.type, loaded.attempts + 1
                    )
                    return _result(Outcome.DEAD, event, error=error, handler_seconds=failure.seconds)
            if not recorded and holder is not None:
                logger.warning("webhook %s: lease lost before the failure was recorded", event.id)
                retry_in = None
        except _StoreFailure as store_error:
            # The claim stays until the store's lock_timeout; then a retry (or the sweeper) takes it over.
            logger.error("webhook %s: store failed recording the failure: %s", event.id, store_error)
        return _result(
            Outcome.HANDLER_FAILED, event, error=error, handler_seconds=failure.seconds, retry_in=retry_in
        )

    def process(
        self, raw_body: bytes | str, headers: Mapping[str, str] | str | bytes | None
    ) -> ProcessResult:
        """Process one delivery synchronously: `raw_body` exactly as received, the request `headers` (or the
        `Molam-Signature` value). Never raises for a bad delivery; see `ProcessResult`."""
        return self._drive(self._steps(raw_body, headers))

    def work(self, event_id: str) -> ProcessResult:
        """Inbox mode, in a worker: run the handler of the recorded event `event_id` (see the module docstring).

        `retry_in` on the result says when the dispatch should run it again after a failure; result
        callbacks see every run.
        """
        if self.inbox is None:
            raise TypeError("work() is for a processor in inbox mode (inbox= and dispatch=)")
        return self._drive(self._reported(self._work_steps(event_id)))

    def _reported(self, steps: _Steps) -> _Steps:
        result = yield from steps
        self._report(result)
        return result

    def sweep(self, limit: int = 1000) -> list[str]:
        """Enqueue the inbox's due events (never enqueued, lost by the broker, or whose worker died); return
        the ids enqueued. What cannot be enqueued stays due for the next sweep."""
        inbox, dispatch = self._inbox_mode()
        enqueued = []
        for event_id in inbox.due(limit):
            try:
                dispatch.enqueue(event_id)
            except Exception as e:
                logger.warning("webhook sweep: could not enqueue %s: %s", event_id, _describe(e))
                inbox.mark_due(event_id)
                continue
            enqueued.append(event_id)
        if enqueued:
            logger.info("webhook sweep: enqueued %d event(s)", len(enqueued))
        return enqueued

    def replay(self, event_id: str) -> bool:
        """Run a recorded event again (dead, failed or even processed) with a fresh retry budget: False when
        the inbox does not hold it or it is running now. The task is enqueued now (or by the next sweep)."""
        inbox, dispatch = self._inbox_mode()
        if not inbox.replay(event_id):
            return False
        self._enqueue_or_mark_due(inbox, dispatch, event_id)
        return True

    def replay_dead(self, limit: int = 1000) -> list[str]:
        """Replay every dead event (up to `limit`); return their ids."""
        inbox, dispatch = self._inbox_mode()
        replayed = inbox.replay_dead(limit)
        for event_id in replayed:
            self._enqueue_or_mark_due(inbox, dispatch, event_id)
        return replayed

    @staticmethod
    def _enqueue_or_mark_due(inbox: WebhookInbox, dispatch: Dispatch, event_id: str) -> None:
        try:
            dispatch.enqueue(event_id)
        except Exception as e:
            logger.warning("webhook %s: could not enqueue (the sweeper will): %s", event_id, _describe(e))
            inbox.mark_due(event_id)

    def _inbox_mode(self) -> tuple[WebhookInbox, Dispatch]:
        if self.inbox is None or self.dispatch is None:
            raise TypeError("this needs a processor in inbox mode (inbox= and dispatch=)")
        return self.inbox, self.dispatch

    def _drive(self, steps: _Steps) -> ProcessResult:
        """The sync driver: perform each operation `steps` asks for, in this thread."""
        if self._async_store:
            raise TypeError("this processor has an async store: use `await processor.aprocess(...)`")
        store: WebhookEventStore = self.store  # type: ignore[assignment]
        reply: Any = None
        failure: BaseException | None = None
        while True:
            try:
                op = steps.send(reply) if failure is None else steps.throw(failure)
            except StopIteration as stop:
                result: ProcessResult = stop.value
                return result
            reply, failure = None, None
            if isinstance(op, _Call):
                heartbeat = Heartbeat(store, op.lease) if op.lease is not None else contextlib.nullcontext()
                started = time.perf_counter()
                try:
                    with heartbeat:
                        value = op.handler(op.event)
                        if inspect.isawaitable(value):
                            _run_coroutine(value)
                    reply = time.perf_counter() - started
                except Exception as e:
                    failure = _HandlerFailure(e, time.perf_counter() - started)
                continue
            if isinstance(op, _Enqueue):
                try:
                    self._dispatch(op)
                except Exception as e:
                    failure = _DispatchFailure(e)
                continue
            try:
                reply = _call_store(store, op)
            except Exception as e:
                failure = _StoreFailure(e)

    def _dispatch(self, op: _Enqueue) -> None:
        assert self.dispatch is not None  # _Enqueue is only asked for in inbox mode
        self.dispatch.enqueue(op.event_id)

    async def aprocess(
        self, raw_body: bytes | str, headers: Mapping[str, str] | str | bytes | None
    ) -> ProcessResult:
        """The asyncio form of `process` (same decisions, same results)."""
        steps = self._steps(raw_body, headers)
        reply: Any = None
        failure: BaseException | None = None
        while True:
            try:
                op = steps.send(reply) if failure is None else steps.throw(failure)
            except StopIteration as stop:
                result: ProcessResult = stop.value
                return result
            reply, failure = None, None
            if isinstance(op, _Call):
                heartbeat = None if op.lease is None else asyncio.create_task(self._aheartbeat(op.lease))
                started = time.perf_counter()
                try:
                    if inspect.iscoroutinefunction(op.handler):
                        await op.handler(op.event)
                    else:
                        value = await asyncio.to_thread(op.handler, op.event)
                        if inspect.isawaitable(value):
                            await value
                    reply = time.perf_counter() - started
                except Exception as e:
                    failure = _HandlerFailure(e, time.perf_counter() - started)
                finally:
                    if heartbeat is not None:
                        heartbeat.cancel()
                        with contextlib.suppress(asyncio.CancelledError):
                            await heartbeat
                continue
            if isinstance(op, _Enqueue):
                try:
                    # Publishing to a broker is blocking I/O.
                    await asyncio.to_thread(self._dispatch, op)
                except Exception as e:
                    failure = _DispatchFailure(e)
                continue
            try:
                reply = await self._astore(op)
            except Exception as e:
                failure = _StoreFailure(e)

    async def _aheartbeat(self, lease: Lease) -> None:
        """The asyncio heartbeat: renew `lease` every interval until cancelled or lost."""
        while True:
            await asyncio.sleep(lease.interval)
            renewed: bool | None = None
            error: BaseException | None = None
            try:
                renewed = await self._astore(_Renew(lease.event_id, lease.holder))
            except Exception as e:
                error = e
            if not on_renewal(lease, renewed, error):
                return

    async def _astore(self, op: _StoreOp) -> Any:
        call: Callable[[], Any] = lambda: _call_store(self.store, op)  # noqa: E731
        if self._async_store:
            coroutine: Coroutine[Any, Any, Any] = call()
            return await coroutine
        if self._store_blocks:
            return await asyncio.to_thread(call)
        return call()


def _call_store(store: Any, op: _StoreOp) -> Any:
    """Perform one store operation (the result, or a coroutine of it for an async store). The holder is only
    passed when there is one, so that a store written before leases keeps working."""
    if isinstance(op, _Claim | _MarkProcessed | _Release):
        lease = () if op.holder is None else (op.holder,)
        if isinstance(op, _Claim):
            return store.claim(op.event_id, *lease)
        if isinstance(op, _MarkProcessed):
            return store.mark_processed(op.event_id, *lease)
        return store.release(op.event_id, op.error, *lease)
    if isinstance(op, _Renew):
        return store.renew(op.event_id, op.holder)
    # The inbox's own operations (inbox mode only, where the store is the inbox).
    if isinstance(op, _Record):
        return store.record(op.event_id, op.event_type, op.payload)
    if isinstance(op, _Load):
        return store.load(op.event_id)
    if isinstance(op, _Fail):
        return store.fail(op.event_id, op.error, op.holder, op.retry_at)
    return store.mark_due(op.event_id)
