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

`IdempotencyFacade` / `AsyncIdempotencyFacade`, `EventFacade` / `AsyncEventFacade`, `InboxFacade` /
`AsyncInboxFacade` and `BreakerFacade` are the one place each protocol's methods are listed: a method (written
from the protocol's signature) hands its backend's plan and its arguments to the runner (``_run_plan``, or the
awaited ``_arun_plan``). `Offloaded` is the async face of a sync store: the sync store's own plans and runner,
called inline for memory (a dict under a lock never blocks the loop meaningfully) or in a worker thread for
SQLite (as openai-python's ``asyncify``).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import time
from collections.abc import Awaitable, Callable, Coroutine, Generator
from typing import Any, Concatenate, Generic, ParamSpec, Protocol, TypeVar, cast

import attrs

from molam_sdk_ext.stores.breaker_state import BreakerStateStore
from molam_sdk_ext.stores.idempotency_records import (
    DEFAULT_LOCK_TIMEOUT,
    DEFAULT_TTL,
    BeginResult,
    IdempotencyStore,
    StoredResponse,
    decide_begin,
    decide_complete,
    decide_fail,
)
from molam_sdk_ext.stores.webhook_events import (
    ClaimOutcome,
    EventRecord,
    StoredEvent,
    WebhookEventStore,
    decide_claim,
    decide_mark_processed,
    decide_release,
    decide_renew,
)
from molam_sdk_ext.stores.webhook_inbox import (
    DEFAULT_STALE_AFTER,
    InboxEvent,
    InboxRecord,
    InboxStats,
    WebhookInbox,
    decide_due,
    decide_inbox_fail,
    decide_mark_due,
    decide_record,
    decide_replay,
    inbox_event,
    inbox_stats,
)

T = TypeVar("T")
P = ParamSpec("P")
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

    def write(self, key: str, record: Any) -> None:
        """Store ``record`` under ``key`` (replacing any record there)."""

    def delete(self, key: str) -> None:
        """Delete the record under ``key``."""

    def delete_expired(self, now: float) -> int:
        """Delete every record expired at ``now``; how many were deleted."""

    def scan(self, now: float) -> list[InboxRecord]:
        """Every live inbox record (one that keeps a payload) at ``now``."""


@attrs.define
class _Settings:
    """A store's `StoreOptions`, with their defaults, held by its plans."""

    ttl: float = DEFAULT_TTL
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    clock: Clock = time.time


def _update(records: Records, key: str, write: Any) -> bool:
    """Write what a rule decided, if anything; whether there was something to write."""
    if write is not None:
        records.write(key, write)
    return write is not None


# The plans of the record stores (memory, SQLite): each takes the store's `Records` first and is called once,
# inside the store's lock or transaction, by its runner; the rest of its signature is the protocol method's of
# the same name (documented there). Plain calls, not generators: these stores answer in microseconds, and
# stepping a generator (or building a closure per call) would cost them more than their work.


class IdempotencyRecordPlans(_Settings):
    """The idempotency plans of a store that reads, decides and writes under its own lock (memory, SQLite)."""

    def begin(self, records: Records, key: str, fingerprint: str) -> BeginResult:
        now, ttl, lock_timeout = self.clock(), self.ttl, self.lock_timeout
        result, write = decide_begin(
            records.read(key), key, fingerprint, now=now, ttl=ttl, lock_timeout=lock_timeout
        )
        _update(records, key, write)
        return result

    def complete(self, records: Records, key: str, response: StoredResponse) -> None:
        _update(records, key, decide_complete(records.read(key), response, now=self.clock(), ttl=self.ttl))

    def fail(self, records: Records, key: str) -> None:
        if decide_fail(records.read(key), now=self.clock()):
            records.delete(key)

    def cleanup(self, records: Records) -> int:
        return records.delete_expired(self.clock())


class EventRecordPlans(_Settings):
    """The webhook-event plans of a store that reads, decides and writes under its own lock (memory, SQLite)."""

    def claim(self, records: Records, event_id: str, holder: str | None) -> ClaimOutcome:
        now, ttl, lock_timeout = self.clock(), self.ttl, self.lock_timeout
        outcome, write = decide_claim(
            records.read(event_id), event_id, now=now, ttl=ttl, lock_timeout=lock_timeout, holder=holder
        )
        _update(records, event_id, write)
        return outcome

    def renew(self, records: Records, event_id: str, holder: str) -> bool:
        write = decide_renew(records.read(event_id), holder, now=self.clock(), ttl=self.ttl)
        return _update(records, event_id, write)

    def mark_processed(self, records: Records, event_id: str, holder: str | None) -> bool:
        record = records.read(event_id)
        write = decide_mark_processed(record, event_id, now=self.clock(), ttl=self.ttl, holder=holder)
        return _update(records, event_id, write)

    def release(self, records: Records, event_id: str, error: str, holder: str | None) -> bool:
        record = records.read(event_id)
        write = decide_release(record, event_id, error, now=self.clock(), ttl=self.ttl, holder=holder)
        return _update(records, event_id, write)

    def get(self, records: Records, event_id: str) -> EventRecord | None:
        record: StoredEvent | None = records.read(event_id)
        return record.public() if record is not None and record.is_live(self.clock()) else None

    def cleanup(self, records: Records) -> int:
        return records.delete_expired(self.clock())


@attrs.define
class InboxRecordPlans(EventRecordPlans):
    """The webhook inbox's plans for a store that reads, decides and writes under its own lock."""

    stale_after: float = DEFAULT_STALE_AFTER

    def _settings(self) -> dict[str, float]:
        return {"now": self.clock(), "ttl": self.ttl, "stale_after": self.stale_after}

    def record(self, records: Records, event_id: str, event_type: str, payload: bytes) -> bool:
        write = decide_record(records.read(event_id), event_id, event_type, payload, **self._settings())
        return _update(records, event_id, write)

    def load(self, records: Records, event_id: str) -> InboxEvent | None:
        return inbox_event(records.read(event_id), self.clock())

    def fail(self, records: Records, event_id: str, error: str, holder: str, retry_at: float | None) -> bool:
        write = decide_inbox_fail(records.read(event_id), error, holder, retry_at, **self._settings())
        return _update(records, event_id, write)

    def mark_due(self, records: Records, event_id: str) -> None:
        _update(records, event_id, decide_mark_due(records.read(event_id), now=self.clock()))

    def due(self, records: Records, limit: int) -> list[str]:
        now = self.clock()
        settings = {"now": now, "lock_timeout": self.lock_timeout, "stale_after": self.stale_after}
        due = decide_due(records.scan(now), limit=limit, **settings)
        for record in due:
            records.write(record.event_id, record)
        return [record.event_id for record in due]

    def replay(self, records: Records, event_id: str) -> bool:
        return _update(records, event_id, decide_replay(records.read(event_id), **self._settings()))

    def replay_dead(self, records: Records, limit: int) -> list[str]:
        dead = [r for r in records.scan(self.clock()) if r.status == "dead"]
        dead.sort(key=lambda r: r.received_at or 0.0)
        return [r.event_id for r in dead[:limit] if self.replay(records, r.event_id)]

    def stats(self, records: Records) -> InboxStats:
        now = self.clock()
        return inbox_stats(records.scan(now), now=now)


class _Runner:
    """What every store face holds: its backend's plans, and the runner that performs them.

    The plans are a record store's (methods taking its `Records` first, returning the result) or Redis's and
    PostgreSQL's (methods returning a generator of steps): the runner knows which, so they are typed loosely
    here, and the contract tests run every operation of every backend.
    """

    _plans: Any

    def _run_plan(self, plan: Callable[..., Any], *args: Any) -> Any:
        """Perform the operation ``plan(*args)`` against the backend (blocking)."""
        raise NotImplementedError

    async def _arun_plan(self, plan: Callable[..., Any], *args: Any) -> Any:
        """Perform the operation ``plan(*args)`` against the backend."""
        raise NotImplementedError


class _Facade(_Runner):
    """A record store's face: its plans hold the settings ``ttl`` and ``lock_timeout``."""

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


def _delegation(method: Callable[..., Any], awaited: bool) -> Any:
    """The facade method of the protocol method ``method``: ``self._run_plan(self._plans.<name>, <arguments>)``
    (awaited: ``self._arun_plan``), with the protocol's parameters, defaults and docstring.

    Written from the protocol's signature, as dataclasses and attrs write ``__init__``: a generic
    ``*args, **kwargs`` wrapper would cost every call of the memory stores about a quarter of a microsecond.
    """
    name, params = method.__name__, list(inspect.signature(method).parameters.values())[1:]
    defaults = {f"_{p.name}_default": p.default for p in params if p.default is not p.empty}
    head = "".join(
        f", {p.name}" + (f"=_{p.name}_default" if p.default is not p.empty else "") for p in params
    )
    run = f"self._{'a' * awaited}run_plan(self._plans.{name}{''.join(f', {p.name}' for p in params)})"
    namespace = dict(defaults)
    exec(f"{'async ' * awaited}def {name}(self{head}):\n    return {'await ' * awaited}{run}\n", namespace)
    return functools.wraps(method)(namespace[name])


def _runs(method: Callable[Concatenate[Any, P], T]) -> Callable[Concatenate[_Runner, P], T]:
    """The facade method of the protocol method ``method``: it runs the backend's plan of the same name."""
    run: Callable[Concatenate[_Runner, P], T] = _delegation(method, awaited=False)
    return run


def _aruns(
    method: Callable[Concatenate[Any, P], T],
) -> Callable[Concatenate[_Runner, P], Coroutine[Any, Any, T]]:
    """`_runs` for an async store: the same protocol method, as a coroutine awaiting the backend's plan."""
    arun: Callable[Concatenate[_Runner, P], Coroutine[Any, Any, T]] = _delegation(method, awaited=True)
    return arun


# The one place each protocol's methods meet the plans: a facade method is the sync protocol's method (signature
# and docstring) running, or awaiting, the plan of the same name.


class IdempotencyFacade(_Facade):
    """An `IdempotencyStore`."""

    begin = _runs(IdempotencyStore.begin)
    complete = _runs(IdempotencyStore.complete)
    fail = _runs(IdempotencyStore.fail)
    cleanup = _runs(IdempotencyStore.cleanup)


class AsyncIdempotencyFacade(_Facade):
    """An `AsyncIdempotencyStore`."""

    begin = _aruns(IdempotencyStore.begin)
    complete = _aruns(IdempotencyStore.complete)
    fail = _aruns(IdempotencyStore.fail)
    cleanup = _aruns(IdempotencyStore.cleanup)


class EventFacade(_Facade):
    """A `WebhookEventStore`."""

    claim = _runs(WebhookEventStore.claim)
    renew = _runs(WebhookEventStore.renew)
    mark_processed = _runs(WebhookEventStore.mark_processed)
    release = _runs(WebhookEventStore.release)
    get = _runs(WebhookEventStore.get)
    cleanup = _runs(WebhookEventStore.cleanup)


class AsyncEventFacade(_Facade):
    """An `AsyncWebhookEventStore`."""

    claim = _aruns(WebhookEventStore.claim)
    renew = _aruns(WebhookEventStore.renew)
    mark_processed = _aruns(WebhookEventStore.mark_processed)
    release = _aruns(WebhookEventStore.release)
    get = _aruns(WebhookEventStore.get)
    cleanup = _aruns(WebhookEventStore.cleanup)


class _InboxSettings(_Facade):
    @property
    def stale_after(self) -> float:
        """Seconds after which an event recorded (or enqueued) but not yet claimed is enqueued again."""
        stale_after: float = self._plans.stale_after
        return stale_after


class InboxFacade(EventFacade, _InboxSettings):
    """A `WebhookInbox`."""

    record = _runs(WebhookInbox.record)
    load = _runs(WebhookInbox.load)
    fail = _runs(WebhookInbox.fail)
    mark_due = _runs(WebhookInbox.mark_due)
    due = _runs(WebhookInbox.due)
    replay = _runs(WebhookInbox.replay)
    replay_dead = _runs(WebhookInbox.replay_dead)
    stats = _runs(WebhookInbox.stats)


class AsyncInboxFacade(AsyncEventFacade, _InboxSettings):
    """An `AsyncWebhookInbox`."""

    record = _aruns(WebhookInbox.record)
    load = _aruns(WebhookInbox.load)
    fail = _aruns(WebhookInbox.fail)
    mark_due = _aruns(WebhookInbox.mark_due)
    due = _aruns(WebhookInbox.due)
    replay = _aruns(WebhookInbox.replay)
    replay_dead = _aruns(WebhookInbox.replay_dead)
    stats = _aruns(WebhookInbox.stats)


class BreakerFacade(_Runner):
    """A `BreakerStateStore`: per-host breaker records, each transition run as its backend's plan."""

    @property
    def clock(self) -> Clock:
        """The store's clock (unix seconds): the times in its records, which a shared breaker compares with."""
        clock: Clock = self._plans.clock
        return clock

    get = _runs(BreakerStateStore.get)
    record_success = _runs(BreakerStateStore.record_success)
    record_failure = _runs(BreakerStateStore.record_failure)
    try_acquire_probe = _runs(BreakerStateStore.try_acquire_probe)
    release_probe = _runs(BreakerStateStore.release_probe)
    reset = _runs(BreakerStateStore.reset)


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
