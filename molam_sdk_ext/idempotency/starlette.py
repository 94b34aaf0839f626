"""Merchant-side idempotency as ASGI middleware, for Starlette and FastAPI.

::

    from molam_sdk_ext.idempotency.starlette import IdempotencyMiddleware

    app = FastAPI()
    app.add_middleware(IdempotencyMiddleware, store="redis://cache:6379/0", paths=["/checkout"])

Guarded requests (see `molam_sdk_ext.idempotency.merchant`) are run once per ``Idempotency-Key``: the
response is buffered in full (streaming responses included) so it can be stored, then sent; repeats and
concurrent twins get the same status, headers and body. `store` is an `AsyncIdempotencyStore`, a sync
`IdempotencyStore` (run in worker threads) or a store URL. `scope(scope) -> str` names whose keys these are
(default: a hash of the ``Authorization`` header); request bodies above `max_body_bytes` get a 413.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from molam_sdk_ext.idempotency import merchant
from molam_sdk_ext.idempotency.guard import AsyncIdempotencyGuard, WaitPolicy
from molam_sdk_ext.stores.idempotency_records import AsyncIdempotencyStore, IdempotencyStore, StoredResponse

__all__ = ["IdempotencyMiddleware"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY_BYTES = 1024 * 1024

_TOO_LARGE = StoredResponse(
    413,
    (("Content-Type", "application/json"),),
    json.dumps(
        {
            "error": {
                "type": "invalid_request_error",
                "code": "body_too_large",
                "message": "The request body is too large.",
                "param": None,
            }
        }
    ).encode("utf-8"),
)


class _BodyTooLarge(Exception):
    pass


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


async def _read_body(receive: Receive, limit: int) -> bytes:
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ConnectionAbortedError("the client went away before sending its body")
        body.extend(message.get("body", b""))
        if len(body) > limit:
            raise _BodyTooLarge
        if not message.get("more_body", False):
            return bytes(body)


def _replaying(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # later calls: disconnect detection by the app

    return replay


async def _send(send: Send, response: StoredResponse) -> None:
    headers = [
        (name.lower().encode("latin-1"), value.encode("latin-1"))
        for name, value in response.headers
        if name.lower() != "content-length"
    ]
    headers.append((b"content-length", str(len(response.body)).encode("ascii")))
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": response.body, "more_body": False})


class IdempotencyMiddleware:
    """ASGI middleware running each guarded request once per key (see the module docstring)."""

    def __init__(
        self,
        app: ASGIApp,
        store: AsyncIdempotencyStore | IdempotencyStore | str,
        *,
        methods: Iterable[str] = merchant.DEFAULT_METHODS,
        paths: Iterable[str] | None = None,
        require_key: bool = False,
        wait: WaitPolicy | float = 5.0,
        scope: Callable[[Scope], str] | None = None,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    ) -> None:
        if isinstance(store, str):
            from molam_sdk_ext.stores import async_idempotency_store_from_url

            store = async_idempotency_store_from_url(store)
        self.app = app
        self.options = merchant.MerchantIdempotency(
            methods=methods, paths=paths, require_key=require_key, wait=wait
        )
        self.guard = AsyncIdempotencyGuard(store, wait=self.options.wait)
        self._scope = scope or (lambda s: merchant.default_scope(_header(s, b"authorization")))
        self._header = self.options.header.lower().encode("latin-1")
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI event."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        decision = merchant.classify(
            self.options, scope["method"], scope["path"], _header(scope, self._header)
        )
        if isinstance(decision, merchant.Passthrough):
            await self.app(scope, receive, send)
            return
        if isinstance(decision, merchant.Reject):
            await _send(send, decision.response)
            return
        try:
            body = await _read_body(receive, self.max_body_bytes)
        except _BodyTooLarge:
            await _send(send, _TOO_LARGE)
            return
        except ConnectionAbortedError:
            return
        query = scope.get("query_string", b"").decode("latin-1")
        target_path = scope["path"] + (f"?{query}" if query else "")
        target = merchant.guard_target(decision, self._scope(scope), scope["method"], target_path, body)
        original: list[StoredResponse] = []  # as the app made it, for this caller (Set-Cookie and all)

        async def run_app() -> StoredResponse:
            status = 500
            headers: list[tuple[str, str]] = []
            chunks = bytearray()

            async def capture(message: Message) -> None:
                nonlocal status, headers
                if message["type"] == "http.response.start":
                    status = int(message["status"])
                    headers = [
                        (bytes(k).decode("latin-1"), bytes(v).decode("latin-1"))
                        for k, v in message.get("headers", [])
                    ]
                elif message["type"] == "http.response.body":
                    chunks.extend(message.get("body", b""))

            await self.app(scope, _replaying(body, receive), capture)
            original.append(StoredResponse(status, tuple(headers), bytes(chunks)))
            return merchant.stored_response(status, headers, bytes(chunks))

        answer = await merchant.arun_guarded(self.guard, target, run_app)
        await _send(send, original[0] if answer is None else answer)
