"""The reliability scenario of DESIGN.md section 6: 30% injected faults of every kind, 16 concurrent workers,
2,000 payment intents, and afterwards exactly 2,000 on the server, one per order id: none lost, none doubled.

Each order's `Idempotency-Key` is derived from its order id, so when a call fails after the server committed
it (``commit_then_500``, ``commit_then_drop``, a timeout during a ``slow`` fault), both the client's own
retries and the worker's retries of a raised error replay the first intent instead of creating another.
Every call either returns the intent or raises a typed `MolamError`; anything else fails the test.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import threading
import time
from typing import Any

import pytest

from molam_sdk_ext import AsyncMolam, Molam
from molam_sdk_ext.errors import CircuitOpenError, MolamError
from molam_sdk_ext.transport.breaker import BreakerConfig
from molam_sdk_ext.transport.retry import RetryPolicy
from tests.fixtures.sandbox import SandboxHandle
from tests.support.integration import NO_FAULT

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ORDERS = 2000
WORKERS = 16
KINDS = ["500", "502", "503", "429", "slow", "drop", "commit_then_500", "commit_then_drop"]
#: A worker gives up on an order after this many raised errors (the test then fails): bounded, not endless.
WORKER_ATTEMPTS = 25
# Small waits keep the suite fast; the decisions are the production ones.
POLICY = RetryPolicy(max_retries=6, initial_delay=0.005, max_delay=0.05, deadline=20.0)
BREAKER = BreakerConfig(failure_threshold=10, reset_timeout=0.1)
CLIENT_OPTIONS: dict[str, Any] = {
    "retry_policy": POLICY,
    "circuit_breaker": BREAKER,
    "timeout": 0.5,  # shorter than the slow fault: the client gives up and its retry meets the in-flight twin
    "connect_timeout": 2.0,
    "telemetry": True,
}


def faulty_sandbox(sandbox_factory: Any) -> SandboxHandle:
    handle: SandboxHandle = sandbox_factory(
        fault_rate=0.3,
        fault_kinds=KINDS,
        seed=20250115,
        extra_args=["--slow-seconds", "0.8", "--retry-after", "0", "--log-level", "warning"],
    )
    return handle


def key_for(order: int) -> str:
    return f"order-{order:05d}"


class Tally:
    """Thread-safe counts of the typed errors workers saw (reported, not asserted)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.errors: collections.Counter[str] = collections.Counter()

    def add(self, error: MolamError) -> None:
        with self.lock:
            self.errors[type(error).__name__] += 1


def check_server_side(molam: Molam, created: dict[int, str]) -> None:
    assert sorted(created) == list(range(ORDERS))
    assert len(set(created.values())) == ORDERS, "two orders got the same intent"
    listed = list(molam.payment_intents.list(limit=100, extra_headers=NO_FAULT))
    assert len(listed) == ORDERS, f"{len(listed)} intents on the server for {ORDERS} orders"
    by_order = collections.Counter(intent.metadata["order_id"] for intent in listed)
    assert len(by_order) == ORDERS and set(by_order.values()) == {1}
    assert {intent.id for intent in listed} == set(created.values())


def test_two_thousand_intents_with_threads(sandbox_factory: Any) -> None:
    server = faulty_sandbox(sandbox_factory)
    tally = Tally()
    started = time.monotonic()
    with Molam(SandboxHandle.new_api_key(), base_url=server.url, **CLIENT_OPTIONS) as molam:

        def create(order: int) -> tuple[int, str]:
            for _ in range(WORKER_ATTEMPTS):
                try:
                    intent = molam.payment_intents.create(
                        amount=1000 + order,
                        currency="XOF",
                        metadata={"order_id": str(order)},
                        idempotency_key=key_for(order),
                    )
                except MolamError as error:  # typed: allowed, and retried with the same key
                    tally.add(error)
                    time.sleep(error.retry_in if isinstance(error, CircuitOpenError) else 0.01)
                    continue
                assert intent.metadata["order_id"] == str(order) and intent.amount == 1000 + order
                return order, intent.id
            raise AssertionError(f"order {order} still failing after {WORKER_ATTEMPTS} attempts")

        with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
            created = dict(pool.map(create, range(ORDERS)))
        check_server_side(molam, created)
    print(
        f"\nthreads: {ORDERS} intents in {time.monotonic() - started:.1f}s; errors raised: {dict(tally.errors)}"
    )


async def test_two_thousand_intents_with_asyncio_tasks(sandbox_factory: Any) -> None:
    server = faulty_sandbox(sandbox_factory)
    tally = Tally()
    api_key = SandboxHandle.new_api_key()
    started = time.monotonic()
    created: dict[int, str] = {}
    orders = iter(range(ORDERS))
    async with AsyncMolam(api_key, base_url=server.url, **CLIENT_OPTIONS) as molam:

        async def create(order: int) -> str:
            for _ in range(WORKER_ATTEMPTS):
                try:
                    intent = await molam.payment_intents.create(
                        amount=1000 + order,
                        currency="XOF",
                        metadata={"order_id": str(order)},
                        idempotency_key=key_for(order),
                    )
                except MolamError as error:
                    tally.add(error)
                    await asyncio.sleep(error.retry_in if isinstance(error, CircuitOpenError) else 0.01)
                    continue
                assert intent.metadata["order_id"] == str(order) and intent.amount == 1000 + order
                return intent.id
            raise AssertionError(f"order {order} still failing after {WORKER_ATTEMPTS} attempts")

        async def worker() -> None:
            for order in orders:  # a shared iterator: each order is taken by exactly one task
                created[order] = await create(order)

        await asyncio.gather(*(worker() for _ in range(WORKERS)))
    with Molam(api_key, base_url=server.url) as checker:
        check_server_side(checker, created)
    print(
        f"\nasyncio: {ORDERS} intents in {time.monotonic() - started:.1f}s; errors raised: {dict(tally.errors)}"
    )
