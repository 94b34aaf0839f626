"""Shared circuit-breaker state: one record per host, with atomic transitions, so many processes share a breaker.

The record is ``{state, failures, window_started_at, opened_at, probe_token, probe_started_at}``. The
transitions (the pure functions below are the reference; the Redis backend runs the same rules in one Lua
script per transition, so they are atomic across processes):

- ``record_failure(host, threshold, window, probe=None)`` (a server-side failure: 5xx, connection error,
  timeout): closed: failures are counted in a fixed window of ``window`` seconds starting at the first failure;
  reaching ``threshold`` opens the breaker (``opened_at = now``). half-open: only the probe's own failure
  (``probe`` equal to the granted token) reopens the breaker (``opened_at = now``, probe released); anything
  else is the late answer of a call sent before the breaker opened and changes nothing. open: no change.
- ``record_success(host, probe=None)``: closed: failures reset to 0. half-open: the probe's own success
  closes the breaker; anything else changes nothing. open: no change (a late answer to a call sent before
  the breaker opened proves nothing about now).
- ``try_acquire_probe(host, reset_timeout) -> token | None``: a token grants the caller the single
  half-open probe: open for ``reset_timeout`` or longer -> half-open with this probe in flight; half-open
  with no probe in flight, or with one in flight for ``reset_timeout`` or longer (its worker died) ->
  granted (again). Otherwise None (closed needs no probe; an open breaker is still cooling down; another
  worker holds the probe).
- ``release_probe(host, probe)``: the probe ended without telling anything about the server (cancelled): the
  slot is free for the next caller; the breaker stays half-open.
- ``reset(host)``: force closed (an operator's override). ``get(host)``: the current record (a closed, empty
  record for an unknown host).

Callers: when ``get`` says closed, call; when open or half-open, call only with a probe token from
``try_acquire_probe``, else fail fast with ``CircuitOpenError(retry_in=opened_at + reset_timeout - now)``.
Then report the outcome with ``record_success`` / ``record_failure`` (passing the token for a probe).
Times come from the store's ``clock`` (unix seconds by default): hosts sharing a store need synchronised
clocks, far tighter than ``reset_timeout``. If the shared store is unreachable, callers fall back to an
in-process breaker rather than blocking payments (`molam_sdk_ext.transport.shared_breaker`).
"""

from __future__ import annotations

import secrets
from typing import Protocol

import attrs

# The transport's enum: one breaker state type, whether the state lives in process or in a store.
from molam_sdk_ext.transport.breaker import BreakerState as BreakerState


@attrs.frozen
class BreakerRecord:
    """The shared state of one host's breaker (times are unix seconds)."""

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


def new_probe_token() -> str:
    """A fresh probe token (random: unique across processes and hosts)."""
    return secrets.token_hex(8)


class BreakerStateStore(Protocol):
    """Per-host circuit-breaker records with atomic transitions (see the module docstring for the rules)."""

    def get(self, host: str) -> BreakerRecord:
        """The host's current record (closed and empty if unknown)."""
        ...

    def record_success(self, host: str, probe: str | None = None) -> BreakerRecord:
        """A call to ``host`` succeeded (``probe``: its probe token, if it was the probe); the new record."""
        ...

    def record_failure(
        self, host: str, threshold: int, window: float, probe: str | None = None
    ) -> BreakerRecord:
        """A call to ``host`` failed server-side (``probe``: its probe token, if any); the new record."""
        ...

    def try_acquire_probe(self, host: str, reset_timeout: float) -> str | None:
        """A token granting the single half-open probe to ``host``, or None."""
        ...

    def release_probe(self, host: str, probe: str) -> BreakerRecord:
        """Give back the probe slot of ``probe`` (the call said nothing about the server); the new record."""
        ...

    def reset(self, host: str) -> BreakerRecord:
        """Force the host's breaker closed; the new record."""
        ...


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
