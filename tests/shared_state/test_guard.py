"""The run-once guard: its pure decision, and the sync and async loops over real stores."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.idempotency import (
    AsyncIdempotencyGuard,
    IdempotencyGuard,
    IdempotencyKeyInUseError,
    IdempotencyKeyReusedError,
    WaitPolicy,
    fingerprint_json,
)
from molam_sdk_ext.idempotency.guard import next_step, should_store
from molam_sdk_ext.stores import (
    BeginOutcome,
    BeginResult,
    MemoryIdempotencyStore,
    StoredResponse,
    idempotency_store_from_url,
)
from tests.support.stores import store_url

OK = StoredResponse(200, (("Content-Type", "application/json"),), b'{"id":"pi_1"}')
POLICY = WaitPolicy(timeout=1.0, initial_delay=0.1, max_delay=0.4)


class NoSleep:
    """A sleep that only advances a fake monotonic clock (and records the waits)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


def test_next_step_is_the_whole_decision() -> None:
    assert next_step(BeginResult(BeginOutcome.NEW), attempt=1, waited=0, policy=POLICY).kind == "run"
    assert next_step(BeginResult(BeginOutcome.MISMATCH), attempt=1, waited=0, policy=POLICY).kind == "reused"
    replay = next_step(BeginResult(BeginOutcome.COMPLETED, OK), attempt=3, waited=9, policy=POLICY)
    assert (replay.kind, replay.response) == ("replay", OK)
    busy = BeginResult(BeginOutcome.IN_PROGRESS)
    assert [next_step(busy, attempt=n, waited=0, policy=POLICY).delay for n in (1, 2, 3, 4)] == [
        0.1,
        0.2,
        0.4,
        0.4,
    ]
    assert next_step(busy, attempt=2, waited=0.8, policy=POLICY).kind == "wait"  # 0.8 + 0.2 = 1.0: still in
    assert next_step(busy, attempt=2, waited=0.85, policy=POLICY).kind == "in_use"
    assert next_step(busy, attempt=1, waited=0, policy=WaitPolicy(timeout=0)).kind == "in_use"


def test_what_is_kept() -> None:
    assert (
        should_store(OK)
        and should_store(StoredResponse(402, (), b""))
        and should_store(StoredResponse(404, (), b""))
    )
    for status in (408, 409, 425, 429, 500, 502, 503):
        assert not should_store(StoredResponse(status, (), b""))


def test_fingerprint_json_is_canonical() -> None:
    assert fingerprint_json("op", {"a": 1, "b": [1, 2]}) == fingerprint_json("op", {"b": [1, 2], "a": 1})
    assert fingerprint_json("op", {"a": 1}) != fingerprint_json("op", {"a": 2})
    assert fingerprint_json("op", {"a": 1}) != fingerprint_json("other", {"a": 1})


def test_runs_once_then_replays() -> None:
    guard = IdempotencyGuard(MemoryIdempotencyStore())
    calls: list[int] = []

    def action() -> StoredResponse:
        calls.append(1)
        return OK

    first = guard.run("k", "fp", action)
    again = guard.run("k", "fp", action)
    assert (first.response, first.replayed, again.response, again.replayed) == (OK, False, OK, True)
    assert len(calls) == 1
    with pytest.raises(IdempotencyKeyReusedError) as caught:
        guard.run("k", "another request", action)
    assert caught.value.key == "k" and len(calls) == 1


def test_a_twin_waits_for_the_result() -> None:
    store = MemoryIdempotencyStore()
    fake = NoSleep()
    guard = IdempotencyGuard(store, wait=POLICY, sleep=fake.sleep, clock=fake.clock)
    assert store.begin("k", "fp").outcome is BeginOutcome.NEW  # a twin holds the claim...

    def finish_on_third_poll(seconds: float) -> None:
        fake.sleep(seconds)
        if len(fake.waits) == 3:
            store.complete("k", OK)  # ...and finishes while we wait

    guard._sleep = finish_on_third_poll
    result = guard.run("k", "fp", lambda: pytest.fail("the twin's work must not run again"))
    assert (result.response, result.replayed) == (OK, True)
    assert fake.waits == [0.1, 0.2, 0.4]


def test_a_twin_that_takes_too_long_is_in_use() -> None:
    store = MemoryIdempotencyStore()
    fake = NoSleep()
    guard = IdempotencyGuard(store, wait=POLICY, sleep=fake.sleep, clock=fake.clock)
    store.begin("k", "fp")
    with pytest.raises(IdempotencyKeyInUseError) as caught:
        guard.run("k", "fp", lambda: OK)
    assert caught.value.retry_after == 1.0 and sum(fake.waits) <= POLICY.timeout


def test_a_failed_or_unfinished_run_releases_the_claim() -> None:
    store = MemoryIdempotencyStore()
    guard = IdempotencyGuard(store)

    def boom() -> StoredResponse:
        raise RuntimeError("handler crashed")

    with pytest.raises(RuntimeError):
        guard.run("k", "fp", boom)
    busy = StoredResponse(503, (), b"later")
    assert guard.run("k", "fp", lambda: busy).response == busy  # returned, not kept
    assert guard.run("k", "fp", lambda: OK).replayed is False  # so the retry runs
    assert guard.run("k", "fp", lambda: busy).response == OK


