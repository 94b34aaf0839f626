"""The store kernel: each store operation written once, as a plan, and run by a backend that only reads and writes.

The rules are the pure ``decide_*`` functions of `idempotency_records`, `webhook_events` and `webhook_inbox`.
A *plan* is one store operation, built once for a backend's sync and async stores; only the runner that
performs its reads and writes differs:

- the record stores (memory: a dict under a lock; SQLite: a table under ``BEGIN IMMEDIATE``) share
  `IdempotencyRecordPlans`, `EventRecordPlans` and `InboxRecordPlans`: a `RecordPlan` reads the record,
  decides, and writes what the rule says, called with the store's `Records` inside its lock or transaction;
- Redis and PostgreSQL have their own plans over the same decisions: generators (sans-IO, like the webhook
  processor's steps) that yield one Lua script or SQL statement per step and receive its answer, so their
  sync and async stores share every statement and argument.

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

    def scan(self, now: float) -> list[StoredEvent]:
        """Every live inbox record (one that keeps a payload) at ``now``."""
        ...


RecordPlan = Callable[[Records], T]
"""A store operation of a record store (memory, SQLite): read, decide and write on its `Records`, called once
inside its lock or transaction. A plain call, not a generator: these stores answer in microseconds, and the
steps of a generator would cost them more than their own work."""

AnyPlan = Plan[T] | RecordPlan[T]
"""What a backend's plans return: steps for a runner to perform (Redis, PostgreSQL), or a record plan."""


class IdempotencyPlans(Protocol):
    """A backend's plans for the `IdempotencyStore` operations: the same methods, each returning its plan."""

    ttl: float
    lock_timeout: float
    clock: Clock

    def begin(self, key: str, fingerprint: str) -> AnyPlan[BeginResult]: ...

    def complete(self, key: str, response: StoredResponse) -> AnyPlan[None]: ...

    def fail(self, key: str) -> AnyPlan[None]: ...

    def cleanup(self) -> AnyPlan[int]: ...


class EventPlans(Protocol):
    """A backend's plans for the `WebhookEventStore` operations: the same methods, each returning its plan."""

    ttl: float
    lock_timeout: float
    clock: Clock

    def claim(self, event_id: str, holder: str | None) -> AnyPlan[ClaimOutcome]: ...

    def renew(self, event_id: str, holder: str) -> AnyPlan[bool]: ...

    def mark_processed(self, event_id: str, holder: str | None) -> AnyPlan[bool]: ...

    def release(self, event_id: str, error: str, holder: str | None) -> AnyPlan[bool]: ...

    def get(self, event_id: str) -> AnyPlan[EventRecord | None]: ...

    def cleanup(self) -> AnyPlan[int]: ...


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


class IdempotencyRecordPlans(_Settings):
    """The idempotency plans of a store that reads, decides and writes under its own lock (memory, SQLite)."""

    def begin(self, key: str, fingerprint: str) -> RecordPlan[BeginResult]:
        """See ``IdempotencyStore.begin``."""

        def plan(records: Records) -> BeginResult:
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

        return plan

    def complete(self, key: str, response: StoredResponse) -> RecordPlan[None]:
        """See ``IdempotencyStore.complete``."""

        def plan(records: Records) -> None:
            _update(
                records, key, decide_complete(records.read(key), response, now=self.clock(), ttl=self.ttl)
            )

        return plan

    def fail(self, key: str) -> RecordPlan[None]:
        """See ``IdempotencyStore.fail``."""

        def plan(records: Records) -> None:
            if decide_fail(records.read(key), now=self.clock()):
                records.delete(key)

        return plan

    def cleanup(self) -> RecordPlan[int]:
        """See ``IdempotencyStore.cleanup``."""
        return lambda records: records.delete_expired(self.clock())


Rule = Callable[[StoredEvent | None, float], StoredEvent | None]
"""A webhook-event rule as a record plan applies it: the current record and now -> the record to write, or None."""


