"""Redis stores (redis-py, sync and ``redis.asyncio``): shared by every process and host using one Redis.

Each record is a hash under ``<prefix><key>``. Every read-decide-write runs as one Lua script (``EVALSHA``),
which Redis executes atomically, so concurrent callers anywhere are serialized. The scripts follow the rules of
``idempotency.decide_*`` and ``webhook_events.decide_*`` exactly (the shared contract tests check it); times come
from the store's clock and are passed in, so expiry is decided by the same clock as on the other backends. The
sync and async stores share one plan per operation (its script and arguments, built once: `_RedisPlans`); only
the runner that sends it differs.
Each write also sets a Redis TTL of ``ttl`` seconds, so Redis itself forgets expired records; ``cleanup``
deletes those whose recorded expiry has passed but whose Redis TTL has not (a clock ahead of Redis's), and
mostly returns 0. Records of one store must live on one Redis (no Redis Cluster across keys in ``cleanup``).

Clients built from a URL get short socket timeouts and a single quick retry (a script that ran but whose reply
was lost is safe to rerun: it then reports the caller's own claim as in progress, never a duplicate). Clients
passed in must have ``decode_responses=False`` (stored bodies are bytes).
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar, Generic, TypeVar, Unpack, cast

import attrs
import redis
import redis.asyncio
import redis.asyncio.retry
from redis.backoff import ExponentialWithJitterBackoff
from redis.retry import Retry
from redis.typing import EncodableT

from molam_sdk_ext.errors import ValidationError
from molam_sdk_ext.stores import _kernel as kernel
from molam_sdk_ext.stores.idempotency_records import (
    BeginOutcome,
    BeginResult,
    StoredResponse,
    StoreOptions,
)
from molam_sdk_ext.stores.redaction import redact_url, store_error
from molam_sdk_ext.stores.webhook_events import MAX_ERROR_LENGTH, ClaimOutcome, EventRecord, EventStatus
from molam_sdk_ext.stores.webhook_inbox import DEFAULT_STALE_AFTER, InboxEvent, InboxStats, full_counts

Clock = Callable[[], float]

IDEMPOTENCY_PREFIX = "molam:idempotency:"
WEBHOOK_EVENT_PREFIX = "molam:webhook_event:"
CLEANUP_BATCH = 500

# KEYS[1] record; ARGV: fingerprint, now, lock_timeout, expires_at, ttl_ms
BEGIN_LUA = """
local now = tonumber(ARGV[2])
local r = redis.call('HMGET', KEYS[1], 'state', 'fingerprint', 'locked_at', 'expires_at', 'status', 'headers', 'body')
if r[1] and tonumber(r[4]) > now then
  if r[2] ~= ARGV[1] then return {'mismatch'} end
  if r[1] == 'completed' then return {'completed', r[5], r[6], r[7]} end
  if now - tonumber(r[3]) < tonumber(ARGV[3]) then return {'in_progress'} end
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'state', 'in_progress', 'fingerprint', ARGV[1], 'locked_at', ARGV[2],
  'expires_at', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {'new'}
"""

# KEYS[1] record; ARGV: now, status, headers (JSON), body, expires_at, ttl_ms
COMPLETE_LUA = """
local r = redis.call('HMGET', KEYS[1], 'state', 'expires_at')
if r[1] ~= 'in_progress' or tonumber(r[2]) <= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'state', 'completed', 'status', ARGV[2], 'headers', ARGV[3], 'body', ARGV[4],
  'expires_at', ARGV[5])
redis.call('HDEL', KEYS[1], 'locked_at')
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return 1
"""

# KEYS[1] record; ARGV: now
FAIL_LUA = """
local r = redis.call('HMGET', KEYS[1], 'state', 'expires_at')
if r[1] == 'in_progress' and tonumber(r[2]) > tonumber(ARGV[1]) then return redis.call('DEL', KEYS[1]) end
return 0
"""

# KEYS: records; ARGV: now
CLEANUP_LUA = """
local n = 0
for _, k in ipairs(KEYS) do
  local e = redis.call('HGET', k, 'expires_at')
  if e and tonumber(e) <= tonumber(ARGV[1]) then
    redis.call('DEL', k)
    n = n + 1
  end
