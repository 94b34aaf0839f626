"""Run an operation at most once per idempotency key, across the threads, processes and hosts sharing a store.

The merchant's own guard, one hop above the API's: "create the payment of order 1042" runs once even when two
workers pick the job up at once, a process restarts mid-payment, or a customer double-clicks. With a key from
`idempotency_key_for` and any `IdempotencyStore` (Redis or PostgreSQL for many processes)::

    guard = IdempotencyGuard(idempotency_store_from_url(os.environ["MOLAM_STORE_URL"]))
    key = idempotency_key_for("order", order.id)
    result = guard.run_json(key, {"amount": 15000, "currency": "XOF"}, lambda: molam.payment_intents.create(
        amount=15000, currency="XOF", metadata={"order_id": order.id}, idempotency_key=key).to_dict())
    payment_intent_id = result.value["id"]     # the same id in every worker, replayed or not

For each call, `IdempotencyStore.begin` decides (`next_step`, pure, shared by the sync and async guards):

- NEW: this caller holds the claim: run the operation; store its result (`complete`) or, if it raised or its
  result must not be kept (a 5xx, 408, 409, 425 or 429 response), release the claim (`fail`) so a retry runs
  it again;
- COMPLETED with the same fingerprint: replay the stored result, without running anything;
- IN_PROGRESS: a twin is running it: wait (polling with a growing delay, up to `WaitPolicy.timeout`) for its
  result, then replay it; past the timeout, `IdempotencyKeyInUseError` (retry later);
- MISMATCH: the key was used for a different request: `IdempotencyKeyReusedError`.

A store that fails raises `StoreError` before anything runs: never a silent duplicate. If the store fails
*after* the operation ran, the result is returned (the work is done) and the failure logged; the claim then
expires after the store's ``lock_timeout``. Operations longer than ``lock_timeout`` (60 s by default) may be
taken over by a twin: keep them shorter, or build the store with a longer one.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any, Literal

import attrs

from molam_sdk_ext.errors import MolamError, StoreError
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.stores.idempotency_records import (
    AsyncIdempotencyStore,
    BeginOutcome,
    BeginResult,
    IdempotencyStore,
    StoredResponse,
    fingerprint_request,
)

__all__ = [
    "AsyncIdempotencyGuard",
    "GuardResult",
    "IdempotencyConflictError",
    "IdempotencyGuard",
    "IdempotencyKeyInUseError",
    "IdempotencyKeyReusedError",
    "JsonResult",
    "Step",
    "WaitPolicy",
    "as_async_store",
    "fingerprint_json",
    "next_step",
    "should_store",
]

_log = get_logger()

NOT_KEPT_STATUSES = frozenset({408, 409, 425, 429})
"""Statuses that mean "not done, try again": such results are not stored (nor are 5xx)."""


class IdempotencyConflictError(MolamError):
    """The idempotency key cannot be used for this request now; `key` is the key."""

    def __init__(self, message: str, *, key: str) -> None:
        super().__init__(message)
        self.message = message
        self.key = key


class IdempotencyKeyReusedError(IdempotencyConflictError):
    """The key was already used for a different request (another fingerprint): use a new key."""


class IdempotencyKeyInUseError(IdempotencyConflictError):
    """A request with this key is still running elsewhere; retry after `retry_after` seconds."""

    def __init__(self, message: str, *, key: str, retry_after: float = 1.0) -> None:
        super().__init__(message, key=key)
        self.retry_after = retry_after


@attrs.frozen
class WaitPolicy:
    """How long a twin waits for the request holding the key: `timeout` seconds in all (0: not at all),
    polling after `initial_delay`, doubling up to `max_delay`."""

    timeout: float = attrs.field(default=5.0, validator=attrs.validators.ge(0))
    initial_delay: float = attrs.field(default=0.01, validator=attrs.validators.gt(0))
    max_delay: float = attrs.field(default=0.25, validator=attrs.validators.gt(0))

    def delay(self, attempt: int) -> float:
        """The wait before poll number `attempt` (1-based)."""
        return min(self.max_delay, self.initial_delay * 2.0 ** max(0, attempt - 1))


@attrs.frozen
class Step:
    """What to do after one ``begin``: run, replay `response`, wait `delay` seconds and ask again, or refuse
    (``reused``: the key belongs to another request; ``in_use``: its twin is still running)."""

    kind: Literal["run", "replay", "wait", "reused", "in_use"]
    response: StoredResponse | None = None
    delay: float = 0.0


_RUN = Step("run")
_REUSED = Step("reused")
_IN_USE = Step("in_use")


def next_step(result: BeginResult, *, attempt: int, waited: float, policy: WaitPolicy) -> Step:
    """The decision for ``begin``'s `result` at poll number `attempt`, `waited` seconds after the first."""
    if result.outcome is BeginOutcome.NEW:
        return _RUN
    if result.outcome is BeginOutcome.MISMATCH:
        return _REUSED
    if result.outcome is BeginOutcome.COMPLETED and result.response is not None:
        return Step("replay", result.response)
    delay = policy.delay(attempt)
    if waited + delay > policy.timeout:
        return _IN_USE
    return Step("wait", delay=delay)


