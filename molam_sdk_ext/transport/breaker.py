"""Circuit breaking: a pure per-host state machine, and thin sync/async httpx transports around it.

Rules (the same as the shared `molam_sdk_ext.stores.breaker_state` records, so in-process and shared breakers
behave alike):

- closed: server-side failures (5xx, connection errors, timeouts; never a 4xx, nor an error of the client's
  own making: a request it could not write, an attempt with no time left to send it) are counted in a window of
  `window` seconds that starts at the first failure; a success resets the count; `failure_threshold` failures
  open the breaker.
- open: every call fails at once with `CircuitOpenError(retry_in=...)` until `reset_timeout` has passed.
- half-open: exactly one call (the probe) goes through at a time; the others fail fast. The probe's success
  closes the breaker, its failure reopens it for another `reset_timeout`. A probe that never reports (its
  worker was cancelled) is given up after `reset_timeout`, and the next caller probes.

Defaults: 5 failures within 60 s open the breaker for 30 s.

The lock is held only while the state changes, never across the call, and the closed-state path takes no
lock at all: `acquire()` reads one attribute, `on_success()` another. Listeners run after the lock is released.
The async transport uses the same object through the ``*_async`` counterparts: for this in-process breaker
they run the sync methods inline (its critical sections never wait on I/O); a breaker whose state lives in a
store overrides them to run its store round trips off the event loop.
"""

from __future__ import annotations

import enum
import math
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import attrs
import httpx

from ..errors import APIConnectionError, CircuitOpenError
from ..observability.logs import get_logger
from .deadline import DeadlineExceeded, current_deadline

__all__ = [
    "AsyncCircuitBreakerTransport",
    "BreakerConfig",
    "BreakerRegistry",
    "BreakerState",
    "BreakerStateChange",
    "CircuitBreaker",
    "CircuitBreakerTransport",
    "host_key",
]

T = TypeVar("T")

_log = get_logger()


class BreakerState(enum.StrEnum):
    """The three states (string-valued: ``breaker.state == "open"`` works)."""

    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


_CLOSED = BreakerState.CLOSED
_OPEN = BreakerState.OPEN
_HALF_OPEN = BreakerState.HALF_OPEN


@attrs.frozen
class BreakerStateChange:
    """A breaker moved from `old` to `new` (`"closed"`, `"open"`, `"half_open"`); `failures` counted so far."""

    host: str
    old: BreakerState
    new: BreakerState
    failures: int


BreakerListener = Callable[[BreakerStateChange], None]


@attrs.frozen
class BreakerConfig:
    """Tuning of every breaker a client makes (one per host). `clock` is monotonic seconds, injectable."""

    failure_threshold: int = attrs.field(default=5, validator=attrs.validators.ge(1))
    window: float = attrs.field(default=60.0, validator=attrs.validators.gt(0))
    reset_timeout: float = attrs.field(default=30.0, validator=attrs.validators.gt(0))
    clock: Callable[[], float] = attrs.field(default=time.monotonic, eq=False, repr=False)


