"""Shared state, side by side in one run: what a breaker shared through Redis costs per call, how many
atomic transitions Redis serves, and the merchant guard's throughput per store.

Rows:

- per call, closed breaker (``acquire`` + ``on_success``): the in-process `CircuitBreaker`, the
  `SharedCircuitBreaker` over Redis with its default 0.1 s cache, and with no cache (one Redis read per call);
- Redis breaker transitions per second (one Lua script each): ``record_failure``, ``try_acquire_probe``
  (denied: the hot path of every process while the breaker is open), ``get``;
- `IdempotencyGuard.run` on a fresh key (``begin`` + the action + ``complete``) and on a completed key
  (a replay: one ``begin``), per second, 1 thread, for memory, Redis and PostgreSQL.

Starts its own redis-server and PostgreSQL on free loopback ports (the test fixtures' code):

    .venv/bin/python bench/shared_state_bench.py [--seconds 1.0]

A measurement, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from molam_sdk_ext.idempotency import IdempotencyGuard
from molam_sdk_ext.stores import StoredResponse, idempotency_store_from_url
from molam_sdk_ext.stores.migrate import apply_migrations
from molam_sdk_ext.stores.redis_breaker import RedisBreakerStateStore
from molam_sdk_ext.transport.breaker import CircuitBreaker
from molam_sdk_ext.transport.shared_breaker import SharedCircuitBreaker
from tests.fixtures.servers import PostgresServer, RedisServer

RESPONSE = StoredResponse(200, (("Content-Type", "application/json"),), b'{"id":"pi_1","amount":1000}' * 8)


def rate(fn: Callable[[], object], seconds: float) -> float:
    """Calls per second of `fn` over `seconds` (after a short warm-up)."""
    warm = time.perf_counter() + min(0.1, seconds)
    while time.perf_counter() < warm:
        fn()
    n = 0
    started = time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        for _ in range(100):
            fn()
        n += 100
    return n / (time.perf_counter() - started)


def closed_call(breaker: CircuitBreaker) -> Callable[[], None]:
    def call() -> None:
        breaker.on_success(breaker.acquire())

    return call


def guarded(guard: IdempotencyGuard, *, fresh_keys: bool) -> Callable[[], object]:
    """One guarded run: on a new key each time, or always on one completed key (a replay)."""
    run = uuid.uuid4().hex
    keys = (f"{run}-{n}" for n in range(10**9))
    guard.run(f"{run}-replayed", "fp", lambda: RESPONSE)

    def call() -> object:
        key = next(keys) if fresh_keys else f"{run}-replayed"
        return guard.run(key, "fp", lambda: RESPONSE)

    return call


def main() -> None:
    """Start the servers, measure, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=1.0, help="measuring time per figure")
    args = parser.parse_args()
    seconds: float = args.seconds
    redis_server = RedisServer()
    redis_server.start_on_a_free_port()
    pg = PostgresServer()
    pg.start_on_a_free_port()
    try:
        store = RedisBreakerStateStore(redis_server.url)
        local = CircuitBreaker("api.molam.com")
        cached = SharedCircuitBreaker("api.molam.com", store)
        uncached = SharedCircuitBreaker("api.molam.com", store, refresh_interval=0.0)
        print("\nclosed breaker, acquire + on_success, per call")
        print("| breaker                                  | us per call |")
        print("|------------------------------------------|------------:|")
        for name, breaker in (
            ("in-process CircuitBreaker", local),
            ("SharedCircuitBreaker, Redis, 0.1 s cache", cached),
            ("SharedCircuitBreaker, Redis, no cache", uncached),
        ):
            print(f"| {name:<40} | {1e6 / rate(closed_call(breaker), seconds):>11.2f} |")

        store.record_failure("open.host", 1, 60.0)
        hosts = (f"h{n}" for n in range(10**9))
        print("\nRedis breaker transitions (one Lua script each), per second, 1 thread")
        print("| operation                        | per second |")
        print("|----------------------------------|-----------:|")
        for name, op in (
            ("record_failure", lambda: store.record_failure(next(hosts), 5, 60.0)),
            ("try_acquire_probe (denied, open)", lambda: store.try_acquire_probe("open.host", 30.0)),
            ("get", lambda: store.get("open.host")),
        ):
            print(f"| {name:<32} | {rate(op, seconds):>10,.0f} |")

        schema, pg_url = pg.create_schema()
        apply_migrations(pg_url)
        print("\nIdempotencyGuard.run, per second, 1 thread")
        print("| store    | fresh key (begin + complete) | replay (begin) |")
        print("|----------|-----------------------------:|---------------:|")
        for name, url in (("memory", "memory://"), ("redis", redis_server.url), ("postgres", pg_url)):
            guard = IdempotencyGuard(idempotency_store_from_url(url))
            fresh = rate(guarded(guard, fresh_keys=True), seconds)
            replay = rate(guarded(guard, fresh_keys=False), seconds)
            print(f"| {name:<8} | {fresh:>28,.0f} | {replay:>14,.0f} |")
            close = getattr(guard.store, "close", None)
            if close is not None:
                close()
        pg.drop_schema(schema)
    finally:
        redis_server.close()
        pg.close()


if __name__ == "__main__":
    main()
