"""One wall-clock deadline per call, held on every socket operation, not only between attempts.

httpx's timeouts bound each socket operation: a read timeout of 2 s restarts on every byte, so a server that
answers one byte every 0.5 s keeps a call alive for as long as it likes. The retry transport therefore sets
the current attempt's deadline (the sooner of the call's ``total_timeout`` and the attempt's own ``timeout``)
in a context variable, and:

- the network streams of httpx's own transports are wrapped (`bound_to_deadline`) so that every connect,
  read, write and TLS handshake waits at most what is left of it, and fails at once when nothing is left;
- the body is read inside the stack (`molam_sdk_ext.transport.body`), which checks the deadline between
  chunks, so a transport we cannot wrap (a caller's custom one) is bounded at the next chunk.

The deadline lives in a `contextvars.ContextVar`: a thread (sync) or a task (async) sees only its own call's
deadline, and a stream used outside a Molam call (a caller's own requests on a shared pool) keeps httpx's plain
timeouts. The deadline is measured on the retry transport's clock (monotonic by default).
"""

from __future__ import annotations

import contextvars
import ssl
from collections.abc import Callable, Iterable
from typing import Any

import httpcore
import httpx

__all__ = ["DeadlineExceeded", "bound_to_deadline", "check_deadline", "current_deadline", "set_deadline"]

Clock = Callable[[], float]

_CURRENT: contextvars.ContextVar[tuple[float, Clock] | None] = contextvars.ContextVar(
    "molam_deadline", default=None
)


class DeadlineExceeded(httpx.TimeoutException):
    """The call (or the attempt) ran out of time: raised between body chunks and before a socket operation
    when nothing is left. An `httpx.TimeoutException`, so it is retried like one and surfaces as
    `APITimeoutError`."""


def set_deadline(at: float, clock: Clock) -> contextvars.Token[tuple[float, Clock] | None]:
    """Make `at` (on `clock`) the deadline of what this thread or task sends next; returns the reset token."""
    return _CURRENT.set((at, clock))


def reset_deadline(token: contextvars.Token[tuple[float, Clock] | None]) -> None:
    """Restore the deadline that was current before `set_deadline` returned `token`."""
    _CURRENT.reset(token)


def current_deadline() -> tuple[float, Clock] | None:
    """The deadline in force in this thread or task, as ``(at, clock)``, or None outside a Molam call."""
    return _CURRENT.get()


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    """`timeout` shortened to what is left of the current deadline; `error` when nothing is left."""
    current = _CURRENT.get()
    if current is None:
        return timeout
    at, clock = current
    left = at - clock()
    if left <= 0:
        raise error("The call's deadline passed before the network operation.")
    return left if timeout is None or timeout > left else timeout


def check_deadline(request: httpx.Request | None = None) -> None:
    """Raise `DeadlineExceeded` when the current deadline has passed (called between body chunks)."""
    current = _CURRENT.get()
    if current is not None and current[1]() >= current[0]:
        raise DeadlineExceeded("The call did not complete within its deadline.", request=request)


class _Stream(httpcore.NetworkStream):
    """A network stream whose every operation waits at most what is left of the current deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(
            self._inner.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout))
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    """Connects through `inner` within the deadline and hands out deadline-bound streams."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self.inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self.inner.connect_tcp(
            host, port, _left(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _Stream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        stream = self.inner.connect_unix_socket(path, _left(timeout, httpcore.ConnectTimeout), socket_options)
        return _Stream(stream)

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    """The async twin of `_Stream`."""

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        inner = await self._inner.start_tls(
            ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout)
        )
        return _AsyncStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    """The async twin of `_Backend`."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self.inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self.inner.connect_tcp(
            host, port, _left(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _AsyncStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        stream = await self.inner.connect_unix_socket(
            path, _left(timeout, httpcore.ConnectTimeout), socket_options
        )
        return _AsyncStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def bound_to_deadline(transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> None:
    """Make httpx's own transport (`httpx.HTTPTransport` / `AsyncHTTPTransport`, ours or a caller's) hold the
    current deadline on every socket operation. Other transports are left as they are (their bodies are still
    checked between chunks). Idempotent; outside a Molam call the streams behave exactly as before.

    httpx has no public switch for its connection pool's network backend, so this reaches the pool httpx
    builds (``_pool``) and wraps its backend (``_network_backend``, which httpcore uses for every new
    connection). The drip-server tests fail if either name changes.
    """
    if not isinstance(transport, httpx.HTTPTransport | httpx.AsyncHTTPTransport):
        return
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if backend is None or isinstance(backend, _Backend | _AsyncBackend):
        return
    if isinstance(backend, httpcore.AsyncNetworkBackend):
        pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]
    elif isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
