"""Circuit breaking: a pure per-host state machine, and thin sync/async httpx transports around it.

Rules, written once as pure transitions of a `BreakerRecord` (`on_success`, `on_failure`, `on_probe_request`,
`on_release`): `CircuitBreaker` applies them under its lock, the shared stores
(`molam_sdk_ext.stores.breaker_state`) atomically, so in-process and shared breakers behave alike:

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
lock at all: `acquire()` reads the record's state, `on_success()` its failure count. Listeners run after the lock is released.
The async transport uses the same object through the ``*_async`` counterparts: for this in-process breaker
they run the sync methods inline (its critical sections never wait on I/O); a breaker whose state lives in a
store overrides them to run its store round trips off the event loop.
"""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import httpx

from ..errors import APIConnectionError, CircuitOpenError, check_at_least
from ..observability.logs import get_logger
from .deadline import DeadlineExceeded, current_deadline
from .layer import AsyncLayer, Layer

__all__ = [
    "CLOSED",
    "AsyncCircuitBreakerTransport",
    "BreakerConfig",
    "BreakerRecord",
    "BreakerRegistry",
    "BreakerState",
    "BreakerStateChange",
    "CircuitBreaker",
    "CircuitBreakerTransport",
    "host_key",
    "on_failure",
    "on_probe_request",
    "on_release",
    "on_success",
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


@attrs.frozen
class BreakerStateChange:
    """A breaker moved from `old` to `new` (`"closed"`, `"open"`, `"half_open"`); `failures` counted so far."""

    host: str
    old: BreakerState
    new: BreakerState
    failures: int


@attrs.frozen
class BreakerRecord:
    """The state of one host's breaker (times from the breaker's clock: monotonic in process, unix seconds in a
    shared store). The transitions below are the one implementation of the rules, applied by `CircuitBreaker`
    under its lock and by the stores (`molam_sdk_ext.stores.breaker_state`) atomically."""

    state: BreakerState = BreakerState.CLOSED
    failures: int = 0
    window_started_at: float | None = None
    opened_at: float | None = None
    probe_token: str | None = None
    probe_started_at: float | None = None

    @property
    def probe_in_flight(self) -> bool:
        """Whether a half-open probe has been granted and not yet reported."""
        return self.probe_token is not None

    def retry_in(self, reset_timeout: float, now: float) -> float:
        """Seconds until the breaker may let a call through: the cool-down of an open breaker, or the lease
        of an in-flight probe when half-open (0 when closed or when a probe may be granted now)."""
        if self.state is BreakerState.OPEN and self.opened_at is not None:
            return max(0.0, self.opened_at + reset_timeout - now)
        if (
            self.state is BreakerState.HALF_OPEN
            and self.probe_started_at is not None
            and self.probe_in_flight
        ):
            return max(0.0, self.probe_started_at + reset_timeout - now)
        return 0.0


CLOSED = BreakerRecord()
"""A closed breaker with nothing counted (the state of a host never seen)."""


def _is_the_probe(record: BreakerRecord, probe: str | None) -> bool:
    return probe is not None and probe == record.probe_token


def on_success(record: BreakerRecord, probe: str | None = None) -> BreakerRecord:
    """The record after a successful call (``probe``: the call's probe token, if it was the probe)."""
    if record.state is BreakerState.OPEN:
        return record
    if record.state is BreakerState.HALF_OPEN and not _is_the_probe(record, probe):
        return record
    return CLOSED


def on_failure(
    record: BreakerRecord, *, threshold: int, window: float, now: float, probe: str | None = None
) -> BreakerRecord:
    """The record after a server-side failure (``probe``: the call's probe token, if it was the probe)."""
    if record.state is BreakerState.OPEN:
        return record
    if record.state is BreakerState.HALF_OPEN:
        if not _is_the_probe(record, probe):
            return record
        return BreakerRecord(BreakerState.OPEN, failures=record.failures, opened_at=now)
    if record.window_started_at is None or now - record.window_started_at >= window:
        failures, started = 1, now
    else:
        failures, started = record.failures + 1, record.window_started_at
    if failures >= threshold:
        return BreakerRecord(BreakerState.OPEN, failures=failures, window_started_at=started, opened_at=now)
    return BreakerRecord(BreakerState.CLOSED, failures=failures, window_started_at=started)


def on_probe_request(
    record: BreakerRecord, *, reset_timeout: float, now: float, token: str
) -> tuple[bool, BreakerRecord]:
    """Whether a probe is granted to ``token``, and the record after the request."""
    if record.state is BreakerState.OPEN:
        if record.opened_at is not None and now - record.opened_at < reset_timeout:
            return False, record
    elif record.state is BreakerState.HALF_OPEN:
        started = record.probe_started_at
        if record.probe_in_flight and started is not None and now - started < reset_timeout:
            return False, record
    else:
        return False, record
    granted = attrs.evolve(record, state=BreakerState.HALF_OPEN, probe_token=token, probe_started_at=now)
    return True, granted


def on_release(record: BreakerRecord, probe: str) -> BreakerRecord:
    """The record after the probe ``probe`` gave its slot back (only the current probe's release counts)."""
    if record.state is BreakerState.HALF_OPEN and _is_the_probe(record, probe):
        return attrs.evolve(record, probe_token=None, probe_started_at=None)
    return record


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
        "_record",
        "_state",
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
        check_at_least(1, "failure_threshold must be at least 1", failure_threshold)
        self.host = host
        self.failure_threshold = failure_threshold
        self.window = window
        self.reset_timeout = reset_timeout
        self._clock = clock
        self._listeners: list[BreakerListener] = listeners if listeners is not None else []
        self._lock = threading.Lock()
        # Replaced as a whole under the lock (a frozen record). Its state and failure count are mirrored in
        # two slots of their own, set with it in `_apply_locked`: the closed-state fast path reads one slot
        # per call, as cheap as a breaker without a record (an attribute of the record costs a third more).
        self._record = CLOSED
        self._state = CLOSED.state
        self._failures = 0
        self._next_token = 0

    @classmethod
    def from_config(
        cls, host: str, config: BreakerConfig, listeners: list[BreakerListener] | None = None, **options: Any
    ) -> CircuitBreaker:
        """A breaker for `host` tuned by `config` (`options`: a subclass's own keyword arguments)."""
        return cls(
            host,
            failure_threshold=config.failure_threshold,
            window=config.window,
            reset_timeout=config.reset_timeout,
            clock=config.clock,
            listeners=listeners,
            **options,
        )

    @property
    def state(self) -> BreakerState:
        """`"closed"`, `"open"` or `"half_open"` (an open breaker past its timeout still says open until asked)."""
        return self._record.state

    @property
    def failures(self) -> int:
        """Failures counted in the current window (closed) or that opened the breaker."""
        return self._record.failures

    def retry_in(self) -> float:
        """Seconds until a call may be attempted (0 when closed or ready to probe)."""
        now = self._clock()
        with self._lock:
            return self._record.retry_in(self.reset_timeout, now)

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
            return  # closed with nothing counted (or open/half-open, where an ordinary call changes nothing)
        self._transition(token, lambda record, probe: on_success(record, probe))

    def on_failure(self, token: int = 0) -> None:
        """The call failed server-side: a 5xx, a connection error or a timeout."""
        now = self._clock()
        self._transition(
            token,
            lambda record, probe: on_failure(
                record, threshold=self.failure_threshold, window=self.window, now=now, probe=probe
            ),
        )

    def release(self, token: int = 0) -> None:
        """The call ended without telling anything about the server: give the probe slot back."""
        if token:
            self._transition(token, lambda record, probe: on_release(record, str(probe)))

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
            change = self._apply_locked(CLOSED)
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
        record = self._record
        return f"CircuitBreaker(host={self.host!r}, state={record.state!r}, failures={record.failures})"

    # -- internals -------------------------------------------------------------------------------------

    def _acquire_slow(self) -> int:
        now = self._clock()
        with self._lock:
            record = self._record
            if record.state is _CLOSED:
                return 0
            token = self._next_token + 1
            granted, new = on_probe_request(
                record, reset_timeout=self.reset_timeout, now=now, token=str(token)
            )
            if not granted:
                raise CircuitOpenError(self.host, record.retry_in(self.reset_timeout, now))
            self._next_token = token
            change = self._apply_locked(new)
        if change is not None:
            self._emit(change)
        return token

    def _transition(self, token: int, rule: Callable[[BreakerRecord, str | None], BreakerRecord]) -> None:
        """Apply `rule` to the record under the lock, then tell the listeners of any state change."""
        probe = str(token) if token else None
        with self._lock:
            record = self._record
            if probe is not None and probe != record.probe_token:
                return  # the late answer of a probe given up (or of a breaker reset since): it says nothing
            change = self._apply_locked(rule(record, probe))
        if change is not None:
            self._emit(change)

    def _apply_locked(self, new: BreakerRecord) -> BreakerStateChange | None:
        old, self._record = self._record, new
        self._state, self._failures = new.state, new.failures
        if old.state is new.state:
            return None
        # The count that opened the breaker, or the one it had when it left the state it closes or probes.
        failures = new.failures if new.state is _OPEN else old.failures
        return BreakerStateChange(self.host, old.state, new.state, failures)

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
                    breaker = self._make(host)
                    self._breakers[host] = breaker
        return breaker

    def _make(self, host: str) -> CircuitBreaker:
        """A new breaker for `host` (`SharedBreakerRegistry` makes shared ones)."""
        return CircuitBreaker.from_config(host, self.config, self.listeners)

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


class CircuitBreakerTransport(Layer):
    """Fails fast with `CircuitOpenError` while the target host's breaker is open; reports outcomes to it."""

    def __init__(self, inner: httpx.BaseTransport, registry: BreakerRegistry | None = None) -> None:
        super().__init__(inner)
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


class AsyncCircuitBreakerTransport(AsyncLayer):
    """The async twin of `CircuitBreakerTransport`, sharing the same (thread-safe) breakers through their
    ``*_async`` methods (so a shared breaker's store I/O never blocks the event loop)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, registry: BreakerRegistry | None = None) -> None:
        super().__init__(inner)
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
