"""A SQLite file made by an earlier version of the webhook store (before leases, then before the inbox) is
upgraded in place when a store opens it: its rows are kept, and the claims, leases and inbox of today work on it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from molam_sdk_ext.stores import ClaimOutcome, SQLiteWebhookEventStore, SQLiteWebhookInbox
from tests.support.stores import FakeClock

BEFORE_LEASES = """
CREATE TABLE received_webhooks (
    event_id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('processing', 'processed', 'failed')),
    attempts INTEGER NOT NULL,
    last_error TEXT,
    claimed_at REAL,
    expires_at REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX received_webhooks_expires_at ON received_webhooks (expires_at);
"""
BEFORE_INBOX = BEFORE_LEASES.replace(
    "expires_at REAL NOT NULL\n", "expires_at REAL NOT NULL,\n    claimed_by TEXT\n"
)


@pytest.mark.parametrize("schema", [BEFORE_LEASES, BEFORE_INBOX], ids=["before-leases", "before-inbox"])
def test_an_older_file_is_upgraded_with_its_rows_kept(tmp_path: Path, schema: str) -> None:
    clock = FakeClock()
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.executescript(schema)
        old.execute(
            "INSERT INTO received_webhooks (event_id, status, attempts, last_error, claimed_at, expires_at)"
            " VALUES ('evt_done', 'processed', 1, NULL, NULL, ?), ('evt_failed', 'failed', 2, 'boom', NULL, ?)",
            (clock.now + 3600, clock.now + 3600),
        )
    old.close()

    store = SQLiteWebhookEventStore(path, clock=clock)
    try:
        done, failed = store.get("evt_done"), store.get("evt_failed")
        assert done is not None and (done.status, done.attempts) == ("processed", 1)
        assert failed is not None and (failed.status, failed.attempts, failed.last_error) == (
            "failed",
            2,
            "boom",
        )
        assert store.claim("evt_done") is ClaimOutcome.ALREADY_PROCESSED
        assert store.claim("evt_failed", "holder-a") is ClaimOutcome.CLAIMED  # a lease: needs claimed_by
        assert store.mark_processed("evt_failed", "holder-a") is True
    finally:
        store.close()

    inbox = SQLiteWebhookInbox(path, clock=clock)  # the inbox's columns and statuses are there too
    try:
        assert inbox.record("evt_new", "payment_intent.succeeded", b"{}") is True
        loaded = inbox.load("evt_new")
        assert loaded is not None and loaded.status == "received"
        assert inbox.stats().counts["received"] == 1  # the inline claims keep no payload: not inbox events
    finally:
        inbox.close()
