"""The store kernel: each store operation written once, as a plan, and run by a backend that only reads and writes.

The rules are the pure ``decide_*`` functions of `idempotency_records`, `webhook_events` and `webhook_inbox`.
A *plan* is one store operation, written once for a backend's sync and async stores; only the runner that
performs its reads and writes differs:

- the record stores (memory: a dict under a lock; SQLite: a table under ``BEGIN IMMEDIATE``) share
  `IdempotencyRecordPlans`, `EventRecordPlans` and `InboxRecordPlans`, whose methods take the store's
  `Records` first: read the record, decide, write what the rule says, called once inside the lock or the
  transaction;
- Redis and PostgreSQL have their own plans over the same decisions: generators (sans-IO, like the webhook
  processor's steps) that yield one Lua script or SQL statement per step and receive its answer, so their
  sync and async stores share every statement and argument.

`IdempotencyFacade` / `AsyncIdempotencyFacade`, `EventFacade` / `AsyncEventFacade` and `InboxFacade` /
`AsyncInboxFacade` are the one place each protocol's methods are listed: a method hands its backend's plan and
its arguments to the runner (``_run_plan``, or the awaited ``_arun_plan``). `Offloaded` is the async face of a sync store: the sync
store's own plans and runner, called inline for memory (a dict under a lock never blocks the loop
meaningfully) or in a worker thread for SQLite (as openai-python's ``asyncify``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Generator
from typing import Any, Generic, Protocol, TypeVar, cast

import attrs

from molam_sdk_ext.stores.idempotency_records import (
    BeginResult,
    StoredResponse,
    decide_begin,
    decide_complete,
    decide_fail,
)
from molam_sdk_ext.stores.webhook_events import (
    ClaimOutcome,
    EventRecord,
    StoredEvent,
    decide_claim,
    decide_mark_processed,
    decide_release,
    decide_renew,
)
from molam_sdk_ext.stores.webhook_inbox import (
    InboxEvent,
    InboxRecord,
    InboxStats,
    decide_due,
    decide_inbox_fail,
    decide_mark_due,
    decide_record,
    decide_replay,
    inbox_event,
    inbox_stats,
)

T = TypeVar("T")
Clock = Callable[[], float]

Plan = Generator[Any, Any, T]
"""A store operation: yields the backend's reads and writes, receives their answers, returns the result."""


def _advance(plan: Plan[Any], reply: Any) -> tuple[bool, Any]:
    """Send `reply` into `plan`: (False, its next step), or (True, its result) when it returned."""
    try:
        return False, plan.send(reply)
    except StopIteration as stop:
        return True, stop.value


def drive(plan: Plan[T], perform: Callable[[Any], Any]) -> T:
    """Run ``plan`` to its result, answering each step with ``perform(step)`` (whatever it raises propagates)."""
    done, value = _advance(plan, None)
    while not done:
        done, value = _advance(plan, perform(value))
    return cast(T, value)


async def adrive(plan: Plan[T], perform: Callable[[Any], Awaitable[Any]]) -> T:
    """`drive` for a backend whose reads and writes are awaited."""
    done, value = _advance(plan, None)
    while not done:
        done, value = _advance(plan, await perform(value))
    return cast(T, value)


class Records(Protocol):
    """One store's records, as a record plan sees them: inside the store's lock or transaction."""

    def read(self, key: str) -> Any:
        """The record under ``key``, or None."""
        ...

    def write(self, key: str, record: Any) -> None:
        """Store ``record`` under ``key`` (replacing any record there)."""
        ...

    def delete(self, key: str) -> None:
        """Delete the record under ``key``."""
        ...

    def delete_expired(self, now: float) -> int:
        """Delete every record expired at ``now``; how many were deleted."""
        ...

    def scan(self, now: float) -> list[InboxRecord]:
        """Every live inbox record (one that keeps a payload) at ``now``."""
        ...


