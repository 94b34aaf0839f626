"""The small connection pool behind the SQLite and PostgreSQL stores."""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading

import pytest

from molam_sdk_ext.stores.pool import AsyncConnectionPool, ConnectionPool, PoolTimeout


class Conn:
    def __init__(self, n: int) -> None:
        self.n = n
        self.closed = False

    def close(self) -> None:
        self.closed = True


def make_pool(max_size: int = 2, timeout: float = 30.0) -> tuple[ConnectionPool[Conn], list[Conn]]:
    made: list[Conn] = []

    def connect() -> Conn:
        made.append(Conn(len(made)))
        return made[-1]

    return ConnectionPool(connect, Conn.close, max_size=max_size, timeout=timeout), made


def test_connections_are_reused() -> None:
    pool, made = make_pool()
    with pool.connection() as a:
        pass
    with pool.connection() as b:
        assert b is a
    assert len(made) == 1


def test_a_connection_that_saw_an_error_is_discarded() -> None:
    pool, made = make_pool()
    with pytest.raises(RuntimeError), pool.connection() as a:
        raise RuntimeError("broken")
    assert a.closed
    with pool.connection() as b:
        assert b is not a
    assert len(made) == 2


def test_callers_wait_for_a_free_connection() -> None:
    pool, made = make_pool(max_size=1)
    release = threading.Event()
    got: list[Conn] = []

    def waiter() -> None:
        with pool.connection() as c:
            got.append(c)

    with pool.connection() as first:
        t = threading.Thread(target=waiter)
        t.start()
        t.join(timeout=0.05)
        assert t.is_alive() and not got  # blocked: the only connection is lent out
        release.set()
    t.join(timeout=30)
    assert got == [first] and len(made) == 1


def test_timeout_when_the_pool_stays_full() -> None:
    pool, _ = make_pool(max_size=1, timeout=0.01)
    with pool.connection(), pytest.raises(PoolTimeout), pool.connection():
        pass


def test_connect_failure_frees_the_slot() -> None:
    calls = 0

    def connect() -> Conn:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise OSError("refused")
        return Conn(calls)

    pool = ConnectionPool(connect, Conn.close, max_size=1, timeout=0.01)
    with pytest.raises(OSError):
        pool.connection().__enter__()
    with pool.connection() as c:
        assert c.n == 2


def test_close() -> None:
    pool, made = make_pool()
    with pool.connection():
        pass
    pool.close()
    assert made[0].closed
    with pytest.raises(RuntimeError, match="closed"), pool.connection():
        pass


async def test_async_pool() -> None:
    made: list[Conn] = []

    async def connect() -> Conn:
        made.append(Conn(len(made)))
        return made[-1]

    async def close(c: Conn) -> None:
        c.close()

    pool: AsyncConnectionPool[Conn] = AsyncConnectionPool(connect, close, max_size=2, timeout=0.05)

    async def use() -> int:
        async with pool.connection() as c:
            await asyncio.sleep(0)
            return c.n

    assert sorted(set(await asyncio.gather(*(use() for _ in range(10))))) == [0, 1]
    with pytest.raises(ValueError):
        async with pool.connection() as broken:
            raise ValueError
    assert broken.closed
    async with pool.connection(), pool.connection():
        with pytest.raises(PoolTimeout):
            async with pool.connection():
                pass
    await pool.close()
    assert all(c.closed for c in made)


async def test_async_wait_has_one_deadline_across_wake_ups() -> None:
    # A borrower that keeps giving the one connection back and taking it again must not starve a waiter past
    # its timeout: the waiter gets the connection, or gives up, while the churner is still at it.
    async def connect() -> Conn:
        return Conn(0)

    async def close(c: Conn) -> None:
        c.close()

    pool: AsyncConnectionPool[Conn] = AsyncConnectionPool(connect, close, max_size=1, timeout=0.3)
    cycles = 0

    async def churn() -> None:
        nonlocal cycles
        while cycles < 40:  # 40 cycles of 0.05 s: 2 s, far past the waiter's timeout
            async with pool.connection():
                await asyncio.sleep(0.05)
            cycles += 1

    churner = asyncio.create_task(churn())
    await asyncio.sleep(0.01)  # the churner holds the connection
    with contextlib.suppress(PoolTimeout):
        async with pool.connection():
            pass
    answered_after = cycles
    await churner
    assert answered_after < 40, "the waiter was answered only when the churner stopped"


def test_a_forked_child_never_uses_the_parent_s_connections() -> None:
    # The parent has one idle connection and lends its only other one across the fork: the child must make
    # its own connection, at once (the slot the parent holds is not the child's), and never close the parent's.
    pool, made = make_pool(max_size=2, timeout=1.0)
    with pool.connection() as idle:
        pass
    with pool.connection() as lent, pool.connection() as held:
        assert lent is idle
        pid = os.fork()
        if pid == 0:  # the child: report through the exit status only
            try:
                with pool.connection() as a, pool.connection() as b:
                    ok = a not in (idle, held) and b not in (idle, held) and len(made) == 4
                pool.close()
                ok = ok and not idle.closed and not held.closed
            except BaseException:
                ok = False
            os._exit(0 if ok else 1)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert len(made) == 2 and not idle.closed
