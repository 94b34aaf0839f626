"""`WebhookProcessor`: verify a delivery, run its handler exactly once per event id, answer with a status code.

::

    processor = WebhookProcessor({"we_1_1": os.environ["MOLAM_WEBHOOK_SECRET"]}, store=RedisWebhookEventStore(url))

    @processor.on("payment_intent.succeeded")
    def fulfil(event: PaymentIntentSucceededEvent) -> None:
        ship(event.data.object.id)

    result = processor.process(request_body, request_headers)   # or: await processor.aprocess(...)
    return Response(result.body(), status=result.status_code, headers=result.headers())

One delivery goes: verify the signature -> parse the typed event -> claim the event id in the store -> run the
handler -> ``mark_processed`` (success) or ``release`` (failure, with the error) -> report the result to the
`on_result` callbacks. In inbox mode (``inbox=``, ``dispatch=``) the endpoint records the event and answers;
a background publisher (`molam_sdk_ext.webhooks.publisher`) enqueues it after the answer, and `work` runs the
handler in a worker.

The processor is in parts: `outcomes` (what a delivery ends as, and its status code), `leases` (claims held
by a token and renewed by a heartbeat), `steps` (every decision, as a generator of operations) and `drivers`
(perform them in this thread, or on an event loop). The outcomes and their status codes, exactly once and its
limits, leases, the inbox, and the result callbacks are described in docs/WEBHOOKS_AT_SCALE.md.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import TypeVar

from molam_sdk.events import EventHandlerRegistry
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.stores.memory import AsyncMemoryWebhookEventStore, MemoryWebhookEventStore
from molam_sdk_ext.stores.webhook_events import (
    DEFAULT_LOCK_TIMEOUT,
    AsyncWebhookEventStore,
    WebhookEventStore,
)
from molam_sdk_ext.stores.webhook_inbox import AsyncWebhookInbox, WebhookInbox
from molam_sdk_ext.webhooks.dispatch import Dispatch
from molam_sdk_ext.webhooks.drivers import AsyncStoreCaller, adrive, drive
from molam_sdk_ext.webhooks.events import WebhookEvent

# Moved to their own modules; still importable from here, where users and adapters import them.
from molam_sdk_ext.webhooks.leases import Heartbeat, Lease, heartbeat_interval, new_holder, on_renewal
from molam_sdk_ext.webhooks.outcomes import Outcome, ProcessResult, ResultCallback, describe_error
from molam_sdk_ext.webhooks.publisher import BackgroundPublisher, publish_batch
from molam_sdk_ext.webhooks.signature import (
    DEFAULT_MAX_PAYLOAD_BYTES,
    DEFAULT_TOLERANCE,
    SecretsSource,
    WebhookVerifier,
)
from molam_sdk_ext.webhooks.steps import DeliverySteps, Handler, Steps

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

_INLINE = (MemoryWebhookEventStore, AsyncMemoryWebhookEventStore)
"""Stores whose calls never block: `aprocess` calls them without a thread hop."""

# on_any's handler sees every event, typed or not (UnknownEvent), so it must accept all of them.
H = TypeVar("H", bound=Callable[[WebhookEvent], object])
R = TypeVar("R", bound=ResultCallback)


class WebhookProcessor(EventHandlerRegistry):
    """Verifies deliveries and dispatches each event to its handler exactly once (docs/WEBHOOKS_AT_SCALE.md).

    Handlers are registered with `on` (generated from the spec's webhooks, in `EventHandlerRegistry`: one
    overload per event type, so `on("payment_intent.succeeded")` takes a handler of a
    `PaymentIntentSucceededEvent`, and an unknown type is a type error and a ValueError), `on_any` and
    `register` (any type, for one newer than this SDK).

    `secrets`: anything `WebhookVerifier` accepts, or a `WebhookVerifier`. `store`: a `WebhookEventStore` or an
    `AsyncWebhookEventStore` (default: a new in-memory store, which only deduplicates within this process).
    With an async store only `aprocess` can be used; with a blocking sync store `aprocess` runs the store
    calls in a worker thread. `retry_after` (seconds) is sent with 409/503 answers.

    Inbox mode (``inbox=`` and ``dispatch=``): the endpoint records each new event and answers; with
    ``publish_in_background`` (the default) the task is enqueued by a background publisher after the answer
    (`flush` waits for it), otherwise within the request. ``async_inbox=`` (the same inbox, opened with
    ``async_webhook_inbox_from_url``) is what `aprocess` records through, on the event loop, without a
    thread; workers, the sweeper and the publisher use ``inbox=``.
    """

    def __init__(
        self,
        secrets: SecretsSource | WebhookVerifier,
        store: WebhookEventStore | AsyncWebhookEventStore | None = None,
        *,
        inbox: WebhookInbox | None = None,
        dispatch: Dispatch | None = None,
        async_inbox: AsyncWebhookInbox | None = None,
        tolerance: float = DEFAULT_TOLERANCE,
        max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES,
        retry_after: int | None = None,
        publish_in_background: bool = True,
    ) -> None:
        if isinstance(secrets, WebhookVerifier):
            self.verifier = secrets
        else:
            self.verifier = WebhookVerifier(secrets, tolerance=tolerance, max_payload_bytes=max_payload_bytes)
        if (inbox is None) != (dispatch is None):
            raise ValueError("inbox mode needs both an inbox and a dispatch (e.g. CeleryDispatch(app))")
        if inbox is not None and store is not None and store is not inbox:
            raise ValueError("in inbox mode the inbox is the store: pass inbox= only")
        if async_inbox is not None and inbox is None:
            raise ValueError("async_inbox= is the endpoint's way into inbox=, which workers use: pass both")
        self.inbox = inbox
        self.async_inbox = async_inbox
        self.dispatch = dispatch
        self.store: WebhookEventStore | AsyncWebhookEventStore = (
            inbox if inbox is not None else store if store is not None else MemoryWebhookEventStore()
        )
        self._async_store = inspect.iscoroutinefunction(self.store.claim)
        # Memory stores never block: call them inline from aprocess instead of paying for a thread hop.
        self._astore = (
            AsyncStoreCaller(
                self.store, is_async=self._async_store, blocks=not isinstance(self.store, _INLINE)
            )
            if async_inbox is None
            else AsyncStoreCaller(async_inbox, is_async=True, blocks=False)
        )
        lock_timeout = getattr(self.store, "lock_timeout", DEFAULT_LOCK_TIMEOUT)
        # A store written before leases (no `renew`) keeps working, unfenced and without a heartbeat.
        self._decisions = DeliverySteps(
            self,
            leases=callable(getattr(self.store, "renew", None)),
            heartbeat_interval=heartbeat_interval(lock_timeout),
        )
        if retry_after is None:
            retry_after = max(1, min(60, int(lock_timeout)))
        self.retry_after = retry_after
        self._handlers: dict[str, Handler] = {}
        self._fallback: Handler | None = None
        self._result_callbacks: list[ResultCallback] = []
        self.publisher: BackgroundPublisher | None = None
        if dispatch is not None:
            dispatch.bind(self)
            if publish_in_background:
                self.publisher = BackgroundPublisher(
                    lambda event_ids: publish_batch(dispatch, event_ids), self.mark_unpublished
                )

    def __repr__(self) -> str:
        mode = "" if self.dispatch is None else f", dispatch={type(self.dispatch).__name__}"
        return f"WebhookProcessor(types={sorted(self._handlers)!r}, store={type(self.store).__name__}{mode})"

    # --- registration ----------------------------------------------------------------------------------------

    # `on` is inherited from EventHandlerRegistry (typed per event type); it checks the types, then calls this.
    def register(self, event_type: str, handler: Handler) -> None:
        """Register `handler` for `event_type`; a second handler for the same type is a ValueError.

        Unlike `on`, any type is accepted (the handler then gets an `UnknownEvent` for a type newer than this
        SDK), so the handler is typed `Any`."""
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

    def _reported(self, steps: Steps) -> Steps:
        """`steps`, then the result callbacks (once, here only, whichever driver runs them)."""
        result = yield from steps
        self._report(result)
        return result

    def _enqueue(self, event_id: str) -> None:
        assert self.dispatch is not None  # an Enqueue is only asked for in inbox mode
        if self.publisher is not None:
            self.publisher.submit(event_id)  # never waits: the answer does not wait for the broker
        else:
            self.dispatch.enqueue(event_id)

    def mark_unpublished(self, event_id: str, error: BaseException) -> None:
        """Inbox mode: the recorded `event_id` could not be enqueued (`error`): mark it due, so that the next
        sweep enqueues it (the background publisher, and a dispatch's fan-out on a worker, call it)."""
        inbox, _ = self._inbox_mode()
        self._mark_due(inbox, event_id, error)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every event recorded by this process so far was enqueued, or marked due for the sweeper
        when it could not be (inbox mode with background publishing; otherwise nothing waits: True). False
        on timeout. Call it before a planned shutdown; an exit of the interpreter also flushes, briefly."""
        return True if self.publisher is None else self.publisher.flush(timeout)

    def process(
        self, raw_body: bytes | str, headers: Mapping[str, str] | str | bytes | None
    ) -> ProcessResult:
        """Process one delivery synchronously: `raw_body` exactly as received, the request `headers` (or the
        `Molam-Signature` value). Never raises for a bad delivery; see `ProcessResult`."""
        return self._drive(self._reported(self._decisions.delivery(raw_body, headers)))

    def work(self, event_id: str) -> ProcessResult:
        """Inbox mode, in a worker: run the handler of the recorded event `event_id` (see the module docstring).

        `retry_in` on the result says when the dispatch should run it again after a failure; result
        callbacks see every run.
        """
        if self.inbox is None:
            raise TypeError("work() is for a processor in inbox mode (inbox= and dispatch=)")
        return self._drive(self._reported(self._decisions.work(event_id)))

    def sweep(self, limit: int = 1000) -> list[str]:
        """Enqueue the inbox's due events (never enqueued, lost by the broker, or whose worker died); return
        the ids enqueued. What cannot be enqueued stays due for the next sweep."""
        inbox, dispatch = self._inbox_mode()
        enqueued = []
        for event_id in inbox.due(limit):
            try:
                dispatch.enqueue(event_id)
            except Exception as e:
                logger.warning("webhook sweep: could not enqueue %s: %s", event_id, describe_error(e))
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

    @classmethod
    def _enqueue_or_mark_due(cls, inbox: WebhookInbox, dispatch: Dispatch, event_id: str) -> None:
        try:
            dispatch.enqueue(event_id)
        except Exception as e:
            cls._mark_due(inbox, event_id, e)

    @staticmethod
    def _mark_due(inbox: WebhookInbox, event_id: str, error: BaseException) -> None:
        """`event_id` is recorded but could not be enqueued: make it due, so that the next sweep enqueues it."""
        logger.warning(
            "webhook %s: could not enqueue (the sweeper will): %s", event_id, describe_error(error)
        )
        inbox.mark_due(event_id)

    def _inbox_mode(self) -> tuple[WebhookInbox, Dispatch]:
        if self.inbox is None or self.dispatch is None:
            raise TypeError("this needs a processor in inbox mode (inbox= and dispatch=)")
        return self.inbox, self.dispatch

    def _drive(self, steps: Steps) -> ProcessResult:
        """The sync driver: perform each operation `steps` asks for, in this thread."""
        if self._async_store:
            raise TypeError("this processor has an async store: use `await processor.aprocess(...)`")
        store: WebhookEventStore = self.store  # type: ignore[assignment]
        return drive(steps, store, self._enqueue)

    async def aprocess(
        self, raw_body: bytes | str, headers: Mapping[str, str] | str | bytes | None
    ) -> ProcessResult:
        """The asyncio form of `process` (same decisions, same results)."""
        return await adrive(
            self._reported(self._decisions.delivery(raw_body, headers)),
            self._astore,
            self._enqueue,
            enqueue_blocks=self.publisher is None,
        )