def should_store(response: StoredResponse) -> bool:
    """Whether a result is final (kept for replay): anything but a 5xx, 408, 409, 425 or 429."""
    return response.status < 500 and response.status not in NOT_KEPT_STATUSES


def fingerprint_json(operation: str, params: Any) -> str:
    """A fingerprint of `operation` with JSON-able `params` (canonical: key order and spacing do not matter)."""
    body = json.dumps(params, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return fingerprint_request("CALL", operation, body.encode("utf-8"))


@attrs.frozen
class GuardResult:
    """The result of a guarded operation: `response`, and whether it was `replayed` (run by a twin before)."""

    response: StoredResponse
    replayed: bool


@attrs.frozen
class JsonResult:
    """The JSON value of a guarded operation, and whether it was `replayed`."""

    value: Any
    replayed: bool


def _store_url(url: str | None) -> str:
    chosen = url or os.environ.get("MOLAM_STORE_URL")
    if not chosen:
        raise ValueError("no store URL: pass one, or set MOLAM_STORE_URL (redis://..., postgresql://...)")
    return chosen


def _json_response(value: Any) -> StoredResponse:
    body = json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8")
    return StoredResponse(200, (("Content-Type", "application/json"),), body)


def _refusal(step: Step, key: str) -> IdempotencyConflictError:
    if step.kind == "reused":
        return IdempotencyKeyReusedError(
            "This idempotency key was already used for a different request; use a new key for a new request.",
            key=key,
        )
    return IdempotencyKeyInUseError(
        "A request with this idempotency key is still being processed; retry shortly.", key=key
    )


class _Polls:
    """One `run`'s asking of the store, shared by the sync and async guards: after each ``begin``, the
    decision (`next_step`) as what the guard does next."""

    __slots__ = ("attempt", "clock", "key", "policy", "started")

    def __init__(self, key: str, policy: WaitPolicy, clock: Callable[[], float]) -> None:
        self.key = key
        self.policy = policy
        self.clock = clock
        self.started = clock()
        self.attempt = 0

    def after(self, begun: BeginResult) -> GuardResult | float | None:
        """The replayed result, a wait (seconds) before asking again, or None: run the operation now. A
        refusal (the key used for another request, or its twin still running after the wait) raises."""
        self.attempt += 1
        step = next_step(begun, attempt=self.attempt, waited=self.clock() - self.started, policy=self.policy)
        if step.kind == "wait":
            return step.delay
        if step.kind == "replay" and step.response is not None:
            return GuardResult(step.response, replayed=True)
        if step.kind != "run":
            raise _refusal(step, self.key)
        return None


class IdempotencyGuard:
    """Runs operations at most once per key over an `IdempotencyStore` (see the module docstring).

    `keep` decides which results are stored (default `should_store`); `sleep` and `clock` are injectable.
    """

    def __init__(
        self,
        store: IdempotencyStore,
        *,
        wait: WaitPolicy | None = None,
        keep: Callable[[StoredResponse], bool] = should_store,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.wait = wait or WaitPolicy()
        self._keep = keep
        self._sleep = sleep
        self._clock = clock

    @classmethod
    def from_url(cls, url: str | None = None, *, wait: WaitPolicy | None = None) -> IdempotencyGuard:
        """A guard over the store at `url` (default ``$MOLAM_STORE_URL``; see `idempotency_store_from_url`)."""
        from molam_sdk_ext.stores import idempotency_store_from_url

        return cls(idempotency_store_from_url(_store_url(url)), wait=wait)

    def run(self, key: str, fingerprint: str, action: Callable[[], StoredResponse]) -> GuardResult:
        """Run `action` unless a request with `key` ran (replay it) or runs (wait for it); see the module."""
        polls = _Polls(key, self.wait, self._clock)
        while (decision := polls.after(self.store.begin(key, fingerprint))) is not None:
            if isinstance(decision, GuardResult):
                return decision
            self._sleep(decision)
        try:
            response = action()
        except BaseException:
            self._release(key)
            raise
        if self._keep(response):
            self._complete(key, response)
        else:
            self._release(key)
        return GuardResult(response, replayed=False)

    def run_json(
        self, key: str, params: Any, action: Callable[[], Any], *, operation: str = ""
    ) -> JsonResult:
        """`run` for an operation returning a JSON-able value (e.g. ``model.to_dict()``), fingerprinted by
        `operation` and `params`: the first value, stored as JSON, is what every twin gets back."""
        result = self.run(key, fingerprint_json(operation, params), lambda: _json_response(action()))
        return JsonResult(json.loads(result.response.body), result.replayed)

    def _complete(self, key: str, response: StoredResponse) -> None:
        try:
            self.store.complete(key, response)
        except StoreError as exc:
            _log.error(
                "molam idempotency: the result for a key was not stored (%s); it is still returned", exc
            )

    def _release(self, key: str) -> None:
        try:
            self.store.fail(key)
        except StoreError as exc:
            _log.warning("molam idempotency: could not release a claim (%s); it expires by itself", exc)


class _ThreadedStore:
    """An `AsyncIdempotencyStore` face on a sync store: each call runs in a worker thread."""

    def __init__(self, store: IdempotencyStore) -> None:
        self.sync = store

    async def begin(self, key: str, fingerprint: str) -> BeginResult:
        return await asyncio.to_thread(self.sync.begin, key, fingerprint)

    async def complete(self, key: str, response: StoredResponse) -> None:
        await asyncio.to_thread(self.sync.complete, key, response)

    async def fail(self, key: str) -> None:
        await asyncio.to_thread(self.sync.fail, key)

    async def cleanup(self) -> int:
        return await asyncio.to_thread(self.sync.cleanup)


def as_async_store(store: IdempotencyStore | AsyncIdempotencyStore) -> AsyncIdempotencyStore:
    """`store` if it is async already, else an async face running its calls in worker threads."""
    if asyncio.iscoroutinefunction(getattr(store, "begin", None)):
        async_store: AsyncIdempotencyStore = store  # type: ignore[assignment]
        return async_store
    return _ThreadedStore(store)  # type: ignore[arg-type]


class AsyncIdempotencyGuard:
    """The asyncio `IdempotencyGuard`: same decisions (`next_step`), waits with `asyncio.sleep`. A sync store
    is accepted too (its calls then run in worker threads)."""

    def __init__(
        self,
        store: AsyncIdempotencyStore | IdempotencyStore,
        *,
        wait: WaitPolicy | None = None,
        keep: Callable[[StoredResponse], bool] = should_store,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = as_async_store(store)
        self.wait = wait or WaitPolicy()
        self._keep = keep
        self._sleep = sleep
        self._clock = clock

    @classmethod
    def from_url(cls, url: str | None = None, *, wait: WaitPolicy | None = None) -> AsyncIdempotencyGuard:
        """A guard over the async store at `url` (default ``$MOLAM_STORE_URL``)."""
        from molam_sdk_ext.stores import async_idempotency_store_from_url

        return cls(async_idempotency_store_from_url(_store_url(url)), wait=wait)

    async def run(
        self, key: str, fingerprint: str, action: Callable[[], Awaitable[StoredResponse]]
    ) -> GuardResult:
        """See `IdempotencyGuard.run`."""
        polls = _Polls(key, self.wait, self._clock)
        while (decision := polls.after(await self.store.begin(key, fingerprint))) is not None:
            if isinstance(decision, GuardResult):
                return decision
            await self._sleep(decision)
        try:
            response = await action()
        except BaseException:
            await self._release(key)
            raise
        if self._keep(response):
            await self._complete(key, response)
        else:
            await self._release(key)
        return GuardResult(response, replayed=False)

    async def run_json(
        self, key: str, params: Any, action: Callable[[], Awaitable[Any]], *, operation: str = ""
    ) -> JsonResult:
        """See `IdempotencyGuard.run_json`."""

        async def stored() -> StoredResponse:
            return _json_response(await action())

        result = await self.run(key, fingerprint_json(operation, params), stored)
        return JsonResult(json.loads(result.response.body), result.replayed)

    async def _complete(self, key: str, response: StoredResponse) -> None:
        try:
            await self.store.complete(key, response)
        except StoreError as exc:
            _log.error(
                "molam idempotency: the result for a key was not stored (%s); it is still returned", exc
            )

    async def _release(self, key: str) -> None:
        try:
            # Shielded: a cancelled request must still give its claim back.
            await asyncio.shield(self.store.fail(key))
        except StoreError as exc:
            _log.warning("molam idempotency: could not release a claim (%s); it expires by itself", exc)