class BrokenStore(MemoryIdempotencyStore):
    def __init__(self, fail_on: str) -> None:
        super().__init__()
        self.fail_on = fail_on

    def begin(self, key: str, fingerprint: str) -> BeginResult:
        if self.fail_on == "begin":
            raise StoreError("redis store at redis://127.0.0.1:1/0 failed: ConnectionError")
        return super().begin(key, fingerprint)

    def complete(self, key: str, response: StoredResponse) -> None:
        if self.fail_on == "complete":
            raise StoreError("redis store at redis://127.0.0.1:1/0 failed: ConnectionError")
        super().complete(key, response)


def test_a_store_that_fails_first_refuses_to_run() -> None:
    ran: list[int] = []

    def action() -> StoredResponse:
        ran.append(1)
        return OK

    with pytest.raises(StoreError):
        IdempotencyGuard(BrokenStore("begin")).run("k", "fp", action)
    assert ran == []


def test_a_store_that_fails_after_the_run_still_returns(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="molam"):
        result = IdempotencyGuard(BrokenStore("complete")).run("k", "fp", lambda: OK)
    assert result.response == OK and "not stored" in caplog.text


def test_run_json_returns_the_first_value_to_everyone() -> None:
    guard = IdempotencyGuard(MemoryIdempotencyStore())
    first = guard.run_json("k", {"order": 1}, lambda: {"id": "pi_1", "amount": 1000})
    second = guard.run_json("k", {"order": 1}, lambda: {"id": "pi_2"})
    assert first.value == second.value == {"id": "pi_1", "amount": 1000}
    assert (first.replayed, second.replayed) == (False, True)
    with pytest.raises(IdempotencyKeyReusedError):
        guard.run_json("k", {"order": 2}, lambda: {})


def test_from_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOLAM_STORE_URL", "memory://")
    assert isinstance(IdempotencyGuard.from_url().store, MemoryIdempotencyStore)
    monkeypatch.delenv("MOLAM_STORE_URL")
    with pytest.raises(ValueError, match="MOLAM_STORE_URL"):
        IdempotencyGuard.from_url()


@pytest.fixture(params=["memory", "sqlite", "redis", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return store_url(request, request.param, tmp_path)


@pytest.fixture
def stores(url: str) -> Iterator[list[Any]]:
    made: list[Any] = []
    yield made
    for store in made:
        close = getattr(store, "close", None)
        if close is not None:
            result = close()
            if asyncio.iscoroutine(result):
                asyncio.run(result)


def test_racing_threads_run_the_action_once(url: str, stores: list[Any]) -> None:
    calls: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)
    memory = MemoryIdempotencyStore()  # memory:// makes a new store per call: share one instead

    def worker(_: int) -> tuple[bytes, bool]:
        store = memory if url == "memory://" else idempotency_store_from_url(url)
        stores.append(store)
        guard = IdempotencyGuard(store, wait=WaitPolicy(timeout=30))

        def action() -> StoredResponse:
            with lock:
                calls.append(1)
            time.sleep(0.05)  # keep the claim a moment: the others arrive while it runs
            return StoredResponse(200, (), f"run {len(calls)}".encode())

        barrier.wait(timeout=30)
        result = guard.run("order-1", "fp", action)
        return result.response.body, result.replayed

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(worker, range(8)))
    assert len(calls) == 1
    assert {body for body, _ in results} == {b"run 1"}
    assert sorted(replayed for _, replayed in results) == [False] + [True] * 7


async def test_async_guard_with_sync_and_async_stores(url: str, stores: list[Any]) -> None:
    from molam_sdk_ext.stores import async_idempotency_store_from_url

    sync_store = idempotency_store_from_url(url)
    async_store = async_idempotency_store_from_url(url)
    if url == "memory://":
        from molam_sdk_ext.stores import AsyncMemoryIdempotencyStore

        async_store = AsyncMemoryIdempotencyStore(sync_store)  # type: ignore[arg-type]
    stores.extend([sync_store])
    calls: list[int] = []

    async def action() -> StoredResponse:
        calls.append(1)
        await asyncio.sleep(0.05)
        return OK

    guards = [AsyncIdempotencyGuard(s, wait=WaitPolicy(timeout=30)) for s in (sync_store, async_store)] * 5
    results = await asyncio.gather(*(g.run("k", "fp", action) for g in guards))
    assert len(calls) == 1 and {r.response for r in results} == {OK}
    assert sum(not r.replayed for r in results) == 1
    value = await guards[1].run_json("j", {"a": 1}, _json_action)
    assert value.value == {"ok": True} and (await guards[0].run_json("j", {"a": 1}, _json_action)).replayed
    with pytest.raises(IdempotencyKeyReusedError):
        await guards[0].run("k", "other", action)
    close = getattr(async_store, "close", None)
    if close is not None:
        await close()


async def _json_action() -> dict[str, bool]:
    return {"ok": True}


async def test_async_guard_releases_on_error_and_refuses_without_store() -> None:
    fake = NoSleep()
    guard = AsyncIdempotencyGuard(
        MemoryIdempotencyStore(), sleep=fake.async_sleep, clock=fake.clock, wait=POLICY
    )

    async def boom() -> StoredResponse:
        raise RuntimeError("crashed")

    with pytest.raises(RuntimeError):
        await guard.run("k", "fp", boom)

    async def ok() -> StoredResponse:
        return OK

    assert (await guard.run("k", "fp", ok)).replayed is False
    broken = AsyncIdempotencyGuard(BrokenStore("begin"))
    with pytest.raises(StoreError):
        await broken.run("k", "fp", ok)