end
return n
"""

# KEYS[1] record; ARGV: now, lock_timeout, expires_at, ttl_ms, holder ('' for none)
CLAIM_LUA = """
local now = tonumber(ARGV[1])
local r = redis.call('HMGET', KEYS[1], 'status', 'attempts', 'claimed_at', 'expires_at')
local attempts = 0
if r[1] and tonumber(r[4]) > now then
  if r[1] == 'processed' then return 'already_processed' end
  if r[1] == 'dead' then return 'dead' end
  if r[1] == 'processing' and now - tonumber(r[3]) < tonumber(ARGV[2]) then return 'in_progress' end
  attempts = tonumber(r[2])
else
  redis.call('DEL', KEYS[1])
end
redis.call('HSET', KEYS[1], 'status', 'processing', 'attempts', attempts + 1, 'claimed_at', ARGV[1],
  'expires_at', ARGV[3])
if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'claimed_by', ARGV[5]) else redis.call('HDEL', KEYS[1], 'claimed_by') end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 'claimed'
"""

# The lease test of `holds_lease`; `held(key, now, holder)` is prepended to the fenced scripts.
HELD_LUA = """
local function held(key, now, holder)
  local h = redis.call('HMGET', key, 'status', 'expires_at', 'claimed_by')
  return h[1] == 'processing' and tonumber(h[2]) > now and h[3] == holder
end
"""

# KEYS[1] record; ARGV: now, holder, expires_at, ttl_ms
RENEW_LUA = (
    HELD_LUA
    + """
