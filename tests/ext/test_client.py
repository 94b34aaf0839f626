"""Molam / AsyncMolam as requesters: headers, options, error mapping, pluggable HTTP, copies, hooks."""

from __future__ import annotations

import json
from typing import Any

import attrs
import httpx
import pytest

import molam_sdk_ext
from molam_sdk.requester import Request, RequestOptions
from molam_sdk_ext import AsyncMolam, Molam
from molam_sdk_ext.config import ClientSettings, ConfigurationError
from molam_sdk_ext.errors import APIConnectionError, APITimeoutError, CircuitOpenError, InternalServerError
from molam_sdk_ext.observability.hooks import Hooks, RequestEvent, ResponseEvent
from molam_sdk_ext.transport.breaker import BreakerConfig, BreakerStateChange
from molam_sdk_ext.transport.retry import RetryPolicy
from tests.support.transport import TEST_KEY, FakeClock, Script, fail, ok

CREATE = Request(
    "post",
    "/v1/connect/payment_intents",
    json={"amount": 15000, "currency": "XOF"},
    headers={"Content-Type": "application/json"},
)
RETRIEVE = Request("get", "/v1/connect/payment_intents/pi_123")
NO_OPTIONS = RequestOptions()
FAST = RetryPolicy(jitter="none", initial_delay=0.0, max_delay=0.0)


def is_closed(client: httpx.Client | httpx.AsyncClient) -> bool:
    return client.is_closed


def molam(script: Script, **kwargs: Any) -> Molam:
    kwargs.setdefault("retry_policy", FAST)
    return Molam(TEST_KEY, transport=httpx.MockTransport(script), **kwargs)


def amolam(script: Script, **kwargs: Any) -> AsyncMolam:
    kwargs.setdefault("retry_policy", FAST)
    return AsyncMolam(TEST_KEY, transport=httpx.MockTransport(script), **kwargs)


def test_headers_and_url() -> None:
    script = Script([ok()])
    with molam(script) as client:
        response = client.request(CREATE, NO_OPTIONS)
    assert response.json()["id"] == "pi_123"
    request = script.requests[0]
    assert str(request.url) == "https://api.molam.com/v1/connect/payment_intents"
    h = script.headers[0]
    assert h["authorization"] == f"Bearer {TEST_KEY}"
    assert h["molam-version"] == "2025-01-15"
    assert h["user-agent"].startswith(f"molam-python/{molam_sdk_ext.__version__} ")
    assert " python/3." in h["user-agent"] and f"httpx/{httpx.__version__}" in h["user-agent"]
    assert h["content-type"] == "application/json"
    assert h["idempotency-key"].startswith("molam_")
    assert json.loads(script.bodies[0]) == {"amount": 15000, "currency": "XOF"}


def test_call_headers_then_extra_headers_win() -> None:
    script = Script([ok()])
    request = attrs.evolve(CREATE, headers={"Molam-Version": "2024-06-01", "Idempotency-Key": "order-7"})
    options = RequestOptions(extra_headers={"molam-version": "2030-01-01", "X-Trace": "t1"})
    with molam(script) as client:
        client.request(request, options)
    h = script.headers[0]
    assert h["molam-version"] == "2030-01-01"
    assert h["idempotency-key"] == "order-7"
    assert h["x-trace"] == "t1"


def test_query_params_and_base_url() -> None:
    script = Script([ok()])
    with molam(script, base_url="http://127.0.0.1:12111/") as client:
        client.request(
            Request("get", "/v1/events", params={"limit": 3, "type": "payout.paid"}),
            NO_OPTIONS,
        )
    assert str(script.requests[0].url) == "http://127.0.0.1:12111/v1/events?limit=3&type=payout.paid"


