"""The store kernel: each store operation written once, as a plan, and run by a backend that only reads and writes.

The rules are the pure ``decide_*`` functions of `idempotency_records`, `webhook_events` and `webhook_inbox`.
A *plan* is a generator (sans-IO, like the webhook processor's steps): it yields the reads and writes it needs,
receives each answer, and returns the operation's result. So one plan serves a backend's sync and async
stores, and only the runner that performs the reads and writes differs:

- the record stores (memory: a dict under a lock; SQLite: a table under ``BEGIN IMMEDIATE``) share
  `IdempotencyRecordPlans` and `EventRecordPlans`: read the record, decide, write what the rule says
  (`Read`, `Write`, `Delete`, `DeleteExpired`, `Scan`);
- Redis and PostgreSQL have their own plans (one Lua script or SQL statement per step, built once for both
  forms) over the same decisions.

`IdempotencyFacade` / `AsyncIdempotencyFacade` and `EventFacade` / `AsyncEventFacade` are the one place each
protocol's methods are listed: a method asks the backend's plans for its plan and hands it to the runner
(``_run_plan``, or the awaited ``_arun_plan``). `Offloaded` is the async face of a sync store: the sync store's own
plans and runner, called inline for memory (a dict under a lock never blocks the loop meaningfully) or in a
worker thread for SQLite (as openai-python's ``asyncify``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Generator
from typing import Any, Generic, Protocol, TypeVar, cast

import attrs

from molam_sdk_ext.stores.idempotency_records import (
    BeginResult,
    IdempotencyRecord,
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


# The steps of the record stores' plans (memory, SQLite), performed inside one lock or transaction.
@attrs.frozen
class Read:
    """Answered with the record under ``key``, or None."""

    key: str


@attrs.frozen
class Write:
    """Store ``record`` under ``key`` (replacing any record there)."""

    key: str
    record: Any


@attrs.frozen
class Delete:
    """Delete the record under ``key``."""

    key: str


@attrs.frozen
class DeleteExpired:
    """Delete every record expired at ``now``; answered with how many were deleted."""

    now: float


@attrs.frozen
class Scan:
    """Answered with every live inbox record (one that keeps a payload) at ``now``."""

    now: float


class IdempotencyPlans(Protocol):
    """A backend's plans for the `IdempotencyStore` operations: the same methods, each returning its plan."""

    ttl: float
    lock_timeout: float
    clock: Clock

    def begin(self, key: str, fingerprint: str) -> Plan[BeginResult]: ...

    def complete(self, key: str, response: StoredResponse) -> Plan[None]: ...

    def fail(self, key: str) -> Plan[None]: ...

    def cleanup(self) -> Plan[int]: ...


class EventPlans(Protocol):
    """A backend's plans for the `WebhookEventStore` operations: the same methods, each returning its plan."""

    ttl: float
    lock_timeout: float
    clock: Clock

    def claim(self, event_id: str, holder: str | None) -> Plan[ClaimOutcome]: ...

    def renew(self, event_id: str, holder: str) -> Plan[bool]: ...

    def mark_processed(self, event_id: str, holder: str | None) -> Plan[bool]: ...

    def release(self, event_id: str, error: str, holder: str | None) -> Plan[bool]: ...

    def get(self, event_id: str) -> Plan[EventRecord | None]: ...

    def cleanup(self) -> Plan[int]: ...


@attrs.define
class _Settings:
    ttl: float
    lock_timeout: float
    clock: Clock


class IdempotencyRecordPlans(_Settings):
    """The idempotency plans of a store that reads, decides and writes under its own lock (memory, SQLite)."""

    def begin(self, key: str, fingerprint: str) -> Plan[BeginResult]:
        """See ``IdempotencyStore.begin``."""
        now = self.clock()
        record: IdempotencyRecord | None = yield Read(key)
        result, write = decide_begin(
            record, key, fingerprint, now=now, ttl=self.ttl, lock_timeout=self.lock_timeout
        )
        if write is not None:
            yield Write(key, write)
        return result

    def complete(self, key: str, response: StoredResponse) -> Plan[None]:
        """See ``IdempotencyStore.complete``."""
        now = self.clock()
        write = decide_complete((yield Read(key)), response, now=now, ttl=self.ttl)
        if write is not None:
            yield Write(key, write)

    def fail(self, key: str) -> Plan[None]:
        """See ``IdempotencyStore.fail``."""
        now = self.clock()
        if decide_fail((yield Read(key)), now=now):
            yield Delete(key)

    def cleanup(self) -> Plan[int]:
        """See ``IdempotencyStore.cleanup``."""
        deleted: int = yield DeleteExpired(self.clock())
        return deleted


