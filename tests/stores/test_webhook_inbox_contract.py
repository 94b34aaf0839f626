"""The WebhookInbox contract (issue 16), run against memory, SQLite, Redis and PostgreSQL on a fake clock (the
memory inbox applies the inbox's pure rules directly: the other backends must agree with it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from molam_sdk_ext.stores import ClaimOutcome, EventRecord, webhook_inbox_from_url
from molam_sdk_ext.stores.memory import MemoryWebhookInbox
from tests.support.stores import BACKENDS, FakeClock, store_url

LOCK = 30.0
STALE = 120.0


@pytest.fixture(params=BACKENDS)
def inbox(request: pytest.FixtureRequest, clock: FakeClock, tmp_path: Path) -> Iterator[Any]:
    if request.param == "memory":  # webhook_inbox_from_url refuses memory:// (workers are other processes)
        yield MemoryWebhookInbox(lock_timeout=LOCK, stale_after=STALE, clock=clock)
        return
    store = webhook_inbox_from_url(
        store_url(request, request.param, tmp_path), lock_timeout=LOCK, stale_after=STALE, clock=clock
    )
    yield store
    store.close()  # type: ignore[attr-defined]


def counts(inbox: Any) -> dict[str, int]:
    return {k: v for k, v in inbox.stats().counts.items() if v}


def test_record_once_then_duplicates(inbox: Any, clock: FakeClock) -> None:
    assert inbox.record("evt_1", "payment_intent.succeeded", b'{"id":"evt_1"}') is True
    assert inbox.record("evt_1", "payment_intent.succeeded", b'{"id":"evt_1","other":1}') is False
    loaded = inbox.load("evt_1")
    assert (loaded.event_type, loaded.payload, loaded.status, loaded.attempts) == (
        "payment_intent.succeeded",
        b'{"id":"evt_1"}',
        "received",
        0,
    )
    assert "payload" not in repr(loaded)
    assert inbox.get("evt_1") == EventRecord("evt_1", "received", 0, None)
    assert inbox.load("evt_unknown") is None
    clock.advance(7.0)
    stats = inbox.stats()
    assert counts(inbox) == {"received": 1}
    assert stats.oldest_pending_age == pytest.approx(7.0)


def test_claim_process_and_counts(inbox: Any, clock: FakeClock) -> None:
    for i in range(3):
        inbox.record(f"evt_{i}", "payout.paid", b"{}")
    assert inbox.claim("evt_0", "h0") is ClaimOutcome.CLAIMED
    assert inbox.claim("evt_1", "h1") is ClaimOutcome.CLAIMED
    assert inbox.mark_processed("evt_1", "h1") is True
    assert counts(inbox) == {"received": 1, "processing": 1, "processed": 1}
    assert inbox.load("evt_1").status == "processed"
    assert inbox.claim("evt_1", "h9") is ClaimOutcome.ALREADY_PROCESSED
    assert inbox.record("evt_1", "payout.paid", b"{}") is False
    assert inbox.mark_processed("evt_0", "h0") is True
    assert inbox.mark_processed("evt_2") is True  # unfenced, as an inline processor would
    assert counts(inbox) == {"processed": 3}
    assert inbox.stats().oldest_pending_age is None


def test_fail_retry_then_dead_then_replay(inbox: Any, clock: FakeClock) -> None:
    inbox.record("evt_1", "payout.paid", b"{}")
    inbox.claim("evt_1", "h1")
    assert inbox.fail("evt_1", "ValueError: first", "someone-else", clock() + 10) is False
    assert inbox.fail("evt_1", "ValueError: first", "h1", clock() + 10) is True
    assert inbox.get("evt_1") == EventRecord("evt_1", "failed", 1, "ValueError: first")
    assert inbox.claim("evt_1", "h2") is ClaimOutcome.CLAIMED
    assert inbox.fail("evt_1", "ValueError: last", "h2", None) is True
    assert inbox.get("evt_1") == EventRecord("evt_1", "dead", 2, "ValueError: last")
    assert counts(inbox) == {"dead": 1}
    assert inbox.claim("evt_1", "h3") is ClaimOutcome.DEAD  # a stale task never runs a dead event
    assert inbox.due() == []
    assert inbox.replay_dead() == ["evt_1"]
    assert inbox.get("evt_1") == EventRecord("evt_1", "received", 0, "ValueError: last")
    assert counts(inbox) == {"received": 1}
    assert inbox.replay_dead() == []
    assert inbox.claim("evt_1", "h4") is ClaimOutcome.CLAIMED
    assert inbox.replay("evt_1") is False  # running: not replayed under its worker
    assert inbox.mark_processed("evt_1", "h4") is True
    assert inbox.replay("evt_1") is True  # an operator may run a processed event again
    assert inbox.load("evt_1").status == "received"
    assert inbox.replay("evt_unknown") is False


def test_the_sweeper_finds_what_no_worker_took(inbox: Any, clock: FakeClock) -> None:
    inbox.record("evt_lost", "payout.paid", b"{}")  # enqueued, but the message never reached a worker
    inbox.record("evt_unsent", "payout.paid", b"{}")
    inbox.mark_due("evt_unsent")  # the broker was down when the endpoint tried
    inbox.record("evt_running", "payout.paid", b"{}")
    inbox.claim("evt_running", "h-run")
    inbox.record("evt_crashed", "payout.paid", b"{}")
    inbox.claim("evt_crashed", "h-dead")
    inbox.record("evt_retry", "payout.paid", b"{}")
    inbox.claim("evt_retry", "h-retry")
    inbox.fail("evt_retry", "boom", "h-retry", clock() + 60)
    inbox.record("evt_done", "payout.paid", b"{}")
    inbox.mark_processed("evt_done")
    assert inbox.due() == ["evt_unsent"]
    assert inbox.due() == []  # pushed ahead: a second sweeper does not take it again at once

    clock.advance(LOCK)  # evt_crashed's worker stopped renewing; evt_running's heartbeat renews
    assert inbox.renew("evt_running", "h-run") is True
    assert inbox.due() == []  # evt_crashed is still due at its record time + STALE
    clock.advance(STALE - LOCK)
    inbox.renew("evt_running", "h-run")
    assert sorted(inbox.due()) == ["evt_crashed", "evt_lost", "evt_unsent"]
    clock.advance(59)
    inbox.renew("evt_running", "h-run")
    assert inbox.due() == []  # evt_retry: the scheduled retry has STALE seconds to show up
    clock.advance(STALE)
    inbox.renew("evt_running", "h-run")
    assert sorted(inbox.due(limit=10)) == ["evt_crashed", "evt_lost", "evt_retry", "evt_unsent"]
    assert len(inbox.due(limit=2)) == 0  # all pushed ahead
    clock.advance(STALE)
    inbox.renew("evt_running", "h-run")
    assert len(inbox.due(limit=2)) == 2


def test_an_inline_claim_is_not_an_inbox_event(inbox: Any, clock: FakeClock) -> None:
    inbox.claim("evt_inline", "h1")  # a WebhookProcessor without an inbox sharing the table
    inbox.release("evt_inline", "boom", "h1")
    assert inbox.load("evt_inline") is None
    clock.advance(10 * STALE)
    assert inbox.due() == []
    assert counts(inbox) == {}


def test_records_expire_after_ttl(request: pytest.FixtureRequest, clock: FakeClock, tmp_path: Path) -> None:
    url = store_url(request, "sqlite", tmp_path)
    inbox = webhook_inbox_from_url(url, ttl=100.0, clock=clock)
    try:
        inbox.record("evt_1", "payout.paid", b"{}")
        clock.advance(100.0)
        assert inbox.load("evt_1") is None
        assert inbox.record("evt_1", "payout.paid", b'{"again":1}') is True
    finally:
        inbox.close()  # type: ignore[attr-defined]


def test_memory_is_refused() -> None:
    with pytest.raises(ValueError, match="shared with worker processes"):
        webhook_inbox_from_url("memory://")
