"""Every rule of the pure RetryPolicy, with injected randomness and wall clock."""

from __future__ import annotations

import email.utils

import httpx
import pytest

from molam_sdk_ext.errors import APIConnectionError
from molam_sdk_ext.transport.retry import RetryPolicy

NO_JITTER = RetryPolicy(jitter="none")


def headers(**values: str) -> httpx.Headers:
    return httpx.Headers({k.replace("_", "-"): v for k, v in values.items()})


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retryable_statuses(status: int) -> None:
    decision = NO_JITTER.decide("GET", 1, status=status)
    assert decision.retry
    assert decision.reason == f"status_{status}"


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 409, 422, 501])
def test_not_retryable_statuses(status: int) -> None:
    decision = NO_JITTER.decide("GET", 1, status=status)
    assert not decision.retry
    assert decision.reason == f"status_{status}_not_retryable"


@pytest.mark.parametrize("status", [200, 201, 204, 302])
def test_success_is_never_retried(status: int) -> None:
    assert not NO_JITTER.decide("POST", 1, status=status, has_idempotency_key=True).retry


def test_409_retried_only_with_should_retry_true() -> None:
    assert not NO_JITTER.decide("POST", 1, status=409, has_idempotency_key=True).retry
    decision = NO_JITTER.decide(
        "POST", 1, status=409, headers=headers(Molam_Should_Retry="true"), has_idempotency_key=True
    )
    assert decision.retry


def test_should_retry_false_forbids_even_a_503() -> None:
    decision = NO_JITTER.decide("GET", 1, status=503, headers=headers(Molam_Should_Retry="false"))
    assert not decision.retry
    assert decision.reason == "server_said_no"


def test_should_retry_true_allows_any_error_status() -> None:
    assert NO_JITTER.decide("GET", 1, status=400, headers=headers(Molam_Should_Retry="TRUE")).retry


def test_should_retry_garbage_is_ignored() -> None:
    assert NO_JITTER.decide("GET", 1, status=503, headers=headers(Molam_Should_Retry="maybe")).retry
    assert not NO_JITTER.decide("GET", 1, status=400, headers=headers(Molam_Should_Retry="maybe")).retry


