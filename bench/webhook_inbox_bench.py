"""Webhook acknowledgements: the inbox endpoint (verify, record, answer; the task is published after the answer)
against the floor, a bare Starlette endpoint that verifies the same HMAC, parses the JSON and does a Redis
``SET NX`` + ``LPUSH`` (bench/webhook_floor_app.py); issue 25, docs/DESIGN.md section 6.

One run starts its own Redis (the broker, the floor's store and the Redis inbox) and PostgreSQL, then serves
each receiver with uvicorn (one process) in turn and sends it the same load: 1,500 signed events plus 25%
duplicates (shuffled), 32 in flight over keep-alive connections of a small asyncio client
(tests/webhooks/raw_http.py; httpx would cost more CPU than the servers). The floor runs before and after
each inbox (floor, Redis inbox, floor, PostgreSQL inbox, floor), so that the machine's load hits both alike,
and each inbox is compared with the mean of the two floors around it::

    .venv/bin/python bench/webhook_inbox_bench.py [--events 1500] [--concurrency 32]

Figures per receiver: acknowledgements (200 answers) per second over the load's wall time, p50 / p99 of their
latency, and the receiver process's CPU seconds (user + system, every thread: the inbox's background
publisher included, read once it has published every task) per delivery. No Celery worker runs during the
loads: the floor has no consumer either, and workers would take the same 2 cores from both. Targets: inbox
acks/s at least 0.5x the floor's, p99 at most 4x. A benchmark, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import redis

from molam_sdk_ext.stores.migrate import apply_migrations
from tests.fixtures.servers import PostgresServer, RedisServer
from tests.webhooks.celery_support import app_env, queued_event_ids
from tests.webhooks.load import events, percentile, post_all, receiver_process, with_duplicates
from tests.webhooks.support import SECRET

FLOOR_APP = "bench.webhook_floor_app:web"
INBOX_APP = "tests.webhooks.inbox_app:web"
WARM_UP = 64  # deliveries before measuring: first-use imports and connection pools are not the steady state
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Row(NamedTuple):
    """One receiver's figures under one load."""

    name: str
    acks_per_second: float
    p50_ms: float
    p99_ms: float
    cpu_ms_per_delivery: float
    other: str


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid`, all its threads (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime (fields 14 and 15 of stat)


def load(
    app: str,
    env: dict[str, str],
    log: Path,
    name: str,
    prefix: str,
    unique: int,
    concurrency: int,
    published: str | None = None,
) -> Row:
    """Serve `app`, warm it up, send it the load, and read its figures. `published`: the broker the receiver
    publishes to after answering; its CPU is read once every new event was handed over there."""
    with receiver_process(app, env, log) as (url, proc):
        asyncio.run(post_all(url, with_duplicates(events(WARM_UP, f"{prefix}_warm"), 0.0), concurrency))
        if published is not None:
            wait_for_events(published, WARM_UP)
        deliveries = with_duplicates(events(unique, prefix), 0.2)  # 20% of all = 25% of the events
        transport_errors: Counter[str] = Counter()
        cpu_before, client_before = cpu_seconds(proc.pid), time.process_time()
        started = time.perf_counter()
        results = asyncio.run(post_all(url, deliveries, concurrency, transport_errors=transport_errors))
        elapsed = time.perf_counter() - started
        client_cpu = time.process_time() - client_before
        messages = None
        if published is not None:
            wait_for_events(published, WARM_UP + unique)
            with redis.Redis.from_url(published) as broker:
                messages = int(broker.llen("celery"))
        cpu = cpu_seconds(proc.pid) - cpu_before
    acked = [seconds for status, seconds in results if status == 200]
    others = Counter(status for status, _ in results if status != 200)
    other = ", ".join(f"{n} x {status or 'no answer'}" for status, n in sorted(others.items()))
    other += "".join(f", {n} x {error} (resent)" for error, n in sorted(transport_errors.items()))
    other += f"; client CPU {client_cpu / len(deliveries) * 1000:.2f} ms"
    if messages is not None:
        other += f"; {WARM_UP + unique} events handed over in {messages} messages"
    return Row(
        name,
        len(acked) / elapsed,
        percentile(acked, 0.5) * 1000,
        percentile(acked, 0.99) * 1000,
        cpu / len(deliveries) * 1000,
        other.strip(", ;"),
    )


def wait_for_events(broker: str, count: int, timeout: float = 60.0) -> None:
    """Wait until the broker's queue holds work for `count` events (the receiver published them all)."""
    deadline = time.monotonic() + timeout
    while (found := len(queued_event_ids(broker))) < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{found} of {count} events published after {timeout} s")
        time.sleep(0.1)
    if found != count:
        raise RuntimeError(f"{found} events published for {count} new events")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=int(os.environ.get("MOLAM_INBOX_EVENTS", "1500")))
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()
    redis_server, postgres = RedisServer(), PostgresServer()
    redis_server.start_on_a_free_port()
    postgres.start_on_a_free_port()
    broker = redis.Redis.from_url(redis_server.url)
    rows: list[Row] = []
    try:
        with tempfile.TemporaryDirectory(prefix="molam-inbox-bench-") as tmp:
            floor_env = dict(os.environ, MOLAM_FLOOR_REDIS=redis_server.url, MOLAM_FLOOR_SECRET=SECRET)
            floor_env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)

            def floor(n: int) -> None:
                rows.append(
                    load(FLOOR_APP, floor_env, Path(tmp) / "floor.log", "floor", f"floor{n}", args.events,
                         args.concurrency)
                )  # fmt: skip

            floor(1)
            schema, postgres_url = postgres.create_schema()
            apply_migrations(postgres_url)
            for n, (backend, inbox_url) in enumerate(
                [("Redis", redis_server.url), ("PostgreSQL", postgres_url)], start=2
            ):
                effects = Path(tmp) / backend
                effects.mkdir()
                env = app_env(redis_server.url, inbox_url, effects, stale_after="300", lock_timeout="60")
                broker.delete("celery")
                rows.append(
                    load(INBOX_APP, env, effects / "receiver.log", f"inbox ({backend})", f"inbox{n}",
                         args.events, args.concurrency, published=redis_server.url)
                )  # fmt: skip
                floor(n)
            postgres.drop_schema(schema)
    finally:
        broker.close()
        redis_server.close()
        postgres.close()
    report(rows, args.events, args.concurrency)
    return 0


def report(rows: list[Row], unique: int, concurrency: int) -> None:
    """Print every load's figures, then each inbox against the floors measured just before and after it."""
    deliveries = round(unique / 0.8)
    print(
        f"{unique} signed events + {deliveries - unique} duplicates, {concurrency} in flight, one uvicorn "
        f"process per receiver, no Celery worker running (load order as below)"
    )
    print(f"{'receiver':<20} {'acks/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms/delivery':>16}  other")
    for row in rows:
        print(
            f"{row.name:<20} {row.acks_per_second:>7.0f} {row.p50_ms:>7.1f} {row.p99_ms:>7.1f} "
            f"{row.cpu_ms_per_delivery:>16.2f}  {row.other}"
        )
    print("inbox / floor (the floors just before and after it)   target: acks/s >= 0.50x, p99 <= 4.0x")
    for index, row in enumerate(rows):
        if row.name.startswith("inbox"):
            floors = [rows[index - 1], rows[index + 1]]
            mean: dict[str, Any] = {
                field: statistics.fmean(getattr(f, field) for f in floors)
                for field in ("acks_per_second", "p99_ms", "cpu_ms_per_delivery", "p50_ms")
            }
            print(
                f"{row.name:<20} acks/s {row.acks_per_second / mean['acks_per_second']:.2f}x  "
                f"p50 {row.p50_ms / mean['p50_ms']:.2f}x  p99 {row.p99_ms / mean['p99_ms']:.2f}x  "
                f"CPU/delivery {row.cpu_ms_per_delivery / mean['cpu_ms_per_delivery']:.2f}x"
            )


if __name__ == "__main__":
    sys.exit(main())
