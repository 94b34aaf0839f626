"""Every backend class satisfies its protocol (checked by mypy through these annotations, and at runtime)."""

from __future__ import annotations

import inspect

import pytest

from molam_sdk_ext import stores
from molam_sdk_ext.stores import (
    AsyncIdempotencyStore,
    AsyncWebhookEventStore,
    AsyncWebhookInbox,
    BreakerStateStore,
    IdempotencyStore,
    WebhookEventStore,
    WebhookInbox,
)
from molam_sdk_ext.stores.idempotency_records import fingerprint_request

SYNC_IDEMPOTENCY: list[type[IdempotencyStore]] = [
    stores.MemoryIdempotencyStore,
    stores.SQLiteIdempotencyStore,
    stores.RedisIdempotencyStore,
    stores.PostgresIdempotencyStore,
]
ASYNC_IDEMPOTENCY: list[type[AsyncIdempotencyStore]] = [
    stores.AsyncMemoryIdempotencyStore,
    stores.AsyncSQLiteIdempotencyStore,
    stores.AsyncRedisIdempotencyStore,
    stores.AsyncPostgresIdempotencyStore,
]
SYNC_EVENTS: list[type[WebhookEventStore]] = [
    stores.MemoryWebhookEventStore,
    stores.SQLiteWebhookEventStore,
    stores.RedisWebhookEventStore,
    stores.PostgresWebhookEventStore,
]
ASYNC_EVENTS: list[type[AsyncWebhookEventStore]] = [
    stores.AsyncMemoryWebhookEventStore,
    stores.AsyncSQLiteWebhookEventStore,
    stores.AsyncRedisWebhookEventStore,
    stores.AsyncPostgresWebhookEventStore,
]
SYNC_INBOXES: list[type[WebhookInbox]] = [
    stores.MemoryWebhookInbox,
    stores.SQLiteWebhookInbox,
    stores.RedisWebhookInbox,
    stores.PostgresWebhookInbox,
]
ASYNC_INBOXES: list[type[AsyncWebhookInbox]] = [
    stores.AsyncMemoryWebhookInbox,
    stores.AsyncSQLiteWebhookInbox,
    stores.AsyncRedisWebhookInbox,
    stores.AsyncPostgresWebhookInbox,
]
BREAKERS: list[type[BreakerStateStore]] = [stores.MemoryBreakerStateStore, stores.RedisBreakerStateStore]

CASES = [
    (IdempotencyStore, SYNC_IDEMPOTENCY, False),
    (AsyncIdempotencyStore, ASYNC_IDEMPOTENCY, True),
    (WebhookEventStore, SYNC_EVENTS, False),
    (AsyncWebhookEventStore, ASYNC_EVENTS, True),
    (WebhookInbox, SYNC_INBOXES, False),
    (AsyncWebhookInbox, ASYNC_INBOXES, True),
    (BreakerStateStore, BREAKERS, False),
]


@pytest.mark.parametrize(("protocol", "classes", "is_async"), CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_methods_match_the_protocol(protocol: type, classes: list[type], is_async: bool) -> None:
    names = [n for n in vars(protocol) if not n.startswith("_") and callable(getattr(protocol, n))]
    assert names
    for cls in classes:
        for name in names:
            method = getattr(cls, name)
            assert inspect.iscoroutinefunction(method) is is_async, (cls, name)
            assert list(inspect.signature(method).parameters) == list(
                inspect.signature(getattr(protocol, name)).parameters
            ), (cls, name)


def test_fingerprint_request() -> None:
    base = fingerprint_request("post", "/v1/connect/payment_intents", b'{"amount":1000}')
    assert base == fingerprint_request("POST", "/v1/connect/payment_intents", b'{"amount":1000}')
    assert len(base) == 64
    assert base != fingerprint_request("POST", "/v1/connect/payment_intents", b'{"amount":1001}')
    assert base != fingerprint_request("POST", "/v1/connect/refunds", b'{"amount":1000}')
    # Parts cannot bleed into each other.
    assert fingerprint_request("POST", "/a", b"b") != fingerprint_request("POST", "/ab", b"")