class EventRecordPlans(_Settings):
    """The webhook-event plans of a store that reads, decides and writes under its own lock (memory, SQLite)."""

    def _apply(self, event_id: str, rule: Rule) -> RecordPlan[bool]:
        """The plan that writes what ``rule`` decides for the event's record; whether it wrote."""
        return lambda records: _update(records, event_id, rule(records.read(event_id), self.clock()))

    def claim(self, event_id: str, holder: str | None) -> RecordPlan[ClaimOutcome]:
        """See ``WebhookEventStore.claim``."""

        def plan(records: Records) -> ClaimOutcome:
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

        return plan

    def renew(self, event_id: str, holder: str) -> RecordPlan[bool]:
        """See ``WebhookEventStore.renew``."""
        return self._apply(event_id, lambda record, now: decide_renew(record, holder, now=now, ttl=self.ttl))

    def mark_processed(self, event_id: str, holder: str | None) -> RecordPlan[bool]:
        """See ``WebhookEventStore.mark_processed``."""
        return self._apply(
            event_id,
            lambda record, now: decide_mark_processed(record, event_id, now=now, ttl=self.ttl, holder=holder),
        )

    def release(self, event_id: str, error: str, holder: str | None) -> RecordPlan[bool]:
        """See ``WebhookEventStore.release``."""
        return self._apply(
            event_id,
            lambda record, now: decide_release(record, event_id, error, now=now, ttl=self.ttl, holder=holder),
        )

    def get(self, event_id: str) -> RecordPlan[EventRecord | None]:
        """See ``WebhookEventStore.get``."""

        def plan(records: Records) -> EventRecord | None:
            record: StoredEvent | None = records.read(event_id)
            return record.public() if record is not None and record.is_live(self.clock()) else None

        return plan

    def cleanup(self) -> RecordPlan[int]:
        """See ``WebhookEventStore.cleanup``."""
        return lambda records: records.delete_expired(self.clock())


@attrs.define
class InboxRecordPlans(EventRecordPlans):
    """The webhook inbox's plans for a store that reads, decides and writes under its own lock."""

    stale_after: float

    def record(self, event_id: str, event_type: str, payload: bytes) -> RecordPlan[bool]:
        """See ``WebhookInbox.record``."""
        return self._apply(
            event_id,
            lambda r, now: decide_record(
                r, event_id, event_type, payload, now=now, ttl=self.ttl, stale_after=self.stale_after
            ),
        )

    def load(self, event_id: str) -> RecordPlan[InboxEvent | None]:
        """See ``WebhookInbox.load``."""
        return lambda records: inbox_event(records.read(event_id), self.clock())

    def fail(self, event_id: str, error: str, holder: str, retry_at: float | None) -> RecordPlan[bool]:
        """See ``WebhookInbox.fail``."""
        return self._apply(
            event_id,
            lambda r, now: decide_inbox_fail(
                r, error, holder, retry_at, now=now, ttl=self.ttl, stale_after=self.stale_after
            ),
        )

    def mark_due(self, event_id: str) -> RecordPlan[bool]:
        """See ``WebhookInbox.mark_due``."""
        return self._apply(event_id, lambda record, now: decide_mark_due(record, now=now))

    def due(self, limit: int) -> RecordPlan[list[str]]:
        """See ``WebhookInbox.due``."""

        def plan(records: Records) -> list[str]:
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

        return plan

    def replay(self, event_id: str) -> RecordPlan[bool]:
        """See ``WebhookInbox.replay``."""
        return self._apply(
            event_id,
            lambda r, now: decide_replay(r, now=now, ttl=self.ttl, stale_after=self.stale_after),
        )

    def replay_dead(self, limit: int) -> RecordPlan[list[str]]:
        """See ``WebhookInbox.replay_dead``."""

        def plan(records: Records) -> list[str]:
            dead = [r for r in records.scan(self.clock()) if r.status == "dead"]
            dead.sort(key=lambda r: r.received_at or 0.0)
            return [r.event_id for r in dead[:limit] if self.replay(r.event_id)(records)]

        return plan

    def stats(self) -> RecordPlan[InboxStats]:
        """See ``WebhookInbox.stats``."""

        def plan(records: Records) -> InboxStats:
            now = self.clock()
            return inbox_stats(records.scan(now), now=now)

        return plan


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
    def _run_plan(self, plan: AnyPlan[T]) -> T:
        """Perform ``plan`` against the backend (blocking)."""
        raise NotImplementedError


class _AsyncRunner:
    async def _arun_plan(self, plan: AnyPlan[T]) -> T:
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

    async def _arun_plan(self, plan: AnyPlan[T]) -> T:
        """Perform ``plan`` with the sync store's runner (in a worker thread when it blocks)."""
        if self._offload:
            return await asyncio.to_thread(self.sync._run_plan, plan)
        return self.sync._run_plan(plan)

    async def close(self) -> None:
        """Close the sync store (its pooled connections), if it has any."""
        close = getattr(self.sync, "close", None)
        if close is not None:
            await asyncio.to_thread(close)
