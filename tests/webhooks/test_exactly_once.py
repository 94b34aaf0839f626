"""Exactly once against real shared stores: 8 concurrent deliveries of one event, from threads, from spawned
processes and from asyncio tasks, run the handler once; a failing handler is retried and then succeeds once.

Redis and PostgreSQL run as real servers (tests/fixtures/servers.py); SQLite uses a file in tmp_path.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from pathlib import Path
from typing import Any

import pytest

from molam_sdk_ext.stores import (
    EventRecord,
    async_webhook_event_store_from_url,
    webhook_event_store_from_url,
)
from molam_sdk_ext.webhooks import Outcome, WebhookProcessor
from tests.webhooks.support import SECRET, delivery, example_event
from tests.webhooks.workers import build_processor, count_lines, deliver

WORKERS = 8
HOLD = 0.3  # seconds a handler holds its claim, so that every other delivery arrives meanwhile

EVENT = example_event("payment_intent.succeeded")
EVENT_ID = EVENT["id"]
# Two scenarios per run of workers: a clean race on EVENT, and a race on FLAKY whose first handler run fails.
FLAKY = example_event("payment_intent.succeeded", id="evt_flaky1")


@pytest.fixture(params=["redis", "postgres", "sqlite"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "redis":
        url: str = request.getfixturevalue("redis_url")
        return url
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_store_url")
        return url
    return f"sqlite:///{tmp_path / 'events.db'}"


def stored(store_url: str, event_id: str) -> EventRecord | None:
    store = webhook_event_store_from_url(store_url)
    try:
        return store.get(event_id)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()


def follow_up(store_url: str, event: dict[str, Any], effects: Path, expected: Outcome) -> None:
    """One more delivery of `event`, from this process."""
    processor = build_processor(store_url, SECRET, str(effects), fail_first=True, hold=0)
    try:
        result = processor.process(*delivery(event))
    finally:
        close = getattr(processor.store, "close", None)
        if close is not None:
            close()
    assert result.outcome is expected, result


# A job: (event, effects file, fail_first). A runner delivers every job from WORKERS workers at once (one job
# after the other) and returns the outcomes per job.
Job = tuple[dict[str, Any], Path, bool]


def run_threads(store_url: str, jobs: list[Job]) -> list[list[str]]:
    barrier = threading.Barrier(WORKERS)
    outcomes: list[list[str]] = [[] for _ in jobs]
    lock = threading.Lock()

    def worker() -> None:
        for index, (event, effects, fail_first) in enumerate(jobs):
            processor = build_processor(store_url, SECRET, str(effects), fail_first, HOLD)
            body, headers = delivery(event)
            try:
                barrier.wait(timeout=60)
                result = processor.process(body, headers)
                with lock:
                    outcomes[index].append(result.outcome.value)
            finally:
                close = getattr(processor.store, "close", None)
                if close is not None:
                    close()

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return outcomes


def run_processes(store_url: str, jobs: list[Job]) -> list[list[str]]:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(WORKERS)
    results = ctx.Queue()
    signed = []
    for event, effects, fail_first in jobs:
        body, headers = delivery(event)
        signed.append((body, headers["Molam-Signature"], str(effects), fail_first))
    procs = [
        ctx.Process(target=deliver, args=(store_url, SECRET, signed, HOLD, barrier, results))
        for _ in range(WORKERS)
    ]
    for p in procs:
        p.start()
    outcomes: list[list[str]] = [[] for _ in jobs]
    for _ in range(WORKERS * len(jobs)):
        index, outcome = results.get(timeout=180)
        outcomes[index].append(outcome)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return outcomes


@pytest.mark.slow
@pytest.mark.parametrize(
    ("store_url", "runner"),
    [
        pytest.param("redis", run_threads, id="redis-threads"),
        pytest.param("redis", run_processes, id="redis-processes"),
        pytest.param("postgres", run_threads, id="postgres-threads"),
        pytest.param("postgres", run_processes, id="postgres-processes"),
        pytest.param(
            "sqlite", run_threads, id="sqlite-threads"
        ),  # processes on SQLite: the stores' own tests
    ],
    indirect=["store_url"],
)
def test_concurrent_deliveries_run_the_handler_once(store_url: str, tmp_path: Path, runner: Any) -> None:
    clean, flaky = tmp_path / "clean.log", tmp_path / "flaky.log"
    race, failing = runner(store_url, [(EVENT, clean, False), (FLAKY, flaky, True)])

    # Clean race: one worker ran the handler, every other delivery was told in progress or duplicate.
    assert len(race) == WORKERS
    assert race.count("processed") == 1, race
    assert set(race) <= {"processed", "in_progress", "duplicate"}, race
    assert count_lines(str(clean)) == 1
    assert stored(store_url, EVENT_ID) == EventRecord(EVENT_ID, "processed", 1, None)
    follow_up(store_url, EVENT, clean, Outcome.DUPLICATE)
    assert count_lines(str(clean)) == 1

    # Failing first run: one worker held the claim and failed; the others arrived while it was held.
    assert sorted(failing) == ["handler_failed"] + ["in_progress"] * (WORKERS - 1), failing
    assert count_lines(str(flaky)) == 0
    failed = stored(store_url, "evt_flaky1")
    assert failed == EventRecord("evt_flaky1", "failed", 1, "RuntimeError: first attempt fails")
    # The next delivery runs the handler again and succeeds; later ones are duplicates.
    follow_up(store_url, FLAKY, flaky, Outcome.PROCESSED)
    follow_up(store_url, FLAKY, flaky, Outcome.DUPLICATE)
    assert count_lines(str(flaky)) == 1
    assert count_lines(str(flaky) + ".failed") == 1
    assert stored(store_url, "evt_flaky1") == EventRecord(
        "evt_flaky1", "processed", 2, "RuntimeError: first attempt fails"
    )


async def test_concurrent_async_deliveries_run_the_handler_once(store_url: str) -> None:
    runs: list[str] = []
    stores = [async_webhook_event_store_from_url(store_url) for _ in range(WORKERS)]
    processors = [WebhookProcessor(SECRET, store) for store in stores]
    for processor in processors:

        @processor.on("payment_intent.succeeded")
        async def handle(event: Any) -> None:
            await asyncio.sleep(HOLD)
            runs.append(event.id)

    try:
        results = await asyncio.gather(*(p.aprocess(*delivery(EVENT)) for p in processors))
        outcomes = [r.outcome.value for r in results]
        assert outcomes.count("processed") == 1, outcomes
        assert set(outcomes) <= {"processed", "in_progress", "duplicate"}
        assert runs == [EVENT_ID]
        assert (await processors[0].aprocess(*delivery(EVENT))).outcome is Outcome.DUPLICATE
        assert await stores[0].get(EVENT_ID) == EventRecord(EVENT_ID, "processed", 1, None)
    finally:
        for store in stores:
            close = getattr(store, "close", None)
            if close is not None:
                await close()
