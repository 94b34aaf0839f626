# Generated from spec/molam.yaml by `make generate`; do not edit.
"""Pages of list results that walk across pages for you, sync and async.

Every `list` method returns the first page. Iterate it to get every item of every page; the next page is
fetched only when the current one is used up::

    for intent in molam.payment_intents.list(status="succeeded"):
        ...
    for intent in molam.payment_intents.list().auto_paging_iter(limit=250):   # at most 250 items
        ...
    page = molam.payment_intents.list(limit=100)
    while page is not None:
        handle(page.data)
        page = page.next_page()

    async for intent in await amolam.payment_intents.list():
        ...

The cursor for the next page is the server's `next_cursor`, or the last item's `id` when the server sent
none; both are stable while new objects are created.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, Protocol, TypeVar

from .errors import ValidationError

__all__ = ["AsyncPage", "ListEnvelope", "SyncPage"]

T = TypeVar("T")


class ListEnvelope(Protocol[T]):
    """What a generated list model (`PaymentIntentList`, ...) looks like to a page."""

    @property
    def data(self) -> list[T]: ...

    @property
    def has_more(self) -> bool: ...


def _next_cursor(envelope: ListEnvelope[Any]) -> str | None:
    """The cursor to ask for the page after `envelope`, or None when it was the last one."""
    if not envelope.has_more:
        return None
    cursor = getattr(envelope, "next_cursor", None)
    if isinstance(cursor, str) and cursor:
        return cursor
    if envelope.data:
        last_id = getattr(envelope.data[-1], "id", None)
        if isinstance(last_id, str) and last_id:
            return last_id
    return None


def _check_limit(limit: int | None) -> None:
    if limit is not None and limit < 0:
        raise ValidationError("limit must be zero or more", param="limit")


class SyncPage(Generic[T]):
    """One page of a list, able to fetch the pages after it.

    `data` holds this page's items; `has_more` says whether the server has more after it.
    """

    def __init__(self, envelope: ListEnvelope[T], fetch: Callable[[str], ListEnvelope[T]]) -> None:
        self._envelope = envelope
        self._fetch = fetch

    @property
    def data(self) -> list[T]:
        """The items of this page only."""
        return self._envelope.data

    @property
    def has_more(self) -> bool:
        """True when there is at least one more page after this one."""
        return _next_cursor(self._envelope) is not None

    @property
    def envelope(self) -> ListEnvelope[T]:
        """The generated list model this page was parsed into."""
        return self._envelope

    def next_page(self) -> SyncPage[T] | None:
        """Fetch the next page, or return None when this is the last one."""
        cursor = _next_cursor(self._envelope)
        if cursor is None:
            return None
        return SyncPage(self._fetch(cursor), self._fetch)

    def auto_paging_iter(self, limit: int | None = None) -> Iterator[T]:
        """Every item from this page on, across pages; at most `limit` items when given."""
        _check_limit(limit)
        remaining = limit
        page: SyncPage[T] | None = self
        while page is not None:
            for item in page.data:
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield item
            if remaining is not None and remaining <= 0:
                return
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        return self.auto_paging_iter()

    def __repr__(self) -> str:
        return f"SyncPage(items={len(self.data)}, has_more={self.has_more})"


class AsyncPage(Generic[T]):
    """The async twin of `SyncPage`: `async for` walks across pages, `await next_page()` fetches one."""

    def __init__(self, envelope: ListEnvelope[T], fetch: Callable[[str], Awaitable[ListEnvelope[T]]]) -> None:
        self._envelope = envelope
        self._fetch = fetch

    @property
    def data(self) -> list[T]:
        """The items of this page only."""
        return self._envelope.data

    @property
    def has_more(self) -> bool:
        """True when there is at least one more page after this one."""
        return _next_cursor(self._envelope) is not None

    @property
    def envelope(self) -> ListEnvelope[T]:
        """The generated list model this page was parsed into."""
        return self._envelope

    async def next_page(self) -> AsyncPage[T] | None:
        """Fetch the next page, or return None when this is the last one."""
        cursor = _next_cursor(self._envelope)
        if cursor is None:
            return None
        return AsyncPage(await self._fetch(cursor), self._fetch)

    async def auto_paging_iter(self, limit: int | None = None) -> AsyncIterator[T]:
        """Every item from this page on, across pages; at most `limit` items when given."""
        _check_limit(limit)
        remaining = limit
        page: AsyncPage[T] | None = self
        while page is not None:
            for item in page.data:
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield item
            if remaining is not None and remaining <= 0:
                return
            page = await page.next_page()

    def __aiter__(self) -> AsyncIterator[T]:
        return self.auto_paging_iter()

    def __repr__(self) -> str:
        return f"AsyncPage(items={len(self.data)}, has_more={self.has_more})"
