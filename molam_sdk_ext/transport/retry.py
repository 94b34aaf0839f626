"""Retries: a pure `RetryPolicy` that decides, and thin sync/async httpx transports that obey it.

Defaults (chosen for a payments API, where a duplicate is worse than a slow answer):

- ``max_retries=3``: at most 4 attempts per logical call.
- backoff ``0.5 s * 2 ** (attempt - 1)`` capped at ``8 s``, with "equal" jitter (half fixed, half random), so a
  retry never comes back sooner than half the nominal delay yet workers do not retry in lock-step.
- ``Retry-After`` (seconds or an HTTP date) replaces the backoff when present, capped at ``60 s``.
- ``deadline=60 s`` of total time per logical call, attempts, waits and body reads included; no retry is
  scheduled past it. It is a wall-clock bound, held on every socket operation and between body chunks
  (`molam_sdk_ext.transport.deadline`): a server that trickles bytes cannot stretch it. Each attempt is also
  bounded by its own read timeout (the client's ``timeout``) as a whole, not per byte.

Retried: connection errors, timeouts, 408, 429, 500, 502, 503, 504, and 409 only when the server says
``Molam-Should-Retry: true`` (its twin request is still in flight). ``Molam-Should-Retry: false`` forbids any
retry; ``true`` allows one whatever the status. A POST (or PATCH) without an ``Idempotency-Key`` is never retried:
the server could have done the work already.
"""

from __future__ import annotations

import random
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Literal

import attrs
import httpx

from ..errors import APIConnectionError, parse_retry_after, parse_should_retry
from .body import aread_body, read_body
from .deadline import DeadlineExceeded, reset_deadline, set_deadline
from .idempotency_key import IDEMPOTENCY_KEY_EXTENSION
from .layer import AsyncLayer, Layer

__all__ = [
    "ATTEMPT_EXTENSION",
    "DEADLINE_EXTENSION",
    "MAX_RETRIES_EXTENSION",
    "AsyncRetryTransport",
    "RetryDecision",
    "RetryEvent",
    "RetryPolicy",
    "RetryTransport",
]

#: Request extension where the retry transport writes the number of the attempt being sent (1-based).
ATTEMPT_EXTENSION = "molam_attempt"
#: Request extension overriding the policy's retry budget for one call (set by the client from its options).
MAX_RETRIES_EXTENSION = "molam_max_retries"
#: Request extension overriding the policy's total deadline (seconds) for one call.
DEADLINE_EXTENSION = "molam_deadline"

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
#: Methods that may repeat without an idempotency key (RFC 9110 idempotent methods).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})

Jitter = Literal["full", "equal", "none"]


@attrs.frozen
class RetryDecision:
    """What to do after one attempt: retry after `delay` seconds, or stop; `reason` says why (stable code)."""

    retry: bool
    delay: float
    reason: str


_STOP_OK = RetryDecision(False, 0.0, "success")


def _is_retryable_error(error: BaseException) -> bool:
    # TimeoutException covers connect/read/write/pool timeouts; NetworkError covers refused, reset and dropped
    # connections; RemoteProtocolError is "server disconnected without a response". Local mistakes
    # (UnsupportedProtocol, LocalProtocolError, InvalidURL) would fail the same way again.
    return isinstance(
        error, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError | APIConnectionError
    )


