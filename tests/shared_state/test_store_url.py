"""One setting, ``MOLAM_STORE_URL`` (``ClientSettings.store_url``), picks every shared store: idempotency
records, webhook claims, and the circuit breakers (shared through Redis only)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from molam_sdk_ext.client import Molam
from molam_sdk_ext.config import ClientSettings
from molam_sdk_ext.errors import CircuitOpenError
from molam_sdk_ext.idempotency import IdempotencyGuard
from molam_sdk_ext.stores import idempotency_store_from_url, webhook_event_store_from_url
from molam_sdk_ext.transport.breaker import BreakerConfig, BreakerRegistry
from molam_sdk_ext.transport.shared_breaker import SharedBreakerRegistry, breaker_registry_for

KEY = "sk_test_store_url_key"


def settings_for(url: str) -> ClientSettings:
    return ClientSettings.resolve(api_key=KEY, environ={"MOLAM_STORE_URL": url})


def test_redis_url_shares_everything(redis_url: str) -> None:
    from molam_sdk_ext.stores.redis import RedisIdempotencyStore, RedisWebhookEventStore

    settings = settings_for(redis_url)
    assert settings.store_url == redis_url and redis_url not in repr(settings)
    assert isinstance(idempotency_store_from_url(settings.store_url), RedisIdempotencyStore)
    assert isinstance(webhook_event_store_from_url(settings.store_url), RedisWebhookEventStore)
    assert isinstance(breaker_registry_for(settings.store_url), SharedBreakerRegistry)


def test_postgres_url(postgres_store_url: str) -> None:
    from molam_sdk_ext.stores.postgres import PostgresIdempotencyStore

    settings = settings_for(postgres_store_url)
    store = idempotency_store_from_url(settings.store_url or "")
    assert isinstance(store, PostgresIdempotencyStore)
    store.close()
    assert type(breaker_registry_for(settings.store_url)) is BreakerRegistry


def test_sqlite_and_memory_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from molam_sdk_ext.stores.sqlite import SQLiteIdempotencyStore

    assert isinstance(idempotency_store_from_url(f"sqlite:///{tmp_path}/shop.db"), SQLiteIdempotencyStore)
    monkeypatch.setenv("MOLAM_STORE_URL", f"sqlite:///{tmp_path}/shop.db")
    assert isinstance(IdempotencyGuard.from_url().store, SQLiteIdempotencyStore)
    assert type(breaker_registry_for(settings_for("memory://").store_url)) is BreakerRegistry
    assert (
        type(breaker_registry_for(ClientSettings.resolve(api_key=KEY, environ={}).store_url))
        is BreakerRegistry
    )


def test_a_client_with_breakers_from_the_store_url(redis_url: str) -> None:
    """What the client does with ``store_url`` (see the report): two clients, one Redis, one breaker."""
    settings = settings_for(redis_url)
    config = BreakerConfig(failure_threshold=2)
    transport = httpx.MockTransport(
        lambda request: httpx.Response(503, json={"error": {"type": "api_error"}})
    )
    first = Molam(
        settings=settings,
        circuit_breaker=breaker_registry_for(settings.store_url, config),
        transport=transport,
    )
    second = Molam(
        settings=settings,
        circuit_breaker=breaker_registry_for(settings.store_url, config),
        transport=transport,
    )
    for _ in range(2):
        with pytest.raises(Exception) as caught:
            first.with_options(max_retries=0).balances.retrieve()
        assert not isinstance(caught.value, CircuitOpenError)
    with pytest.raises(CircuitOpenError):
        second.balances.retrieve()


def test_molam_store_url_alone_makes_the_breakers_shared(redis_url: str, tmp_path: Path) -> None:
    """With only ``MOLAM_STORE_URL`` set, a client's breakers live in Redis; other URLs keep them in-process."""
    with Molam(
        settings=settings_for(redis_url), transport=httpx.MockTransport(lambda r: httpx.Response(200))
    ) as molam:
        assert isinstance(molam.breakers, SharedBreakerRegistry)
    sqlite_url = f"sqlite:///{tmp_path / 'state.db'}"
    with Molam(
        settings=settings_for(sqlite_url), transport=httpx.MockTransport(lambda r: httpx.Response(200))
    ) as molam:
        assert type(molam.breakers) is BreakerRegistry
