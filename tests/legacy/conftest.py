"""Fixtures for the legacy tests: a fresh deprecation registry per test, the environment SDK A read, and a
real HTTP receiver for the sandbox's webhook deliveries."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator

import attrs
import pytest

from molam_sdk_ext.legacy import deprecation
from tests.fixtures.sandbox import SandboxHandle


@pytest.fixture(autouse=True)
def fresh_deprecations() -> Iterator[None]:
    """Each test sees every entry point warn once again."""
    deprecation.reset()
    yield
    deprecation.reset()


@pytest.fixture
def legacy_env(sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch) -> str:
    """The variables SDK A's `Config()` reads, pointing at the sandbox with a fresh account; returns the key."""
    key = sandbox.new_api_key()
    for name in ("MOLAM_WEBHOOK_SECRET", "MOLAM_DEFAULT_CURRENCY", "MOLAM_TIMEOUT", "MOLAM_MAX_RETRIES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MOLAM_API_KEY", key)
    monkeypatch.setenv("MOLAM_API_BASE", sandbox.url)
    return key


@attrs.frozen
class Delivery:
    """One webhook delivery as a receiver gets it: the raw body and the signature header."""

    body: bytes
    signature: str


class Receiver:
    """A real HTTP server on loopback recording what the sandbox posts to it (and answering 200)."""

    def __init__(self) -> None:
        self.deliveries: list[Delivery] = []
        self._condition = threading.Condition()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver._condition:
                    receiver.deliveries.append(Delivery(body, self.headers.get("Molam-Signature", "")))
                    receiver._condition.notify_all()
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/webhooks/molam"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def wait_for(self, count: int, timeout: float = 20.0) -> list[Delivery]:
        """The first `count` deliveries, waiting for them to arrive."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while len(self.deliveries) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{len(self.deliveries)} webhook deliveries after {timeout}s")
                self._condition.wait(left)
            return list(self.deliveries[:count])

    def close(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A webhook receiver on a free loopback port."""
    server = Receiver()
    try:
        yield server
    finally:
        server.close()
