"""The webhook inbox: verified events recorded durably, then processed by workers (the protocol and its rules).

An inbox is a `WebhookEventStore` (the same record per event id, the same claims and leases) that also keeps
each event's payload, so that the HTTP endpoint can record an event and answer at once while a worker runs
the handler later. One record per event id:

================ =========================================================================================
status           meaning
================ =========================================================================================
``received``     recorded (or replayed); a task should be on its way to a worker
``processing``   claimed by a worker (a lease, renewed while the handler runs)
``failed``       the handler failed; a retry is scheduled (``attempts`` counts the runs)
``dead``         the handler failed ``max_retries + 1`` times; it runs again only when replayed
``processed``    done (later deliveries and stale tasks are duplicates)
================ =========================================================================================

- ``record(event_id, event_type, payload)``: a new (or expired) event becomes ``received``; True. An event
  already in the inbox is left alone; False (a duplicate delivery: nothing to enqueue).
- ``due_at`` says when the sweeper must enqueue the event (again): ``stale_after`` seconds after it was
  recorded or last enqueued by the sweeper (a task that never reached a worker: the broker lost it or was
  down), at once after ``mark_due`` (the endpoint could not enqueue), ``stale_after`` after a scheduled retry's
  time, and for a ``processing`` event once its lease expired (the worker died).
- ``fail(event_id, error, holder, retry_at)``: fenced like ``release``; ``failed`` until ``retry_at``, or
  ``dead`` when ``retry_at`` is None.
- ``due(limit)``: the events due, their ``due_at`` pushed ``stale_after`` ahead (so that concurrent sweepers
  rarely enqueue one twice; twice is harmless anyway: a claim lets only one task run the handler).
- ``replay(event_id)`` / ``replay_dead()``: back to ``received`` with a fresh retry budget (``attempts`` 0);
  the caller enqueues what was replayed. A ``processing`` event is not replayed (it is running).
- ``stats()``: counts by status and the age of the oldest event not yet done.

Events must be processed within the store's ``ttl`` (24 h by default): every write refreshes it, and a record
older than that behaves as absent, like any claim record.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import attrs

from molam_sdk_ext.stores.webhook_events import EventStatus, WebhookEventStore

__all__ = [
    "DEFAULT_STALE_AFTER",
    "INBOX_STATUSES",
    "PENDING_STATUSES",
    "InboxEvent",
    "InboxStats",
    "WebhookInbox",
]

DEFAULT_STALE_AFTER = 300.0
"""Seconds after which an event recorded (or enqueued) but not yet claimed by a worker is enqueued again."""

INBOX_STATUSES: tuple[EventStatus, ...] = ("received", "processing", "failed", "dead", "processed")
PENDING_STATUSES: tuple[EventStatus, ...] = ("received", "processing", "failed")
"""The statuses of events not done yet (their age is the inbox's backlog)."""


@attrs.frozen
class InboxEvent:
    """An event as the inbox holds it: the verified payload, and where its processing stands."""

    event_id: str
    event_type: str
    payload: bytes = attrs.field(repr=False)
    status: EventStatus
    attempts: int
    last_error: str | None
    received_at: float


@attrs.frozen
class InboxStats:
    """Counts by status (every status present, 0 when none) and the oldest pending event's age in seconds."""

    counts: Mapping[str, int]
    oldest_pending_age: float | None

    @property
    def pending(self) -> int:
        """Events not done yet (received, processing or failed)."""
        return sum(self.counts.get(status, 0) for status in PENDING_STATUSES)


def full_counts(found: Mapping[str, int]) -> dict[str, int]:
    """``found`` with every inbox status present (0 when absent), in `INBOX_STATUSES` order."""
    return {status: int(found.get(status, 0)) for status in INBOX_STATUSES}


class WebhookInbox(WebhookEventStore, Protocol):
    """A `WebhookEventStore` that also keeps each event's payload for workers (see the module docstring)."""

    stale_after: float

    def record(self, event_id: str, event_type: str, payload: bytes) -> bool:
        """Record a verified event as ``received``; False when it is already in the inbox (a duplicate)."""
        ...

    def load(self, event_id: str) -> InboxEvent | None:
        """The event with its payload, or None (unknown, expired, or recorded by an inline processor)."""
        ...

    def fail(self, event_id: str, error: str, holder: str, retry_at: float | None) -> bool:
        """The handler failed: ``failed`` until ``retry_at``, or ``dead`` when None; False if the lease was lost."""
        ...

    def mark_due(self, event_id: str) -> None:
        """Make a ``received`` or ``failed`` event due now (its task could not be enqueued)."""
        ...

    def due(self, limit: int = 1000) -> list[str]:
        """Up to ``limit`` events to enqueue (again), their next due time pushed ``stale_after`` ahead."""
        ...

    def replay(self, event_id: str) -> bool:
        """Make the event ``received`` again with a fresh retry budget; False if unknown or processing."""
        ...

    def replay_dead(self, limit: int = 1000) -> list[str]:
        """Replay up to ``limit`` dead events; return their ids."""
        ...

    def stats(self) -> InboxStats:
        """Counts by status and the oldest pending age."""
        ...
