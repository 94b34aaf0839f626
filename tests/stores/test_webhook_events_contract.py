"""The WebhookEventStore contract, run against every backend, sync and async, on a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from molam_sdk_ext.stores import ClaimOutcome, EventRecord
from molam_sdk_ext.stores.webhook_events import MAX_ERROR_LENGTH
from tests.support.stores import Awaitable, FakeClock

Make = Callable[..., Awaitable]


async def test_claim_then_in_progress(make_events: Make) -> None:
    store = make_events()
    assert await store.get("evt_1") is None
    assert await store.claim("evt_1") is ClaimOutcome.CLAIMED
    assert await store.claim("evt_1") is ClaimOutcome.IN_PROGRESS
    assert await store.get("evt_1") == EventRecord("evt_1", "processing", 1, None)
    assert await store.claim("evt_2") is ClaimOutcome.CLAIMED


async def test_processed_events_are_duplicates(make_events: Make) -> None:
    store = make_events()
    await store.claim("evt_1")
    await store.mark_processed("evt_1")
    assert await store.get("evt_1") == EventRecord("evt_1", "processed", 1, None)
    assert await store.claim("evt_1") is ClaimOutcome.ALREADY_PROCESSED
    assert await store.claim("evt_1") is ClaimOutcome.ALREADY_PROCESSED


async def test_release_lets_the_next_delivery_retry(make_events: Make) -> None:
    store = make_events()
    await store.claim("evt_1")
    await store.release("evt_1", "ValueError: boom")
    assert await store.get("evt_1") == EventRecord("evt_1", "failed", 1, "ValueError: boom")
    assert await store.claim("evt_1") is ClaimOutcome.CLAIMED
    assert await store.get("evt_1") == EventRecord("evt_1", "processing", 2, "ValueError: boom")
    await store.release("evt_1", "KeyError: again")
    assert await store.claim("evt_1") is ClaimOutcome.CLAIMED
    await store.mark_processed("evt_1")
    # The history stays: three attempts, and what went wrong last.
    assert await store.get("evt_1") == EventRecord("evt_1", "processed", 3, "KeyError: again")
    assert await store.claim("evt_1") is ClaimOutcome.ALREADY_PROCESSED


async def test_release_never_unprocesses(make_events: Make) -> None:
    store = make_events()
    await store.claim("evt_1")
    await store.mark_processed("evt_1")
    await store.release("evt_1", "late failure report")
    assert await store.get("evt_1") == EventRecord("evt_1", "processed", 1, None)
    assert await store.claim("evt_1") is ClaimOutcome.ALREADY_PROCESSED


async def test_mark_and_release_without_a_claim(make_events: Make) -> None:
    store = make_events()
    await store.mark_processed("evt_a")
    assert await store.get("evt_a") == EventRecord("evt_a", "processed", 1, None)
    await store.release("evt_b", "oops")
    assert await store.get("evt_b") == EventRecord("evt_b", "failed", 1, "oops")
    assert await store.claim("evt_b") is ClaimOutcome.CLAIMED


async def test_long_errors_are_cut(make_events: Make) -> None:
    store = make_events()
    await store.claim("evt_1")
    await store.release("evt_1", "é" * (MAX_ERROR_LENGTH + 500))
    record = await store.get("evt_1")
    assert record is not None and record.last_error == "é" * MAX_ERROR_LENGTH


async def test_stale_claim_is_taken_over(make_events: Make, clock: FakeClock) -> None:
    store = make_events(lock_timeout=30.0)
    await store.claim("evt_1")
    clock.advance(29.999)
    assert await store.claim("evt_1") is ClaimOutcome.IN_PROGRESS
    clock.advance(0.001)
    assert await store.claim("evt_1") is ClaimOutcome.CLAIMED
    assert await store.get("evt_1") == EventRecord("evt_1", "processing", 2, None)
    assert await store.claim("evt_1") is ClaimOutcome.IN_PROGRESS


async def test_records_expire_after_ttl(make_events: Make, clock: FakeClock) -> None:
    store = make_events(ttl=100.0)
    await store.claim("evt_1")
    await store.release("evt_1", "boom")
    clock.advance(10.0)
    await store.claim("evt_1")
    await store.mark_processed("evt_1")  # remembered for ttl seconds from here
    clock.advance(99.999)
    assert await store.claim("evt_1") is ClaimOutcome.ALREADY_PROCESSED
    clock.advance(0.001)
    assert await store.get("evt_1") is None
    # Expired behaves as absent: attempts and the last error start over.
    assert await store.claim("evt_1") is ClaimOutcome.CLAIMED
    assert await store.get("evt_1") == EventRecord("evt_1", "processing", 1, None)


async def test_expired_records_start_over_on_mark_and_release(make_events: Make, clock: FakeClock) -> None:
    store = make_events(ttl=10.0)
    await store.claim("evt_1")
    await store.release("evt_1", "boom")
    await store.claim("evt_1")
    clock.advance(10.0)
    await store.mark_processed("evt_1")
    assert await store.get("evt_1") == EventRecord("evt_1", "processed", 1, None)
    clock.advance(10.0)
    await store.release("evt_1", "new")
    assert await store.get("evt_1") == EventRecord("evt_1", "failed", 1, "new")


async def test_cleanup_deletes_only_expired_records(make_events: Make, clock: FakeClock) -> None:
    store = make_events(ttl=100.0)
    await store.claim("evt_a")
    await store.claim("evt_b")
    await store.mark_processed("evt_b")
    clock.advance(60.0)
    await store.release("evt_c", "x")
    await store.mark_processed("evt_a")  # refreshed: expires at +160
    assert await store.cleanup() == 0
    clock.advance(40.0)
    assert await store.cleanup() == 1  # evt_b
    assert await store.cleanup() == 0
    assert await store.get("evt_b") is None
    assert await store.claim("evt_a") is ClaimOutcome.ALREADY_PROCESSED
    clock.advance(1000.0)
    assert await store.cleanup() == 2


# --- leases: renewal keeps a slow handler's claim; completions are fenced by the holder ----------------------


async def test_renewal_keeps_the_claim_past_the_lock_timeout(make_events: Make, clock: FakeClock) -> None:
    store = make_events(lock_timeout=30.0)
    assert await store.claim("evt_1", "holder-a") is ClaimOutcome.CLAIMED
    for _ in range(5):  # 100 s of handler, renewed every 20 s: never taken over
        clock.advance(20.0)
        assert await store.renew("evt_1", "holder-a") is True
        assert await store.claim("evt_1", "holder-b") is ClaimOutcome.IN_PROGRESS
    assert await store.mark_processed("evt_1", "holder-a") is True
    assert await store.get("evt_1") == EventRecord("evt_1", "processed", 1, None)


async def test_without_renewal_the_claim_is_taken_over_and_the_late_completion_is_fenced(
    make_events: Make, clock: FakeClock
) -> None:
    store = make_events(lock_timeout=30.0)
    await store.claim("evt_1", "holder-a")
    clock.advance(30.0)  # holder-a stopped renewing (a pause, a dead store connection)
    assert await store.claim("evt_1", "holder-b") is ClaimOutcome.CLAIMED
    assert await store.renew("evt_1", "holder-a") is False
    assert await store.mark_processed("evt_1", "holder-a") is False
    assert await store.release("evt_1", "late failure", "holder-a") is False
    assert await store.get("evt_1") == EventRecord("evt_1", "processing", 2, None)
    assert await store.mark_processed("evt_1", "holder-b") is True
    assert await store.get("evt_1") == EventRecord("evt_1", "processed", 2, None)
    assert await store.mark_processed("evt_1", "holder-b") is False  # completed once; a repeat is fenced
    assert await store.renew("evt_1", "holder-b") is False


async def test_fenced_release_then_a_new_claim(make_events: Make) -> None:
    store = make_events()
    await store.claim("evt_1", "holder-a")
    assert await store.release("evt_1", "ValueError: boom", "holder-b") is False
    assert await store.release("evt_1", "ValueError: boom", "holder-a") is True
    assert await store.get("evt_1") == EventRecord("evt_1", "failed", 1, "ValueError: boom")
    assert await store.renew("evt_1", "holder-a") is False  # a released claim is not held any more
    assert await store.claim("evt_1", "holder-c") is ClaimOutcome.CLAIMED
    assert await store.mark_processed("evt_1", "holder-a") is False
    assert await store.mark_processed("evt_1", "holder-c") is True


async def test_fenced_operations_on_an_unknown_or_expired_event(make_events: Make, clock: FakeClock) -> None:
    store = make_events(ttl=60.0, lock_timeout=30.0)
    assert await store.renew("evt_none", "holder-a") is False
    assert await store.mark_processed("evt_none", "holder-a") is False
    assert await store.get("evt_none") is None
    await store.claim("evt_1", "holder-a")
    clock.advance(60.0)  # the record expired: nothing is held
    assert await store.renew("evt_1", "holder-a") is False
    assert await store.mark_processed("evt_1", "holder-a") is False


async def test_unfenced_calls_keep_their_meaning(make_events: Make) -> None:
    store = make_events()
    await store.claim("evt_1", "holder-a")
    assert await store.mark_processed("evt_1") is True  # no holder: recorded whoever claimed
    assert await store.release("evt_1", "late") is False  # processed is final
    assert await store.get("evt_1") == EventRecord("evt_1", "processed", 1, None)


def test_a_sqlite_file_from_before_leases_gains_the_holder_column(tmp_path: Path) -> None:
    import sqlite3

    from molam_sdk_ext.stores.sqlite import SQLiteWebhookEventStore

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:  # the table as versions before leases made it, with a record
        conn.execute(
            "CREATE TABLE received_webhooks (event_id TEXT PRIMARY KEY, status TEXT NOT NULL, attempts INTEGER"
            " NOT NULL, last_error TEXT, claimed_at REAL, expires_at REAL NOT NULL) WITHOUT ROWID"
        )
        conn.execute("INSERT INTO received_webhooks VALUES ('evt_old', 'failed', 1, 'boom', NULL, 4e9)")
    store = SQLiteWebhookEventStore(path)
    try:
        assert store.claim("evt_old", "holder-a") is ClaimOutcome.CLAIMED
        assert store.mark_processed("evt_old", "holder-a") is True
        assert store.get("evt_old") == EventRecord("evt_old", "processed", 2, "boom")
    finally:
        store.close()
