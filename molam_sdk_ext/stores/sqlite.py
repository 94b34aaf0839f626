"""SQLite stores (stdlib ``sqlite3``): embedded, shared by every thread and process on one machine.

The database runs in WAL mode. Each decision reads and writes inside ``BEGIN IMMEDIATE``, which takes SQLite's
single write lock first, so concurrent writers (threads or processes) are serialized and each sees the last
one's commit; waiting writers retry for ``busy_timeout`` seconds. The tables are created on first use. The async
variants run the sync store's plans in a worker thread (`Offloaded`, as ``asyncio.to_thread``): the reads,
decisions and writes of every operation are the kernel's (`molam_sdk_ext.stores.kernel`).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, Unpack, cast

import attrs

from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.stores import _kernel as kernel
from molam_sdk_ext.stores.idempotency_records import IdempotencyRecord, StoredResponse, StoreOptions
from molam_sdk_ext.stores.pool import ConnectionPool, PoolTimeout
from molam_sdk_ext.stores.webhook_events import StoredEvent
from molam_sdk_ext.stores.webhook_inbox import DEFAULT_STALE_AFTER, InboxRecord

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
# rebuilt with the current columns and status values, its rows kept.
UPGRADE_RECEIVED_WEBHOOKS = f"""
ALTER TABLE received_webhooks RENAME TO received_webhooks_old;
DROP INDEX IF EXISTS received_webhooks_expires_at;
{SCHEMA}
INSERT INTO received_webhooks ({{columns}}) SELECT {{columns}} FROM received_webhooks_old;
DROP TABLE received_webhooks_old;
"""


def _is_current(conn: sqlite3.Connection) -> bool:
    """Whether the ``received_webhooks`` table has today's columns (the marker: its newest status value)."""
    return (
        "'dead'"
        in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'received_webhooks'").fetchone()[0]
    )


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
            current = _is_current(conn)
        # Upgraded under the write lock, and checked again inside it: two processes may open an old file.
        if not current:
            with self.transaction() as conn:
                if not _is_current(conn):
                    columns = ", ".join(r[1] for r in conn.execute("PRAGMA table_info(received_webhooks)"))
                    for statement in UPGRADE_RECEIVED_WEBHOOKS.format(columns=columns).split(";"):
                        if statement.strip():
                            conn.execute(statement)

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


_EVENT_COLUMNS = "status, attempts, last_error, claimed_at, expires_at, claimed_by, event_type, payload, received_at, due_at"


def _event(event_id: str, row: tuple[Any, ...]) -> StoredEvent:
    """The record of a row of `_EVENT_COLUMNS`: an `InboxRecord` when it keeps the inbox's part."""
    claim, inbox = row[:6], list(row[6:])
    if all(value is None for value in inbox):
        return StoredEvent(event_id, *claim)
    if inbox[1] is not None:
        inbox[1] = bytes(inbox[1])  # the payload
    return InboxRecord(event_id, *claim, *inbox)


_NO_INBOX_PART = (None, None, None, None)


class _SQLiteStore:
    """The runner of a SQLite store's plans: each plan inside one ``BEGIN IMMEDIATE`` transaction, its reads
    and writes on ``_table`` (idempotency records, or webhook events)."""

    _table: str
    _plans_class: Callable[..., Any]

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        busy_timeout: float = 30.0,
        max_connections: int = 8,
        **options: Unpack[StoreOptions],
    ) -> None:
        self._plans = self._plans_class(**options)
        self._db = _SQLiteDatabase(path, busy_timeout=busy_timeout, max_connections=max_connections)

    @property
    def path(self) -> str:
        """The database file."""
        return self._db.path

    def _run_plan(self, plan: Callable[..., Any], *args: Any) -> Any:
        with self._db.transaction() as conn:
            return plan(_SQLiteRecords(conn, self._table), *args)

    def close(self) -> None:
        """Close the pooled connections."""
        self._db.close()


