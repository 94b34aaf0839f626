"""Fault injection: which fault a request gets (a pure decision) and how a dropped connection is made.

Kinds, by when they strike:

- before processing (nothing is stored): ``500``, ``502``, ``503`` (with ``Retry-After``), ``429`` (with
  ``Retry-After``), ``drop`` (the connection is closed without a response);
- during processing: ``slow`` (the request waits `slow_seconds` while holding its idempotency claim, then runs
  normally; a client with a shorter timeout gives up, and its retry meets the in-flight twin);
- after processing (the work is committed and its idempotency record completed): ``commit_then_500`` (the
  client gets a 500) and ``commit_then_drop`` (the connection is cut). A retry with the same key replays the
  committed response: this is the case that proves a client's retries never duplicate a payment;
- ``crash_after_commit`` (only when asked for by name: never drawn by default): the sandbox process kills
  itself (SIGKILL) right after a writing request's transaction commits, before it answers, as a power cut
  would. Restart it on the same database: a retry with the same key replays the stored response, because the
  idempotency record commits in the same transaction as the objects.

A request gets a fault when the ``Molam-Sandbox-Fault`` header names one (``none`` forces none), or else with
probability `rate`, the kind drawn uniformly from `kinds`.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import random
import socket
import threading
from collections.abc import Sequence
from typing import Any, ClassVar

import attrs
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = [
    "AFTER_PROCESSING",
    "ALL_KINDS",
    "BEFORE_PROCESSING",
    "FAULT_HEADER",
    "DroppableH11Protocol",
    "FaultConfig",
    "FaultInjector",
    "FaultKind",
    "choose_fault",
    "drop_connection",
    "parse_fault_header",
    "parse_kinds",
]

FAULT_HEADER = "Molam-Sandbox-Fault"
"""Request header forcing one fault kind (or ``none``) on that request; sandbox only."""


class FaultKind(enum.StrEnum):
    """A kind of injected failure; the value is how it is named on the command line, header and log."""

    HTTP_500 = "500"
    HTTP_502 = "502"
    HTTP_503 = "503"
    HTTP_429 = "429"
    SLOW = "slow"
    DROP = "drop"
    COMMIT_THEN_500 = "commit_then_500"
    COMMIT_THEN_DROP = "commit_then_drop"
    CRASH_AFTER_COMMIT = "crash_after_commit"


ALL_KINDS: tuple[FaultKind, ...] = tuple(k for k in FaultKind if k is not FaultKind.CRASH_AFTER_COMMIT)
"""The kinds drawn by default (every kind but ``crash_after_commit``, which ends the server)."""
BEFORE_PROCESSING = frozenset(
    {FaultKind.HTTP_500, FaultKind.HTTP_502, FaultKind.HTTP_503, FaultKind.HTTP_429, FaultKind.DROP}
)
AFTER_PROCESSING = frozenset({FaultKind.COMMIT_THEN_500, FaultKind.COMMIT_THEN_DROP})


def parse_kinds(text: str | Sequence[str]) -> tuple[FaultKind, ...]:
    """Parse ``"500,503,drop"`` (or a sequence of names) into kinds; raise ValueError naming a bad one."""
    names = text.split(",") if isinstance(text, str) else list(text)
    kinds: list[FaultKind] = []
    for raw in names:
        name = raw.strip().lower()
        if not name:
            continue
        try:
            kind = FaultKind(name)
        except ValueError:
            allowed = ", ".join(k.value for k in FaultKind)
            raise ValueError(f"unknown fault kind {raw.strip()!r} (allowed: {allowed})") from None
        if kind not in kinds:
            kinds.append(kind)
    return tuple(kinds)


def parse_fault_header(value: str | None) -> FaultKind | bool | None:
    """Read ``Molam-Sandbox-Fault``: a kind, False for ``none`` (no fault), None when the header is absent."""
    if value is None or not value.strip():
        return None
    if value.strip().lower() == "none":
        return False
    kinds = parse_kinds(value)
    if len(kinds) != 1:
        raise ValueError(f"{FAULT_HEADER} names exactly one fault kind")
    return kinds[0]


@attrs.frozen
class FaultConfig:
    """How faults are injected: probability, the kinds drawn from, and the knobs of each kind."""

    rate: float = 0.0
    kinds: tuple[FaultKind, ...] = ALL_KINDS
    slow_seconds: float = 2.0
    retry_after: int = 1
    seed: int | None = None

    def __attrs_post_init__(self) -> None:
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError("fault rate must be between 0 and 1")
        if self.rate > 0 and not self.kinds:
            raise ValueError("a fault rate needs at least one fault kind")
        if self.slow_seconds < 0 or self.retry_after < 0:
            raise ValueError("slow_seconds and retry_after must be >= 0")


def choose_fault(config: FaultConfig, header: str | None, roll: float, pick: float) -> FaultKind | None:
    """The fault for one request: the header's choice if present, else `roll` < rate picks ``kinds[pick]``.

    `roll` and `pick` are uniform draws in [0, 1). Raises ValueError for a bad header value.
    """
    forced = parse_fault_header(header)
    if forced is False:
        return None
    if isinstance(forced, FaultKind):
        return forced
    if config.rate <= 0.0 or not config.kinds or roll >= config.rate:
        return None
    return config.kinds[min(int(pick * len(config.kinds)), len(config.kinds) - 1)]


class FaultInjector:
    """`choose_fault` fed by a (seedable) random generator; safe to share between threads."""

    def __init__(self, config: FaultConfig) -> None:
        self.config = config
        self._random = random.Random(config.seed)
        self._lock = threading.Lock()

    def decide(self, header: str | None) -> FaultKind | None:
        """The fault for a request carrying `header` (``Molam-Sandbox-Fault``), or None."""
        with self._lock:
            roll, pick = self._random.random(), self._random.random()
        return choose_fault(self.config, header, roll, pick)


_ConnectionKey = tuple[Any, Any]


def _connection_key(server: Any, client: Any) -> _ConnectionKey:
    return (tuple(server) if server else None, tuple(client) if client else None)


class _CoalescingTransport(asyncio.Transport):
    """Wraps a transport so the writes of one loop iteration leave in one send (headers + body together).

    uvicorn writes a response's head and body separately; on loopback each send wakes the client, so two
    sends cost nearly twice one. Buffered bytes are flushed at the end of the iteration, before close.
    """

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._transport = transport
        self._loop = loop
        self._pending: list[bytes] = []

    def _flush(self) -> None:
        if self._pending:
            data = b"".join(self._pending)
            self._pending.clear()
            if not self._transport.is_closing():
                self._transport.write(data)

    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Buffer `data` until the end of this loop iteration."""
        if not self._pending:
            self._loop.call_soon(self._flush)
        self._pending.append(bytes(data))

    def writelines(self, list_of_data: Any) -> None:
        """Buffer each chunk."""
        for data in list_of_data:
            self.write(data)

    def close(self) -> None:
        """Send what is buffered, then close."""
        self._flush()
        self._transport.close()

    def abort(self) -> None:
        """Drop what is buffered and close at once."""
        self._pending.clear()
        self._transport.abort()

    def get_write_buffer_size(self) -> int:
        """Bytes buffered here and in the real transport."""
        return sum(map(len, self._pending)) + self._transport.get_write_buffer_size()

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        """See `asyncio.BaseTransport.get_extra_info`."""
        return self._transport.get_extra_info(name, default)

    def is_closing(self) -> bool:
        """See `asyncio.BaseTransport.is_closing`."""
        return self._transport.is_closing()

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        """See `asyncio.BaseTransport.set_protocol`."""
        self._transport.set_protocol(protocol)

    def get_protocol(self) -> asyncio.BaseProtocol:
        """See `asyncio.BaseTransport.get_protocol`."""
        return self._transport.get_protocol()

    def is_reading(self) -> bool:
        """See `asyncio.ReadTransport.is_reading`."""
        return self._transport.is_reading()

    def pause_reading(self) -> None:
        """See `asyncio.ReadTransport.pause_reading`."""
        self._transport.pause_reading()

    def resume_reading(self) -> None:
        """See `asyncio.ReadTransport.resume_reading`."""
        self._transport.resume_reading()

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        """See `asyncio.WriteTransport.set_write_buffer_limits`."""
        self._transport.set_write_buffer_limits(high, low)

    def get_write_buffer_limits(self) -> tuple[int, int]:
        """See `asyncio.WriteTransport.get_write_buffer_limits`."""
        return self._transport.get_write_buffer_limits()

    def write_eof(self) -> None:
        """Send what is buffered, then EOF."""
        self._flush()
        self._transport.write_eof()

    def can_write_eof(self) -> bool:
        """See `asyncio.WriteTransport.can_write_eof`."""
        return self._transport.can_write_eof()


