"""The store tests' tools: the backends, a fake wall clock, every store behind one awaitable face, and a fresh
store URL per backend (its server started only when the backend needs one)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

__all__ = ["BACKENDS", "MODES", "SHARED_BACKENDS", "Awaitable", "FakeClock", "close_store", "store_url"]

#: Every store backend, and those shared between processes; each test runs its store sync and async.
BACKENDS = ["memory", "sqlite", "redis", "postgres"]
SHARED_BACKENDS = ["sqlite", "redis", "postgres"]
MODES = ["sync", "async"]


class FakeClock:
    """A clock that moves only when told to (so TTL and lock tests never sleep)."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self.now += seconds


class Awaitable:
    """Wraps a sync or async store so a test can ``await store.method(...)`` either way."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def __getattr__(self, name: str) -> Callable[..., Any]:
        attr = getattr(self.store, name)

        async def call(*args: Any, **kwargs: Any) -> Any:
            result = attr(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            return result

        return call


async def close_store(store: Any) -> None:
    """Close ``store`` (sync or async) if it has anything to close."""
    close = getattr(store, "close", None)
    if close is not None:
        result = close()
        if inspect.isawaitable(result):
            await result


def store_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    """A URL for a fresh, empty store of ``backend`` (starting the server fixture only when needed)."""
    if backend == "memory":
        return "memory://"
    if backend == "sqlite":
        return f"sqlite:///{tmp_path}/stores.db"
    if backend == "redis":
        url: str = request.getfixturevalue("redis_url")
        return url
    url = request.getfixturevalue("postgres_store_url")
    return url
