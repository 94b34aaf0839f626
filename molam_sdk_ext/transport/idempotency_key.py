"""Idempotency keys: every POST carries one, made once per logical call and reused by each retry.

This transport is the one place that writes the `Idempotency-Key` header. It sits outside the retry
transport, so the key is written into the request once and every retry resends the very same request object.
A key the caller chose always wins: an ``Idempotency-Key`` header (``extra_headers``), else the key the client
put in the request's extension (``idempotency_key=``), else a new one. Being the only writer, it is also the
one place a caller's key is checked (`check_idempotency_key`): 1 to 255 printable ASCII characters, or a
`ValidationError` before anything is sent.
"""

from __future__ import annotations

import os

import httpx

from ..errors import ValidationError
from .layer import AsyncLayer, Layer

__all__ = [
    "IDEMPOTENCY_HEADER",
    "IDEMPOTENCY_KEY_EXTENSION",
    "AsyncIdempotencyTransport",
    "IdempotencyTransport",
    "check_idempotency_key",
    "new_idempotency_key",
]

IDEMPOTENCY_HEADER = "Idempotency-Key"
#: Request extension holding the request's key: the caller's (set by the client) on the way in, the key sent
#: once this transport has run, so the layers below need not search the headers for it.
IDEMPOTENCY_KEY_EXTENSION = "molam_idempotency_key"
#: The API accepts keys of at most this many characters.
MAX_KEY_LENGTH = 255


def new_idempotency_key() -> str:
    """A fresh key: ``"molam_"`` followed by 32 hex digits (128 random bits, as many as a UUID4 carries)."""
    # os.urandom directly: uuid.uuid4() builds a UUID object only to print it, four times slower per POST.
    return "molam_" + os.urandom(16).hex()


def check_idempotency_key(key: object) -> str:
    """`key` when it can be sent as an ``Idempotency-Key``: a str of 1 to `MAX_KEY_LENGTH` printable ASCII
    characters. Otherwise `ValidationError(param="idempotency_key")` (the key itself is not quoted)."""
    if not isinstance(key, str):
        raise ValidationError(
            f"idempotency_key must be a str, not {type(key).__name__}.", param="idempotency_key"
        )
    if not key or len(key) > MAX_KEY_LENGTH:
        raise ValidationError(
            f"idempotency_key must be 1 to {MAX_KEY_LENGTH} characters (got {len(key)}).",
            param="idempotency_key",
        )
    if not key.isascii() or not key.isprintable():
        raise ValidationError(
            "idempotency_key must be printable ASCII (it travels in an HTTP header).", param="idempotency_key"
        )
    return key


def _ensure_key(request: httpx.Request) -> None:
    if request.method != "POST":
        return
    key = request.headers.get(IDEMPOTENCY_HEADER)
    if key is None:
        given = request.extensions.get(IDEMPOTENCY_KEY_EXTENSION)
        key = new_idempotency_key() if given is None else check_idempotency_key(given)
        request.headers[IDEMPOTENCY_HEADER] = key
    else:
        check_idempotency_key(key)
    request.extensions[IDEMPOTENCY_KEY_EXTENSION] = key


class IdempotencyTransport(Layer):
    """Adds an `Idempotency-Key` to each POST that has none, then sends through `inner`."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request` with a key added when it is a POST without one."""
        _ensure_key(request)
        return self.inner.handle_request(request)


class AsyncIdempotencyTransport(AsyncLayer):
    """The async twin of `IdempotencyTransport`."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request` with a key added when it is a POST without one."""
        _ensure_key(request)
        return await self.inner.handle_async_request(request)
