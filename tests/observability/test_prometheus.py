"""Prometheus metrics as hook subscribers: every family, fed by the hooks a client emits, and webhook outcomes
fed by `WebhookProcessor.on_result`."""

from __future__ import annotations

import asyncio
import time

import pytest
from prometheus_client import CollectorRegistry, generate_latest

from molam_sdk_ext.observability.hooks import Hooks, ResponseEvent
from molam_sdk_ext.observability.prometheus import MolamMetrics, route_of
from molam_sdk_ext.transport.breaker import BreakerState, BreakerStateChange
from molam_sdk_ext.transport.retry import RetryEvent
from molam_sdk_ext.webhooks import Outcome, ProcessResult, WebhookProcessor
from tests.webhooks.support import SECRET, delivery, example_event


@pytest.fixture
def registry() -> CollectorRegistry:
    return CollectorRegistry()


def value(registry: CollectorRegistry, name: str, **labels: str) -> float | None:
    return registry.get_sample_value(name, labels)


def response(
    path: str, status: int | None = 200, duration: float = 0.02, error: str | None = None
) -> ResponseEvent:
    return ResponseEvent(
        method="POST",
        url=f"http://127.0.0.1:12111{path}",
        path=path,
        status=status,
        duration=duration,
        request_id="req_1",
        attempts=1,
        idempotency_key="k",
        error=error,
    )


@pytest.mark.parametrize(
    ("path", "route"),
    [
        ("/v1/connect/payment_intents", "/v1/connect/payment_intents"),
        ("/v1/connect/payment_intents/pi_3Nf8kLm2aB9xQ7/confirm", "/v1/connect/payment_intents/{id}/confirm"),
        ("/v1/ma/wallets/wal_2Bc4De6Fg8Hi0J/balance", "/v1/ma/wallets/{id}/balance"),
        ("/v1/webhook_endpoints/we_abcdef12/rotate_secret", "/v1/webhook_endpoints/{id}/rotate_secret"),
        ("/v1/events?type=payout.paid", "/v1/events"),
    ],
)
def test_route_replaces_ids(path: str, route: str) -> None:
    assert route_of(path) == route


def test_responses_count_and_time_by_route(registry: CollectorRegistry) -> None:
    hooks = Hooks()
    MolamMetrics(registry).instrument(hooks)
    hooks.emit_response(response("/v1/connect/payment_intents/pi_aaaaaaaa/confirm", 200, 0.03))
    hooks.emit_response(response("/v1/connect/payment_intents/pi_bbbbbbbb/confirm", 402, 0.2))
    hooks.emit_response(response("/v1/connect/payment_intents", None, 5.0, error="ConnectError"))
    route = "/v1/connect/payment_intents/{id}/confirm"
    assert value(registry, "molam_requests_total", method="POST", route=route, status="200", error="") == 1
    assert value(registry, "molam_requests_total", method="POST", route=route, status="402", error="") == 1
    assert (
        value(
            registry,
            "molam_requests_total",
            method="POST",
            route="/v1/connect/payment_intents",
            status="error",
            error="ConnectError",
        )
        == 1
    )
    assert value(registry, "molam_request_duration_seconds_count", method="POST", route=route) == 2
    assert (
        value(registry, "molam_request_duration_seconds_bucket", method="POST", route=route, le="0.05") == 1
    )
    assert value(registry, "molam_request_duration_seconds_sum", method="POST", route=route) == pytest.approx(
        0.23
    )


def test_retries_and_breaker_state(registry: CollectorRegistry) -> None:
    hooks = Hooks()
    MolamMetrics(registry).instrument(hooks)
    for attempt in (1, 2):
        hooks.emit_retry(
            RetryEvent(
                method="GET",
                url="http://127.0.0.1:1/v1/ma/wallets/wal_1234567890?limit=3",
                attempt=attempt,
                delay=0.1,
                reason="status_503",
                status=503,
                error=None,
                request_id=None,
            )
        )
    labels = {"method": "GET", "route": "/v1/ma/wallets/{id}", "reason": "status_503"}
    assert value(registry, "molam_retries_total", **labels) == 2
    host = "127.0.0.1:1"
    hooks.emit_breaker_state_change(BreakerStateChange(host, BreakerState.CLOSED, BreakerState.OPEN, 5))
    assert value(registry, "molam_circuit_breaker_state", host=host) == 2
    hooks.emit_breaker_state_change(BreakerStateChange(host, BreakerState.OPEN, BreakerState.HALF_OPEN, 5))
    assert value(registry, "molam_circuit_breaker_state", host=host) == 1
    hooks.emit_breaker_state_change(BreakerStateChange(host, BreakerState.HALF_OPEN, BreakerState.CLOSED, 0))
    assert value(registry, "molam_circuit_breaker_state", host=host) == 0
    assert value(registry, "molam_circuit_breaker_transitions_total", host=host, state="open") == 1


def test_exposition_holds_no_secret(registry: CollectorRegistry) -> None:
    hooks = Hooks()
    MolamMetrics(registry).instrument(hooks)
    hooks.emit_response(response("/v1/connect/payment_intents/pi_secretish1234"))
    text = generate_latest(registry).decode()
    assert "pi_secretish1234" not in text and "idempotency" not in text.lower()


def test_instrument_refuses_other_objects(registry: CollectorRegistry) -> None:
    with pytest.raises(TypeError):
        MolamMetrics(registry).instrument(object())  # type: ignore[arg-type]


def webhook_count(registry: CollectorRegistry, event_type: str, outcome: str) -> float:
    return value(registry, "molam_webhooks_total", type=event_type, outcome=outcome) or 0.0


