"""Acceptance: 4 worker processes x 8 threads share a merchant store (Redis, then PostgreSQL) and a sandbox
injecting 30% faults; each of 1,000 orders is paid by two different processes at once. The sandbox ends
with exactly 1,000 payment intents, one per order, and both processes name the same one for each order."""

from __future__ import annotations

import json
import multiprocessing
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from molam_sdk_ext.client import Molam
from molam_sdk_ext.transport.retry import RetryPolicy
from tests.fixtures.sandbox import SandboxHandle
from tests.shared_state.workers import pay_orders

ORDERS = 1000
PROCESSES = 4
THREADS = 8
FAULTS = ["500", "502", "503", "429", "slow", "drop", "commit_then_500", "commit_then_drop"]


def orders_of(worker: int) -> list[int]:
    """Order n is paid by processes n % 4 and (n + 1) % 4, both in order-number order, so they meet."""
    return [n for n in range(ORDERS) if worker in (n % PROCESSES, (n + 1) % PROCESSES)]


@pytest.fixture(params=["redis", "postgres"])
def store_url(request: pytest.FixtureRequest) -> str:
    fixture = "redis_url" if request.param == "redis" else "postgres_store_url"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest.mark.slow
def test_two_processes_per_order_make_one_payment_intent(
    store_url: str, sandbox_factory: Callable[..., SandboxHandle]
) -> None:
    sandbox = sandbox_factory(
        fault_rate=0.3, fault_kinds=FAULTS, seed=7, extra_args=["--slow-seconds", "0.2", "--retry-after", "0"]
    )
    api_key = sandbox.new_api_key()
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    barrier = ctx.Barrier(PROCESSES)
    procs = [
        ctx.Process(
            target=pay_orders,
            args=(sandbox.url, api_key, store_url, orders_of(n), THREADS, barrier, results, n),
            daemon=True,
        )
        for n in range(PROCESSES)
    ]
    for p in procs:
        p.start()
    reports: dict[int, dict[str, Any]] = {}
    try:
        for _ in range(PROCESSES):
            worker, report = results.get(timeout=120)
            reports[worker] = json.loads(report)
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()

    # Every process paid every one of its orders (possibly after a failed job attempt, listed in errors).
    for worker, report in reports.items():
        assert sorted(int(order) for order in report["paid"]) == orders_of(worker), report["errors"][:5]
    # Both processes of an order name the same payment intent; about half of them got it from the other one.
    by_order: dict[int, set[str]] = {}
    replayed = Counter[bool]()
    for report in reports.values():
        for order, (intent_id, was_replayed) in report["paid"].items():
            by_order.setdefault(int(order), set()).add(intent_id)
            replayed[was_replayed] += 1
    assert all(len(ids) == 1 for ids in by_order.values())
    assert replayed[False] + replayed[True] == 2 * ORDERS and replayed[True] >= 1

    # The sandbox holds exactly one payment intent per order: the ones the workers named.
    reader = Molam(
        api_key=api_key,
        base_url=sandbox.url,
        retry_policy=RetryPolicy(max_retries=12, initial_delay=0.005, max_delay=0.05, max_retry_after=0.05),
        circuit_breaker=False,
        telemetry=False,
    )
    with reader:
        intents = list(reader.payment_intents.list(limit=100))
    orders = [intent.metadata.to_dict()["order_id"] for intent in intents]
    assert len(intents) == ORDERS
    assert sorted(int(o) for o in orders) == list(range(ORDERS))  # one per order: none lost, none doubled
    assert {intent.id: int(order) for intent, order in zip(intents, orders, strict=True)} == {
        ids.copy().pop(): order for order, ids in by_order.items()
    }
    print(
        f"\n{store_url.split(':', 1)[0]}: {ORDERS} orders x 2 processes in "
        + ", ".join(f"{r['seconds']:.1f}s" for r in reports.values())
        + f"; {replayed[True]} replayed; {sum(len(r['errors']) for r in reports.values())} job retries"
    )
