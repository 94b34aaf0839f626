"""Per-call options (`timeout`, `max_retries`, ...) are checked like the constructor's, before anything is sent,
and they cannot stretch the client's total deadline; only the server's answers and failures reach the breaker.

Before these fixes `payment_intents.list(timeout=-1)` went through `float()`: every attempt "timed out" at once,
each counted as a server failure, and with ``MOLAM_STORE_URL=redis://...`` the shared breaker then refused a
healthy server to every other process. `timeout=float("nan")` raised `ValueError`, `float("inf")`
`OverflowError`; `list(timeout=12)` on a client with ``total_timeout=3`` waited 12 s on a dripping server.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from molam_sdk_ext import APITimeoutError, AsyncMolam, ConfigurationError, Molam, ValidationError
from molam_sdk_ext.transport.breaker import BreakerConfig, BreakerRegistry, CircuitBreakerTransport
from molam_sdk_ext.transport.deadline import reset_deadline, set_deadline
from tests.fixtures.hostile_server import HostileServer
from tests.support.transport import TEST_KEY

MARGIN = 3.0  # seconds past a bound still counted as "held" (a correctness bound, not a speed figure)

_PAGE = {"object": "list", "data": [], "has_more": False, "next_cursor": None}

#: Values no timeout may take, whether given to the constructor or to one call.
BAD_SECONDS: list[Any] = [
    -1,
    0,
    -0.5,
    math.nan,
    math.inf,
    -math.inf,
    True,
    "5",
    [1.0],
    1e300,  # finite, but past what a socket or a lock can wait (OverflowError deep in the stack)
]
#: Values no retry budget may take.
BAD_RETRIES: list[Any] = [-1, True, 1.5, "3", math.nan, object()]


def _value_id(value: Any) -> str:
    """The value's repr, but ``object()`` for a bare object: its repr holds an address, which differs between
    pytest-xdist workers, and workers must collect the same ids."""
    return "object()" if type(value) is object else repr(value)


class Counting:
    """A MockTransport handler answering an empty page and counting what reached it."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return httpx.Response(200, json=_PAGE)


@pytest.fixture
def counting() -> Counting:
    return Counting()


@pytest.fixture
def molam(counting: Counting) -> Iterator[Molam]:
    with Molam(TEST_KEY, transport=httpx.MockTransport(counting), telemetry=False) as client:
        yield client


@pytest.mark.parametrize("value", BAD_SECONDS, ids=repr)
def test_a_bad_timeout_is_refused_per_call_and_in_the_constructor(
    molam: Molam, counting: Counting, value: Any
) -> None:
    with pytest.raises(ConfigurationError) as info:
        molam.payment_intents.list(timeout=value)
    assert info.value.param == "timeout"
    for name in ("timeout", "total_timeout", "connect_timeout"):
        with pytest.raises(ConfigurationError) as built:
            Molam(TEST_KEY, transport=httpx.MockTransport(counting), **{name: value})
        assert built.value.param == name
    assert counting.calls == 0


@pytest.mark.parametrize(
    "value",
    [httpx.Timeout(-1), httpx.Timeout(5, read=math.nan), httpx.Timeout(5, pool=math.inf), httpx.Timeout(0)],
    ids=repr,
)
def test_a_bad_httpx_timeout_is_refused_per_call(
    molam: Molam, counting: Counting, value: httpx.Timeout
) -> None:
    with pytest.raises(ConfigurationError) as info:
        molam.payment_intents.retrieve("pi_1", timeout=value)
    assert info.value.param == "timeout"
    assert counting.calls == 0


@pytest.mark.parametrize("value", BAD_RETRIES, ids=_value_id)
def test_a_bad_retry_budget_is_refused_per_call_and_in_the_constructor(
    molam: Molam, counting: Counting, value: Any
) -> None:
    with pytest.raises(ConfigurationError) as info:
        molam.payment_intents.list(max_retries=value)
    assert info.value.param == "max_retries"
    with pytest.raises(ConfigurationError) as built:
        Molam(TEST_KEY, transport=httpx.MockTransport(counting), max_retries=value)
    assert built.value.param == "max_retries"
    assert counting.calls == 0


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"molam_version": "2025-01-15\r\nX-Injected: 1"}, "molam_version"),
        ({"molam_version": 20250115}, "molam_version"),
        ({"extra_headers": {"X-Note": "a\r\nb"}}, "extra_headers"),
        ({"extra_headers": {"X-Bad\n": "a"}}, "extra_headers"),
        ({"extra_headers": 5}, "extra_headers"),
        ({"extra_headers": {"X-Note": 5}}, "extra_headers"),
    ],
)
def test_bad_header_options_are_refused_before_sending(
    molam: Molam, counting: Counting, kwargs: dict[str, Any], param: str
) -> None:
    with pytest.raises(ValidationError) as info:
        molam.payment_intents.list(**kwargs)
    assert info.value.param == param
    assert counting.calls == 0


