"""Stores for state that must survive a retry, a restart or another process: idempotency records, webhook event
claims and circuit-breaker state. One protocol per purpose; backends: memory (default), SQLite (one machine),
Redis and PostgreSQL (many processes and hosts).

Build one from a URL (``MOLAM_STORE_URL``):

- ``memory://``: in this process only (a new, empty store each call);
- ``sqlite:///relative/path.db`` or ``sqlite:////absolute/path.db`` (SQLAlchemy's convention);
- ``redis://[:password@]host:port/db``, ``rediss://...`` (TLS), ``unix:///path/redis.sock``;
- ``postgresql://user@host:port/db``, ``postgres://...`` (run ``python -m molam_sdk_ext.stores.migrate`` first).

Circuit-breaker state is shared through Redis only (``breaker_state_store_from_url``; ``memory://`` keeps it in
this process); `SharedBreakerRegistry` (``molam_sdk_ext.transport.shared_breaker``) plugs it into a client.

The Redis and PostgreSQL client libraries are optional extras (``molam-sdk[redis]``, ``molam-sdk[postgres]``),
imported only when such a store is built.
"""

from __future__ import annotations

import importlib
import urllib.parse
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack

from molam_sdk_ext.errors import ValidationError
from molam_sdk_ext.stores.breaker_state import (
    BreakerRecord,
    BreakerState,
    BreakerStateStore,
)
from molam_sdk_ext.stores.idempotency_records import (
    DEFAULT_LOCK_TIMEOUT,
    DEFAULT_TTL,
    AsyncIdempotencyStore,
    BeginOutcome,
    BeginResult,
    IdempotencyStore,
    StoredResponse,
    StoreOptions,
    fingerprint_request,
)
from molam_sdk_ext.stores.memory import (
    AsyncMemoryIdempotencyStore,
    AsyncMemoryWebhookEventStore,
    AsyncMemoryWebhookInbox,
    MemoryBreakerStateStore,
    MemoryIdempotencyStore,
    MemoryWebhookEventStore,
    MemoryWebhookInbox,
)
from molam_sdk_ext.stores.webhook_events import (
    AsyncWebhookEventStore,
    ClaimOutcome,
    EventRecord,
    WebhookEventStore,
)
from molam_sdk_ext.stores.webhook_inbox import (
    DEFAULT_STALE_AFTER,
    AsyncWebhookInbox,
    InboxEvent,
    InboxStats,
    WebhookInbox,
)

if TYPE_CHECKING:
    from molam_sdk_ext.stores.postgres import (
        AsyncPostgresIdempotencyStore,
        AsyncPostgresWebhookEventStore,
        AsyncPostgresWebhookInbox,
        PostgresIdempotencyStore,
        PostgresWebhookEventStore,
        PostgresWebhookInbox,
    )
    from molam_sdk_ext.stores.redis import (
        AsyncRedisIdempotencyStore,
        AsyncRedisWebhookEventStore,
        AsyncRedisWebhookInbox,
        RedisIdempotencyStore,
        RedisWebhookEventStore,
        RedisWebhookInbox,
    )
    from molam_sdk_ext.stores.redis_breaker import RedisBreakerStateStore
    from molam_sdk_ext.stores.sqlite import (
        AsyncSQLiteIdempotencyStore,
        AsyncSQLiteWebhookEventStore,
        AsyncSQLiteWebhookInbox,
        SQLiteIdempotencyStore,
        SQLiteWebhookEventStore,
        SQLiteWebhookInbox,
    )

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "DEFAULT_STALE_AFTER",
    "DEFAULT_TTL",
    "SCHEMES",
    "AsyncIdempotencyStore",
    "AsyncMemoryIdempotencyStore",
    "AsyncMemoryWebhookEventStore",
    "AsyncMemoryWebhookInbox",
    "AsyncPostgresIdempotencyStore",
    "AsyncPostgresWebhookEventStore",
    "AsyncPostgresWebhookInbox",
    "AsyncRedisIdempotencyStore",
    "AsyncRedisWebhookEventStore",
    "AsyncRedisWebhookInbox",
    "AsyncSQLiteIdempotencyStore",
    "AsyncSQLiteWebhookEventStore",
    "AsyncSQLiteWebhookInbox",
    "AsyncWebhookEventStore",
    "AsyncWebhookInbox",
    "BeginOutcome",
    "BeginResult",
    "BreakerRecord",
    "BreakerState",
    "BreakerStateStore",
    "ClaimOutcome",
    "EventRecord",
    "IdempotencyStore",
    "InboxEvent",
    "InboxStats",
    "MemoryBreakerStateStore",
    "MemoryIdempotencyStore",
    "MemoryWebhookEventStore",
    "MemoryWebhookInbox",
    "PostgresIdempotencyStore",
    "PostgresWebhookEventStore",
    "PostgresWebhookInbox",
    "RedisBreakerStateStore",
    "RedisIdempotencyStore",
    "RedisWebhookEventStore",
    "RedisWebhookInbox",
    "SQLiteIdempotencyStore",
    "SQLiteWebhookEventStore",
    "SQLiteWebhookInbox",
    "StoreOptions",
    "StoredResponse",
    "WebhookEventStore",
    "WebhookInbox",
    "async_idempotency_store_from_url",
    "async_webhook_event_store_from_url",
    "async_webhook_inbox_from_url",
    "breaker_state_store_from_url",
    "fingerprint_request",
    "idempotency_store_from_url",
    "sqlite_path_from_url",
    "store_kind",
    "webhook_event_store_from_url",
    "webhook_inbox_from_url",
]

