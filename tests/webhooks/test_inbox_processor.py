"""Inbox mode of WebhookProcessor in this process: a SQLite inbox and CeleryDispatch on a real Redis broker
(the messages are read back from the broker's queue); the workers' side is tests/webhooks/test_inbox_celery.py."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from celery import Celery

from molam_sdk_ext.stores import (
    EventRecord,
    async_webhook_inbox_from_url,
    webhook_event_store_from_url,
    webhook_inbox_from_url,
)
from molam_sdk_ext.webhooks import CeleryDispatch, Outcome, WebhookProcessor
from tests.fixtures.servers import free_port
from tests.webhooks.celery_support import queued_event_ids
from tests.webhooks.support import SECRET, delivery, example_event

ROOT = Path(__file__).resolve().parents[2]


def make(broker: str, inbox_path: Path) -> WebhookProcessor:
    return WebhookProcessor(
        SECRET,
        inbox=webhook_inbox_from_url(f"sqlite:///{inbox_path}", stale_after=300),
        dispatch=CeleryDispatch(Celery("t", broker=broker), sweep_every=None),
    )


def queued(broker: str) -> list[str]:
    """The event ids of the tasks waiting in the broker's default queue."""
    return queued_event_ids(broker)


def test_record_enqueue_acknowledge_and_duplicates_enqueue_nothing(redis_url: str, tmp_path: Path) -> None:
    processor = make(redis_url, tmp_path / "inbox.db")
    event = example_event("payment_intent.succeeded", id="evt_inbox_1")
    result = processor.process(*delivery(event))
    assert (result.status_code, result.outcome, result.handler_seconds) == (200, Outcome.RECEIVED, None)
    assert json.loads(result.body()) == {"outcome": "received", "event_id": "evt_inbox_1"}
    for _ in range(3):
        assert processor.process(*delivery(event)).outcome is Outcome.DUPLICATE
    assert processor.flush(30)  # the task is published after the answer, by the background publisher
    assert queued(redis_url) == ["evt_inbox_1"]
    assert processor.store.get("evt_inbox_1") == EventRecord("evt_inbox_1", "received", 0, None)
    bad = processor.process(delivery(event)[0] + b" ", delivery(event)[1])
    assert bad.outcome is Outcome.INVALID_SIGNATURE


async def test_aprocess_records_and_enqueues_the_same_way(redis_url: str, tmp_path: Path) -> None:
    processor = make(redis_url, tmp_path / "inbox.db")
    event = example_event("payout.paid", id="evt_inbox_async")
    assert (await processor.aprocess(*delivery(event))).outcome is Outcome.RECEIVED
    assert (await processor.aprocess(*delivery(event))).outcome is Outcome.DUPLICATE
    assert processor.flush(30)
    assert queued(redis_url) == ["evt_inbox_async"]


@pytest.mark.parametrize("backend", ["redis", "postgres"])
async def test_aprocess_records_through_the_async_inbox_without_a_thread(
    backend: str, redis_url: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = redis_url if backend == "redis" else str(request.getfixturevalue("postgres_store_url"))
    async_inbox = async_webhook_inbox_from_url(url)
    processor = WebhookProcessor(
        SECRET,
        inbox=webhook_inbox_from_url(url),
        async_inbox=async_inbox,
        dispatch=CeleryDispatch(Celery("t", broker=redis_url), sweep_every=None),
    )

    async def no_thread(*args: object, **kwargs: object) -> None:
        raise AssertionError("the endpoint hopped to a thread")

    event = example_event("payout.paid", id=f"evt_async_{backend}")
    try:
        with monkeypatch.context() as patched:
            patched.setattr(asyncio, "to_thread", no_thread)
            assert (await processor.aprocess(*delivery(event))).outcome is Outcome.RECEIVED
            assert (await processor.aprocess(*delivery(event))).outcome is Outcome.DUPLICATE
        assert processor.flush(30)
        assert queued(redis_url) == [event["id"]]
        assert processor.store.get(event["id"]) == EventRecord(
            event["id"], "received", 0, None
        )  # the same inbox
    finally:
        await async_inbox.close()  # type: ignore[attr-defined]
        processor.store.close()  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="pass both"):
        WebhookProcessor(SECRET, async_inbox=async_inbox)


