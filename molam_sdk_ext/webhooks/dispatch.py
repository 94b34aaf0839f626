"""How an inbox processor hands events to workers: the `Dispatch` protocol (`CeleryDispatch` implements it).

A dispatch enqueues a task carrying an event id, and owns the retry schedule of failed handlers (how long to
wait before attempt N + 1, and when to give up). It never sees a payload: workers load the event from the
inbox, which is the one durable copy. A dispatch that can hand over a batch of events more cheaply than one
by one (`CeleryDispatch`: one message for the batch) also implements `BatchDispatch`; the processor's
background publisher then uses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from molam_sdk_ext.webhooks.processor import WebhookProcessor

__all__ = ["BatchDispatch", "Dispatch", "EnqueueStopped"]


class Dispatch(Protocol):
    """Enqueues work for a `WebhookProcessor` in inbox mode."""

    def bind(self, processor: WebhookProcessor) -> None:
        """Called once by the processor: register whatever the workers run (tasks) for this processor."""
        ...

    def enqueue(self, event_id: str) -> None:
        """Enqueue a task that runs ``processor.work(event_id)``; raise when it could not be enqueued."""
        ...

    def retry_delay(self, attempts: int) -> float | None:
        """Seconds to wait before running a handler that failed ``attempts`` times; None: give up (dead)."""
        ...


@runtime_checkable
class BatchDispatch(Dispatch, Protocol):
    """A `Dispatch` that enqueues a batch of events at once."""

    def enqueue_many(self, event_ids: Sequence[str]) -> None:
        """Enqueue a task per event id, in order; raise `EnqueueStopped` at the first one that fails."""
        ...


class EnqueueStopped(Exception):
    """`BatchDispatch.enqueue_many` stopped at a failure: ``unsent`` were not enqueued (the failed one first),
    ``cause`` is what the broker raised."""

    def __init__(self, unsent: Sequence[str], cause: BaseException) -> None:
        super().__init__(f"{len(unsent)} event(s) not enqueued: {type(cause).__name__}")
        self.unsent = list(unsent)
        self.cause = cause
