"""The retry transport over httpx.MockTransport, with a fake clock: attempts, waits, headers, keys."""

from __future__ import annotations

import email.utils
from collections.abc import Iterator

import httpx
import pytest

from molam_sdk_ext.observability.hooks import Hooks
from molam_sdk_ext.transport.retry import (
    MAX_RETRIES_EXTENSION,
    AsyncRetryTransport,
    RetryEvent,
    RetryPolicy,
    RetryTransport,
)
from molam_sdk_ext.transport.stack import TransportStack
from tests.support.transport import FakeClock, Script, fail, ok

URL = "https://api.molam.com/v1/connect/payment_intents"


def stack_client(
    script: Script, clock: FakeClock, policy: RetryPolicy | None = None, hooks: Hooks | None = None
) -> httpx.Client:
    stack = TransportStack(
        policy=policy or RetryPolicy(jitter="none"),
        breakers=None,
        hooks=hooks or Hooks(),
        telemetry=None,
        sleep=clock.sleep,
        clock=clock,
    )
    return httpx.Client(transport=stack.wrap(httpx.MockTransport(script)))


def async_stack_client(
    script: Script, clock: FakeClock, policy: RetryPolicy | None = None
) -> httpx.AsyncClient:
    stack = TransportStack(
        policy=policy or RetryPolicy(jitter="none"),
        breakers=None,
        telemetry=None,
        async_sleep=clock.async_sleep,
        clock=clock,
    )
    return httpx.AsyncClient(transport=stack.wrap_async(httpx.MockTransport(script)))


def test_get_retried_until_success(clock: FakeClock) -> None:
    script = Script([fail(503), fail(502), ok()])
    with stack_client(script, clock) as client:
        response = client.get(URL)
    assert response.status_code == 200
    assert script.calls == 3
    assert clock.sleeps == [0.5, 1.0]
    assert [e["molam_attempt"] for e in script.extensions] == [1, 2, 3]


def test_post_gets_one_key_reused_on_every_attempt(clock: FakeClock) -> None:
    script = Script([fail(500), httpx.ConnectError("reset"), fail(429), ok()])
    with stack_client(script, clock) as client:
        response = client.post(
            URL, json={"amount": 15000, "currency": "XOF"}, headers={"Authorization": "Bearer k"}
        )
    assert response.status_code == 200
    keys = [h["idempotency-key"] for h in script.headers]
    assert len(keys) == 4
    assert len(set(keys)) == 1
    assert keys[0].startswith("molam_") and len(keys[0]) == len("molam_") + 32
    assert all(h["authorization"] == "Bearer k" for h in script.headers)
    assert len(set(script.bodies)) == 1
    assert script.bodies[0] == b'{"amount":15000,"currency":"XOF"}'


def test_callers_key_wins(clock: FakeClock) -> None:
    script = Script([fail(503), ok()])
    with stack_client(script, clock) as client:
        client.post(URL, json={}, headers={"Idempotency-Key": "order-1042"})
    assert [h["idempotency-key"] for h in script.headers] == ["order-1042", "order-1042"]


def test_each_logical_post_gets_its_own_key(clock: FakeClock) -> None:
    script = Script([], default=ok())
    with stack_client(script, clock) as client:
        client.post(URL, json={})
        client.post(URL, json={})
    assert script.headers[0]["idempotency-key"] != script.headers[1]["idempotency-key"]


def test_get_gets_no_key(clock: FakeClock) -> None:
    script = Script([ok()])
    with stack_client(script, clock) as client:
        client.get(URL)
    assert "idempotency-key" not in script.headers[0]


def test_post_without_key_is_never_retried(clock: FakeClock) -> None:
    # Without the idempotency layer: a bare retry transport must refuse to repeat a keyless POST.
    script = Script([fail(503), ok()])
    transport = RetryTransport(
        httpx.MockTransport(script), RetryPolicy(jitter="none"), sleep=clock.sleep, clock=clock
    )
    with httpx.Client(transport=transport) as client:
        assert client.post(URL, json={}).status_code == 503
        with pytest.raises(httpx.ConnectError):
            script.steps = [httpx.ConnectError("refused"), ok()]
            client.post(URL, json={})
    assert script.calls == 2
    assert clock.sleeps == []


def test_budget_exhausted_returns_last_response(clock: FakeClock) -> None:
    script = Script([], default=fail(503))
    with stack_client(script, clock, RetryPolicy(jitter="none", max_retries=3)) as client:
        response = client.get(URL)
    assert response.status_code == 503
    assert script.calls == 4
    assert clock.sleeps == [0.5, 1.0, 2.0]