class CircuitBreaker:
    """The breaker of one host. Thread-safe; share one per host across threads and event loops.

    Use it as ``token = breaker.acquire()`` (raises `CircuitOpenError` when the call must not be made), then
    exactly one of ``on_success(token)``, ``on_failure(token)`` or ``release(token)`` (the call ended in a way
    that says nothing about the server, e.g. it was cancelled). `token` is 0 for an ordinary call and a
    positive number for the half-open probe.
    """

    __slots__ = (
        "_clock",
        "_failures",
        "_listeners",
        "_lock",
        "_next_token",
        "_opened_at",
        "_probe_started",
        "_probe_token",
        "_state",
        "_window_start",
        "failure_threshold",
        "host",
        "reset_timeout",
        "window",
    )

    def __init__(
        self,
        host: str = "default",
        *,
        failure_threshold: int = 5,
        window: float = 60.0,
        reset_timeout: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        listeners: list[BreakerListener] | None = None,
    ) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        self.host = host
        self.failure_threshold = failure_threshold
        self.window = window
        self.reset_timeout = reset_timeout
        self._clock = clock
        self._listeners: list[BreakerListener] = listeners if listeners is not None else []
        self._lock = threading.Lock()
        self._state: BreakerState = _CLOSED
        self._failures = 0
        self._window_start = -math.inf
        self._opened_at = -math.inf
        self._probe_token = 0
        self._probe_started = -math.inf
        self._next_token = 0

    @classmethod
    def from_config(
        cls, host: str, config: BreakerConfig, listeners: list[BreakerListener] | None = None
    ) -> CircuitBreaker:
        """A breaker for `host` tuned by `config`."""
        return cls(
            host,
            failure_threshold=config.failure_threshold,
            window=config.window,
            reset_timeout=config.reset_timeout,
            clock=config.clock,
            listeners=listeners,
        )

    @property
    def state(self) -> BreakerState:
        """`"closed"`, `"open"` or `"half_open"` (an open breaker past its timeout still says open until asked)."""
        return self._state

    @property
    def failures(self) -> int:
        """Failures counted in the current window (closed) or that opened the breaker."""
        return self._failures

    def retry_in(self) -> float:
        """Seconds until a call may be attempted (0 when closed or ready to probe)."""
        now = self._clock()
        with self._lock:
            return self._wait_locked(now)

    def add_listener(self, listener: BreakerListener) -> None:
        """Call `listener(BreakerStateChange)` after every state change."""
        self._listeners.append(listener)

    def acquire(self) -> int:
        """Ask to make a call: 0 for an ordinary call, a probe token when half-open; or raise `CircuitOpenError`."""
        if self._state is _CLOSED:
            return 0
        return self._acquire_slow()

    def on_success(self, token: int = 0) -> None:
        """The call got an answer that proves the server works (any status below 500)."""
        if token == 0 and self._failures == 0:
            return
        change = None
        with self._lock:
            if token == 0:
                if self._state is _CLOSED:
                    self._failures = 0
                    self._window_start = -math.inf
            elif token == self._probe_token and self._state is _HALF_OPEN:
                change = self._move_locked(_CLOSED)
                self._failures = 0
                self._window_start = -math.inf
                self._probe_token = 0
        if change is not None:
            self._emit(change)

    def on_failure(self, token: int = 0) -> None:
        """The call failed server-side: a 5xx, a connection error or a timeout."""
        now = self._clock()
        change = None
        with self._lock:
            if token == 0:
                # A late failure of a call sent before the breaker opened says nothing new.
                if self._state is _CLOSED:
                    if now - self._window_start >= self.window:
                        self._failures = 1
                        self._window_start = now
                    else:
                        self._failures += 1
                    if self._failures >= self.failure_threshold:
                        change = self._move_locked(_OPEN)
                        self._opened_at = now
            elif token == self._probe_token and self._state is _HALF_OPEN:
                change = self._move_locked(_OPEN)
                self._opened_at = now
                self._probe_token = 0
        if change is not None:
            self._emit(change)

    def release(self, token: int = 0) -> None:
        """The call ended without telling anything about the server: give the probe slot back."""
        if token == 0:
            return
        with self._lock:
            if token == self._probe_token:
                self._probe_token = 0

    # The async counterparts. The in-process state never waits on I/O, so these just run the sync methods
    # inline (no thread hop); breakers whose state lives elsewhere (`SharedCircuitBreaker`) override them to
    # keep their store round trips off the event loop.

    async def acquire_async(self) -> int:
        """`acquire()` for an event loop: never blocks it."""
        return self.acquire()

    async def on_success_async(self, token: int = 0) -> None:
        """`on_success(token)` for an event loop: never blocks it."""
        self.on_success(token)

    async def on_failure_async(self, token: int = 0) -> None:
        """`on_failure(token)` for an event loop: never blocks it."""
        self.on_failure(token)

    async def release_async(self, token: int = 0) -> None:
        """`release(token)` for an event loop: never blocks it."""
        self.release(token)

    def reset(self) -> None:
        """Force the breaker closed (an operator's override)."""
        with self._lock:
            change = self._move_locked(_CLOSED) if self._state is not _CLOSED else None
            self._failures = 0
            self._window_start = -math.inf
            self._probe_token = 0
        if change is not None:
            self._emit(change)

    def call(self, fn: Callable[[], T]) -> T:
        """Run `fn()` through the breaker, counting any exception as a failure (the generic form)."""
        token = self.acquire()
        try:
            result = fn()
        except BaseException:
            self.on_failure(token)
            raise
        self.on_success(token)
        return result

    def __repr__(self) -> str:
        return f"CircuitBreaker(host={self.host!r}, state={self._state!r}, failures={self._failures})"

    # -- internals -------------------------------------------------------------------------------------

    def _acquire_slow(self) -> int:
        now = self._clock()
        change = None
        with self._lock:
            state = self._state
            if state is _CLOSED:
                return 0
            if state is _OPEN:
                if now - self._opened_at < self.reset_timeout:
                    raise CircuitOpenError(self.host, self._opened_at + self.reset_timeout - now)
                change = self._move_locked(_HALF_OPEN)
            elif self._probe_token and now - self._probe_started < self.reset_timeout:
                raise CircuitOpenError(self.host, self._probe_started + self.reset_timeout - now)
            self._next_token += 1
            token = self._probe_token = self._next_token
            self._probe_started = now
        if change is not None:
            self._emit(change)
        return token

    def _wait_locked(self, now: float) -> float:
        if self._state is _OPEN:
            return max(0.0, self._opened_at + self.reset_timeout - now)
        if self._state is _HALF_OPEN and self._probe_token:
            return max(0.0, self._probe_started + self.reset_timeout - now)
        return 0.0

    def _move_locked(self, new: BreakerState) -> BreakerStateChange:
        old, self._state = self._state, new
        return BreakerStateChange(self.host, old, new, self._failures)

    def _emit(self, change: BreakerStateChange) -> None:
        _log.info(
            "molam circuit breaker %s: %s -> %s (failures=%d)",
            change.host,
            change.old,
            change.new,
            change.failures,
        )
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:
                # A broken listener must not break the payment call that happened to trigger it.
                _log.warning("molam breaker listener %r raised; ignored", listener, exc_info=True)


