"""The IdempotencyStore contract, run against every backend, sync and async, on a fake clock."""

from __future__ import annotations

from collections.abc import Callable

from molam_sdk_ext.stores import BeginOutcome, BeginResult, StoredResponse
from tests.support.stores import Awaitable, FakeClock

Make = Callable[..., Awaitable]

RESPONSE = StoredResponse(
    status=201,
    headers=(
        ("Content-Type", "application/json"),
        ("Set-Cookie", "a=1"),
        ("Set-Cookie", "b=2"),
        ("X-É", "ü"),
    ),
    body=bytes(range(256)) + b'{"id": "pi_123"}',
)


async def test_new_then_in_progress(make_idempotency: Make) -> None:
    store = make_idempotency()
    assert await store.begin("key-1", "fp-a") == BeginResult(BeginOutcome.NEW)
    assert await store.begin("key-1", "fp-a") == BeginResult(BeginOutcome.IN_PROGRESS)
    # Another key is independent.
    assert (await store.begin("key-2", "fp-a")).outcome is BeginOutcome.NEW


async def test_completed_replays_the_exact_response(make_idempotency: Make) -> None:
    store = make_idempotency()
    await store.begin("key-1", "fp-a")
    await store.complete("key-1", RESPONSE)
    result = await store.begin("key-1", "fp-a")
    assert result == BeginResult(BeginOutcome.COMPLETED, RESPONSE)
    assert result.response is not None and result.response.body == RESPONSE.body  # every byte value survives
    assert await store.begin("key-1", "fp-a") == BeginResult(BeginOutcome.COMPLETED, RESPONSE)


async def test_empty_response(make_idempotency: Make) -> None:
    store = make_idempotency()
    empty = StoredResponse(204, (), b"")
    await store.begin("k", "fp")
    await store.complete("k", empty)
    assert await store.begin("k", "fp") == BeginResult(BeginOutcome.COMPLETED, empty)


async def test_fingerprint_mismatch_while_in_progress_and_after_completion(make_idempotency: Make) -> None:
    store = make_idempotency()
    await store.begin("key-1", "fp-a")
    assert await store.begin("key-1", "fp-b") == BeginResult(BeginOutcome.MISMATCH)
    await store.complete("key-1", RESPONSE)
    assert await store.begin("key-1", "fp-b") == BeginResult(BeginOutcome.MISMATCH)
    assert (await store.begin("key-1", "fp-a")).outcome is BeginOutcome.COMPLETED


async def test_fail_releases_the_claim(make_idempotency: Make) -> None:
    store = make_idempotency()
    await store.begin("key-1", "fp-a")
    await store.fail("key-1")
    assert (await store.begin("key-1", "fp-a")).outcome is BeginOutcome.NEW
    await store.fail("key-1")
    # Released means absent: the key may now carry another request.
    assert (await store.begin("key-1", "fp-b")).outcome is BeginOutcome.NEW


async def test_fail_never_removes_a_completed_response(make_idempotency: Make) -> None:
    store = make_idempotency()
    await store.begin("key-1", "fp-a")
    await store.complete("key-1", RESPONSE)
    await store.fail("key-1")
    assert await store.begin("key-1", "fp-a") == BeginResult(BeginOutcome.COMPLETED, RESPONSE)


async def test_complete_and_fail_without_a_claim_do_nothing(make_idempotency: Make) -> None:
    store = make_idempotency()
    await store.complete("nobody", RESPONSE)
    await store.fail("nobody")
    assert (await store.begin("nobody", "fp")).outcome is BeginOutcome.NEW


async def test_first_completion_wins(make_idempotency: Make) -> None:
    store = make_idempotency()
    await store.begin("k", "fp")
    await store.complete("k", RESPONSE)
    await store.complete("k", StoredResponse(500, (), b"late"))
    assert await store.begin("k", "fp") == BeginResult(BeginOutcome.COMPLETED, RESPONSE)


