"""Reading a response body inside the stack: within the call's deadline, and no larger than the client's cap.

httpx reads a body after the transport stack has returned, where neither the deadline nor a size limit is
known. The retry transport reads it itself, chunk by chunk, with these helpers (sync and async share every
check; only the iteration differs):

- the deadline is checked between chunks (`molam_sdk_ext.transport.deadline`), so a body that trickles in
  cannot outlive the call;
- the decoded size is counted as it arrives, so a 300 MB answer or a gzip bomb (a few KB that inflate to
  gigabytes) stops at the cap with `ResponseTooLargeError` instead of filling memory. A ``Content-Length``
  already above the cap is refused before reading anything.

Once read, the body is handed to httpx as the response's content, so the client finds it already loaded.
"""

from __future__ import annotations

import httpx

from ..errors import ResponseTooLargeError
from .deadline import check_deadline

__all__ = ["DEFAULT_MAX_RESPONSE_BYTES", "MAX_RESPONSE_BYTES_EXTENSION", "aread_body", "read_body"]

#: Largest decoded response body accepted by default (10 MiB); API objects and list pages are a few KB.
DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024
#: Request extension carrying the client's cap for one call.
MAX_RESPONSE_BYTES_EXTENSION = "molam_max_response_bytes"


def _limit(request: httpx.Request) -> int:
    limit: int = request.extensions.get(MAX_RESPONSE_BYTES_EXTENSION, DEFAULT_MAX_RESPONSE_BYTES)
    return limit


def _too_large(response: httpx.Response, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        limit=limit, status=response.status_code, request_id=response.headers.get("molam-request-id")
    )


def _check_declared_length(response: httpx.Response, limit: int) -> None:
    declared = response.headers.get("content-length")
    # Only an identity body's length says what it decodes to; a compressed one is counted as it inflates.
    identity = "content-encoding" not in response.headers
    if identity and declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(response, limit)


def _loaded(response: httpx.Response, chunks: list[bytes]) -> None:
    # httpx has no public way to hand over a body read elsewhere; `read()` returns `_content` when present
    # (and `iter_bytes` replays it), which is exactly what `Response(content=...)` sets.
    response._content = b"".join(chunks)


def read_body(response: httpx.Response, request: httpx.Request) -> None:
    """Read `response`'s whole body now, within the deadline and the size cap (then it is loaded)."""
    limit = _limit(request)
    response.request = request
    chunks: list[bytes] = []
    size = 0
    try:
        _check_declared_length(response, limit)
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise _too_large(response, limit)
            check_deadline(request)
            chunks.append(chunk)
    finally:
        response.close()
    _loaded(response, chunks)


async def aread_body(response: httpx.Response, request: httpx.Request) -> None:
    """The async twin of `read_body`."""
    limit = _limit(request)
    response.request = request
    chunks: list[bytes] = []
    size = 0
    try:
        _check_declared_length(response, limit)
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise _too_large(response, limit)
            check_deadline(request)
            chunks.append(chunk)
    finally:
        await response.aclose()
    _loaded(response, chunks)