class EventRecordPlans(_Settings):
    """The webhook-event plans of a store that reads, decides and writes under its own lock (memory, SQLite)."""

    def claim(self, event_id: str, holder: str | None) -> Plan[ClaimOutcome]:
        """See ``WebhookEventStore.claim``."""
        now = self.clock()
        record: StoredEvent | None = yield Read(event_id)
        outcome, write = decide_claim(
            record, event_id, now=now, ttl=self.ttl, lock_timeout=self.lock_timeout, holder=holder
        )
        if write is not None:
            yield Write(event_id, write)
        return outcome

    def _update(self, event_id: str, write: StoredEvent | None) -> Plan[bool]:
        if write is not None:
            yield Write(event_id, write)
        return write is not None

    def renew(self, event_id: str, holder: str) -> Plan[bool]:
        """See ``WebhookEventStore.renew``."""
        now = self.clock()
        write = decide_renew((yield Read(event_id)), holder, now=now, ttl=self.ttl)
        return (yield from self._update(event_id, write))

    def mark_processed(self, event_id: str, holder: str | None) -> Plan[bool]:
        """See ``WebhookEventStore.mark_processed``."""
        now = self.clock()
        record = yield Read(event_id)
        write = decide_mark_processed(record, event_id, now=now, ttl=self.ttl, holder=holder)
        return (yield from self._update(event_id, write))

    def release(self, event_id: str, error: str, holder: str | None) -> Plan[bool]:
        """See ``WebhookEventStore.release``."""
        now = self.clock()
        record = yield Read(event_id)
        write = decide_release(record, event_id, error, now=now, ttl=self.ttl, holder=holder)
        return (yield from self._update(event_id, write))

    def get(self, event_id: str) -> Plan[EventRecord | None]:
        """See ``WebhookEventStore.get``."""
        record: StoredEvent | None = yield Read(event_id)
        return record.public() if record is not None and record.is_live(self.clock()) else None

    def cleanup(self) -> Plan[int]:
        """See ``WebhookEventStore.cleanup``."""
        deleted: int = yield DeleteExpired(self.clock())
        return deleted


@attrs.define
class InboxRecordPlans(EventRecordPlans):
    """The webhook inbox's plans for a store that reads, decides and writes under its own lock."""

    stale_after: float

    def record(self, event_id: str, event_type: str, payload: bytes) -> Plan[bool]:
        """See ``WebhookInbox.record``."""
        now = self.clock()
        record = yield Read(event_id)
        write = decide_record(
            record, event_id, event_type, payload, now=now, ttl=self.ttl, stale_after=self.stale_after
        )
        return (yield from self._update(event_id, write))

    def load(self, event_id: str) -> Plan[InboxEvent | None]:
        """See ``WebhookInbox.load``."""
        return inbox_event((yield Read(event_id)), self.clock())

    def fail(self, event_id: str, error: str, holder: str, retry_at: float | None) -> Plan[bool]:
        """See ``WebhookInbox.fail``."""
        now = self.clock()
        record = yield Read(event_id)
        write = decide_inbox_fail(
            record, error, holder, retry_at, now=now, ttl=self.ttl, stale_after=self.stale_after
        )
        return (yield from self._update(event_id, write))

    def mark_due(self, event_id: str) -> Plan[bool]:
        """See ``WebhookInbox.mark_due``."""
        return (yield from self._update(event_id, decide_mark_due((yield Read(event_id)), now=self.clock())))

    def due(self, limit: int) -> Plan[list[str]]:
        """See ``WebhookInbox.due``."""
        now = self.clock()
        records = yield Scan(now)
        due = decide_due(
            records, now=now, lock_timeout=self.lock_timeout, stale_after=self.stale_after, limit=limit
        )
        for record in due:
            yield Write(record.event_id, record)
        return [record.event_id for record in due]

    def replay(self, event_id: str) -> Plan[bool]:
        """See ``WebhookInbox.replay``."""
        now = self.clock()
        record = yield Read(event_id)
        write = decide_replay(record, now=now, ttl=self.ttl, stale_after=self.stale_after)
        return (yield from self._update(event_id, write))

    def replay_dead(self, limit: int) -> Plan[list[str]]:
        """See ``WebhookInbox.replay_dead``."""
        records: list[StoredEvent] = yield Scan(self.clock())
        dead = sorted((r for r in records if r.status == "dead"), key=lambda r: r.received_at or 0.0)
        replayed = []
        for record in dead[:limit]:
            if (yield from self.replay(record.event_id)):
                replayed.append(record.event_id)
        return replayed

    def stats(self) -> Plan[InboxStats]:
        """See ``WebhookInbox.stats``."""
        now = self.clock()
        return inbox_stats((yield Scan(now)), now=now)


