"""Building stores from URLs, and keeping the optional backends optional."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

from molam_sdk_ext import stores
from molam_sdk_ext.stores.redaction import redact_url, store_error


def test_memory() -> None:
    assert isinstance(stores.idempotency_store_from_url("memory://"), stores.MemoryIdempotencyStore)
    assert isinstance(stores.webhook_event_store_from_url("memory://"), stores.MemoryWebhookEventStore)
    assert isinstance(
        stores.async_idempotency_store_from_url("memory://"), stores.AsyncMemoryIdempotencyStore
    )
    assert isinstance(
        stores.async_webhook_event_store_from_url("memory://"), stores.AsyncMemoryWebhookEventStore
    )


def test_options_are_passed_on(tmp_path: Path) -> None:
    store = stores.idempotency_store_from_url(f"sqlite:///{tmp_path}/a.db", ttl=5.0, lock_timeout=2.0)
    assert (store.ttl, store.lock_timeout) == (5.0, 2.0)  # type: ignore[attr-defined]


def test_sqlite_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from molam_sdk_ext.stores.sqlite import AsyncSQLiteWebhookEventStore, SQLiteIdempotencyStore

    assert stores.sqlite_path_from_url("sqlite:////var/lib/molam.db") == "/var/lib/molam.db"
    assert stores.sqlite_path_from_url("sqlite:///data/molam.db") == "data/molam.db"
    assert stores.sqlite_path_from_url("sqlite:///my%20dir/x.db") == "my dir/x.db"
    for bad in ("sqlite://", "sqlite:///", "sqlite://host/x.db", "sqlite:///:memory:"):
        with pytest.raises(ValueError):
            stores.sqlite_path_from_url(bad)
    monkeypatch.chdir(tmp_path)
    store = stores.idempotency_store_from_url("sqlite:///rel.db")
    assert isinstance(store, SQLiteIdempotencyStore) and store.path == "rel.db"
    assert (tmp_path / "rel.db").exists()
    async_store = stores.async_webhook_event_store_from_url(f"sqlite:///{tmp_path}/b.db")
    assert isinstance(async_store, AsyncSQLiteWebhookEventStore)


def test_redis_urls(redis_url: str) -> None:
    from molam_sdk_ext.stores.redis import (
        AsyncRedisIdempotencyStore,
        AsyncRedisWebhookEventStore,
        RedisIdempotencyStore,
        RedisWebhookEventStore,
    )

    assert isinstance(stores.idempotency_store_from_url(redis_url), RedisIdempotencyStore)
    assert isinstance(stores.webhook_event_store_from_url(redis_url), RedisWebhookEventStore)
    assert isinstance(stores.async_idempotency_store_from_url(redis_url), AsyncRedisIdempotencyStore)
    assert isinstance(stores.async_webhook_event_store_from_url(redis_url), AsyncRedisWebhookEventStore)
    assert stores.store_kind("rediss://h:6380/0") == "redis"
    assert stores.store_kind("unix:///run/redis.sock") == "redis"


def test_postgres_urls(postgres_store_url: str) -> None:
    from molam_sdk_ext.stores.postgres import (
        AsyncPostgresIdempotencyStore,
        PostgresIdempotencyStore,
        PostgresWebhookEventStore,
    )

    webhook_store = stores.webhook_event_store_from_url(postgres_store_url)
    assert isinstance(webhook_store, PostgresWebhookEventStore)
    webhook_store.close()
    async_store = stores.async_idempotency_store_from_url(postgres_store_url)
    assert isinstance(async_store, AsyncPostgresIdempotencyStore)  # opens nothing until first used
    legacy = postgres_store_url.replace("postgresql://", "postgres://", 1)
    legacy_store = stores.idempotency_store_from_url(legacy)
    assert isinstance(legacy_store, PostgresIdempotencyStore)
    assert legacy_store.begin("k", "fp").outcome is stores.BeginOutcome.NEW
    legacy_store.close()


@pytest.mark.parametrize("url", ["mysql://h/db", "http://x", "redis", "", "/tmp/x.db", "REDIS:/x"])
def test_unknown_schemes(url: str) -> None:
    with pytest.raises(ValueError, match="unsupported store URL"):
        stores.idempotency_store_from_url(url)
    with pytest.raises(ValueError, match="unsupported store URL"):
        stores.async_webhook_event_store_from_url(url)


def test_scheme_is_case_insensitive() -> None:
    assert stores.store_kind("Memory://") == "memory"


@pytest.mark.slow  # a fresh interpreter: 1 s
def test_backends_are_imported_lazily_and_a_missing_extra_names_its_package() -> None:
    code = (
        "import sys, molam_sdk_ext.stores as s\n"
        "s.idempotency_store_from_url('memory://')\n"
        "print(sorted(m for m in ('redis', 'psycopg', 'sqlite3') if m in sys.modules))\n"
        "sys.modules['redis'] = None\n"
        "try:\n    s.idempotency_store_from_url('redis://127.0.0.1:1/0')\n"
        "except ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    lines = out.stdout.splitlines()
    assert lines[0] == "[]"
    assert "pip install 'molam-sdk[redis]'" in lines[1]


def test_redaction() -> None:
    assert redact_url("redis://:pw@h:1/0") == "redis://h:1/0"
    assert redact_url("redis://user:pw@h:1/0") == "redis://user:***@h:1/0"
    assert redact_url("postgresql://u:p%40ss@h/db?password=zz&sslmode=require") == "postgresql://u:***@h/db"
    assert redact_url("postgresql://[::1]:5432/db") == "postgresql://[::1]:5432/db"
    error = store_error("redis", "redis://h:1/0", OSError("auth p@ss failed (p%40ss)"), secret="p@ss")
    assert "p@ss" not in str(error) and "p%40ss" not in str(error)
    assert str(error) == "redis store at redis://h:1/0 failed: OSError: auth *** failed (***)"


def test_the_registry_names_real_classes() -> None:
    # Every (kind, purpose, async) the URL builders can ask for names a class of that name in its module, and
    # the package's lazy attribute of that name is the same class (one registry for both).
    for (kind, purpose, is_async), (module, name) in stores._REGISTRY.items():
        cls = stores._backend_class(kind, purpose, is_async)
        assert isinstance(cls, type) and cls.__name__ == name, (kind, purpose, is_async)
        assert cls.__module__ == f"molam_sdk_ext.stores.{module}"
        assert getattr(stores, name) is cls
        method = cls.get if purpose == "breaker_state" else cls.cleanup
        assert is_async == inspect.iscoroutinefunction(method), name
    with pytest.raises(AttributeError):
        _ = stores.RedisNoSuchStore
