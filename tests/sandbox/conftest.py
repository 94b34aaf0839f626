"""Fixtures for the sandbox tests: clients bound to a fresh account, a webhook receiver, polling."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import attrs
import httpx
import pytest

from molam_sdk_ext.client import Molam
from tests.fixtures.sandbox import SandboxHandle

T = TypeVar("T")


@pytest.fixture
def api_key(sandbox: SandboxHandle) -> str:
    """A fresh test key: a fresh account, so tests never see each other's objects."""
    return sandbox.new_api_key()


@pytest.fixture
def api(sandbox: SandboxHandle, api_key: str) -> Iterator[httpx.Client]:
    """Raw HTTP to the session sandbox as a fresh account (for headers, faults, sandbox-only routes)."""
    with httpx.Client(
        base_url=sandbox.url, headers={"Authorization": f"Bearer {api_key}"}, timeout=10.0, trust_env=False
    ) as client:
        yield client


@pytest.fixture
def molam(sandbox: SandboxHandle, api_key: str) -> Iterator[Molam]:
    """The SDK client on the session sandbox as the same fresh account as `api`; no retries (errors surface)."""
    with Molam(api_key=api_key, base_url=sandbox.url, max_retries=0, telemetry=False) as client:
        yield client


def wait_for(probe: Callable[[], T], until: Callable[[T], object] = bool, timeout: float = 15.0) -> T:
    """Call `probe` until `until(result)` holds (default: the result is truthy); return that result.

    Bounded polling for state that changes in the background (settlements, deliveries): the test fails
    after `timeout` seconds, it never asserts on timing.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if until(result):
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"condition not met within {timeout} s; last value: {result!r}")
        time.sleep(0.05)


@attrs.define
class Received:
    """One request the receiver got."""

    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        """The body, decoded."""
        return json.loads(self.body)


class WebhookReceiver:
    """A tiny HTTP server on 127.0.0.1 that records POSTs and answers with scripted statuses."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.statuses: list[int] = []  # answered in order; 200 once exhausted
        self.delay = 0.0
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                with receiver._lock:
                    receiver.received.append(
                        Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                if receiver.delay:
                    time.sleep(receiver.delay)
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/webhooks"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def events(self, event_type: str | None = None) -> list[Received]:
        """The deliveries received so far (of one event type)."""
        with self._lock:
            return [r for r in self.received if event_type is None or r.json().get("type") == event_type]

    def close(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    """A webhook receiver on a free loopback port."""
    server = WebhookReceiver()
    try:
        yield server
    finally:
        server.close()
