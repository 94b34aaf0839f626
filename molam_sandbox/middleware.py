"""The request pipeline around the routes: request id, faults, auth, idempotency and error bodies.

For each request, in order:

1. a ``Molam-Request-Id`` (on every response, including errors and injected faults);
2. the fault decision (`faults.FaultInjector`; only for ``/v1`` routes); faults that strike before
   processing answer here;
3. authentication (every route but ``/_sandbox/health`` and the sandbox's browser pages);
4. server-side idempotency for ``POST /v1/...`` with an ``Idempotency-Key``, through the project's
   `SandboxIdempotency` (in the sandbox database; a writing route completes the record in the same
   transaction as its objects): same key + same body replays the stored response with ``Idempotent-Replayed: true``;
   a different body is 409 ``idempotency_key_reused``; a twin still in flight is 409 ``idempotency_key_in_use``
   with ``Molam-Should-Retry: true``. The fingerprint is sha256 of method, path and canonical JSON body; keys
   are scoped by account;
5. the ``slow`` fault (while holding the idempotency claim), the route, then storing its response;
6. faults that strike after processing (``commit_then_500``, ``commit_then_drop``).

Any unexpected exception becomes a 500 ``api_error`` body; the traceback goes to the log, never to the client.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import Headers

from molam_sandbox.auth import authenticate
from molam_sandbox.errors import SandboxError, error_bytes
from molam_sandbox.faults import (
    AFTER_PROCESSING,
    BEFORE_PROCESSING,
    FAULT_HEADER,
    FaultInjector,
    FaultKind,
    drop_connection,
)
from molam_sandbox.idempotency import SandboxIdempotency
from molam_sandbox.state import new_id
from molam_sdk_ext.errors import ValidationError
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.stores.idempotency_records import (
    BeginOutcome,
    StoredResponse,
    fingerprint_request,
)
from molam_sdk_ext.transport.idempotency_key import MAX_KEY_LENGTH, check_idempotency_key

__all__ = ["MAX_BODY_BYTES", "PUBLIC_PATHS", "SandboxMiddleware"]

logger = get_logger("molam.sandbox")  # redacting, like every SDK logger

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 1024 * 1024
PUBLIC_PATHS = ("/_sandbox/health",)
PUBLIC_PREFIXES = ("/_sandbox/pages/",)

# Headers of a stored response that belong to the original exchange, not to a replay.
_NOT_REPLAYED = frozenset({"molam-request-id", "date", "server", "idempotent-replayed"})


class _Captured:
    """A response produced by the inner app, held back so it can be stored, replaced or dropped."""

    def __init__(self) -> None:
        self.status = 500
        self.headers: list[tuple[bytes, bytes]] = []
        self.body = bytearray()

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            self.headers = [(bytes(k), bytes(v)) for k, v in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            self.body.extend(message.get("body", b""))


class _ClientGone(Exception):
    """The client disconnected before its request body was read."""


class SandboxMiddleware:
    """ASGI middleware applying the pipeline above to an inner (Starlette) app."""

    def __init__(self, app: ASGIApp, *, faults: FaultInjector, idempotency: SandboxIdempotency) -> None:
        self.app = app
        self.faults = faults
        self.idempotency = idempotency

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection event."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = "req_" + new_id("", 24)
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self._handle(scope, receive, tracking_send, request_id)
        except (_ClientGone, ConnectionAbortedError):
            return
        except Exception:
            logger.exception(
                "unhandled error method=%s path=%s request_id=%s",
                scope.get("method"),
                scope.get("path"),
                request_id,
            )
            if not started:
                error = SandboxError(
                    500, "api_error", "internal_error", "An unexpected error occurred in the sandbox."
                )
                await self._send_error(tracking_send, error, request_id)

    async def _handle(self, scope: Scope, receive: Receive, send: Send, request_id: str) -> None:
        path: str = scope["path"]
        method: str = scope["method"]
        headers = Headers(scope=scope)
        state = scope["state"]
        is_api = path.startswith("/v1/")
        fault: FaultKind | None = None
        if is_api:
            try:
                fault = self.faults.decide(headers.get(FAULT_HEADER))
            except ValueError as exc:
                error = SandboxError(
                    400, "invalid_request_error", "parameter_invalid", str(exc), param=FAULT_HEADER
                )
                await self._send_error(send, error, request_id)
                return
        state["fault"] = fault
        if fault is not None:
            logger.warning(
                "fault injected kind=%s method=%s path=%s request_id=%s", fault, method, path, request_id
            )
        if fault in BEFORE_PROCESSING:
            await self._inject(fault, scope, send, request_id)
            return

        account: str | None = None
        if path not in PUBLIC_PATHS and not path.startswith(PUBLIC_PREFIXES):
            try:
                account = authenticate(headers.get("authorization"))
            except SandboxError as auth_error:
                await self._send_error(send, auth_error, request_id)
                return
            scope["state"]["account"] = account

        body = await _read_body(receive)
        if len(body) > MAX_BODY_BYTES:
            error = SandboxError(
                400, "invalid_request_error", "body_too_large", "The request body exceeds 1 MiB."
            )
            await self._send_error(send, error, request_id)
            return

        claim: str | None = None
        replay: StoredResponse | None = None
        raw_key = headers.get("idempotency-key")
        if is_api and method == "POST" and raw_key is not None and account is not None:
            try:
                # The SDK's own rule (1 to 255 printable ASCII characters): what one refuses, so does the other.
                check_idempotency_key(raw_key)
            except ValidationError:
                error = SandboxError(
                    400,
                    "invalid_request_error",
                    "parameter_invalid",
                    f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} printable ASCII characters.",
                    param="Idempotency-Key",
                )
                await self._send_error(send, error, request_id)
                return
            store_key = f"{account}:{raw_key}"
            result = self.idempotency.begin(store_key, fingerprint_request(method, path, body))
            if result.outcome is BeginOutcome.MISMATCH:
                await self._send_error(send, _KEY_REUSED, request_id)
                return
            if result.outcome is BeginOutcome.IN_PROGRESS:
                await self._send_error(send, _KEY_IN_USE, request_id)
                return
            if result.outcome is BeginOutcome.COMPLETED:
                replay = result.response
            else:
                claim = store_key
                # A route that writes completes the record in its own transaction (Sandbox.write).
                state["idempotency_claim"] = claim

        captured = _Captured()
        try:
            if fault is FaultKind.SLOW:
                await asyncio.sleep(self.faults.config.slow_seconds)
            if replay is None:
                await self.app(scope, _replaying(body, receive), captured.send)
        except BaseException:
            # Nothing to replay (the app failed, or the server is stopping): release the key for a retry.
            if claim is not None:
                self.idempotency.fail(claim)
            raise

        if replay is not None:
            status, response_headers, response_body = replay.status, list(replay.headers), replay.body
            response_headers.append(("Idempotent-Replayed", "true"))
            if status >= 400:
                # An error body names the request that failed: the replayed header must agree with it. A
                # success keeps this request's own id (its body names no request).
                request_id = next(
                    (v for k, v in replay.headers if k.lower() == "molam-request-id"), request_id
                )
        else:
            status, response_body = captured.status, bytes(captured.body)
            response_headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in captured.headers]
            if claim is not None and not state.get("idempotency_stored"):
                if status < 500:
                    kept = [(k, v) for k, v in response_headers if k.lower() not in _NOT_REPLAYED]
                    kept.append(("Molam-Request-Id", request_id))
                    self.idempotency.complete(claim, StoredResponse(status, tuple(kept), response_body))
                else:
                    self.idempotency.fail(claim)

        if fault in AFTER_PROCESSING:
            await self._inject(fault, scope, send, request_id)
            return
        await _send_response(send, status, response_headers, response_body, request_id)

    async def _inject(self, fault: FaultKind | None, scope: Scope, send: Send, request_id: str) -> None:
        if fault in (FaultKind.DROP, FaultKind.COMMIT_THEN_DROP):
            await drop_connection(scope, send)
            return
        retry_after = {"Retry-After": str(self.faults.config.retry_after)}
        errors = {
            FaultKind.HTTP_429: SandboxError(
                429,
                "rate_limit_error",
                "rate_limited",
                "Too many requests (injected fault).",
                headers=retry_after,
            ),
            FaultKind.HTTP_502: SandboxError(
                502, "api_error", "bad_gateway", "Bad gateway (injected fault)."
            ),
            FaultKind.HTTP_503: SandboxError(
                503,
                "api_error",
                "service_unavailable",
                "Service unavailable (injected fault).",
                headers=retry_after,
            ),
        }
        error = errors.get(
            fault if fault is not None else FaultKind.HTTP_500,
            SandboxError(500, "api_error", "internal_error", "Internal server error (injected fault)."),
        )
        await self._send_error(send, error, request_id)

    @staticmethod
    async def _send_error(send: Send, error: SandboxError, request_id: str) -> None:
        headers = [("Content-Type", "application/json"), *error.headers.items()]
        await _send_response(send, error.status, headers, error_bytes(error, request_id), request_id)


_KEY_REUSED = SandboxError(
    409,
    "idempotency_error",
    "idempotency_key_reused",
    "This Idempotency-Key was already used with a different request (method, path or body). "
    "Use a new key for a new request.",
    param="Idempotency-Key",
)
_KEY_IN_USE = SandboxError(
    409,
    "idempotency_error",
    "idempotency_key_in_use",
    "A request with this Idempotency-Key is still being processed. Retry shortly.",
    param="Idempotency-Key",
    headers={"Molam-Should-Retry": "true"},
)


def _should_retry(status: int) -> str:
    return "true" if status >= 500 or status in (408, 429) else "false"


async def _send_response(
    send: Send, status: int, headers: list[tuple[str, str]], body: bytes, request_id: str
) -> None:
    out: list[tuple[bytes, bytes]] = []
    seen: set[str] = set()
    for name, value in headers:
        lower = name.lower()
        if lower in ("molam-request-id", "content-length"):
            continue
        seen.add(lower)
        out.append((lower.encode("latin-1"), value.encode("latin-1")))
    out.append((b"molam-request-id", request_id.encode("ascii")))
    out.append((b"content-length", str(len(body)).encode("ascii")))
    if status >= 400 and "molam-should-retry" not in seen:
        out.append((b"molam-should-retry", _should_retry(status).encode("ascii")))
    await send({"type": "http.response.start", "status": status, "headers": out})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _read_body(receive: Receive) -> bytes:
    chunks = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _ClientGone
        chunks.extend(message.get("body", b""))
        if len(chunks) > MAX_BODY_BYTES or not message.get("more_body", False):
            return bytes(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
