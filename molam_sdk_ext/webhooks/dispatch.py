"""How an inbox processor hands events to workers: the `Dispatch` protocol (`CeleryDispatch` implements it).

A dispatch enqueues a task carrying an event id, and owns the retry schedule of failed handlers (how long to
wait before attempt N + 1, and when to give up). It never sees a payload: workers load the event from the
inbox, which is the one durable copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from molam_sdk_ext.webhooks.processor import WebhookProcessor

__all__ = ["Dispatch"]


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
