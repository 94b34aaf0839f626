"""Taking the first N items of an auto-paginating list, and knowing whether more were left."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import TypeVar

__all__ = ["PAGE_SIZE", "page_size", "take"]

T = TypeVar("T")

#: The API's largest page: fewer round trips when walking a long list.
PAGE_SIZE = 100


def page_size(limit: int) -> int:
    """The page size to ask for when `limit` items are wanted (one extra tells whether more exist)."""
    return max(1, min(PAGE_SIZE, limit + 1))


def take(items: Iterable[T], limit: int) -> tuple[list[T], bool]:
    """The first `limit` items across pages, and whether at least one more exists."""
    got = list(islice(items, limit + 1))
    return got[:limit], len(got) > limit