@attrs.frozen
class RetryPolicy:
    """When to retry and how long to wait: pure, so sync and async clients share every decision.

    `random` (returns a float in [0, 1)) and `wall_clock` (unix seconds, for HTTP-date `Retry-After`) are
    injectable for tests.
    """

    max_retries: int = attrs.field(default=3, validator=attrs.validators.ge(0))
    initial_delay: float = attrs.field(default=0.5, validator=attrs.validators.ge(0))
    max_delay: float = attrs.field(default=8.0, validator=attrs.validators.ge(0))
    multiplier: float = attrs.field(default=2.0, validator=attrs.validators.ge(1))
    jitter: Jitter = attrs.field(default="equal", validator=attrs.validators.in_(("full", "equal", "none")))
    max_retry_after: float = attrs.field(default=60.0, validator=attrs.validators.ge(0))
    deadline: float = attrs.field(default=60.0, validator=attrs.validators.gt(0))
    random: Callable[[], float] = attrs.field(default=random.random, eq=False, repr=False)
    wall_clock: Callable[[], float] = attrs.field(default=time.time, eq=False, repr=False)

    def backoff(self, attempt: int) -> float:
        """The jittered delay after failed attempt number `attempt` (1-based), before the next one."""
        nominal = min(self.max_delay, self.initial_delay * self.multiplier ** max(0, attempt - 1))
        if self.jitter == "full":
            return nominal * self.random()
        if self.jitter == "equal":
            half = nominal / 2.0
            return half + half * self.random()
        return nominal

    def retry_after(self, headers: Mapping[str, str] | None) -> float | None:
        """Seconds the server asked us to wait (`Retry-After` as seconds or an HTTP date), or None."""
        if not headers:
            return None
        return parse_retry_after(headers.get("retry-after"), now=self.wall_clock())

    def decide(
        self,
        method: str,
        attempt: int,
        *,
        status: int | None = None,
        error: BaseException | None = None,
        headers: Mapping[str, str] | None = None,
        elapsed: float = 0.0,
        has_idempotency_key: bool = False,
        max_retries: int | None = None,
        deadline: float | None = None,
        body_replayable: bool = True,
    ) -> RetryDecision:
        """Decide whether attempt number `attempt` (1-based), which ended in `status` or `error`, is retried.

        `headers` are the response headers (case-insensitive mapping such as `httpx.Headers`), `elapsed` the
        seconds since the first attempt started. `max_retries` and `deadline` override the policy's for one call.
        """
        if error is None:
            if status is None:
                raise ValueError("decide() needs a status or an error")
            if status < 400:
                return _STOP_OK
            hint = parse_should_retry(headers)
            if hint is False:
                return RetryDecision(False, 0.0, "server_said_no")
            if hint is not True and status not in RETRYABLE_STATUSES:
                return RetryDecision(False, 0.0, f"status_{status}_not_retryable")
            reason = f"status_{status}"
        else:
            if not _is_retryable_error(error):
                return RetryDecision(False, 0.0, "error_not_retryable")
            reason = "timeout" if isinstance(error, httpx.TimeoutException) else "connection_error"

        if method.upper() not in IDEMPOTENT_METHODS and not has_idempotency_key:
            return RetryDecision(False, 0.0, "no_idempotency_key")
        if not body_replayable:
            return RetryDecision(False, 0.0, "body_not_replayable")
        budget = self.max_retries if max_retries is None else max_retries
        if attempt > budget:
            return RetryDecision(False, 0.0, "max_retries_exhausted")

        asked = self.retry_after(headers) if error is None else None
        if asked is not None:
            delay = min(asked, self.max_retry_after)
            reason += "_retry_after"
        else:
            delay = self.backoff(attempt)
        limit = self.deadline if deadline is None else deadline
        if elapsed + delay >= limit:
            return RetryDecision(False, delay, "deadline_exceeded")
        return RetryDecision(True, delay, reason)


@attrs.frozen
class RetryEvent:
    """A retry about to happen: attempt `attempt` failed with `status` or `error`; the next one is in `delay` s."""

    method: str
    url: str
    attempt: int
    delay: float
    reason: str
    status: int | None
    error: str | None
    request_id: str | None


RetryListener = Callable[[RetryEvent], None]