def test_per_call_timeout_and_retry_budget_reach_the_transport() -> None:
    script = Script([], default=fail(503))
    with molam(script, timeout=7, total_timeout=20, circuit_breaker=False) as client:
        with pytest.raises(InternalServerError):
            client.request(RETRIEVE, RequestOptions(max_retries=0, timeout=12.0))
        assert script.calls == 1
        assert script.extensions[0]["timeout"]["read"] == pytest.approx(12.0, abs=0.5)
        assert script.extensions[0]["molam_deadline"] == 20.0
        # A per-call timeout past the total deadline is cut to it: it never lengthens the call.
        with pytest.raises(InternalServerError):
            client.request(RETRIEVE, RequestOptions(max_retries=0, timeout=45.0))
        assert script.extensions[1]["timeout"]["read"] == pytest.approx(20.0, abs=0.5)
        assert script.extensions[1]["molam_deadline"] == 20.0
        with pytest.raises(InternalServerError):
            client.request(RETRIEVE, NO_OPTIONS)
    assert script.calls == 2 + 4
    assert script.extensions[-1]["timeout"]["read"] == pytest.approx(7.0, abs=0.5)
    assert script.extensions[-1]["molam_max_retries"] == 3


def test_retry_policy_supplies_the_default_budget() -> None:
    script = Script([], default=fail(500))
    policy = RetryPolicy(max_retries=1, initial_delay=0, jitter="none")
    with molam(script, retry_policy=policy) as client, pytest.raises(InternalServerError):
        client.request(RETRIEVE, NO_OPTIONS)
    assert script.calls == 2
    script = Script([], default=fail(500))
    with molam(script, max_retries=0) as client, pytest.raises(InternalServerError):
        client.request(RETRIEVE, NO_OPTIONS)
    assert script.calls == 1


def test_the_same_key_is_used_on_every_retry_of_a_call() -> None:
    script = Script([fail(500), httpx.ReadError("reset"), ok()])
    with molam(script) as client:
        client.request(CREATE, NO_OPTIONS)
    assert script.calls == 3
    assert len({h["idempotency-key"] for h in script.headers}) == 1


def test_transport_errors_become_typed_errors_without_secrets() -> None:
    script = Script([], default=httpx.ConnectError(f"refused; header was Authorization: Bearer {TEST_KEY}"))
    with molam(script, max_retries=1) as client, pytest.raises(APIConnectionError) as info:
        client.request(RETRIEVE, NO_OPTIONS)
    assert not isinstance(info.value, APITimeoutError)
    assert TEST_KEY not in str(info.value) and TEST_KEY not in repr(info.value)
    assert "ConnectError" in str(info.value)
    assert script.calls == 2
    script = Script([], default=httpx.ReadTimeout("slow"))
    with molam(script, max_retries=0) as client, pytest.raises(APITimeoutError) as timeout:
        client.request(RETRIEVE, NO_OPTIONS)
    assert timeout.value.request is not None


def test_open_breaker_fails_fast() -> None:
    clock = FakeClock()
    script = Script([], default=fail(500))
    config = BreakerConfig(failure_threshold=2, reset_timeout=30, clock=clock)
    with molam(script, max_retries=0, circuit_breaker=config) as client:
        for _ in range(2):
            with pytest.raises(InternalServerError):
                client.request(RETRIEVE, NO_OPTIONS)
        with pytest.raises(CircuitOpenError) as info:
            client.request(RETRIEVE, NO_OPTIONS)
    assert info.value.host == "api.molam.com"
    assert info.value.retry_in == pytest.approx(30.0)
    assert script.calls == 2


def test_breaker_can_be_turned_off() -> None:
    script = Script([], default=fail(500))
    with molam(script, max_retries=0, circuit_breaker=False) as client:
        assert client.breakers is None
        for _ in range(10):
            with pytest.raises(InternalServerError):
                client.request(RETRIEVE, NO_OPTIONS)
    assert script.calls == 10


def test_telemetry_header_reports_the_previous_request_only() -> None:
    script = Script([ok(Molam_Request_Id="req_first"), ok(Molam_Request_Id="req_second"), ok()])
    with molam(script) as client:
        for _ in range(3):
            client.request(RETRIEVE, NO_OPTIONS)
    assert "molam-client-telemetry" not in script.headers[0]
    second = json.loads(script.headers[1]["molam-client-telemetry"])
    assert set(second) == {"last_request_metrics", "sdk_version", "python_version"}
    assert set(second["last_request_metrics"]) == {"request_id", "request_duration_ms"}
    assert second["last_request_metrics"]["request_id"] == "req_first"
    assert isinstance(second["last_request_metrics"]["request_duration_ms"], int)
    third = json.loads(script.headers[2]["molam-client-telemetry"])
    assert third["last_request_metrics"]["request_id"] == "req_second"