@pytest.mark.parametrize("use_async", [False, True], ids=["process", "aprocess"])
def test_webhook_outcomes_are_counted_through_on_result(registry: CollectorRegistry, use_async: bool) -> None:
    metrics = MolamMetrics(registry)
    processor = WebhookProcessor(SECRET)
    # Subscribed, not wrapped: the caller keeps (and the adapters get) the processor itself.
    assert metrics.instrument_processor(processor) is processor
    failures: list[str] = []

    @processor.on("payment_intent.succeeded")
    def handle(event: object) -> None:
        if not failures:
            failures.append("once")
            raise RuntimeError("first attempt fails")

    event = example_event("payment_intent.succeeded")
    body, headers = delivery(event)
    deliveries = [
        delivery(event),  # handler_failed
        delivery(event),  # processed
        delivery(event),  # duplicate
        (body + b" ", headers),  # invalid_signature
        delivery(example_event("payout.paid")),  # ignored (no handler)
    ]
    if use_async:

        async def all_of_them() -> list[ProcessResult]:
            return [await processor.aprocess(b, h) for b, h in deliveries]

        results = asyncio.run(all_of_them())
    else:
        results = [processor.process(b, h) for b, h in deliveries]

    assert [r.outcome for r in results] == [
        Outcome.HANDLER_FAILED,
        Outcome.PROCESSED,
        Outcome.DUPLICATE,
        Outcome.INVALID_SIGNATURE,
        Outcome.IGNORED,
    ]
    intent = "payment_intent.succeeded"
    assert webhook_count(registry, intent, "handler_failed") == 1
    assert webhook_count(registry, intent, "processed") == 1
    assert webhook_count(registry, intent, "duplicate") == 1
    assert webhook_count(registry, "", "invalid_signature") == 1
    assert webhook_count(registry, "payout.paid", "ignored") == 1
    total = sum(
        sample.value
        for family in registry.collect()
        if family.name == "molam_webhooks"
        for sample in family.samples
        if sample.name == "molam_webhooks_total"
    )
    assert total == len(deliveries)  # each delivery counted exactly once


def test_a_failing_metrics_backend_does_not_change_the_webhook_answer(registry: CollectorRegistry) -> None:
    metrics = MolamMetrics(registry)
    processor = metrics.instrument_processor(WebhookProcessor(SECRET))

    def broken(result: ProcessResult) -> None:
        raise RuntimeError("counter exploded")

    metrics.observe_webhook = broken  # type: ignore[method-assign]
    processor.on_result(metrics.observe_webhook)  # the broken one, subscribed after the real one
    result = processor.process(*delivery(example_event("payout.paid")))
    assert (result.status_code, result.outcome) == (200, Outcome.IGNORED)
    assert webhook_count(registry, "payout.paid", "ignored") == 1


def test_handler_durations_are_observed_by_outcome(registry: CollectorRegistry) -> None:
    metrics = MolamMetrics(registry)
    processor = metrics.instrument_processor(WebhookProcessor(SECRET))
    processor.on("payment_intent.succeeded")(lambda event: time.sleep(0.03))
    processor.process(*delivery(example_event("payment_intent.succeeded")))
    processor.process(*delivery(example_event("payment_intent.succeeded")))  # duplicate: no handler run
    processor.process(*delivery(example_event("payout.paid")))  # ignored: no handler run
    labels = {"type": "payment_intent.succeeded", "outcome": "processed"}
    assert value(registry, "molam_webhook_handler_duration_seconds_count", **labels) == 1
    seconds = value(registry, "molam_webhook_handler_duration_seconds_sum", **labels)
    assert seconds is not None and 0.03 <= seconds < 1.0
    assert (
        value(registry, "molam_webhook_handler_duration_seconds_count", type="payout.paid", outcome="ignored")
        is None
    )


def test_inbox_depth_and_oldest_pending_age_are_read_at_scrape(
    registry: CollectorRegistry, postgres_store_url: str
) -> None:
    from molam_sdk_ext.stores import webhook_inbox_from_url

    clock = [1_700_000_000.0]
    inbox = webhook_inbox_from_url(postgres_store_url, clock=lambda: clock[0])
    metrics = MolamMetrics(registry)
    collector = metrics.instrument_inbox(inbox)
    try:
        assert value(registry, "molam_webhook_inbox_events", status="received") == 0
        assert value(registry, "molam_webhook_inbox_oldest_pending_seconds") == 0
        for i in range(3):
            inbox.record(f"evt_{i}", "payout.paid", b"{}")
        inbox.claim("evt_0", "h")
        inbox.mark_processed("evt_0", "h")
        inbox.claim("evt_1", "h")
        clock[0] += 42.0
        assert value(registry, "molam_webhook_inbox_events", status="received") == 1
        assert value(registry, "molam_webhook_inbox_events", status="processing") == 1
        assert value(registry, "molam_webhook_inbox_events", status="processed") == 1
        assert value(registry, "molam_webhook_inbox_events", status="dead") == 0
        assert value(registry, "molam_webhook_inbox_oldest_pending_seconds") == 42.0
        inbox.close()  # type: ignore[attr-defined]
        # A store that cannot be read leaves the series out; the scrape itself still works.
        text = generate_latest(registry).decode()
        assert "molam_webhook_inbox_events{" not in text
        assert "molam_webhook_inbox_oldest_pending_seconds " not in text
        assert "molam_webhooks_total" in text
    finally:
        registry.unregister(collector)
