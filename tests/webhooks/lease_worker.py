"""A receiver process for the lease tests: it processes one delivery with a slow handler and reports the
outcome on stdout (run as ``python -m tests.webhooks.lease_worker STORE_URL EFFECTS HOLD LOCK_TIMEOUT``, the
signed delivery on stdin as JSON)."""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

from molam_sdk_ext.stores import webhook_event_store_from_url
from molam_sdk_ext.webhooks import WebhookProcessor
from tests.webhooks.workers import append_line


def main() -> None:
    """Read the delivery, say "started" once the handler runs, then print the outcome."""
    store_url, effects, hold, lock_timeout = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    delivery = json.loads(sys.stdin.read())
    store = webhook_event_store_from_url(store_url, lock_timeout=lock_timeout)
    processor = WebhookProcessor(delivery["secret"], store)

    @processor.on("payment_intent.succeeded")
    def slow(event: Any) -> None:
        print("started", flush=True)
        time.sleep(hold)
        append_line(effects, f"{os.getpid()} {event.id}")

    result = processor.process(delivery["body"].encode(), delivery["headers"])
    print(result.outcome.value, flush=True)


if __name__ == "__main__":
    main()
