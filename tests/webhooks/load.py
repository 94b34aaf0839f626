"""Load for the inbox acceptance test and its benchmark (plain Python, no pytest): a receiver app served by
uvicorn in its own process, and signed deliveries posted to it concurrently with their latencies, over
keep-alive connections of a cheap client (`tests.webhooks.raw_http`)."""

from __future__ import annotations

import asyncio
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.support import free_port
from tests.webhooks.raw_http import KeepAliveConnection, ResponseError
from tests.webhooks.support import delivery, example_event

ROOT = Path(__file__).resolve().parents[2]


def events(count: int, prefix: str, modes: dict[int, str] | None = None) -> list[dict[str, Any]]:
    """`count` distinct payment_intent.succeeded events; `modes` gives some of them a handler mode."""
    made = []
    for i in range(count):
        ev = example_event("payment_intent.succeeded", id=f"evt_{prefix}_{i:06d}")
        ev["data"]["object"]["metadata"] = {"mode": (modes or {}).get(i, "ok")}
        made.append(ev)
    return made


def with_duplicates(
    unique: list[dict[str, Any]], share: float, seed: int = 7
) -> list[tuple[bytes, dict[str, str]]]:
    """Signed deliveries of every event plus `share` of the total as re-deliveries of random ones, shuffled
    (a duplicate may arrive before, during or after its original)."""
    rng = random.Random(seed)
    duplicates = round(len(unique) * share / (1 - share))
    chosen = unique + [rng.choice(unique) for _ in range(duplicates)]
    rng.shuffle(chosen)
    return [delivery(ev) for ev in chosen]


@contextmanager
def receiver(app: str, env: dict[str, str], log: Path) -> Iterator[str]:
    """Serve ``module:attribute`` with uvicorn in its own process; yield the webhook URL."""
    with receiver_process(app, env, log) as (url, _):
        yield url


@contextmanager
def receiver_process(
    app: str, env: dict[str, str], log: Path
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`receiver`, yielding the process too (to read its CPU time, or to SIGKILL it)."""
    port = free_port()
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port), "--log-level",
             "warning", "--no-access-log", "--timeout-keep-alive", "30"],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"receiver {app} did not start; see {log}") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/webhooks/molam", proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


TRANSPORT_RETRIES = 3


async def post_all(
    url: str,
    deliveries: list[tuple[bytes, dict[str, str]]],
    concurrency: int,
    on_posted: Any = None,
    transport_errors: Counter[str] | None = None,
) -> list[tuple[int, float]]:
    """POST every delivery with `concurrency` in flight; return (status, seconds) in delivery order.
    `on_posted(n)` is called after each answer (n answered so far).

    Like a real sender, a delivery that got no HTTP answer at all (a kept-alive connection the server closed
    as it was reused, a reset) is sent again, up to TRANSPORT_RETRIES times; each such error is counted in
    `transport_errors` by exception type, and one that never got an answer is status 0. An HTTP answer,
    whatever its status, is never retried here. The latency is the final attempt's."""
    results: list[tuple[int, float]] = [(0, 0.0)] * len(deliveries)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(deliveries)):
        queue.put_nowait(index)
    answered = 0

    async def worker() -> None:
        nonlocal answered
        connection = KeepAliveConnection(url)
        try:
            while not queue.empty():
                index = queue.get_nowait()
                body, headers = deliveries[index]
                for _ in range(1 + TRANSPORT_RETRIES):
                    started = time.perf_counter()
                    try:
                        status = await asyncio.wait_for(connection.post(body, headers), 60)
                        break
                    except (OSError, EOFError, ResponseError, TimeoutError) as exc:
                        status = 0
                        if transport_errors is not None:
                            transport_errors[type(exc).__name__] += 1
                        await asyncio.sleep(0.1)
                results[index] = (status, time.perf_counter() - started)
                answered += 1
                if on_posted is not None:
                    on_posted(answered)
        finally:
            await connection.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return results


def percentile(values: list[float], q: float) -> float:
    """The `q` quantile (0..1) of `values`, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]
