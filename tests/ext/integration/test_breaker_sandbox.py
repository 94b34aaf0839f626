"""The circuit breaker against a real failing server: it opens after the threshold, lets at most one probe
per reset interval reach the server, and closes once the server recovers. Server hits are counted in the
sandbox's access log."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import httpx
import pytest

from molam_sdk_ext import AsyncMolam, Molam
from molam_sdk_ext.errors import CircuitOpenError, InternalServerError, MolamError
from molam_sdk_ext.transport.breaker import BreakerConfig, BreakerState
from tests.fixtures.sandbox import SandboxHandle
from tests.support.integration import NO_FAULT, count_lines

pytestmark = pytest.mark.integration

RESET = 0.4
PATH = '"GET /v1/treasury/balances HTTP/1.1"'


def failing_sandbox(sandbox_factory: Any) -> SandboxHandle:
    handle: SandboxHandle = sandbox_factory(
        fault_rate=1.0, fault_kinds=["500"], extra_args=["--access-log", "--log-level", "info"]
    )
    return handle


@pytest.mark.slow
def test_breaker_opens_probes_once_per_interval_and_closes(sandbox_factory: Any) -> None:
    server = failing_sandbox(sandbox_factory)

    def hits() -> int:
        return count_lines(server.read_log, PATH)

    config = BreakerConfig(failure_threshold=3, reset_timeout=RESET)
    with Molam(server.new_api_key(), base_url=server.url, max_retries=0, circuit_breaker=config) as molam:
        assert molam.breakers is not None
        breaker = molam.breakers.get(httpx.URL(server.url).netloc.decode())

        def state() -> str:
            return str(breaker.state)

        # Closed: every call reaches the failing server until the threshold.
        for _ in range(3):
            with pytest.raises(InternalServerError):
                molam.balances.retrieve()
        assert state() == BreakerState.OPEN
        assert hits() == 3

        # Open: calls fail fast, nothing reaches the server.
        for _ in range(20):
            with pytest.raises(CircuitOpenError) as info:
                molam.balances.retrieve()
            assert 0 < info.value.retry_in <= RESET
        assert hits() == 3

        # Hammered from 8 threads for a while: at most one probe per reset interval gets through.
        stop = threading.Event()
        outcomes: list[str] = []
        lock = threading.Lock()

        def hammer() -> None:
            while not stop.is_set():
                try:
                    molam.balances.retrieve()
                    outcome = "ok"
                except MolamError as error:
                    outcome = type(error).__name__
                with lock:
                    outcomes.append(outcome)
                time.sleep(0.002)

        started = time.monotonic()
        threads = [threading.Thread(target=hammer) for _ in range(8)]
        for thread in threads:
            thread.start()
        time.sleep(RESET * 4.5)
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        probes = hits() - 3
        assert 1 <= probes <= int(elapsed / RESET) + 1, (probes, elapsed)
        assert outcomes.count("InternalServerError") == probes
        assert outcomes.count("CircuitOpenError") == len(outcomes) - probes

        # Recovery: the next probe succeeds (the fault is switched off for it) and the breaker closes.
        time.sleep(breaker.retry_in())
        molam.balances.retrieve(extra_headers=NO_FAULT)
        assert state() == BreakerState.CLOSED
        for _ in range(5):
            assert molam.balances.retrieve(extra_headers=NO_FAULT).object == "balance"


async def test_async_client_shares_the_same_breaker_rules(sandbox_factory: Any) -> None:
    server = failing_sandbox(sandbox_factory)
    config = BreakerConfig(failure_threshold=2, reset_timeout=RESET)
    async with AsyncMolam(
        server.new_api_key(), base_url=server.url, max_retries=0, circuit_breaker=config
    ) as molam:
        for _ in range(2):
            with pytest.raises(InternalServerError):
                await molam.balances.retrieve()
        with pytest.raises(CircuitOpenError):
            await molam.balances.retrieve()
        assert count_lines(server.read_log, PATH) == 2
        await asyncio.sleep(RESET)
        assert (await molam.balances.retrieve(extra_headers=NO_FAULT)).object == "balance"
        assert molam.breakers is not None
        states = {b.state for b in molam.breakers.breakers().values()}
        assert states == {BreakerState.CLOSED}
