"""PostgreSQL stores (psycopg 3, sync and async): shared by every process and host using one database.

Tables come from the versioned migrations (``python -m molam_sdk_ext.stores.migrate --url ...``).
``begin`` is one statement whatever the outcome (``IDEM_BEGIN``: an upsert that claims under the row lock
exactly when ``decide_begin`` would, plus a read of the record to tell the other outcomes apart), so a replay
or a twin's poll costs one round trip. A webhook claim is first tried with ``INSERT ... ON CONFLICT DO
NOTHING``; if the row exists, a transaction locks it (``SELECT ... FOR UPDATE``), applies ``decide_claim`` and
writes the result. Other operations are single conditional statements that mirror the pure decisions.
Connections come from a small pool and run in autocommit mode. The sync and async stores share one plan per
operation (its statements and parameters, built once: `_PostgresPlans`); only the runner that sends them
differs.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, Literal, TypeVar, Unpack, cast

import attrs
import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg.types.json import Jsonb

from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.stores import _kernel as kernel
from molam_sdk_ext.stores.idempotency_records import (
    BeginOutcome,
    BeginResult,
    IdempotencyRecord,
    StoredResponse,
    StoreOptions,
    decide_begin,
)
from molam_sdk_ext.stores.pool import AsyncConnectionPool, ConnectionPool, PoolTimeout
from molam_sdk_ext.stores.redaction import store_error
from molam_sdk_ext.stores.webhook_events import (
    MAX_ERROR_LENGTH,
    ClaimOutcome,
    EventRecord,
    EventStatus,
    StoredEvent,
    decide_claim,
)
from molam_sdk_ext.stores.webhook_inbox import DEFAULT_STALE_AFTER, InboxEvent, InboxStats, full_counts

Clock = Callable[[], float]
_T = TypeVar("_T")

MAX_CLAIM_ROUNDS = 20
"""A record changing under a claim sends us round again; this bounds the rounds."""

# One round trip for every outcome: the upsert claims a new, expired or abandoned record (the same rules as
# `decide_begin`, evaluated on the latest row version under its lock); the outer SELECT reads the record as it
# was when the statement started (a data-modifying CTE's changes are invisible to it), to tell the other
# outcomes apart. If that earlier version would have been claimable but the upsert did not claim it, the row
# changed meanwhile: the caller asks again.
IDEM_BEGIN = """
WITH claim AS (
    INSERT INTO server_idempotency AS r (key, fingerprint, state, locked_at, expires_at)
    VALUES (%(key)s, %(fp)s, 'in_progress', %(now)s, %(exp)s)
    ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, state = 'in_progress',
        locked_at = EXCLUDED.locked_at, expires_at = EXCLUDED.expires_at, status = NULL, headers = NULL,
        body = NULL, created_at = now()
    WHERE r.expires_at <= %(now)s
       OR (r.fingerprint = EXCLUDED.fingerprint AND r.state = 'in_progress'
           AND %(now)s - COALESCE(r.locked_at, %(now)s) >= %(lock_timeout)s)
    RETURNING 1
)
SELECT (SELECT count(*) FROM claim), t.fingerprint, t.state, t.locked_at, t.expires_at, t.status, t.headers,
    t.body
