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

A record's ``due_at`` says when the sweeper must enqueue the event (again): ``stale_after`` seconds after it was
recorded or last enqueued by the sweeper (a task that never reached a worker: the broker lost it or was down), at
once after ``mark_due`` (the endpoint could not enqueue), ``stale_after`` after a scheduled retry's time, and for
a ``processing`` event once its lease expired (the worker died). The protocol, `WebhookInbox`, documents each
operation.

Events must be processed within the store's ``ttl`` (24 h by default): every write refreshes it, and a record
older than that behaves as absent, like any claim record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

import attrs

from molam_sdk_ext.stores.webhook_events import (
    MAX_ERROR_LENGTH,
    AsyncWebhookEventStore,
    EventStatus,
    StoredEvent,
    WebhookEventStore,
    holds_lease,
)

__all__ = [
    "DEFAULT_STALE_AFTER",
    "INBOX_STATUSES",
    "PENDING_STATUSES",
    "AsyncWebhookInbox",
    "InboxEvent",
    "InboxRecord",
    "InboxStats",
    "WebhookInbox",
    "decide_due",
    "decide_inbox_fail",
    "decide_mark_due",
    "decide_record",
    "decide_replay",
    "inbox_event",
    "inbox_stats",
    "is_due",
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
class InboxRecord(StoredEvent):
    """An event record that keeps the inbox's part: what was recorded, and when the sweeper must enqueue it.

    A subclass, so that the claims of an inline processor (most records) stay as small as before the inbox.
    """

    event_type: str | None = None
    payload: bytes | None = attrs.field(default=None, repr=False)
    received_at: float | None = None
    due_at: float | None = None


def as_inbox_record(record: StoredEvent) -> InboxRecord:
    """``record`` with the inbox's part (empty when it is the claim of an inline processor)."""
    if isinstance(record, InboxRecord):
        return record
    return InboxRecord(**attrs.asdict(record, recurse=False))


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

    @property
    def stale_after(self) -> float:
        """Seconds after which an event recorded (or enqueued) but not yet claimed is enqueued again."""

    def record(self, event_id: str, event_type: str, payload: bytes) -> bool:
        """Record a verified event (new, or expired) as ``received``; False when it is already in the inbox (a
        duplicate delivery: nothing to enqueue)."""

    def load(self, event_id: str) -> InboxEvent | None:
        """The event with its payload, or None (unknown, expired, or recorded by an inline processor)."""

    def fail(self, event_id: str, error: str, holder: str, retry_at: float | None) -> bool:
        """The handler failed: ``failed`` until ``retry_at``, or ``dead`` when None; fenced like ``release`` (False
        if ``holder`` lost the lease)."""

    def mark_due(self, event_id: str) -> None:
        """Make a ``received`` or ``failed`` event due now (its task could not be enqueued)."""

    def due(self, limit: int = 1000) -> list[str]:
        """Up to ``limit`` events to enqueue (again), their next due time pushed ``stale_after`` ahead (so that
        concurrent sweepers rarely enqueue one twice; twice is harmless: a claim lets one task run the handler)."""

    def replay(self, event_id: str) -> bool:
        """Make the event ``received`` again with a fresh retry budget (``attempts`` 0), for the caller to enqueue;
        False if unknown or ``processing`` (it is running)."""

    def replay_dead(self, limit: int = 1000) -> list[str]:
        """Replay up to ``limit`` dead events; return their ids."""

    def stats(self) -> InboxStats:
        """Counts by status and the age of the oldest event not yet done."""


class AsyncWebhookInbox(AsyncWebhookEventStore, Protocol):
    """The asyncio form of `WebhookInbox`: the same methods as coroutines, the same rules (for the endpoint of
    an asyncio web server, which records without blocking its event loop)."""

    @property
    def stale_after(self) -> float:
        """See ``WebhookInbox.stale_after``."""

    async def record(self, event_id: str, event_type: str, payload: bytes) -> bool: ...

    async def load(self, event_id: str) -> InboxEvent | None: ...

    async def fail(self, event_id: str, error: str, holder: str, retry_at: float | None) -> bool: ...

    async def mark_due(self, event_id: str) -> None: ...

    async def due(self, limit: int = 1000) -> list[str]: ...

    async def replay(self, event_id: str) -> bool: ...

    async def replay_dead(self, limit: int = 1000) -> list[str]: ...

    async def stats(self) -> InboxStats: ...


# The inbox's rules, written once: the memory and SQLite inboxes apply them to the records they read; the Redis
# scripts and PostgreSQL statements follow them (the shared contract tests check every backend against them).


def _live_inbox(record: StoredEvent | None, now: float) -> InboxRecord | None:
    # An inbox record keeps its payload; a claim of an inline processor sharing the table has none.
    if not isinstance(record, InboxRecord) or record.payload is None or not record.is_live(now):
        return None
    return record


def inbox_event(record: StoredEvent | None, now: float) -> InboxEvent | None:
    """What ``load`` answers for ``record``: the event with its payload, or None."""
    live = _live_inbox(record, now)
    if live is None or live.payload is None:
        return None
    return InboxEvent(
        live.event_id,
        live.event_type or "",
        live.payload,
        live.status,
        live.attempts,
        live.last_error,
        live.received_at if live.received_at is not None else now,
    )


def decide_record(
    record: StoredEvent | None,
    event_id: str,
    event_type: str,
    payload: bytes,
    *,
    now: float,
    ttl: float,
    stale_after: float,
) -> StoredEvent | None:
    """Decide ``record``: the ``received`` record to write, or None when the event is already held (live)."""
    if record is not None and record.is_live(now):
        return None
    return InboxRecord(
        event_id, "received", 0, None, None, now + ttl, None, event_type, payload, now, now + stale_after
    )


def decide_inbox_fail(
    record: StoredEvent | None,
    error: str,
    holder: str,
    retry_at: float | None,
    *,
    now: float,
    ttl: float,
    stale_after: float,
) -> StoredEvent | None:
    """Decide ``fail``: ``failed`` and due ``stale_after`` after ``retry_at``, or ``dead`` when ``retry_at`` is
    None; None when ``holder`` no longer holds the lease."""
    if record is None or not holds_lease(record, holder, now):
        return None
    return attrs.evolve(
        as_inbox_record(record),
        status="dead" if retry_at is None else "failed",
        last_error=error[:MAX_ERROR_LENGTH],
        claimed_at=None,
        claimed_by=None,
        due_at=None if retry_at is None else retry_at + stale_after,
        expires_at=now + ttl,
    )


def decide_mark_due(record: StoredEvent | None, *, now: float) -> StoredEvent | None:
    """Decide ``mark_due``: a ``received`` or ``failed`` event becomes due now; anything else is left alone."""
    if record is None or record.status not in ("received", "failed"):
        return None
    return attrs.evolve(as_inbox_record(record), due_at=now)


def decide_replay(
    record: StoredEvent | None, *, now: float, ttl: float, stale_after: float
) -> StoredEvent | None:
    """Decide ``replay``: back to ``received`` with a fresh retry budget (the last error kept for the record);
    None when the inbox does not hold the event or it is running now."""
    live = _live_inbox(record, now)
    if live is None or live.status == "processing":
        return None
    return attrs.evolve(
        live,
        status="received",
        attempts=0,
        claimed_at=None,
        claimed_by=None,
        due_at=now + stale_after,
        expires_at=now + ttl,
    )


def is_due(record: StoredEvent, *, now: float, lock_timeout: float) -> bool:
    """Whether the sweeper must enqueue ``record`` now: waiting or failed and past its due time, or
    ``processing`` past its due time with a lease nobody renewed for ``lock_timeout`` (its worker died)."""
    live = _live_inbox(record, now)
    if live is None or live.due_at is None or live.due_at > now:
        return False
    if record.status in ("received", "failed"):
        return True
    claimed_at = record.claimed_at
    return record.status == "processing" and claimed_at is not None and claimed_at <= now - lock_timeout


def decide_due(
    records: Iterable[InboxRecord], *, now: float, lock_timeout: float, stale_after: float, limit: int
) -> list[InboxRecord]:
    """Decide ``due``: the first ``limit`` due records by due time, their next due time ``stale_after`` ahead
    (the records to write; their ids are the answer)."""
    due = sorted(
        (r for r in records if is_due(r, now=now, lock_timeout=lock_timeout)), key=lambda r: r.due_at or 0.0
    )
    return [attrs.evolve(r, due_at=now + stale_after) for r in due[:limit]]


def inbox_stats(records: Iterable[InboxRecord], *, now: float) -> InboxStats:
    """The ``stats`` of the live inbox records among ``records``."""
    found: dict[str, int] = {}
    oldest: float | None = None
    for record in records:
        if _live_inbox(record, now) is None:
            continue
        found[record.status] = found.get(record.status, 0) + 1
        if record.status in PENDING_STATUSES and record.received_at is not None:
            oldest = record.received_at if oldest is None else min(oldest, record.received_at)
    return InboxStats(full_counts(found), None if oldest is None else max(0.0, now - oldest))
