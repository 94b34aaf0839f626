"""One `DeprecationWarning` per legacy entry point, naming the modern call that replaces it.

Each entry point (a constructor, a client method, a webhook function) warns the first time it is used in a
process, pointing at the caller's line. An entry point is marked as warned only once the warning was actually
emitted: under ``python -W error::DeprecationWarning`` (or pytest's ``-W error::DeprecationWarning``) the
warning is an exception, so *every* legacy call raises and each remaining old call site can be found.
"""

from __future__ import annotations

import threading
import warnings

__all__ = ["GUIDE", "reset", "warn_once"]

GUIDE = "docs/MIGRATING.md"
"""Where the old call -> modern call table lives."""

_warned: set[str] = set()
_lock = threading.Lock()


def warn_once(entry_point: str, modern: str, *, stacklevel: int = 3) -> None:
    """Warn that `entry_point` (``"MolamClient.create_payment_intent"``) is deprecated in favour of `modern`
    (the call to write instead), unless it already warned in this process.

    `stacklevel` counts from this function: 3 names the caller of the entry point that called this.
    """
    if entry_point in _warned:
        return
    warnings.warn(
        f"molam_sdk_ext.legacy.{entry_point} is deprecated: use {modern} (see {GUIDE}).",
        DeprecationWarning,
        stacklevel=stacklevel,
    )
    # Reached only when the warning did not raise: with warnings turned into errors every call keeps raising.
    with _lock:
        _warned.add(entry_point)


def reset() -> None:
    """Forget which entry points already warned, so each warns again once (for tests)."""
    with _lock:
        _warned.clear()
