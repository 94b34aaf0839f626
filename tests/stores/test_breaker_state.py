"""The shared circuit-breaker state rules (pure transitions), and every store that follows them: memory and
Redis, on the same steps (a fake clock; the Redis scripts must agree with the pure rules)."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from molam_sdk_ext import stores
from molam_sdk_ext.stores import (
    BreakerRecord,
    BreakerState,
    MemoryBreakerStateStore,
)
from molam_sdk_ext.stores.breaker_state import on_failure, on_probe_request, on_release, on_success
from tests.support.stores import Awaitable, FakeClock

HOST = "api.molam.com"
BREAKER_BACKENDS = ["memory", "redis"]


@pytest.fixture(params=BREAKER_BACKENDS)
async def make(request: pytest.FixtureRequest, clock: FakeClock) -> AsyncIterator[Callable[[], Awaitable]]:
    """Factory of breaker stores of one backend (all made by one test share state), behind ``Awaitable``."""
    backend = request.param
    made: list[Any] = []
    shared_memory = MemoryBreakerStateStore(clock=clock)

    def factory() -> Awaitable:
        store: Any
        if backend == "memory":
            store = shared_memory
        else:
            from molam_sdk_ext.stores.redis_breaker import RedisBreakerStateStore

            url = request.getfixturevalue("redis_url")
            store = RedisBreakerStateStore(url, clock=clock)
            made.append(store)
        return Awaitable(store)

    yield factory
    for store in made:
        result = store.close()
        if result is not None:
            await result


async def test_failures_open_the_breaker_within_the_window(make: Any, clock: FakeClock) -> None:
    store = make()
    assert await store.get(HOST) == BreakerRecord()
    assert (await store.record_failure(HOST, threshold=3, window=10.0)).failures == 1
    clock.advance(5)
    assert (await store.record_failure(HOST, 3, 10.0)).state is BreakerState.CLOSED
    clock.advance(4.999)
    opened = await store.record_failure(HOST, 3, 10.0)
    assert opened.state is BreakerState.OPEN and opened.opened_at == clock.now and opened.failures == 3
    assert opened.retry_in(30.0, clock.now) == 30.0
    assert await store.get(HOST) == opened


async def test_the_window_restarts_after_it_elapses(make: Any, clock: FakeClock) -> None:
    store = make()
    await store.record_failure(HOST, 3, 10.0)
    await store.record_failure(HOST, 3, 10.0)
    clock.advance(10.0)
    record = await store.record_failure(HOST, 3, 10.0)
    assert (record.state, record.failures, record.window_started_at) == (BreakerState.CLOSED, 1, clock.now)
    assert await store.get(HOST) == record


async def test_success_resets_the_count_when_closed(make: Any) -> None:
    store = make()
    await store.record_failure(HOST, 3, 10.0)
    await store.record_failure(HOST, 3, 10.0)
    assert await store.record_success(HOST) == BreakerRecord()
    assert await store.get(HOST) == BreakerRecord()
    assert (await store.record_failure(HOST, 3, 10.0)).state is BreakerState.CLOSED


async def test_open_breaker_grants_one_probe_after_reset_timeout(make: Any, clock: FakeClock) -> None:
    store = make()
    await store.record_failure(HOST, 1, 10.0)
    assert await store.try_acquire_probe(HOST, reset_timeout=30.0) is None
    # While open, late results change nothing.
    assert (await store.record_success(HOST)).state is BreakerState.OPEN
    assert (await store.record_failure(HOST, 1, 10.0)).opened_at == clock.now
    clock.advance(29.9)
    assert (await store.get(HOST)).retry_in(30.0, clock.now) == pytest.approx(0.1)
    assert await store.try_acquire_probe(HOST, 30.0) is None
    clock.advance(0.1)
    token = await store.try_acquire_probe(HOST, 30.0)
    assert isinstance(token, str) and token
    record = await store.get(HOST)
    assert (record.state, record.probe_in_flight, record.probe_token, record.probe_started_at) == (
        BreakerState.HALF_OPEN,
        True,
        token,
        clock.now,
    )
    assert record.retry_in(30.0, clock.now) == 30.0  # the probe's lease
    assert await store.try_acquire_probe(HOST, 30.0) is None


async def test_only_the_probe_decides_in_half_open(make: Any, clock: FakeClock) -> None:
    store = make()
    await store.record_failure(HOST, 1, 10.0)
    clock.advance(30)
    token = await store.try_acquire_probe(HOST, 30.0)
    assert token is not None
    half_open = await store.get(HOST)
    # Late answers of calls sent before the breaker opened, and a stranger's token, change nothing.
    assert await store.record_success(HOST) == half_open
    assert await store.record_failure(HOST, 1, 10.0) == half_open
    assert await store.record_success(HOST, "not-the-probe") == half_open
    assert await store.record_failure(HOST, 1, 10.0, "not-the-probe") == half_open


async def test_probe_success_closes_and_failure_reopens(make: Any, clock: FakeClock) -> None:
    store = make()
    await store.record_failure(HOST, 1, 10.0)
    clock.advance(30)
    token = await store.try_acquire_probe(HOST, 30.0)
    reopened = await store.record_failure(HOST, 1, 10.0, token)
    assert (reopened.state, reopened.opened_at, reopened.probe_in_flight, reopened.failures) == (
        BreakerState.OPEN,
        clock.now,
        False,
        1,
    )
    assert await store.get(HOST) == reopened
    clock.advance(30)
    token = await store.try_acquire_probe(HOST, 30.0)
    assert await store.record_success(HOST, token) == BreakerRecord()
    assert await store.get(HOST) == BreakerRecord()
    assert await store.try_acquire_probe(HOST, 30.0) is None  # closed: no probe needed


async def test_an_abandoned_probe_is_granted_again(make: Any, clock: FakeClock) -> None:
    store = make()
    await store.record_failure(HOST, 1, 10.0)
    clock.advance(30)
    first = await store.try_acquire_probe(HOST, 30.0)
    clock.advance(29.9)
    assert await store.try_acquire_probe(HOST, 30.0) is None
    clock.advance(0.1)
    second = await store.try_acquire_probe(HOST, 30.0)
    assert second is not None and second != first
    # The abandoned probe's late report no longer decides.
    assert (await store.record_success(HOST, first)).state is BreakerState.HALF_OPEN
    assert await store.record_success(HOST, second) == BreakerRecord()


async def test_a_released_probe_frees_the_slot(make: Any, clock: FakeClock) -> None:
    store = make()
    await store.record_failure(HOST, 1, 10.0)
    clock.advance(30)
    token = await store.try_acquire_probe(HOST, 30.0)
    assert token is not None
    assert (await store.release_probe(HOST, "someone-else")).probe_token == token
    released = await store.release_probe(HOST, token)
    assert (released.state, released.probe_in_flight) == (BreakerState.HALF_OPEN, False)
    assert await store.get(HOST) == released
    assert await store.try_acquire_probe(HOST, 30.0) is not None  # at once: no lease to wait for


async def test_reset_closes(make: Any) -> None:
    store = make()
    await store.record_failure(HOST, 1, 10.0)
    assert await store.reset(HOST) == BreakerRecord()
    assert await store.get(HOST) == BreakerRecord()


async def test_hosts_are_independent(make: Any) -> None:
    store = make()
    await store.record_failure("a", 1, 10.0)
    assert (await store.get("a")).state is BreakerState.OPEN
    assert (await store.get("b")).state is BreakerState.CLOSED


async def test_stores_on_one_backend_share_state(make: Any, clock: FakeClock) -> None:
    one, other = make(), make()
    await one.record_failure(HOST, 1, 10.0)
    assert (await other.get(HOST)).state is BreakerState.OPEN
    clock.advance(30)
    assert await one.try_acquire_probe(HOST, 30.0) is not None
    assert await other.try_acquire_probe(HOST, 30.0) is None


def test_exactly_one_thread_gets_the_probe(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    store.record_failure(HOST, 1, 10.0)
    clock.advance(30)
    barrier = threading.Barrier(8)
    granted: list[str | None] = []

    def worker() -> None:
        barrier.wait(timeout=30)
        granted.append(store.try_acquire_probe(HOST, 30.0))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(token is not None for token in granted) == 1


def test_pure_transitions_do_not_mutate() -> None:
    record = BreakerRecord()
    failed = on_failure(record, threshold=1, window=1.0, now=5.0)
    assert record == BreakerRecord() and failed.state is BreakerState.OPEN
    assert on_success(failed) is failed
    granted, probing = on_probe_request(failed, reset_timeout=1.0, now=6.0, token="t")
    assert granted and failed.state is BreakerState.OPEN and probing.state is BreakerState.HALF_OPEN
    assert on_release(probing, "other") is probing
    assert on_release(probing, "t").probe_token is None and probing.probe_token == "t"


def test_breaker_state_store_from_url(redis_url: str) -> None:
    from molam_sdk_ext.stores.redis_breaker import RedisBreakerStateStore

    assert isinstance(stores.breaker_state_store_from_url("memory://"), MemoryBreakerStateStore)
    assert isinstance(stores.breaker_state_store_from_url(redis_url), RedisBreakerStateStore)
    for url in ("sqlite:///x.db", "postgresql://u@h/db"):
        with pytest.raises(ValueError, match="through Redis only"):
            stores.breaker_state_store_from_url(url)
