"""Metrics and spans from a real `Molam` client against the sandbox (faults forced per request), and webhook outcomes."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode
from prometheus_client import CollectorRegistry

from molam_sdk_ext import AsyncMolam, InternalServerError, Molam
from molam_sdk_ext.errors import CircuitOpenError
from molam_sdk_ext.observability.otel import MolamTracing
from molam_sdk_ext.observability.prometheus import MolamMetrics
from molam_sdk_ext.transport.breaker import BreakerConfig
from molam_sdk_ext.transport.retry import RetryPolicy
from molam_sdk_ext.webhooks import WebhookProcessor, sign

FAULT = {"Molam-Sandbox-Fault": "500"}
NO_WAIT = RetryPolicy(initial_delay=0.0, max_delay=0.0)


def client(sandbox: Any, **kwargs: Any) -> Molam:
    return Molam(api_key=sandbox.new_api_key(), base_url=sandbox.url, **kwargs)


def test_prometheus_counts_a_real_clients_calls_retries_and_breaker(sandbox: Any) -> None:
    registry = CollectorRegistry()
    metrics = MolamMetrics(registry)
    breaker = BreakerConfig(failure_threshold=2, reset_timeout=60)
    with client(sandbox, max_retries=1, circuit_breaker=breaker, retry_policy=NO_WAIT) as molam:
        metrics.instrument(molam)
        intent = molam.payment_intents.create(amount=15000, currency="XOF")
        molam.payment_intents.retrieve(intent.id)
        with pytest.raises(InternalServerError):
            molam.payment_intents.retrieve(intent.id, extra_headers=FAULT)  # 2 attempts: 1 retry
        with pytest.raises((InternalServerError, CircuitOpenError)):
            molam.payment_intents.retrieve(intent.id, extra_headers=FAULT, max_retries=0)
        with pytest.raises(CircuitOpenError):
            molam.payment_intents.retrieve(intent.id)
    route = "/v1/connect/payment_intents/{id}"

    def sample(name: str, **labels: str) -> float | None:
        return registry.get_sample_value(name, labels)

    assert (
        sample(
            "molam_requests_total", method="POST", route="/v1/connect/payment_intents", status="200", error=""
        )
        == 1
    )
    assert sample("molam_requests_total", method="GET", route=route, status="200", error="") == 1
    assert (sample("molam_requests_total", method="GET", route=route, status="500", error="") or 0) >= 1
    assert sample("molam_retries_total", method="GET", route=route, reason="status_500") == 1
    assert sample("molam_request_duration_seconds_count", method="GET", route=route) is not None
    host = httpx.URL(sandbox.url).netloc.decode()
    assert sample("molam_circuit_breaker_state", host=host) == 2  # open
    assert sample("molam_circuit_breaker_transitions_total", host=host, state="open") == 1


async def test_otel_spans_from_a_real_async_client(sandbox: Any) -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    async with AsyncMolam(
        api_key=sandbox.new_api_key(), base_url=sandbox.url, max_retries=1, retry_policy=NO_WAIT
    ) as molam:
        MolamTracing(tracer_provider=provider).instrument(molam)
        intent = await molam.payment_intents.create(amount=2500, currency="GHS", idempotency_key="otel-1")
        with pytest.raises(InternalServerError):
            await molam.payment_intents.retrieve(intent.id, extra_headers=FAULT)
    created, failed = exporter.get_finished_spans()
    assert created.name == "POST /v1/connect/payment_intents"
    attributes = dict(created.attributes or {})
    assert attributes["http.response.status_code"] == 200 and attributes["molam.idempotency_key"] == "otel-1"
    assert str(attributes["molam.request_id"]).startswith("req_")
    assert failed.name == "GET /v1/connect/payment_intents/{id}"
    assert failed.status.status_code is StatusCode.ERROR
    assert [e.name for e in failed.events] == ["molam.retry"]
    assert dict(failed.attributes or {})["molam.attempts"] == 2


def test_webhook_outcomes_are_counted(sandbox: Any) -> None:
    registry = CollectorRegistry()
    metrics = MolamMetrics(registry)
    secret = "whsec_metrics_test_secret_123456"
    processor = metrics.instrument_processor(WebhookProcessor(secret))
    seen: list[str] = []
    processor.on("payout.paid")(lambda event: seen.append(event.id))
    response = httpx.post(
        f"{sandbox.url}/_sandbox/events/trigger",
        json={"type": "payout.paid"},
        headers={"Authorization": f"Bearer {sandbox.new_api_key()}"},
    )
    body = json.dumps(response.json()).encode()
    header = sign(body, secret, "k1")
    for _ in range(2):
        assert processor.process(body, {"Molam-Signature": header}).status_code == 200
    assert (
        processor.process(body, {"Molam-Signature": sign(body, "whsec_other_secret_0000", "k1")}).status_code
        == 400
    )
    assert len(seen) == 1

    def count(event_type: str, outcome: str) -> float | None:
        return registry.get_sample_value("molam_webhooks_total", {"type": event_type, "outcome": outcome})

    assert count("payout.paid", "processed") == 1
    assert count("payout.paid", "duplicate") == 1
    assert count("", "invalid_signature") == 1
