"""Operations per second of each store: ``begin`` + ``complete`` (idempotency) and ``claim`` + ``mark_processed``
(webhook events), sync on 1 and 8 threads and async with 8 concurrent tasks.

Starts its own redis-server and PostgreSQL (the same code as the test fixtures) on free loopback ports:

    .venv/bin/python bench/stores_bench.py [--seconds 1.0] [--only memory,sqlite,redis,postgres]

A figure is completed pairs per second (one pair = the two calls on a fresh key), measured for ``--seconds`` after
a short warm-up. It is a benchmark, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import itertools
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from molam_sdk_ext import stores
from molam_sdk_ext.stores.migrate import apply_migrations
from tests.fixtures.servers import PostgresServer, RedisServer
from tests.support.stores import close_store

RESPONSE = stores.StoredResponse(
    201, (("Content-Type", "application/json"),), b'{"id":"pi_1","amount":1000}' * 32
)
THREADS = 8
TASKS = 8


def _pair(kind: str, store: Any, key: str) -> Any:
    if kind == "idempotency":
        result = store.begin(key, "fp")
        if inspect.isawaitable(result):

            async def go() -> None:
                await result
                await store.complete(key, RESPONSE)

            return go()
        store.complete(key, RESPONSE)
        return None
    claimed = store.claim(key)
    if inspect.isawaitable(claimed):

        async def go_events() -> None:
            await claimed
            await store.mark_processed(key)

        return go_events()
    store.mark_processed(key)
    return None


def run_sync(kind: str, store: Any, threads: int, seconds: float) -> float:
    """Pairs per second with ``threads`` threads calling the sync store in a loop."""
    counter = itertools.count()
    run = uuid.uuid4().hex  # fresh keys: every pair takes the NEW path
    done = [0] * threads
    start_gate = threading.Barrier(threads + 1)
    deadline = [0.0]

    def worker(i: int) -> None:
        start_gate.wait()
        n = 0
        while time.perf_counter() < deadline[0]:
            _pair(kind, store, f"{run}-{next(counter)}")
            n += 1
        done[i] = n

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    began = time.perf_counter()
    deadline[0] = began + seconds
    start_gate.wait()
    for t in pool:
        t.join()
    return sum(done) / (time.perf_counter() - began)


async def run_async(kind: str, store: Any, tasks: int, seconds: float) -> float:
    """Pairs per second with ``tasks`` asyncio tasks calling the async store in a loop."""
    counter = itertools.count()
    run = uuid.uuid4().hex
    deadline = time.perf_counter() + seconds
    began = time.perf_counter()

    async def worker() -> int:
        n = 0
        while time.perf_counter() < deadline:
            await _pair(kind, store, f"{run}-{next(counter)}")
            n += 1
        return n

    total = sum(await asyncio.gather(*(worker() for _ in range(tasks))))
    return total / (time.perf_counter() - began)


def measure(url: str, seconds: float, prepare: Callable[[], None]) -> dict[str, list[float]]:
    """For one store URL: [1 thread, 8 threads, async x8] pairs per second, per kind."""
    figures: dict[str, list[float]] = {}
    for kind, sync_factory, async_factory in (
        ("idempotency", stores.idempotency_store_from_url, stores.async_idempotency_store_from_url),
        ("events", stores.webhook_event_store_from_url, stores.async_webhook_event_store_from_url),
    ):
        prepare()
        store = sync_factory(url)
        run_sync(kind, store, 1, min(0.2, seconds))  # warm-up: connections, scripts, prepared statements
        one = run_sync(kind, store, 1, seconds)
        many = run_sync(kind, store, THREADS, seconds)
        asyncio.run(close_store(store))

        async def in_loop(factory: Any = async_factory, kind: str = kind) -> float:
            astore = factory(url)
            await run_async(kind, astore, TASKS, min(0.2, seconds))
            rate = await run_async(kind, astore, TASKS, seconds)
            await close_store(astore)
            return rate

        figures[kind] = [one, many, asyncio.run(in_loop())]
    return figures


def main() -> None:
    """Start the servers, measure every backend, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=1.0, help="measuring time per figure")
    parser.add_argument("--only", default="memory,sqlite,redis,postgres", help="comma-separated backends")
    args = parser.parse_args()
    wanted = args.only.split(",")
    results: dict[str, dict[str, list[float]]] = {}
    startup: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="molam-bench-") as tmp:
        if "memory" in wanted:
            results["memory"] = measure("memory://", args.seconds, lambda: None)
        if "sqlite" in wanted:
            db = Path(tmp) / "bench.db"

            def fresh_sqlite() -> None:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)

            results["sqlite"] = measure(f"sqlite:///{db}", args.seconds, fresh_sqlite)
        if "redis" in wanted:
            began = time.perf_counter()
            redis_server = RedisServer()
            redis_server.start_on_a_free_port()
            startup["redis-server"] = time.perf_counter() - began
            try:
                results["redis"] = measure(redis_server.url, args.seconds, redis_server.flushdb)
            finally:
                redis_server.close()
        if "postgres" in wanted:
            began = time.perf_counter()
            pg = PostgresServer()
            pg.start_on_a_free_port()
            startup["postgresql (initdb + start)"] = time.perf_counter() - began
            try:
                schema, url = pg.create_schema()
                apply_migrations(url)
                results["postgres"] = measure(url, args.seconds, lambda: None)
                pg.drop_schema(schema)
            finally:
                pg.close()

    for kind, title in (("idempotency", "begin + complete"), ("events", "claim + mark_processed")):
        print(f"\n{title}, pairs per second")
        print(f"| store    | 1 thread | {THREADS} threads | async, {TASKS} tasks |")
        print("|----------|---------:|----------:|---------------:|")
        for backend, figures in results.items():
            one, many, tasks = figures[kind]
            print(f"| {backend:<8} | {one:>8,.0f} | {many:>9,.0f} | {tasks:>14,.0f} |")
    if startup:
        print()
        for name, seconds in startup.items():
            print(f"{name} started in {seconds:.2f} s")


if __name__ == "__main__":
    main()
