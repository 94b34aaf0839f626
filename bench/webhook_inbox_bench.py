"""Webhook acknowledgements: the inbox endpoint (verify, record, answer; the task is published after the answer)
against the floor, a bare Starlette endpoint that verifies the same HMAC, parses the JSON and does a Redis
``SET NX`` + ``LPUSH`` (bench/webhook_floor_app.py); issue 25, docs/DESIGN.md section 6.

One run starts its own Redis (the brokers, the floor's store and the Redis inbox) and PostgreSQL, and serves
three receivers with uvicorn, one process each: the floor, the inbox on Redis and the inbox on PostgreSQL
(both recording through the async inbox). Each gets the same load: 1,500 signed events plus 25% duplicates
(shuffled), 32 in flight over keep-alive connections of a small asyncio client (tests/webhooks/raw_http.py;
httpx would cost more CPU than the servers). The loads are interleaved: each is cut into slices, and the
receivers take turns slice by slice (the first of each round rotating), so that the machine's load, which
swings by 2x within seconds on a shared 2-core machine, hits the three alike::

    .venv/bin/python bench/webhook_inbox_bench.py [--events 1500] [--concurrency 32] [--slices 10]

Figures per receiver: acknowledgements (200 answers) per second over the wall time of its slices, p50 / p99
of their latency, and the receiver process's CPU seconds (user + system, every thread: the inbox's background
publisher included, read once it has handed every event over) per delivery. No Celery worker runs during the
loads: the floor has no consumer either, and workers would take the same 2 cores from all. Targets: inbox
acks/s at least 0.5x the floor's, p99 at most 4x. A benchmark, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import attrs

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


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid`, all its threads (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime (fields 14 and 15 of stat)


@attrs.define
class Receiver:
    """One receiver under load: where it answers, and what its slices measured."""

    name: str
    prefix: str  # of its event ids
    url: str
    pid: int
    broker: str | None  # where an inbox hands its events over (None: the floor)
    deliveries: list[tuple[bytes, dict[str, str]]]
    unique: int
    latencies: list[float] = attrs.Factory(list)
    others: Counter[int] = attrs.Factory(Counter)
    transport_errors: Counter[str] = attrs.Factory(Counter)
    wall: float = 0.0
    cpu: float = 0.0
    client_cpu: float = 0.0
    messages: int | None = None

    def warm_up(self, concurrency: int) -> None:
        """Send `WARM_UP` new events and wait until they are handed over."""
        asyncio.run(
            post_all(self.url, with_duplicates(events(WARM_UP, f"{self.prefix}_warm"), 0.0), concurrency)
        )
        self.wait_handed_over(WARM_UP)
        self.cpu = -cpu_seconds(self.pid)

    def send(self, part: list[tuple[bytes, dict[str, str]]], concurrency: int) -> None:
        """Send one slice of the load; add up its figures."""
        client, started = time.process_time(), time.perf_counter()
        results = asyncio.run(post_all(self.url, part, concurrency, transport_errors=self.transport_errors))
        self.wall += time.perf_counter() - started
        self.client_cpu += time.process_time() - client
        self.latencies += [seconds for status, seconds in results if status == 200]
        self.others.update(status for status, _ in results if status != 200)

    def finish(self) -> None:
        """Wait until every event was handed over; read the receiver's CPU."""
        self.wait_handed_over(WARM_UP + self.unique)
        if self.broker is not None:
            with redis.Redis.from_url(self.broker) as client:
                self.messages = int(client.llen("celery"))
        self.cpu += cpu_seconds(self.pid)

    def wait_handed_over(self, count: int, timeout: float = 60.0) -> None:
        """Wait until the broker holds work for `count` events (the floor hands over within the request)."""
        if self.broker is None:
            return
        deadline = time.monotonic() + timeout
        while (found := len(queued_event_ids(self.broker))) < count:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name}: {found} of {count} events handed over after {timeout} s")
            time.sleep(0.1)
        if found != count:
            raise RuntimeError(f"{self.name}: {found} events handed over for {count} new events")

    def row(self) -> tuple[str, float, float, float, float, str]:
        """(name, acks/s, p50 ms, p99 ms, CPU ms per delivery, other answers and notes)."""
        n = len(self.deliveries)
        other = ", ".join(f"{k} x {status or 'no answer'}" for status, k in sorted(self.others.items()))
        other += "".join(f", {k} x {error} (resent)" for error, k in sorted(self.transport_errors.items()))
        other += f"; client CPU {self.client_cpu / n * 1000:.2f} ms"
        if self.messages is not None:
            other += f"; {WARM_UP + self.unique} events handed over in {self.messages} messages"
        return (
            self.name,
            len(self.latencies) / self.wall,
            percentile(self.latencies, 0.5) * 1000,
            percentile(self.latencies, 0.99) * 1000,
            self.cpu / n * 1000,
            other.strip(", ;"),
        )


