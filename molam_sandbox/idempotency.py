"""Server-side idempotency records, kept in the sandbox's own database so they commit with the objects.

The decisions are the SDK's pure ones (`decide_begin`, `decide_complete`, `decide_fail`); only the storage is
here. A request that writes completes its record *inside* the transaction that creates its objects
(`complete_in`): after a crash at any point either nothing of the request is stored (its claim, if committed,
is still ``in_progress``: a retry gets 409 ``idempotency_key_in_use`` until the lock timeout, then runs as
new) or both the objects and the stored response are (a retry replays it). There is no state in which the
objects exist and the key can run again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from molam_sandbox.state import Database, Tx
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
from molam_sdk_ext.stores.sqlite import read_idempotency_record, write_idempotency_record

__all__ = ["SandboxIdempotency"]

#: The sandbox database's table of records (its row format is the SQLite store's).
TABLE = "idempotency"


class SandboxIdempotency:
    """An `IdempotencyStore` on the sandbox `Database` (its ``idempotency`` table), plus `complete_in`."""

    def __init__(
        self,
        db: Database,
        *,
        ttl: float = DEFAULT_TTL,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.ttl = ttl
        self.lock_timeout = lock_timeout
        self._clock = clock

    def begin(self, key: str, fingerprint: str) -> BeginResult:
        """See `IdempotencyStore.begin` (the claim commits at once, in its own transaction)."""
        now, ttl, lock_timeout = self._clock(), self.ttl, self.lock_timeout
        with self.db.transaction() as tx:
            # Most keys are new: store what `decide_begin` gives an absent record, unless a record exists.
            result, claim = decide_begin(None, key, fingerprint, now=now, ttl=ttl, lock_timeout=lock_timeout)
            if claim is not None and _insert_new(tx, claim):
                return result
            result, write = decide_begin(
                _read(tx, key), key, fingerprint, now=now, ttl=ttl, lock_timeout=lock_timeout
            )
            if write is not None:
                _write(tx, write)
            return result

    def complete_in(self, tx: Tx, key: str, response: StoredResponse) -> None:
        """Store the response of the claimed request in `tx`, the transaction writing the request's objects."""
        write = decide_complete(_read(tx, key), response, now=self._clock(), ttl=self.ttl)
        if write is not None:
            _write(tx, write)

    def complete(self, key: str, response: StoredResponse) -> None:
        """See `IdempotencyStore.complete` (for requests that wrote nothing, e.g. a refused one)."""
        with self.db.transaction() as tx:
            self.complete_in(tx, key, response)

    def fail(self, key: str) -> None:
        """See `IdempotencyStore.fail`."""
        with self.db.transaction() as tx:
            if decide_fail(_read(tx, key), now=self._clock()):
                tx.conn.execute("DELETE FROM idempotency WHERE key = ?", (key,))

    def cleanup(self) -> int:
        """See `IdempotencyStore.cleanup`."""
        with self.db.transaction() as tx:
            return tx.conn.execute("DELETE FROM idempotency WHERE expires_at <= ?", (self._clock(),)).rowcount


def _read(tx: Tx, key: str) -> IdempotencyRecord | None:
    return read_idempotency_record(tx.conn, key, table=TABLE)


def _insert_new(tx: Tx, claim: IdempotencyRecord) -> bool:
    """Insert an in-progress claim for a key that has no record; False (nothing written) if it has one."""
    cursor = tx.conn.execute(
        "INSERT INTO idempotency (key, fingerprint, state, locked_at, expires_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (key) DO NOTHING",
        (claim.key, claim.fingerprint, claim.state, claim.locked_at, claim.expires_at),
    )
    return cursor.rowcount == 1


def _write(tx: Tx, record: IdempotencyRecord) -> None:
    write_idempotency_record(tx.conn, record, table=TABLE)
