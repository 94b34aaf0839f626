"""Webhook event claims: the dedupe store protocol, its data types and the pure decisions every backend follows.

One record per event id: status (``processing``, ``processed``, ``failed``), how many times it was claimed
(``attempts``), the last handler error, when it was claimed and when it expires.

- ``claim``: no record or an expired one -> ``CLAIMED`` (attempts 1); ``processed`` -> ``ALREADY_PROCESSED``;
  ``dead`` (an inbox event given up) -> ``DEAD``; ``received`` (an inbox event waiting) -> ``CLAIMED``;
  ``processing`` claimed less than ``lock_timeout`` ago -> ``IN_PROGRESS``; ``failed``, or ``processing`` whose
  claim is older than ``lock_timeout`` (a crashed worker) -> ``CLAIMED`` with attempts + 1.
- ``mark_processed``: the record becomes ``processed`` (final; later claims are duplicates).
- ``release(error)``: the handler failed; the record becomes ``failed`` with ``last_error`` so the next delivery
  claims it again. A ``processed`` record is never released.

Every write sets ``expires_at = now + ttl``: a processed event is remembered ``ttl`` seconds after processing.

Leases (fencing). A claim may name its ``holder`` (a random token the processor makes per delivery). The claim
is then a lease: ``renew(event_id, holder)`` moves ``claimed_at`` to now, so a handler slower than
``lock_timeout`` keeps its claim as long as its heartbeat renews it; and ``mark_processed`` / ``release`` given
the same ``holder`` are fenced: they write only while the record is still ``processing`` under that holder and
report ``False`` otherwise (the lease was lost: it expired and another worker took the event over, or the
event was completed meanwhile). So whatever happens to a worker, at most one completion is ever recorded per
claim taken. Without a ``holder`` the operations are unfenced, as before leases existed.
"""

from __future__ import annotations

import enum
from typing import Literal, Protocol

import attrs

from molam_sdk_ext.stores.idempotency_records import DEFAULT_LOCK_TIMEOUT, DEFAULT_TTL

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "DEFAULT_TTL",
    "MAX_ERROR_LENGTH",
    "AsyncWebhookEventStore",
    "ClaimOutcome",
    "EventRecord",
    "EventStatus",
    "StoredEvent",
    "WebhookEventStore",
    "decide_claim",
    "decide_mark_processed",
    "decide_release",
    "decide_renew",
    "holds_lease",
]

MAX_ERROR_LENGTH = 2000
"""``last_error`` is cut to this many characters (a traceback must not bloat the store)."""

EventStatus = Literal["received", "processing", "processed", "failed", "dead"]
"""``received`` and ``dead`` are the inbox's (``webhook_inbox``): recorded and waiting for a worker, and given up
after the last retry (a ``replay`` makes it ``received`` again)."""


class ClaimOutcome(enum.Enum):
    """What ``claim`` found for an event id."""

    CLAIMED = "claimed"
    ALREADY_PROCESSED = "already_processed"
    IN_PROGRESS = "in_progress"
    DEAD = "dead"
    """The inbox gave the event up after its last retry: it runs again only when replayed."""


@attrs.frozen
class EventRecord:
    """The public view of an event's record."""

    event_id: str
    status: EventStatus
    attempts: int
    last_error: str | None


@attrs.frozen
class StoredEvent:
    """An event record as backends persist it (times are unix seconds)."""

    event_id: str
    status: EventStatus
    attempts: int
    last_error: str | None
    claimed_at: float | None
    expires_at: float
    claimed_by: str | None = None

    def is_live(self, now: float) -> bool:
        """Whether the record has not expired (an expired record behaves as absent)."""
        return now < self.expires_at

    def public(self) -> EventRecord:
        """The ``EventRecord`` view of this record."""
        return EventRecord(self.event_id, self.status, self.attempts, self.last_error)


class WebhookEventStore(Protocol):
    """Where received webhook events are claimed; every method is atomic with respect to other processes."""

    def claim(self, event_id: str, holder: str | None = None) -> ClaimOutcome:
        """Claim the event for processing; ``CLAIMED`` means the caller must run the handler.

        With a ``holder`` token the claim is a lease that ``renew`` extends and that fences the completion.
        """

    def renew(self, event_id: str, holder: str) -> bool:
        """Extend ``holder``'s lease to a full ``lock_timeout`` from now; False when it no longer holds it."""

    def mark_processed(self, event_id: str, holder: str | None = None) -> bool:
        """Record that the handler succeeded: later deliveries are duplicates.

        With ``holder``, only while that lease is held; returns whether the completion was recorded.
        """

    def release(self, event_id: str, error: str, holder: str | None = None) -> bool:
        """Record that the handler failed with ``error``: the next delivery may claim the event again.

        With ``holder``, only while that lease is held; returns whether the failure was recorded.
        """

    def get(self, event_id: str) -> EventRecord | None:
        """The event's live record, or None."""

    def cleanup(self) -> int:
        """Delete expired records; return how many were deleted."""


