"""Requests per second the local sandbox serves for create + retrieve of a payment intent.

Starts ``python -m molam_sandbox`` in a subprocess (in memory, then on a SQLite file), then drives it
from this process with keep-alive `httpx.AsyncClient` workers: each worker loops ``POST
/v1/connect/payment_intents`` (with an Idempotency-Key, as the SDK sends) then ``GET`` of the created intent.
Reports requests/s and create+retrieve pairs/s per concurrency. Client and server share this machine's cores,
so the figure is a floor for the server alone; on a busy machine it moves with the load, so each row also
reports the server process's own CPU time per pair (from /proc, Linux only), which hardly does. A benchmark,
not a test.

The machine is shared and noisy: each row runs several rounds and reports the best (least disturbed) and the
median. Run: ``python bench/sandbox_bench.py [--quick] [--seconds 3] [--rounds 3] [--workers 1,8]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from molam_sandbox.server import SandboxProcess


async def _worker(client: httpx.AsyncClient, stop_at: float, latencies: list[float]) -> int:
    requests = 0
    while time.perf_counter() < stop_at:
        started = time.perf_counter()
        created = await client.post(
            "/v1/connect/payment_intents",
            json={"amount": 15000, "currency": "XOF", "description": "bench", "metadata": {"order": "1042"}},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        created.raise_for_status()
        fetched = await client.get(f"/v1/connect/payment_intents/{created.json()['id']}")
        fetched.raise_for_status()
        latencies.append(time.perf_counter() - started)
        requests += 2
    return requests


def _cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds of process `pid` so far (None where /proc is not available)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _run(
    url: str, api_key: str, workers: int, seconds: float, pid: int | None
) -> tuple[float, float, float, float | None]:
    limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
    async with httpx.AsyncClient(
        base_url=url,
        headers={"Authorization": f"Bearer {api_key}"},
        limits=limits,
        timeout=30,
        trust_env=False,
    ) as client:
        await _worker(client, time.perf_counter() + min(1.0, seconds / 4), [])  # warm up
        latencies: list[float] = []
        cpu_before = _cpu_seconds(pid)
        started = time.perf_counter()
        counts = await asyncio.gather(
            *(_worker(client, started + seconds, latencies) for _ in range(workers))
        )
        elapsed = time.perf_counter() - started
        cpu_after = _cpu_seconds(pid)
    total = sum(counts)
    cpu_per_pair = None
    if cpu_before is not None and cpu_after is not None and total:
        cpu_per_pair = (cpu_after - cpu_before) / (total / 2) * 1e6
    return total / elapsed, total / 2 / elapsed, statistics.median(latencies) * 1000, cpu_per_pair


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one 2 s round per row")
    parser.add_argument("--seconds", type=float, default=3.0, help="length of a round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per row (best and median reported)")
    parser.add_argument("--workers", default="1,8", help="comma-separated concurrency levels")
    args = parser.parse_args()
    seconds, rounds = (2.0, 1) if args.quick else (args.seconds, args.rounds)
    levels = [int(w) for w in args.workers.split(",")]
    print(
        f"sandbox create + retrieve: {rounds} round(s) of {seconds:.0f} s per row, {os.cpu_count()} CPUs shared "
        "by client and server; requests/s best (median)"
    )
    print(
        f"{'state':<8} {'workers':>7} {'requests/s':>18} {'pairs/s':>8} {'median pair ms':>15} "
        f"{'server CPU us/pair':>19}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for state, db in (("memory", None), ("sqlite", Path(tmp) / "bench.db")):
            with SandboxProcess(db=db, extra_args=["--log-level", "warning"]) as server:
                for workers in levels:
                    results = [
                        asyncio.run(_run(server.url, server.api_key, workers, seconds, server.pid))
                        for _ in range(rounds)
                    ]
                    cpu_per_pair = [r[3] for r in results if r[3] is not None]
                    best = max(results, key=lambda r: r[0])
                    median_rps = statistics.median(r[0] for r in results)
                    cpu = f"{min(cpu_per_pair):>19.0f}" if cpu_per_pair else f"{'n/a':>19}"
                    print(
                        f"{state:<8} {workers:>7} {best[0]:>9.0f} ({median_rps:>5.0f}) {best[1]:>8.0f} "
                        f"{best[2]:>15.2f} {cpu}",
                        flush=True,
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
