"""WebhookProcessor semantics with the in-memory store: every outcome, retries, sync/async handlers and stores."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

import pytest

import molam_sdk.models as models
from molam_sdk.events import EVENT_TYPES
from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.stores import (
    AsyncMemoryWebhookEventStore,
    ClaimOutcome,
    EventRecord,
    MemoryWebhookEventStore,
)
from molam_sdk_ext.webhooks import (
    Outcome,
    ProcessResult,
    UnknownEvent,
    WebhookProcessor,
    WebhookVerifier,
    sign,
)
from tests.webhooks.support import KID, SECRET, delivery, example_event

EVENT = example_event("payment_intent.succeeded")
EVENT_ID = EVENT["id"]


def make(store: Any = None, **kwargs: Any) -> tuple[WebhookProcessor, list[Any]]:
    processor = WebhookProcessor({KID: SECRET}, store, **kwargs)
    seen: list[Any] = []
    processor.on("payment_intent.succeeded")(seen.append)
    return processor, seen


def record(processor: WebhookProcessor, event_id: str = EVENT_ID) -> EventRecord | None:
    store = processor.store
    assert isinstance(store, MemoryWebhookEventStore)
    return store.get(event_id)


def test_processed_then_duplicate() -> None:
    processor, seen = make()
    body, headers = delivery(EVENT)
    first = processor.process(body, headers)
    assert (first.status_code, first.outcome, first.event_id, first.event_type, first.error) == (
        200,
        Outcome.PROCESSED,
        EVENT_ID,
        "payment_intent.succeeded",
        None,
    )
    assert len(seen) == 1 and isinstance(seen[0], models.PaymentIntentSucceededEvent)
    assert record(processor) == EventRecord(EVENT_ID, "processed", 1, None)

    # A redelivery (new signature, same event) is acknowledged without running the handler.
    body, headers = delivery(EVENT)
    again = processor.process(body, headers)
    assert (again.status_code, again.outcome) == (200, Outcome.DUPLICATE)
    assert len(seen) == 1
    assert json.loads(again.body()) == {"outcome": "duplicate", "event_id": EVENT_ID}


def test_in_progress_elsewhere_is_409_with_retry_after() -> None:
    processor, seen = make()
    assert processor.store.claim(EVENT_ID) is ClaimOutcome.CLAIMED  # another worker holds it
    result = processor.process(*delivery(EVENT))
    assert (result.status_code, result.outcome, result.retry_after) == (409, Outcome.IN_PROGRESS, 60)
    assert result.headers() == {"Content-Type": "application/json", "Retry-After": "60"}
    assert seen == []


def test_a_crashed_workers_claim_is_taken_over_after_lock_timeout() -> None:
    now = [1000.0]
    store = MemoryWebhookEventStore(lock_timeout=30, clock=lambda: now[0])
    processor, seen = make(store)
    store.claim(EVENT_ID)
    assert processor.process(*delivery(EVENT)).outcome is Outcome.IN_PROGRESS
    assert processor.retry_after == 30
    now[0] += 31
    assert processor.process(*delivery(EVENT)).outcome is Outcome.PROCESSED
    assert len(seen) == 1
    assert store.get(EVENT_ID) == EventRecord(EVENT_ID, "processed", 2, None)


def test_unhandled_type_is_ignored_and_recorded() -> None:
    processor, seen = make()
    event = example_event("payout.paid")
    result = processor.process(*delivery(event))
    assert (result.status_code, result.outcome) == (200, Outcome.IGNORED)
    assert record(processor, event["id"]) == EventRecord(event["id"], "processed", 1, None)
    assert processor.process(*delivery(event)).outcome is Outcome.DUPLICATE
    assert seen == []


def test_on_any_receives_other_types_including_unknown_ones() -> None:
    processor, seen = make()
    other: list[Any] = []
    processor.on_any(other.append)
    unknown = {
        "id": "evt_future1",
        "object": "event",
        "type": "wallet.frozen",
        "data": {"object": {"id": "w"}},
    }
    assert processor.process(*delivery(unknown)).outcome is Outcome.PROCESSED
    assert processor.process(*delivery(example_event("refund.failed"))).outcome is Outcome.PROCESSED
    assert processor.process(*delivery(EVENT)).outcome is Outcome.PROCESSED
    assert [type(e) for e in other] == [UnknownEvent, models.RefundFailedEvent]
    assert len(seen) == 1


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        (lambda body, headers: (body + b" ", headers), "signature_mismatch"),
        (lambda body, headers: (body, {}), "missing_header"),
        (lambda body, headers: (body, {"Molam-Signature": "t=1"}), "malformed_header"),
        (lambda body, headers: (body, {"Molam-Signature": sign(body, SECRET, "other")}), "unknown_kid"),
        (
            lambda body, headers: (body, {"Molam-Signature": sign(body, SECRET, KID, 1)}),
            "timestamp_outside_tolerance",
        ),
        (
            lambda body, headers: (b"{oops", {"Molam-Signature": sign(b"{oops", SECRET, KID)}),
            "invalid_payload",
        ),
    ],
)
def test_invalid_deliveries_are_400_and_touch_nothing(tamper: Any, reason: str) -> None:
    processor, seen = make()
    body, headers = tamper(*delivery(EVENT))
    result = processor.process(body, headers)
    assert (result.status_code, result.outcome, result.error, result.event_id) == (
        400,
        Outcome.INVALID_SIGNATURE,
        reason,
        None,
    )
    assert json.loads(result.body()) == {"outcome": "invalid_signature", "event_id": None, "reason": reason}
    assert seen == [] and record(processor) is None


def test_failing_handler_is_released_retried_and_then_succeeds_once() -> None:
    processor = WebhookProcessor({KID: SECRET})
    calls: list[str] = []

    @processor.on("payment_intent.succeeded")
    def flaky(event: models.PaymentIntentSucceededEvent) -> None:
        calls.append(event.id)
        if len(calls) == 1:
            raise RuntimeError("warehouse API down")

    failed = processor.process(*delivery(EVENT))
    assert (failed.status_code, failed.outcome, failed.error) == (
        500,
        Outcome.HANDLER_FAILED,
        "RuntimeError: warehouse API down",
    )
    assert b"warehouse" not in failed.body()  # handler errors stay in our logs, not in the response
    assert record(processor) == EventRecord(EVENT_ID, "failed", 1, "RuntimeError: warehouse API down")

    succeeded = processor.process(*delivery(EVENT))
    assert (succeeded.status_code, succeeded.outcome) == (200, Outcome.PROCESSED)
    assert record(processor) == EventRecord(EVENT_ID, "processed", 2, "RuntimeError: warehouse API down")
    assert processor.process(*delivery(EVENT)).outcome is Outcome.DUPLICATE
    assert calls == [EVENT_ID, EVENT_ID]


def test_handler_errors_are_truncated() -> None:
    processor = WebhookProcessor(SECRET)
    processor.on("payment_intent.succeeded")(lambda e: (_ for _ in ()).throw(ValueError("x" * 10_000)))
    result = processor.process(*delivery(EVENT))
    assert result.outcome is Outcome.HANDLER_FAILED
    assert result.error is not None and len(result.error) == 2000


class BrokenStore(MemoryWebhookEventStore):
    def __init__(self, fail_on: str) -> None:
        super().__init__()
        self.fail_on = fail_on

    def claim(self, event_id: str, holder: str | None = None) -> ClaimOutcome:
        if self.fail_on == "claim":
            raise StoreError("redis unreachable")
        return super().claim(event_id, holder)

    def mark_processed(self, event_id: str, holder: str | None = None) -> bool:
        if self.fail_on == "mark_processed":
            raise StoreError("redis unreachable")
        return super().mark_processed(event_id, holder)

    def release(self, event_id: str, error: str, holder: str | None = None) -> bool:
        if self.fail_on == "release":
            raise ConnectionError("redis unreachable")
        return super().release(event_id, error, holder)


def test_store_failure_on_claim_is_503_and_the_handler_does_not_run() -> None:
    processor, seen = make(BrokenStore("claim"))
    result = processor.process(*delivery(EVENT))
    assert (result.status_code, result.outcome, result.retry_after) == (503, Outcome.STORE_UNAVAILABLE, 60)
    assert result.error == "StoreError: redis unreachable"
    assert seen == []


def test_store_failure_on_mark_processed_is_503() -> None:
    processor, seen = make(BrokenStore("mark_processed"))
    result = processor.process(*delivery(EVENT))
    assert (result.status_code, result.outcome) == (503, Outcome.STORE_UNAVAILABLE)
    assert len(seen) == 1


def test_store_failure_on_release_still_reports_the_handler_failure() -> None:
    processor = WebhookProcessor(SECRET, BrokenStore("release"))
    processor.on("payment_intent.succeeded")(lambda e: 1 / 0)
    result = processor.process(*delivery(EVENT))
    assert (result.status_code, result.outcome, result.error) == (
        500,
        Outcome.HANDLER_FAILED,
        "ZeroDivisionError: division by zero",
    )


def test_an_unknown_event_type_is_refused_at_decoration() -> None:
    """`on` checks every type against the generated registry before registering any: the closest known type is
    named, or all of them when none is close. `register` still takes any type (one newer than this SDK)."""
    processor = WebhookProcessor(SECRET)
    with pytest.raises(ValueError) as misspelled:

        @processor.on("payment_intent.succeded")  # type: ignore[call-overload, untyped-decorator]
        def fulfil(event: Any) -> None: ...

    assert str(misspelled.value) == (
        "unknown webhook event type 'payment_intent.succeded': did you mean 'payment_intent.succeeded'?"
    )
    with pytest.raises(ValueError) as unknown:
        processor.on("payout.paid", "customer.created")  # type: ignore[call-overload]
    assert str(unknown.value) == (
        f"unknown webhook event type 'customer.created'; the known types are: {', '.join(EVENT_TYPES)}"
    )
    assert processor.handler_for("payout.paid") is None  # nothing registered: the whole call was refused
    with pytest.raises(ValueError, match="non-empty str"):
        processor.on("payout.paid", 42)  # type: ignore[call-overload]

    def newer(event: Any) -> None: ...

    processor.register("customer.created", newer)
    assert processor.handler_for("customer.created") is newer


def test_registration_rules() -> None:
    processor = WebhookProcessor(SECRET)

    @processor.on("payout.paid", "payout.failed")
    def payouts(event: Any) -> None: ...

    assert processor.handler_for("payout.paid") is payouts
    assert processor.handler_for("payout.failed") is payouts
    assert processor.handler_for("refund.failed") is None
    with pytest.raises(ValueError):
        processor.on("payout.paid")(lambda e: None)
    with pytest.raises(ValueError):
        processor.on()  # type: ignore[call-overload]  # the runtime guard, for callers without a type checker
    with pytest.raises(ValueError):
        processor.register("", lambda e: None)
    processor.on_any(lambda e: None)
    with pytest.raises(ValueError):
        processor.on_any(lambda e: None)
    assert SECRET not in repr(processor)


def test_processor_accepts_a_verifier() -> None:
    verifier = WebhookVerifier({KID: SECRET}, tolerance=10)
    processor = WebhookProcessor(verifier)
    assert processor.verifier is verifier
    assert processor.process(*delivery(EVENT)).outcome is Outcome.IGNORED


def test_async_handler_from_sync_process() -> None:
    processor = WebhookProcessor(SECRET)
    seen: list[str] = []

    @processor.on("payment_intent.succeeded")
    async def handle(event: Any) -> None:
        await asyncio.sleep(0)
        seen.append(event.id)

    assert processor.process(*delivery(EVENT)).outcome is Outcome.PROCESSED
    assert seen == [EVENT_ID]


async def test_sync_process_with_async_handler_inside_a_running_loop() -> None:
    processor = WebhookProcessor(SECRET)
    loops: list[int] = []

    @processor.on("payment_intent.succeeded")
    async def handle(event: Any) -> None:
        loops.append(id(asyncio.get_running_loop()))

    assert processor.process(*delivery(EVENT)).outcome is Outcome.PROCESSED
    assert loops and loops[0] != id(asyncio.get_running_loop())


async def test_aprocess_with_sync_and_async_handlers() -> None:
    processor = WebhookProcessor(SECRET)
    threads: list[str] = []

    @processor.on("payment_intent.succeeded")
    def sync_handler(event: Any) -> None:
        threads.append(threading.current_thread().name)

    @processor.on("refund.processed")
    async def async_handler(event: Any) -> None:
        threads.append(threading.current_thread().name)

    assert (await processor.aprocess(*delivery(EVENT))).outcome is Outcome.PROCESSED
    assert (
        await processor.aprocess(*delivery(example_event("refund.processed")))
    ).outcome is Outcome.PROCESSED
    main = threading.current_thread().name
    assert threads[0] != main  # a plain handler runs in a worker thread: it cannot block the loop
    assert threads[1] == main
    assert (await processor.aprocess(*delivery(EVENT))).outcome is Outcome.DUPLICATE


async def test_aprocess_with_an_async_store_and_failures() -> None:
    store = AsyncMemoryWebhookEventStore()
    processor = WebhookProcessor(SECRET, store)
    calls: list[int] = []

    @processor.on("payment_intent.succeeded")
    async def handle(event: Any) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("first try fails")

    assert (await processor.aprocess(*delivery(EVENT))).outcome is Outcome.HANDLER_FAILED
    assert (await processor.aprocess(*delivery(EVENT))).outcome is Outcome.PROCESSED
    assert (await processor.aprocess(*delivery(EVENT))).outcome is Outcome.DUPLICATE
    assert await store.get(EVENT_ID) == EventRecord(EVENT_ID, "processed", 2, "RuntimeError: first try fails")
    with pytest.raises(TypeError):
        processor.process(*delivery(EVENT))


def test_sync_and_async_give_identical_results() -> None:
    def run(use_async: bool) -> list[ProcessResult]:
        processor = WebhookProcessor(SECRET)
        attempts: list[int] = []

        @processor.on("payment_intent.succeeded")
        def handle(event: Any) -> None:
            attempts.append(1)
            if len(attempts) == 1:
                raise KeyError("first")

        deliveries = [delivery(EVENT), delivery(EVENT), delivery(EVENT), (b"x", {"Molam-Signature": "bad"})]
        if use_async:

            async def all_of_them() -> list[ProcessResult]:
                return [await processor.aprocess(b, h) for b, h in deliveries]

            return asyncio.run(all_of_them())
        return [processor.process(b, h) for b, h in deliveries]

    assert run(False) == run(True)


def test_threads_on_the_memory_store_run_the_handler_once() -> None:
    processor = WebhookProcessor(SECRET)
    runs: list[int] = []
    gate = threading.Barrier(8)

    @processor.on("payment_intent.succeeded")
    def handle(event: Any) -> None:
        runs.append(1)
        threading.Event().wait(0.05)  # hold the claim while the others arrive

    results: list[ProcessResult] = []

    def deliver() -> None:
        body, headers = delivery(EVENT)
        gate.wait()
        results.append(processor.process(body, headers))

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(runs) == 1
    outcomes = sorted(r.outcome.value for r in results)
    assert outcomes.count("processed") == 1
    assert set(outcomes) <= {"processed", "in_progress", "duplicate"}


# --- result callbacks (on_result) -------------------------------------------------------------------------------


def run_deliveries(
    processor: WebhookProcessor, deliveries: list[tuple[bytes, dict[str, str]]], use_async: bool
) -> list[ProcessResult]:
    if not use_async:
        return [processor.process(body, headers) for body, headers in deliveries]

    async def all_of_them() -> list[ProcessResult]:
        return [await processor.aprocess(body, headers) for body, headers in deliveries]

    return asyncio.run(all_of_them())


@pytest.mark.parametrize("use_async", [False, True], ids=["process", "aprocess"])
def test_on_result_fires_once_per_delivery_with_its_outcome(use_async: bool) -> None:
    processor = WebhookProcessor({KID: SECRET})
    attempts: list[str] = []

    @processor.on("payment_intent.succeeded")
    def handle(event: Any) -> None:
        attempts.append(event.id)
        if len(attempts) == 1:
            raise RuntimeError("first attempt fails")

    reported: list[ProcessResult] = []
    assert processor.on_result(reported.append) == reported.append  # returned: usable as a decorator

    body, headers = delivery(EVENT)
    deliveries = [
        delivery(EVENT),  # handler_failed
        delivery(EVENT),  # processed (the retry)
        delivery(EVENT),  # duplicate
        (body + b" ", headers),  # invalid_signature
    ]
    results = run_deliveries(processor, deliveries, use_async)

    assert [r.outcome for r in results] == [
        Outcome.HANDLER_FAILED,
        Outcome.PROCESSED,
        Outcome.DUPLICATE,
        Outcome.INVALID_SIGNATURE,
    ]
    # Exactly the results the caller got, in order, each once (not equal copies: the same objects).
    assert len(reported) == len(results) and all(a is b for a, b in zip(reported, results, strict=True))
    assert [(r.event_id, r.event_type) for r in reported[:3]] == [(EVENT_ID, "payment_intent.succeeded")] * 3
    assert reported[0].error == "RuntimeError: first attempt fails"
    assert (reported[3].event_id, reported[3].error) == (None, "signature_mismatch")


@pytest.mark.parametrize("use_async", [False, True], ids=["process", "aprocess"])
def test_on_result_fires_for_ignored_in_progress_and_store_failures(use_async: bool) -> None:
    processor = WebhookProcessor(SECRET, BrokenStore(fail_on="mark_processed"))
    processor.on("payment_intent.succeeded")(lambda event: None)
    reported: list[Outcome] = []
    processor.on_result(lambda result: reported.append(result.outcome))
    other = example_event("payout.paid")
    results = run_deliveries(processor, [delivery(EVENT), delivery(other)], use_async)
    assert [r.outcome for r in results] == [Outcome.STORE_UNAVAILABLE, Outcome.STORE_UNAVAILABLE]

    processor = WebhookProcessor(SECRET)
    processor.on_result(lambda result: reported.append(result.outcome))
    assert processor.store.claim(EVENT_ID) is ClaimOutcome.CLAIMED  # another worker holds it
    run_deliveries(processor, [delivery(EVENT), delivery(other)], use_async)
    assert reported == [
        Outcome.STORE_UNAVAILABLE,
        Outcome.STORE_UNAVAILABLE,
        Outcome.IN_PROGRESS,
        Outcome.IGNORED,
    ]


@pytest.mark.parametrize("use_async", [False, True], ids=["process", "aprocess"])
def test_a_failing_result_callback_changes_nothing(use_async: bool, caplog: pytest.LogCaptureFixture) -> None:
    def run(with_broken_callback: bool) -> tuple[list[ProcessResult], list[Outcome], list[Any]]:
        processor, seen = make()
        after: list[Outcome] = []
        if with_broken_callback:

            @processor.on_result
            def broken(result: ProcessResult) -> None:
                raise RuntimeError(f"metrics backend down (secret {SECRET})")

        processor.on_result(lambda result: after.append(result.outcome))
        body, _ = delivery(EVENT)
        results = run_deliveries(
            processor, [delivery(EVENT), delivery(EVENT), (body, {"Molam-Signature": "t=1"})], use_async
        )
        return results, after, seen

    with caplog.at_level("WARNING", logger="molam.webhooks"):
        results, after, seen = run(with_broken_callback=True)
    assert (results, after, len(seen)) == (
        run(with_broken_callback=False)[0],
        [Outcome.PROCESSED, Outcome.DUPLICATE, Outcome.INVALID_SIGNATURE],
        1,
    )
    assert [r.status_code for r in results] == [200, 200, 400]
    failures = [r for r in caplog.records if "result callback" in r.getMessage()]
    assert len(failures) == 3 and all(r.name == "molam.webhooks" for r in failures)
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "metrics backend down" in logged and SECRET not in logged  # logged through the redacting logger


def test_on_result_takes_plain_functions_only(caplog: pytest.LogCaptureFixture) -> None:
    processor, _ = make()

    async def coroutine_callback(result: ProcessResult) -> None:
        pass

    with pytest.raises(TypeError, match="plain functions"):
        processor.on_result(coroutine_callback)
    with pytest.raises(TypeError):
        processor.on_result("not callable")  # type: ignore[type-var]

    class SneakyAsync:  # an object whose __call__ returns a coroutine: closed and logged, never awaited
        async def _run(self, result: ProcessResult) -> None:
            raise AssertionError("must not run")

        def __call__(self, result: ProcessResult) -> object:
            return self._run(result)

    processor.on_result(SneakyAsync())
    with caplog.at_level("WARNING", logger="molam.webhooks"):
        assert processor.process(*delivery(EVENT)).outcome is Outcome.PROCESSED
    assert any("returned a coroutine" in r.getMessage() for r in caplog.records)


class PreLeaseStore:
    """A store written against the protocol before leases (no holder, no renew): still supported, unfenced."""

    def __init__(self) -> None:
        self.inner = MemoryWebhookEventStore()
        self.lock_timeout = self.inner.lock_timeout

    def claim(self, event_id: str) -> ClaimOutcome:
        return self.inner.claim(event_id)

    def mark_processed(self, event_id: str) -> None:
        self.inner.mark_processed(event_id)

    def release(self, event_id: str, error: str) -> None:
        self.inner.release(event_id, error)


def test_a_store_without_leases_still_processes_once() -> None:
    store = PreLeaseStore()
    processor, seen = make(store)
    assert processor.process(*delivery(EVENT)).outcome is Outcome.PROCESSED
    assert processor.process(*delivery(EVENT)).outcome is Outcome.DUPLICATE
    assert len(seen) == 1
