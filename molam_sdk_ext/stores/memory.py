"""In-process stores: dicts behind a lock (thread-safe), the default when nothing is shared between processes.

Each store runs the kernel's record plans (`molam_sdk_ext.stores.kernel`) under its lock. The async variants are
the same store's plans run inline (`Offloaded`): every operation is a dict lookup under a lock held for
microseconds, so it never blocks the event loop meaningfully.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Unpack

from molam_sdk_ext.stores import _kernel as kernel
from molam_sdk_ext.stores.breaker_state import (
    CLOSED,
    BreakerRecord,
    new_probe_token,
    on_failure,
    on_probe_request,
    on_release,
    on_success,
)
from molam_sdk_ext.stores.idempotency_records import StoreOptions
from molam_sdk_ext.stores.webhook_inbox import DEFAULT_STALE_AFTER, InboxRecord

Clock = Callable[[], float]


class _MemoryRecords:
    """The records of one store in a dict, and the runner of its plans: one plan at a time, under the lock."""

    _plans_class: Callable[..., Any]

    def __init__(self, **options: Unpack[StoreOptions]) -> None:
        self._lock = threading.Lock()
        self._table = _DictRecords()
        self._plans = self._plans_class(**options)

    def _run_plan(self, plan: Callable[..., Any], *args: Any) -> Any:
        with self._lock:
            return plan(self._table, *args)


class _DictRecords(dict[str, Any]):
    """`Records` in a dict (the store's lock is held by whoever calls these). Reads and writes are the dict's
    own methods: no Python frame on the hot path."""

    read = dict.get
    write = dict.__setitem__
    delete = dict.__delitem__

    def delete_expired(self, now: float) -> int:
        expired = [k for k, r in self.items() if not r.is_live(now)]
        for k in expired:
            del self[k]
        return len(expired)

    def scan(self, now: float) -> list[InboxRecord]:
        return [
            r
            for r in self.values()
            if isinstance(r, InboxRecord) and r.is_live(now) and r.payload is not None
        ]


class MemoryIdempotencyStore(_MemoryRecords, kernel.IdempotencyFacade):
    """Idempotency records in a dict; state lives and dies with the process."""

    _plans_class = kernel.IdempotencyRecordPlans


class MemoryWebhookEventStore(_MemoryRecords, kernel.EventFacade):
    """Webhook event claims in a dict; state lives and dies with the process."""

    _plans_class = kernel.EventRecordPlans


class MemoryWebhookInbox(MemoryWebhookEventStore, kernel.InboxFacade):
    """The webhook inbox (`WebhookInbox`) in a dict: for tests and single-process setups whose workers are
    threads of this process (``webhook_inbox_from_url`` refuses ``memory://``: workers are other processes)."""

    _plans_class = kernel.InboxRecordPlans

    def __init__(self, *, stale_after: float = DEFAULT_STALE_AFTER, **options: Unpack[StoreOptions]) -> None:
        super().__init__(**options)
        self._plans.stale_after = stale_after


class AsyncMemoryIdempotencyStore(kernel.Offloaded[MemoryIdempotencyStore], kernel.AsyncIdempotencyFacade):
    """The asyncio face of a ``MemoryIdempotencyStore`` (a new one unless ``store`` is given)."""

    def __init__(self, store: MemoryIdempotencyStore | None = None, **options: Unpack[StoreOptions]) -> None:
        super().__init__(store or MemoryIdempotencyStore(**options), offload=False)


class AsyncMemoryWebhookEventStore(kernel.Offloaded[MemoryWebhookEventStore], kernel.AsyncEventFacade):
    """The asyncio face of a ``MemoryWebhookEventStore`` (a new one unless ``store`` is given)."""

    def __init__(self, store: MemoryWebhookEventStore | None = None, **options: Unpack[StoreOptions]) -> None:
        super().__init__(store or MemoryWebhookEventStore(**options), offload=False)


class AsyncMemoryWebhookInbox(kernel.Offloaded[MemoryWebhookInbox], kernel.AsyncInboxFacade):
    """The asyncio face of a ``MemoryWebhookInbox`` (a new one unless ``inbox`` is given)."""

    def __init__(
        self,
        inbox: MemoryWebhookInbox | None = None,
        *,
        stale_after: float = DEFAULT_STALE_AFTER,
        **options: Unpack[StoreOptions],
    ) -> None:
        super().__init__(inbox or MemoryWebhookInbox(stale_after=stale_after, **options), offload=False)


class _BreakerRecordPlans(kernel._Settings):
    """The breaker's transitions (`breaker_state`) on a dict of records, under the store's lock."""

    def _write(self, records: _DictRecords, host: str, record: BreakerRecord) -> BreakerRecord:
        # A closed, empty record is the default: keep no entry for it (hosts come and go).
        if record == CLOSED:
            records.pop(host, None)
        else:
            records[host] = record
        return record

    def get(self, records: _DictRecords, host: str) -> BreakerRecord:
        record: BreakerRecord = records.get(host, CLOSED)
        return record

    def record_success(self, records: _DictRecords, host: str, probe: str | None) -> BreakerRecord:
        return self._write(records, host, on_success(self.get(records, host), probe))

    def record_failure(
        self, records: _DictRecords, host: str, threshold: int, window: float, probe: str | None
    ) -> BreakerRecord:
        now = self.clock()
        record = on_failure(self.get(records, host), threshold=threshold, window=window, now=now, probe=probe)
        return self._write(records, host, record)

    def try_acquire_probe(self, records: _DictRecords, host: str, reset_timeout: float) -> str | None:
        token = new_probe_token()
        granted, record = on_probe_request(
            self.get(records, host), reset_timeout=reset_timeout, now=self.clock(), token=token
        )
        self._write(records, host, record)
        return token if granted else None

    def release_probe(self, records: _DictRecords, host: str, probe: str) -> BreakerRecord:
        return self._write(records, host, on_release(self.get(records, host), probe))

    def reset(self, records: _DictRecords, host: str) -> BreakerRecord:
        return self._write(records, host, CLOSED)


class MemoryBreakerStateStore(_MemoryRecords, kernel.BreakerFacade):
    """Per-host breaker records in a dict (one process); the reference for shared backends."""

    _plans_class = _BreakerRecordPlans

    def __init__(self, *, clock: Clock = time.time) -> None:
        super().__init__(clock=clock)
