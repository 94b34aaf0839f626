"""`wait_for`: bounded polling for state that changes in the background (deliveries, settlements, workers)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Literal, TypeVar, overload

T = TypeVar("T")

__all__ = ["wait_for"]


@overload
def wait_for(
    probe: Callable[[], T | Literal[False] | None],
    *,
    timeout: float = 15.0,
    interval: float = 0.05,
    what: str | None = None,
) -> T: ...


@overload
def wait_for(
    probe: Callable[[], T],
    until: Callable[[T], object],
    timeout: float = 15.0,
    *,
    interval: float = 0.05,
    what: str | None = None,
) -> T: ...


def wait_for(
    probe: Callable[[], T],
    until: Callable[[T], object] = bool,
    timeout: float = 15.0,
    *,
    interval: float = 0.05,
    what: str | None = None,
) -> T:
    """Call `probe` until `until(result)` holds (default: the result is truthy); return that result.

    Without `until`, the result is typed without the falsy `False`/`None` a probe such as
    ``lambda: ready() and value`` may return. The test fails with an `AssertionError` after `timeout` seconds, naming `what` (or the last value): it
    never asserts on timing. `probe` is always called once more after the deadline has passed, so a slow
    machine that oversleeps still gets a last look.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if until(result):
            return result
        if time.monotonic() > deadline:
            waited_for = what if what is not None else f"a condition; last value: {result!r}"
            raise AssertionError(f"timed out after {timeout}s waiting for {waited_for}")
        time.sleep(interval)
