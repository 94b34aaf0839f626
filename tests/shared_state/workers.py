"""Bodies of the processes the shared-state tests spawn: they import the SDK only, never pytest."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

from molam_sdk_ext.client import Molam
from molam_sdk_ext.errors import CircuitOpenError, MolamError
from molam_sdk_ext.idempotency import IdempotencyGuard, WaitPolicy, idempotency_key_for
from molam_sdk_ext.stores import idempotency_store_from_url
from molam_sdk_ext.transport.breaker import BreakerConfig
from molam_sdk_ext.transport.retry import RetryPolicy
from molam_sdk_ext.transport.shared_breaker import SharedBreakerRegistry

BREAKER_API_KEY = "sk_test_shared_breaker"


def _outcome(call: Callable[[], Any]) -> str:
    try:
        call()
    except CircuitOpenError:
        return "open"
    except MolamError as exc:
        return f"error:{type(exc).__name__}"
    return "ok"


def breaker_worker(
    base_url: str, redis_url: str, commands: Any, results: Any, worker: int, threads: int, barrier: Any
) -> None:
    """Obey commands with a Molam client whose breaker state lives in Redis.

    ``("calls", n)``: make n calls in turn, report the list of outcomes; ``("burst", None)``: `threads`
    threads wait for every thread of every process (`barrier`), make one call each and report it alone;
    ``("stop", None)``: exit.
    """
    registry = SharedBreakerRegistry(
        redis_url, BreakerConfig(failure_threshold=3, window=60.0, reset_timeout=30.0), refresh_interval=0.0
    )
    molam = Molam(
        api_key=BREAKER_API_KEY, base_url=base_url, max_retries=0, circuit_breaker=registry, telemetry=False
    )
    call = molam.balances.retrieve
    while True:
        command, argument = commands.get()
        if command == "stop":
            break
        if command == "calls":
            results.put((worker, [_outcome(call) for _ in range(argument)]))
        elif command == "burst":

            def one() -> None:
                barrier.wait(timeout=60)
                results.put((worker, _outcome(call)))

            pool = [threading.Thread(target=one) for _ in range(threads)]
            for t in pool:
                t.start()
            for t in pool:
                t.join()
    molam.close()


def pay_orders(
    base_url: str,
    api_key: str,
    store_url: str,
    orders: list[int],
    threads: int,
    barrier: Any,
    results: Any,
    worker: int,
) -> None:
    """Create the payment intent of each order in `orders` with `threads` threads, each guarded by the
    merchant's store (`store_url`) under the order's business key; report {order: pi id} and the errors."""
    molam = Molam(
        api_key=api_key,
        base_url=base_url,
        # Small delays keep the run short under 30% faults; many attempts make exhausting them unlikely.
        retry_policy=RetryPolicy(max_retries=12, initial_delay=0.005, max_delay=0.05, max_retry_after=0.05),
        total_timeout=60.0,
        timeout=5.0,
        circuit_breaker=False,
        telemetry=False,
    )
    guard = IdempotencyGuard(
        idempotency_store_from_url(store_url), wait=WaitPolicy(timeout=60.0, max_delay=0.05)
    )
    paid: dict[int, tuple[str, bool]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    queue = list(reversed(orders))

    def pay(order: int) -> None:
        key = idempotency_key_for("order", order)
        params = {"order_id": str(order), "amount": 1000 + order, "currency": "XOF"}

        def create() -> dict[str, Any]:
            intent = molam.payment_intents.create(
                amount=1000 + order, currency="XOF", metadata={"order_id": str(order)}, idempotency_key=key
            )
            return intent.to_dict()

        for _ in range(5):  # a whole call may still fail (every attempt faulted): the job is retried
            try:
                result = guard.run_json(key, params, create, operation="create_payment_intent")
            except MolamError as exc:
                with lock:
                    errors.append(f"{order}:{type(exc).__name__}:{exc}"[:300])
                continue
            with lock:
                paid[order] = (result.value["id"], result.replayed)
            return

    def run() -> None:
        while True:
            with lock:
                if not queue:
                    return
                order = queue.pop()
            pay(order)

    barrier.wait(timeout=120)
    started = time.monotonic()
    pool = [threading.Thread(target=run) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    results.put((worker, json.dumps({"paid": paid, "errors": errors, "seconds": time.monotonic() - started})))
    molam.close()
