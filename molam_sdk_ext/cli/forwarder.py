"""The local relay behind `molam webhooks listen`: receive the sandbox's deliveries, verify, re-sign, forward.

A small HTTP server on a free loopback port receives each delivery, verifies its `Molam-Signature` with the
endpoint secret the API returned, signs the *same raw body* again with the forwarding secret the user's app
knows, and POSTs it to `--forward-to`. The app's answer is passed back to the sender (2xx as 200, anything else
as 502) so that the sandbox's retry schedule applies exactly as it would for a real endpoint.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import attrs
import httpx

from molam_sdk_ext.errors import SignatureVerificationError
from molam_sdk_ext.webhooks import SIGNATURE_HEADER, WebhookVerifier, sign

__all__ = ["Delivery", "WebhookForwarder"]

MAX_BODY = 1 << 20


@attrs.frozen
class Delivery:
    """One delivery the relay handled: what came in, and what the app answered."""

    event_id: str | None
    event_type: str | None
    verified: bool
    reason: str | None = None  # why verification failed
    app_status: int | None = None  # the app's HTTP status, None when it could not be reached
    app_error: str | None = None
    duration_ms: float = 0.0

    @property
    def ok(self) -> bool:
        """Verified, forwarded, and answered with a 2xx."""
        return self.verified and self.app_status is not None and 200 <= self.app_status < 300

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return attrs.asdict(self) | {"ok": self.ok}


class WebhookForwarder:
    """Receives deliveries on a loopback port and forwards each verified one, re-signed, to `forward_to`.

    Call `start()` (returns the listener URL), then `set_verifier()` once the endpoint's secret is known
    (deliveries before that get a 503 and are retried by the sender), then `wait()`; `stop()` at the end.
    """

    def __init__(
        self,
        *,
        forward_to: str,
        forward_secret: str,
        forward_kid: str = "cli",
        on_delivery: Callable[[Delivery], None] | None = None,
        max_events: int | None = None,
        timeout: float = 10.0,
        host: str = "127.0.0.1",
    ) -> None:
        self.forward_to = forward_to
        self._secret = forward_secret
        self._kid = forward_kid
        self._on_delivery = on_delivery
        self._max_events = max_events
        self._host = host
        self._verifier: WebhookVerifier | None = None
        self._http = httpx.Client(timeout=timeout, headers={"User-Agent": "molam-cli-webhooks-listen"})
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.deliveries: list[Delivery] = []
        self.forwarded = 0

    def __repr__(self) -> str:
        return f"WebhookForwarder(forward_to={self.forward_to!r}, forwarded={self.forwarded})"

    def set_verifier(self, verifier: WebhookVerifier) -> None:
        """Start accepting deliveries signed with the endpoint's secret."""
        self._verifier = verifier

    def start(self) -> str:
        """Listen on a free loopback port; return the URL to register as the webhook endpoint."""
        relay = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    self._answer(413, b"payload too large")
                    return
                body = self.rfile.read(length)
                status, text = relay.handle(body, self.headers.get(SIGNATURE_HEADER))
                self._answer(status, text.encode())

            def _answer(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return  # deliveries are reported through on_delivery, not the stdlib access log

        server = ThreadingHTTPServer((self._host, 0), Handler)
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, name="molam-webhooks-listen", daemon=True
        )
        self._thread.start()
        return f"http://{self._host}:{server.server_address[1]}/webhooks"

    def handle(self, body: bytes, header: str | None) -> tuple[int, str]:
        """Verify, re-sign and forward one delivery; return the status and text to answer the sender with."""
        verifier = self._verifier
        if verifier is None or self._done.is_set():
            return 503, "not ready"
        started = time.perf_counter()
        event_id, event_type = _peek(body)
        try:
            verifier.verify(body, header)
        except SignatureVerificationError as exc:
            self._report(Delivery(event_id, event_type, verified=False, reason=exc.reason))
            return 400, f"signature verification failed: {exc.reason}"
        app_status: int | None = None
        app_error: str | None = None
        try:
            response = self._http.post(
                self.forward_to,
                content=body,
                headers={
                    "Content-Type": "application/json",
                    SIGNATURE_HEADER: sign(body, self._secret, self._kid),
                },
            )
            app_status = response.status_code
        except httpx.HTTPError as exc:
            app_error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        delivery = Delivery(
            event_id,
            event_type,
            verified=True,
            app_status=app_status,
            app_error=app_error,
            duration_ms=(time.perf_counter() - started) * 1000.0,
        )
        self._report(delivery, forwarded=True)
        if delivery.ok:
            return 200, "forwarded"
        return 502, f"the app answered {app_status}" if app_status is not None else "the app was unreachable"

    def _report(self, delivery: Delivery, *, forwarded: bool = False) -> None:
        with self._lock:
            self.deliveries.append(delivery)
            if forwarded:
                self.forwarded += 1
            if self._on_delivery is not None:
                self._on_delivery(delivery)
            if forwarded and self._max_events is not None and self.forwarded >= self._max_events:
                self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until `max_events` deliveries were forwarded (forever without a limit); True when reached."""
        if timeout is None:
            # Wake up regularly so that Ctrl-C is seen promptly on every platform.
            while not self._done.wait(0.2):
                pass
            return True
        return self._done.wait(timeout)

    def stop(self) -> None:
        """Stop listening and close the forwarding client."""
        self._done.set()
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        self._http.close()


def _peek(body: bytes) -> tuple[str | None, str | None]:
    """The event's id and type for display (the body is forwarded untouched whatever it holds)."""
    try:
        data = json.loads(body)
    except ValueError:
        return None, None
    if not isinstance(data, dict):
        return None, None
    event_id, event_type = data.get("id"), data.get("type")
    return (
        event_id if isinstance(event_id, str) else None,
        event_type if isinstance(event_type, str) else None,
    )
