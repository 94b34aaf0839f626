"""The client integration tests' tools (tests/ext/integration): a header that turns the sandbox's faults off,
and counting lines of a sandbox log."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["NO_FAULT", "count_lines"]

#: Sent on a request that must reach the sandbox's handler whatever fault rate the sandbox runs with.
NO_FAULT = {"Molam-Sandbox-Fault": "none"}


def count_lines(read_log: Callable[[], str], needle: str, settle: float = 0.15, timeout: float = 10.0) -> int:
    """How many log lines contain `needle`, once the log has stopped growing (access lines land just after
    the response)."""
    deadline = time.monotonic() + timeout
    last = -1
    while True:
        count = sum(1 for line in read_log().splitlines() if needle in line)
        if count == last or time.monotonic() > deadline:
            return count
        last = count
        time.sleep(settle)