FROM (SELECT 1) AS one LEFT JOIN server_idempotency AS t ON t.key = %(key)s
"""
IDEM_COMPLETE = (
    "UPDATE server_idempotency SET state = 'completed', status = %s, headers = %s, body = %s, locked_at = NULL,"
    " expires_at = %s WHERE key = %s AND state = 'in_progress' AND expires_at > %s"
)
IDEM_FAIL = "DELETE FROM server_idempotency WHERE key = %s AND state = 'in_progress' AND expires_at > %s"
IDEM_CLEANUP = "DELETE FROM server_idempotency WHERE expires_at <= %s"

EVENT_INSERT = (
    "INSERT INTO received_webhooks (event_id, status, attempts, claimed_at, expires_at, claimed_by)"
    " VALUES (%s, 'processing', 1, %s, %s, %s) ON CONFLICT (event_id) DO NOTHING"
)
EVENT_LOCK = (
    "SELECT status, attempts, last_error, claimed_at, expires_at, claimed_by FROM received_webhooks"
    " WHERE event_id = %s FOR UPDATE"
)
EVENT_WRITE = (
    "UPDATE received_webhooks SET status = %(status)s, attempts = %(attempts)s, last_error = %(last_error)s,"
    " claimed_at = %(claimed_at)s, expires_at = %(expires_at)s, claimed_by = %(claimed_by)s"
    " WHERE event_id = %(event_id)s"
)
# The lease conditions of `holds_lease`, evaluated on the row under its lock by each fenced statement.
_HELD = "event_id = %(id)s AND status = 'processing' AND claimed_by = %(holder)s AND expires_at > %(now)s"
EVENT_RENEW = (
    "UPDATE received_webhooks SET claimed_at = %(now)s, expires_at = GREATEST(expires_at, %(exp)s) WHERE "
    + _HELD
)
EVENT_MARK_PROCESSED_FENCED = (
    "UPDATE received_webhooks SET status = 'processed', attempts = GREATEST(attempts, 1), claimed_at = NULL,"
    " claimed_by = NULL, expires_at = %(exp)s WHERE " + _HELD
)
EVENT_RELEASE_FENCED = (
    "UPDATE received_webhooks SET status = 'failed', attempts = GREATEST(attempts, 1), last_error = %(error)s,"
    " claimed_at = NULL, claimed_by = NULL, expires_at = %(exp)s WHERE " + _HELD
)
# An expired row behaves as absent: attempts restart at 1 and its last error is forgotten.
EVENT_MARK_PROCESSED = (
    "INSERT INTO received_webhooks AS r (event_id, status, attempts, claimed_at, expires_at)"
    " VALUES (%(id)s, 'processed', 1, NULL, %(exp)s) ON CONFLICT (event_id) DO UPDATE SET status = 'processed',"
    " attempts = CASE WHEN r.expires_at > %(now)s THEN GREATEST(r.attempts, 1) ELSE 1 END,"
    " last_error = CASE WHEN r.expires_at > %(now)s THEN r.last_error END,"
    " claimed_at = NULL, claimed_by = NULL, expires_at = EXCLUDED.expires_at"
)
EVENT_RELEASE = (
    "INSERT INTO received_webhooks AS r (event_id, status, attempts, last_error, claimed_at, expires_at)"
    " VALUES (%(id)s, 'failed', 1, %(error)s, NULL, %(exp)s) ON CONFLICT (event_id) DO UPDATE SET status = 'failed',"
    " attempts = CASE WHEN r.expires_at > %(now)s THEN GREATEST(r.attempts, 1) ELSE 1 END,"
    " last_error = EXCLUDED.last_error, claimed_at = NULL, claimed_by = NULL, expires_at = EXCLUDED.expires_at"
    " WHERE NOT (r.status = 'processed' AND r.expires_at > %(now)s)"
)
EVENT_GET = (
    "SELECT status, attempts, last_error FROM received_webhooks WHERE event_id = %s AND expires_at > %s"
)
EVENT_CLEANUP = "DELETE FROM received_webhooks WHERE expires_at <= %s"


def describe_conninfo(conninfo: str) -> tuple[str, str | None]:
    """A password-free ``postgresql://user@host:port/db`` for messages, and the password (to scrub)."""
    try:
        params = conninfo_to_dict(conninfo)
    except psycopg.Error as exc:
        raise ValueError(f"invalid PostgreSQL connection string: {type(exc).__name__}") from None
    password = params.get("password")
    user = str(params.get("user") or "")
    host = params.get("host") or "localhost"
    port = params.get("port") or 5432
    db = params.get("dbname") or user
    where = f"postgresql://{user + '@' if user else ''}{host}:{port}/{db}"
    return where, None if password is None else str(password)


def _connect_kwargs(conninfo: str) -> dict[str, Any]:
    # A payment waits on this: do not hang on an unreachable server (unless the caller chose a timeout).
    return {} if "connect_timeout" in conninfo_to_dict(conninfo) else {"connect_timeout": 5}


def _error(where: str, secret: str | None, exc: BaseException) -> StoreError:
    if isinstance(exc, psycopg.errors.UndefinedTable):
        return StoreError(
            f"postgres store at {where} failed: its tables are missing; "
            "run `python -m molam_sdk_ext.stores.migrate --url <url>`"
        )
    return store_error("postgres", where, exc, secret)


def _idem_record(key: str, row: tuple[Any, ...]) -> IdempotencyRecord:
    fingerprint, state, locked_at, expires_at, status, headers, body = row
    response = None
    if state == "completed":
        response = StoredResponse(int(status), tuple((str(n), str(v)) for n, v in headers), bytes(body))
    return IdempotencyRecord(key, fingerprint, state, locked_at, expires_at, response)


