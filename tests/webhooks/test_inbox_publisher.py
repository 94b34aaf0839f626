"""The inbox's background publisher (issue 25): the answer waits for the record only, the task is published
after it, and nothing acknowledged is lost when the publish fails or never happens.

- in this process: `BackgroundPublisher`'s batches, its bound, and its failures marked due;
- with real processes: a receiver (uvicorn) SIGKILLed after it acknowledged events it could not publish (the
  broker was hung, SIGSTOPped): the sweeper on beat enqueues them, and prefork workers complete each once.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
import redis
from celery import Celery

from molam_sdk_ext.stores import webhook_inbox_from_url
from molam_sdk_ext.webhooks import CeleryDispatch, Outcome, WebhookProcessor
from molam_sdk_ext.webhooks.celery_dispatch import ENQUEUE_TASK
from molam_sdk_ext.webhooks.publisher import BackgroundPublisher, PublisherFull
from tests.fixtures.servers import RedisServer, ServerUnavailable, free_port
from tests.webhooks.celery_support import app_env, celery_processes, lines, queued_event_ids, wait_until
from tests.webhooks.load import events, post_all, receiver_process
from tests.webhooks.support import SECRET, delivery, example_event


def test_batches_run_in_order_and_a_full_publisher_refuses_at_once() -> None:
    batches: list[list[str]] = []
    started, release = threading.Event(), threading.Event()

    def publish(event_ids: Sequence[str]) -> tuple[list[str], BaseException | None]:
        started.set()
        release.wait(30)  # the broker is slow: ids pile up meanwhile
        batches.append(list(event_ids))
        return [], None

    publisher = BackgroundPublisher(publish, lambda event_id, error: None, max_batch=3, max_pending=5)
    publisher.submit("evt_0")
    assert started.wait(10)
    for i in range(1, 6):
        publisher.submit(f"evt_{i}")
    with pytest.raises(PublisherFull):
        publisher.submit("evt_6")
    assert not publisher.flush(0.2)  # the broker still holds the first batch
    release.set()
    assert publisher.flush(30)
    assert batches == [["evt_0"], ["evt_1", "evt_2", "evt_3"], ["evt_4", "evt_5"]]
    assert publisher.pending == 0


def test_what_a_batch_could_not_publish_is_marked_due(redis_url: str, tmp_path: Path) -> None:
    # Nothing listens on the broker's port: every publish fails; the events stay recorded and become due.
    inbox = webhook_inbox_from_url(f"sqlite:///{tmp_path / 'inbox.db'}", stale_after=300)
    down = WebhookProcessor(
        SECRET,
        inbox=inbox,
        dispatch=CeleryDispatch(Celery("t", broker=f"redis://127.0.0.1:{free_port()}/0"), sweep_every=None),
    )
    ids = [f"evt_down_{i}" for i in range(5)]
    for event_id in ids:
        assert down.process(*delivery(example_event("payout.paid", id=event_id))).outcome is Outcome.RECEIVED
    assert down.flush(60)
    assert sorted(inbox.due(100)) == ids  # due now, not after stale_after
    # The same events published in one batch to a broker that is up.
    up = WebhookProcessor(
        SECRET, inbox=inbox, dispatch=CeleryDispatch(Celery("t", broker=redis_url), sweep_every=None)
    )
    assert up.publisher is not None
    for event_id in ids:
        up.publisher.submit(event_id)
    assert up.flush(30)
    assert queued_event_ids(redis_url) == ids


def test_a_fan_out_on_a_worker_marks_due_what_it_could_not_send(tmp_path: Path) -> None:
    app = Celery("t", broker=f"redis://127.0.0.1:{free_port()}/0")  # down
    inbox = webhook_inbox_from_url(f"sqlite:///{tmp_path / 'inbox.db'}", stale_after=300)
    WebhookProcessor(SECRET, inbox=inbox, dispatch=CeleryDispatch(app, sweep_every=None))
    ids = [f"evt_fan_{i}" for i in range(3)]
    for event_id in ids:
        inbox.record(event_id, "payout.paid", b"{}")
    assert inbox.due(100) == []  # recorded: due only after stale_after
    assert app.tasks[ENQUEUE_TASK](ids) == 0  # called, a task runs here as on a worker: nothing sent
    assert sorted(inbox.due(100)) == ids


def test_publishing_within_the_request_is_still_available(redis_url: str, tmp_path: Path) -> None:
    processor = WebhookProcessor(
        SECRET,
        inbox=webhook_inbox_from_url(f"sqlite:///{tmp_path / 'inbox.db'}"),
        dispatch=CeleryDispatch(Celery("t", broker=redis_url), sweep_every=None),
        publish_in_background=False,
    )
    assert processor.publisher is None
    assert (
        processor.process(*delivery(example_event("payout.paid", id="evt_inline"))).outcome
        is Outcome.RECEIVED
    )
    assert redis.Redis.from_url(redis_url).llen("celery") == 1  # published before the answer


def test_a_forked_process_publishes_with_its_own_thread(redis_url: str, tmp_path: Path) -> None:
    # A web server forking its workers after the app was imported (gunicorn --preload, Celery's prefork).
    processor = WebhookProcessor(
        SECRET,
        inbox=webhook_inbox_from_url(f"sqlite:///{tmp_path / 'inbox.db'}"),
        dispatch=CeleryDispatch(Celery("t", broker=redis_url), sweep_every=None),
    )
    assert (
        processor.process(*delivery(example_event("payout.paid", id="evt_parent"))).outcome
        is Outcome.RECEIVED
    )
    assert processor.flush(30)  # the parent's thread runs

    def child() -> None:
        result = processor.process(*delivery(example_event("payout.paid", id="evt_child")))
        os._exit(0 if result.outcome is Outcome.RECEIVED and processor.flush(30) else 1)

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join(60)
    assert process.exitcode == 0
    assert queued_event_ids(redis_url) == ["evt_child", "evt_parent"]


@pytest.mark.slow
def test_a_receiver_killed_before_it_published_loses_nothing(postgres_store_url: str, tmp_path: Path) -> None:
    try:
        broker = RedisServer()  # our own: this test freezes it
    except ServerUnavailable as exc:
        pytest.fail(str(exc))
    broker.start_on_a_free_port()
    unique = events(40, "crash")
    env = app_env(
        broker.url, postgres_store_url, tmp_path, lock_timeout="5", stale_after="2", sweep_every="1"
    )
    client = redis.Redis.from_url(broker.url)
    broker_pid = int(client.info("server")["process_id"])
    try:
        with receiver_process("tests.webhooks.inbox_app:web", env, tmp_path / "receiver.log") as (url, web):
            # A hung broker: connections are accepted by the kernel, nothing is ever answered.
            os.kill(broker_pid, signal.SIGSTOP)
            try:
                results = asyncio.run(post_all(url, [delivery(ev) for ev in unique], concurrency=8))
                assert [status for status, _ in results] == [200] * len(unique)  # recorded, acknowledged
                os.kill(web.pid, signal.SIGKILL)  # between the record and the publish
                web.wait()
            finally:
                os.kill(broker_pid, signal.SIGCONT)
        # At most the publish the receiver was waiting on reached the broker; the rest exist only in the inbox.
        assert len(queued_event_ids(broker.url)) < len(unique)
        inbox = webhook_inbox_from_url(postgres_store_url)
        try:
            assert inbox.stats().counts["received"] == len(unique)
            with celery_processes(env, tmp_path, workers=1):  # beat runs the sweeper; a prefork worker
                wait_until(
                    lambda: len(set(lines(tmp_path / "completed.log"))) == len(unique),
                    120,
                    "the sweeper to enqueue every acknowledged event, and the workers to complete it",
                )
            assert inbox.stats().counts["processed"] == len(unique)
        finally:
            inbox.close()  # type: ignore[attr-defined]
    finally:
        client.close()
        broker.close()
    completed = Counter(lines(tmp_path / "completed.log"))
    assert sorted(completed) == sorted(ev["id"] for ev in unique)
    assert set(completed.values()) == {1}
