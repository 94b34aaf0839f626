"""A small connection pool (sync and asyncio) for the SQLite and PostgreSQL stores.

``psycopg_pool`` is not a dependency, and the stores need little: lend each operation one connection for its
exclusive use, keep up to ``max_size`` of them, and throw a connection away after any error (it may be broken
or mid-transaction) rather than hand it to the next caller. After a fork the child never reuses the parent's
connections.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, TypeVar, cast

C = TypeVar("C")


class PoolTimeout(TimeoutError):
    """No connection became free within the pool's timeout."""


_IDLE, _GROW, _WAIT = "idle", "grow", "wait"


class _PoolState(Generic[C]):
    """The bookkeeping both pools share, and their one decision: what a borrower gets now."""

    def __init__(self, connect: Any, close: Any, *, max_size: int, timeout: float) -> None:
        if max_size < 1:
            raise ValueError("max_size must be at least 1")
        self._connect = connect
        self._close = close
        self.max_size = max_size
        self.timeout = timeout
        self._idle: list[C] = []
        self._size = 0
        self._closed = False

    def _take(self) -> tuple[str, C | None]:
        """Under the pool's lock: an idle connection, leave to make a new one (counted now), or wait."""
        if self._closed:
            raise RuntimeError("the store was closed")
        if self._idle:
            return _IDLE, self._idle.pop()
        if self._size < self.max_size:
            self._size += 1
            return _GROW, None
        return _WAIT, None

    def _give_back(self, conn: C) -> bool:
        """Under the pool's lock: keep ``conn`` for the next borrower unless the pool was closed; whether kept."""
        if not self._closed:
            self._idle.append(conn)
        return not self._closed

    def _timed_out(self) -> PoolTimeout:
        return PoolTimeout(f"no free connection within {self.timeout}s (max_size={self.max_size})")

    def _close_idle(self) -> list[C]:
        """Under the pool's lock: mark the pool closed and hand over its idle connections to close."""
        self._closed = True
        idle, self._idle = self._idle, []
        self._size -= len(idle)
        return idle


class ConnectionPool(_PoolState[C]):
    """A thread-safe pool of up to ``max_size`` connections made by ``connect`` and closed by ``close``."""

    def __init__(
        self,
        connect: Callable[[], C],
        close: Callable[[C], None],
        *,
        max_size: int = 8,
        timeout: float = 30.0,
    ) -> None:
        super().__init__(connect, close, max_size=max_size, timeout=timeout)
        self._cond = threading.Condition()
        self._pid = os.getpid()

    def _check_fork(self) -> None:
        if os.getpid() != self._pid:
            # The parent's sockets/file handles are not ours to use (or close).
            self._idle, self._size, self._pid = [], 0, os.getpid()

    def _acquire(self) -> C:
        deadline = time.monotonic() + self.timeout
        with self._cond:
            self._check_fork()
            while (taken := self._take())[0] == _WAIT:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise self._timed_out()
                self._cond.wait(remaining)
        if taken[0] == _IDLE:
            return cast(C, taken[1])
        try:
            made: C = self._connect()
        except BaseException:
            self._forget()
            raise
        return made

    def _forget(self) -> None:
        with self._cond:
            self._size -= 1
            self._cond.notify()

    def _discard(self, conn: C) -> None:
        self._forget()
        with contextlib.suppress(Exception):
            self._close(conn)

    @contextlib.contextmanager
    def connection(self) -> Iterator[C]:
        """Lend a connection for the duration of the block; discard it if the block raises."""
        conn = self._acquire()
        try:
            yield conn
        except BaseException:
            self._discard(conn)
            raise
        with self._cond:  # a forked child keeps none of the parent's connections
            kept = os.getpid() == self._pid and self._give_back(conn)
            self._cond.notify()
        if not kept:
            self._discard(conn)

    def close(self) -> None:
        """Close the idle connections; connections in use are closed when they come back."""
        with self._cond:
            self._check_fork()
            idle = self._close_idle()
            self._cond.notify_all()
        for conn in idle:
            with contextlib.suppress(Exception):
                self._close(conn)


class AsyncConnectionPool(_PoolState[C]):
    """The asyncio pool: same rules, for connections made by the coroutine ``connect``."""

    def __init__(
        self,
        connect: Callable[[], Awaitable[C]],
        close: Callable[[C], Awaitable[None]],
        *,
        max_size: int = 8,
        timeout: float = 30.0,
    ) -> None:
        super().__init__(connect, close, max_size=max_size, timeout=timeout)
        self._cond: asyncio.Condition | None = None

    def _condition(self) -> asyncio.Condition:
        # Made lazily so the pool can be built outside a running event loop.
        if self._cond is None:
            self._cond = asyncio.Condition()
        return self._cond

    async def _acquire(self) -> C:
        cond = self._condition()
        # One deadline for the whole wait, as the sync pool: a wake-up that finds the pool full again (another
        # borrower took the connection first) must not restart the timeout.
        deadline = time.monotonic() + self.timeout
        async with cond:
            while (taken := self._take())[0] == _WAIT:
                try:
                    await asyncio.wait_for(cond.wait(), max(0.0, deadline - time.monotonic()))
                except TimeoutError:
                    raise self._timed_out() from None
        if taken[0] == _IDLE:
            return cast(C, taken[1])
        try:
            made: C = await self._connect()
        except BaseException:
            await self._forget()
            raise
        return made

    async def _forget(self) -> None:
        cond = self._condition()
        async with cond:
            self._size -= 1
            cond.notify()

    async def _discard(self, conn: C) -> None:
        await self._forget()
        with contextlib.suppress(Exception):
            await self._close(conn)

    @contextlib.asynccontextmanager
    async def connection(self) -> AsyncIterator[C]:
        """Lend a connection for the duration of the block; discard it if the block raises."""
        conn = await self._acquire()
        try:
            yield conn
        except BaseException:
            await self._discard(conn)
            raise
        cond = self._condition()
        async with cond:
            kept = self._give_back(conn)
            cond.notify()
        if not kept:
            await self._discard(conn)

    async def close(self) -> None:
        """Close the idle connections; connections in use are closed when they come back."""
        idle = self._close_idle()
        if self._cond is not None:
            async with self._cond:
                self._cond.notify_all()
        for conn in idle:
            with contextlib.suppress(Exception):
                await self._close(conn)
