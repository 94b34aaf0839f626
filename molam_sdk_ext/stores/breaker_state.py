"""Shared circuit-breaker state: one record per host, with atomic transitions, so many processes share a breaker.

The record is ``{state, failures, window_started_at, opened_at, probe_token, probe_started_at}``. The
transitions (the pure functions ``on_*`` are the reference, defined with the in-process breaker in
`molam_sdk_ext.transport.breaker` and re-exported here; the Redis backend runs the same rules in one Lua
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

# The rules are written once, beside the in-process breaker that applies them on every call's hot path (and
# importing them from there keeps the stores package out of a plain client's imports); the stores apply the
# same functions, and the Redis scripts follow them.
from molam_sdk_ext.transport.breaker import (
    CLOSED,
    BreakerRecord,
    BreakerState,
    on_failure,
    on_probe_request,
    on_release,
    on_success,
)

__all__ = [
    "CLOSED",
    "BreakerRecord",
    "BreakerState",
    "BreakerStateStore",
    "new_probe_token",
    "on_failure",
    "on_probe_request",
    "on_release",
    "on_success",
]


def new_probe_token() -> str:
    """A fresh probe token (random: unique across processes and hosts)."""
    return secrets.token_hex(8)


class BreakerStateStore(Protocol):
    """Per-host circuit-breaker records with atomic transitions (see the module docstring for the rules)."""

    def get(self, host: str) -> BreakerRecord:
        """The host's current record (closed and empty if unknown)."""

    def record_success(self, host: str, probe: str | None = None) -> BreakerRecord:
        """A call to ``host`` succeeded (``probe``: its probe token, if it was the probe); the new record."""

    def record_failure(
        self, host: str, threshold: int, window: float, probe: str | None = None
    ) -> BreakerRecord:
        """A call to ``host`` failed server-side (``probe``: its probe token, if any); the new record."""

    def try_acquire_probe(self, host: str, reset_timeout: float) -> str | None:
        """A token granting the single half-open probe to ``host``, or None."""

    def release_probe(self, host: str, probe: str) -> BreakerRecord:
        """Give back the probe slot of ``probe`` (the call said nothing about the server); the new record."""

    def reset(self, host: str) -> BreakerRecord:
        """Force the host's breaker closed; the new record."""