@attrs.define
class _Settings:
    ttl: float
    lock_timeout: float
    clock: Clock


def _update(records: Records, key: str, write: Any) -> bool:
    """Write what a rule decided, if anything; whether there was something to write."""
    if write is not None:
        records.write(key, write)
    return write is not None


# The plans of the record stores (memory, SQLite): each takes the store's `Records` first and is called once,
# inside the store's lock or transaction, by its runner. Plain calls, not generators: these stores answer in
# microseconds, and stepping a generator (or building a closure per call) would cost them more than their work.


class IdempotencyRecordPlans(_Settings):
    """The idempotency plans of a store that reads, decides and writes under its own lock (memory, SQLite)."""

    def begin(self, records: Records, key: str, fingerprint: str) -> BeginResult:
        """See ``IdempotencyStore.begin``."""
        result, write = decide_begin(
            records.read(key),
            key,
            fingerprint,
            now=self.clock(),
            ttl=self.ttl,
            lock_timeout=self.lock_timeout,
        )
        if write is not None:
            records.write(key, write)
        return result

    def complete(self, records: Records, key: str, response: StoredResponse) -> None:
        """See ``IdempotencyStore.complete``."""
        _update(records, key, decide_complete(records.read(key), response, now=self.clock(), ttl=self.ttl))

    def fail(self, records: Records, key: str) -> None:
        """See ``IdempotencyStore.fail``."""
        if decide_fail(records.read(key), now=self.clock()):
            records.delete(key)

    def cleanup(self, records: Records) -> int:
        """See ``IdempotencyStore.cleanup``."""
        return records.delete_expired(self.clock())


class EventRecordPlans(_Settings):
    """The webhook-event plans of a store that reads, decides and writes under its own lock (memory, SQLite)."""

    def claim(self, records: Records, event_id: str, holder: str | None) -> ClaimOutcome:
        """See ``WebhookEventStore.claim``."""
        outcome, write = decide_claim(
            records.read(event_id),
            event_id,
            now=self.clock(),
            ttl=self.ttl,
            lock_timeout=self.lock_timeout,
            holder=holder,
        )
        if write is not None:
            records.write(event_id, write)
        return outcome

    def renew(self, records: Records, event_id: str, holder: str) -> bool:
        """See ``WebhookEventStore.renew``."""
        write = decide_renew(records.read(event_id), holder, now=self.clock(), ttl=self.ttl)
        return _update(records, event_id, write)

    def mark_processed(self, records: Records, event_id: str, holder: str | None) -> bool:
        """See ``WebhookEventStore.mark_processed``."""
        record = records.read(event_id)
        write = decide_mark_processed(record, event_id, now=self.clock(), ttl=self.ttl, holder=holder)
        return _update(records, event_id, write)

    def release(self, records: Records, event_id: str, error: str, holder: str | None) -> bool:
        """See ``WebhookEventStore.release``."""
        record = records.read(event_id)
        write = decide_release(record, event_id, error, now=self.clock(), ttl=self.ttl, holder=holder)
        return _update(records, event_id, write)

    def get(self, records: Records, event_id: str) -> EventRecord | None:
        """See ``WebhookEventStore.get``."""
        record: StoredEvent | None = records.read(event_id)
        return record.public() if record is not None and record.is_live(self.clock()) else None

    def cleanup(self, records: Records) -> int:
        """See ``WebhookEventStore.cleanup``."""
        return records.delete_expired(self.clock())


