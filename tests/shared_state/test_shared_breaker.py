"""`SharedCircuitBreaker` over one store seen by several breakers (as several processes would): open for all,
one probe for all, only the probe decides, and the in-process fallback when the store fails."""

from __future__ import annotations

import logging

import httpx
import pytest

from molam_sdk_ext.errors import CircuitOpenError
from molam_sdk_ext.stores import BreakerState as SharedState
from molam_sdk_ext.stores import MemoryBreakerStateStore
from molam_sdk_ext.transport.breaker import (
    BreakerConfig,
    BreakerRegistry,
    BreakerState,
    BreakerStateChange,
    CircuitBreakerTransport,
)
from molam_sdk_ext.transport.shared_breaker import (
    SharedBreakerRegistry,
    SharedCircuitBreaker,
    breaker_registry_for,
)
from tests.support.breaker import FlakyBreakerStore
from tests.support.stores import FakeClock

HOST = "api.molam.com"


def breaker(
    store: MemoryBreakerStateStore,
    clock: FakeClock,
    *,
    refresh_interval: float = 0.0,
    store_retry_interval: float = 5.0,
) -> SharedCircuitBreaker:
    return SharedCircuitBreaker(
        HOST,
        store,
        failure_threshold=3,
        reset_timeout=30.0,
        clock=clock,
        wall_clock=clock,
        refresh_interval=refresh_interval,
        store_retry_interval=store_retry_interval,
    )


def is_shared(b: SharedCircuitBreaker) -> bool:
    return b.shared


def fail(b: SharedCircuitBreaker, times: int = 1) -> None:
    for _ in range(times):
        b.on_failure(b.acquire())