class AsyncWebhookEventStore(Protocol):
    """The asyncio form of ``WebhookEventStore``: the same methods as coroutines."""

    async def claim(self, event_id: str, holder: str | None = None) -> ClaimOutcome: ...

    async def renew(self, event_id: str, holder: str) -> bool: ...

    async def mark_processed(self, event_id: str, holder: str | None = None) -> bool: ...

    async def release(self, event_id: str, error: str, holder: str | None = None) -> bool: ...

    async def get(self, event_id: str) -> EventRecord | None: ...

    async def cleanup(self) -> int: ...


def _live(record: StoredEvent | None, now: float) -> StoredEvent | None:
    return record if record is not None and record.is_live(now) else None


def holds_lease(record: StoredEvent | None, holder: str, now: float) -> bool:
    """Whether ``holder`` still holds the claim on ``record`` (live, ``processing``, claimed by ``holder``).

    An elapsed ``lock_timeout`` alone does not lose the lease: only another claim (or a completion) does.
    """
    live = _live(record, now)
    return live is not None and live.status == "processing" and live.claimed_by == holder


def decide_claim(
    record: StoredEvent | None,
    event_id: str,
    *,
    now: float,
    ttl: float,
    lock_timeout: float,
    holder: str | None = None,
) -> tuple[ClaimOutcome, StoredEvent | None]:
    """Decide ``claim`` given the current record; return the outcome and the record to write (None: no write)."""
    live = _live(record, now)
    if live is None:
        return ClaimOutcome.CLAIMED, StoredEvent(event_id, "processing", 1, None, now, now + ttl, holder)
    if live.status == "processed":
        return ClaimOutcome.ALREADY_PROCESSED, None
    if live.status == "dead":
        return ClaimOutcome.DEAD, None
    claimed_at = live.claimed_at if live.claimed_at is not None else now
    if live.status == "processing" and now - claimed_at < lock_timeout:
        return ClaimOutcome.IN_PROGRESS, None
    taken = attrs.evolve(
        live,
        status="processing",
        attempts=live.attempts + 1,
        claimed_at=now,
        expires_at=now + ttl,
        claimed_by=holder,
    )
    return ClaimOutcome.CLAIMED, taken


def decide_renew(record: StoredEvent | None, holder: str, *, now: float, ttl: float) -> StoredEvent | None:
    """Decide ``renew``: the record with its claim restarted now, or None when ``holder`` lost the lease."""
    if record is None or not holds_lease(record, holder, now):
        return None
    return attrs.evolve(record, claimed_at=now, expires_at=max(record.expires_at, now + ttl))


def decide_mark_processed(
    record: StoredEvent | None, event_id: str, *, now: float, ttl: float, holder: str | None = None
) -> StoredEvent | None:
    """Decide ``mark_processed``: the record to write (attempts at least 1; the last error is kept), or None
    when a fenced completion (``holder`` given) no longer holds the lease."""
    if holder is not None and not holds_lease(record, holder, now):
        return None
    live = _live(record, now)
    if live is None:
        return StoredEvent(event_id, "processed", 1, None, None, now + ttl)
    return attrs.evolve(
        live,
        status="processed",
        attempts=max(live.attempts, 1),
        claimed_at=None,
        expires_at=now + ttl,
        claimed_by=None,
    )


def decide_release(
    record: StoredEvent | None,
    event_id: str,
    error: str,
    *,
    now: float,
    ttl: float,
    holder: str | None = None,
) -> StoredEvent | None:
    """Decide ``release``: the failed record to write, or None to leave the record untouched (it is processed,
    or a fenced release no longer holds the lease)."""
    if holder is not None and not holds_lease(record, holder, now):
        return None
    live = _live(record, now)
    error = error[:MAX_ERROR_LENGTH]
    if live is None:
        return StoredEvent(event_id, "failed", 1, error, None, now + ttl)
    if live.status == "processed":
        return None
    return attrs.evolve(
        live,
        status="failed",
        attempts=max(live.attempts, 1),
        last_error=error,
        claimed_at=None,
        expires_at=now + ttl,
        claimed_by=None,
    )
