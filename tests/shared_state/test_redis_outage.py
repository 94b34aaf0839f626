"""Killing Redis mid-run: payments continue (the shared breaker falls back to its in-process state), the
merchant's idempotency store fails loudly with `StoreError` (never a silent duplicate), and once Redis is
back everything is shared again. The business keys keep the API to one payment intent per order throughout."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any

import pytest

from molam_sdk_ext.client import Molam
from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.idempotency import IdempotencyGuard, WaitPolicy, idempotency_key_for
from molam_sdk_ext.stores.redis import RedisIdempotencyStore
from molam_sdk_ext.transport.breaker import BreakerConfig
from molam_sdk_ext.transport.retry import RetryPolicy
from molam_sdk_ext.transport.shared_breaker import SharedBreakerRegistry, SharedCircuitBreaker
from tests.fixtures.sandbox import SandboxHandle
from tests.fixtures.servers import RedisServer

THREADS = 4


class Shop:
    """A merchant paying orders: through the guard when it can, straight through the SDK (same business key)
    when the guard's store is down."""

    def __init__(self, sandbox: SandboxHandle, redis_url: str) -> None:
        self.api_key = sandbox.new_api_key()
        self.registry = SharedBreakerRegistry(
            redis_url, BreakerConfig(failure_threshold=5), refresh_interval=0.0, store_retry_interval=0.2
        )
        self.molam = Molam(
            api_key=self.api_key,
            base_url=sandbox.url,
            circuit_breaker=self.registry,
            retry_policy=RetryPolicy(max_retries=5, initial_delay=0.01, max_delay=0.05),
            telemetry=False,
        )
        self.guard = IdempotencyGuard(RedisIdempotencyStore(redis_url), wait=WaitPolicy(timeout=10))
        self.lock = threading.Lock()
        self.done = threading.Condition(self.lock)
        self.outcomes: dict[int, list[tuple[str, str]]] = {}
        self.unexpected: list[BaseException] = []

    def create(self, order: int) -> dict[str, Any]:
        intent = self.molam.payment_intents.create(
            amount=500 + order,
            currency="XOF",
            metadata={"order_id": str(order)},
            idempotency_key=idempotency_key_for("order", order),
        )
        return intent.to_dict()

    def pay(self, order: int) -> None:
        key = idempotency_key_for("order", order)
        try:
            try:
                result = self.guard.run_json(key, {"order": order}, lambda: self.create(order))
                outcome = ("guarded", result.value["id"])
            except StoreError:
                # Typed and loud: the merchant decides. Here it pays anyway, relying on the API's own
                # idempotency under the same business key.
                outcome = ("store_error", self.create(order)["id"])
        except BaseException as exc:
            outcome = ("unexpected", repr(exc))
            self.unexpected.append(exc)
        with self.done:
            self.outcomes.setdefault(order, []).append(outcome)
            self.done.notify_all()

    def run(self, orders: Iterable[int]) -> list[threading.Thread]:
        pending = list(orders)

        def work() -> None:
            while True:
                with self.lock:
                    if not pending:
                        return
                    order = pending.pop(0)
                self.pay(order)

        threads = [threading.Thread(target=work) for _ in range(THREADS)]
        for t in threads:
            t.start()
        return threads

    def wait_for(self, count: int) -> None:
        with self.done:
            assert self.done.wait_for(lambda: len(self.outcomes) >= count, timeout=60)

    def breaker(self) -> SharedCircuitBreaker:
        breaker = self.registry.get(next(iter(self.registry.breakers())))
        assert isinstance(breaker, SharedCircuitBreaker)
        return breaker


def shared_now(breaker: SharedCircuitBreaker) -> bool:
    """Whether the breaker uses the shared state, after reading its state (which consults the store unless
    the breaker is pausing after a store failure)."""
    _ = breaker.state
    return breaker.shared


def _join(threads: list[threading.Thread]) -> None:
    for t in threads:
        t.join(timeout=60)
        assert not t.is_alive()


@pytest.mark.slow
def test_redis_killed_mid_run(
    sandbox: SandboxHandle, redis_server: RedisServer, redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    shop = Shop(sandbox, redis_url)
    with caplog.at_level(logging.INFO, logger="molam"):
        _join(shop.run(range(100)))  # Redis up
        assert shared_now(shop.breaker())

        threads = shop.run(range(100, 300))
        shop.wait_for(120)
        redis_server.stop()  # mid-run
        _join(threads)
        breaker = shop.breaker()
        assert not shared_now(breaker)  # read while Redis is down: the in-process state answers...
        assert "shared state unreachable" in caplog.text  # ...and the fallback was logged

        redis_server.start()  # empty: it kept nothing
        _join(shop.run(range(300, 400)))
        pause = threading.Event()
        for _ in range(200):  # the breaker tries the store again every 0.2 s
            if shared_now(breaker) and "reachable again" in caplog.text:
                break
            pause.wait(0.05)
        assert shared_now(breaker) and "reachable again" in caplog.text

        # Every order again, through the guard: Redis forgot them all, the API's idempotency has not.
        _join(shop.run(range(400)))

    assert shop.unexpected == []
    kinds = {kind for outcomes in shop.outcomes.values() for kind, _ in outcomes}
    assert kinds == {"guarded", "store_error"}
    assert sum(kind == "store_error" for o in shop.outcomes.values() for kind, _ in o) >= 1
    ids_by_order = {order: {intent for _, intent in outcomes} for order, outcomes in shop.outcomes.items()}
    assert all(len(ids) == 1 for ids in ids_by_order.values())

    with Molam(api_key=shop.api_key, base_url=sandbox.url, telemetry=False) as reader:
        intents = list(reader.payment_intents.list(limit=100))
    assert sorted(int(i.metadata.to_dict()["order_id"]) for i in intents) == list(range(400))
    assert {i.id for i in intents} == {ids.pop() for ids in ids_by_order.values()}
    shop.molam.close()
