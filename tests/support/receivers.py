"""Loopback HTTP servers standing in for a merchant's webhook endpoint, for tests against the sandbox.

- `WebhookReceiver` records every POST (path, headers, body) and answers with scripted statuses, optionally
  after a delay: for the sandbox's delivery, retry and signature tests.
- `DeliveryReceiver` records each delivery's body and ``Molam-Signature`` and lets a test block until a number
  of them arrived: for the legacy SDKs' webhook helpers.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
from typing import Any

import attrs

__all__ = ["Delivery", "DeliveryReceiver", "Received", "WebhookReceiver"]


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

        class Handler(http.server.BaseHTTPRequestHandler):
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

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
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


@attrs.frozen
class Delivery:
    """One webhook delivery as a receiver gets it: the raw body and the signature header."""

    body: bytes
    signature: str


class DeliveryReceiver:
    """A real HTTP server on loopback recording each delivery's body and signature (and answering 200);
    `wait_for(count)` blocks until that many have arrived."""

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
