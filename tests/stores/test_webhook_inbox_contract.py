"""The WebhookInbox contract (issue 16), run against memory, SQLite, Redis and PostgreSQL, sync and async
(`AsyncWebhookInbox`), on a fake clock (the memory inbox applies the inbox's pure rules directly: the other
backends must agree with it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from molam_sdk_ext.stores import (
    ClaimOutcome,
    EventRecord,
    async_webhook_inbox_from_url,
    webhook_inbox_from_url,
)
from molam_sdk_ext.stores.memory import AsyncMemoryWebhookInbox, MemoryWebhookInbox
from tests.support.stores import BACKENDS, MODES, Awaitable, FakeClock, close_store, store_url

LOCK = 30.0
STALE = 120.0


@pytest.fixture(params=[(b, m) for b in BACKENDS for m in MODES], ids=lambda p: f"{p[0]}-{p[1]}")
async def inbox(request: pytest.FixtureRequest, clock: FakeClock, tmp_path: Path) -> AsyncIterator[Any]:
    backend, mode = request.param
    options: dict[str, Any] = {"lock_timeout": LOCK, "stale_after": STALE, "clock": clock}
    if backend == "memory":  # the factories refuse memory:// (workers are other processes)
        store: Any = (MemoryWebhookInbox if mode == "sync" else AsyncMemoryWebhookInbox)(**options)
    else:
        factory = webhook_inbox_from_url if mode == "sync" else async_webhook_inbox_from_url
        store = factory(store_url(request, backend, tmp_path), **options)
    yield Awaitable(store)
    await close_store(store)


async def counts(inbox: Any) -> dict[str, int]:
    return {k: v for k, v in (await inbox.stats()).counts.items() if v}


async def test_record_once_then_duplicates(inbox: Any, clock: FakeClock) -> None:
    assert await inbox.record("evt_1", "payment_intent.succeeded", b'{"id":"evt_1"}') is True
    assert await inbox.record("evt_1", "payment_intent.succeeded", b'{"id":"evt_1","other":1}') is False
    loaded = await inbox.load("evt_1")
    assert (loaded.event_type, loaded.payload, loaded.status, loaded.attempts) == (
        "payment_intent.succeeded",
        b'{"id":"evt_1"}',
        "received",
        0,
    )
    assert "payload" not in repr(loaded)
    assert await inbox.get("evt_1") == EventRecord("evt_1", "received", 0, None)
    assert await inbox.load("evt_unknown") is None
    clock.advance(7.0)
    stats = await inbox.stats()
    assert await counts(inbox) == {"received": 1}
    assert stats.oldest_pending_age == pytest.approx(7.0)


async def test_claim_process_and_counts(inbox: Any, clock: FakeClock) -> None:
    for i in range(3):
        await inbox.record(f"evt_{i}", "payout.paid", b"{}")
    assert await inbox.claim("evt_0", "h0") is ClaimOutcome.CLAIMED
    assert await inbox.claim("evt_1", "h1") is ClaimOutcome.CLAIMED
    assert await inbox.mark_processed("evt_1", "h1") is True
    assert await counts(inbox) == {"received": 1, "processing": 1, "processed": 1}
    assert (await inbox.load("evt_1")).status == "processed"
    assert await inbox.claim("evt_1", "h9") is ClaimOutcome.ALREADY_PROCESSED
    assert await inbox.record("evt_1", "payout.paid", b"{}") is False
    assert await inbox.mark_processed("evt_0", "h0") is True
    assert await inbox.mark_processed("evt_2") is True  # unfenced, as an inline processor would
    assert await counts(inbox) == {"processed": 3}
    assert (await inbox.stats()).oldest_pending_age is None


async def test_fail_retry_then_dead_then_replay(inbox: Any, clock: FakeClock) -> None:
    await inbox.record("evt_1", "payout.paid", b"{}")
    await inbox.claim("evt_1", "h1")
    assert await inbox.fail("evt_1", "ValueError: first", "someone-else", clock() + 10) is False
    assert await inbox.fail("evt_1", "ValueError: first", "h1", clock() + 10) is True
    assert await inbox.get("evt_1") == EventRecord("evt_1", "failed", 1, "ValueError: first")
    assert await inbox.claim("evt_1", "h2") is ClaimOutcome.CLAIMED
    assert await inbox.fail("evt_1", "ValueError: last", "h2", None) is True
    assert await inbox.get("evt_1") == EventRecord("evt_1", "dead", 2, "ValueError: last")
    assert await counts(inbox) == {"dead": 1}
    assert await inbox.claim("evt_1", "h3") is ClaimOutcome.DEAD  # a stale task never runs a dead event
    assert await inbox.due() == []
    assert await inbox.replay_dead() == ["evt_1"]
    assert await inbox.get("evt_1") == EventRecord("evt_1", "received", 0, "ValueError: last")
    assert await counts(inbox) == {"received": 1}
    assert await inbox.replay_dead() == []
    assert await inbox.claim("evt_1", "h4") is ClaimOutcome.CLAIMED
    assert await inbox.replay("evt_1") is False  # running: not replayed under its worker
    assert await inbox.mark_processed("evt_1", "h4") is True
    assert await inbox.replay("evt_1") is True  # an operator may run a processed event again
    assert (await inbox.load("evt_1")).status == "received"
    assert await inbox.replay("evt_unknown") is False


async def test_the_sweeper_finds_what_no_worker_took(inbox: Any, clock: FakeClock) -> None:
    await inbox.record("evt_lost", "payout.paid", b"{}")  # enqueued, but the message never reached a worker
    await inbox.record("evt_unsent", "payout.paid", b"{}")
    await inbox.mark_due("evt_unsent")  # the broker was down when the endpoint tried
    await inbox.record("evt_running", "payout.paid", b"{}")
    await inbox.claim("evt_running", "h-run")
    await inbox.record("evt_crashed", "payout.paid", b"{}")
    await inbox.claim("evt_crashed", "h-dead")
    await inbox.record("evt_retry", "payout.paid", b"{}")
    await inbox.claim("evt_retry", "h-retry")
    await inbox.fail("evt_retry", "boom", "h-retry", clock() + 60)
    await inbox.record("evt_done", "payout.paid", b"{}")
    await inbox.mark_processed("evt_done")
    assert await inbox.due() == ["evt_unsent"]
    assert await inbox.due() == []  # pushed ahead: a second sweeper does not take it again at once

    clock.advance(LOCK)  # evt_crashed's worker stopped renewing; evt_running's heartbeat renews
    assert await inbox.renew("evt_running", "h-run") is True
    assert await inbox.due() == []  # evt_crashed is still due at its record time + STALE
    clock.advance(STALE - LOCK)
    await inbox.renew("evt_running", "h-run")
    assert sorted(await inbox.due()) == ["evt_crashed", "evt_lost", "evt_unsent"]
    clock.advance(59)
    await inbox.renew("evt_running", "h-run")
    assert await inbox.due() == []  # evt_retry: the scheduled retry has STALE seconds to show up
    clock.advance(STALE)
    await inbox.renew("evt_running", "h-run")
    assert sorted(await inbox.due(limit=10)) == ["evt_crashed", "evt_lost", "evt_retry", "evt_unsent"]
    assert len(await inbox.due(limit=2)) == 0  # all pushed ahead
    clock.advance(STALE)
    await inbox.renew("evt_running", "h-run")
    assert len(await inbox.due(limit=2)) == 2


async def test_an_inline_claim_is_not_an_inbox_event(inbox: Any, clock: FakeClock) -> None:
    await inbox.claim("evt_inline", "h1")  # a WebhookProcessor without an inbox sharing the table
    await inbox.release("evt_inline", "boom", "h1")
    assert await inbox.load("evt_inline") is None
    clock.advance(10 * STALE)
    assert await inbox.due() == []
    assert await counts(inbox) == {}


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


@pytest.mark.parametrize("factory", [webhook_inbox_from_url, async_webhook_inbox_from_url])
def test_memory_is_refused(factory: Any) -> None:
    with pytest.raises(ValueError, match="shared with worker processes"):
        factory("memory://")
