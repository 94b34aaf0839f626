"""Integration tests of the clients against the real sandbox server (tests/fixtures/sandbox.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

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