local now = tonumber(ARGV[1])
if not held(KEYS[1], now, ARGV[2]) then return 0 end
local e = tonumber(redis.call('HGET', KEYS[1], 'expires_at'))
redis.call('HSET', KEYS[1], 'claimed_at', ARGV[1])
if tonumber(ARGV[3]) > e then
  redis.call('HSET', KEYS[1], 'expires_at', ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
return 1
"""
)

# KEYS[1] record; ARGV: now, expires_at, ttl_ms, holder ('' for an unfenced completion)
MARK_PROCESSED_LUA = (
    HELD_LUA
    + """
if ARGV[4] ~= '' and not held(KEYS[1], tonumber(ARGV[1]), ARGV[4]) then return 0 end
local r = redis.call('HMGET', KEYS[1], 'attempts', 'expires_at')
local attempts = 1
if r[2] and tonumber(r[2]) > tonumber(ARGV[1]) then
  attempts = math.max(tonumber(r[1]), 1)
else
  redis.call('DEL', KEYS[1])
end
redis.call('HSET', KEYS[1], 'status', 'processed', 'attempts', attempts, 'expires_at', ARGV[2])
redis.call('HDEL', KEYS[1], 'claimed_at', 'claimed_by')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
"""
)

# KEYS[1] record; ARGV: now, error, expires_at, ttl_ms, holder ('' for an unfenced release)
RELEASE_LUA = (
    HELD_LUA
    + """
if ARGV[5] ~= '' and not held(KEYS[1], tonumber(ARGV[1]), ARGV[5]) then return 0 end
local r = redis.call('HMGET', KEYS[1], 'status', 'attempts', 'expires_at')
local attempts = 1
if r[1] and tonumber(r[3]) > tonumber(ARGV[1]) then
  if r[1] == 'processed' then return 0 end
  attempts = math.max(tonumber(r[2]), 1)
else
  redis.call('DEL', KEYS[1])
end
redis.call('HSET', KEYS[1], 'status', 'failed', 'attempts', attempts, 'last_error', ARGV[2],
  'expires_at', ARGV[3])
redis.call('HDEL', KEYS[1], 'claimed_at', 'claimed_by')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
"""
)


def _client_options(*, asynchronous: bool = False) -> dict[str, Any]:
    # Fail fast: a payment waits on this call. One retry covers a pooled connection the server closed.
    # An async client gets redis.asyncio's own Retry: given the sync one, redis warns and converts it.
    backoff = ExponentialWithJitterBackoff(base=0.01, cap=0.1)
    retry = redis.asyncio.retry.Retry(backoff, 1) if asynchronous else Retry(backoff, 1)
    return {
        "socket_timeout": 5.0,
        "socket_connect_timeout": 2.0,
        "retry": retry,
        "health_check_interval": 30,
    }


def _describe(client: redis.Redis | redis.asyncio.Redis) -> tuple[str, str | None]:
    """A password-free description of the client's server, and its password (to scrub from messages)."""
    kw = client.connection_pool.connection_kwargs
    password = kw.get("password")
    if "path" in kw:
        return f"unix://{kw['path']}?db={kw.get('db', 0)}", password
    return f"redis://{kw.get('host', 'localhost')}:{kw.get('port', 6379)}/{kw.get('db', 0)}", password


def _check_binary(client: redis.Redis | redis.asyncio.Redis) -> None:
    if client.connection_pool.connection_kwargs.get("decode_responses"):
        raise ValueError("the Redis client must have decode_responses=False (stored bodies are bytes)")


def _ttl_ms(ttl: float) -> int:
    return max(1, math.ceil(ttl * 1000))


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _parse_begin(raw: Sequence[Any]) -> BeginResult:
    outcome = _text(raw[0])
    if outcome == "completed":
        headers = tuple((str(n), str(v)) for n, v in json.loads(raw[2]))
        body = raw[3] if isinstance(raw[3], bytes) else str(raw[3]).encode()
        return BeginResult(BeginOutcome.COMPLETED, StoredResponse(int(raw[1]), headers, body))
    return BeginResult(BeginOutcome(outcome))


def _headers_json(response: StoredResponse) -> str:
    return json.dumps([list(h) for h in response.headers])


def _parse_event(event_id: str, raw: Sequence[Any], now: float) -> EventRecord | None:
    status, attempts, last_error, expires_at = raw
    if status is None or expires_at is None or float(expires_at) <= now:
        return None
    error = None if last_error is None else _text(last_error)
    return EventRecord(event_id, cast(EventStatus, _text(status)), int(attempts), error)


@contextlib.contextmanager
def redis_errors(where: str, secret: str | None) -> Iterator[None]:
    """Raise a Redis failure in the block as `StoreError` naming ``where``, without ``secret`` (the password)."""
    try:
        yield
    except redis.RedisError as exc:
        raise store_error("redis", where, exc, secret) from exc


def _glob_escape(prefix: str) -> str:
    return "".join("\\" + c if c in "*?[]\\" else c for c in prefix)


# The steps of the Redis plans: one script, one plain command, or one page of a key scan.
@attrs.frozen
class _Script:
    """Run the registered script ``name`` (atomic in Redis)."""

    name: str
    keys: list[str]
    args: list[EncodableT]


@attrs.frozen
class _Command:
    """Run the client method ``name`` with ``args`` (a read: ``HMGET``, ``ZRANGE``)."""

    name: str
    args: tuple[Any, ...]


@attrs.frozen
class _ScanPage:
    """One page of ``SCAN`` over the keys matching ``match``; answered with ``(next cursor, keys)``."""

    cursor: int
    match: str


class RedisOptions(StoreOptions, total=False):
    """A Redis store's settings: `StoreOptions`, and where its records live."""

    prefix: str
    """The prefix of the records' keys (``molam:idempotency:``; the webhook stores': ``molam:webhook_event:``)."""


@attrs.define
class _RedisPlans(kernel._Settings):
    """Statement and argument builders shared by the sync and async stores: one plan per operation."""

    scripts: ClassVar[dict[str, str]]
    prefix: str = WEBHOOK_EVENT_PREFIX

    def _expiry(self, now: float) -> list[EncodableT]:
        """The arguments every write ends with: the record's expiry, and its Redis TTL in milliseconds."""
        return [now + self.ttl, _ttl_ms(self.ttl)]

    def cleanup(self) -> kernel.Plan[int]:
        """The expired records among the prefix's keys, a page at a time."""
        now = self.clock()
        deleted, cursor = 0, 0
        while True:
            cursor, keys = yield _ScanPage(cursor, _glob_escape(self.prefix) + "*")
            if keys:
                deleted += int((yield _Script("cleanup", list(keys), [now])))
            if int(cursor) == 0:
                return deleted


@attrs.define
class _RedisIdempotencyPlans(_RedisPlans):
    scripts = {"begin": BEGIN_LUA, "complete": COMPLETE_LUA, "fail": FAIL_LUA, "cleanup": CLEANUP_LUA}
    prefix: str = IDEMPOTENCY_PREFIX

    def begin(self, key: str, fingerprint: str) -> kernel.Plan[BeginResult]:
        now = self.clock()
        args = [fingerprint, now, self.lock_timeout, *self._expiry(now)]
        return _parse_begin((yield _Script("begin", [self.prefix + key], args)))

    def complete(self, key: str, response: StoredResponse) -> kernel.Plan[None]:
        now = self.clock()
        args = [now, response.status, _headers_json(response), response.body, *self._expiry(now)]
        yield _Script("complete", [self.prefix + key], args)

    def fail(self, key: str) -> kernel.Plan[None]:
        yield _Script("fail", [self.prefix + key], [self.clock()])


class _RedisEventPlans(_RedisPlans):
    scripts = {
        "claim": CLAIM_LUA,
        "renew": RENEW_LUA,
        "mark_processed": MARK_PROCESSED_LUA,
        "release": RELEASE_LUA,
        "cleanup": CLEANUP_LUA,
    }

    def claim(self, event_id: str, holder: str | None) -> kernel.Plan[ClaimOutcome]:
        now = self.clock()
        args = [now, self.lock_timeout, *self._expiry(now), holder or ""]
        return ClaimOutcome(_text((yield _Script("claim", [self.prefix + event_id], args))))

    def _done(self, name: str, keys: list[str], args: list[EncodableT]) -> kernel.Plan[bool]:
        return int((yield _Script(name, keys, args))) == 1

    def renew(self, event_id: str, holder: str) -> kernel.Plan[bool]:
        now = self.clock()
        return (yield from self._done("renew", [self.prefix + event_id], [now, holder, *self._expiry(now)]))

    def mark_processed(self, event_id: str, holder: str | None) -> kernel.Plan[bool]:
        now = self.clock()
        args = [now, *self._expiry(now), holder or ""]
        return (yield from self._done("mark_processed", [self.prefix + event_id], args))

    def release(self, event_id: str, error: str, holder: str | None) -> kernel.Plan[bool]:
        now = self.clock()
        args = [now, error[:MAX_ERROR_LENGTH], *self._expiry(now), holder or ""]
        return (yield from self._done("release", [self.prefix + event_id], args))

    def get(self, event_id: str) -> kernel.Plan[EventRecord | None]:
        fields = ["status", "attempts", "last_error", "expires_at"]
        raw = yield _Command("hmget", (self.prefix + event_id, fields))
        return _parse_event(event_id, raw, self.clock())


_AnyRedis = TypeVar("_AnyRedis", bound=redis.Redis | redis.asyncio.Redis)


class _RedisRunner(Generic[_AnyRedis]):
    """What the sync and async stores share: the constructor, the client (made from a URL, or checked), the
    scripts registered on it, and its errors raised as `StoreError` without the password."""

    _asynchronous: bool
    _plans_class: Callable[..., _RedisPlans]
    _binary_only: ClassVar[bool] = True
    """Whether a client passed in must keep stored bodies as bytes (``decode_responses=False``)."""

    def __init__(self, client: _AnyRedis | str, **options: Unpack[RedisOptions]) -> None:
        self._plans = plans = self._plans_class(**options)
        if isinstance(client, str):
            where = redact_url(client)
            factory = redis.asyncio.Redis.from_url if self._asynchronous else redis.Redis.from_url
            try:
                client = cast(_AnyRedis, factory(client, **self._url_options()))
            except ValueError as exc:
                raise ValidationError(f"invalid Redis URL {where}: {exc}", param="store_url") from None
        if self._binary_only:
            _check_binary(client)
        self.client: _AnyRedis = client
        self._where, self._secret = _describe(client)
        self.prefix = plans.prefix
        self._scripts: dict[str, Any] = {
            name: client.register_script(lua) for name, lua in plans.scripts.items()
        }

    def _url_options(self) -> dict[str, Any]:
        """The settings of a client made from a URL."""
        return _client_options(asynchronous=self._asynchronous)

    def _errors(self) -> contextlib.AbstractContextManager[None]:
        return redis_errors(self._where, self._secret)

    def _step(self, step: object) -> Any:
        """The client call that performs ``step`` (its result, or an awaitable of it for an async client)."""
        if isinstance(step, _Script):
            return self._scripts[step.name](keys=step.keys, args=step.args)
        if isinstance(step, _ScanPage):
            return self.client.scan(step.cursor, match=step.match, count=CLEANUP_BATCH)
        assert isinstance(step, _Command)
        return getattr(self.client, step.name)(*step.args)


class _RedisBase(_RedisRunner[redis.Redis]):
    _asynchronous = False

    def _run_plan(self, plan: Callable[..., kernel.Plan[Any]], *args: Any) -> Any:
        with self._errors():
            return kernel.drive(plan(*args), self._step)

    def close(self) -> None:
        """Close the client's connections."""
        self.client.close()


class _AsyncRedisBase(_RedisRunner[redis.asyncio.Redis]):
    _asynchronous = True

    async def _arun_plan(self, plan: Callable[..., kernel.Plan[Any]], *args: Any) -> Any:

        async def perform(step: object) -> Any:
            return await self._step(step)

        with self._errors():
            return await kernel.adrive(plan(*args), perform)

    async def close(self) -> None:
        """Close the client's connections."""
        await self.client.aclose()


class RedisIdempotencyStore(_RedisBase, kernel.IdempotencyFacade):
    """Idempotency records as Redis hashes; ``client`` is a ``redis.Redis`` or a ``redis://`` URL."""

    _plans_class = _RedisIdempotencyPlans


class AsyncRedisIdempotencyStore(_AsyncRedisBase, kernel.AsyncIdempotencyFacade):
    """The asyncio form of ``RedisIdempotencyStore`` (``redis.asyncio.Redis`` or a URL); same plans."""

    _plans_class = _RedisIdempotencyPlans


class RedisWebhookEventStore(_RedisBase, kernel.EventFacade):
    """Webhook event claims as Redis hashes; ``client`` is a ``redis.Redis`` or a ``redis://`` URL."""

    _plans_class = _RedisEventPlans


class AsyncRedisWebhookEventStore(_AsyncRedisBase, kernel.AsyncEventFacade):
    """The asyncio form of ``RedisWebhookEventStore`` (``redis.asyncio.Redis`` or a URL); same plans."""

    _plans_class = _RedisEventPlans


INBOX_PREFIX = "molam:webhook_inbox:"

# The inbox's indexes, beside the event hashes: KEYS[2] ``pending`` (ids of events not done, scored by when they
# were received), KEYS[3] ``dead`` and KEYS[4] ``processed`` (ids scored by expiry, trimmed when counted).

# KEYS[1] record, [2] pending, [3] dead, [4] processed; ARGV: now, event id, type, payload, due_at, expires_at,
# ttl_ms
INBOX_RECORD_LUA = """
local now = tonumber(ARGV[1])
local e = redis.call('HGET', KEYS[1], 'expires_at')
if e and tonumber(e) > now then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'status', 'received', 'attempts', 0, 'event_type', ARGV[3], 'payload', ARGV[4],
  'received_at', ARGV[1], 'due_at', ARGV[5], 'expires_at', ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[2])
redis.call('ZREM', KEYS[4], ARGV[2])
return 1
"""

# KEYS as INBOX_RECORD_LUA; ARGV: now, event id, expires_at, ttl_ms, holder ('' for an unfenced completion)
INBOX_MARK_PROCESSED_LUA = (
    HELD_LUA
    + """
local now = tonumber(ARGV[1])
if ARGV[5] ~= '' and not held(KEYS[1], now, ARGV[5]) then return 0 end
local r = redis.call('HMGET', KEYS[1], 'attempts', 'expires_at')
if not (r[2] and tonumber(r[2]) > now) then
  redis.call('DEL', KEYS[1])
  r[1] = 1
end
redis.call('HSET', KEYS[1], 'status', 'processed', 'attempts', math.max(tonumber(r[1]), 1), 'expires_at', ARGV[3])
redis.call('HDEL', KEYS[1], 'claimed_at', 'claimed_by', 'due_at')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[2])
return 1
"""
)

# KEYS as INBOX_RECORD_LUA; ARGV: now, event id, holder, error, due_at ('' when dead), expires_at, ttl_ms
INBOX_FAIL_LUA = (
    HELD_LUA
    + """
if not held(KEYS[1], tonumber(ARGV[1]), ARGV[3]) then return 0 end
redis.call('HDEL', KEYS[1], 'claimed_at', 'claimed_by')
redis.call('HSET', KEYS[1], 'last_error', ARGV[4], 'expires_at', ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
if ARGV[5] == '' then
  redis.call('HSET', KEYS[1], 'status', 'dead')
  redis.call('HDEL', KEYS[1], 'due_at')
  redis.call('ZREM', KEYS[2], ARGV[2])
  redis.call('ZADD', KEYS[3], ARGV[6], ARGV[2])
else
  redis.call('HSET', KEYS[1], 'status', 'failed', 'due_at', ARGV[5])
end
return 1
"""
)

# KEYS[1] record; ARGV: now
INBOX_MARK_DUE_LUA = """
local s = redis.call('HGET', KEYS[1], 'status')
if s == 'received' or s == 'failed' then redis.call('HSET', KEYS[1], 'due_at', ARGV[1]) end
return 0
"""

# KEYS[1] pending; ARGV: now, lock_timeout, next due_at, limit, record key prefix
INBOX_DUE_LUA = """
local now = tonumber(ARGV[1])
local found = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if #found >= tonumber(ARGV[4]) then break end
  local key = ARGV[5] .. id
  local r = redis.call('HMGET', key, 'status', 'due_at', 'claimed_at', 'expires_at')
  if not r[1] or tonumber(r[4]) <= now then
    redis.call('ZREM', KEYS[1], id)
  elseif r[2] and tonumber(r[2]) <= now and (r[1] == 'received' or r[1] == 'failed'
      or (r[1] == 'processing' and tonumber(r[3]) <= now - tonumber(ARGV[2]))) then
    redis.call('HSET', key, 'due_at', ARGV[3])
    found[#found + 1] = id
  end
end
return found
"""

# KEYS as INBOX_RECORD_LUA; ARGV: now, event id, due_at, expires_at, ttl_ms
INBOX_REPLAY_LUA = """
local r = redis.call('HMGET', KEYS[1], 'status', 'expires_at', 'payload', 'received_at')
if not r[1] or not r[3] or tonumber(r[2]) <= tonumber(ARGV[1]) or r[1] == 'processing' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'received', 'attempts', 0, 'due_at', ARGV[3], 'expires_at', ARGV[4])
redis.call('HDEL', KEYS[1], 'claimed_at', 'claimed_by')
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('ZADD', KEYS[2], r[4], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[2])
redis.call('ZREM', KEYS[4], ARGV[2])
return 1
"""

# KEYS[1] pending, [2] dead, [3] processed; ARGV: now, record key prefix. Returns the counts of pending events by
# status (as a flat list), dead, processed, and the oldest pending receive time ('' when none).
INBOX_STATS_LUA = """
local now = tonumber(ARGV[1])
local counts = {received = 0, processing = 0, failed = 0}
local oldest = ''
local members = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #members, 2 do
  local id = members[i]
  local r = redis.call('HMGET', ARGV[2] .. id, 'status', 'expires_at')
  if not r[1] or tonumber(r[2]) <= now or counts[r[1]] == nil then
    if not r[1] or tonumber(r[2]) <= now then redis.call('ZREM', KEYS[1], id) end
  else
    counts[r[1]] = counts[r[1]] + 1
    if oldest == '' then oldest = members[i + 1] end
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[1])
return {counts.received, counts.processing, counts.failed, redis.call('ZCARD', KEYS[2]),
  redis.call('ZCARD', KEYS[3]), oldest}
"""


_INBOX_FIELDS = ["event_type", "payload", "status", "attempts", "last_error", "received_at", "expires_at"]


@attrs.define
class _RedisInboxPlans(_RedisEventPlans):
    """The inbox's plans: the event plans, plus the inbox's scripts, which keep its three indexes in step."""

    scripts = {
        **_RedisEventPlans.scripts,
        "inbox_record": INBOX_RECORD_LUA,
        "inbox_mark_processed": INBOX_MARK_PROCESSED_LUA,
        "inbox_fail": INBOX_FAIL_LUA,
        "inbox_mark_due": INBOX_MARK_DUE_LUA,
        "inbox_due": INBOX_DUE_LUA,
        "inbox_replay": INBOX_REPLAY_LUA,
        "inbox_stats": INBOX_STATS_LUA,
    }
    stale_after: float = DEFAULT_STALE_AFTER
    inbox_prefix: str = INBOX_PREFIX

    def _indexes(self) -> list[str]:
        return [self.inbox_prefix + "pending", self.inbox_prefix + "dead", self.inbox_prefix + "processed"]

    def _keys(self, event_id: str) -> list[str]:
        return [self.prefix + event_id, *self._indexes()]

    def record(self, event_id: str, event_type: str, payload: bytes) -> kernel.Plan[bool]:
        now = self.clock()
        args = [now, event_id, event_type, payload, now + self.stale_after, *self._expiry(now)]
        return (yield from self._done("inbox_record", self._keys(event_id), args))

    def mark_processed(self, event_id: str, holder: str | None) -> kernel.Plan[bool]:
        now = self.clock()
        args = [now, event_id, *self._expiry(now), holder or ""]
        return (yield from self._done("inbox_mark_processed", self._keys(event_id), args))

    def load(self, event_id: str) -> kernel.Plan[InboxEvent | None]:
        raw = yield _Command("hmget", (self.prefix + event_id, _INBOX_FIELDS))
        event_type, payload, status, attempts, last_error, received_at, expires_at = raw
        if payload is None or expires_at is None or float(expires_at) <= self.clock():
            return None
        error = None if last_error is None else _text(last_error)
        status = cast(EventStatus, _text(status))
        return InboxEvent(
            event_id, _text(event_type), bytes(payload), status, int(attempts), error, float(received_at)
        )

    def fail(self, event_id: str, error: str, holder: str, retry_at: float | None) -> kernel.Plan[bool]:
        now = self.clock()
        due = "" if retry_at is None else retry_at + self.stale_after
        args = [now, event_id, holder, error[:MAX_ERROR_LENGTH], due, *self._expiry(now)]
        return (yield from self._done("inbox_fail", self._keys(event_id), args))

    def mark_due(self, event_id: str) -> kernel.Plan[None]:
        yield _Script("inbox_mark_due", [self.prefix + event_id], [self.clock()])

    def due(self, limit: int) -> kernel.Plan[list[str]]:
        now = self.clock()
        args: list[EncodableT] = [now, self.lock_timeout, now + self.stale_after, limit, self.prefix]
        return [_text(i) for i in (yield _Script("inbox_due", self._indexes()[:1], args))]

    def replay(self, event_id: str) -> kernel.Plan[bool]:
        now = self.clock()
        args = [now, event_id, now + self.stale_after, *self._expiry(now)]
        return (yield from self._done("inbox_replay", self._keys(event_id), args))

    def replay_dead(self, limit: int) -> kernel.Plan[list[str]]:
        ids = [_text(i) for i in (yield _Command("zrange", (self.inbox_prefix + "dead", 0, limit - 1)))]
        replayed = []
        for event_id in ids:
            if (yield from self.replay(event_id)):
                replayed.append(event_id)
        return replayed

    def stats(self) -> kernel.Plan[InboxStats]:
        now = self.clock()
        raw = yield _Script("inbox_stats", self._indexes(), [now, self.prefix])
        *counts, oldest = raw
        found = dict(
            zip(("received", "processing", "failed", "dead", "processed"), map(int, counts), strict=True)
        )
        age = None if _text(oldest) == "" else max(0.0, now - float(oldest))
        return InboxStats(full_counts(found), age)


class _RedisInbox(_RedisRunner[_AnyRedis]):
    """The constructor of the sync and async inboxes: a store's, plus the inbox's settings."""

    _plans_class = _RedisInboxPlans

    def __init__(
        self,
        client: _AnyRedis | str,
        *,
        inbox_prefix: str = INBOX_PREFIX,
        stale_after: float = DEFAULT_STALE_AFTER,
        **options: Unpack[RedisOptions],
    ) -> None:
        super().__init__(client, **options)
        plans = cast(_RedisInboxPlans, self._plans)
        plans.inbox_prefix, plans.stale_after = inbox_prefix, stale_after


class RedisWebhookInbox(_RedisInbox[redis.Redis], RedisWebhookEventStore, kernel.InboxFacade):
    """The webhook inbox (`WebhookInbox`) as Redis hashes plus three small indexes under ``inbox_prefix``.

    A ``processed`` or ``dead`` record still expires after ``ttl`` like any claim; a pending one too (every
    write refreshes it), so an event must be processed within ``ttl``.
    """


class AsyncRedisWebhookInbox(_RedisInbox[redis.asyncio.Redis], _AsyncRedisBase, kernel.AsyncInboxFacade):
    """The asyncio form of ``RedisWebhookInbox`` (``redis.asyncio.Redis`` or a URL); same plans and scripts."""