P = TypeVar("P", IdempotencyPlans, EventPlans)


class _Facade(Generic[P]):
    """What every store face holds: its backend's plans (the settings ``ttl`` and ``lock_timeout`` with them)."""

    _plans: P

    @property
    def ttl(self) -> float:
        """Seconds a record lives after its last write."""
        return self._plans.ttl

    @property
    def lock_timeout(self) -> float:
        """Seconds after which a claim may be taken over (the processor derives its heartbeat from it)."""
        return self._plans.lock_timeout


class _SyncRunner:
    def _run_plan(self, plan: Plan[T]) -> T:
        """Perform ``plan`` against the backend (blocking)."""
        raise NotImplementedError


class _AsyncRunner:
    async def _arun_plan(self, plan: Plan[T]) -> T:
        """Perform ``plan`` against the backend."""
        raise NotImplementedError


class IdempotencyFacade(_Facade[IdempotencyPlans], _SyncRunner):
    """An `IdempotencyStore`: each method runs its backend's plan."""

    def begin(self, key: str, fingerprint: str) -> BeginResult:
        """See ``IdempotencyStore.begin``."""
        return self._run_plan(self._plans.begin(key, fingerprint))

    def complete(self, key: str, response: StoredResponse) -> None:
        """See ``IdempotencyStore.complete``."""
        self._run_plan(self._plans.complete(key, response))

    def fail(self, key: str) -> None:
        """See ``IdempotencyStore.fail``."""
        self._run_plan(self._plans.fail(key))

    def cleanup(self) -> int:
        """See ``IdempotencyStore.cleanup``."""
        return self._run_plan(self._plans.cleanup())


class AsyncIdempotencyFacade(_Facade[IdempotencyPlans], _AsyncRunner):
    """An `AsyncIdempotencyStore`: each method awaits its backend's plan."""

    async def begin(self, key: str, fingerprint: str) -> BeginResult:
        """See ``IdempotencyStore.begin``."""
        return await self._arun_plan(self._plans.begin(key, fingerprint))

    async def complete(self, key: str, response: StoredResponse) -> None:
        """See ``IdempotencyStore.complete``."""
        await self._arun_plan(self._plans.complete(key, response))

    async def fail(self, key: str) -> None:
        """See ``IdempotencyStore.fail``."""
        await self._arun_plan(self._plans.fail(key))

    async def cleanup(self) -> int:
        """See ``IdempotencyStore.cleanup``."""
        return await self._arun_plan(self._plans.cleanup())