@contextmanager
def receivers(
    tmp: Path, redis_server: RedisServer, postgres_url: str, unique: int
) -> Iterator[list[Receiver]]:
    """The floor and the two inboxes, served; each inbox publishes to its own Redis database (its broker)."""
    root = str(Path(__file__).resolve().parent.parent)
    floor_env = dict(
        os.environ, MOLAM_FLOOR_REDIS=redis_server.url, MOLAM_FLOOR_SECRET=SECRET, PYTHONPATH=root
    )
    base = redis_server.url.rsplit("/", 1)[0]
    apps = [
        ("floor", FLOOR_APP, floor_env, None),
        *(
            (
                name,
                INBOX_APP,
                app_env(broker, inbox, tmp / name, stale_after="300", lock_timeout="60"),
                broker,
            )
            for name, inbox, broker in (
                ("inbox (Redis)", redis_server.url, f"{base}/1"),
                ("inbox (PostgreSQL)", postgres_url, f"{base}/2"),
            )
        ),
    ]
    with ExitStack() as stack:
        served = []
        for index, (name, app, env, broker) in enumerate(apps):
            (tmp / name).mkdir()
            url, proc = stack.enter_context(receiver_process(app, env, tmp / name / "receiver.log"))
            load = with_duplicates(events(unique, f"load{index}"), 0.2)  # 20% of all = 25% of the events
            served.append(Receiver(name, f"load{index}", url, proc.pid, broker, load, unique))
        yield served


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=int(os.environ.get("MOLAM_INBOX_EVENTS", "1500")))
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--slices", type=int, default=10, help="slices of each load, taken in turns")
    args = parser.parse_args()
    redis_server, postgres = RedisServer(), PostgresServer()
    redis_server.start_on_a_free_port()
    postgres.start_on_a_free_port()
    try:
        schema, postgres_url = postgres.create_schema()
        apply_migrations(postgres_url)
        with (
            tempfile.TemporaryDirectory(prefix="molam-inbox-bench-") as tmp,
            receivers(Path(tmp), redis_server, postgres_url, args.events) as served,
        ):
            for receiver in served:
                receiver.warm_up(args.concurrency)
            for turn in range(args.slices):
                for receiver in served[turn % 3 :] + served[: turn % 3]:
                    n = len(receiver.deliveries)
                    part = receiver.deliveries[n * turn // args.slices : n * (turn + 1) // args.slices]
                    receiver.send(part, args.concurrency)
            for receiver in served:
                receiver.finish()
            rows = [receiver.row() for receiver in served]
        postgres.drop_schema(schema)
    finally:
        redis_server.close()
        postgres.close()
    report(rows, args.events, args.concurrency, args.slices)
    return 0


def report(
    rows: list[tuple[str, float, float, float, float, str]], unique: int, concurrency: int, slices: int
) -> None:
    """Print each receiver's figures, then each inbox against the floor."""
    print(
        f"{unique} signed events + {round(unique / 0.8) - unique} duplicates per receiver, {concurrency} in flight, "
        f"one uvicorn process each, taken in turns in {slices} slices; no Celery worker running"
    )
    print(f"{'receiver':<20} {'acks/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms/delivery':>16}  other")
    for name, rate, p50, p99, cpu, other in rows:
        print(f"{name:<20} {rate:>7.0f} {p50:>7.1f} {p99:>7.1f} {cpu:>16.2f}  {other}")
    _, rate0, p500, p990, cpu0, _ = rows[0]
    print("inbox / floor                 target: acks/s >= 0.50x, p99 <= 4.0x")
    for name, rate, p50, p99, cpu, _ in rows[1:]:
        print(
            f"{name:<20} acks/s {rate / rate0:.2f}x  p50 {p50 / p500:.2f}x  p99 {p99 / p990:.2f}x  "
            f"CPU/delivery {cpu / cpu0:.2f}x"
        )


if __name__ == "__main__":
    sys.exit(main())