class DroppableH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, plus a registry so the app can cut a connection without any response.

    ASGI has no "close without responding": an app that raises before responding gets a 500 from uvicorn. The
    sandbox runs uvicorn with this protocol class (``Config(http=DroppableH11Protocol)``) and
    `drop_connection` aborts the transport of the request's connection instead. It also sets TCP_NODELAY and
    sends each response in one write (`_CoalescingTransport`).
    """

    open_connections: ClassVar[dict[_ConnectionKey, DroppableH11Protocol]] = {}

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Register the connection by its (server, client) address pair."""
        super().connection_made(_CoalescingTransport(transport, asyncio.get_running_loop()))
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            # Headers and body go out as separate writes: without TCP_NODELAY, Nagle's algorithm and the
            # client's delayed ACK add ~40 ms to every keep-alive response.
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.open_connections[_connection_key(self.server, self.client)] = self

    def connection_lost(self, exc: Exception | None) -> None:
        """Forget the connection."""
        key = _connection_key(self.server, self.client)
        if self.open_connections.get(key) is self:
            del self.open_connections[key]
        super().connection_lost(exc)


async def drop_connection(scope: dict[str, Any] | Any, send: Any) -> None:
    """Close the request's connection so the client gets no response at all.

    Under `DroppableH11Protocol` the transport is aborted (the client sees the server disconnect before any
    response byte). Under any other server the best ASGI can do is start a response and never finish it,
    which the server turns into a cut connection.
    """
    protocol = DroppableH11Protocol.open_connections.get(
        _connection_key(scope.get("server"), scope.get("client"))
    )
    if protocol is not None and protocol.transport is not None:
        protocol.transport.abort()
        # Let the loop run connection_lost, which marks the cycle disconnected: uvicorn then sends nothing.
        for _ in range(3):
            await asyncio.sleep(0)
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"1048576")]})
    await send({"type": "http.response.body", "body": b"", "more_body": True})
    raise ConnectionAbortedError("sandbox fault: connection dropped")
