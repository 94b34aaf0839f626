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


class _Body:
    """One response body being read: the cap, the deadline, what has arrived. As a context manager (``with``
    or ``async with``, the only difference) it closes the response at the end, and loads the body into it
    when the reading succeeded."""

    __slots__ = ("chunks", "limit", "request", "response", "size")

    def __init__(self, response: httpx.Response, request: httpx.Request) -> None:
        self.response = response
        self.request = request
        self.limit: int = request.extensions.get(MAX_RESPONSE_BYTES_EXTENSION, DEFAULT_MAX_RESPONSE_BYTES)
        self.chunks: list[bytes] = []
        self.size = 0
        response.request = request

    def too_large(self) -> ResponseTooLargeError:
        """The error for a body over the cap."""
        response = self.response
        return ResponseTooLargeError(
            limit=self.limit, status=response.status_code, request_id=response.headers.get("molam-request-id")
        )

    def declared_too_large(self) -> bool:
        """Whether ``Content-Length`` already says the body is over the cap (nothing need be read)."""
        headers = self.response.headers
        declared = headers.get("content-length")
        # Only an identity body's length says what it decodes to; a compressed one is counted as it inflates.
        identity = "content-encoding" not in headers
        return identity and declared is not None and declared.isdigit() and int(declared) > self.limit

    def add(self, chunk: bytes) -> None:
        """Keep one decoded chunk: over the cap or past the deadline, stop."""
        self.size += len(chunk)
        if self.size > self.limit:
            raise self.too_large()
        check_deadline(self.request)
        self.chunks.append(chunk)

    def load(self, error: BaseException | None) -> None:
        """After the response is closed: hand the body to httpx, unless the reading failed."""
        if error is None:
            # httpx has no public way to hand over a body read elsewhere; `read()` returns `_content` when
            # present (and `iter_bytes` replays it), which is exactly what `Response(content=...)` sets.
            self.response._content = b"".join(self.chunks)

    def __enter__(self) -> _Body:
        if self.declared_too_large():
            self.response.close()  # `__exit__` does not run when `__enter__` raises
            raise self.too_large()
        return self

    def __exit__(self, exc_type: object, error: BaseException | None, tb: object) -> None:
        self.response.close()
        self.load(error)

    async def __aenter__(self) -> _Body:
        if self.declared_too_large():
            await self.response.aclose()
            raise self.too_large()
        return self

    async def __aexit__(self, exc_type: object, error: BaseException | None, tb: object) -> None:
        await self.response.aclose()
        self.load(error)


def read_body(response: httpx.Response, request: httpx.Request) -> None:
    """Read `response`'s whole body now, within the deadline and the size cap (then it is loaded)."""
    with _Body(response, request) as body:
        for chunk in response.iter_bytes():
            body.add(chunk)


async def aread_body(response: httpx.Response, request: httpx.Request) -> None:
    """The async twin of `read_body`."""
    async with _Body(response, request) as body:
        async for chunk in response.aiter_bytes():
            body.add(chunk)
