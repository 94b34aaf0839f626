"""A small HTTP/1.1 client on asyncio streams, for load: one keep-alive connection per worker, POST only.

The load client of the inbox acceptance test and of bench/webhook_inbox_bench.py must cost less CPU than the
server it loads, on the same 2-core machine: ``httpx.AsyncClient`` at 32 in flight cost 7-12 ms of CPU per
request and hid the receivers' difference. This one writes the request in one call and reads the status line,
the headers and a ``Content-Length`` body; nothing else of HTTP is needed against our own receivers.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from urllib.parse import urlsplit

__all__ = ["KeepAliveConnection", "ResponseError"]


class ResponseError(Exception):
    """The server's answer was not the HTTP/1.1 this client reads (or the connection closed mid-answer)."""


class KeepAliveConnection:
    """One HTTP/1.1 connection to `url`'s host, reopened when the server closed it (or after an error)."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme != "http" or parts.hostname is None or parts.port is None:
            raise ValueError(f"an http://host:port/path URL is needed, not {url!r}")
        self.host, self.port = parts.hostname, parts.port
        self.path = parts.path or "/"
        self._head = f"POST {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post(self, body: bytes, headers: Mapping[str, str]) -> int:
        """POST `body` with `headers`; return the status code (the answer's body is read and dropped)."""
        if self._streams is None:
            self._streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self._streams
        try:
            lines = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
            writer.write(f"{self._head}{lines}Content-Length: {len(body)}\r\n\r\n".encode() + body)
            status_line = await reader.readline()
            parts = status_line.split(b" ", 2)
            if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
                raise ResponseError(f"not an HTTP/1.x status line: {status_line[:80]!r}")
            status = int(parts[1])
            length, close = 0, False
            while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"connection" and value.strip().lower() == b"close":
                    close = True
                elif name == b"transfer-encoding":
                    raise ResponseError("chunked answers are not read by this client")
            await reader.readexactly(length)
        except BaseException:
            await self.close()  # a half-read answer leaves the connection unusable
            raise
        if close:
            await self.close()
        return status

    async def close(self) -> None:
        """Close the connection (the next `post` opens a new one)."""
        streams, self._streams = self._streams, None
        if streams is not None:
            streams[1].close()
            with contextlib.suppress(OSError):
                await streams[1].wait_closed()