def _decide_begin_row(
    key: str, fingerprint: str, now: float, row: tuple[Any, ...] | None, ttl: float, lock_timeout: float
) -> BeginResult | None:
    """The outcome of one ``IDEM_BEGIN`` (claimed, then the record as of the statement's start), or None when
    the record changed under the statement and ``begin`` must ask again."""
    if row is None:
        return None
    claimed, *record = row
    if claimed:
        return BeginResult(BeginOutcome.NEW)
    if record[0] is None:
        return None  # inserted by a concurrent claim after our snapshot: its outcome is for the next round
    result, write = decide_begin(
        _idem_record(key, tuple(record)), key, fingerprint, now=now, ttl=ttl, lock_timeout=lock_timeout
    )
    return result if write is None else None


# The steps of the PostgreSQL plans, each answered on the plan's one pooled connection.
@attrs.frozen
class _Execute:
    """Run ``sql``; answered with the row count, the first row (``fetch="one"``) or every row (``"all"``)."""

    sql: str
    params: Any
    fetch: Literal["rowcount", "one", "all"] = "rowcount"


@attrs.frozen
class _Transaction:
    """Run ``plan`` inside a transaction (committed when it returns, rolled back when it raises)."""

    plan: kernel.Plan[Any]


def _answer(cursor: Any, step: _Execute) -> Any:
    """The answer to ``step`` from its cursor (an awaitable of it for an async cursor's rows)."""
    if step.fetch == "one":
        return cursor.fetchone()
    if step.fetch == "all":
        return cursor.fetchall()
    return cursor.rowcount


def _lost_race(where: str) -> StoreError:
    return StoreError(
        f"postgres store at {where} failed: the record kept changing under {MAX_CLAIM_ROUNDS} claims"
    )


@attrs.define
class _PostgresPlans(kernel._Settings):
    """Statement and argument builders shared by the sync and async stores: one plan per operation."""

    where: str = attrs.field(kw_only=True)

    def _params(self, **params: Any) -> dict[str, Any]:
        """``params`` and the times the statements use: ``now``, and ``exp`` (a written record's expiry)."""
        now = self.clock()
        return {"now": now, "exp": now + self.ttl, **params}


class _PostgresIdempotencyPlans(_PostgresPlans):
    def begin(self, key: str, fingerprint: str) -> kernel.Plan[BeginResult]:
        for _ in range(MAX_CLAIM_ROUNDS):
            params = self._params(key=key, fp=fingerprint, lock_timeout=self.lock_timeout)
            row = yield _Execute(IDEM_BEGIN, params, "one")
            result = _decide_begin_row(key, fingerprint, params["now"], row, self.ttl, self.lock_timeout)
            if result is not None:
                return result
        raise _lost_race(self.where)

    def complete(self, key: str, response: StoredResponse) -> kernel.Plan[None]:
        now = self.clock()
        headers = Jsonb([list(h) for h in response.headers])
        yield _Execute(IDEM_COMPLETE, (response.status, headers, response.body, now + self.ttl, key, now))

    def fail(self, key: str) -> kernel.Plan[None]:
        yield _Execute(IDEM_FAIL, (key, self.clock()))

    def cleanup(self) -> kernel.Plan[int]:
        deleted: int = yield _Execute(IDEM_CLEANUP, (self.clock(),))
        return deleted


def _public(event_id: str, row: tuple[Any, ...] | None) -> EventRecord | None:
    if row is None:
        return None
    status, attempts, last_error = row
    return EventRecord(event_id, cast(EventStatus, status), int(attempts), last_error)


