"""SQLite stores (stdlib ``sqlite3``): embedded, shared by every thread and process on one machine.

The database runs in WAL mode. Each decision reads and writes inside ``BEGIN IMMEDIATE``, which takes SQLite's
single write lock first, so concurrent writers (threads or processes) are serialized and each sees the last
one's commit; waiting writers retry for ``busy_timeout`` seconds. The tables are created on first use. The async
variants run the sync store in a worker thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator

from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.stores.idempotency_records import (
    DEFAULT_LOCK_TIMEOUT,
    DEFAULT_TTL,
    BeginResult,
    IdempotencyRecord,
    StoredResponse,
    decide_begin,
    decide_complete,
    decide_fail,
)
from molam_sdk_ext.stores.pool import ConnectionPool, PoolTimeout
from molam_sdk_ext.stores.webhook_events import (
    MAX_ERROR_LENGTH,
    ClaimOutcome,
    EventRecord,
    StoredEvent,
    decide_claim,
    decide_mark_processed,
    decide_release,
    decide_renew,
    holds_lease,
)
from molam_sdk_ext.stores.webhook_inbox import DEFAULT_STALE_AFTER, InboxEvent, InboxStats, full_counts

Clock = Callable[[], float]

SCHEMA = """
CREATE TABLE IF NOT EXISTS server_idempotency (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in_progress', 'completed')),
    locked_at REAL,
    expires_at REAL NOT NULL,
    status INTEGER,
    headers TEXT,
    body BLOB
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS server_idempotency_expires_at ON server_idempotency (expires_at);
CREATE TABLE IF NOT EXISTS received_webhooks (
    event_id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('received', 'processing', 'processed', 'failed', 'dead')),
    attempts INTEGER NOT NULL,
    last_error TEXT,
    claimed_at REAL,
    expires_at REAL NOT NULL,
    claimed_by TEXT,
    event_type TEXT,
    payload BLOB,
    received_at REAL,
    due_at REAL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS received_webhooks_expires_at ON received_webhooks (expires_at);
"""

# A file made by an older version keeps its older table (CREATE TABLE IF NOT EXISTS leaves it alone): it is
# rebuilt with the current columns and status values, its rows kept. The marker is the newest status value.
UPGRADE_RECEIVED_WEBHOOKS = f"""
ALTER TABLE received_webhooks RENAME TO received_webhooks_old;
DROP INDEX IF EXISTS received_webhooks_expires_at;
{SCHEMA}
INSERT INTO received_webhooks ({{columns}}) SELECT {{columns}} FROM received_webhooks_old;
DROP TABLE received_webhooks_old;
"""


class _SQLiteDatabase:
    """One SQLite file: a pool of connections, the schema, and errors turned into ``StoreError``."""

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout: float, max_connections: int) -> None:
        self.path = os.fspath(path)
        if self.path in ("", ":memory:") or self.path.startswith("file::memory:"):
            raise ValueError(
                "an in-memory SQLite database is private to one connection: use the memory store"
            )
        self.busy_timeout = busy_timeout
        self._pool: ConnectionPool[sqlite3.Connection] = ConnectionPool(
            self._connect, sqlite3.Connection.close, max_size=max_connections, timeout=busy_timeout
        )
        with self._errors(), self._pool.connection() as conn:
            conn.executescript(SCHEMA)
            self._upgrade(conn)

    @staticmethod
    def _upgrade(conn: sqlite3.Connection) -> None:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'received_webhooks'").fetchone()
        if row is None or "'dead'" in row[0]:
            return
        # Under the write lock, and checked again inside it: two processes may open an old file together.
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'received_webhooks'").fetchone()
            if "'dead'" not in row[0]:
                columns = ", ".join(r[1] for r in conn.execute("PRAGMA table_info(received_webhooks)"))
                for statement in UPGRADE_RECEIVED_WEBHOOKS.format(columns=columns).split(";"):
                    if statement.strip():
                        conn.execute(statement)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves.
        conn = sqlite3.connect(
            self.path, timeout=self.busy_timeout, isolation_level=None, check_same_thread=False
        )
        try:
            self._enable_wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
        except BaseException:
            conn.close()
            raise
        return conn

    def _enable_wal(self, conn: sqlite3.Connection) -> None:
        # Switching a new file to WAL takes an exclusive lock and SQLite answers "database is locked" at once,
        # without its busy handler, when several processes open the file together: retry until busy_timeout.
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.01)

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, PoolTimeout) as exc:
            raise StoreError(f"sqlite store at {self.path} failed: {type(exc).__name__}: {exc}") from exc

    @contextlib.contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A connection in autocommit mode (each statement is its own transaction), for plain reads."""
        with self._errors(), self._pool.connection() as conn:
            yield conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A connection inside ``BEGIN IMMEDIATE``, committed on success and rolled back on error."""
        with self._errors(), self._pool.connection() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        """Close the pooled connections."""
        self._pool.close()


def read_idempotency_record(
    conn: sqlite3.Connection, key: str, *, table: str = "server_idempotency"
) -> IdempotencyRecord | None:
    """The idempotency record of `key` in `table` (this store's, or the sandbox's own), or None.

    The one codec of a record row: the store and the sandbox (which keeps its records in its own database, to
    commit them with the objects a request creates) share it. `table` is a fixed name, never user input.
    """
    row = conn.execute(
        f"SELECT fingerprint, state, locked_at, expires_at, status, headers, body FROM {table} WHERE key = ?",
        (key,),
    ).fetchone()
    if row is None:
        return None
    fingerprint, state, locked_at, expires_at, status, headers, body = row
    response = None
    if state == "completed":
        pairs = tuple((str(n), str(v)) for n, v in json.loads(headers))
        response = StoredResponse(int(status), pairs, bytes(body))
    return IdempotencyRecord(key, fingerprint, state, locked_at, expires_at, response)


def write_idempotency_record(
    conn: sqlite3.Connection, record: IdempotencyRecord, *, table: str = "server_idempotency"
) -> None:
    """Insert or replace `record` in `table` (see `read_idempotency_record`)."""
    response = record.response
    conn.execute(
        f"INSERT INTO {table} (key, fingerprint, state, locked_at, expires_at, status, headers, body)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, state = excluded.state,"
        " locked_at = excluded.locked_at, expires_at = excluded.expires_at, status = excluded.status,"
        " headers = excluded.headers, body = excluded.body",
        (
            record.key,
            record.fingerprint,
            record.state,
            record.locked_at,
            record.expires_at,
            None if response is None else response.status,
            None if response is None else json.dumps([list(h) for h in response.headers]),
            None if response is None else response.body,
        ),
    )


class SQLiteIdempotencyStore:
    """Idempotency records in the ``server_idempotency`` table of a SQLite file."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        ttl: float = DEFAULT_TTL,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Clock = time.time,
        busy_timeout: float = 30.0,
        max_connections: int = 8,
    ) -> None:
        self.ttl = ttl
        self.lock_timeout = lock_timeout
        self._clock = clock
        self._db = _SQLiteDatabase(path, busy_timeout=busy_timeout, max_connections=max_connections)

    @property
    def path(self) -> str:
        """The database file."""
        return self._db.path

    def begin(self, key: str, fingerprint: str) -> BeginResult:
        """See ``IdempotencyStore.begin``."""
        with self._db.transaction() as conn:
            result, write = decide_begin(
                read_idempotency_record(conn, key),
                key,
                fingerprint,
                now=self._clock(),
                ttl=self.ttl,
                lock_timeout=self.lock_timeout,
            )
            if write is not None:
                write_idempotency_record(conn, write)
            return result

    def complete(self, key: str, response: StoredResponse) -> None:
        """See ``IdempotencyStore.complete``."""
        with self._db.transaction() as conn:
            write = decide_complete(
                read_idempotency_record(conn, key), response, now=self._clock(), ttl=self.ttl
            )
            if write is not None:
                write_idempotency_record(conn, write)

    def fail(self, key: str) -> None:
        """See ``IdempotencyStore.fail``."""
        with self._db.transaction() as conn:
            if decide_fail(read_idempotency_record(conn, key), now=self._clock()):
                conn.execute("DELETE FROM server_idempotency WHERE key = ?", (key,))

    def cleanup(self) -> int:
        """See ``IdempotencyStore.cleanup``."""
        with self._db.transaction() as conn:
            return conn.execute(
                "DELETE FROM server_idempotency WHERE expires_at <= ?", (self._clock(),)
            ).rowcount

    def close(self) -> None:
        """Close the pooled connections."""
        self._db.close()


