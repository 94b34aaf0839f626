"""Circuit-breaker state in Redis, shared by every process (and host) talking to the same API host.

One hash per host under ``molam:breaker:<host>`` holding ``state``, ``failures``, ``window_started_at``,
``opened_at``, ``probe_token`` and ``probe_started_at`` (a missing hash is a closed, empty breaker). Every
transition is one Lua script, which Redis runs atomically, following the pure rules of
`molam_sdk_ext.stores.breaker_state` exactly (the contract tests run both on the same steps): so exactly
one caller anywhere is granted the half-open probe. Times come from the store's ``clock`` and are passed in.
Each write sets a Redis TTL of ``ttl`` seconds (default a day), so the breakers of hosts no longer called
disappear; a closing transition deletes the hash.

Clients built from a URL get short socket timeouts and no retries: the breaker sits in front of a payment,
and when Redis is slow or down the caller (`SharedCircuitBreaker`) must fall back to its in-process state
quickly rather than wait. Every Redis failure is raised as `StoreError`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry
from redis.typing import EncodableT

from molam_sdk_ext.stores import _kernel as kernel
from molam_sdk_ext.stores.breaker_state import BreakerRecord, BreakerState, new_probe_token
from molam_sdk_ext.stores.redis import _Command, _RedisBase, _RedisPlans, _Script, _ttl_ms

Clock = Callable[[], float]

BREAKER_PREFIX = "molam:breaker:"
DEFAULT_RECORD_TTL = 86400.0
"""Seconds a breaker record lives after its last write."""

_FIELDS = "'state', 'failures', 'window_started_at', 'opened_at', 'probe_token', 'probe_started_at'"

# Each script returns the record after the transition as six values (nil for an absent field), strings read
# back from the hash or the arguments (a Lua number would be truncated to an integer in the reply).

# KEYS[1] record; ARGV: now, threshold, window, probe ('' for none), ttl_ms
RECORD_FAILURE_LUA = f"""
local r = redis.call('HMGET', KEYS[1], {_FIELDS})
local state = r[1] or 'closed'
if state == 'open' then return r end
if state == 'half_open' then
  if ARGV[4] == '' or ARGV[4] ~= r[5] then return r end
  local kept = r[2] or '0'
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'state', 'open', 'failures', kept, 'opened_at', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return {{'open', kept, false, ARGV[1], false, false}}
end
local now = tonumber(ARGV[1])
local failures = 1
local started = ARGV[1]
if r[3] and now - tonumber(r[3]) < tonumber(ARGV[3]) then
  failures = tonumber(r[2]) + 1
  started = r[3]
end
local count = tostring(failures)
if failures >= tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[1], 'state', 'open', 'failures', count, 'window_started_at', started,
    'opened_at', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return {{'open', count, started, ARGV[1], false, false}}
end
redis.call('HSET', KEYS[1], 'state', 'closed', 'failures', count, 'window_started_at', started)
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {{'closed', count, started, false, false, false}}
"""

# KEYS[1] record; ARGV: probe ('' for none)
RECORD_SUCCESS_LUA = f"""
local r = redis.call('HMGET', KEYS[1], {_FIELDS})
local state = r[1] or 'closed'
if state == 'open' then return r end
if state == 'half_open' and (ARGV[1] == '' or ARGV[1] ~= r[5]) then return r end
redis.call('DEL', KEYS[1])
return {{false, false, false, false, false, false}}
"""

# KEYS[1] record; ARGV: now, reset_timeout, token, ttl_ms. Returns {granted (0|1), record...}.
TRY_ACQUIRE_PROBE_LUA = f"""
local r = redis.call('HMGET', KEYS[1], {_FIELDS})
local now = tonumber(ARGV[1])
local state = r[1] or 'closed'
local denied = {{0, r[1], r[2], r[3], r[4], r[5], r[6]}}
if state == 'open' then
  if r[4] and now - tonumber(r[4]) < tonumber(ARGV[2]) then return denied end
elseif state == 'half_open' then
  if r[5] and r[6] and now - tonumber(r[6]) < tonumber(ARGV[2]) then return denied end
else
  return denied