@pytest.mark.parametrize(
    "error",
    [
        httpx.ConnectError("refused"),
        httpx.ReadError("reset"),
        httpx.WriteError("broken pipe"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.ConnectTimeout("slow"),
        httpx.ReadTimeout("slow"),
        httpx.PoolTimeout("busy"),
        APIConnectionError(),
    ],
)
def test_connection_errors_and_timeouts_are_retried(error: Exception) -> None:
    decision = NO_JITTER.decide("GET", 1, error=error)
    assert decision.retry
    expected = "timeout" if isinstance(error, httpx.TimeoutException) else "connection_error"
    assert decision.reason == expected


@pytest.mark.parametrize(
    "error",
    [httpx.UnsupportedProtocol("ftp"), httpx.LocalProtocolError("bad"), ValueError("bug"), KeyError("x")],
)
def test_local_errors_are_not_retried(error: Exception) -> None:
    decision = NO_JITTER.decide("GET", 1, error=error)
    assert not decision.retry
    assert decision.reason == "error_not_retryable"


@pytest.mark.parametrize("method", ["POST", "PATCH", "post"])
def test_post_without_idempotency_key_is_never_retried(method: str) -> None:
    for status, error in ((503, None), (429, None), (None, httpx.ConnectError("x"))):
        decision = NO_JITTER.decide(method, 1, status=status, error=error, has_idempotency_key=False)
        assert not decision.retry
        assert decision.reason == "no_idempotency_key"
    assert NO_JITTER.decide(method, 1, status=503, has_idempotency_key=True).retry


@pytest.mark.parametrize("method", ["GET", "DELETE", "HEAD", "PUT", "OPTIONS"])
def test_idempotent_methods_need_no_key(method: str) -> None:
    assert NO_JITTER.decide(method, 1, status=503).retry


def test_attempts_are_bounded() -> None:
    policy = RetryPolicy(max_retries=2, jitter="none")
    assert policy.decide("GET", 1, status=503).retry
    assert policy.decide("GET", 2, status=503).retry
    decision = policy.decide("GET", 3, status=503)
    assert not decision.retry
    assert decision.reason == "max_retries_exhausted"


def test_per_call_budget_overrides_the_policy() -> None:
    assert not NO_JITTER.decide("GET", 1, status=503, max_retries=0).retry
    assert NO_JITTER.decide("GET", 5, status=503, max_retries=9).retry


def test_exponential_backoff_capped_without_jitter() -> None:
    policy = RetryPolicy(
        max_retries=10, initial_delay=0.5, multiplier=2, max_delay=8, jitter="none", deadline=1e9
    )
    delays = [policy.decide("GET", n, status=503).delay for n in range(1, 8)]
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


def test_equal_jitter_stays_between_half_and_full() -> None:
    low = RetryPolicy(jitter="equal", random=lambda: 0.0)
    high = RetryPolicy(jitter="equal", random=lambda: 0.999999)
    assert low.backoff(3) == pytest.approx(1.0)
    assert high.backoff(3) == pytest.approx(2.0, rel=1e-5)


def test_full_jitter_spans_zero_to_nominal() -> None:
    assert RetryPolicy(jitter="full", random=lambda: 0.0).backoff(2) == 0.0
    assert RetryPolicy(jitter="full", random=lambda: 0.5).backoff(2) == pytest.approx(0.5)


def test_retry_after_seconds_replaces_backoff() -> None:
    decision = NO_JITTER.decide("GET", 1, status=429, headers=headers(Retry_After="3"))
    assert decision.retry
    assert decision.delay == 3.0
    assert decision.reason == "status_429_retry_after"


def test_retry_after_http_date_uses_the_wall_clock() -> None:
    now = 1_700_000_000.0
    policy = RetryPolicy(jitter="none", wall_clock=lambda: now)
    date = email.utils.formatdate(now + 7, usegmt=True)
    decision = policy.decide("GET", 1, status=503, headers=headers(Retry_After=date))
    assert decision.retry
    assert decision.delay == pytest.approx(7.0)


def test_retry_after_in_the_past_means_now() -> None:
    now = 1_700_000_000.0
    policy = RetryPolicy(jitter="none", wall_clock=lambda: now)
    date = email.utils.formatdate(now - 100, usegmt=True)
    assert policy.decide("GET", 1, status=503, headers=headers(Retry_After=date)).delay == 0.0


def test_retry_after_is_capped() -> None:
    policy = RetryPolicy(jitter="none", max_retry_after=60, deadline=1000)
    assert policy.decide("GET", 1, status=429, headers=headers(Retry_After="3600")).delay == 60.0


def test_invalid_retry_after_falls_back_to_backoff() -> None:
    decision = NO_JITTER.decide("GET", 1, status=429, headers=headers(Retry_After="soon"))
    assert decision.retry
    assert decision.delay == 0.5


def test_retry_after_never_past_the_deadline() -> None:
    policy = RetryPolicy(jitter="none", deadline=30)
    decision = policy.decide("GET", 1, status=503, headers=headers(Retry_After="20"), elapsed=15)
    assert not decision.retry
    assert decision.reason == "deadline_exceeded"
    assert policy.decide("GET", 1, status=503, headers=headers(Retry_After="20"), elapsed=5).retry


def test_deadline_stops_backoff_too() -> None:
    policy = RetryPolicy(jitter="none", deadline=10)
    assert not policy.decide("GET", 1, status=503, elapsed=9.6).retry
    assert policy.decide("GET", 1, status=503, elapsed=9.4).retry
    assert not policy.decide("GET", 1, status=503, elapsed=1, deadline=1.2).retry


def test_unreplayable_body_is_not_retried() -> None:
    decision = NO_JITTER.decide("POST", 1, status=503, has_idempotency_key=True, body_replayable=False)
    assert not decision.retry
    assert decision.reason == "body_not_replayable"


def test_decide_needs_an_outcome() -> None:
    with pytest.raises(ValueError):
        NO_JITTER.decide("GET", 1)


def test_defaults_are_documented_values() -> None:
    policy = RetryPolicy()
    assert (policy.max_retries, policy.initial_delay, policy.max_delay, policy.multiplier) == (
        3,
        0.5,
        8.0,
        2.0,
    )
    assert (policy.jitter, policy.max_retry_after, policy.deadline) == ("equal", 60.0, 60.0)


def test_invalid_configuration_is_refused() -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError):
        RetryPolicy(jitter="random")  # type: ignore[arg-type]
