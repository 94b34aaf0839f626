"""Backend failures surface as StoreError (never a silent duplicate), and messages never show a password."""

from __future__ import annotations

from pathlib import Path

import pytest

from molam_sdk_ext import stores
from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.stores.postgres import AsyncPostgresIdempotencyStore, PostgresIdempotencyStore
from molam_sdk_ext.stores.redis import (
    AsyncRedisIdempotencyStore,
    AsyncRedisWebhookEventStore,
    RedisIdempotencyStore,
    RedisWebhookEventStore,
)
from molam_sdk_ext.stores.sqlite import SQLiteIdempotencyStore
from tests.fixtures.servers import PostgresServer, RedisServer, free_port

SECRET = "s3cret-Pa55word"


def _assert_clean(exc: BaseException) -> None:
    assert SECRET not in str(exc)
    assert SECRET not in repr(exc)


def test_redis_server_killed_and_restarted(redis_server: RedisServer, redis_url: str) -> None:
    idem = RedisIdempotencyStore(redis_url)
    events = RedisWebhookEventStore(redis_url)
    assert idem.begin("k1", "fp").outcome is stores.BeginOutcome.NEW
    redis_server.stop()
    try:
        with pytest.raises(StoreError, match=r"redis store at redis://127\.0\.0\.1:\d+/0 failed"):
            idem.begin("k2", "fp")
        with pytest.raises(StoreError):
            idem.complete("k1", stores.StoredResponse(200, (), b""))
        with pytest.raises(StoreError):
            events.claim("evt_1")
        with pytest.raises(StoreError):
            events.get("evt_1")
        with pytest.raises(StoreError):
            idem.cleanup()
    finally:
        redis_server.start()
    # The same store recovers once Redis is back (its data is gone: no persistence in tests).
    assert idem.begin("k2", "fp").outcome is stores.BeginOutcome.NEW
    assert events.claim("evt_1") is stores.ClaimOutcome.CLAIMED
    idem.close()
    events.close()


async def test_async_redis_server_killed_and_restarted(redis_server: RedisServer, redis_url: str) -> None:
    idem = AsyncRedisIdempotencyStore(redis_url)
    events = AsyncRedisWebhookEventStore(redis_url)
    assert (await idem.begin("k1", "fp")).outcome is stores.BeginOutcome.NEW
    redis_server.stop()
    try:
        with pytest.raises(StoreError, match="redis store at"):
            await idem.begin("k2", "fp")
        with pytest.raises(StoreError):
            await events.claim("evt_1")
    finally:
        redis_server.start()
    assert (await idem.begin("k2", "fp")).outcome is stores.BeginOutcome.NEW
    await idem.close()
    await events.close()


def test_redis_password_never_in_messages() -> None:
    url = f"redis://:{SECRET}@127.0.0.1:{free_port()}/0"
    for make in (stores.idempotency_store_from_url, stores.webhook_event_store_from_url):
        store = make(url)
        with pytest.raises(StoreError) as info:
            store.cleanup()
        _assert_clean(info.value)
        assert "redis://127.0.0.1:" in str(info.value)


async def test_async_redis_password_never_in_messages() -> None:
    store = stores.async_idempotency_store_from_url(f"redis://user:{SECRET}@127.0.0.1:{free_port()}/0")
    with pytest.raises(StoreError) as info:
        await store.begin("k", "fp")
    _assert_clean(info.value)


def test_redis_client_must_return_bytes(redis_url: str) -> None:
    import redis

    with pytest.raises(ValueError, match="decode_responses=False"):
        RedisIdempotencyStore(redis.Redis.from_url(redis_url, decode_responses=True))


def test_redis_store_accepts_a_client(redis_url: str) -> None:
    import redis

    store = RedisIdempotencyStore(redis.Redis.from_url(redis_url), prefix="app1:")
    assert store.begin("k", "fp").outcome is stores.BeginOutcome.NEW
    assert (
        RedisIdempotencyStore(redis_url, prefix="app2:").begin("k", "fp").outcome is stores.BeginOutcome.NEW
    )
    assert store.begin("k", "fp").outcome is stores.BeginOutcome.IN_PROGRESS


def test_postgres_server_stopped_and_restarted(
    postgres_server: PostgresServer, postgres_store_url: str
) -> None:
    idem = PostgresIdempotencyStore(postgres_store_url)
    assert idem.begin("k1", "fp").outcome is stores.BeginOutcome.NEW
    postgres_server.stop()
    try:
        with pytest.raises(
            StoreError, match=r"postgres store at postgresql://postgres@127\.0\.0\.1:\d+/postgres"
        ):
            idem.begin("k2", "fp")
        with pytest.raises(StoreError):
            idem.cleanup()
    finally:
        postgres_server.start()
    # Broken pooled connections were thrown away; the data survived the restart.
    assert idem.begin("k1", "fp").outcome is stores.BeginOutcome.IN_PROGRESS
    assert idem.begin("k2", "fp").outcome is stores.BeginOutcome.NEW
    idem.close()


@pytest.mark.parametrize("kind", ["url", "keywords"])
def test_postgres_password_never_in_messages(kind: str) -> None:
    port = free_port()
    if kind == "url":
        conninfo = f"postgresql://molam:{SECRET}@127.0.0.1:{port}/molam"
    else:
        conninfo = f"host=127.0.0.1 port={port} user=molam password={SECRET} dbname=molam"
    store = PostgresIdempotencyStore(conninfo)
    with pytest.raises(StoreError) as info:
        store.begin("k", "fp")
    _assert_clean(info.value)
    assert f"postgresql://molam@127.0.0.1:{port}/molam" in str(info.value)


async def test_async_postgres_password_never_in_messages() -> None:
    store = AsyncPostgresIdempotencyStore(f"postgresql://molam:{SECRET}@127.0.0.1:{free_port()}/molam")
    with pytest.raises(StoreError) as info:
        await store.begin("k", "fp")
    _assert_clean(info.value)


def test_postgres_wrong_password_never_in_messages(postgres_server: PostgresServer) -> None:
    """A server that does answer, rejecting the login (unknown database), still yields a clean error."""
    store = PostgresIdempotencyStore(
        f"postgresql://postgres:{SECRET}@127.0.0.1:{postgres_server.port}/nope_db"
    )
    with pytest.raises(StoreError, match="nope_db") as info:
        store.begin("k", "fp")
    _assert_clean(info.value)


def test_postgres_missing_tables_says_how_to_migrate(postgres_url: str) -> None:
    for make in (stores.idempotency_store_from_url, stores.webhook_event_store_from_url):
        with pytest.raises(StoreError, match=r"molam_sdk_ext\.stores\.migrate"):
            make(postgres_url).cleanup()


async def test_async_postgres_missing_tables(postgres_url: str) -> None:
    with pytest.raises(StoreError, match="tables are missing"):
        await stores.async_webhook_event_store_from_url(postgres_url).claim("evt_1")


def test_sqlite_unusable_path(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="sqlite store at"):
        SQLiteIdempotencyStore(tmp_path)  # a directory
    with pytest.raises(StoreError):
        SQLiteIdempotencyStore(tmp_path / "missing-dir" / "x.db")


def test_sqlite_locked_database_is_a_store_error(tmp_path: Path) -> None:
    """A writer that holds the lock longer than busy_timeout makes others fail loudly, not skip the check."""
    import sqlite3

    path = tmp_path / "locked.db"
    store = SQLiteIdempotencyStore(path, busy_timeout=0.05)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="locked"):
            store.begin("k", "fp")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.begin("k", "fp").outcome is stores.BeginOutcome.NEW
    store.close()
