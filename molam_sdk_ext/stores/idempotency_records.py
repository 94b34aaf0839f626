"""Idempotency records: the store protocol, its data types and the one pure decision every backend follows.

A record is keyed by the idempotency key and holds the request fingerprint, a state (in progress or completed),
the stored response once completed, when it was claimed (``locked_at``) and when it expires.

``begin(key, fingerprint)`` decides, atomically:

- no record, or an expired one (``now >= expires_at``): claim it -> ``NEW`` (the caller now holds the claim);
- a different fingerprint -> ``MISMATCH`` (the key was used for another request);
- completed -> ``COMPLETED`` with the stored response, to be replayed;
- in progress, claimed less than ``lock_timeout`` ago -> ``IN_PROGRESS`` (a twin is running);
- in progress, claimed ``lock_timeout`` or more ago -> taken over -> ``NEW`` (its worker is presumed dead).

Every write sets ``expires_at = now + ttl``; so a completed response is replayable for ``ttl`` seconds after it
was stored. ``complete`` only completes a live in-progress record (a lost claim has nothing to attach the
response to; the first completion wins), and ``fail`` deletes a live in-progress record so a retry may begin
again. Time comes from the store's clock (``time.time`` by default; hosts sharing a store need synchronised
clocks, far tighter than ``lock_timeout``).
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import json
from collections.abc import Callable
from typing import Literal, Protocol, TypedDict

import attrs

DEFAULT_TTL = 86400.0
"""Seconds a record lives after its last write (24 h)."""

DEFAULT_LOCK_TIMEOUT = 60.0
"""Seconds after which an in-progress claim may be taken over by another worker."""


class StoreOptions(TypedDict, total=False):
    """The settings every store (idempotency records, webhook claims, the inbox) takes, each optional."""

    ttl: float
    """Seconds a record lives after its last write (`DEFAULT_TTL`)."""
    lock_timeout: float
    """Seconds after which a claim may be taken over (`DEFAULT_LOCK_TIMEOUT`)."""
    clock: Callable[[], float]
    """The time in unix seconds (``time.time``; hosts sharing a store need synchronised clocks)."""


class BeginOutcome(enum.Enum):
    """What ``begin`` found for a key."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    MISMATCH = "mismatch"


@attrs.frozen
class StoredResponse:
    """A response kept for replay: status, headers in order (duplicates allowed) and the raw body."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


@attrs.frozen
class BeginResult:
    """The outcome of ``begin``; ``response`` is set only for ``COMPLETED``."""

    outcome: BeginOutcome
    response: StoredResponse | None = None


RecordState = Literal["in_progress", "completed"]


@attrs.frozen
class IdempotencyRecord:
    """A stored idempotency record, as backends persist it (times are unix seconds)."""

    key: str
    fingerprint: str
    state: RecordState
    locked_at: float | None
    expires_at: float
    response: StoredResponse | None = None

    def is_live(self, now: float) -> bool:
        """Whether the record has not expired (an expired record behaves as absent)."""
        return now < self.expires_at


class IdempotencyStore(Protocol):
    """Where idempotency records live; every method is atomic with respect to other processes."""

    def begin(self, key: str, fingerprint: str) -> BeginResult:
        """Claim ``key`` for a request with ``fingerprint``; ``NEW`` means the caller holds the claim."""

    def complete(self, key: str, response: StoredResponse) -> None:
        """Store the response of the claimed request, to be replayed to later twins."""

    def fail(self, key: str) -> None:
        """Release the claim without a response (the request did not run): a retry may begin again."""

    def cleanup(self) -> int:
        """Delete expired records; return how many were deleted."""


class AsyncIdempotencyStore(Protocol):
    """The asyncio form of ``IdempotencyStore``: the same methods as coroutines."""

    async def begin(self, key: str, fingerprint: str) -> BeginResult: ...

    async def complete(self, key: str, response: StoredResponse) -> None: ...

    async def fail(self, key: str) -> None: ...

    async def cleanup(self) -> int: ...


def decide_begin(
    record: IdempotencyRecord | None,
    key: str,
    fingerprint: str,
    *,
    now: float,
    ttl: float,
    lock_timeout: float,
) -> tuple[BeginResult, IdempotencyRecord | None]:
    """Decide ``begin`` given the current record; return the result and the record to write (None: no write)."""
    if record is not None and record.is_live(now):
        if record.fingerprint != fingerprint:
            return BeginResult(BeginOutcome.MISMATCH), None
        if record.state == "completed":
            return BeginResult(BeginOutcome.COMPLETED, record.response), None
        locked_at = record.locked_at if record.locked_at is not None else now
        if now - locked_at < lock_timeout:
            return BeginResult(BeginOutcome.IN_PROGRESS), None
    claim = IdempotencyRecord(key, fingerprint, "in_progress", locked_at=now, expires_at=now + ttl)
    return BeginResult(BeginOutcome.NEW), claim


def decide_complete(
    record: IdempotencyRecord | None, response: StoredResponse, *, now: float, ttl: float
) -> IdempotencyRecord | None:
    """Decide ``complete``: the completed record to write, or None when there is no live claim to complete."""
    if record is None or not record.is_live(now) or record.state != "in_progress":
        return None
    return attrs.evolve(record, state="completed", locked_at=None, expires_at=now + ttl, response=response)


def decide_fail(record: IdempotencyRecord | None, *, now: float) -> bool:
    """Decide ``fail``: whether to delete the record (only a live in-progress claim is released)."""
    return record is not None and record.is_live(now) and record.state == "in_progress"


def fingerprint_request(method: str, path: str, body: bytes) -> str:
    """The request fingerprint every idempotency check uses (the SDK's guard, the merchant middlewares and the
    sandbox's server-side idempotency): SHA-256 over the method, the path (with query) and the body.

    A JSON body is taken in canonical form (sorted keys, no spacing), so two requests that differ only in key
    order or whitespace share a fingerprint; any other body is taken byte for byte.
    """
    with contextlib.suppress(ValueError, RecursionError):  # not JSON (or absurdly nested): the raw bytes
        body = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode("utf-8")
    digest = hashlib.sha256()
    for part in (method.upper().encode(), path.encode(), body):
        digest.update(len(part).to_bytes(8, "big"))  # length-prefixed: no ambiguity between the parts
        digest.update(part)
    return digest.hexdigest()
