"""A breaker shared through a real Redis by 4 spawned processes (x 8 threads), each with its own Molam client:
failures seen by one process make the others fail fast, and in half-open exactly one probe reaches the
server across all processes."""

from __future__ import annotations

import json
import multiprocessing
import queue
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import redis

from molam_sdk_ext.stores.redis_breaker import BREAKER_PREFIX
from tests.fixtures.servers import RedisServer
from tests.shared_state.workers import breaker_worker

PROCESSES = 4
THREADS = 8
BALANCE = {"object": "balance", "available": [], "pending": [], "reserved": [], "livemode": False}
ERROR = {
    "error": {
        "type": "api_error",
        "code": "internal_error",
        "message": "down",
        "param": None,
        "request_id": None,
    }
}


class CountingServer:
    """A loopback API stand-in that counts every request reaching it; `fail` answers 500, else balances after
    `release` is set (so a probe can be held in flight)."""

    def __init__(self) -> None:
        self.fail = True
        self.hits = 0
        self.release = threading.Event()
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with owner._lock:
                    owner.hits += 1
                if owner.fail:
                    self._answer(500, ERROR)
                    return
                owner.release.wait(timeout=60)
                self._answer(200, BALANCE)

            def _answer(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.host = f"127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def api() -> Iterator[CountingServer]:
    server = CountingServer()
    yield server
    server.close()


def _collect(results: Any, count: int) -> list[tuple[int, Any]]:
    return [results.get(timeout=60) for _ in range(count)]


@pytest.mark.slow
def test_breaker_state_is_shared_across_processes(
    api: CountingServer, redis_server: RedisServer, redis_url: str
) -> None:
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    barrier = ctx.Barrier(PROCESSES * THREADS)
    commands = [ctx.Queue() for _ in range(PROCESSES)]
    procs = [
        ctx.Process(
            target=breaker_worker,
            args=(api.url, redis_url, commands[n], results, n, THREADS, barrier),
            daemon=True,
        )
        for n in range(PROCESSES)
    ]
    for p in procs:
        p.start()
    try:
        # 1. Process 0 sees 3 server failures: the shared breaker opens.
        commands[0].put(("calls", 3))
        assert _collect(results, 1) == [(0, ["error:InternalServerError"] * 3)]
        assert api.hits == 3
        state = redis.Redis.from_url(redis_url).hgetall(BREAKER_PREFIX + api.host)
        assert state[b"state"] == b"open" and state[b"failures"] == b"3"

        # 2. The other processes never saw a failure, yet fail fast: nothing reaches the server.
        for n in range(1, PROCESSES):
            commands[n].put(("calls", 2))
        assert sorted(_collect(results, PROCESSES - 1)) == [
            (n, ["open", "open"]) for n in range(1, PROCESSES)
        ]
        assert api.hits == 3

        # 3. The cool-down is over (moved back in Redis rather than waited for) and the server is healthy, but
        #    it holds every request: 32 threads in 4 processes call at once; exactly one gets through.
        opened_at = float(state[b"opened_at"])
        redis.Redis.from_url(redis_url).hset(BREAKER_PREFIX + api.host, "opened_at", repr(opened_at - 31.0))
        api.fail = False
        for n in range(PROCESSES):
            commands[n].put(("burst", None))
        refused = _collect(results, PROCESSES * THREADS - 1)
        assert Counter(outcome for _, outcome in refused) == {"open": PROCESSES * THREADS - 1}
        deadline = time.monotonic() + 30
        while api.hits < 4 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert api.hits == 3 + 1  # the single probe, still in flight
        api.release.set()
        assert _collect(results, 1)[0][1] == "ok"
        assert api.hits == 4

        # 4. The probe's success closed the breaker for everybody.
        for n in range(PROCESSES):
            commands[n].put(("calls", 2))
        assert sorted(_collect(results, PROCESSES)) == [(n, ["ok", "ok"]) for n in range(PROCESSES)]
        assert api.hits == 4 + 2 * PROCESSES
        assert redis.Redis.from_url(redis_url).exists(BREAKER_PREFIX + api.host) == 0
    finally:
        for c in commands:
            c.put(("stop", None))
        for p in procs:
            p.join(timeout=10)
            if p.is_alive():
                p.kill()
        try:
            while True:
                results.get_nowait()
        except queue.Empty:
            pass