class _PostgresEventPlans(_PostgresPlans):
    def claim(self, event_id: str, holder: str | None) -> kernel.Plan[ClaimOutcome]:
        for _ in range(MAX_CLAIM_ROUNDS):
            now = self.clock()
            if (yield _Execute(EVENT_INSERT, (event_id, now, now + self.ttl, holder))) == 1:
                return ClaimOutcome.CLAIMED
            outcome = yield _Transaction(self._claim_locked(event_id, holder, now))
            if outcome is not None:
                return cast(ClaimOutcome, outcome)
        raise _lost_race(self.where)

    def _claim_locked(
        self, event_id: str, holder: str | None, now: float
    ) -> kernel.Plan[ClaimOutcome | None]:
        row = yield _Execute(EVENT_LOCK, (event_id,), "one")
        if row is None:
            return None  # deleted since the insert found it: round again
        outcome, write = decide_claim(
            StoredEvent(event_id, *row),  # EVENT_LOCK reads the columns in the record's order
            event_id,
            now=now,
            ttl=self.ttl,
            lock_timeout=self.lock_timeout,
            holder=holder,
        )
        if write is not None:
            yield _Execute(EVENT_WRITE, attrs.asdict(write, recurse=False))
        return outcome

    def renew(self, event_id: str, holder: str) -> kernel.Plan[bool]:
        return bool((yield _Execute(EVENT_RENEW, self._params(id=event_id, holder=holder))) == 1)

    def mark_processed(self, event_id: str, holder: str | None) -> kernel.Plan[bool]:
        sql = EVENT_MARK_PROCESSED if holder is None else EVENT_MARK_PROCESSED_FENCED
        return bool((yield _Execute(sql, self._params(id=event_id, holder=holder))) == 1)

    def release(self, event_id: str, error: str, holder: str | None) -> kernel.Plan[bool]:
        sql = EVENT_RELEASE if holder is None else EVENT_RELEASE_FENCED
        params = self._params(id=event_id, error=error[:MAX_ERROR_LENGTH], holder=holder)
        return bool((yield _Execute(sql, params)) == 1)

    def get(self, event_id: str) -> kernel.Plan[EventRecord | None]:
        return _public(event_id, (yield _Execute(EVENT_GET, (event_id, self.clock()), "one")))

    def cleanup(self) -> kernel.Plan[int]:
        deleted: int = yield _Execute(EVENT_CLEANUP, (self.clock(),))
        return deleted


class _PostgresStore:
    """What the sync and async stores share: the constructor, and the settings in their plans."""

    _plans_class: Callable[..., Any]

    def __init__(
        self,
        conninfo: str,
        *,
        max_connections: int = 10,
        pool_timeout: float = 30.0,
        **options: Unpack[StoreOptions],
    ) -> None:
        self.conninfo = conninfo
        self.where, self._secret = describe_conninfo(conninfo)
        self._open(conninfo, _connect_kwargs(conninfo), max_connections, pool_timeout)
        self._plans = self._plans_class(where=self.where, **options)

    def _open(self, conninfo: str, kwargs: dict[str, Any], max_connections: int, pool_timeout: float) -> None:
        raise NotImplementedError


class _SyncPostgres(_PostgresStore):
    """Runs plans on a pool of autocommit connections to one database; errors become ``StoreError``."""

    def _open(self, conninfo: str, kwargs: dict[str, Any], max_connections: int, pool_timeout: float) -> None:
        self._pool: ConnectionPool[psycopg.Connection[tuple[Any, ...]]] = ConnectionPool(
            functools.partial(psycopg.connect, conninfo, autocommit=True, **kwargs),
            psycopg.Connection.close,
            max_size=max_connections,
            timeout=pool_timeout,
        )

    def _run_plan(self, plan: Callable[..., kernel.Plan[Any]], *args: Any) -> Any:
        try:
            with self._pool.connection() as conn:
                return self._drive(conn, plan(*args))
        except (psycopg.Error, PoolTimeout) as exc:
            raise _error(self.where, self._secret, exc) from exc

    def _drive(self, conn: psycopg.Connection[tuple[Any, ...]], plan: kernel.Plan[_T]) -> _T:
        def perform(step: _Execute | _Transaction) -> Any:
            if isinstance(step, _Transaction):
                with conn.transaction():
                    return self._drive(conn, step.plan)
            return _answer(conn.execute(step.sql, step.params), step)

        return kernel.drive(plan, perform)

    def close(self) -> None:
        """Close the pooled connections."""
        self._pool.close()


class _AsyncPostgres(_PostgresStore):
    """The asyncio `_SyncPostgres`."""

    def _open(self, conninfo: str, kwargs: dict[str, Any], max_connections: int, pool_timeout: float) -> None:
        self._pool: AsyncConnectionPool[psycopg.AsyncConnection[tuple[Any, ...]]] = AsyncConnectionPool(
            functools.partial(psycopg.AsyncConnection.connect, conninfo, autocommit=True, **kwargs),
            psycopg.AsyncConnection.close,
            max_size=max_connections,
            timeout=pool_timeout,
        )

    async def _arun_plan(self, plan: Callable[..., kernel.Plan[Any]], *args: Any) -> Any:
        try:
            async with self._pool.connection() as conn:
                return await self._drive(conn, plan(*args))
        except (psycopg.Error, PoolTimeout) as exc:
            raise _error(self.where, self._secret, exc) from exc

    async def _drive(self, conn: psycopg.AsyncConnection[tuple[Any, ...]], plan: kernel.Plan[_T]) -> _T:
        async def perform(step: _Execute | _Transaction) -> Any:
            if isinstance(step, _Transaction):
                async with conn.transaction():
                    return await self._drive(conn, step.plan)
            answer = _answer(await conn.execute(step.sql, step.params), step)
            return await answer if inspect.isawaitable(answer) else answer  # an async cursor's fetch

        return await kernel.adrive(plan, perform)

    async def close(self) -> None:
        """Close the pooled connections."""
        await self._pool.close()


