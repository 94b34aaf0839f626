"""The context-manager protocol of everything the SDK lets a caller close: one `close()`, and ``with`` around it.

`Closing` gives ``with client: ...`` to a class with a synchronous ``close()``; `AsyncClosing` gives
``async with`` and the ``aclose()`` alias (the name httpx and asyncio use) to a class with an ``async close()``.
"""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

__all__ = ["AsyncClosing", "Closing"]


class _Closable(Protocol):
    def close(self) -> None: ...


class _AsyncClosable(Protocol):
    async def close(self) -> None: ...


class Closing:
    """``with`` support for a class whose `close()` releases what it holds."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self: _Closable,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncClosing:
    """``async with`` support and the `aclose()` alias for a class whose `close()` is a coroutine."""

    async def aclose(self: _AsyncClosable) -> None:
        """Alias of `close()`."""
        await self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self: _AsyncClosable,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
