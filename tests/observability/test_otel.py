"""OpenTelemetry spans as hook subscribers: one CLIENT span per call, retries and breaker changes as events."""

from __future__ import annotations

import asyncio

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from molam_sdk_ext.observability.hooks import Hooks, RequestEvent, ResponseEvent
from molam_sdk_ext.observability.otel import MolamTracing
from molam_sdk_ext.transport.breaker import BreakerState, BreakerStateChange
from molam_sdk_ext.transport.retry import RetryEvent

URL = "http://127.0.0.1:12111/v1/connect/payment_intents/pi_3Nf8kLm2aB9xQ7/confirm?expand=x"
PATH = "/v1/connect/payment_intents/pi_3Nf8kLm2aB9xQ7/confirm"


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def hooks(exporter: InMemorySpanExporter) -> Hooks:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    registry = Hooks()
    MolamTracing(tracer_provider=provider).instrument(registry)
    return registry


def request() -> RequestEvent:
    return RequestEvent(method="POST", url=URL, path=PATH, idempotency_key="idem-1")


def response(status: int | None, attempts: int = 1, error: str | None = None) -> ResponseEvent:
    return ResponseEvent(
        method="POST",
        url=URL,
        path=PATH,
        status=status,
        duration=0.05,
        request_id="req_42" if status else None,
        attempts=attempts,
        idempotency_key="idem-1",
        error=error,
    )


def test_a_successful_call_is_one_client_span(hooks: Hooks, exporter: InMemorySpanExporter) -> None:
    hooks.emit_request(request())
    # While the call is in flight its span is the current one (children nest under it).
    current = trace.get_current_span()
    assert current.get_span_context().is_valid
    hooks.emit_response(response(200))
    assert not trace.get_current_span().get_span_context().is_valid
    (span,) = exporter.get_finished_spans()
    assert span.name == "POST /v1/connect/payment_intents/{id}/confirm"
    assert span.kind is SpanKind.CLIENT
    assert span.status.status_code is StatusCode.UNSET
    attrs = dict(span.attributes or {})
    assert attrs["http.request.method"] == "POST"
    assert attrs["url.full"] == "http://127.0.0.1:12111" + PATH  # no query string
    assert attrs["server.address"] == "127.0.0.1" and attrs["server.port"] == 12111
    assert attrs["http.response.status_code"] == 200
    assert attrs["molam.request_id"] == "req_42" and attrs["molam.attempts"] == 1
    assert attrs["molam.idempotency_key"] == "idem-1"
    assert span.context.span_id == current.get_span_context().span_id


def test_retries_and_breaker_changes_are_events_and_errors_mark_the_span(
    hooks: Hooks, exporter: InMemorySpanExporter
) -> None:
    hooks.emit_request(request())
    hooks.emit_retry(
        RetryEvent(
            method="POST",
            url=URL,
            attempt=1,
            delay=0.25,
            reason="status_503",
            status=503,
            error=None,
            request_id="req_41",
        )
    )
    hooks.emit_breaker_state_change(
        BreakerStateChange("127.0.0.1:12111", BreakerState.CLOSED, BreakerState.OPEN, 5)
    )
    hooks.emit_response(response(503, attempts=2))
    (span,) = exporter.get_finished_spans()
    assert [e.name for e in span.events] == ["molam.retry", "molam.circuit_breaker"]
    assert dict(span.events[0].attributes or {})["molam.retry.reason"] == "status_503"
    assert dict(span.events[1].attributes or {})["molam.breaker.new"] == "open"
    assert span.status.status_code is StatusCode.ERROR
    assert dict(span.attributes or {})["http.request.resend_count"] == 1


def test_no_answer_is_an_error_with_its_type(hooks: Hooks, exporter: InMemorySpanExporter) -> None:
    hooks.emit_request(request())
    hooks.emit_response(response(None, error="ConnectTimeout"))
    (span,) = exporter.get_finished_spans()
    assert span.status.status_code is StatusCode.ERROR
    assert dict(span.attributes or {})["error.type"] == "ConnectTimeout"


def test_an_abandoned_call_does_not_become_the_parent_of_the_next(
    hooks: Hooks, exporter: InMemorySpanExporter
) -> None:
    hooks.emit_request(request())  # never answered (say the caller was cancelled)
    hooks.emit_request(request())
    hooks.emit_response(response(200))
    first, second = exporter.get_finished_spans()
    assert dict(first.attributes or {})["error.type"] == "abandoned"
    assert second.parent is None


async def test_concurrent_async_calls_get_their_own_spans(
    hooks: Hooks, exporter: InMemorySpanExporter
) -> None:
    async def call(status: int) -> None:
        hooks.emit_request(request())
        await asyncio.sleep(0.01)
        hooks.emit_response(response(status))

    await asyncio.gather(call(200), call(404), call(201))
    spans = exporter.get_finished_spans()
    assert sorted(int(str(dict(s.attributes or {})["http.response.status_code"])) for s in spans) == [
        200,
        201,
        404,
    ]
    assert all(s.parent is None for s in spans)
