"""The sandbox's state: one SQLite table per resource of the spec (named by `molam_sandbox.spec.plural`), every write in a serialized ``BEGIN IMMEDIATE``.

Each resource table holds the public document (the exact JSON the API returns) and an ``internal`` JSON
document for what the API never shows (webhook secrets, due times), keyed by id and scoped by account. A
monotonically increasing ``seq`` orders lists newest first; a cursor is an object id, so pages stay stable
while new objects are created (new objects only ever get a higher ``seq``).

A file database survives restarts; memory mode is one shared ``:memory:`` connection. Either way a single
connection is guarded by a lock: the sandbox serves from one event loop and every statement is short.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import string
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Literal

import attrs

from molam_sandbox.errors import SandboxError, invalid_param, missing_resource

__all__ = [
    "Database",
    "Filter",
    "Page",
    "Record",
    "Timer",
    "Tx",
    "checked_sum",
    "new_id",
    "new_secret",
]

_ALPHABET = string.ascii_letters + string.digits

Document = dict[str, Any]
Op = Literal["=", "<", "<=", ">", ">="]


# Random bytes become base62 characters in C: bytes.translate maps 0..247 onto the alphabet (each character
# exactly four times, so no bias) and deletes 248..255. About 1 us an id, against ~10 us for a big-int divmod
# loop; ids, client secrets and checkout tokens are made several times per request.
_TO_BASE62 = bytes(ord(_ALPHABET[i % 62]) for i in range(256))
_REJECTED = bytes(range(248, 256))


def new_id(prefix: str, length: int = 24) -> str:
    """A fresh object id such as ``pi_3xY...`` (prefix plus `length` random base62 characters)."""
    drawn = b""
    while len(drawn) < length:
        # One extra eighth covers the 8/256 of bytes rejected nearly always; the loop only repeats by chance.
        drawn += secrets.token_bytes(length + length // 8 + 2).translate(_TO_BASE62, _REJECTED)
    return prefix + drawn[:length].decode("ascii")


INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def checked_sum(current: int, delta: int, param: str = "amount") -> int:
    """``current + delta``, or a 400 ``amount_too_large`` when it would not fit in int64 (exact or refused)."""
    total = current + delta
    if not INT64_MIN <= total <= INT64_MAX:
        raise invalid_param(
            param,
            "This amount would take a balance beyond the largest amount the API holds.",
            "amount_too_large",
        )
    return total


def new_secret(prefix: str, nbytes: int = 24) -> str:
    """A fresh secret such as ``whsec_...``."""
    return prefix + secrets.token_urlsafe(nbytes)


@attrs.define
class Record:
    """One stored object: its public document and its internal (never served) document."""

    table: str
    account: str
    doc: Document
    internal: Document = attrs.field(factory=dict)

    @property
    def id(self) -> str:
        """The object id."""
        return str(self.doc["id"])


@attrs.frozen
class Filter:
    """A list filter on a top-level field of the public document (``"a|b"``: field a or field b matches)."""

    field: str
    op: Op
    value: str | int | bool


@attrs.frozen
class Page:
    """One page of a list: the documents, newest first, and whether more follow."""

    data: list[Document]
    has_more: bool

    def body(self) -> Document:
        """The API list body ``{object: list, data, has_more, next_cursor}``."""
        next_cursor = str(self.data[-1]["id"]) if self.has_more and self.data else None
        return {"object": "list", "data": self.data, "has_more": self.has_more, "next_cursor": next_cursor}


def _resource_schema(table: str) -> list[str]:
    return [
        f"""CREATE TABLE IF NOT EXISTS {table} (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            account TEXT NOT NULL,
            created INTEGER NOT NULL,
            doc TEXT NOT NULL,
            internal TEXT NOT NULL DEFAULT '{{}}'
        )""",
        f"CREATE INDEX IF NOT EXISTS {table}_account ON {table} (account, seq)",
    ]


_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS accounts (
        account TEXT PRIMARY KEY,
        created INTEGER NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS balances (
        account TEXT NOT NULL,
        currency TEXT NOT NULL,
        available INTEGER NOT NULL DEFAULT 0,
        pending INTEGER NOT NULL DEFAULT 0,
        reserved INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account, currency)
    )""",
    """CREATE TABLE IF NOT EXISTS webhook_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        account TEXT NOT NULL,
        endpoint_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        attempt INTEGER NOT NULL DEFAULT 1,
        next_at REAL NOT NULL,
        done INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX IF NOT EXISTS webhook_outbox_due ON webhook_outbox (done, next_at)",
    """CREATE TABLE IF NOT EXISTS timers (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        account TEXT NOT NULL,
        action TEXT NOT NULL,
        object_id TEXT NOT NULL,
        due_at REAL NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS timers_due ON timers (due_at)",
    "CREATE INDEX IF NOT EXISTS timers_account_due ON timers (account, due_at)",
    # Server-side idempotency records (molam_sandbox.idempotency): in this database, so a request's record
    # commits in the same transaction as its objects.
    """CREATE TABLE IF NOT EXISTS idempotency (
        key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        state TEXT NOT NULL,
        locked_at REAL,
        expires_at REAL NOT NULL,
        status INTEGER,
        headers TEXT,
        body BLOB
    )""",
]