SCHEMES = {
    "memory": "memory",
    "sqlite": "sqlite",
    "redis": "redis",
    "rediss": "redis",
    "unix": "redis",
    "postgresql": "postgres",
    "postgres": "postgres",
}
"""URL scheme -> store kind."""


def store_kind(url: str) -> str:
    """``memory``, ``sqlite``, ``redis`` or ``postgres`` for a store URL; for anything else a
    `ValidationError(param="store_url")` (a `MolamError`, and still a `ValueError`)."""
    scheme = url.split("://", 1)[0].lower() if isinstance(url, str) and "://" in url else ""
    kind = SCHEMES.get(scheme)
    if kind is None:
        shown = f"scheme {scheme!r}" if scheme else "no scheme"
        raise _bad_url(
            f"unsupported store URL ({shown}): use memory://, sqlite:///path.db, redis://host:port/db, "
            "rediss://..., or postgresql://user@host:port/db"
        )
    return kind


def sqlite_path_from_url(url: str) -> str:
    """The file of a ``sqlite:///relative.db`` or ``sqlite:////absolute.db`` URL."""
    path = urllib.parse.unquote(url.split("://", 1)[1])
    if not path.startswith("/") or path.strip("/") == "":
        raise _bad_url(
            "a SQLite store URL needs a file: sqlite:///relative/path.db or sqlite:////absolute/path.db"
        )
    path = path[1:].split("?", 1)[0]
    if path == ":memory:":
        raise _bad_url("sqlite:///:memory: is private to one connection: use memory://")
    return path


def _bad_url(message: str) -> ValidationError:
    # A MolamError (as everything the SDK raises) that is still the ValueError older callers catch.
    return ValidationError(message, param="store_url")


# The registry of backend classes: (store kind, purpose, async) -> (module, class). The one place a URL's kind
# meets a class; `_LAZY` (every class name -> its module) is derived from it for the lazy attributes below.
_REGISTRY: dict[tuple[str, str, bool], tuple[str, str]] = {
    ("memory", "idempotency", False): ("memory", "MemoryIdempotencyStore"),
    ("memory", "idempotency", True): ("memory", "AsyncMemoryIdempotencyStore"),
    ("memory", "webhook_events", False): ("memory", "MemoryWebhookEventStore"),
    ("memory", "webhook_events", True): ("memory", "AsyncMemoryWebhookEventStore"),
    ("memory", "breaker_state", False): ("memory", "MemoryBreakerStateStore"),
    ("sqlite", "idempotency", False): ("sqlite", "SQLiteIdempotencyStore"),
    ("sqlite", "idempotency", True): ("sqlite", "AsyncSQLiteIdempotencyStore"),
    ("sqlite", "webhook_events", False): ("sqlite", "SQLiteWebhookEventStore"),
    ("sqlite", "webhook_events", True): ("sqlite", "AsyncSQLiteWebhookEventStore"),
    ("sqlite", "webhook_inbox", False): ("sqlite", "SQLiteWebhookInbox"),
    ("sqlite", "webhook_inbox", True): ("sqlite", "AsyncSQLiteWebhookInbox"),
    ("redis", "idempotency", False): ("redis", "RedisIdempotencyStore"),
    ("redis", "idempotency", True): ("redis", "AsyncRedisIdempotencyStore"),
    ("redis", "webhook_events", False): ("redis", "RedisWebhookEventStore"),
    ("redis", "webhook_events", True): ("redis", "AsyncRedisWebhookEventStore"),
    ("redis", "webhook_inbox", False): ("redis", "RedisWebhookInbox"),
    ("redis", "webhook_inbox", True): ("redis", "AsyncRedisWebhookInbox"),
    ("redis", "breaker_state", False): ("redis_breaker", "RedisBreakerStateStore"),
    ("postgres", "idempotency", False): ("postgres", "PostgresIdempotencyStore"),
    ("postgres", "idempotency", True): ("postgres", "AsyncPostgresIdempotencyStore"),
    ("postgres", "webhook_events", False): ("postgres", "PostgresWebhookEventStore"),
    ("postgres", "webhook_events", True): ("postgres", "AsyncPostgresWebhookEventStore"),
    ("postgres", "webhook_inbox", False): ("postgres", "PostgresWebhookInbox"),
    ("postgres", "webhook_inbox", True): ("postgres", "AsyncPostgresWebhookInbox"),
}
_LAZY = {name: module for module, name in _REGISTRY.values()}


