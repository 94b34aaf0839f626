"""Versioned PostgreSQL migrations for the stores, and the command that applies them or cleans stores up.

    python -m molam_sdk_ext.stores.migrate --url postgresql://user@host/db      apply pending migrations
    python -m molam_sdk_ext.stores.migrate --url <any store URL> --cleanup      delete expired records

``--url`` defaults to ``$MOLAM_STORE_URL``. Migrations are the ``migrations/NNNN_name.sql`` files, applied in
order, each in its own transaction together with its row in ``schema_migrations`` (version, SHA-256, time), under
a transaction-level advisory lock so that several processes starting at once apply each file exactly once. A
file changed after it was applied is an error, never silently skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections.abc import Sequence
from importlib import resources

import attrs

from molam_sdk_ext.errors import StoreError

# Any constant works: it only has to be the same for every migrator of this schema.
ADVISORY_LOCK_ID = 0x6D6F6C616D  # "molam"

SCHEMA_MIGRATIONS = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     text PRIMARY KEY,
    checksum    text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
)
"""


@attrs.frozen
class Migration:
    """One migration file: ``version`` is its name without ``.sql`` (``0001_server_idempotency``)."""

    version: str
    sql: str

    @property
    def checksum(self) -> str:
        """SHA-256 of the SQL text."""
        return hashlib.sha256(self.sql.encode()).hexdigest()


def load_migrations() -> list[Migration]:
    """The packaged migrations, in version order."""
    folder = resources.files("molam_sdk_ext.stores") / "migrations"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return [Migration(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]


def apply_migrations(conninfo: str) -> list[str]:
    """Apply the pending migrations to the database at ``conninfo``; return the versions applied (idempotent)."""
    import psycopg

    from molam_sdk_ext.stores.postgres import describe_conninfo
    from molam_sdk_ext.stores.redaction import store_error

    where, secret = describe_conninfo(conninfo)
    applied: list[str] = []
    try:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            for migration in load_migrations():
                with conn.transaction():
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK_ID,))
                    conn.execute(SCHEMA_MIGRATIONS)
                    row = conn.execute(
                        "SELECT checksum FROM schema_migrations WHERE version = %s", (migration.version,)
                    ).fetchone()
                    if row is not None:
                        if row[0] != migration.checksum:
                            raise StoreError(
                                f"migration {migration.version} was changed after it was applied to {where}: "
                                "add a new migration instead of editing an applied one"
                            )
                        continue
                    conn.execute(migration.sql.encode())  # no parameters: several statements allowed
                    conn.execute(
                        "INSERT INTO schema_migrations (version, checksum) VALUES (%s, %s)",
                        (migration.version, migration.checksum),
                    )
                    applied.append(migration.version)
    except psycopg.Error as exc:
        raise store_error("postgres", where, exc, secret) from exc
    return applied


def cleanup(url: str) -> tuple[int, int]:
    """Delete expired idempotency and webhook event records from the store at ``url``; return both counts."""
    from molam_sdk_ext.stores import idempotency_store_from_url, webhook_event_store_from_url

    counts = []
    for store_from_url in (idempotency_store_from_url, webhook_event_store_from_url):
        store = store_from_url(url)
        try:
            counts.append(store.cleanup())
        finally:
            close = getattr(store, "close", None)  # the memory stores have nothing to close
            if callable(close):
                close()
    return counts[0], counts[1]


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit status (0 ok, 1 store failure, 2 usage)."""
    parser = argparse.ArgumentParser(
        prog="python -m molam_sdk_ext.stores.migrate",
        description="Apply the Molam store migrations to PostgreSQL, or delete expired store records.",
    )
    parser.add_argument(
        "--url", default=os.environ.get("MOLAM_STORE_URL"), help="store URL ($MOLAM_STORE_URL)"
    )
    parser.add_argument(
        "--cleanup", action="store_true", help="delete expired idempotency and webhook records instead"
    )
    args = parser.parse_args(argv)
    if not args.url:
        parser.error("--url is required (or set MOLAM_STORE_URL)")
    url: str = args.url
    try:
        if args.cleanup:
            idem_count, event_count = cleanup(url)
            print(
                f"deleted {idem_count} expired idempotency records and {event_count} expired webhook events"
            )
            return 0
        if not url.startswith(("postgresql://", "postgres://")):
            print(
                "nothing to migrate: only PostgreSQL stores have migrations (the others create what they need)"
            )
            return 0
        applied = apply_migrations(url)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if applied:
        for version in applied:
            print(f"applied {version}")
    else:
        print("up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
