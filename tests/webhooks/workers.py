"""Code that runs in other processes (multiprocessing spawn) during the exactly-once tests.

A handler's side effect is a line appended to a file (O_APPEND: atomic for short writes), so the test counts
the handler's successful runs across processes without trusting the store it is testing.
"""

from __future__ import annotations

import os
import time
from typing import Any

from molam_sdk_ext.stores import webhook_event_store_from_url
from molam_sdk_ext.webhooks import WebhookProcessor


def append_line(path: str, text: str) -> None:
    """Append one line to `path` atomically."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (text + "\n").encode())
    finally:
        os.close(fd)


def count_lines(path: str) -> int:
    """Lines in `path` (0 when it does not exist)."""
    try:
        with open(path) as f:
            return sum(1 for _ in f)
    except FileNotFoundError:
        return 0


def build_processor(
    store_url: str, secret: str, effects: str, fail_first: bool, hold: float
) -> WebhookProcessor:
    """A processor on the store at `store_url` whose handler records each successful run in `effects`.

    With `fail_first`, the first run anywhere (marked by `effects + ".failed"`) raises instead.
    """
    processor = WebhookProcessor(secret, webhook_event_store_from_url(store_url))

    @processor.on("payment_intent.succeeded")
    def handle(event: Any) -> None:
        time.sleep(hold)  # hold the claim while the other deliveries arrive
        if fail_first and count_lines(effects + ".failed") == 0:
            append_line(effects + ".failed", f"{os.getpid()} {event.id}")
            raise RuntimeError("first attempt fails")
        append_line(effects, f"{os.getpid()} {event.id}")

    return processor


def deliver(
    store_url: str,
    secret: str,
    jobs: list[tuple[bytes, str, str, bool]],
    hold: float,
    barrier: Any,
    results: Any,
) -> None:
    """For each job (body, header, effects file, fail_first): wait until every worker is ready, process the
    delivery, and put (job index, outcome) on `results`."""
    for index, (body, header, effects, fail_first) in enumerate(jobs):
        processor = build_processor(store_url, secret, effects, fail_first, hold)
        try:
            barrier.wait(timeout=120)
            result = processor.process(body, {"Molam-Signature": header})
            results.put((index, result.outcome.value))
        except BaseException as e:
            results.put((index, f"crashed: {e!r}"))
            raise
        finally:
            close = getattr(processor.store, "close", None)
            if close is not None:
                close()
