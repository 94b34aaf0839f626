"""Shared circuit-breaker state: one record per host, with atomic transitions, so many processes share a breaker.

The record is ``{state, failures, window_started_at, opened_at, probe_in_flight, probe_started_at}``. The
transitions (the pure functions below are the reference; a Redis backend runs the same rules in one Lua script
per transition, so they are atomic across processes):

- ``record_failure(host, threshold, window)`` (a server-side failure: 5xx, connection error, timeout):
  closed: failures are counted in a fixed window of ``window`` seconds starting at the first failure; reaching
  ``threshold`` opens the breaker (``opened_at = now``). half-open: the probe failed, so the breaker reopens
  (``opened_at = now``, probe released). open: no change.
- ``record_success(host)``: closed: failures reset to 0. half-open: the probe succeeded, so the breaker closes.
  open: no change (a late answer to a call sent before the breaker opened proves nothing about now).
- ``try_acquire_probe(host, reset_timeout) -> bool``: True grants the caller the single half-open probe:
  open for ``reset_timeout`` or longer -> half-open with the probe in flight; half-open with a probe in flight
  for ``reset_timeout`` or longer (its worker died) -> re-granted. Otherwise False (closed needs no probe;
  an open breaker is still cooling down; another worker holds the probe).
- ``get(host)``: the current record (a closed, empty record for an unknown host).

Callers: when ``get`` says closed, call; when open or half-open, call only if ``try_acquire_probe`` returned
True, else fail fast with ``CircuitOpenError(retry_in=opened_at + reset_timeout - now)``. Then report the
outcome with ``record_success`` / ``record_failure``. If the shared store is unreachable, callers fall back to
an in-process breaker rather than blocking payments.
"""

from __future__ import annotations

import enum
from typing import Protocol

import attrs


class BreakerState(enum.Enum):
    """The breaker's state."""

    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@attrs.frozen
class BreakerRecord:
    """The shared state of one host's breaker (times are unix seconds)."""

    state: BreakerState = BreakerState.CLOSED
    failures: int = 0
    window_started_at: float | None = None
    opened_at: float | None = None
    probe_in_flight: bool = False
    probe_started_at: float | None = None

    def retry_in(self, reset_timeout: float, now: float) -> float:
        """Seconds until an open breaker lets a probe through (0 when not open)."""
        if self.state is not BreakerState.OPEN or self.opened_at is None:
            return 0.0
        return max(0.0, self.opened_at + reset_timeout - now)


CLOSED = BreakerRecord()


class BreakerStateStore(Protocol):
    """Per-host circuit-breaker records with atomic transitions (see the module docstring for the rules)."""

    def get(self, host: str) -> BreakerRecord:
        """The host's current record (closed and empty if unknown)."""
        ...

    def record_success(self, host: str) -> BreakerRecord:
        """A call to ``host`` succeeded; return the new record."""
        ...

    def record_failure(self, host: str, threshold: int, window: float) -> BreakerRecord:
        """A call to ``host`` failed server-side; return the new record."""
        ...

    def try_acquire_probe(self, host: str, reset_timeout: float) -> bool:
        """Whether the caller was granted the single half-open probe to ``host``."""
        ...


class AsyncBreakerStateStore(Protocol):
    """The asyncio form of ``BreakerStateStore``."""

    async def get(self, host: str) -> BreakerRecord:
        """See ``BreakerStateStore.get``."""
        ...

    async def record_success(self, host: str) -> BreakerRecord:
        """See ``BreakerStateStore.record_success``."""
        ...

    async def record_failure(self, host: str, threshold: int, window: float) -> BreakerRecord:
        """See ``BreakerStateStore.record_failure``."""
        ...

    async def try_acquire_probe(self, host: str, reset_timeout: float) -> bool:
        """See ``BreakerStateStore.try_acquire_probe``."""
        ...


def on_success(record: BreakerRecord) -> BreakerRecord:
    """The record after a successful call."""
    if record.state is BreakerState.OPEN:
        return record
    return CLOSED


def on_failure(record: BreakerRecord, *, threshold: int, window: float, now: float) -> BreakerRecord:
    """The record after a server-side failure."""
    if record.state is BreakerState.OPEN:
        return record
    if record.state is BreakerState.HALF_OPEN:
        return BreakerRecord(BreakerState.OPEN, failures=record.failures, opened_at=now)
    if record.window_started_at is None or now - record.window_started_at >= window:
        failures, started = 1, now
    else:
        failures, started = record.failures + 1, record.window_started_at
    if failures >= threshold:
        return BreakerRecord(BreakerState.OPEN, failures=failures, window_started_at=started, opened_at=now)
    return BreakerRecord(BreakerState.CLOSED, failures=failures, window_started_at=started)


def on_probe_request(
    record: BreakerRecord, *, reset_timeout: float, now: float
) -> tuple[bool, BreakerRecord]:
    """Whether a probe is granted, and the record after the request."""
    if record.state is BreakerState.OPEN:
        if record.opened_at is not None and now - record.opened_at < reset_timeout:
            return False, record
    elif record.state is BreakerState.HALF_OPEN:
        started = record.probe_started_at
        if record.probe_in_flight and started is not None and now - started < reset_timeout:
            return False, record
    else:
        return False, record
    granted = attrs.evolve(record, state=BreakerState.HALF_OPEN, probe_in_flight=True, probe_started_at=now)
    return True, granted
