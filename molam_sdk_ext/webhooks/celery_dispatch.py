"""`CeleryDispatch`: run an inbox processor's handlers on Celery workers (extra ``molam-sdk[celery]``).

::

    app = Celery("shop", broker="redis://localhost:6379/0")
    processor = WebhookProcessor(
        secrets,
        inbox=webhook_inbox_from_url("postgresql://..."),   # the durable copy of every event
        dispatch=CeleryDispatch(app, max_retries=8),
    )

    @processor.on("payment_intent.succeeded")
    def fulfil(event: PaymentIntentSucceededEvent) -> None: ...

The same module is imported by the web process (which records and enqueues) and by ``celery -A shop worker``
(which runs the handlers) and ``celery -A shop beat`` (which runs the sweeper). Binding registers three tasks
on the app:

- ``molam.webhooks.work(event_id)``: `WebhookProcessor.work`; a failed handler is retried with Celery's own
  ``Task.retry`` after an exponential backoff with full jitter (Celery's ``get_exponential_backoff_interval``:
  ``retry_backoff * 2**(n-1)`` seconds, capped at ``retry_backoff_max``), ``max_retries`` times, then the
  event is ``dead``. The task is ``acks_late`` with ``reject_on_worker_lost``: a worker killed mid-handler
  leaves the message to be delivered again, and whatever the broker does, the sweeper enqueues the event once
  its lease has expired.
- ``molam.webhooks.enqueue(event_ids)``: the web process's background publisher hands a batch of recorded
  events to the workers as this one task (one message, whatever the batch's size: a Celery publish costs
  the web process about 0.7 ms of CPU); a worker sends the batch's ``work`` tasks over one producer and
  marks due, for the sweeper, whatever it could not send. It is ``acks_late`` too: a worker killed
  mid-batch leaves it to be delivered again (a work task sent twice is harmless: the claim runs it once).
- ``molam.webhooks.sweep()``: `WebhookProcessor.sweep`, scheduled on Celery beat every ``sweep_every``
  seconds (``app.conf.beat_schedule["molam-webhooks-sweep"]``; pass ``sweep_every=None`` to schedule it
  yourself).

The endpoint never waits for the publish: it records the event and answers, and the processor's background
publisher sends the batch's ``enqueue`` task (`enqueue_many`) after the answer. Enqueuing never waits
for an unreachable broker either: an event that could not be enqueued stays recorded, is marked due, and the
sweeper enqueues it when the broker is back. So the publish is not retried (``retry=False``), and unless
the app sets it, ``broker_transport_options["max_retries"]`` is set to 0 (kombu would otherwise retry the
connection itself, for seconds per delivery). Workers are not slowed by it: their consumer reconnects under
``broker_connection_retry`` / ``broker_connection_max_retries``, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from celery import Celery, Task
from celery.utils.time import get_exponential_backoff_interval

from molam_sdk_ext.errors import check_at_least
from molam_sdk_ext.webhooks.dispatch import EnqueueStopped
from molam_sdk_ext.webhooks.processor import Outcome

if TYPE_CHECKING:
    from molam_sdk_ext.webhooks.processor import WebhookProcessor

__all__ = ["ENQUEUE_TASK", "SWEEP_SCHEDULE_NAME", "SWEEP_TASK", "WORK_TASK", "CeleryDispatch"]

WORK_TASK = "molam.webhooks.work"
ENQUEUE_TASK = "molam.webhooks.enqueue"
SWEEP_TASK = "molam.webhooks.sweep"
SWEEP_SCHEDULE_NAME = "molam-webhooks-sweep"


class CeleryDispatch:
    """A `Dispatch` on a Celery app: tasks, the retry schedule, and the sweeper's beat entry."""

    def __init__(
        self,
        app: Celery,
        *,
        max_retries: int = 5,
        retry_backoff: int = 2,
        retry_backoff_max: int = 600,
        retry_jitter: bool = True,
        sweep_every: float | None = 60.0,
        queue: str | None = None,
    ) -> None:
        check_at_least(0, "max_retries must be 0 or more", max_retries)
        check_at_least(
            0,
            "retry_backoff and retry_backoff_max must be 0 or more seconds",
            retry_backoff,
            retry_backoff_max,
        )
        self.app = app
        self.max_retries = max_retries
        self.retry_backoff = retry_backoff
        self.retry_backoff_max = retry_backoff_max
        self.retry_jitter = retry_jitter
        self.sweep_every = sweep_every
        self.queue = queue
        self._work: Task[Any, Any] | None = None
        self._fan_out: Task[Any, Any] | None = None
        self._sweep: Task[Any, Any] | None = None

    def __repr__(self) -> str:
        return f"CeleryDispatch(app={self.app.main!r}, max_retries={self.max_retries})"

    def bind(self, processor: WebhookProcessor) -> None:
        """Register the work and sweep tasks of `processor` on the app (and the sweeper's beat entry)."""
        if self._work is not None:
            raise ValueError("this CeleryDispatch is already bound to a processor")
        lock_timeout = float(getattr(processor.store, "lock_timeout", 60.0))

        def work(task: Task[Any, Any], event_id: str) -> str:
            result = processor.work(event_id)
            if result.retry_in is not None:
                raise task.retry(countdown=result.retry_in)
            if result.outcome is Outcome.IN_PROGRESS:
                # Another worker holds the lease: look again once it would have expired (it finishes, or
                # died and the claim is ours then). Bounded: a finished event is a duplicate.
                raise task.retry(countdown=lock_timeout)
            if result.outcome is Outcome.STORE_UNAVAILABLE:
                raise task.retry(countdown=self.retry_delay(1) or 1)
            return result.outcome.value

        def fan_out(event_ids: list[str]) -> int:
            try:
                self.send_work(event_ids)
            except EnqueueStopped as stopped:
                for event_id in stopped.unsent:
                    processor.mark_unpublished(event_id, stopped.cause)
                return len(event_ids) - len(stopped.unsent)
            return len(event_ids)

        def sweep() -> int:
            return len(processor.sweep())

        # shared=False: the tasks belong to this app only (Celery adds a shared task to every app it finalizes,
        # where another processor's tasks of the same names would collide with it).
        options: dict[str, Any] = {"ignore_result": True, "shared": False}
        if self.queue is not None:
            options["queue"] = self.queue
        # Celery's decorator factory is untyped in the stubs; the tasks it returns are typed.
        make_work = self.app.task(
            name=WORK_TASK, bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None, **options
        )
        self._work = make_work(work)  # type: ignore[no-untyped-call]
        make_fan_out = self.app.task(name=ENQUEUE_TASK, acks_late=True, reject_on_worker_lost=True, **options)
        self._fan_out = make_fan_out(fan_out)  # type: ignore[no-untyped-call]
        self._sweep = self.app.task(name=SWEEP_TASK, **options)(sweep)  # type: ignore[no-untyped-call]
        transport_options = dict(self.app.conf.broker_transport_options or {})
        transport_options.setdefault("max_retries", 0)
        self.app.conf.broker_transport_options = transport_options
        if self.sweep_every is not None:
            self.app.conf.beat_schedule = {
                **(self.app.conf.beat_schedule or {}),
                SWEEP_SCHEDULE_NAME: {"task": SWEEP_TASK, "schedule": self.sweep_every},
            }

    def enqueue(self, event_id: str) -> None:
        """Send the work task for `event_id` (no retries: a down broker raises at once)."""
        self._bound().apply_async(args=(event_id,), retry=False)

    def enqueue_many(self, event_ids: Sequence[str]) -> None:
        """Hand `event_ids` to the workers as one ``molam.webhooks.enqueue`` task (no retries either);
        `EnqueueStopped` with all of them when it could not be sent."""
        self._bound()
        assert self._fan_out is not None  # bound with the work task
        try:
            self._fan_out.apply_async(args=(list(event_ids),), retry=False)
        except Exception as e:
            raise EnqueueStopped(event_ids, e) from e

    def send_work(self, event_ids: Sequence[str]) -> None:
        """Send the work task of each of `event_ids` through one producer (one broker connection for the
        batch; what ``molam.webhooks.enqueue`` runs on a worker); `EnqueueStopped` with the ids not sent at
        the first failure."""
        work = self._bound()
        sent = 0
        try:
            with self.app.producer_or_acquire() as producer:
                for event_id in event_ids:
                    work.apply_async(args=(event_id,), retry=False, producer=producer)
                    sent += 1
        except Exception as e:
            raise EnqueueStopped(event_ids[sent:], e) from e

    def _bound(self) -> Task[Any, Any]:
        if self._work is None:
            raise RuntimeError("CeleryDispatch is not bound: pass it to WebhookProcessor(dispatch=...)")
        return self._work

    def retry_delay(self, attempts: int) -> float | None:
        """Celery's exponential backoff with full jitter before attempt ``attempts + 1``; None past
        ``max_retries`` retries (the event is then dead)."""
        if attempts > self.max_retries:
            return None
        return float(
            get_exponential_backoff_interval(
                self.retry_backoff, attempts - 1, self.retry_backoff_max, full_jitter=self.retry_jitter
            )
        )