def test_failures_in_one_open_it_for_all(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    one, other = breaker(store, clock), breaker(store, clock)
    fail(one, 2)
    assert other.acquire() == 0  # 2 of 3: still closed
    fail(other)
    assert one.state == other.state == BreakerState.OPEN and other.failures == 3
    clock.advance(10)
    with pytest.raises(CircuitOpenError) as caught:
        one.acquire()
    assert caught.value.retry_in == pytest.approx(20.0) and one.retry_in() == pytest.approx(20.0)


def test_a_success_resets_the_shared_count(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    one, other = breaker(store, clock), breaker(store, clock)
    fail(one, 2)
    other.acquire()
    other.on_success(0)
    assert store.get(HOST).failures == 0
    fail(one, 2)
    assert one.state == BreakerState.CLOSED


def test_the_cache_is_read_again_after_the_refresh_interval(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    one, cached = breaker(store, clock), breaker(store, clock, refresh_interval=1.0)
    assert cached.acquire() == 0
    fail(one, 3)
    calls_before = cached.acquire()  # within the interval: the cached "closed" still lets it through
    assert calls_before == 0
    cached.release(calls_before)
    clock.advance(1.0)
    with pytest.raises(CircuitOpenError):
        cached.acquire()


def test_exactly_one_probe_among_all_breakers(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    breakers = [breaker(store, clock) for _ in range(10)]
    fail(breakers[0], 3)
    clock.advance(30)
    granted, refused = [], 0
    for b in breakers:
        try:
            granted.append((b, b.acquire()))
        except CircuitOpenError as exc:
            refused += 1
            assert exc.retry_in == pytest.approx(30.0)  # the probe's lease
    assert len(granted) == 1 and refused == 9
    prober, token = granted[0]
    assert token > 0 and prober.state == BreakerState.HALF_OPEN
    prober.on_success(token)
    assert all(b.acquire() == 0 for b in breakers)
    assert all(b.state == BreakerState.CLOSED for b in breakers)


def test_a_failed_probe_reopens_for_all(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    one, other = breaker(store, clock), breaker(store, clock)
    fail(one, 3)
    clock.advance(30)
    token = other.acquire()
    other.on_failure(token)
    record = store.get(HOST)
    assert record.state is SharedState.OPEN and record.opened_at == clock.now
    with pytest.raises(CircuitOpenError):
        one.acquire()


def test_only_the_probe_decides(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    one, other = breaker(store, clock), breaker(store, clock)
    late = other.acquire()  # sent while closed, answered after the breaker opened
    fail(one, 3)
    clock.advance(30)
    probe = one.acquire()
    other.on_success(late)
    assert store.get(HOST).state is SharedState.HALF_OPEN
    other.on_failure(0)
    assert store.get(HOST).state is SharedState.HALF_OPEN
    one.release(probe)  # cancelled: the slot is free at once
    token = other.acquire()
    assert token > 0
    other.on_success(token)
    assert store.get(HOST).state is SharedState.CLOSED


def test_reset_closes_for_all(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    one, other = breaker(store, clock), breaker(store, clock)
    fail(one, 3)
    other.reset()
    assert one.acquire() == 0 and one.state == BreakerState.CLOSED


def test_listeners_hear_the_changes_this_process_sees(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    registry = SharedBreakerRegistry(
        store, BreakerConfig(failure_threshold=1, clock=clock), refresh_interval=0
    )
    changes: list[BreakerStateChange] = []
    registry.add_listener(changes.append)
    b = registry.get(HOST)
    assert registry.get(HOST) is b and registry.breakers() == {HOST: b}
    b.on_failure(b.acquire())
    assert [(c.old, c.new) for c in changes] == [(BreakerState.CLOSED, BreakerState.OPEN)]


def test_store_failure_falls_back_to_the_process_state(
    clock: FakeClock, flaky_store: FlakyBreakerStore, caplog: pytest.LogCaptureFixture
) -> None:
    b = breaker(flaky_store, clock, store_retry_interval=5.0)
    flaky_store.down = True
    with caplog.at_level(logging.INFO, logger="molam"):
        assert b.acquire() == 0  # never blocks: the in-process state decides
        assert not b.shared
        for _ in range(10):
            b.on_success(b.acquire())
        fail(b, 3)  # the in-process breaker counts and opens on its own
        with pytest.raises(CircuitOpenError):
            b.acquire()
        assert b.state == BreakerState.OPEN
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "unreachable" in warnings[0].getMessage()
        assert "refused" in warnings[0].getMessage()
        calls = flaky_store.calls
        clock.advance(4.9)
        with pytest.raises(CircuitOpenError):
            b.acquire()
        assert flaky_store.calls == calls  # not retried before store_retry_interval
        flaky_store.down = False
        clock.advance(0.1)
        assert b.acquire() == 0  # the store is back, and its state (closed) decides again
        assert is_shared(b) and "reachable again" in caplog.text


def test_store_failure_mid_call_is_absorbed(clock: FakeClock, flaky_store: FlakyBreakerStore) -> None:
    b = breaker(flaky_store, clock)
    fail(b, 3)
    clock.advance(30)
    token = b.acquire()
    flaky_store.down = True
    b.on_success(token)  # the report is lost with the store, the caller sees nothing
    assert not b.shared
    b.on_failure(0)
    b.release(12345)


def test_shared_registry_in_the_transport_stack(clock: FakeClock) -> None:
    store = MemoryBreakerStateStore(clock=clock)
    hits: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(request.url.path)
        return httpx.Response(500 if request.url.path == "/fail" else 200)

    def process() -> httpx.Client:
        registry = SharedBreakerRegistry(
            store, BreakerConfig(failure_threshold=2, clock=clock), refresh_interval=0
        )
        return httpx.Client(transport=CircuitBreakerTransport(httpx.MockTransport(handler), registry))

    first, second = process(), process()
    for _ in range(2):
        assert first.get("http://api.test/fail").status_code == 500
    with pytest.raises(CircuitOpenError):
        second.get("http://api.test/ok")
    assert hits == ["/fail", "/fail"]


def test_breaker_registry_for_a_store_url(redis_url: str) -> None:
    shared = breaker_registry_for(redis_url, BreakerConfig(failure_threshold=7))
    assert isinstance(shared, SharedBreakerRegistry) and shared.config.failure_threshold == 7
    for url in (None, "", "memory://", "sqlite:///x.db", "postgresql://u@h/db"):
        registry = breaker_registry_for(url)
        assert type(registry) is BreakerRegistry
    with pytest.raises(ValueError, match="Redis only"):
        SharedBreakerRegistry("postgresql://u@h/db")
