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
from molam_sdk_ext.webhooks import Outcome, ProcessResult, WebhookProcessor
from tests.webhooks.support import SECRET, delivery, example_event
from tests.webhooks.workers import build_processor, count_lines, deliver

WORKERS = 8
HOLD = 0.3  # seconds a handler holds its claim, so that every other delivery arrives meanwhile

EVENT = example_event("payment_intent.succeeded")
EVENT_ID = EVENT["id"]


@pytest.fixture(params=["redis", "postgres", "sqlite"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "redis":
        url: str = request.getfixturevalue("redis_url")
        return url
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_store_url")
        return url
    return f"sqlite:///{tmp_path / 'events.db'}"


def stored(store_url: str) -> EventRecord | None:
    store = webhook_event_store_from_url(store_url)
    try:
        return store.get(EVENT_ID)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()


def check_race(outcomes: list[str], effects: Path, store_url: str) -> None:
    assert len(outcomes) == WORKERS
    assert outcomes.count("processed") == 1, outcomes
    assert set(outcomes) <= {"processed", "in_progress", "duplicate"}, outcomes
    assert count_lines(str(effects)) == 1
    assert stored(store_url) == EventRecord(EVENT_ID, "processed", 1, None)


def follow_up(store_url: str, effects: Path, expected: Outcome) -> ProcessResult:
    """One more delivery, from this process."""
    processor = build_processor(store_url, SECRET, str(effects), fail_first=True, hold=0)
    try:
        result = processor.process(*delivery(EVENT))
    finally:
        close = getattr(processor.store, "close", None)
        if close is not None:
            close()
    assert result.outcome is expected
    return result


def run_threads(store_url: str, effects: Path, fail_first: bool) -> list[str]:
    barrier = threading.Barrier(WORKERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        processor = build_processor(store_url, SECRET, str(effects), fail_first, HOLD)
        body, headers = delivery(EVENT)
        try:
            barrier.wait(timeout=60)
            result = processor.process(body, headers)
            with lock:
                outcomes.append(result.outcome.value)
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


def run_processes(store_url: str, effects: Path, fail_first: bool) -> list[str]:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(WORKERS)
    results = ctx.Queue()
    body, headers = delivery(EVENT)
    procs = [
        ctx.Process(
            target=deliver,
            args=(
                store_url,
                SECRET,
                body,
                headers["Molam-Signature"],
                str(effects),
                fail_first,
                HOLD,
                barrier,
                results,
            ),
        )
        for _ in range(WORKERS)
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=180)[0] for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return outcomes


@pytest.mark.parametrize("runner", [run_threads, run_processes], ids=["threads", "processes"])
def test_concurrent_deliveries_run_the_handler_once(store_url: str, tmp_path: Path, runner: Any) -> None:
    effects = tmp_path / "effects.log"
    check_race(runner(store_url, effects, False), effects, store_url)
    follow_up(store_url, effects, Outcome.DUPLICATE)
    assert count_lines(str(effects)) == 1


@pytest.mark.parametrize("runner", [run_threads, run_processes], ids=["threads", "processes"])
def test_failing_handler_is_retried_then_succeeds_once(store_url: str, tmp_path: Path, runner: Any) -> None:
    effects = tmp_path / "effects.log"
    outcomes = runner(store_url, effects, True)
    # One worker held the claim and failed; every other delivery arrived while it was held.
    assert sorted(outcomes) == ["handler_failed"] + ["in_progress"] * (WORKERS - 1), outcomes
    assert count_lines(str(effects)) == 0
    failed = stored(store_url)
    assert failed is not None and (failed.status, failed.attempts) == ("failed", 1)
    assert failed.last_error == "RuntimeError: first attempt fails"

    follow_up(store_url, effects, Outcome.PROCESSED)
    follow_up(store_url, effects, Outcome.DUPLICATE)
    assert count_lines(str(effects)) == 1
    assert count_lines(str(effects) + ".failed") == 1
    assert stored(store_url) == EventRecord(EVENT_ID, "processed", 2, "RuntimeError: first attempt fails")


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