class _RetryLoop:
    """Per-call bookkeeping shared by the sync and async transports (only waiting and I/O differ).

    Kept cheap for the common case of one successful attempt: anything only a retry decision needs (is there
    an idempotency key, can the body be sent again) is looked up when a decision is due.
    """

    __slots__ = (
        "_clock",
        "_on_retry",
        "_original_timeouts",
        "_replayable",
        "_token",
        "attempt",
        "budget",
        "deadline",
        "policy",
        "request",
        "start",
    )

    def __init__(
        self,
        policy: RetryPolicy,
        request: httpx.Request,
        clock: Callable[[], float],
        on_retry: RetryListener | None,
    ) -> None:
        self.policy = policy
        self.request = request
        self._clock = clock
        self._on_retry = on_retry
        self.attempt = 0
        self.start = clock()
        ext = request.extensions
        self.budget: int = ext.get(MAX_RETRIES_EXTENSION, policy.max_retries)
        self.deadline: float = ext.get(DEADLINE_EXTENSION, policy.deadline)
        self._original_timeouts = ext.get("timeout")
        # Judged before the first attempt: httpx keeps JSON/bytes bodies as a ByteStream that can be sent
        # again, while a generator body is used up by sending it.
        self._replayable = isinstance(request.stream, httpx.ByteStream)
        self._token: Any = None

    def __enter__(self) -> _RetryLoop:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.finish()

    def start_attempt(self) -> None:
        """Count the attempt about to be sent and bound it by the deadline (and its own read timeout)."""
        self.attempt += 1
        self.before_attempt(self.attempt, self._clock())

    def after_error(self, error: Exception) -> float:
        """The wait before the next attempt, when the attempt failed with `error` (being handled); when it is
        not to be retried, raises it (or `DeadlineExceeded` when the call ran out of time)."""
        attempt = self.attempt
        decision = self.decide(attempt, self._clock(), error=error)
        if not decision.retry:
            final = self.final_error(error, decision)
            if final is error:
                raise error
            raise final from error
        _notify(self._on_retry, self.event(attempt, decision, error=error))
        return decision.delay

    def after_response(self, response: httpx.Response) -> float | None:
        """The wait before the next attempt, when `response` is to be retried; None when it is the answer."""
        if response.status_code < 400:
            return None
        attempt = self.attempt
        decision = self.decide(attempt, self._clock(), status=response.status_code, headers=response.headers)
        if not decision.retry:
            return None
        _notify(self._on_retry, self.event(attempt, decision, response=response))
        return decision.delay

    def before_attempt(self, attempt: int, now: float) -> None:
        extensions = self.request.extensions
        extensions[ATTEMPT_EXTENSION] = attempt
        timeouts = self._original_timeouts
        # The attempt's wall-clock deadline: the call's, or sooner the attempt's own read timeout as a whole
        # (httpx's read timeout alone restarts on every byte received).
        at = self.start + self.deadline
        per_attempt = timeouts.get("read") if isinstance(timeouts, dict) else None
        if per_attempt is not None and now + per_attempt < at:
            at = now + per_attempt
        token = set_deadline(at, self._clock)
        if self._token is None:
            self._token = token
        if not isinstance(timeouts, dict):
            return
        left = self.deadline - (now - self.start)
        # Shorten the attempt's timeouts to what is left of the deadline (nothing to do when all fit).
        for value in timeouts.values():
            if value is None or value > left:
                left = max(0.001, left)
                extensions["timeout"] = {
                    k: (left if v is None or v > left else v) for k, v in timeouts.items()
                }
                return
        if attempt > 1:
            extensions["timeout"] = timeouts

    def finish(self) -> None:
        """Restore the deadline that was in force before this call (none, outside a Molam call)."""
        if self._token is not None:
            reset_deadline(self._token)
            self._token = None

    def final_error(self, error: Exception, decision: RetryDecision) -> Exception:
        """What to raise when `error` ended the call: a timeout that used up the call's total time says so."""
        if (
            decision.reason == "deadline_exceeded"
            and isinstance(error, httpx.TimeoutException)
            and not isinstance(error, DeadlineExceeded)
        ):
            return DeadlineExceeded(
                f"The call did not complete within its total deadline of {self.deadline:g} s "
                f"({type(error).__name__}).",
                request=self.request,
            )
        return error

    def has_idempotency_key(self) -> bool:
        request = self.request
        return IDEMPOTENCY_KEY_EXTENSION in request.extensions or "idempotency-key" in request.headers

    def decide(
        self,
        attempt: int,
        now: float,
        *,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        error: BaseException | None = None,
    ) -> RetryDecision:
        return self.policy.decide(
            self.request.method,
            attempt,
            status=status,
            error=error,
            headers=headers,
            elapsed=now - self.start,
            has_idempotency_key=self.has_idempotency_key(),
            max_retries=self.budget,
            deadline=self.deadline,
            body_replayable=self._replayable,
        )

    def event(
        self,
        attempt: int,
        decision: RetryDecision,
        *,
        response: httpx.Response | None = None,
        error: BaseException | None = None,
    ) -> RetryEvent:
        return RetryEvent(
            method=self.request.method,
            url=str(self.request.url.copy_with(query=None)),
            attempt=attempt,
            delay=decision.delay,
            reason=decision.reason,
            status=None if response is None else response.status_code,
            error=None if error is None else type(error).__name__,
            request_id=None if response is None else response.headers.get("molam-request-id"),
        )


def _notify(listener: RetryListener | None, event: RetryEvent) -> None:
    if listener is not None:
        listener(event)


class RetryTransport(Layer):
    """Sends through `inner`, retrying as `policy` decides, sleeping with `sleep` (injectable for tests).

    The same `httpx.Request` (hence the same `Idempotency-Key`) is sent on every attempt. A per-call budget
    can be set with the `MAX_RETRIES_EXTENSION` request extension (0 disables retries for that call).
    """

    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        on_retry: RetryListener | None = None,
    ) -> None:
        self.inner = inner
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self._clock = clock
        self._on_retry = on_retry

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, retrying retryable failures; return the last response or raise the last error."""
        with _RetryLoop(self.policy, request, self._clock, self._on_retry) as loop:
            while True:
                loop.start_attempt()
                try:
                    response = self.inner.handle_request(request)
                    # Read here, under the deadline and the size cap (a discarded answer is drained too, so
                    # its connection goes back to the pool).
                    read_body(response, request)
                except Exception as exc:
                    self._sleep(loop.after_error(exc))
                    continue
                delay = loop.after_response(response)
                if delay is None:
                    return response
                self._sleep(delay)


class AsyncRetryTransport(AsyncLayer):
    """The async twin of `RetryTransport`: same policy and bookkeeping, waits with `asyncio.sleep`."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy | None = None,
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        clock: Callable[[], float] = time.monotonic,
        on_retry: RetryListener | None = None,
    ) -> None:
        if sleep is None:
            import asyncio  # here, not at module level: sync-only programs need not import asyncio

            sleep = asyncio.sleep
        self.inner = inner
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self._clock = clock
        self._on_retry = on_retry

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, retrying retryable failures; return the last response or raise the last error."""
        with _RetryLoop(self.policy, request, self._clock, self._on_retry) as loop:
            while True:
                loop.start_attempt()
                try:
                    response = await self.inner.handle_async_request(request)
                    await aread_body(response, request)
                except Exception as exc:
                    await self._sleep(loop.after_error(exc))
                    continue
                delay = loop.after_response(response)
                if delay is None:
                    return response
                await self._sleep(delay)
