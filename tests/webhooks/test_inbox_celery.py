"""The inbox with real Celery workers (issue 16): Redis as the broker, PostgreSQL (or Redis) as the inbox,
workers started as processes. A receiver in this process records and enqueues; the workers run the handlers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from celery import Celery

from molam_sdk_ext.stores import EventRecord, webhook_inbox_from_url
from molam_sdk_ext.webhooks import Outcome, WebhookProcessor
from molam_sdk_ext.webhooks.celery_dispatch import CeleryDispatch
from tests.webhooks.celery_support import ROOT, app_env, celery_processes, lines, wait_until
from tests.webhooks.support import LEAKED_SECRET, SECRET, delivery, example_event


def event(event_id: str, mode: str = "ok") -> dict[str, Any]:
    """A payment_intent.succeeded event whose handler behaves as `mode` says (see inbox_app)."""
    ev = example_event("payment_intent.succeeded", id=event_id)
    ev["data"]["object"]["metadata"] = {"mode": mode}
    return ev


def receiver(broker: str, inbox_url: str) -> WebhookProcessor:
    """What a web process holds: the inbox and a dispatch on the same broker (no handlers needed to record)."""
    return WebhookProcessor(
        SECRET,
        inbox=webhook_inbox_from_url(inbox_url),
        dispatch=CeleryDispatch(Celery("receiver", broker=broker), sweep_every=None),
    )


def molam(env: dict[str, str], *args: str) -> Any:
    """Run the `molam` command with --json; return its JSON output."""
    done = subprocess.run(
        [sys.executable, "-m", "molam_sdk_ext.cli", "webhooks", *args, "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr + done.stdout
    return json.loads(done.stdout)


@pytest.fixture(params=["postgres", "redis"])
def inbox_url(request: pytest.FixtureRequest, redis_url: str) -> str:
    """The inbox: PostgreSQL, or the broker's own Redis (its keys never collide with Celery's)."""
    if request.param == "redis":
        return redis_url
    url: str = request.getfixturevalue("postgres_store_url")
    return url


@pytest.mark.slow
def test_workers_run_each_event_once_failures_end_dead_and_replay_runs_them(
    redis_url: str, inbox_url: str, tmp_path: Path
) -> None:
    env = app_env(redis_url, inbox_url, tmp_path, max_retries="2")
    web = receiver(redis_url, inbox_url)
    inbox = web.inbox
    assert inbox is not None
    ok = [event(f"evt_ok_{i:03d}") for i in range(40)]
    failing = event("evt_always_fails", "fail")
    with celery_processes(env, tmp_path, workers=2, beat=False):
        for ev in [*ok, failing]:
            assert web.process(*delivery(ev)).outcome is Outcome.RECEIVED
        for ev in ok[:10]:  # duplicates: answered 200, nothing enqueued
            result = web.process(*delivery(ev))
            assert (result.status_code, result.outcome) == (200, Outcome.DUPLICATE)

        def settled() -> bool:
            record = inbox.get(failing["id"])
            return (
                len(lines(tmp_path / "completed.log")) >= len(ok)
                and record is not None
                and (record.status == "dead")
            )

        wait_until(settled, 90, "every ok event completed and the failing one dead")
        dead = inbox.get(failing["id"])
        assert dead is not None and (dead.status, dead.attempts) == ("dead", 3)  # max_retries=2: 3 runs
        assert dead.last_error is not None and dead.last_error.startswith("RuntimeError: always fails")
        assert LEAKED_SECRET not in dead.last_error  # redacted before it was stored
        assert lines(tmp_path / "started.log").count(failing["id"]) == 3

        stats = molam(env, "inbox", "--store-url", inbox_url)
        assert stats["counts"]["processed"] == len(ok) and stats["counts"]["dead"] == 1
        assert stats["pending"] == 0 and stats["oldest_pending_age"] is None

        replayed = molam(env, "replay", "--dead", "--processor", "tests.webhooks.inbox_app:processor")
        assert replayed == {"replayed": [failing["id"]]}
        wait_until(
            lambda: (
                lines(tmp_path / "started.log").count(failing["id"]) == 6
                and inbox.get(failing["id"]) == EventRecord(failing["id"], "dead", 3, dead.last_error)
            ),
            60,
            "the replayed event to run its three attempts again",
        )
        assert molam(env, "replay", "evt_ok_000", "--processor", "tests.webhooks.inbox_app:processor") == {
            "replayed": ["evt_ok_000"]
        }
        wait_until(lambda: lines(tmp_path / "completed.log").count("evt_ok_000") == 2, 30, "the replay")

    completed = lines(tmp_path / "completed.log")
    assert sorted(completed) == sorted([ev["id"] for ev in ok] + ["evt_ok_000"])
