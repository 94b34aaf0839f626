"""Prometheus metrics as hook subscribers: every family, fed by the hooks a client emits."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry, generate_latest

from molam_sdk_ext.observability.hooks import Hooks, ResponseEvent
from molam_sdk_ext.observability.prometheus import MolamMetrics, route_of
from molam_sdk_ext.transport.breaker import BreakerState, BreakerStateChange
from molam_sdk_ext.transport.retry import RetryEvent


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
