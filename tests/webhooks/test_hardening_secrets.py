"""A webhook handler's exception text is redacted before it is stored as the claim's `last_error`.

A handler that fails while holding a key or a secret (a client error quoting its config, an HTTP error quoting
an Authorization header) used to have that text stored verbatim in the store, where dashboards and support
tools read it. Checked on SQLite and Redis stores (real servers), sync and async.

Card numbers and client secrets too (issue 21, item 1): a handler failing on a payment quotes its card number;
neither the claim's or the inbox's ``last_error`` (memory, SQLite, Redis, PostgreSQL) nor the WARNING line
may hold it, only its first 6 and last 4 digits.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from molam_sdk_ext.stores import (
    MemoryWebhookEventStore,
    WebhookEventStore,
    async_webhook_event_store_from_url,
    webhook_event_store_from_url,
    webhook_inbox_from_url,
)
from molam_sdk_ext.webhooks import Outcome, WebhookProcessor
from tests.fixtures.secret_audit import find_secret
from tests.webhooks.support import KID, SECRET, delivery, example_event

EVENT = example_event("payment_intent.succeeded")
LEAKS = ("sk_live_" + "9" * 24, "whsec_" + "s3cr3t" * 4, "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln")


def _failing(event: Any) -> None:
    raise RuntimeError(
        f"upstream refused key {LEAKS[0]} with secret {LEAKS[1]}; sent Authorization: {LEAKS[2]}"
    )


async def _failing_async(event: Any) -> None:
    _failing(event)


def _store_urls(tmp_path: Path, redis_url: str) -> list[str]:
    return [f"sqlite:///{tmp_path}/claims.db", redis_url]


@pytest.mark.redis
def test_last_error_is_redacted(tmp_path: Path, redis_url: str) -> None:
    for url in _store_urls(tmp_path, redis_url):
        store = webhook_event_store_from_url(url)
        processor = WebhookProcessor({KID: SECRET}, store)
        processor.on("payment_intent.succeeded")(_failing)
        try:
            result = processor.process(*delivery(EVENT))
            record = store.get(EVENT["id"])
        finally:
            store.close()  # type: ignore[attr-defined]
        assert result.outcome == Outcome.HANDLER_FAILED
        assert record is not None and record.last_error is not None
        assert "RuntimeError: upstream refused key sk_live_" in record.last_error
        for leak in LEAKS:
            assert leak not in record.last_error and leak not in (result.error or "")


@pytest.mark.redis
async def test_last_error_is_redacted_async(redis_url: str) -> None:
    store = async_webhook_event_store_from_url(redis_url)
    processor = WebhookProcessor({KID: SECRET}, store)
    processor.on("payment_intent.succeeded")(_failing_async)
    try:
        result = await processor.aprocess(*delivery(EVENT))
        record = await store.get(EVENT["id"])
    finally:
        await store.close()  # type: ignore[attr-defined]
    assert result.outcome == Outcome.HANDLER_FAILED
    assert record is not None and record.last_error is not None
    for leak in LEAKS:
        assert leak not in record.last_error


CARD = "4242 4242 4242 4242"
CARD_MASKED = "4242 42** **** 4242"
CLIENT_SECRET = "pi_3MtwBw_secret_YrKJUKribcBjcG8HVhfZlu"


def _declined(event: Any) -> None:
    raise ValueError(f"card {CARD} (also 4000056655665556) declined for {CLIENT_SECRET}")


class _Queue:
    """A `Dispatch` that only remembers what was enqueued (the worker side is called by the test itself)."""

    def __init__(self) -> None:
        self.enqueued: list[str] = []

    def bind(self, processor: WebhookProcessor) -> None:
        """Nothing to register: the test calls ``processor.work`` itself."""

    def enqueue(self, event_id: str) -> None:
        """Remember `event_id`."""
        self.enqueued.append(event_id)

    def retry_delay(self, attempts: int) -> float | None:
        """Always a retry in a minute: the failure is recorded as ``failed`` with its ``last_error``."""
        return 60.0


def _assert_no_card(text: str | None, where: str) -> None:
    assert text is not None, where
    assert find_secret(text) is None, f"{where}: {text}"
    assert "YrKJUKribcBjcG8HVhfZlu" not in text, where
    assert CARD_MASKED in text and "ValueError: card" in text, f"{where}: {text}"


@pytest.fixture(params=["memory", "sqlite", "redis", "postgres"])
def claim_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A claim store's URL of each backend ("memory" for the in-process store)."""
    if request.param == "redis":
        url: str = request.getfixturevalue("redis_url")
        return url
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_store_url")
        return url
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'claims.db'}"
    return "memory"


def test_a_card_number_in_a_handler_error_reaches_neither_the_store_nor_the_log(
    claim_store_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    store: WebhookEventStore = (
        MemoryWebhookEventStore()
        if claim_store_url == "memory"
        else webhook_event_store_from_url(claim_store_url)
    )
    processor = WebhookProcessor({KID: SECRET}, store)
    processor.on("payment_intent.succeeded")(_declined)
    try:
        with caplog.at_level(logging.WARNING, logger="molam"):
            result = processor.process(*delivery(EVENT))
        record = store.get(EVENT["id"])
    finally:
        getattr(store, "close", lambda: None)()
    assert result.outcome == Outcome.HANDLER_FAILED
    assert record is not None
    _assert_no_card(record.last_error, "last_error")
    _assert_no_card(result.error, "ProcessResult.error")
    warnings = [
        r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and "failed" in r.getMessage()
    ]
    assert warnings, "the handler failure is logged at WARNING"
    for line in warnings:
        _assert_no_card(line, "WARNING line")


@pytest.mark.parametrize("backend", ["sqlite", "redis", "postgres"])
def test_a_card_number_in_a_worker_handler_error_never_reaches_the_inbox(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = (
        f"sqlite:///{tmp_path / 'inbox.db'}"
        if backend == "sqlite"
        else str(request.getfixturevalue("redis_url" if backend == "redis" else "postgres_store_url"))
    )
    inbox = webhook_inbox_from_url(url)
    queue = _Queue()
    processor = WebhookProcessor({KID: SECRET}, inbox=inbox, dispatch=queue)
    processor.on("payment_intent.succeeded")(_declined)
    try:
        assert processor.process(*delivery(EVENT)).outcome is Outcome.RECEIVED
        assert processor.flush(30)  # enqueued by the background publisher, after the answer
        assert queue.enqueued == [EVENT["id"]]
        with caplog.at_level(logging.WARNING, logger="molam"):
            result = processor.work(EVENT["id"])  # what a Celery worker runs
        loaded = inbox.load(EVENT["id"])
    finally:
        getattr(inbox, "close", lambda: None)()
    assert result.outcome == Outcome.HANDLER_FAILED and loaded is not None and loaded.status == "failed"
    _assert_no_card(loaded.last_error, "inbox last_error")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("handler failed" in line for line in warnings)
    for line in warnings:
        assert find_secret(line) is None, line