def __getattr__(name: str) -> Any:
    """The backend classes, imported on first use (their client libraries are optional extras)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(_backend_module(module), name)


def _backend_module(kind: str) -> Any:
    try:
        return importlib.import_module(f"molam_sdk_ext.stores.{kind}")
    except ImportError as exc:
        extra = kind.split("_", 1)[0]  # redis_breaker needs the redis extra
        raise ImportError(
            f"the {extra} store needs an optional dependency: pip install 'molam-sdk[{extra}]' ({exc})"
        ) from exc


def _backend_class(kind: str, purpose: str, is_async: bool = False) -> Any:
    module, name = _REGISTRY[kind, purpose, is_async]
    return getattr(_backend_module(module), name)


def _build(url: str, purpose: str, is_async: bool, options: Mapping[str, Any]) -> Any:
    kind = store_kind(url)
    if kind == "memory" and purpose == "webhook_inbox":
        raise ValueError(
            "a webhook inbox is shared with worker processes: use a sqlite, redis or postgresql URL"
        )
    cls = _backend_class(kind, purpose, is_async)
    if kind == "memory":
        return cls(**options)
    return cls(sqlite_path_from_url(url) if kind == "sqlite" else url, **options)


def idempotency_store_from_url(url: str, **options: Unpack[StoreOptions]) -> IdempotencyStore:
    """An ``IdempotencyStore`` for ``url`` (see the module docstring for the schemes)."""
    store: IdempotencyStore = _build(url, "idempotency", False, options)
    return store


def async_idempotency_store_from_url(url: str, **options: Unpack[StoreOptions]) -> AsyncIdempotencyStore:
    """An ``AsyncIdempotencyStore`` for ``url`` (see the module docstring for the schemes)."""
    store: AsyncIdempotencyStore = _build(url, "idempotency", True, options)
    return store


def webhook_event_store_from_url(url: str, **options: Unpack[StoreOptions]) -> WebhookEventStore:
    """A ``WebhookEventStore`` for ``url`` (see the module docstring for the schemes)."""
    store: WebhookEventStore = _build(url, "webhook_events", False, options)
    return store


def async_webhook_event_store_from_url(url: str, **options: Unpack[StoreOptions]) -> AsyncWebhookEventStore:
    """An ``AsyncWebhookEventStore`` for ``url`` (see the module docstring for the schemes)."""
    store: AsyncWebhookEventStore = _build(url, "webhook_events", True, options)
    return store


def webhook_inbox_from_url(
    url: str, *, stale_after: float = DEFAULT_STALE_AFTER, **options: Unpack[StoreOptions]
) -> WebhookInbox:
    """A `WebhookInbox` for ``url``: PostgreSQL or Redis (shared by web servers and workers on many hosts), or
    SQLite (one machine). ``memory://`` is refused: workers run in other processes."""
    inbox: WebhookInbox = _build(url, "webhook_inbox", False, {"stale_after": stale_after, **options})
    return inbox


def async_webhook_inbox_from_url(
    url: str, *, stale_after: float = DEFAULT_STALE_AFTER, **options: Unpack[StoreOptions]
) -> AsyncWebhookInbox:
    """An `AsyncWebhookInbox` for ``url``: the URLs and options of ``webhook_inbox_from_url``, recording through
    ``redis.asyncio``, psycopg's async connections, or SQLite in a worker thread (never blocking the loop)."""
    inbox: AsyncWebhookInbox = _build(url, "webhook_inbox", True, {"stale_after": stale_after, **options})
    return inbox


def breaker_state_store_from_url(url: str) -> BreakerStateStore:
    """A ``BreakerStateStore`` for ``url``: Redis (shared by every process using it) or ``memory://``.

    SQLite and PostgreSQL URLs are refused: a breaker consulted before every call needs Redis's latency
    (use a Redis URL for the breaker, or keep the client's default in-process breakers).
    """
    kind = store_kind(url)
    if kind in ("memory", "redis"):
        store: BreakerStateStore = _build(url, "breaker_state", False, {})
        return store
    raise _bad_url(
        f"circuit-breaker state can be shared through Redis only (got a {kind} URL): use redis://... "
        "or keep the in-process breakers"
    )
