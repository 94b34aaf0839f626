"""Webhook acknowledgements: the inbox (record + enqueue, answer 200; Celery workers run the handlers) next to
inline processing (the handler, 50 ms, runs inside the request), on the same machine, in the same run.

Starts its own Redis (the broker) and PostgreSQL (the inbox and the inline claim store), a receiver app served
by uvicorn (one process, as the acceptance test), and for the inbox 4 Celery workers, then POSTs signed
deliveries (20% duplicates) with 32 in flight:

    .venv/bin/python bench/webhook_inbox_bench.py [--deliveries 2000] [--concurrency 32]

Figures: acknowledgements per second (wall time of the whole load) and p50 / p99 acknowledgement latency.
A benchmark, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from molam_sdk_ext.stores.migrate import apply_migrations
from tests.fixtures.servers import PostgresServer, RedisServer
from tests.webhooks.celery_support import app_env, celery_processes
from tests.webhooks.load import events, percentile, post_all, receiver, with_duplicates


def measure(
    url: str, deliveries: list[tuple[bytes, dict[str, str]]], concurrency: int
) -> tuple[float, float, float, str]:
    """(200 answers per second, p50 ms, p99 ms of the 200s, the other answers by status). Inline, a duplicate
    that arrives while its original is still being handled is answered 409 (the sender retries later): that
    is the design, and it is shown, not hidden."""
    started = time.perf_counter()
    transport_errors: Counter[str] = Counter()
    results = asyncio.run(post_all(url, deliveries, concurrency, transport_errors=transport_errors))
    elapsed = time.perf_counter() - started
    acked = [seconds for status, seconds in results if status == 200]
    others = Counter(status for status, _ in results if status != 200)
    other = ", ".join(f"{n} x {status or 'no answer'}" for status, n in sorted(others.items()))
    other += "".join(f", {n} x {name} (resent)" for name, n in sorted(transport_errors.items()))
    other = other.strip(", ") or "none"
    return len(acked) / elapsed, percentile(acked, 0.5) * 1000, percentile(acked, 0.99) * 1000, other


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--deliveries", type=int, default=int(os.environ.get("MOLAM_INBOX_DELIVERIES", "2000"))
    )
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4, help="Celery workers running during the inbox load")
    args = parser.parse_args()
    redis_server, postgres = RedisServer(), PostgresServer()
    redis_server.start_on_a_free_port()
    postgres.start_on_a_free_port()
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="molam-inbox-bench-") as tmp:
            unique = round(args.deliveries * 0.8)
            for name in ("inline", "inbox"):
                schema, url = postgres.create_schema()
                apply_migrations(url)
                effects = Path(tmp) / name
                effects.mkdir()
                env = app_env(redis_server.url, url, effects, sweep_every="5")
                env["MOLAM_TEST_STORE"] = url
                deliveries = with_duplicates(events(unique, name), 0.2)
                if name == "inline":
                    with receiver("tests.webhooks.inline_app:web", env, effects / "receiver.log") as hook:
                        rows.append(("inline, 50 ms handler", *measure(hook, deliveries, args.concurrency)))
                else:
                    with (
                        celery_processes(env, effects, workers=args.workers, beat=False),
                        receiver("tests.webhooks.inbox_app:web", env, effects / "receiver.log") as hook,
                    ):
                        label = f"inbox + {args.workers} Celery workers"
                        rows.append((label, *measure(hook, deliveries, args.concurrency)))
                postgres.drop_schema(schema)
    finally:
        redis_server.close()
        postgres.close()
    print(
        f"{args.deliveries} signed deliveries (20% duplicates), {args.concurrency} in flight, one receiver process"
    )
    print(f"{'receiver':<28} {'acks/s':>8} {'p50 ms':>8} {'p99 ms':>8}  other answers")
    for name, rate, p50, p99, other in rows:
        print(f"{name:<28} {rate:>8.0f} {p50:>8.1f} {p99:>8.1f}  {other}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