class PostgresIdempotencyStore(_SyncPostgres, kernel.IdempotencyFacade):
    """Idempotency records in the ``server_idempotency`` table; ``conninfo`` is a URL or libpq string."""

    _plans_class = _PostgresIdempotencyPlans


class AsyncPostgresIdempotencyStore(_AsyncPostgres, kernel.AsyncIdempotencyFacade):
    """The asyncio form of ``PostgresIdempotencyStore`` (psycopg ``AsyncConnection``); same plans."""

    _plans_class = _PostgresIdempotencyPlans


class PostgresWebhookEventStore(_SyncPostgres, kernel.EventFacade):
    """Webhook event claims in the ``received_webhooks`` table; ``conninfo`` is a URL or libpq string."""

    _plans_class = _PostgresEventPlans


class AsyncPostgresWebhookEventStore(_AsyncPostgres, kernel.AsyncEventFacade):
    """The asyncio form of ``PostgresWebhookEventStore`` (psycopg ``AsyncConnection``); same plans."""

    _plans_class = _PostgresEventPlans


INBOX_RECORD = (
    "INSERT INTO received_webhooks AS r (event_id, status, attempts, expires_at, event_type, payload,"
    " received_unix, due_at) VALUES (%(id)s, 'received', 0, %(exp)s, %(type)s, %(payload)s, %(now)s, %(due)s)"
    " ON CONFLICT (event_id) DO UPDATE SET status = 'received', attempts = 0, last_error = NULL,"
    " claimed_at = NULL, claimed_by = NULL, expires_at = EXCLUDED.expires_at, event_type = EXCLUDED.event_type,"
    " payload = EXCLUDED.payload, received_unix = EXCLUDED.received_unix, due_at = EXCLUDED.due_at"
    " WHERE r.expires_at <= %(now)s"
)
INBOX_LOAD = (
    "SELECT event_type, payload, status, attempts, last_error, received_unix FROM received_webhooks"
    " WHERE event_id = %s AND payload IS NOT NULL AND expires_at > %s"
)
INBOX_FAIL = (
    "UPDATE received_webhooks SET status = %(status)s, last_error = %(error)s, claimed_at = NULL,"
    " claimed_by = NULL, due_at = %(due)s, expires_at = %(exp)s WHERE " + _HELD
)
INBOX_MARK_DUE = (
    "UPDATE received_webhooks SET due_at = %s WHERE event_id = %s AND status IN ('received', 'failed')"
)
# SKIP LOCKED: concurrent sweepers take different rows instead of waiting on each other.
INBOX_DUE = """
WITH due AS (
    SELECT event_id FROM received_webhooks
    WHERE payload IS NOT NULL AND status IN ('received', 'processing', 'failed') AND due_at <= %(now)s
      AND expires_at > %(now)s
      AND (status <> 'processing' OR claimed_at <= %(now)s - %(lock_timeout)s)
    ORDER BY due_at LIMIT %(limit)s FOR UPDATE SKIP LOCKED
)
UPDATE received_webhooks AS r SET due_at = %(due)s FROM due WHERE r.event_id = due.event_id
RETURNING r.event_id
"""
INBOX_REPLAY = (
    "UPDATE received_webhooks SET status = 'received', attempts = 0, claimed_at = NULL, claimed_by = NULL,"
    " due_at = %(due)s, expires_at = %(exp)s WHERE event_id = %(id)s AND payload IS NOT NULL"
    " AND expires_at > %(now)s AND status <> 'processing'"
)
INBOX_REPLAY_DEAD = """
WITH dead AS (
    SELECT event_id FROM received_webhooks
    WHERE payload IS NOT NULL AND status = 'dead' AND expires_at > %(now)s
    ORDER BY received_unix LIMIT %(limit)s FOR UPDATE SKIP LOCKED
)
UPDATE received_webhooks AS r SET status = 'received', attempts = 0, claimed_at = NULL, claimed_by = NULL,
    due_at = %(due)s, expires_at = %(exp)s
FROM dead WHERE r.event_id = dead.event_id
RETURNING r.event_id
"""
INBOX_COUNTS = "SELECT status, count(*) FROM received_webhooks WHERE payload IS NOT NULL AND expires_at > %s GROUP BY status"
INBOX_OLDEST = (
    "SELECT min(received_unix) FROM received_webhooks WHERE payload IS NOT NULL AND expires_at > %s"
    " AND status IN ('received', 'processing', 'failed')"
)