end
redis.call('HSET', KEYS[1], 'state', 'half_open', 'probe_token', ARGV[3], 'probe_started_at', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {{1, 'half_open', r[2], r[3], r[4], ARGV[3], ARGV[1]}}
"""

# KEYS[1] record; ARGV: probe
RELEASE_PROBE_LUA = f"""
local r = redis.call('HMGET', KEYS[1], {_FIELDS})
if r[1] == 'half_open' and r[5] == ARGV[1] then
  redis.call('HDEL', KEYS[1], 'probe_token', 'probe_started_at')
  return {{r[1], r[2], r[3], r[4], false, false}}
end
return r
"""

_GET_FIELDS = ["state", "failures", "window_started_at", "opened_at", "probe_token", "probe_started_at"]


def _client_options() -> dict[str, Any]:
    # A payment waits on this call: fail within a fraction of a second and let the caller fall back.
    return {"socket_timeout": 0.5, "socket_connect_timeout": 0.5, "retry": Retry(NoBackoff(), 0)}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.decode() if isinstance(value, bytes) else str(value)


def _number(value: Any) -> float | None:
    text = _text(value)
    return None if text is None else float(text)


def parse_record(raw: Sequence[Any]) -> BreakerRecord:
    """A `BreakerRecord` from the six values a script (or ``HMGET``) returns; absent fields are defaults."""
    state, failures, window_started_at, opened_at, probe_token, probe_started_at = (list(raw) + [None] * 6)[
        :6
    ]
    state_text = _text(state)
    if state_text is None:
        return BreakerRecord()
    return BreakerRecord(
        state=BreakerState(state_text),
        failures=int(_text(failures) or 0),
        window_started_at=_number(window_started_at),
        opened_at=_number(opened_at),
        probe_token=_text(probe_token),
        probe_started_at=_number(probe_started_at),
    )


@attrs.define
class _RedisBreakerPlans(_RedisPlans):
    """The breaker's plans: one script per transition, run by the Redis stores' runner."""

    scripts = {
        "record_failure": RECORD_FAILURE_LUA,
        "record_success": RECORD_SUCCESS_LUA,
        "try_acquire_probe": TRY_ACQUIRE_PROBE_LUA,
        "release_probe": RELEASE_PROBE_LUA,
    }
    prefix: str = BREAKER_PREFIX
    ttl: float = DEFAULT_RECORD_TTL

    def _transition(self, name: str, host: str, *args: EncodableT) -> kernel.Plan[BreakerRecord]:
        return parse_record((yield _Script(name, [self.prefix + host], list(args))))

    def get(self, host: str) -> kernel.Plan[BreakerRecord]:
        return parse_record((yield _Command("hmget", (self.prefix + host, _GET_FIELDS))))

    def record_success(self, host: str, probe: str | None) -> kernel.Plan[BreakerRecord]:
        return (yield from self._transition("record_success", host, probe or ""))

    def record_failure(
        self, host: str, threshold: int, window: float, probe: str | None
    ) -> kernel.Plan[BreakerRecord]:
        args = (self.clock(), threshold, window, probe or "", _ttl_ms(self.ttl))
        return (yield from self._transition("record_failure", host, *args))

    def try_acquire_probe(self, host: str, reset_timeout: float) -> kernel.Plan[str | None]:
        token = new_probe_token()
        args: list[EncodableT] = [self.clock(), reset_timeout, token, _ttl_ms(self.ttl)]
        raw = yield _Script("try_acquire_probe", [self.prefix + host], args)
        return token if int(raw[0]) == 1 else None

    def release_probe(self, host: str, probe: str) -> kernel.Plan[BreakerRecord]:
        return (yield from self._transition("release_probe", host, probe))

    def reset(self, host: str) -> kernel.Plan[BreakerRecord]:
        yield _Command("delete", (self.prefix + host,))
        return BreakerRecord()


class RedisBreakerStateStore(_RedisBase, kernel.BreakerFacade):
    """`BreakerStateStore` on Redis; ``client`` is a ``redis.Redis`` or a ``redis://`` URL.

    Thread-safe (redis-py pools connections). ``clock`` is unix seconds (``time.time``).
    """

    _plans_class = _RedisBreakerPlans
    _binary_only = False  # every field is text: a client decoding its responses works too

    def __init__(
        self,
        client: redis.Redis | str,
        *,
        prefix: str = BREAKER_PREFIX,
        ttl: float = DEFAULT_RECORD_TTL,
        clock: Clock = time.time,
    ) -> None:
        super().__init__(client, prefix=prefix, ttl=ttl, clock=clock)
        self.ttl = ttl

    def _url_options(self) -> dict[str, Any]:
        return _client_options()
