"""The WebhookEventStore contract, run against every backend, sync and async, on a fake clock."""

from __future__ import annotations

from collections.abc import Callable

from molam_sdk_ext.stores import ClaimOutcome, EventRecord
from molam_sdk_ext.stores.webhook_events import MAX_ERROR_LENGTH
from tests.stores.conftest import Awaitable, FakeClock

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