def test_telemetry_can_be_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    script = Script([], default=ok())
    with molam(script, telemetry=False) as client:
        client.request(RETRIEVE, NO_OPTIONS)
        client.request(RETRIEVE, NO_OPTIONS)
    monkeypatch.setenv("MOLAM_TELEMETRY_ENABLED", "false")
    with molam(script) as client:
        client.request(RETRIEVE, NO_OPTIONS)
        client.request(RETRIEVE, NO_OPTIONS)
    assert all("molam-client-telemetry" not in h for h in script.headers)


def test_with_options_shares_the_pool_and_changes_per_request_settings() -> None:
    script = Script([], default=ok())
    parent = molam(script)
    child = parent.with_options(
        api_key="sk_test_otherkey12345678", molam_version="2026-01-01", region="eu-west", max_retries=0
    )
    assert child.http_client is parent.http_client
    assert child.hooks is parent.hooks and child.breakers is parent.breakers
    child.request(RETRIEVE, NO_OPTIONS)
    parent.request(RETRIEVE, NO_OPTIONS)
    assert script.headers[0]["authorization"] == "Bearer sk_test_otherkey12345678"
    assert script.headers[0]["molam-version"] == "2026-01-01"
    assert str(script.requests[0].url).startswith("https://eu-west.api.molam.com/")
    assert script.extensions[0]["molam_max_retries"] == 0
    assert script.headers[1]["authorization"] == f"Bearer {TEST_KEY}"
    child.close()
    assert not parent.http_client.is_closed
    parent.close()
    assert is_closed(parent.http_client)
    with pytest.raises(ConfigurationError):
        parent.with_options(client_cert="/x")
    with pytest.raises(ConfigurationError):
        parent.with_options(api_key="nope")


def test_default_headers() -> None:
    script = Script([], default=ok())
    with molam(script, default_headers={"X-Tenant": "t1"}) as client:
        client.with_options(default_headers={"X-Extra": "e"}).request(RETRIEVE, NO_OPTIONS)
    assert script.headers[0]["x-tenant"] == "t1" and script.headers[0]["x-extra"] == "e"


def test_callers_http_client_is_wrapped_and_kept() -> None:
    script = Script([], default=ok())
    mounted = Script([], default=ok())
    http_client = httpx.Client(
        transport=httpx.MockTransport(script),
        mounts={"https://eu-west.api.molam.com": httpx.MockTransport(mounted)},
        headers={"X-Team": "payments"},
    )
    client = Molam(TEST_KEY, http_client=http_client, retry_policy=FAST)
    assert client.http_client is http_client
    client.request(CREATE, NO_OPTIONS)
    client.with_options(region="eu-west").request(CREATE, NO_OPTIONS)
    assert script.headers[0]["x-team"] == "payments"
    assert script.headers[0]["idempotency-key"].startswith("molam_")
    assert mounted.headers[0]["idempotency-key"].startswith("molam_")
    client.close()
    assert not http_client.is_closed
    http_client.close()


def test_http_client_and_transport_are_exclusive() -> None:
    with pytest.raises(ConfigurationError):
        Molam(TEST_KEY, http_client=httpx.Client(), transport=httpx.MockTransport(lambda r: ok()))


def test_settings_object_or_arguments() -> None:
    settings = ClientSettings.resolve(api_key=TEST_KEY, environ={})
    with Molam(settings=settings, transport=httpx.MockTransport(lambda r: ok())) as client:
        assert client.settings is settings
    with pytest.raises(ConfigurationError):
        Molam(settings=settings, max_retries=2)


def test_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOLAM_API_KEY", TEST_KEY)
    monkeypatch.setenv("MOLAM_API_BASE", "http://127.0.0.1:1")
    with Molam(transport=httpx.MockTransport(lambda r: ok())) as client:
        assert client.settings.api_key == TEST_KEY
        assert client.settings.base_url == "http://127.0.0.1:1"