class BreakerRegistry:
    """One `CircuitBreaker` per host, made on first use with `config`; listeners are shared by all."""

    def __init__(self, config: BreakerConfig | None = None) -> None:
        self.config = config or BreakerConfig()
        self.listeners: list[BreakerListener] = []
        self._breakers: dict[str, CircuitBreaker] = {}
        self._lock = threading.Lock()

    def get(self, host: str) -> CircuitBreaker:
        """The breaker of `host` (made on first use)."""
        breaker = self._breakers.get(host)
        if breaker is None:
            with self._lock:
                breaker = self._breakers.get(host)
                if breaker is None:
                    breaker = CircuitBreaker.from_config(host, self.config, self.listeners)
                    self._breakers[host] = breaker
        return breaker

    def add_listener(self, listener: BreakerListener) -> None:
        """Call `listener` on every state change of every host's breaker."""
        self.listeners.append(listener)

    def breakers(self) -> dict[str, CircuitBreaker]:
        """A snapshot of the breakers made so far, by host."""
        return dict(self._breakers)


def host_key(url: httpx.URL) -> str:
    """The breaker key of a URL: host, plus the port when one is given (two local servers are two hosts)."""
    port = url.port
    return url.host if port is None else f"{url.host}:{port}"


#: Transport errors of the client's own making: the request could not be written as given
#: (`LocalProtocolError`, e.g. a header h11 refuses) or names a scheme nothing here speaks. They say nothing
#: about the server, so they never count against its breaker.
_LOCAL_ERRORS = (httpx.LocalProtocolError, httpx.UnsupportedProtocol)


def _is_server_failure(error: BaseException) -> bool:
    """True for what the breaker counts: the server failed to answer (connection errors, timeouts)."""
    return isinstance(error, httpx.TransportError | APIConnectionError) and not isinstance(
        error, _LOCAL_ERRORS
    )


def _refuse_if_out_of_time(request: httpx.Request) -> None:
    """Raise `DeadlineExceeded` when the call's deadline has already passed: the attempt is not sent, and the
    breaker is not asked (a timeout no server had any time to answer within is not the server's failure)."""
    current = current_deadline()
    if current is not None and current[1]() >= current[0]:
        raise DeadlineExceeded("The call's deadline passed before the attempt was sent.", request=request)


class CircuitBreakerTransport(httpx.BaseTransport):
    """Fails fast with `CircuitOpenError` while the target host's breaker is open; reports outcomes to it."""

    def __init__(self, inner: httpx.BaseTransport, registry: BreakerRegistry | None = None) -> None:
        self.inner = inner
        self.registry = registry or BreakerRegistry()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request` unless the breaker forbids it (or no time is left to send it)."""
        _refuse_if_out_of_time(request)
        breaker = self.registry.get(host_key(request.url))
        token = breaker.acquire()
        try:
            response = self.inner.handle_request(request)
        except BaseException as exc:
            if _is_server_failure(exc):
                breaker.on_failure(token)
            else:
                breaker.release(token)
            raise
        if response.status_code >= 500:
            breaker.on_failure(token)
        else:
            breaker.on_success(token)
        return response

    def close(self) -> None:
        """Close the wrapped transport."""
        self.inner.close()


class AsyncCircuitBreakerTransport(httpx.AsyncBaseTransport):
    """The async twin of `CircuitBreakerTransport`, sharing the same (thread-safe) breakers through their
    ``*_async`` methods (so a shared breaker's store I/O never blocks the event loop)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, registry: BreakerRegistry | None = None) -> None:
        self.inner = inner
        self.registry = registry or BreakerRegistry()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request` unless the breaker forbids it (or no time is left to send it)."""
        _refuse_if_out_of_time(request)
        breaker = self.registry.get(host_key(request.url))
        token = await breaker.acquire_async()
        try:
            response = await self.inner.handle_async_request(request)
        except BaseException as exc:
            if _is_server_failure(exc):
                await breaker.on_failure_async(token)
            else:
                await breaker.release_async(token)
            raise
        if response.status_code >= 500:
            await breaker.on_failure_async(token)
        else:
            await breaker.on_success_async(token)
        return response

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self.inner.aclose()