class EventFacade(_Facade[EventPlans], _SyncRunner):
    """A `WebhookEventStore`: each method runs its backend's plan."""

    def claim(self, event_id: str, holder: str | None = None) -> ClaimOutcome:
        """See ``WebhookEventStore.claim``."""
        return self._run_plan(self._plans.claim(event_id, holder))

    def renew(self, event_id: str, holder: str) -> bool:
        """See ``WebhookEventStore.renew``."""
        return self._run_plan(self._plans.renew(event_id, holder))

    def mark_processed(self, event_id: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.mark_processed``."""
        return self._run_plan(self._plans.mark_processed(event_id, holder))

    def release(self, event_id: str, error: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.release``."""
        return self._run_plan(self._plans.release(event_id, error, holder))

    def get(self, event_id: str) -> EventRecord | None:
        """See ``WebhookEventStore.get``."""
        return self._run_plan(self._plans.get(event_id))

    def cleanup(self) -> int:
        """See ``WebhookEventStore.cleanup``."""
        return self._run_plan(self._plans.cleanup())


class AsyncEventFacade(_Facade[EventPlans], _AsyncRunner):
    """An `AsyncWebhookEventStore`: each method awaits its backend's plan."""

    async def claim(self, event_id: str, holder: str | None = None) -> ClaimOutcome:
        """See ``WebhookEventStore.claim``."""
        return await self._arun_plan(self._plans.claim(event_id, holder))

    async def renew(self, event_id: str, holder: str) -> bool:
        """See ``WebhookEventStore.renew``."""
        return await self._arun_plan(self._plans.renew(event_id, holder))

    async def mark_processed(self, event_id: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.mark_processed``."""
        return await self._arun_plan(self._plans.mark_processed(event_id, holder))

    async def release(self, event_id: str, error: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.release``."""
        return await self._arun_plan(self._plans.release(event_id, error, holder))

    async def get(self, event_id: str) -> EventRecord | None:
        """See ``WebhookEventStore.get``."""
        return await self._arun_plan(self._plans.get(event_id))

    async def cleanup(self) -> int:
        """See ``WebhookEventStore.cleanup``."""
        return await self._arun_plan(self._plans.cleanup())


class InboxFacade(EventFacade):
    """A `WebhookInbox` whose plans are `InboxRecordPlans` (memory, SQLite): each method runs its plan."""

    _plans: InboxRecordPlans

    @property
    def stale_after(self) -> float:
        """Seconds after which an event recorded (or enqueued) but not yet claimed is enqueued again."""
        return self._plans.stale_after

    def record(self, event_id: str, event_type: str, payload: bytes) -> bool:
        """See ``WebhookInbox.record``."""
        return self._run_plan(self._plans.record(event_id, event_type, payload))

    def load(self, event_id: str) -> InboxEvent | None:
        """See ``WebhookInbox.load``."""
        return self._run_plan(self._plans.load(event_id))

    def fail(self, event_id: str, error: str, holder: str, retry_at: float | None) -> bool:
        """See ``WebhookInbox.fail``."""
        return self._run_plan(self._plans.fail(event_id, error, holder, retry_at))

    def mark_due(self, event_id: str) -> None:
        """See ``WebhookInbox.mark_due``."""
        self._run_plan(self._plans.mark_due(event_id))

    def due(self, limit: int = 1000) -> list[str]:
        """See ``WebhookInbox.due``."""
        return self._run_plan(self._plans.due(limit))

    def replay(self, event_id: str) -> bool:
        """See ``WebhookInbox.replay``."""
        return self._run_plan(self._plans.replay(event_id))

    def replay_dead(self, limit: int = 1000) -> list[str]:
        """See ``WebhookInbox.replay_dead``."""
        return self._run_plan(self._plans.replay_dead(limit))

    def stats(self) -> InboxStats:
        """See ``WebhookInbox.stats``."""
        return self._run_plan(self._plans.stats())


S = TypeVar("S", bound=_SyncRunner)


class Offloaded(Generic[S]):
    """The async face of the sync store ``sync``: its plans, run by its own runner, in a worker thread when
    ``offload`` (blocking I/O: SQLite) or inline (memory: microseconds under a lock, no thread hop)."""

    def __init__(self, sync: S, *, offload: bool) -> None:
        self.sync = sync
        self._plans = sync._plans  # type: ignore[attr-defined]
        self._offload = offload

    async def _arun_plan(self, plan: Plan[T]) -> T:
        """Perform ``plan`` with the sync store's runner (in a worker thread when it blocks)."""
        if self._offload:
            return await asyncio.to_thread(self.sync._run_plan, plan)
        return self.sync._run_plan(plan)

    async def close(self) -> None:
        """Close the sync store (its pooled connections), if it has any."""
        close = getattr(self.sync, "close", None)
        if close is not None:
            await asyncio.to_thread(close)
