"""Fixtures for the store tests: a fake clock, and every backend (sync and async) behind one awaitable face
(the helpers themselves: tests/support/stores.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from molam_sdk_ext.stores.idempotency_records import DEFAULT_LOCK_TIMEOUT, DEFAULT_TTL
from tests.support.stores import BACKENDS, MODES, Awaitable, FakeClock, close_store, store_url


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _build(kind: str, backend: str, mode: str, url: str, **options: Any) -> Any:
    from molam_sdk_ext import stores

    factory = {
        ("idempotency", "sync"): stores.idempotency_store_from_url,
        ("idempotency", "async"): stores.async_idempotency_store_from_url,
        ("events", "sync"): stores.webhook_event_store_from_url,
        ("events", "async"): stores.async_webhook_event_store_from_url,
    }[kind, mode]
    return factory(url, **options)


@pytest.fixture(params=[(b, m) for b in BACKENDS for m in MODES], ids=lambda p: f"{p[0]}-{p[1]}")
async def make_idempotency(
    request: pytest.FixtureRequest, clock: FakeClock, tmp_path: Path
) -> AsyncIterator[Callable[..., Awaitable]]:
    """Factory: ``make(ttl=, lock_timeout=)`` -> an idempotency store (fake clock) behind ``Awaitable``."""
    backend, mode = request.param
    url = store_url(request, backend, tmp_path)
    made: list[Any] = []

    def make(ttl: float = DEFAULT_TTL, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Awaitable:
        store = _build("idempotency", backend, mode, url, ttl=ttl, lock_timeout=lock_timeout, clock=clock)
        made.append(store)
        return Awaitable(store)

    yield make
    for store in made:
        await close_store(store)


@pytest.fixture(params=[(b, m) for b in BACKENDS for m in MODES], ids=lambda p: f"{p[0]}-{p[1]}")
async def make_events(
    request: pytest.FixtureRequest, clock: FakeClock, tmp_path: Path
) -> AsyncIterator[Callable[..., Awaitable]]:
    """Factory: ``make(ttl=, lock_timeout=)`` -> a webhook event store (fake clock) behind ``Awaitable``."""
    backend, mode = request.param
    url = store_url(request, backend, tmp_path)
    made: list[Any] = []

    def make(ttl: float = DEFAULT_TTL, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Awaitable:
        store = _build("events", backend, mode, url, ttl=ttl, lock_timeout=lock_timeout, clock=clock)
        made.append(store)
        return Awaitable(store)

    yield make
    for store in made:
        await close_store(store)
