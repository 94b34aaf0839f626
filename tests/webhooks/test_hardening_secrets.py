"""A webhook handler's exception text is redacted before it is stored as the claim's `last_error`.

A handler that fails while holding a key or a secret (a client error quoting its config, an HTTP error quoting
an Authorization header) used to have that text stored verbatim in the store, where dashboards and support
tools read it. Checked on SQLite and Redis stores (real servers), sync and async.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from molam_sdk_ext.stores import async_webhook_event_store_from_url, webhook_event_store_from_url
from molam_sdk_ext.webhooks import Outcome, WebhookProcessor
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
