"""The circuit breaker state machine (fake clock), the single half-open probe, and its transports."""

from __future__ import annotations

import asyncio
import contextlib
import threading

import httpx
import pytest

from molam_sdk_ext.errors import CircuitOpenError
from molam_sdk_ext.transport.breaker import (
    AsyncCircuitBreakerTransport,
    BreakerConfig,
    BreakerRegistry,
    BreakerState,
    BreakerStateChange,
    CircuitBreaker,
    CircuitBreakerTransport,
    host_key,
)
from tests.support.transport import FakeClock, Script, fail, ok


def breaker(clock: FakeClock, **kwargs: float) -> CircuitBreaker:
    options = {"failure_threshold": 3, "window": 60.0, "reset_timeout": 10.0, **kwargs}
    return CircuitBreaker("api.molam.com", clock=clock, **options)  # type: ignore[arg-type]


def state(b: CircuitBreaker) -> str:
    """The state as a plain string (a call, so type checkers do not narrow it between transitions)."""
    return str(b.state)


def trip(b: CircuitBreaker, n: int) -> None:
    for _ in range(n):
        b.on_failure(b.acquire())


def test_opens_after_threshold_consecutive_failures(clock: FakeClock) -> None:
    b = breaker(clock)
    trip(b, 2)
    assert state(b) == BreakerState.CLOSED
    trip(b, 1)
    assert state(b) == BreakerState.OPEN
    with pytest.raises(CircuitOpenError) as info:
        b.acquire()
    assert info.value.host == "api.molam.com"
    assert info.value.retry_in == pytest.approx(10.0)


def test_success_resets_the_count(clock: FakeClock) -> None:
    b = breaker(clock)
    trip(b, 2)
    b.on_success(b.acquire())
    trip(b, 2)
    assert state(b) == BreakerState.CLOSED
    assert b.failures == 2


def test_failures_outside_the_window_start_a_new_count(clock: FakeClock) -> None:
    b = breaker(clock, window=5.0)
    trip(b, 2)
    clock.advance(6)
    trip(b, 2)
    assert state(b) == BreakerState.CLOSED
    trip(b, 1)
    assert state(b) == BreakerState.OPEN


def test_open_counts_down_then_half_open_lets_one_probe(clock: FakeClock) -> None:
    b = breaker(clock)
    trip(b, 3)
    clock.advance(4)
    with pytest.raises(CircuitOpenError) as info:
        b.acquire()
    assert info.value.retry_in == pytest.approx(6.0)
    assert b.retry_in() == pytest.approx(6.0)
    clock.advance(6)
    probe = b.acquire()
    assert probe > 0
    assert state(b) == BreakerState.HALF_OPEN
    with pytest.raises(CircuitOpenError):
        b.acquire()


def test_probe_success_closes(clock: FakeClock) -> None:
    b = breaker(clock)
    trip(b, 3)
    clock.advance(10)
    b.on_success(b.acquire())
    assert state(b) == BreakerState.CLOSED
    assert b.failures == 0
    assert b.acquire() == 0


def test_probe_failure_reopens_for_a_full_timeout(clock: FakeClock) -> None:
    b = breaker(clock)
    trip(b, 3)
    clock.advance(12)
    b.on_failure(b.acquire())
    assert state(b) == BreakerState.OPEN
    with pytest.raises(CircuitOpenError) as info:
        b.acquire()
    assert info.value.retry_in == pytest.approx(10.0)


def test_released_probe_lets_the_next_caller_probe(clock: FakeClock) -> None:
    b = breaker(clock)
    trip(b, 3)
    clock.advance(10)
    probe = b.acquire()
    b.release(probe)
    second = b.acquire()
    assert second > 0 and second != probe
    b.on_success(probe)  # the stale token proves nothing
    assert state(b) == BreakerState.HALF_OPEN
    b.on_success(second)
    assert state(b) == BreakerState.CLOSED


def test_abandoned_probe_is_regranted_after_the_reset_timeout(clock: FakeClock) -> None:
    b = breaker(clock)
    trip(b, 3)
    clock.advance(10)
    b.acquire()
    clock.advance(3)
    with pytest.raises(CircuitOpenError) as info:
        b.acquire()
    assert info.value.retry_in == pytest.approx(7.0)
    clock.advance(7)
    assert b.acquire() > 0


def test_late_results_of_ordinary_calls_change_nothing_while_open(clock: FakeClock) -> None:
    b = breaker(clock)
    in_flight = b.acquire()
    trip(b, 3)
    b.on_success(in_flight)
    assert state(b) == BreakerState.OPEN
    b.on_failure(0)
    clock.advance(10)
    probe = b.acquire()
    b.on_failure(0)  # a straggler while half-open
    assert state(b) == BreakerState.HALF_OPEN
    b.on_success(probe)
    assert state(b) == BreakerState.CLOSED


def broken_listener(change: BreakerStateChange) -> None:
    raise ZeroDivisionError


def test_listeners_see_every_transition(clock: FakeClock) -> None:
    changes: list[BreakerStateChange] = []
    b = breaker(clock)
    b.add_listener(changes.append)
    b.add_listener(broken_listener)  # a broken listener is ignored
    trip(b, 3)
    clock.advance(10)
    b.on_failure(b.acquire())
    clock.advance(10)
    b.on_success(b.acquire())
    assert [(c.old, c.new) for c in changes] == [
        ("closed", "open"),
        ("open", "half_open"),
        ("half_open", "open"),
        ("open", "half_open"),
        ("half_open", "closed"),
    ]
    assert changes[0].failures == 3


