"""The body of one racing process (spawned by test_concurrency): imports only the SDK, not pytest."""

from __future__ import annotations

from typing import Any

from molam_sdk_ext.stores import idempotency_store_from_url, webhook_event_store_from_url


def race(url: str, rounds: int, barrier: Any, results: Any, worker: int) -> None:
    """For each round, wait for every process, then race `begin` and `claim` on that round's key."""
    idem = idempotency_store_from_url(url)
    events = webhook_event_store_from_url(url)
    try:
        for n in range(rounds):
            barrier.wait(timeout=60)
            begin = idem.begin(f"key-{n}", "fp").outcome.name
            claim = events.claim(f"evt_{n}").name
            results.put((worker, n, begin, claim))
    finally:
        for store in (idem, events):
            close = getattr(store, "close", None)
            if close is not None:
                close()
