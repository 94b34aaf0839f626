"""Issue 13 item 7: a handler slower than the claim's lock timeout keeps its claim (the lease is renewed while
it runs), a redelivery meanwhile does not run it again, and a completion is fenced by its lease.

Every test runs against the real shared stores (Redis and PostgreSQL servers, a SQLite file) with real time,
and the slow receiver is a separate process (so the test can freeze it with SIGSTOP: a real pause, which is
the one way a live worker loses its lease).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from molam_sdk_ext.stores import (
    EventRecord,
    async_webhook_event_store_from_url,
    webhook_event_store_from_url,
)
from molam_sdk_ext.webhooks import Outcome, WebhookProcessor
from tests.webhooks.support import SECRET, delivery, example_event
from tests.webhooks.workers import append_line, count_lines

LOCK_TIMEOUT = 1.0
ROOT = Path(__file__).resolve().parents[2]


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
        store.close()  # type: ignore[attr-defined]


class SlowReceiver:
    """A receiver process running one delivery whose handler sleeps `hold` seconds."""

    def __init__(self, store_url: str, effects: Path, event: dict[str, object], hold: float) -> None:
        body, headers = delivery(event)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.webhooks.lease_worker", store_url, str(effects), str(hold),
             str(LOCK_TIMEOUT)],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps({"secret": SECRET, "body": body.decode(), "headers": headers}))
        self.proc.stdin.close()
        assert self.proc.stdout.readline().strip() == "started"

    def outcome(self) -> str:
        assert self.proc.stdout is not None
        out = self.proc.stdout.read().strip()
        assert self.proc.wait(timeout=60) == 0
        return out


def redeliver(store_url: str, event: dict[str, object], effects: Path) -> Outcome:
    """One more delivery of `event` from this process (its handler would record a run in `effects`)."""
    store = webhook_event_store_from_url(store_url, lock_timeout=LOCK_TIMEOUT)
    processor = WebhookProcessor(SECRET, store)
    processor.on("payment_intent.succeeded")(lambda e: append_line(str(effects), f"{os.getpid()} {e.id}"))
    try:
        return processor.process(*delivery(event)).outcome
    finally:
        store.close()  # type: ignore[attr-defined]


@pytest.mark.slow
def test_a_handler_slower_than_the_lock_timeout_runs_once(store_url: str, tmp_path: Path) -> None:
    event = example_event("payment_intent.succeeded", id="evt_slow_1")
    effects = tmp_path / "effects.log"
    receiver = SlowReceiver(store_url, effects, event, hold=4 * LOCK_TIMEOUT)
    outcomes = []
    for _ in range(3):  # redeliveries at about 1.2, 2.4 and 3.6 lock timeouts into the handler
        time.sleep(1.2 * LOCK_TIMEOUT)
        outcomes.append(redeliver(store_url, event, effects))
    assert outcomes == [Outcome.IN_PROGRESS] * 3
    assert receiver.outcome() == "processed"
    assert count_lines(str(effects)) == 1
    assert stored(store_url, event["id"]) == EventRecord(event["id"], "processed", 1, None)
    assert redeliver(store_url, event, effects) is Outcome.DUPLICATE


@pytest.mark.slow
def test_a_frozen_worker_loses_its_lease_and_its_late_completion_is_fenced(
    store_url: str, tmp_path: Path
) -> None:
    event = example_event("payment_intent.succeeded", id="evt_frozen_1")
    effects = tmp_path / "effects.log"
    receiver = SlowReceiver(store_url, effects, event, hold=2 * LOCK_TIMEOUT)
    os.kill(receiver.proc.pid, signal.SIGSTOP)  # a pause longer than the lock timeout: no heartbeat
    try:
        time.sleep(1.5 * LOCK_TIMEOUT)
        assert redeliver(store_url, event, effects) is Outcome.PROCESSED  # the claim was taken over
    finally:
        os.kill(receiver.proc.pid, signal.SIGCONT)
    # The frozen handler finishes; its completion is refused (the documented limit: it did run twice).
    assert receiver.outcome() == Outcome.LEASE_LOST.value
    assert count_lines(str(effects)) == 2
    assert stored(store_url, event["id"]) == EventRecord(event["id"], "processed", 2, None)


@pytest.mark.slow
async def test_async_processing_renews_the_lease_too(store_url: str, tmp_path: Path) -> None:
    event = example_event("payment_intent.succeeded", id="evt_slow_async")
    store = async_webhook_event_store_from_url(store_url, lock_timeout=LOCK_TIMEOUT)
    processor = WebhookProcessor(SECRET, store)
    runs = []

    @processor.on("payment_intent.succeeded")
    async def slow(e: object) -> None:
        await asyncio.sleep(3 * LOCK_TIMEOUT)
        runs.append(e)

    try:
        first = asyncio.create_task(processor.aprocess(*delivery(event)))
        await asyncio.sleep(1.5 * LOCK_TIMEOUT)
        again = await processor.aprocess(*delivery(event))
        assert again.outcome is Outcome.IN_PROGRESS
        assert (await first).outcome is Outcome.PROCESSED
        assert len(runs) == 1
        assert await store.get(event["id"]) == EventRecord(event["id"], "processed", 1, None)
    finally:
        await store.close()  # type: ignore[attr-defined]
