"""Per-call cost of the generated resource layer alone (request description + response parsing).

The requester is a stub returning one prebuilt `httpx.Response`, so the figures are what
`molam_sdk.resources` adds on top of whatever the client's transport stack costs: building the request
description (body, query, headers) and parsing the 2xx body into the typed model. `bench/client_bench.py`
measures the whole client against raw httpx.

Run: `.venv/bin/python bench/generated_bench.py [--quick]`. A measurement, not a test: exit status 0.
"""

from __future__ import annotations

import json
import statistics
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.client_bench import PAYLOAD, RESPONSE_HEADERS  # noqa: E402
from molam_sdk.requester import Request, RequestOptions  # noqa: E402
from molam_sdk.resources import SyncResources  # noqa: E402

LIST_PAYLOAD = json.dumps(
    {
        "object": "list",
        "data": [json.loads(PAYLOAD) for _ in range(10)],
        "has_more": False,
        "next_cursor": None,
    }
).encode()


class StubRequester:
    """Answers every request with the same prebuilt response; keeps the last request description."""

    def __init__(self, content: bytes) -> None:
        self.response = httpx.Response(200, content=content, headers=RESPONSE_HEADERS)
        self.last: Request | None = None

    def request(self, request: Request, options: RequestOptions) -> httpx.Response:
        """Return the prebuilt response."""
        self.last = request
        return self.response


def main() -> int:
    quick = "--quick" in sys.argv
    one = SyncResources(StubRequester(PAYLOAD))
    many = SyncResources(StubRequester(LIST_PAYLOAD))
    cases: dict[str, Callable[[], object]] = {
        "json.loads(1 KB payment intent) alone": lambda: json.loads(PAYLOAD),
        "payment_intents.create(amount, currency)": lambda: one.payment_intents.create(
            amount=15000, currency="XOF"
        ),
        "payment_intents.create(+ enum, metadata)": lambda: one.payment_intents.create(
            amount=15000,
            currency="XOF",
            capture_method="manual",
            description="Commande 1042",
            metadata={"order_id": "1042"},
            idempotency_key="order-1042",
        ),
        "payment_intents.retrieve(id)": lambda: one.payment_intents.retrieve("pi_3Nf8kLm2aB9xQ7"),
        "payment_intents.list(limit=10) (10 items)": lambda: many.payment_intents.list(
            limit=10, status="succeeded"
        ),
    }
    rounds, seconds = (3, 0.05) if quick else (9, 0.2)
    numbers: dict[str, int] = {}
    for name, fn in cases.items():
        fn()
        count, elapsed = timeit.Timer(fn).autorange()
        numbers[name] = max(1, int(count * seconds / max(elapsed, 1e-9)))
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, fn in cases.items():  # interleaved: machine noise hits every case alike
            samples[name].append(timeit.Timer(fn).timeit(numbers[name]) / numbers[name] * 1e6)
    print(f"generated resource layer per call (stub requester), median of {rounds} rounds [min], us")
    for name, values in samples.items():
        print(f"  {name:46} {statistics.median(values):8.2f} [{min(values):7.2f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