def test_budget_exhausted_raises_last_error(clock: FakeClock) -> None:
    script = Script([], default=httpx.ReadTimeout("slow"))
    with (
        stack_client(script, clock, RetryPolicy(jitter="none", max_retries=2)) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        client.get(URL)
    assert script.calls == 3


def test_per_call_max_retries_extension(clock: FakeClock) -> None:
    script = Script([], default=fail(503))
    with stack_client(script, clock) as client:
        request = client.build_request("GET", URL, extensions={MAX_RETRIES_EXTENSION: 0})
        assert client.send(request).status_code == 503
        assert script.calls == 1
        request = client.build_request("GET", URL, extensions={MAX_RETRIES_EXTENSION: 1})
        client.send(request)
    assert script.calls == 3


def test_retry_after_seconds(clock: FakeClock) -> None:
    script = Script([fail(429, Retry_After="2"), fail(503, Retry_After="0"), ok()])
    with stack_client(script, clock) as client:
        client.get(URL)
    assert clock.sleeps == [2.0, 0.0]


def test_retry_after_http_date(clock: FakeClock) -> None:
    wall = 1_750_000_000.0
    date = email.utils.formatdate(wall + 5, usegmt=True)
    script = Script([fail(503, Retry_After=date), ok()])
    with stack_client(script, clock, RetryPolicy(jitter="none", wall_clock=lambda: wall)) as client:
        client.get(URL)
    assert clock.sleeps == [pytest.approx(5.0)]


def test_should_retry_false_stops_at_once(clock: FakeClock) -> None:
    script = Script([fail(503, Molam_Should_Retry="false"), ok()])
    with stack_client(script, clock) as client:
        assert client.get(URL).status_code == 503
    assert script.calls == 1


def test_409_in_flight_is_retried_with_the_same_key(clock: FakeClock) -> None:
    script = Script([fail(409, Molam_Should_Retry="true"), ok()])
    with stack_client(script, clock) as client:
        assert client.post(URL, json={}).status_code == 200
    assert script.calls == 2
    assert script.headers[0]["idempotency-key"] == script.headers[1]["idempotency-key"]


def test_plain_409_and_4xx_are_not_retried(clock: FakeClock) -> None:
    for status in (400, 401, 404, 409, 422):
        script = Script([fail(status), ok()])
        with stack_client(script, clock) as client:
            assert client.post(URL, json={}).status_code == status
        assert script.calls == 1


def test_deadline_bounds_total_time_and_shrinks_attempt_timeouts(clock: FakeClock) -> None:
    script = Script([], default=fail(503))
    policy = RetryPolicy(jitter="none", max_retries=10, deadline=2.0)
    with stack_client(script, clock, policy) as client:
        assert client.get(URL, timeout=30.0).status_code == 503
    # t=0 fail, wait 0.5; t=0.5 fail, wait 1; t=1.5 fail, next wait 2 would end past the deadline.
    assert script.calls == 3
    assert clock.sleeps == [0.5, 1.0]
    reads = [e["timeout"]["read"] for e in script.extensions]
    assert reads == [pytest.approx(2.0), pytest.approx(1.5), pytest.approx(0.5)]


def test_discarded_responses_are_read_and_closed(clock: FakeClock) -> None:
    closed: list[bool] = []

    class Body(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            yield b'{"error": {}}'

        def close(self) -> None:
            closed.append(True)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, stream=Body())

    script = Script([answer, answer, ok()])
    with stack_client(script, clock) as client:
        client.get(URL)
    assert closed == [True, True]


def test_generator_body_is_not_retried(clock: FakeClock) -> None:
    script = Script([fail(503), ok()])
    with stack_client(script, clock) as client:
        response = client.post(URL, content=iter([b"chunk"]), headers={"Idempotency-Key": "k"})
    assert response.status_code == 503
    assert script.calls == 1


def test_retry_hooks_fire_with_reason_and_delay(clock: FakeClock) -> None:
    events: list[RetryEvent] = []
    hooks = Hooks()
    hooks.on_retry(events.append)
    script = Script([fail(503), httpx.ConnectError("refused"), ok()])
    with stack_client(script, clock, hooks=hooks) as client:
        client.get(URL + "?limit=3")
    assert [(e.attempt, e.reason, e.status, e.error, e.delay) for e in events] == [
        (1, "status_503", 503, None, 0.5),
        (2, "connection_error", None, "ConnectError", 1.0),
    ]
    assert events[0].request_id == "req_503"
    assert events[0].url == URL


async def test_async_retries_share_the_same_decisions(clock: FakeClock) -> None:
    script = Script([fail(503), httpx.ConnectError("x"), fail(429, Retry_After="3"), ok()])
    async with async_stack_client(script, clock) as client:
        response = await client.post(URL, json={"amount": 1})
    assert response.status_code == 200
    assert script.calls == 4
    assert clock.sleeps == [0.5, 1.0, 3.0]
    assert len({h["idempotency-key"] for h in script.headers}) == 1


async def test_async_budget_and_should_retry(clock: FakeClock) -> None:
    script = Script([], default=fail(500))
    async with async_stack_client(script, clock, RetryPolicy(jitter="none", max_retries=1)) as client:
        assert (await client.get(URL)).status_code == 500
    assert script.calls == 2
    script = Script([fail(503, Molam_Should_Retry="false")])
    async with async_stack_client(script, clock) as client:
        assert (await client.get(URL)).status_code == 503
    assert script.calls == 1


async def test_async_keyless_post_not_retried(clock: FakeClock) -> None:
    script = Script([httpx.ConnectError("x"), ok()])
    transport = AsyncRetryTransport(
        httpx.MockTransport(script), RetryPolicy(jitter="none"), sleep=clock.async_sleep, clock=clock
    )
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(httpx.ConnectError):
            await client.post(URL, json={})
    assert script.calls == 1


async def test_async_discarded_responses_closed(clock: FakeClock) -> None:
    closed: list[bool] = []

    class Body(httpx.AsyncByteStream):
        async def __aiter__(self):  # type: ignore[no-untyped-def]
            yield b"{}"

        async def aclose(self) -> None:
            closed.append(True)

    script = Script([lambda r: httpx.Response(502, stream=Body()), ok()])
    async with async_stack_client(script, clock) as client:
        await client.get(URL)
    assert closed == [True]
