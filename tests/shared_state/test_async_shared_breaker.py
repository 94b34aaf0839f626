"""`SharedCircuitBreaker` under asyncio, over a real Redis: its store round trips never block the event loop
(cache hits stay inline, I/O runs in a thread), and `AsyncMolam` with a shared breaker keeps the rules (open
for every client, one probe in half-open, the probe decides)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import TypeVar

import pytest

from molam_sdk_ext.client import AsyncMolam
from molam_sdk_ext.errors import CircuitOpenError, InternalServerError
from molam_sdk_ext.stores import BreakerState as SharedState
from molam_sdk_ext.stores.redis_breaker import RedisBreakerStateStore
from molam_sdk_ext.transport.breaker import BreakerConfig, BreakerState
from molam_sdk_ext.transport.shared_breaker import SharedBreakerRegistry, SharedCircuitBreaker
from tests.shared_state.test_breaker_processes import CountingServer
from tests.support.stores import FakeClock

T = TypeVar("T")
HOST = "api.molam.com"
API_KEY = "sk_test_async_shared_breaker"
# Ticks the loop must make while a store command is held before the proxy lets it through. A blocked loop
# makes none, so the command would wait for the client's socket timeout instead and the store would fail.
TICKS_TO_RELEASE = 5


class GatedRedisProxy:
    """A TCP proxy to a real Redis that, while its gate is closed, holds every command it receives (setting
    `held`) until the gate opens: a Redis that is as slow as the test wants, and no slower."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.gate = threading.Event()
        self.gate.set()
        self.held = threading.Event()
        self.commands = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"redis://127.0.0.1:{self._listener.getsockname()[1]}/0"
        self._sockets: list[socket.socket] = [self._listener]
        threading.Thread(target=self._accept, daemon=True).start()

    def close_gate(self) -> None:
        self.held.clear()
        self.gate.clear()

    def close(self) -> None:
        self.gate.set()
        for s in self._sockets:
            with contextlib.suppress(OSError):
                s.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            self._sockets += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, commands: bool) -> None:
        with contextlib.suppress(OSError):
            while chunk := source.recv(65536):
                if commands:
                    self.commands += 1
                    if not self.gate.is_set():
                        self.held.set()
                        self.gate.wait(timeout=30)
                target.sendall(chunk)
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_WR)


@pytest.fixture
def proxy(redis_url: str) -> Iterator[GatedRedisProxy]:
    port = int(redis_url.rsplit(":", 1)[1].split("/", 1)[0])
    gated = GatedRedisProxy(port)
    yield gated
    gated.close()


async def ticks_while_held(proxy: GatedRedisProxy, call: Callable[[], Awaitable[T]]) -> tuple[T, int]:
    """Run `call()` with the proxy's gate closed, beside a ticker that opens the gate after it ticked
    `TICKS_TO_RELEASE` times while a command was held; returns the result and those ticks."""
    proxy.close_gate()
    task = asyncio.ensure_future(call())
    ticks = 0
    try:
        while not task.done():
            await asyncio.sleep(0.001)
            if proxy.held.is_set() and not task.done():
                ticks += 1
                if ticks >= TICKS_TO_RELEASE:
                    proxy.gate.set()
        return await task, ticks
    finally:
        proxy.gate.set()


def shared_breaker(
    proxy: GatedRedisProxy, clock: FakeClock, *, refresh_interval: float
) -> SharedCircuitBreaker:
    return SharedCircuitBreaker(
        HOST,
        RedisBreakerStateStore(proxy.url, clock=clock),
        failure_threshold=2,
        reset_timeout=30.0,
        store_retry_interval=60.0,
        refresh_interval=refresh_interval,
    )


async def test_store_round_trips_leave_the_event_loop_running(proxy: GatedRedisProxy) -> None:
    clock = FakeClock()
    breaker = shared_breaker(proxy, clock, refresh_interval=0.0)

    # Every step that talks to Redis: read the record, count failures (the second one opens), grant the
    # probe, report its success. The loop keeps ticking while each command is held, and the store answered
    # each (the breaker never fell back to its in-process state).
    token, ticks = await ticks_while_held(proxy, breaker.acquire_async)
    assert token == 0 and ticks >= TICKS_TO_RELEASE
    for _ in range(2):
        _, ticks = await ticks_while_held(proxy, lambda: breaker.on_failure_async(0))
        assert ticks >= TICKS_TO_RELEASE
    assert breaker.shared and breaker.store.get(HOST).state is SharedState.OPEN
    clock.advance(31)
    probe, ticks = await ticks_while_held(proxy, breaker.acquire_async)
    assert probe > 0 and ticks >= TICKS_TO_RELEASE
    _, ticks = await ticks_while_held(proxy, lambda: breaker.on_success_async(probe))
    assert ticks >= TICKS_TO_RELEASE
    assert breaker.shared and breaker.store.get(HOST).state is SharedState.CLOSED

    # The control: the sync method called on the loop blocks it, so the ticker cannot tick, the gate stays
    # shut until the client's socket timeout, and the breaker falls back to its in-process state.
    async def blocking_acquire() -> int:
        return breaker.acquire()

    token, ticks = await ticks_while_held(proxy, blocking_acquire)
    assert token == 0 and ticks == 0 and not breaker.shared