@attrs.frozen
class Timer:
    """A scheduled transition: run `action` on `object_id` at `due_at`."""

    seq: int
    account: str
    action: str
    object_id: str
    due_at: float


@attrs.frozen
class OutboxItem:
    """A webhook delivery waiting to be attempted."""

    seq: int
    account: str
    endpoint_id: str
    event_id: str
    attempt: int
    next_at: float


class Tx:
    """Statements inside one transaction (see `Database.transaction`)."""

    def __init__(self, conn: sqlite3.Connection, prefixes: Mapping[str, str]) -> None:
        self._conn = conn
        self._tables = prefixes
        self.events_recorded = 0
        # (event type, object id) of every event recorded in this transaction: the engine's lifecycle events
        # (`<resource>.created` ...) are not recorded twice when a plug-in already did.
        self.recorded_events: set[tuple[str, str]] = set()
        # An error to raise once the transaction has committed (a declined payment is stored, then a 402).
        self.deferred_error: Exception | None = None

    def new_id(self, table: str) -> str:
        """A fresh id for an object of `table`, with the id prefix its schema declares (``x-molam-id-prefix``)."""
        prefix = self._tables.get(table)
        if not prefix:
            raise ValueError(f"no id prefix known for table {table!r}")
        return new_id(prefix)

    def _table(self, table: str) -> str:
        # Table names are interpolated into SQL: only ever those of the spec's resources (checked at start).
        if table not in self._tables:
            raise ValueError(f"unknown table {table!r}")
        return table

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection, inside this transaction (for modules keeping their own tables here)."""
        return self._conn

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A nested transaction: rolled back alone if the block raises."""
        self._conn.execute("SAVEPOINT sandbox_sp")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK TO sandbox_sp")
            self._conn.execute("RELEASE sandbox_sp")
            raise
        self._conn.execute("RELEASE sandbox_sp")

    # -- resources ---------------------------------------------------------------------------------------

    def insert(self, table: str, account: str, doc: Document, internal: Document | None = None) -> Record:
        """Store a new object (its document must carry ``id`` and ``created``)."""
        self._conn.execute(
            f"INSERT INTO {self._table(table)} (id, account, created, doc, internal) VALUES (?, ?, ?, ?, ?)",
            (doc["id"], account, int(doc["created"]), _dumps(doc), _dumps(internal or {})),
        )
        return Record(table, account, doc, dict(internal or {}))

    def get(self, table: str, account: str, object_id: str) -> Record | None:
        """The object with `object_id` in `account`, or None."""
        row = self._conn.execute(
            f"SELECT doc, internal FROM {self._table(table)} WHERE id = ? AND account = ?",
            (object_id, account),
        ).fetchone()
        if row is None:
            return None
        return Record(table, account, json.loads(row[0]), json.loads(row[1]))

    def get_in_any_account(self, table: str, object_id: str) -> Record | None:
        """The object with `object_id` whatever its account, or None (ids are unique across accounts).

        Only for routes reached without an API key, that prove their right to the object otherwise (the
        hosted checkout and onboarding pages' capability tokens): everything else is scoped by `account`.
        """
        row = self._conn.execute(
            f"SELECT account, doc, internal FROM {self._table(table)} WHERE id = ?", (object_id,)
        ).fetchone()
        if row is None:
            return None
        return Record(table, str(row[0]), json.loads(row[1]), json.loads(row[2]))

    def require(
        self, table: str, account: str, object_id: str, kind: str, *, param: str | None = None
    ) -> Record:
        """Like `get`, but a missing object is a 404 (or a 400 naming `param` for an id given as input)."""
        record = self.get(table, account, object_id)
        if record is None:
            raise missing_resource(kind, object_id, param=param)
        return record

    def save(self, record: Record) -> None:
        """Write back a record's document and internal document."""
        self._conn.execute(
            f"UPDATE {self._table(record.table)} SET doc = ?, internal = ? WHERE id = ? AND account = ?",
            (_dumps(record.doc), _dumps(record.internal), record.id, record.account),
        )

    def delete(self, table: str, account: str, object_id: str) -> None:
        """Remove an object."""
        self._conn.execute(
            f"DELETE FROM {self._table(table)} WHERE id = ? AND account = ?", (object_id, account)
        )

    def page(
        self,
        table: str,
        account: str,
        *,
        limit: int,
        starting_after: str | None = None,
        filters: Sequence[Filter] = (),
    ) -> Page:
        """A page of `account`'s objects, newest first, after the object `starting_after` (a cursor)."""
        where = ["account = ?"]
        args: list[Any] = [account]
        if starting_after is not None:
            row = self._conn.execute(
                f"SELECT seq FROM {self._table(table)} WHERE id = ? AND account = ?",
                (starting_after, account),
            ).fetchone()
            if row is None:
                raise invalid_param(
                    "starting_after",
                    f"No such object for starting_after: '{starting_after}'",
                    "resource_missing",
                )
            where.append("seq < ?")
            args.append(row[0])
        for f in filters:
            clause, values = _filter_sql(f)
            where.append(clause)
            args.extend(values)
        args.append(limit + 1)
        rows = self._conn.execute(
            f"SELECT doc FROM {self._table(table)} WHERE {' AND '.join(where)} ORDER BY seq DESC LIMIT ?",
            args,
        ).fetchall()
        docs = [json.loads(r[0]) for r in rows[:limit]]
        return Page(docs, len(rows) > limit)

    def select(self, table: str, account: str | None, filters: Sequence[Filter] = ()) -> list[Record]:
        """Every object matching `filters` (in `account`, or in every account when None), oldest first."""
        where = ["1 = 1"]
        args: list[Any] = []
        if account is not None:
            where.append("account = ?")
            args.append(account)
        for f in filters:
            clause, values = _filter_sql(f)
            where.append(clause)
            args.extend(values)
        rows = self._conn.execute(
            f"SELECT account, doc, internal FROM {self._table(table)} WHERE {' AND '.join(where)} ORDER BY seq",
            args,
        ).fetchall()
        return [Record(table, r[0], json.loads(r[1]), json.loads(r[2])) for r in rows]

    # -- accounts and balances ---------------------------------------------------------------------------

    def claim_account(self, account: str, now: int) -> bool:
        """Register `account`; True the first time (the caller then seeds its starting data)."""
        cursor = self._conn.execute(
            "INSERT OR IGNORE INTO accounts (account, created) VALUES (?, ?)", (account, now)
        )
        return cursor.rowcount == 1

    def balances(self, account: str) -> list[tuple[str, int, int, int]]:
        """``(currency, available, pending, reserved)`` rows of `account`, by currency."""
        rows = self._conn.execute(
            "SELECT currency, available, pending, reserved FROM balances WHERE account = ? ORDER BY currency",
            (account,),
        ).fetchall()
        return [(str(r[0]), int(r[1]), int(r[2]), int(r[3])) for r in rows]

    def adjust_balance(
        self, account: str, currency: str, *, available: int = 0, pending: int = 0, reserved: int = 0
    ) -> tuple[int, int, int]:
        """Add the given deltas to `account`'s `currency` balance; return the new (available, pending, reserved).

        Refused with a 400 (nothing changed) when a result would not fit in int64 (``amount_too_large``: SQLite
        would silently store a float and lose money) or when available funds would go negative
        (``insufficient_funds``).
        """
        row = self._conn.execute(
            "SELECT available, pending, reserved FROM balances WHERE account = ? AND currency = ?",
            (account, currency),
        ).fetchone()
        current = (0, 0, 0) if row is None else (int(row[0]), int(row[1]), int(row[2]))
        result = (
            checked_sum(current[0], available),
            checked_sum(current[1], pending),
            checked_sum(current[2], reserved),
        )
        if result[0] < 0 <= current[0]:
            raise SandboxError(
                400,
                "invalid_request_error",
                "insufficient_funds",
                f"The {currency} Treasury balance has {current[0]} available, less than {-available}.",
                param="amount",
            )
        self._conn.execute(
            """INSERT INTO balances (account, currency, available, pending, reserved) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (account, currency) DO UPDATE SET available = excluded.available,
               pending = excluded.pending, reserved = excluded.reserved""",
            (account, currency, *result),
        )
        return result

    # -- webhook outbox ----------------------------------------------------------------------------------

    def enqueue_delivery(self, account: str, endpoint_id: str, event_id: str, next_at: float) -> None:
        """Queue the first delivery attempt of an event to an endpoint."""
        self._conn.execute(
            "INSERT INTO webhook_outbox (account, endpoint_id, event_id, next_at) VALUES (?, ?, ?, ?)",
            (account, endpoint_id, event_id, next_at),
        )

    def due_deliveries(self, now: float, limit: int) -> list[OutboxItem]:
        """Outbox items due at `now`, oldest first."""
        rows = self._conn.execute(
            """SELECT seq, account, endpoint_id, event_id, attempt, next_at FROM webhook_outbox
               WHERE done = 0 AND next_at <= ? ORDER BY next_at, seq LIMIT ?""",
            (now, limit),
        ).fetchall()
        return [OutboxItem(int(r[0]), r[1], r[2], r[3], int(r[4]), float(r[5])) for r in rows]

    def next_delivery_at(self) -> float | None:
        """When the earliest pending outbox item is due, or None if none is pending."""
        row = self._conn.execute("SELECT MIN(next_at) FROM webhook_outbox WHERE done = 0").fetchone()
        return None if row is None or row[0] is None else float(row[0])

    def reschedule_delivery(self, seq: int, attempt: int, next_at: float) -> None:
        """Set the next attempt of an outbox item."""
        self._conn.execute(
            "UPDATE webhook_outbox SET attempt = ?, next_at = ? WHERE seq = ?", (attempt, next_at, seq)
        )

    def finish_delivery(self, seq: int) -> None:
        """Mark an outbox item done (delivered, or out of attempts)."""
        self._conn.execute("UPDATE webhook_outbox SET done = 1 WHERE seq = ?", (seq,))

    # -- timers ------------------------------------------------------------------------------------------

    def schedule(self, account: str, action: str, object_id: str, due_at: float) -> None:
        """Schedule `action` on `object_id` at `due_at` (unix seconds)."""
        self._conn.execute(
            "INSERT INTO timers (account, action, object_id, due_at) VALUES (?, ?, ?, ?)",
            (account, action, object_id, due_at),
        )

    def unschedule(self, account: str, object_id: str) -> None:
        """Drop every timer of `object_id`."""
        self._conn.execute("DELETE FROM timers WHERE account = ? AND object_id = ?", (account, object_id))

    def take_due_timers(self, now: float, account: str | None = None, limit: int = 100) -> list[Timer]:
        """Remove and return the timers due at `now` (of `account`, or of every account when None)."""
        if account is None:
            rows = self._conn.execute(
                "SELECT seq, account, action, object_id, due_at FROM timers WHERE due_at <= ? "
                "ORDER BY due_at, seq LIMIT ?",
                (now, limit),
            ).fetchall()
        else:
            rows = self._conn.execute(
                "SELECT seq, account, action, object_id, due_at FROM timers WHERE account = ? AND due_at <= ? "
                "ORDER BY due_at, seq LIMIT ?",
                (account, now, limit),
            ).fetchall()
        if rows:
            self._conn.executemany("DELETE FROM timers WHERE seq = ?", [(r[0],) for r in rows])
        return [Timer(int(r[0]), r[1], r[2], r[3], float(r[4])) for r in rows]

    def has_due_timers(self, now: float, account: str | None = None) -> bool:
        """Whether any timer is due (a cheap check before opening a write transaction)."""
        if account is None:
            row = self._conn.execute("SELECT 1 FROM timers WHERE due_at <= ? LIMIT 1", (now,)).fetchone()
        else:
            row = self._conn.execute(
                "SELECT 1 FROM timers WHERE account = ? AND due_at <= ? LIMIT 1", (account, now)
            ).fetchone()
        return row is not None