@attrs.define
class _PostgresInboxPlans(_PostgresEventPlans):
    """The inbox's plans: the event plans, plus the inbox's statements."""

    stale_after: float = DEFAULT_STALE_AFTER

    def _params(self, **params: Any) -> dict[str, Any]:
        """The event plans' times, and ``due``: when a recorded (or replayed) event is enqueued again."""
        times = super()._params()
        return {**times, "due": times["now"] + self.stale_after, **params}

    def record(self, event_id: str, event_type: str, payload: bytes) -> kernel.Plan[bool]:
        params = self._params(id=event_id, type=event_type, payload=payload)
        return bool((yield _Execute(INBOX_RECORD, params)) == 1)

    def load(self, event_id: str) -> kernel.Plan[InboxEvent | None]:
        row = yield _Execute(INBOX_LOAD, (event_id, self.clock()), "one")
        if row is None:
            return None
        event_type, payload, status, attempts, last_error, received_at = row
        return InboxEvent(
            event_id, event_type, bytes(payload), status, int(attempts), last_error, received_at
        )

    def fail(self, event_id: str, error: str, holder: str, retry_at: float | None) -> kernel.Plan[bool]:
        status, due = ("dead", None) if retry_at is None else ("failed", retry_at + self.stale_after)
        params = self._params(
            id=event_id, holder=holder, status=status, error=error[:MAX_ERROR_LENGTH], due=due
        )
        return bool((yield _Execute(INBOX_FAIL, params)) == 1)

    def mark_due(self, event_id: str) -> kernel.Plan[None]:
        yield _Execute(INBOX_MARK_DUE, (self.clock(), event_id))

    def due(self, limit: int) -> kernel.Plan[list[str]]:
        params = self._params(lock_timeout=self.lock_timeout, limit=limit)
        return [r[0] for r in (yield _Execute(INBOX_DUE, params, "all"))]

    def replay(self, event_id: str) -> kernel.Plan[bool]:
        return bool((yield _Execute(INBOX_REPLAY, self._params(id=event_id))) == 1)

    def replay_dead(self, limit: int) -> kernel.Plan[list[str]]:
        return [r[0] for r in (yield _Execute(INBOX_REPLAY_DEAD, self._params(limit=limit), "all"))]

    def stats(self) -> kernel.Plan[InboxStats]:
        now = self.clock()
        counts = {str(s): int(n) for s, n in (yield _Execute(INBOX_COUNTS, (now,), "all"))}
        row = yield _Execute(INBOX_OLDEST, (now,), "one")
        oldest = None if row is None or row[0] is None else max(0.0, now - float(row[0]))
        return InboxStats(full_counts(counts), oldest)


class _PostgresInbox(_PostgresStore):
    """The constructor of the sync and async inboxes: a store's, plus the inbox's ``stale_after``."""

    _plans_class = _PostgresInboxPlans

    def __init__(
        self,
        conninfo: str,
        *,
        stale_after: float = DEFAULT_STALE_AFTER,
        max_connections: int = 10,
        pool_timeout: float = 30.0,
        **options: Unpack[StoreOptions],
    ) -> None:
        super().__init__(conninfo, max_connections=max_connections, pool_timeout=pool_timeout, **options)
        cast(_PostgresInboxPlans, self._plans).stale_after = stale_after


class PostgresWebhookInbox(_PostgresInbox, PostgresWebhookEventStore, kernel.InboxFacade):
    """The webhook inbox (`WebhookInbox`) in the ``received_webhooks`` table (migration 0005)."""


class AsyncPostgresWebhookInbox(_PostgresInbox, _AsyncPostgres, kernel.AsyncInboxFacade):
    """The asyncio form of ``PostgresWebhookInbox`` (psycopg ``AsyncConnection``); same plans and statements."""