async def test_cache_hits_stay_inline(proxy: GatedRedisProxy) -> None:
    breaker = shared_breaker(proxy, FakeClock(), refresh_interval=3600.0)
    assert await breaker.acquire_async() == 0  # the first read fills the cache
    before = proxy.commands
    proxy.close_gate()  # any store command now would hang until the socket timeout and fall back

    # A fresh closed record and a success with nothing to reset are decided without I/O and without
    # leaving the loop: each completes within one step of the task running it.
    for step in (breaker.acquire_async(), breaker.on_success_async(0), breaker.release_async(0)):
        with pytest.raises(StopIteration):
            step.send(None)
    assert proxy.commands == before and not proxy.held.is_set() and breaker.shared


async def test_a_cancelled_probe_request_gives_the_probe_back(proxy: GatedRedisProxy) -> None:
    clock = FakeClock()
    breaker = shared_breaker(proxy, clock, refresh_interval=0.0)
    for _ in range(2):
        await breaker.on_failure_async(0)
    clock.advance(31)
    proxy.close_gate()
    asking = asyncio.ensure_future(breaker.acquire_async())
    while not proxy.held.is_set():
        await asyncio.sleep(0.001)
    asking.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asking
    proxy.gate.set()  # the store grants the probe to nobody: it must go back
    # Granted (half-open), then given back (no probe in flight). The record before the grant (open, no probe
    # token) must not pass for the given-back one: the grant may still be on its way to the store.
    for _ in range(5000):
        record = breaker.store.get(HOST)
        if record.state is SharedState.HALF_OPEN and record.probe_token is None:
            break
        await asyncio.sleep(0.001)
    record = breaker.store.get(HOST)
    assert record.state is SharedState.HALF_OPEN and record.probe_token is None
    assert await breaker.acquire_async() > 0  # so the next caller probes at once


@pytest.fixture
def api() -> Iterator[CountingServer]:
    server = CountingServer()
    yield server
    server.close()


async def test_async_molam_with_a_shared_breaker(api: CountingServer, redis_url: str) -> None:
    clock = FakeClock()
    store = RedisBreakerStateStore(redis_url, clock=clock)
    registries: list[SharedBreakerRegistry] = []

    def client() -> AsyncMolam:
        registry = SharedBreakerRegistry(
            store, BreakerConfig(failure_threshold=3, reset_timeout=30.0), refresh_interval=0.0
        )
        registries.append(registry)
        return AsyncMolam(
            api_key=API_KEY, base_url=api.url, max_retries=0, circuit_breaker=registry, telemetry=False
        )

    async with client() as one, client() as other:
        # 1. Three server failures through one client open the breaker for both.
        for _ in range(3):
            with pytest.raises(InternalServerError):
                await one.balances.retrieve()
        for molam in (one, other):
            with pytest.raises(CircuitOpenError) as caught:
                await molam.balances.retrieve()
            assert caught.value.retry_in == pytest.approx(30.0)
        assert api.hits == 3 and store.get(api.host).state is SharedState.OPEN

        # 2. Cool-down over, server healthy but holding requests: of 16 concurrent calls over both clients,
        #    exactly one (the probe) reaches the server; the others fail fast.
        clock.advance(31)
        api.fail = False
        calls = [asyncio.ensure_future(m.balances.retrieve()) for m in (one, other) for _ in range(8)]
        async with asyncio.timeout(30):
            while api.hits < 4 or sum(c.done() for c in calls) < 15:
                await asyncio.sleep(0.005)
        refused = [c for c in calls if c.done()]
        assert all(isinstance(c.exception(), CircuitOpenError) for c in refused)
        assert api.hits == 4 and store.get(api.host).state is SharedState.HALF_OPEN

        # 3. The probe's success closes the breaker for everybody.
        api.release.set()
        (probe,) = [c for c in calls if not c.done()]
        balance = await probe
        assert balance.object == "balance"
        assert store.get(api.host).state is SharedState.CLOSED
        await other.balances.retrieve()
        assert api.hits == 5
        assert [r.get(api.host).state for r in registries] == [BreakerState.CLOSED] * 2