def test_reset_forces_closed(clock: FakeClock) -> None:
    b = breaker(clock)
    trip(b, 3)
    b.reset()
    assert state(b) == BreakerState.CLOSED
    assert b.acquire() == 0


def test_call_counts_exceptions(clock: FakeClock) -> None:
    b = breaker(clock, failure_threshold=1)
    assert b.call(lambda: 42) == 42
    with pytest.raises(ZeroDivisionError):
        b.call(lambda: 1 / 0)
    with pytest.raises(CircuitOpenError):
        b.call(lambda: 42)


def test_exactly_one_probe_among_racing_threads(clock: FakeClock) -> None:
    for _ in range(20):
        b = breaker(clock)
        trip(b, 3)
        clock.advance(10)
        start = threading.Barrier(16)
        granted: list[int] = []
        refused: list[float] = []
        lock = threading.Lock()

        def worker(
            b: CircuitBreaker = b,
            start: threading.Barrier = start,
            lock: threading.Lock = lock,
            granted: list[int] = granted,
            refused: list[float] = refused,
        ) -> None:
            start.wait()
            try:
                token = b.acquire()
            except CircuitOpenError as exc:
                with lock:
                    refused.append(exc.retry_in)
            else:
                with lock:
                    granted.append(token)

        threads = [threading.Thread(target=worker) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(granted) == 1
        assert granted[0] > 0
        assert len(refused) == 15


def test_threshold_counted_exactly_under_concurrency(clock: FakeClock) -> None:
    b = breaker(clock, failure_threshold=1000)
    start = threading.Barrier(8)

    def worker() -> None:
        start.wait()
        for _ in range(100):
            b.on_failure(b.acquire())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert b.failures == 800
    assert state(b) == BreakerState.CLOSED


def test_registry_keeps_one_breaker_per_host(clock: FakeClock) -> None:
    registry = BreakerRegistry(BreakerConfig(failure_threshold=2, clock=clock))
    a = registry.get("a.example:443")
    assert registry.get("a.example:443") is a
    assert registry.get("b.example") is not a
    assert host_key(httpx.URL("http://127.0.0.1:8080/x")) == "127.0.0.1:8080"
    assert host_key(httpx.URL("https://api.molam.com/v1")) == "api.molam.com"


def make_transport(script: Script, clock: FakeClock) -> tuple[httpx.Client, BreakerRegistry]:
    registry = BreakerRegistry(BreakerConfig(failure_threshold=3, reset_timeout=10, clock=clock))
    return httpx.Client(transport=CircuitBreakerTransport(httpx.MockTransport(script), registry)), registry


def test_transport_counts_5xx_and_connection_errors_not_4xx(clock: FakeClock) -> None:
    script = Script([fail(400), fail(404), fail(429), fail(409)] * 3)
    client, registry = make_transport(script, clock)
    for _ in range(12):
        client.get("https://api.molam.com/x")
    assert registry.get("api.molam.com").state == BreakerState.CLOSED
    script.steps = [fail(500), httpx.ConnectError("x"), httpx.ReadTimeout("y")]
    for _ in range(3):
        with contextlib.suppress(httpx.TransportError):
            client.get("https://api.molam.com/x")
    assert registry.get("api.molam.com").state == BreakerState.OPEN
    with pytest.raises(CircuitOpenError):
        client.get("https://api.molam.com/x")
    assert script.calls == 15
    # Another host is unaffected.
    script.steps = [ok()]
    assert client.get("https://eu-west.api.molam.com/x").status_code == 200


def test_transport_probe_then_close(clock: FakeClock) -> None:
    script = Script([fail(503)] * 3 + [ok(), ok()])
    client, registry = make_transport(script, clock)
    for _ in range(3):
        client.get("https://api.molam.com/x")
    clock.advance(10)
    assert client.get("https://api.molam.com/x").status_code == 200
    assert registry.get("api.molam.com").state == BreakerState.CLOSED


def test_transport_releases_the_probe_on_a_local_error(clock: FakeClock) -> None:
    script = Script([fail(503)] * 3 + [ValueError("bug in a custom transport"), ok()])
    client, registry = make_transport(script, clock)
    for _ in range(3):
        client.get("https://api.molam.com/x")
    clock.advance(10)
    with pytest.raises(ValueError):
        client.get("https://api.molam.com/x")
    assert client.get("https://api.molam.com/x").status_code == 200
    assert registry.get("api.molam.com").state == BreakerState.CLOSED


async def test_async_transport_single_probe_among_tasks(clock: FakeClock) -> None:
    registry = BreakerRegistry(BreakerConfig(failure_threshold=2, reset_timeout=10, clock=clock))
    gate = asyncio.Event()
    seen: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        if request.url.path == "/fail":
            return httpx.Response(500)
        await gate.wait()
        return httpx.Response(200)

    client = httpx.AsyncClient(transport=AsyncCircuitBreakerTransport(httpx.MockTransport(handler), registry))
    for _ in range(2):
        await client.get("https://api.molam.com/fail")
    clock.advance(10)
    tasks = [asyncio.create_task(client.get("https://api.molam.com/ok")) for _ in range(10)]
    await asyncio.sleep(0.01)
    gate.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    passed = [r for r in results if isinstance(r, httpx.Response)]
    refused = [r for r in results if isinstance(r, CircuitOpenError)]
    assert len(passed) == 1 and len(refused) == 9
    assert seen.count("/ok") == 1
    assert registry.get("api.molam.com").state == BreakerState.CLOSED
    await client.aclose()