def test_repr_hides_the_key() -> None:
    client = molam(Script([]))
    assert TEST_KEY not in repr(client)
    assert "sk_test_...p7dc" in repr(client)
    client.close()


def broken_hook(event: ResponseEvent) -> None:
    raise ZeroDivisionError


def test_hooks_see_requests_and_responses() -> None:
    hooks = Hooks()
    seen: list[RequestEvent | ResponseEvent] = []
    hooks.on_request(seen.append)
    hooks.on_response(seen.append)
    hooks.on_response(broken_hook)  # a broken hook does not break the call
    script = Script([fail(503), ok(Molam_Request_Id="req_9")])
    with molam(script, hooks=hooks) as client:
        client.request(attrs.evolve(CREATE, headers={"Idempotency-Key": "k-1"}), NO_OPTIONS)
    request, response = seen
    assert isinstance(request, RequestEvent) and isinstance(response, ResponseEvent)
    assert (request.method, request.path, request.idempotency_key) == (
        "POST",
        "/v1/connect/payment_intents",
        "k-1",
    )
    assert (response.status, response.request_id, response.attempts) == (200, "req_9", 2)
    assert response.duration >= 0


def test_breaker_hook_via_client() -> None:
    clock = FakeClock()
    changes: list[BreakerStateChange] = []
    with molam(
        Script([], default=fail(502)),
        max_retries=0,
        circuit_breaker=BreakerConfig(failure_threshold=1, clock=clock),
    ) as client:
        client.hooks.on_breaker_state_change(changes.append)
        with pytest.raises(InternalServerError):
            client.request(RETRIEVE, NO_OPTIONS)
    assert [(c.host, c.old, c.new) for c in changes] == [("api.molam.com", "closed", "open")]


def test_with_raw_response_is_built_on_the_client() -> None:
    client = molam(Script([]))
    assert client.with_raw_response is client.with_raw_response
    assert client.with_raw_response._resources_requester is client
    client.close()


async def test_async_client_round_trip() -> None:
    script = Script([fail(500), ok(Molam_Request_Id="req_a")])
    async with amolam(script) as client:
        response = await client.request(CREATE, NO_OPTIONS)
        assert response.json()["id"] == "pi_123"
        copy = client.with_options(max_retries=0)
        assert copy.http_client is client.http_client
        await copy.close()
        assert not client.http_client.is_closed
    assert is_closed(client.http_client)
    assert script.calls == 2
    assert len({h["idempotency-key"] for h in script.headers}) == 1
    assert script.headers[0]["authorization"] == f"Bearer {TEST_KEY}"


async def test_async_errors_are_typed() -> None:
    async with amolam(Script([], default=httpx.ConnectTimeout("x")), max_retries=1) as client:
        with pytest.raises(APITimeoutError):
            await client.request(RETRIEVE, NO_OPTIONS)
    async with amolam(Script([fail(404)])) as client:
        with pytest.raises(Exception) as info:
            await client.request(RETRIEVE, NO_OPTIONS)
    assert type(info.value).__name__ == "NotFoundError"


async def test_async_callers_client_wrapped() -> None:
    script = Script([], default=ok())
    http_client = httpx.AsyncClient(transport=httpx.MockTransport(script), headers={"X-Team": "p"})
    client = AsyncMolam(TEST_KEY, http_client=http_client, retry_policy=FAST)
    await client.request(CREATE, NO_OPTIONS)
    await client.close()
    assert not http_client.is_closed
    assert script.headers[0]["x-team"] == "p" and "idempotency-key" in script.headers[0]
    await http_client.aclose()


def test_version_matches_the_package_metadata() -> None:
    from importlib import metadata

    assert molam_sdk_ext.__version__ == metadata.version("molam-sdk")


def test_a_callers_client_is_not_wrapped_twice() -> None:
    http_client = httpx.Client(transport=httpx.MockTransport(lambda r: ok()))
    first = Molam(TEST_KEY, http_client=http_client)
    with pytest.raises(ConfigurationError, match="with_options"):
        Molam(TEST_KEY, http_client=http_client)
    first.close()
    http_client.close()
