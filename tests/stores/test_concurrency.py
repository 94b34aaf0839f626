"""Racing callers on one key: exactly one wins, whether they are threads, processes or asyncio tasks."""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from molam_sdk_ext import stores
from tests.stores.race_worker import race
from tests.support.stores import BACKENDS, SHARED_BACKENDS, store_url

THREADS = 8
PROCESSES = 4
ROUNDS = 20


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return store_url(request, request.param, tmp_path)


@pytest.fixture(params=SHARED_BACKENDS)
def shared_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return store_url(request, request.param, tmp_path)


def _close(*made: Any) -> None:
    for store in made:
        close = getattr(store, "close", None)
        if close is not None:
            close()


def _race_threads(call: Callable[[int], str]) -> list[Counter[str]]:
    """Run ``call(round)`` in THREADS threads released together, ROUNDS times; count outcomes per round."""
    barrier = threading.Barrier(THREADS)

    def worker(_: int) -> list[str]:
        out = []
        for n in range(ROUNDS):
            barrier.wait(timeout=60)
            out.append(call(n))
        return out

    with ThreadPoolExecutor(THREADS) as pool:
        per_thread = list(pool.map(worker, range(THREADS)))
    return [Counter(outcomes[n] for outcomes in per_thread) for n in range(ROUNDS)]


@pytest.fixture
def idem(url: str) -> Iterator[stores.IdempotencyStore]:
    store = stores.idempotency_store_from_url(url)
    yield store
    _close(store)


@pytest.fixture
def events(url: str) -> Iterator[stores.WebhookEventStore]:
    store = stores.webhook_event_store_from_url(url)
    yield store
    _close(store)


def test_threads_racing_begin(idem: stores.IdempotencyStore) -> None:
    rounds = _race_threads(lambda n: idem.begin(f"key-{n}", "fp").outcome.name)
    assert rounds == [Counter({"NEW": 1, "IN_PROGRESS": THREADS - 1})] * ROUNDS


def test_threads_racing_claim(events: stores.WebhookEventStore) -> None:
    rounds = _race_threads(lambda n: events.claim(f"evt_{n}").name)
    assert rounds == [Counter({"CLAIMED": 1, "IN_PROGRESS": THREADS - 1})] * ROUNDS


def test_threads_racing_after_release(events: stores.WebhookEventStore) -> None:
    """A released event is reclaimed by exactly one of the next deliveries."""
    for n in range(ROUNDS):
        events.claim(f"evt_{n}")
        events.release(f"evt_{n}", "boom")
    rounds = _race_threads(lambda n: events.claim(f"evt_{n}").name)
    assert rounds == [Counter({"CLAIMED": 1, "IN_PROGRESS": THREADS - 1})] * ROUNDS
    assert {r.attempts if (r := events.get(f"evt_{n}")) else None for n in range(ROUNDS)} == {2}


def test_threads_racing_replay(idem: stores.IdempotencyStore) -> None:
    """Twins arriving while the owner completes see either IN_PROGRESS or the stored response, never NEW."""
    response = stores.StoredResponse(200, (("a", "b"),), b"ok")
    for n in range(ROUNDS):
        idem.begin(f"key-{n}", "fp")
    barrier = threading.Barrier(THREADS)

    def worker(i: int) -> list[str]:
        out = []
        for n in range(ROUNDS):
            barrier.wait(timeout=60)
            if i == 0:
                idem.complete(f"key-{n}", response)
                out.append("COMPLETER")
            else:
                out.append(idem.begin(f"key-{n}", "fp").outcome.name)
        return out

    with ThreadPoolExecutor(THREADS) as pool:
        seen = Counter(o for outcomes in pool.map(worker, range(THREADS)) for o in outcomes)
    assert set(seen) <= {"COMPLETER", "IN_PROGRESS", "COMPLETED"}
    assert seen["COMPLETER"] == ROUNDS


@pytest.mark.slow
def test_processes_racing_begin_and_claim(shared_url: str) -> None:
    """4 spawned processes race `begin` and `claim` on the same key, round after round: one winner each time."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(PROCESSES)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=race, args=(shared_url, ROUNDS, barrier, results, w)) for w in range(PROCESSES)
    ]
    for p in procs:
        p.start()
    rows = [results.get(timeout=120) for _ in range(PROCESSES * ROUNDS)]
    for p in procs:
        p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0] * PROCESSES
    for n in range(ROUNDS):
        begins = Counter(begin for _, r, begin, _ in rows if r == n)
        claims = Counter(claim for _, r, _, claim in rows if r == n)
        assert begins == Counter({"NEW": 1, "IN_PROGRESS": PROCESSES - 1}), n
        assert claims == Counter({"CLAIMED": 1, "IN_PROGRESS": PROCESSES - 1}), n


async def test_tasks_racing(url: str) -> None:
    """8 asyncio tasks racing on the async stores."""
    idem = stores.async_idempotency_store_from_url(url)
    events = stores.async_webhook_event_store_from_url(url)
    try:
        for n in range(ROUNDS):
            begins = await asyncio.gather(*(idem.begin(f"key-{n}", "fp") for _ in range(THREADS)))
            claims = await asyncio.gather(*(events.claim(f"evt_{n}") for _ in range(THREADS)))
            assert Counter(b.outcome.name for b in begins) == Counter({"NEW": 1, "IN_PROGRESS": THREADS - 1})
            assert Counter(c.name for c in claims) == Counter({"CLAIMED": 1, "IN_PROGRESS": THREADS - 1})
    finally:
        for store in (idem, events):
            close = getattr(store, "close", None)
            if close is not None:
                await close()