@attrs.define
class InboxRecordPlans(EventRecordPlans):
    """The webhook inbox's plans for a store that reads, decides and writes under its own lock."""

    stale_after: float

    def record(self, records: Records, event_id: str, event_type: str, payload: bytes) -> bool:
        """See ``WebhookInbox.record``."""
        settings = {"now": self.clock(), "ttl": self.ttl, "stale_after": self.stale_after}
        write = decide_record(records.read(event_id), event_id, event_type, payload, **settings)
        return _update(records, event_id, write)

    def load(self, records: Records, event_id: str) -> InboxEvent | None:
        """See ``WebhookInbox.load``."""
        return inbox_event(records.read(event_id), self.clock())

    def fail(self, records: Records, event_id: str, error: str, holder: str, retry_at: float | None) -> bool:
        """See ``WebhookInbox.fail``."""
        settings = {"now": self.clock(), "ttl": self.ttl, "stale_after": self.stale_after}
        write = decide_inbox_fail(records.read(event_id), error, holder, retry_at, **settings)
        return _update(records, event_id, write)

    def mark_due(self, records: Records, event_id: str) -> bool:
        """See ``WebhookInbox.mark_due``."""
        return _update(records, event_id, decide_mark_due(records.read(event_id), now=self.clock()))

    def due(self, records: Records, limit: int) -> list[str]:
        """See ``WebhookInbox.due``."""
        now = self.clock()
        due = decide_due(
            records.scan(now),
            now=now,
            lock_timeout=self.lock_timeout,
            stale_after=self.stale_after,
            limit=limit,
        )
        for record in due:
            records.write(record.event_id, record)
        return [record.event_id for record in due]

    def replay(self, records: Records, event_id: str) -> bool:
        """See ``WebhookInbox.replay``."""
        write = decide_replay(
            records.read(event_id), now=self.clock(), ttl=self.ttl, stale_after=self.stale_after
        )
        return _update(records, event_id, write)

    def replay_dead(self, records: Records, limit: int) -> list[str]:
        """See ``WebhookInbox.replay_dead``."""
        dead = [r for r in records.scan(self.clock()) if r.status == "dead"]
        dead.sort(key=lambda r: r.received_at or 0.0)
        return [r.event_id for r in dead[:limit] if self.replay(records, r.event_id)]

    def stats(self, records: Records) -> InboxStats:
        """See ``WebhookInbox.stats``."""
        now = self.clock()
        return inbox_stats(records.scan(now), now=now)


class _Facade:
    """What every store face holds: its backend's plans (the settings ``ttl`` and ``lock_timeout`` with them).

    The plans are a record store's (methods taking its `Records` first, returning the result) or Redis's and
    PostgreSQL's (methods returning a generator of steps): the runner knows which, so they are typed loosely
    here, and the contract tests run every operation of every backend.
    """

    _plans: Any

    @property
    def ttl(self) -> float:
        """Seconds a record lives after its last write."""
        ttl: float = self._plans.ttl
        return ttl

    @property
    def lock_timeout(self) -> float:
        """Seconds after which a claim may be taken over (the processor derives its heartbeat from it)."""
        lock_timeout: float = self._plans.lock_timeout
        return lock_timeout

    def _run_plan(self, plan: Callable[..., Any], *args: Any) -> Any:
        """Perform the operation ``plan(*args)`` against the backend (blocking)."""
        raise NotImplementedError

    async def _arun_plan(self, plan: Callable[..., Any], *args: Any) -> Any:
        """Perform the operation ``plan(*args)`` against the backend."""
        raise NotImplementedError


class IdempotencyFacade(_Facade):
    """An `IdempotencyStore`: each method runs its backend's plan."""

    def begin(self, key: str, fingerprint: str) -> BeginResult:
        """See ``IdempotencyStore.begin``."""
        result: BeginResult = self._run_plan(self._plans.begin, key, fingerprint)
        return result

    def complete(self, key: str, response: StoredResponse) -> None:
        """See ``IdempotencyStore.complete``."""
        self._run_plan(self._plans.complete, key, response)

    def fail(self, key: str) -> None:
        """See ``IdempotencyStore.fail``."""
        self._run_plan(self._plans.fail, key)

    def cleanup(self) -> int:
        """See ``IdempotencyStore.cleanup``."""
        deleted: int = self._run_plan(self._plans.cleanup)
        return deleted