def test_a_down_broker_still_acknowledges_and_the_sweep_enqueues_later(
    redis_url: str, tmp_path: Path
) -> None:
    down = make(f"redis://127.0.0.1:{free_port()}/0", tmp_path / "inbox.db")  # nothing listens there
    event = example_event("payment_intent.succeeded", id="evt_while_down")
    assert down.process(*delivery(event)).outcome is Outcome.RECEIVED  # recorded; the publish fails later
    assert down.flush(30)  # the publisher's failure marked it due
    assert down.sweep() == []  # still down: stays due
    up = make(redis_url, tmp_path / "inbox.db")
    assert up.sweep() == ["evt_while_down"]
    assert up.sweep() == []  # pushed ahead by stale_after: not enqueued twice in a row
    assert queued(redis_url) == ["evt_while_down"]


def test_inbox_mode_is_configured_whole(redis_url: str, tmp_path: Path) -> None:
    inbox = webhook_inbox_from_url(f"sqlite:///{tmp_path / 'inbox.db'}")
    with pytest.raises(ValueError, match="both an inbox and a dispatch"):
        WebhookProcessor(SECRET, inbox=inbox)
    with pytest.raises(ValueError, match="the inbox is the store"):
        WebhookProcessor(
            SECRET,
            webhook_event_store_from_url("memory://"),
            inbox=inbox,
            dispatch=CeleryDispatch(Celery("t", broker=redis_url)),
        )
    with pytest.raises(TypeError, match="inbox mode"):
        WebhookProcessor(SECRET).work("evt_1")
    dispatch = CeleryDispatch(
        Celery("t", broker=redis_url), max_retries=2, retry_backoff=4, retry_backoff_max=5
    )
    assert [dispatch.retry_delay(n) is not None for n in (1, 2, 3)] == [True, True, False]
    assert all(0 <= (dispatch.retry_delay(2) or 0) <= 5 for _ in range(50))  # capped, jittered
    with pytest.raises(ValueError, match="max_retries"):
        CeleryDispatch(Celery("t"), max_retries=-1)


def test_a_worker_run_of_an_unknown_event_is_not_found(redis_url: str, tmp_path: Path) -> None:
    processor = make(redis_url, tmp_path / "inbox.db")
    result = processor.work("evt_never_recorded")
    assert (result.outcome, result.event_id) == (Outcome.NOT_FOUND, "evt_never_recorded")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"COLUMNS": "400"}  # one line per message: no wrapping inside rich's error box
    return subprocess.run(
        [sys.executable, "-m", "molam_sdk_ext.cli", "webhooks", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["inbox", "--store-url", "memory://"], "shared with worker processes"),
        (["inbox"], "--store-url"),
        (["replay", "--processor", "tests.webhooks.support:SECRET"], "either EVENT_ID or --dead"),
        (["sweep", "--processor", "tests.webhooks.support:SECRET"], "not a WebhookProcessor with an inbox"),
        (["sweep", "--processor", "no_such_module:x"], "cannot load"),
    ],
)
def test_cli_usage_errors_exit_2(args: list[str], message: str, monkeypatch: Any) -> None:
    done = run_cli(*args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert message in " ".join((done.stdout + done.stderr).split())


def test_cli_inbox_counts(tmp_path: Path) -> None:
    inbox = webhook_inbox_from_url(f"sqlite:///{tmp_path / 'inbox.db'}")
    inbox.record("evt_1", "payout.paid", b"{}")
    inbox.record("evt_2", "payout.paid", b"{}")
    inbox.mark_processed("evt_2")
    done = run_cli("inbox", "--store-url", f"sqlite:///{tmp_path / 'inbox.db'}", "--json")
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert stats["counts"] == {"received": 1, "processing": 0, "failed": 0, "dead": 0, "processed": 1}
    assert stats["pending"] == 1 and stats["oldest_pending_age"] >= 0
    human = run_cli("inbox", "--store-url", f"sqlite:///{tmp_path / 'inbox.db'}")
    assert "received    1" in human.stdout and "oldest pending:" in human.stdout
