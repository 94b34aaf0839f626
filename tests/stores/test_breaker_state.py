"""The shared circuit-breaker state rules (pure transitions) and the in-memory store that follows them."""

from __future__ import annotations

import threading

import pytest

from molam_sdk_ext.stores import (
    AsyncMemoryBreakerStateStore,
    BreakerRecord,
    BreakerState,
    MemoryBreakerStateStore,
)
from molam_sdk_ext.stores.breaker_state import on_failure, on_probe_request, on_success
from tests.stores.conftest import FakeClock

HOST = "api.molam.com"


def test_failures_open_the_breaker_within_the_window(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    assert store.get(HOST) == BreakerRecord()
    assert store.record_failure(HOST, threshold=3, window=10.0).failures == 1
    clock.advance(5)
    assert store.record_failure(HOST, 3, 10.0).state is BreakerState.CLOSED
    clock.advance(4.999)
    opened = store.record_failure(HOST, 3, 10.0)
    assert opened.state is BreakerState.OPEN and opened.opened_at == clock.now and opened.failures == 3
    assert opened.retry_in(30.0, clock.now) == 30.0


def test_the_window_restarts_after_it_elapses(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    store.record_failure(HOST, 3, 10.0)
    store.record_failure(HOST, 3, 10.0)
    clock.advance(10.0)
    record = store.record_failure(HOST, 3, 10.0)
    assert (record.state, record.failures, record.window_started_at) == (BreakerState.CLOSED, 1, clock.now)


def test_success_resets_the_count_when_closed(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    store.record_failure(HOST, 3, 10.0)
    store.record_failure(HOST, 3, 10.0)
    assert store.record_success(HOST) == BreakerRecord()
    assert store.record_failure(HOST, 3, 10.0).state is BreakerState.CLOSED


def test_open_breaker_grants_one_probe_after_reset_timeout(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    store.record_failure(HOST, 1, 10.0)
    assert store.try_acquire_probe(HOST, reset_timeout=30.0) is False
    # While open, late results change nothing.
    assert store.record_success(HOST).state is BreakerState.OPEN
    assert store.record_failure(HOST, 1, 10.0).opened_at == clock.now
    clock.advance(29.9)
    assert store.get(HOST).retry_in(30.0, clock.now) == pytest.approx(0.1)
    assert store.try_acquire_probe(HOST, 30.0) is False
    clock.advance(0.1)
    assert store.try_acquire_probe(HOST, 30.0) is True
    record = store.get(HOST)
    assert (record.state, record.probe_in_flight, record.probe_started_at) == (
        BreakerState.HALF_OPEN,
        True,
        clock.now,
    )
    assert store.try_acquire_probe(HOST, 30.0) is False


def test_probe_success_closes_and_failure_reopens(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    store.record_failure(HOST, 1, 10.0)
    clock.advance(30)
    assert store.try_acquire_probe(HOST, 30.0)
    reopened = store.record_failure(HOST, 1, 10.0)
    assert (reopened.state, reopened.opened_at, reopened.probe_in_flight) == (
        BreakerState.OPEN,
        clock.now,
        False,
    )
    clock.advance(30)
    assert store.try_acquire_probe(HOST, 30.0)
    assert store.record_success(HOST) == BreakerRecord()
    assert store.try_acquire_probe(HOST, 30.0) is False  # closed: no probe needed


def test_an_abandoned_probe_is_granted_again(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    store.record_failure(HOST, 1, 10.0)
    clock.advance(30)
    assert store.try_acquire_probe(HOST, 30.0)
    clock.advance(29.9)
    assert store.try_acquire_probe(HOST, 30.0) is False
    clock.advance(0.1)
    assert store.try_acquire_probe(HOST, 30.0) is True


def test_hosts_are_independent(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    store.record_failure("a", 1, 10.0)
    assert store.get("a").state is BreakerState.OPEN
    assert store.get("b").state is BreakerState.CLOSED


def test_exactly_one_thread_gets_the_probe(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    store.record_failure(HOST, 1, 10.0)
    clock.advance(30)
    barrier = threading.Barrier(8)
    granted: list[bool] = []

    def worker() -> None:
        barrier.wait(timeout=30)
        granted.append(store.try_acquire_probe(HOST, 30.0))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(granted) == [False] * 7 + [True]


async def test_async_store_shares_state(clock: FakeClock) -> None:
    sync = MemoryBreakerStateStore(clock=clock)
    store = AsyncMemoryBreakerStateStore(sync)
    await store.record_failure(HOST, 1, 10.0)
    assert sync.get(HOST).state is BreakerState.OPEN
    clock.advance(30)
    assert await store.try_acquire_probe(HOST, 30.0) is True
    assert (await store.record_success(HOST)) == BreakerRecord()
    assert (await store.get(HOST)).state is BreakerState.CLOSED


def test_pure_transitions_do_not_mutate() -> None:
    record = BreakerRecord()
    failed = on_failure(record, threshold=1, window=1.0, now=5.0)
    assert record == BreakerRecord() and failed.state is BreakerState.OPEN
    assert on_success(failed) is failed
    granted, probing = on_probe_request(failed, reset_timeout=1.0, now=6.0)
    assert granted and failed.state is BreakerState.OPEN and probing.state is BreakerState.HALF_OPEN