async def test_async_per_call_options_are_checked_by_the_same_function(counting: Counting) -> None:
    async with AsyncMolam(TEST_KEY, transport=httpx.MockTransport(counting), telemetry=False) as molam:
        for value in (-1, math.nan, math.inf):
            with pytest.raises(ConfigurationError) as info:
                await molam.payment_intents.list(timeout=value)
            assert info.value.param == "timeout"
        with pytest.raises(ConfigurationError) as info:
            await molam.payment_intents.list(max_retries=-1)
        assert info.value.param == "max_retries"
        with pytest.raises(ValidationError) as refused:
            await molam.payment_intents.list(extra_headers={"X": "a\nb"})
        assert refused.value.param == "extra_headers"
    assert counting.calls == 0


def test_a_good_per_call_timeout_still_applies(molam: Molam, counting: Counting) -> None:
    molam.payment_intents.list(timeout=2.5, max_retries=0)
    molam.payment_intents.list(timeout=httpx.Timeout(3.0, pool=None))
    assert counting.calls == 2


@pytest.mark.slow
def test_a_bad_per_call_timeout_leaves_a_shared_breaker_closed(sandbox: Any, redis_url: str) -> None:
    """Two clients sharing their breaker through Redis (as two processes would): one refuses its bad calls
    before sending, and the other keeps reaching the healthy server."""
    key = sandbox.new_api_key()
    options: dict[str, Any] = {"base_url": sandbox.url, "store_url": redis_url, "telemetry": False}
    config = BreakerConfig(failure_threshold=2, reset_timeout=60)
    with (
        Molam(key, circuit_breaker=config, **options) as careless,
        Molam(key, circuit_breaker=config, **options) as bystander,
    ):
        for value in (-1, 0, math.nan, math.inf):
            with pytest.raises(ConfigurationError):
                careless.payment_intents.list(timeout=value)
        for _ in range(3):  # valid but used up before anything is sent: a timeout, not a server failure
            with pytest.raises(APITimeoutError):
                careless.payment_intents.list(timeout=1e-300)
        with pytest.raises(ValidationError):
            careless.payment_intents.list(extra_headers={"X-Note": "a\r\nb"})
        assert bystander.payment_intents.list(limit=1).data is not None
        breakers = bystander.breakers
        assert breakers is not None
        (breaker,) = breakers.breakers().values()
        assert breaker.state == "closed" and breaker.failures == 0


class _Raising(httpx.BaseTransport):
    def __init__(self, error: Exception) -> None:
        self.error = error
        self.calls = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        raise self.error


@pytest.mark.parametrize(
    "error",
    [httpx.LocalProtocolError("Illegal header value"), httpx.UnsupportedProtocol("ftp")],
    ids=lambda e: type(e).__name__,
)
def test_errors_of_our_own_making_never_count_as_server_failures(error: Exception) -> None:
    registry = BreakerRegistry(BreakerConfig(failure_threshold=1))
    inner = _Raising(error)
    with httpx.Client(transport=CircuitBreakerTransport(inner, registry)) as http:
        for _ in range(3):
            with pytest.raises(type(error)):
                http.get("https://api.molam.com/v1/events")
    assert inner.calls == 3
    assert registry.get("api.molam.com").state == "closed"


def test_an_attempt_with_no_time_left_is_not_sent_nor_counted() -> None:
    registry = BreakerRegistry(BreakerConfig(failure_threshold=1))
    inner = _Raising(httpx.ConnectError("unreachable"))
    token = set_deadline(time.monotonic() - 1.0, time.monotonic)
    try:
        with (
            httpx.Client(transport=CircuitBreakerTransport(inner, registry)) as http,
            pytest.raises(httpx.TimeoutException),
        ):
            http.get("https://api.molam.com/v1/events")
    finally:
        reset_deadline(token)
    assert inner.calls == 0
    assert registry.get("api.molam.com").state == "closed"


@pytest.mark.slow
def test_a_per_call_timeout_never_raises_the_total_deadline(hostile_server: type[HostileServer]) -> None:
    """`total_timeout=3` bounds the call even when one call asks for `timeout=12` (before: 12 s)."""
    server = hostile_server("drip")
    with Molam(
        TEST_KEY, base_url=server.url, total_timeout=3, timeout=2, telemetry=False, circuit_breaker=False
    ) as molam:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            molam.payment_intents.list(timeout=12)
        elapsed = time.monotonic() - started
    assert 2.5 <= elapsed < 3 + MARGIN


@pytest.mark.slow
async def test_async_per_call_timeout_never_raises_the_total_deadline(
    hostile_server: type[HostileServer],
) -> None:
    server = hostile_server("drip_body")
    async with AsyncMolam(
        TEST_KEY, base_url=server.url, total_timeout=3, timeout=2, telemetry=False, circuit_breaker=False
    ) as molam:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            await molam.payment_intents.list(timeout=12, max_retries=0)
        elapsed = time.monotonic() - started
    assert 2.5 <= elapsed < 3 + MARGIN


def test_with_options_total_timeout_is_the_way_to_lengthen_a_call(molam: Molam, counting: Counting) -> None:
    """The one per-call way to change the bound: a copy with its own `total_timeout` (shares the pool)."""
    patient = molam.with_options(total_timeout=90)
    assert patient.settings.total_timeout == 90 and molam.settings.total_timeout == 60
    with pytest.raises(ConfigurationError) as info:
        molam.with_options(total_timeout=math.inf)
    assert info.value.param == "total_timeout"