async def test_stale_claim_is_taken_over_after_lock_timeout(make_idempotency: Make, clock: FakeClock) -> None:
    store = make_idempotency(lock_timeout=30.0)
    await store.begin("k", "fp")
    clock.advance(29.999)
    assert (await store.begin("k", "fp")).outcome is BeginOutcome.IN_PROGRESS
    clock.advance(0.001)
    assert (await store.begin("k", "fp")).outcome is BeginOutcome.NEW
    # The new holder's claim is fresh again.
    assert (await store.begin("k", "fp")).outcome is BeginOutcome.IN_PROGRESS
    clock.advance(29.0)
    assert (await store.begin("k", "fp")).outcome is BeginOutcome.IN_PROGRESS
    # A stale claim with another fingerprint is still a mismatch, never a takeover.
    clock.advance(31.0)
    assert (await store.begin("k", "other")).outcome is BeginOutcome.MISMATCH


async def test_taken_over_claim_can_be_completed(make_idempotency: Make, clock: FakeClock) -> None:
    store = make_idempotency(lock_timeout=10.0)
    await store.begin("k", "fp")
    clock.advance(10.0)
    assert (await store.begin("k", "fp")).outcome is BeginOutcome.NEW
    await store.complete("k", RESPONSE)
    assert (await store.begin("k", "fp")).response == RESPONSE


async def test_records_expire_after_ttl(make_idempotency: Make, clock: FakeClock) -> None:
    store = make_idempotency(ttl=100.0, lock_timeout=1000.0)
    await store.begin("k", "fp")
    clock.advance(5.0)
    await store.complete("k", RESPONSE)  # the response lives ttl seconds from here
    clock.advance(99.999)
    assert (await store.begin("k", "fp")).outcome is BeginOutcome.COMPLETED
    clock.advance(0.001)
    # Expired behaves as absent: a new claim, whatever the fingerprint.
    assert (await store.begin("k", "another-fp")).outcome is BeginOutcome.NEW


async def test_expired_claim_cannot_be_completed_or_failed(make_idempotency: Make, clock: FakeClock) -> None:
    store = make_idempotency(ttl=10.0, lock_timeout=1000.0)
    await store.begin("k", "fp")
    clock.advance(10.0)
    await store.complete("k", RESPONSE)
    await store.fail("k")
    assert (await store.begin("k", "fp")).outcome is BeginOutcome.NEW


async def test_cleanup_deletes_only_expired_records(make_idempotency: Make, clock: FakeClock) -> None:
    store = make_idempotency(ttl=100.0)
    for key in ("a", "b", "c"):
        await store.begin(key, "fp")
    await store.complete("a", RESPONSE)
    clock.advance(50.0)
    await store.begin("d", "fp")
    await store.complete("b", RESPONSE)  # refreshed: expires at +150
    assert await store.cleanup() == 0
    clock.advance(50.0)  # a and c (written at 0) have expired
    assert await store.cleanup() == 2
    assert await store.cleanup() == 0
    assert (await store.begin("b", "fp")).outcome is BeginOutcome.COMPLETED
    assert (await store.begin("d", "fp")).outcome is BeginOutcome.IN_PROGRESS
    assert (await store.begin("a", "fp")).outcome is BeginOutcome.NEW
    clock.advance(1000.0)
    assert await store.cleanup() == 3


async def test_unusual_keys(make_idempotency: Make) -> None:
    store = make_idempotency()
    keys = ["k" * 255, "clé-ünïcode-🔑", "with spaces and * ? [glob] \\ chars", "a:b:c"]
    for key in keys:
        assert (await store.begin(key, "fp")).outcome is BeginOutcome.NEW
    for key in keys:
        assert (await store.begin(key, "fp")).outcome is BeginOutcome.IN_PROGRESS
    await store.complete(keys[2], RESPONSE)
    assert (await store.begin(keys[2], "fp")).response == RESPONSE
