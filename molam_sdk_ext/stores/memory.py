"""In-process stores: dicts behind a lock (thread-safe), the default when nothing is shared between processes.

The async variants share the sync store's state and lock: every operation is a dict lookup under a lock held
for microseconds, so it never blocks the event loop meaningfully.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from molam_sdk_ext.stores.breaker_state import (
    CLOSED,
    BreakerRecord,
    new_probe_token,
    on_failure,
    on_probe_request,
    on_release,
    on_success,
)
from molam_sdk_ext.stores.idempotency_records import (
    DEFAULT_LOCK_TIMEOUT,
    DEFAULT_TTL,
    BeginResult,
    IdempotencyRecord,
    StoredResponse,
    decide_begin,
    decide_complete,
    decide_fail,
)
from molam_sdk_ext.stores.webhook_events import (
    ClaimOutcome,
    EventRecord,
    StoredEvent,
    decide_claim,
    decide_mark_processed,
    decide_release,
    decide_renew,
)

Clock = Callable[[], float]


class MemoryIdempotencyStore:
    """Idempotency records in a dict; state lives and dies with the process."""

    def __init__(
        self,
        *,
        ttl: float = DEFAULT_TTL,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Clock = time.time,
    ) -> None:
        self.ttl = ttl
        self.lock_timeout = lock_timeout
        self._clock = clock
        self._lock = threading.Lock()
        self._records: dict[str, IdempotencyRecord] = {}

    def begin(self, key: str, fingerprint: str) -> BeginResult:
        """See ``IdempotencyStore.begin``."""
        with self._lock:
            result, write = decide_begin(
                self._records.get(key),
                key,
                fingerprint,
                now=self._clock(),
                ttl=self.ttl,
                lock_timeout=self.lock_timeout,
            )
            if write is not None:
                self._records[key] = write
            return result

    def complete(self, key: str, response: StoredResponse) -> None:
        """See ``IdempotencyStore.complete``."""
        with self._lock:
            write = decide_complete(self._records.get(key), response, now=self._clock(), ttl=self.ttl)
            if write is not None:
                self._records[key] = write

    def fail(self, key: str) -> None:
        """See ``IdempotencyStore.fail``."""
        with self._lock:
            if decide_fail(self._records.get(key), now=self._clock()):
                del self._records[key]

    def cleanup(self) -> int:
        """See ``IdempotencyStore.cleanup``."""
        with self._lock:
            now = self._clock()
            expired = [k for k, r in self._records.items() if not r.is_live(now)]
            for k in expired:
                del self._records[k]
            return len(expired)


class AsyncMemoryIdempotencyStore:
    """The asyncio face of a ``MemoryIdempotencyStore`` (a new one unless ``store`` is given)."""

    def __init__(
        self,
        store: MemoryIdempotencyStore | None = None,
        *,
        ttl: float = DEFAULT_TTL,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Clock = time.time,
    ) -> None:
        self.sync = store or MemoryIdempotencyStore(ttl=ttl, lock_timeout=lock_timeout, clock=clock)

    async def begin(self, key: str, fingerprint: str) -> BeginResult:
        """See ``IdempotencyStore.begin``."""
        return self.sync.begin(key, fingerprint)

    async def complete(self, key: str, response: StoredResponse) -> None:
        """See ``IdempotencyStore.complete``."""
        self.sync.complete(key, response)

    async def fail(self, key: str) -> None:
        """See ``IdempotencyStore.fail``."""
        self.sync.fail(key)

    async def cleanup(self) -> int:
        """See ``IdempotencyStore.cleanup``."""
        return self.sync.cleanup()


class MemoryWebhookEventStore:
    """Webhook event claims in a dict; state lives and dies with the process."""

    def __init__(
        self,
        *,
        ttl: float = DEFAULT_TTL,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Clock = time.time,
    ) -> None:
        self.ttl = ttl
        self.lock_timeout = lock_timeout
        self._clock = clock
        self._lock = threading.Lock()
        self._records: dict[str, StoredEvent] = {}

    def claim(self, event_id: str, holder: str | None = None) -> ClaimOutcome:
        """See ``WebhookEventStore.claim``."""
        with self._lock:
            outcome, write = decide_claim(
                self._records.get(event_id),
                event_id,
                now=self._clock(),
                ttl=self.ttl,
                lock_timeout=self.lock_timeout,
                holder=holder,
            )
            if write is not None:
                self._records[event_id] = write
            return outcome

    def renew(self, event_id: str, holder: str) -> bool:
        """See ``WebhookEventStore.renew``."""
        with self._lock:
            write = decide_renew(self._records.get(event_id), holder, now=self._clock(), ttl=self.ttl)
            if write is not None:
                self._records[event_id] = write
            return write is not None

    def mark_processed(self, event_id: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.mark_processed``."""
        with self._lock:
            write = decide_mark_processed(
                self._records.get(event_id), event_id, now=self._clock(), ttl=self.ttl, holder=holder
            )
            if write is not None:
                self._records[event_id] = write
            return write is not None

    def release(self, event_id: str, error: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.release``."""
        with self._lock:
            write = decide_release(
                self._records.get(event_id), event_id, error, now=self._clock(), ttl=self.ttl, holder=holder
            )
            if write is not None:
                self._records[event_id] = write
            return write is not None

    def get(self, event_id: str) -> EventRecord | None:
        """See ``WebhookEventStore.get``."""
        with self._lock:
            record = self._records.get(event_id)
            return record.public() if record is not None and record.is_live(self._clock()) else None

    def cleanup(self) -> int:
        """See ``WebhookEventStore.cleanup``."""
        with self._lock:
            now = self._clock()
            expired = [k for k, r in self._records.items() if not r.is_live(now)]
            for k in expired:
                del self._records[k]
            return len(expired)


class AsyncMemoryWebhookEventStore:
    """The asyncio face of a ``MemoryWebhookEventStore`` (a new one unless ``store`` is given)."""

    def __init__(
        self,
        store: MemoryWebhookEventStore | None = None,
        *,
        ttl: float = DEFAULT_TTL,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Clock = time.time,
    ) -> None:
        self.sync = store or MemoryWebhookEventStore(ttl=ttl, lock_timeout=lock_timeout, clock=clock)

    @property
    def lock_timeout(self) -> float:
        """The sync store's ``lock_timeout`` (the processor derives its heartbeat and Retry-After from it)."""
        return self.sync.lock_timeout

    async def claim(self, event_id: str, holder: str | None = None) -> ClaimOutcome:
        """See ``WebhookEventStore.claim``."""
        return self.sync.claim(event_id, holder)

    async def renew(self, event_id: str, holder: str) -> bool:
        """See ``WebhookEventStore.renew``."""
        return self.sync.renew(event_id, holder)

    async def mark_processed(self, event_id: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.mark_processed``."""
        return self.sync.mark_processed(event_id, holder)

    async def release(self, event_id: str, error: str, holder: str | None = None) -> bool:
        """See ``WebhookEventStore.release``."""
        return self.sync.release(event_id, error, holder)

    async def get(self, event_id: str) -> EventRecord | None:
        """See ``WebhookEventStore.get``."""
        return self.sync.get(event_id)

    async def cleanup(self) -> int:
        """See ``WebhookEventStore.cleanup``."""
        return self.sync.cleanup()


class MemoryBreakerStateStore:
    """Per-host breaker records in a dict (one process); the reference for shared backends."""

    def __init__(self, *, clock: Clock = time.time) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._records: dict[str, BreakerRecord] = {}

    def _write(self, host: str, record: BreakerRecord) -> BreakerRecord:
        # A closed, empty record is the default: keep no entry for it (hosts come and go).
        if record == CLOSED:
            self._records.pop(host, None)
        else:
            self._records[host] = record
        return record

    def get(self, host: str) -> BreakerRecord:
        """See ``BreakerStateStore.get``."""
        with self._lock:
            return self._records.get(host, CLOSED)

    def record_success(self, host: str, probe: str | None = None) -> BreakerRecord:
        """See ``BreakerStateStore.record_success``."""
        with self._lock:
            return self._write(host, on_success(self._records.get(host, CLOSED), probe))

    def record_failure(
        self, host: str, threshold: int, window: float, probe: str | None = None
    ) -> BreakerRecord:
        """See ``BreakerStateStore.record_failure``."""
        with self._lock:
            record = on_failure(
                self._records.get(host, CLOSED),
                threshold=threshold,
                window=window,
                now=self.clock(),
                probe=probe,
            )
            return self._write(host, record)

    def try_acquire_probe(self, host: str, reset_timeout: float) -> str | None:
        """See ``BreakerStateStore.try_acquire_probe``."""
        token = new_probe_token()
        with self._lock:
            granted, record = on_probe_request(
                self._records.get(host, CLOSED), reset_timeout=reset_timeout, now=self.clock(), token=token
            )
            self._write(host, record)
        return token if granted else None

    def release_probe(self, host: str, probe: str) -> BreakerRecord:
        """See ``BreakerStateStore.release_probe``."""
        with self._lock:
            return self._write(host, on_release(self._records.get(host, CLOSED), probe))

    def reset(self, host: str) -> BreakerRecord:
        """See ``BreakerStateStore.reset``."""
        with self._lock:
            return self._write(host, CLOSED)
