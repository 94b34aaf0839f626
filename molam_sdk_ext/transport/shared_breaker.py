"""A circuit breaker whose state is shared by every process that talks to the same host (through Redis).

`SharedCircuitBreaker` is the transport's `CircuitBreaker` (same methods, tokens and listeners) whose
decisions come from a `BreakerStateStore`: failures seen by one process open the breaker for all of them,
and in half-open exactly one probe is granted cluster-wide (the store's atomic ``try_acquire_probe``).
`SharedBreakerRegistry` makes one per host and plugs into the client as is::

    registry = SharedBreakerRegistry("redis://cache:6379/0")
    molam = Molam(circuit_breaker=registry)

Cost per call: the shared record is cached for ``refresh_interval`` seconds (default 0.1), so a closed
breaker costs one Redis read per interval per host, plus one script per failed call; a success costs
nothing unless failures were being counted. A breaker opened elsewhere is therefore seen here within
``refresh_interval``; the probe is always granted by the store itself, never from the cache.

Async clients (`AsyncMolam`) use the ``*_async`` methods: what the cache or the in-process state decides
(a closed breaker with a fresh record, a success with nothing to reset) stays inline on the event loop, and
only the store round trips (reading a stale record, counting a failure, the probe) run in a thread, so a
slow or unreachable Redis never stalls the loop.

When the store fails (Redis down, slow or unreachable: every error is a `StoreError`), the breaker falls
back to its in-process state for ``store_retry_interval`` seconds (default 5), logs a warning on the
``molam`` logger (at most once a minute per host), then tries the store again. Payments are never blocked
by the store: meanwhile the in-process state (the plain `CircuitBreaker` rules, fed by this process's calls
from the moment the store failed) decides alone.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import math
import time
from collections.abc import Callable

import attrs

from molam_sdk_ext.errors import CircuitOpenError, StoreError
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.stores.breaker_state import CLOSED, BreakerRecord, BreakerStateStore
from molam_sdk_ext.transport.breaker import (
    BreakerConfig,
    BreakerListener,
    BreakerRegistry,
    BreakerState,
    BreakerStateChange,
    CircuitBreaker,
)

__all__ = [
    "DEFAULT_REFRESH_INTERVAL",
    "DEFAULT_STORE_RETRY_INTERVAL",
    "SharedBreakerRegistry",
    "SharedCircuitBreaker",
    "breaker_registry_for",
]

DEFAULT_REFRESH_INTERVAL = 0.1
"""Seconds a process trusts its copy of the shared record before reading it again."""
DEFAULT_STORE_RETRY_INTERVAL = 5.0
"""Seconds a breaker stays on its in-process state after the store failed, before trying the store again."""
WARNING_INTERVAL = 60.0
"""At most one "store unreachable" warning per host per this many seconds."""

_log = get_logger()
# Probe tokens handed to the transport for shared probes: far above the in-process breaker's own counter.
_SHARED_TOKENS_START = 1 << 48


_StoreCall = Callable[[], None]
"""A store round trip still to make (blocking I/O): run in place by the sync methods, in a thread by the async
ones."""


def _run_in_place(store_call: _StoreCall | None) -> None:
    """Make the store round trip a plan asks for, if it asks for one (the sync methods)."""
    if store_call is not None:
        store_call()


async def _run_in_thread(store_call: _StoreCall | None) -> None:
    """Make the store round trip a plan asks for, if it asks for one, in a worker thread (the async methods:
    a slow store never stalls the event loop)."""
    if store_call is not None:
        await asyncio.to_thread(store_call)


class SharedCircuitBreaker(CircuitBreaker):
    """The breaker of one host, its state in ``store`` (see the module docstring). Thread-safe.

    ``clock`` (monotonic) times the cache and the fallback; ``wall_clock`` must be the store's clock (unix
    seconds, the default) since the shared record's times come from it.
    """

    __slots__ = (
        "_fallback_until",
        "_last_warning",
        "_probe_ids",
        "_probes",
        "_refresh_interval",
        "_store",
        "_store_retry_interval",
        "_view",
        "_wall",
    )

    def __init__(
        self,
        host: str,
        store: BreakerStateStore,
        *,
        failure_threshold: int = 5,
        window: float = 60.0,
        reset_timeout: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] | None = None,
        listeners: list[BreakerListener] | None = None,
        refresh_interval: float = DEFAULT_REFRESH_INTERVAL,
        store_retry_interval: float = DEFAULT_STORE_RETRY_INTERVAL,
    ) -> None:
        super().__init__(
            host,
            failure_threshold=failure_threshold,
            window=window,
            reset_timeout=reset_timeout,
            clock=clock,
            listeners=listeners,
        )
        self._store = store
        store_clock: Callable[[], float] = getattr(store, "clock", time.time)
        self._wall = wall_clock or store_clock
        self._refresh_interval = refresh_interval
        self._store_retry_interval = store_retry_interval
        # (record, monotonic time it was read): replaced as a whole, so readers never see half an update.
        self._view: tuple[BreakerRecord, float] = (CLOSED, -math.inf)
        self._fallback_until: float | None = None  # set while the in-process state rules
        self._last_warning = -math.inf
        self._probes: dict[int, str] = {}
        self._probe_ids = itertools.count(_SHARED_TOKENS_START)

    @property
    def store(self) -> BreakerStateStore:
        """Where the shared state lives."""
        return self._store

    @property
    def shared(self) -> bool:
        """False while the breaker runs on its in-process state because the store failed (until the next
        attempt to reach the store, ``store_retry_interval`` seconds after the failure)."""
        return not self._in_fallback()

    @property
    def state(self) -> BreakerState:
        """The shared state (read again when older than the refresh interval; the in-process state while the
        store is unreachable)."""
        record = self._seen()
        return super().state if record is None else record.state

    @property
    def failures(self) -> int:
        """Failures counted in the shared window (the in-process count while the store is unreachable)."""
        record = self._seen()
        return super().failures if record is None else record.failures

    def retry_in(self) -> float:
        """Seconds until a call may be attempted (0 when closed or ready to probe)."""
        record = self._seen()
        return super().retry_in() if record is None else record.retry_in(self.reset_timeout, self._wall())

    def acquire(self) -> int:
        """Ask to make a call: 0 for an ordinary call, a probe token when half-open; or raise `CircuitOpenError`."""
        token = self._acquire_inline()
        return self._acquire_from_store() if token is None else token

    async def acquire_async(self) -> int:
        """`acquire()` for an event loop: decided inline from a fresh cached record, otherwise in a thread."""
        token = self._acquire_inline()
        if token is not None:
            return token
        # Shielded: a caller cancelled while the thread is being granted the probe must give it back, or
        # no process could probe the host before the probe expires (``reset_timeout``).
        granting = asyncio.ensure_future(asyncio.to_thread(self._acquire_from_store))
        try:
            return await asyncio.shield(granting)
        except asyncio.CancelledError:
            granting.add_done_callback(self._give_back_orphan)
            raise

    def on_success(self, token: int = 0) -> None:
        """The call got an answer that proves the server works (any status below 500)."""
        _run_in_place(self._success_plan(token))

    async def on_success_async(self, token: int = 0) -> None:
        """`on_success(token)` for an event loop: only a store round trip runs in a thread."""
        await _run_in_thread(self._success_plan(token))

    def on_failure(self, token: int = 0) -> None:
        """The call failed server-side: a 5xx, a connection error or a timeout."""
        _run_in_place(self._failure_plan(token))

    async def on_failure_async(self, token: int = 0) -> None:
        """`on_failure(token)` for an event loop: only a store round trip runs in a thread."""
        await _run_in_thread(self._failure_plan(token))

    def release(self, token: int = 0) -> None:
        """The call ended without telling anything about the server: give the probe slot back."""
        _run_in_place(self._release_plan(token))

    async def release_async(self, token: int = 0) -> None:
        """`release(token)` for an event loop: only a store round trip runs in a thread."""
        await _run_in_thread(self._release_plan(token))

    def reset(self) -> None:
        """Force the breaker closed, for every process (an operator's override)."""
        super().reset()
        try:
            self._observe(self._store.reset(self.host))
        except StoreError as exc:
            self._fall_back(exc)

    def __repr__(self) -> str:
        mode = "shared" if self.shared else "in-process fallback"
        return f"SharedCircuitBreaker(host={self.host!r}, state={self.state!r}, {mode})"

    # -- internals -------------------------------------------------------------------------------------
    # Each public method is split in two: a plan, decided without I/O from the cache and the in-process state,
    # and the store round trip it may still need. The sync methods run the round trip in place, the async
    # ones in a thread, so both share every decision and only where the I/O runs differs.

    def _acquire_inline(self) -> int | None:
        """The token when no I/O is needed (fallback, or a fresh cached record); None to ask the store."""
        if self._in_fallback():
            return super().acquire()
        record, read_at = self._view
        if self._clock() - read_at >= self._refresh_interval:
            return None
        return self._decide_acquire(record)

    def _acquire_from_store(self) -> int:
        """`acquire()` reading the store when the cache is stale and asking it for the probe (blocking I/O)."""
        if self._in_fallback():
            return super().acquire()
        try:
            record = self._current()
            token = self._decide_acquire(record)
            if token is not None:
                return token
            probe = self._store.try_acquire_probe(self.host, self.reset_timeout)
            if probe is None:
                # Another worker holds the probe, or the breaker closed or reopened meanwhile.
                record = self._fetch()
                if record.state is BreakerState.CLOSED:
                    return 0
                raise CircuitOpenError(self.host, record.retry_in(self.reset_timeout, self._wall()))
        except StoreError as exc:
            self._fall_back(exc)
            return super().acquire()
        granted = attrs.evolve(
            record, state=BreakerState.HALF_OPEN, probe_token=probe, probe_started_at=self._wall()
        )
        self._observe(granted)
        token = next(self._probe_ids)
        self._probes[token] = probe
        return token

    def _decide_acquire(self, record: BreakerRecord) -> int | None:
        """0 when `record` is closed, `CircuitOpenError` while it makes callers wait, None when a probe may be
        asked of the store."""
        if record.state is BreakerState.CLOSED:
            return 0
        wait = record.retry_in(self.reset_timeout, self._wall())
        if wait > 0:
            raise CircuitOpenError(self.host, wait)
        return None

    def _give_back_orphan(self, granting: asyncio.Future[int]) -> None:
        """A probe granted to a cancelled `acquire_async` caller goes back to the store (off the loop)."""
        if granting.cancelled() or granting.exception() is not None:
            return
        token = granting.result()
        if token:
            asyncio.get_running_loop().run_in_executor(None, self.release, token)

    def _success_plan(self, token: int) -> _StoreCall | None:
        probe = self._probes.pop(token, None) if token else None
        if token and probe is None:
            super().on_success(token)  # a probe of the in-process state (granted while falling back)
            return None
        if probe is None:
            if self._in_fallback():
                super().on_success(0)
                return None
            record = self._view[0]
            if record.state is not BreakerState.CLOSED or record.failures == 0:
                return None  # the rules would change nothing: spare the round trip
        return functools.partial(self._store_success, probe)

    def _store_success(self, probe: str | None) -> None:
        try:
            self._observe(self._store.record_success(self.host, probe))
        except StoreError as exc:
            self._fall_back(exc)

    def _failure_plan(self, token: int) -> _StoreCall | None:
        probe = self._probes.pop(token, None) if token else None
        if token and probe is None:
            super().on_failure(token)
            return None
        if probe is None and self._in_fallback():
            super().on_failure(0)
            return None
        return functools.partial(self._store_failure, probe)

    def _store_failure(self, probe: str | None) -> None:
        try:
            record = self._store.record_failure(self.host, self.failure_threshold, self.window, probe)
        except StoreError as exc:
            self._fall_back(exc)
            if probe is None:
                super().on_failure(0)  # the first failure the in-process state hears of
            return
        self._observe(record)

    def _release_plan(self, token: int) -> _StoreCall | None:
        if not token:
            return None
        probe = self._probes.pop(token, None)
        if probe is None:
            super().release(token)
            return None
        return functools.partial(self._store_release, probe)

    def _store_release(self, probe: str) -> None:
        try:
            self._observe(self._store.release_probe(self.host, probe))
        except StoreError as exc:
            self._fall_back(exc)

    def _in_fallback(self) -> bool:
        until = self._fallback_until
        return until is not None and self._clock() < until

    def _seen(self) -> BreakerRecord | None:
        """The shared record, or None when the in-process state rules (store unreachable)."""
        if self._in_fallback():
            return None
        try:
            return self._current()
        except StoreError as exc:
            self._fall_back(exc)
            return None

    def _current(self) -> BreakerRecord:
        record, read_at = self._view
        if self._clock() - read_at < self._refresh_interval:
            return record
        return self._fetch()

    def _fetch(self) -> BreakerRecord:
        record = self._store.get(self.host)
        if self._fallback_until is not None:
            self._fallback_until = None
            _log.info("molam circuit breaker %s: shared state reachable again; using it", self.host)
        self._observe(record)
        return record

    def _observe(self, record: BreakerRecord) -> None:
        old = self._view[0]
        self._view = (record, self._clock())
        if old.state is not record.state:
            self._emit(
                BreakerStateChange(
                    self.host,
                    old.state,
                    record.state,
                    record.failures,
                )
            )

    def _fall_back(self, exc: StoreError) -> None:
        now = self._clock()
        self._fallback_until = now + self._store_retry_interval
        self._view = (self._view[0], -math.inf)  # read the store afresh once it is back
        for token in list(self._probes):
            # Shared probes granted before the failure can no longer be reported: drop them.
            self._probes.pop(token, None)
        if now - self._last_warning >= WARNING_INTERVAL:
            self._last_warning = now
            _log.warning(
                "molam circuit breaker %s: shared state unreachable (%s); using this process's state "
                "(retrying the store every %.0f s)",
                self.host,
                exc,
                self._store_retry_interval,
            )


class SharedBreakerRegistry(BreakerRegistry):
    """One `SharedCircuitBreaker` per host over one store; pass it as the client's ``circuit_breaker``.

    ``store`` is a `BreakerStateStore` or a store URL (``redis://...``; ``memory://`` shares between the
    clients of this process only). ``config`` tunes every breaker (threshold, window, reset timeout).
    """

    def __init__(
        self,
        store: BreakerStateStore | str,
        config: BreakerConfig | None = None,
        *,
        refresh_interval: float = DEFAULT_REFRESH_INTERVAL,
        store_retry_interval: float = DEFAULT_STORE_RETRY_INTERVAL,
        wall_clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(config)
        if isinstance(store, str):
            from molam_sdk_ext.stores import breaker_state_store_from_url

            store = breaker_state_store_from_url(store)
        self.store: BreakerStateStore = store
        self.refresh_interval = refresh_interval
        self.store_retry_interval = store_retry_interval
        self._wall_clock = wall_clock

    def _make(self, host: str) -> CircuitBreaker:
        """A new breaker for `host`, its state in this registry's store."""
        return SharedCircuitBreaker.from_config(
            host,
            self.config,
            self.listeners,
            store=self.store,
            wall_clock=self._wall_clock,
            refresh_interval=self.refresh_interval,
            store_retry_interval=self.store_retry_interval,
        )


def breaker_registry_for(store_url: str | None, config: BreakerConfig | None = None) -> BreakerRegistry:
    """The client's breakers for a store URL (``ClientSettings.store_url`` / ``MOLAM_STORE_URL``): shared
    through Redis for a ``redis://``/``rediss://``/``unix://`` URL, in-process for anything else or None
    (SQLite and PostgreSQL are too slow to consult before every call)."""
    if store_url:
        from molam_sdk_ext.stores import store_kind

        if store_kind(store_url) == "redis":
            return SharedBreakerRegistry(store_url, config)
    return BreakerRegistry(config)