class _SQLiteRecords:
    """`Records` on one table, through a connection inside a transaction (the protocol documents each method)."""

    def __init__(self, conn: sqlite3.Connection, table: str) -> None:
        self._conn = conn
        self._table = table
        self._key = "key" if table == "server_idempotency" else "event_id"

    def read(self, key: str) -> Any:
        if self._table == "server_idempotency":
            return read_idempotency_record(self._conn, key)
        row = self._conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM received_webhooks WHERE event_id = ?", (key,)
        ).fetchone()
        return None if row is None else _event(key, row)

    def write(self, key: str, record: Any) -> None:
        if self._table == "server_idempotency":
            write_idempotency_record(self._conn, record)
            return
        self._conn.execute(
            f"INSERT OR REPLACE INTO received_webhooks (event_id, {_EVENT_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            # The record's fields are the columns, in order (a plain claim has no inbox part).
            attrs.astuple(record, recurse=False)
            + (() if isinstance(record, InboxRecord) else _NO_INBOX_PART),
        )

    def delete(self, key: str) -> None:
        self._conn.execute(f"DELETE FROM {self._table} WHERE {self._key} = ?", (key,))

    def delete_expired(self, now: float) -> int:
        return self._conn.execute(f"DELETE FROM {self._table} WHERE expires_at <= ?", (now,)).rowcount

    def scan(self, now: float) -> list[InboxRecord]:
        rows = self._conn.execute(
            f"SELECT event_id, {_EVENT_COLUMNS} FROM received_webhooks WHERE payload IS NOT NULL AND expires_at > ?",
            (now,),
        )
        return [r for r in (_event(row[0], row[1:]) for row in rows) if isinstance(r, InboxRecord)]


class SQLiteIdempotencyStore(_SQLiteStore, kernel.IdempotencyFacade):
    """Idempotency records in the ``server_idempotency`` table of a SQLite file."""

    _table = "server_idempotency"
    _plans_class = kernel.IdempotencyRecordPlans


class SQLiteWebhookEventStore(_SQLiteStore, kernel.EventFacade):
    """Webhook event claims in the ``received_webhooks`` table of a SQLite file."""

    _table = "received_webhooks"
    _plans_class = kernel.EventRecordPlans


class SQLiteWebhookInbox(SQLiteWebhookEventStore, kernel.InboxFacade):
    """The webhook inbox (`WebhookInbox`) in the ``received_webhooks`` table of a SQLite file (one machine)."""

    _plans_class = kernel.InboxRecordPlans

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        stale_after: float = DEFAULT_STALE_AFTER,
        busy_timeout: float = 30.0,
        max_connections: int = 8,
        **options: Unpack[StoreOptions],
    ) -> None:
        super().__init__(path, busy_timeout=busy_timeout, max_connections=max_connections, **options)
        self._plans.stale_after = stale_after


_S = TypeVar("_S", bound=_SQLiteStore)


def _sync_store(cls: type[_S], path_or_store: str | os.PathLike[str] | _S, **options: Any) -> _S:
    """The sync store an async SQLite store runs: ``path_or_store`` itself, or a new ``cls`` on that file."""
    if isinstance(path_or_store, cls):
        return path_or_store
    return cls(cast("str | os.PathLike[str]", path_or_store), **options)


class AsyncSQLiteIdempotencyStore(kernel.Offloaded[SQLiteIdempotencyStore], kernel.AsyncIdempotencyFacade):
    """The asyncio form of ``SQLiteIdempotencyStore``: each call runs the sync store in a worker thread."""

    def __init__(
        self, path_or_store: str | os.PathLike[str] | SQLiteIdempotencyStore, **options: Unpack[StoreOptions]
    ) -> None:
        super().__init__(_sync_store(SQLiteIdempotencyStore, path_or_store, **options), offload=True)


class AsyncSQLiteWebhookEventStore(kernel.Offloaded[SQLiteWebhookEventStore], kernel.AsyncEventFacade):
    """The asyncio form of ``SQLiteWebhookEventStore``: each call runs the sync store in a worker thread."""

    def __init__(
        self, path_or_store: str | os.PathLike[str] | SQLiteWebhookEventStore, **options: Unpack[StoreOptions]
    ) -> None:
        super().__init__(_sync_store(SQLiteWebhookEventStore, path_or_store, **options), offload=True)


class AsyncSQLiteWebhookInbox(kernel.Offloaded[SQLiteWebhookInbox], kernel.AsyncInboxFacade):
    """The asyncio form of ``SQLiteWebhookInbox``: each call runs the sync inbox in a worker thread, off the
    event loop."""

    def __init__(
        self,
        path_or_inbox: str | os.PathLike[str] | SQLiteWebhookInbox,
        *,
        stale_after: float = DEFAULT_STALE_AFTER,
        **options: Unpack[StoreOptions],
    ) -> None:
        inbox = _sync_store(SQLiteWebhookInbox, path_or_inbox, stale_after=stale_after, **options)
        super().__init__(inbox, offload=True)
