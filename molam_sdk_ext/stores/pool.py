"""A small connection pool (sync and asyncio) for the SQLite and PostgreSQL stores.

``psycopg_pool`` is not used: it connects in background workers, so a caller of an unreachable database waits
the whole pool timeout instead of hearing the connection error at once, and SQLite needs a pool too. The stores
need little: lend each operation one connection for its exclusive use, keep up to ``max_size`` of them (a
semaphore counts the lent ones, so a borrower waits under one deadline), and throw a connection away after any
error (it may be broken or mid-transaction) rather than hand it to the next caller. After a fork the child never
reuses the parent's connections.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, TypeVar

C = TypeVar("C")


class PoolTimeout(TimeoutError):
    """No connection became free within the pool's timeout."""


class _Pool(Generic[C]):
    """What both pools hold: the settings, the idle connections, and whether the pool was closed."""

    def __init__(self, close: Any, *, max_size: int, timeout: float) -> None:
        if max_size < 1:
            raise ValueError("max_size must be at least 1")
        self._close = close
        self.max_size = max_size
        self.timeout = timeout
        self._idle: list[C] = []
        self._closed = False

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("the store was closed")

    def _timed_out(self) -> PoolTimeout:
        return PoolTimeout(f"no free connection within {self.timeout}s (max_size={self.max_size})")

    def _idle_one(self) -> C | None:
        # list.pop is atomic: two borrowers never get the same connection.
        try:
            return self._idle.pop()
        except IndexError:
            return None


class ConnectionPool(_Pool[C]):
    """A thread-safe pool of up to ``max_size`` connections made by ``connect`` and closed by ``close``."""

    def __init__(
        self,
        connect: Callable[[], C],
        close: Callable[[C], None],
        *,
        max_size: int = 8,
        timeout: float = 30.0,
    ) -> None:
        super().__init__(close, max_size=max_size, timeout=timeout)
        self._connect = connect
        self._forked()

    def _forked(self) -> None:
        # The parent's sockets and file handles are not ours to use (or close), nor its count of lent ones, nor
        # a lock one of its threads may have held at the fork.
        self._pid, self._idle = os.getpid(), []
        self._slots = threading.BoundedSemaphore(self.max_size)
        self._lock = threading.Lock()  # orders a connection's return against close()

    def _discard(self, conn: C) -> None:
        with contextlib.suppress(Exception):
            self._close(conn)

    @contextlib.contextmanager
    def connection(self) -> Iterator[C]:
        """Lend a connection for the duration of the block; discard it if the block raises."""
        if os.getpid() != self._pid:
            self._forked()
        self._check_open()
        slots = self._slots
        if not slots.acquire(timeout=self.timeout):
            raise self._timed_out()
        try:
            conn = self._idle_one()
            if conn is None:
                conn = self._connect()
            try:
                yield conn
            except BaseException:
                self._discard(conn)
                raise
            with self._lock:
                kept = not self._closed and os.getpid() == self._pid
                if kept:
                    self._idle.append(conn)
            if not kept:
                self._discard(conn)
        finally:
            slots.release()

    def close(self) -> None:
        """Close the idle connections; connections in use are closed when they come back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        if os.getpid() == self._pid:
            for conn in idle:
                self._discard(conn)


class AsyncConnectionPool(_Pool[C]):
    """The asyncio pool: same rules, for connections made by the coroutine ``connect``."""

    def __init__(
        self,
        connect: Callable[[], Awaitable[C]],
        close: Callable[[C], Awaitable[None]],
        *,
        max_size: int = 8,
        timeout: float = 30.0,
    ) -> None:
        super().__init__(close, max_size=max_size, timeout=timeout)
        self._connect = connect
        self._slots = asyncio.Semaphore(max_size)  # bound to the event loop of its first wait

    async def _discard(self, conn: C) -> None:
        with contextlib.suppress(Exception):
            await self._close(conn)

    @contextlib.asynccontextmanager
    async def connection(self) -> AsyncIterator[C]:
        """Lend a connection for the duration of the block; discard it if the block raises."""
        self._check_open()
        if self._slots.locked():  # only a wait needs its deadline (a timer per call would double the cost)
            try:
                async with asyncio.timeout(self.timeout):
                    await self._slots.acquire()
            except TimeoutError:
                raise self._timed_out() from None
        else:
            await self._slots.acquire()
        try:
            conn = self._idle_one()
            if conn is None:
                conn = await self._connect()
            try:
                yield conn
            except BaseException:
                await self._discard(conn)
                raise
            if self._closed:
                await self._discard(conn)
            else:
                self._idle.append(conn)
        finally:
            self._slots.release()

    async def close(self) -> None:
        """Close the idle connections; connections in use are closed when they come back."""
        self._closed = True
        idle, self._idle = self._idle, []
        for conn in idle:
            await self._discard(conn)