class Database:
    """The sandbox database: a SQLite file, or memory when `path` is None."""

    def __init__(self, path: str | None = None, tables: Mapping[str, str] | Iterable[str] = ()) -> None:
        """Open (and create the tables of) a database; `tables` maps each resource table to its id prefix."""
        self.path = path
        self.tables: Mapping[str, str] = (
            dict(tables) if isinstance(tables, Mapping) else dict.fromkeys(tables, "")
        )
        for table in self.tables:
            if not table.replace("_", "").isalnum() or not table[:1].isalpha():
                raise ValueError(f"bad table name {table!r}")
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            path if path is not None else ":memory:",
            check_same_thread=False,
            isolation_level=None,
            timeout=30.0,
        )
        self._after_commit: list[Callable[[], None]] = []
        with self._lock:
            if path is not None:
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._conn.execute("PRAGMA synchronous=NORMAL")
            for statement in _SCHEMA + [q for t in sorted(self.tables) for q in _resource_schema(t)]:
                self._conn.execute(statement)

    def on_events(self, callback: Callable[[], None]) -> None:
        """Call `callback` after each commit of a transaction that recorded events."""
        self._after_commit.append(callback)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """Run read-only statements (autocommit: each statement sees committed data)."""
        with self._lock:
            yield Tx(self._conn, self.tables)

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """Run statements atomically: ``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any exception."""
        with self._lock:
            tx = Tx(self._conn, self.tables)
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield tx
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        if tx.events_recorded:
            for callback in self._after_commit:
                callback()

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()


def _dumps(doc: Document) -> str:
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False)


def _filter_sql(f: Filter) -> tuple[str, list[Any]]:
    columns = [
        "created" if name == "created" else f"json_extract(doc, '$.{_field(name)}')"
        for name in f.field.split("|")
    ]
    if f.op not in ("=", "<", "<=", ">", ">="):
        raise ValueError(f"bad operator {f.op!r}")
    clause = " OR ".join(f"{column} {f.op} ?" for column in columns)
    return f"({clause})", [f.value] * len(columns)


def _field(field: str) -> str:
    if not field.replace("_", "").isalnum():
        raise ValueError(f"bad field name {field!r}")
    return field