class SQLiteWebhookEventStore:
    """Webhook event claims in the ``received_webhooks`` table of a SQLite file."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        ttl: float = DEFAULT_TTL,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Clock = time.time,
        busy_timeout: float = 30.0,
        max_connections: int = 8,
    ) -> None:
        self.ttl = ttl
        self.lock_timeout = lock_timeout
        self._clock = clock
        self._db = _SQLiteDatabase(path, busy_timeout=busy_timeout, max_connections=max_connections)

    @property
    def path(self) -> str:
        """The database file."""
        return self._db.path

    @staticmethod
    def _read(conn: sqlite3.Connection, event_id: str) -> StoredEvent | None:
        row = conn.execute(
            "SELECT status, attempts, last_error, claimed_at, expires_at, claimed_by FROM received_webhooks"
            " WHERE event_id = ?",
            (event_id,),
        ).fetchone()
        return None if row is None else StoredEvent(event_id, *row)

    @staticmethod
    def _write(conn: sqlite3.Connection, r: StoredEvent) -> None:
        conn.execute(
            "INSERT INTO received_webhooks"
            " (event_id, status, attempts, last_error, claimed_at, expires_at, claimed_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (event_id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,"
            " last_error = excluded.last_error, claimed_at = excluded.claimed_at,"
            " expires_at = excluded.expires_at, claimed_by = excluded.claimed_by",
            (r.event_id, r.status, r.attempts, r.last_error, r.claimed_at, r.expires_at, r.claimed_by),
        )

    def claim(self, event_id: str, holder: str | None = None) -> ClaimOutcome:
        """See ``WebhookEventStore.claim``."""
        with self._db.transaction() as conn:
            outcome, write = decide_claim(
                self._read(conn, event_id),
                event_id,
                now=self._clock(),
                ttl=self.ttl,
                lock_timeout=self.lock_timeout,
                holder=holder,
            )
            if write is not None:
                self._write(conn, write)
            return outcome

    def renew(self, event_id: str, holder: str) -> bool:
        """See ``WebhookEventStore.renew``."""
        with self._db.transaction() as conn:
            write = decide_renew(self._read(conn, event_id), holder, now=self._clock(), ttl=self.ttl)
            if write is not None:
                self._write(conn, write)
            return write is not None

    def mark_processed(self, event_id: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.mark_processed``."""
        with self._db.transaction() as conn:
            write = decide_mark_processed(
                self._read(conn, event_id), event_id, now=self._clock(), ttl=self.ttl, holder=holder
            )
            if write is not None:
                self._write(conn, write)
            return write is not None

    def release(self, event_id: str, error: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.release``."""
        with self._db.transaction() as conn:
            write = decide_release(
                self._read(conn, event_id), event_id, error, now=self._clock(), ttl=self.ttl, holder=holder
            )
            if write is not None:
                self._write(conn, write)
            return write is not None

    def get(self, event_id: str) -> EventRecord | None:
        """See ``WebhookEventStore.get``."""
        with self._db.connection() as conn:
            record = self._read(conn, event_id)
        return record.public() if record is not None and record.is_live(self._clock()) else None

    def cleanup(self) -> int:
        """See ``WebhookEventStore.cleanup``."""
        with self._db.transaction() as conn:
            return conn.execute(
                "DELETE FROM received_webhooks WHERE expires_at <= ?", (self._clock(),)
            ).rowcount

    def close(self) -> None:
        """Close the pooled connections."""
        self._db.close()


class AsyncSQLiteIdempotencyStore:
    """The asyncio form of ``SQLiteIdempotencyStore``: each call runs the sync store in a worker thread."""

    def __init__(
        self,
        path_or_store: str | os.PathLike[str] | SQLiteIdempotencyStore,
        *,
        ttl: float = DEFAULT_TTL,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Clock = time.time,
    ) -> None:
        if isinstance(path_or_store, SQLiteIdempotencyStore):
            self.sync = path_or_store
        else:
            self.sync = SQLiteIdempotencyStore(path_or_store, ttl=ttl, lock_timeout=lock_timeout, clock=clock)

    async def begin(self, key: str, fingerprint: str) -> BeginResult:
        """See ``IdempotencyStore.begin``."""
        return await asyncio.to_thread(self.sync.begin, key, fingerprint)

    async def complete(self, key: str, response: StoredResponse) -> None:
        """See ``IdempotencyStore.complete``."""
        await asyncio.to_thread(self.sync.complete, key, response)

    async def fail(self, key: str) -> None:
        """See ``IdempotencyStore.fail``."""
        await asyncio.to_thread(self.sync.fail, key)

    async def cleanup(self) -> int:
        """See ``IdempotencyStore.cleanup``."""
        return await asyncio.to_thread(self.sync.cleanup)

    async def close(self) -> None:
        """Close the pooled connections."""
        await asyncio.to_thread(self.sync.close)


class AsyncSQLiteWebhookEventStore:
    """The asyncio form of ``SQLiteWebhookEventStore``: each call runs the sync store in a worker thread."""

    def __init__(
        self,
        path_or_store: str | os.PathLike[str] | SQLiteWebhookEventStore,
        *,
        ttl: float = DEFAULT_TTL,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Clock = time.time,
    ) -> None:
        if isinstance(path_or_store, SQLiteWebhookEventStore):
            self.sync = path_or_store
        else:
            self.sync = SQLiteWebhookEventStore(
                path_or_store, ttl=ttl, lock_timeout=lock_timeout, clock=clock
            )

    @property
    def lock_timeout(self) -> float:
        """The sync store's ``lock_timeout`` (the processor derives its heartbeat and Retry-After from it)."""
        return self.sync.lock_timeout

    async def claim(self, event_id: str, holder: str | None = None) -> ClaimOutcome:
        """See ``WebhookEventStore.claim``."""
        return await asyncio.to_thread(self.sync.claim, event_id, holder)

    async def renew(self, event_id: str, holder: str) -> bool:
        """See ``WebhookEventStore.renew``."""
        return await asyncio.to_thread(self.sync.renew, event_id, holder)

    async def mark_processed(self, event_id: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.mark_processed``."""
        return await asyncio.to_thread(self.sync.mark_processed, event_id, holder)

    async def release(self, event_id: str, error: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.release``."""
        return await asyncio.to_thread(self.sync.release, event_id, error, holder)

    async def get(self, event_id: str) -> EventRecord | None:
        """See ``WebhookEventStore.get``."""
        return await asyncio.to_thread(self.sync.get, event_id)

    async def cleanup(self) -> int:
        """See ``WebhookEventStore.cleanup``."""
        return await asyncio.to_thread(self.sync.cleanup)

    async def close(self) -> None:
        """Close the pooled connections."""
        await asyncio.to_thread(self.sync.close)


# An inbox record is one whose payload is kept (an inline processor's claims have none).
_DUE = (
    "payload IS NOT NULL AND expires_at > :now AND due_at <= :now AND (status IN ('received', 'failed')"
    " OR (status = 'processing' AND claimed_at <= :now - :lock_timeout))"
)


class SQLiteWebhookInbox(SQLiteWebhookEventStore):
    """The webhook inbox (`WebhookInbox`) in the ``received_webhooks`` table of a SQLite file (one machine)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        ttl: float = DEFAULT_TTL,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        stale_after: float = DEFAULT_STALE_AFTER,
        clock: Clock = time.time,
        busy_timeout: float = 30.0,
        max_connections: int = 8,
    ) -> None:
        super().__init__(
            path,
            ttl=ttl,
            lock_timeout=lock_timeout,
            clock=clock,
            busy_timeout=busy_timeout,
            max_connections=max_connections,
        )
        self.stale_after = stale_after

    def record(self, event_id: str, event_type: str, payload: bytes) -> bool:
        """See ``WebhookInbox.record``."""
        with self._db.transaction() as conn:
            now = self._clock()
            existing = self._read(conn, event_id)
            if existing is not None and existing.is_live(now):
                return False
            conn.execute(
                "INSERT OR REPLACE INTO received_webhooks (event_id, status, attempts, expires_at, event_type,"
                " payload, received_at, due_at) VALUES (?, 'received', 0, ?, ?, ?, ?, ?)",
                (event_id, now + self.ttl, event_type, payload, now, now + self.stale_after),
            )
            return True

    def load(self, event_id: str) -> InboxEvent | None:
        """See ``WebhookInbox.load``."""
        with self._db.connection() as conn:
            row = conn.execute(
                "SELECT event_type, payload, status, attempts, last_error, received_at FROM received_webhooks"
                " WHERE event_id = ? AND payload IS NOT NULL AND expires_at > ?",
                (event_id, self._clock()),
            ).fetchone()
        if row is None:
            return None
        event_type, payload, status, attempts, last_error, received_at = row
        return InboxEvent(event_id, event_type, bytes(payload), status, attempts, last_error, received_at)

    def fail(self, event_id: str, error: str, holder: str, retry_at: float | None) -> bool:
        """See ``WebhookInbox.fail``."""
        with self._db.transaction() as conn:
            now = self._clock()
            if not holds_lease(self._read(conn, event_id), holder, now):
                return False
            status = "dead" if retry_at is None else "failed"
            due = None if retry_at is None else retry_at + self.stale_after
            conn.execute(
                "UPDATE received_webhooks SET status = ?, last_error = ?, claimed_at = NULL, claimed_by = NULL,"
                " due_at = ?, expires_at = ? WHERE event_id = ?",
                (status, error[:MAX_ERROR_LENGTH], due, now + self.ttl, event_id),
            )
            return True

    def mark_due(self, event_id: str) -> None:
        """See ``WebhookInbox.mark_due``."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE received_webhooks SET due_at = ? WHERE event_id = ? AND status IN ('received', 'failed')",
                (self._clock(), event_id),
            )

    def due(self, limit: int = 1000) -> list[str]:
        """See ``WebhookInbox.due``."""
        with self._db.transaction() as conn:
            now = self._clock()
            params = {"now": now, "lock_timeout": self.lock_timeout, "limit": limit}
            ids = [
                r[0]
                for r in conn.execute(
                    f"SELECT event_id FROM received_webhooks WHERE {_DUE} ORDER BY due_at LIMIT :limit",
                    params,
                )
            ]
            conn.executemany(
                "UPDATE received_webhooks SET due_at = ? WHERE event_id = ?",
                [(now + self.stale_after, event_id) for event_id in ids],
            )
            return ids

    def replay(self, event_id: str) -> bool:
        """See ``WebhookInbox.replay``."""
        with self._db.transaction() as conn:
            now = self._clock()
            return (
                conn.execute(
                    "UPDATE received_webhooks SET status = 'received', attempts = 0, claimed_at = NULL,"
                    " claimed_by = NULL, due_at = ?, expires_at = ? WHERE event_id = ? AND payload IS NOT NULL"
                    " AND expires_at > ? AND status != 'processing'",
                    (now + self.stale_after, now + self.ttl, event_id, now),
                ).rowcount
                == 1
            )

    def replay_dead(self, limit: int = 1000) -> list[str]:
        """See ``WebhookInbox.replay_dead``."""
        with self._db.connection() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT event_id FROM received_webhooks WHERE status = 'dead' AND payload IS NOT NULL"
                    " AND expires_at > ? ORDER BY received_at LIMIT ?",
                    (self._clock(), limit),
                )
            ]
        return [event_id for event_id in ids if self.replay(event_id)]

    def stats(self) -> InboxStats:
        """See ``WebhookInbox.stats``."""
        now = self._clock()
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT status, count(*) FROM received_webhooks WHERE payload IS NOT NULL AND expires_at > ?"
                " GROUP BY status",
                (now,),
            ).fetchall()
            oldest = conn.execute(
                "SELECT min(received_at) FROM received_webhooks WHERE payload IS NOT NULL AND expires_at > ?"
                " AND status IN ('received', 'processing', 'failed')",
                (now,),
            ).fetchone()[0]
        return InboxStats(full_counts(dict(rows)), None if oldest is None else max(0.0, now - oldest))