class AsyncIdempotencyFacade(_Facade):
    """An `AsyncIdempotencyStore`: each method awaits its backend's plan."""

    async def begin(self, key: str, fingerprint: str) -> BeginResult:
        """See ``IdempotencyStore.begin``."""
        result: BeginResult = await self._arun_plan(self._plans.begin, key, fingerprint)
        return result

    async def complete(self, key: str, response: StoredResponse) -> None:
        """See ``IdempotencyStore.complete``."""
        await self._arun_plan(self._plans.complete, key, response)

    async def fail(self, key: str) -> None:
        """See ``IdempotencyStore.fail``."""
        await self._arun_plan(self._plans.fail, key)

    async def cleanup(self) -> int:
        """See ``IdempotencyStore.cleanup``."""
        deleted: int = await self._arun_plan(self._plans.cleanup)
        return deleted


class EventFacade(_Facade):
    """A `WebhookEventStore`: each method runs its backend's plan."""

    def claim(self, event_id: str, holder: str | None = None) -> ClaimOutcome:
        """See ``WebhookEventStore.claim``."""
        outcome: ClaimOutcome = self._run_plan(self._plans.claim, event_id, holder)
        return outcome

    def renew(self, event_id: str, holder: str) -> bool:
        """See ``WebhookEventStore.renew``."""
        return bool(self._run_plan(self._plans.renew, event_id, holder))

    def mark_processed(self, event_id: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.mark_processed``."""
        return bool(self._run_plan(self._plans.mark_processed, event_id, holder))

    def release(self, event_id: str, error: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.release``."""
        return bool(self._run_plan(self._plans.release, event_id, error, holder))

    def get(self, event_id: str) -> EventRecord | None:
        """See ``WebhookEventStore.get``."""
        record: EventRecord | None = self._run_plan(self._plans.get, event_id)
        return record

    def cleanup(self) -> int:
        """See ``WebhookEventStore.cleanup``."""
        deleted: int = self._run_plan(self._plans.cleanup)
        return deleted


class AsyncEventFacade(_Facade):
    """An `AsyncWebhookEventStore`: each method awaits its backend's plan."""

    async def claim(self, event_id: str, holder: str | None = None) -> ClaimOutcome:
        """See ``WebhookEventStore.claim``."""
        outcome: ClaimOutcome = await self._arun_plan(self._plans.claim, event_id, holder)
        return outcome

    async def renew(self, event_id: str, holder: str) -> bool:
        """See ``WebhookEventStore.renew``."""
        return bool(await self._arun_plan(self._plans.renew, event_id, holder))

    async def mark_processed(self, event_id: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.mark_processed``."""
        return bool(await self._arun_plan(self._plans.mark_processed, event_id, holder))

    async def release(self, event_id: str, error: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.release``."""
        return bool(await self._arun_plan(self._plans.release, event_id, error, holder))

    async def get(self, event_id: str) -> EventRecord | None:
        """See ``WebhookEventStore.get``."""
        record: EventRecord | None = await self._arun_plan(self._plans.get, event_id)
        return record

    async def cleanup(self) -> int:
        """See ``WebhookEventStore.cleanup``."""
        deleted: int = await self._arun_plan(self._plans.cleanup)
        return deleted


class InboxFacade(EventFacade):
    """A `WebhookInbox`: each method runs its backend's plan."""

    @property
    def stale_after(self) -> float:
        """Seconds after which an event recorded (or enqueued) but not yet claimed is enqueued again."""
        stale_after: float = self._plans.stale_after
        return stale_after

    def record(self, event_id: str, event_type: str, payload: bytes) -> bool:
        """See ``WebhookInbox.record``."""
        return bool(self._run_plan(self._plans.record, event_id, event_type, payload))

    def load(self, event_id: str) -> InboxEvent | None:
        """See ``WebhookInbox.load``."""
        event: InboxEvent | None = self._run_plan(self._plans.load, event_id)
        return event

    def fail(self, event_id: str, error: str, holder: str, retry_at: float | None) -> bool:
        """See ``WebhookInbox.fail``."""
        return bool(self._run_plan(self._plans.fail, event_id, error, holder, retry_at))

    def mark_due(self, event_id: str) -> None:
        """See ``WebhookInbox.mark_due``."""
        self._run_plan(self._plans.mark_due, event_id)

    def due(self, limit: int = 1000) -> list[str]:
        """See ``WebhookInbox.due``."""
        return list(self._run_plan(self._plans.due, limit))

    def replay(self, event_id: str) -> bool:
        """See ``WebhookInbox.replay``."""
        return bool(self._run_plan(self._plans.replay, event_id))

    def replay_dead(self, limit: int = 1000) -> list[str]:
        """See ``WebhookInbox.replay_dead``."""
        return list(self._run_plan(self._plans.replay_dead, limit))

    def stats(self) -> InboxStats:
        """See ``WebhookInbox.stats``."""
        stats: InboxStats = self._run_plan(self._plans.stats)
        return stats


class AsyncInboxFacade(AsyncEventFacade):
    """An `AsyncWebhookInbox`: each method awaits its backend's plan."""

    @property
    def stale_after(self) -> float:
        """See ``WebhookInbox.stale_after``."""
        stale_after: float = self._plans.stale_after
        return stale_after

    async def record(self, event_id: str, event_type: str, payload: bytes) -> bool:
        """See ``WebhookInbox.record``."""
        return bool(await self._arun_plan(self._plans.record, event_id, event_type, payload))

    async def load(self, event_id: str) -> InboxEvent | None:
        """See ``WebhookInbox.load``."""
        event: InboxEvent | None = await self._arun_plan(self._plans.load, event_id)
        return event

    async def fail(self, event_id: str, error: str, holder: str, retry_at: float | None) -> bool:
        """See ``WebhookInbox.fail``."""
        return bool(await self._arun_plan(self._plans.fail, event_id, error, holder, retry_at))

    async def mark_due(self, event_id: str) -> None:
        """See ``WebhookInbox.mark_due``."""
        await self._arun_plan(self._plans.mark_due, event_id)

    async def due(self, limit: int = 1000) -> list[str]:
        """See ``WebhookInbox.due``."""
        return list(await self._arun_plan(self._plans.due, limit))

    async def replay(self, event_id: str) -> bool:
        """See ``WebhookInbox.replay``."""
        return bool(await self._arun_plan(self._plans.replay, event_id))

    async def replay_dead(self, limit: int = 1000) -> list[str]:
        """See ``WebhookInbox.replay_dead``."""
        return list(await self._arun_plan(self._plans.replay_dead, limit))

    async def stats(self) -> InboxStats:
        """See ``WebhookInbox.stats``."""
        stats: InboxStats = await self._arun_plan(self._plans.stats)
        return stats


S = TypeVar("S", bound=_Facade)


class Offloaded(Generic[S]):
    """The async face of the sync store ``sync``: its plans, run by its own runner, in a worker thread when
    ``offload`` (blocking I/O: SQLite) or inline (memory: microseconds under a lock, no thread hop)."""

    def __init__(self, sync: S, *, offload: bool) -> None:
        self.sync = sync
        self._plans = sync._plans
        self._offload = offload

    async def _arun_plan(self, plan: Callable[..., Any], *args: Any) -> Any:
        """Perform ``plan(*args)`` with the sync store's runner (in a worker thread when it blocks)."""
        if self._offload:
            return await asyncio.to_thread(self.sync._run_plan, plan, *args)
        return self.sync._run_plan(plan, *args)

    async def close(self) -> None:
        """Close the sync store (its pooled connections), if it has any."""
        close = getattr(self.sync, "close", None)
        if close is not None:
            await asyncio.to_thread(close)
