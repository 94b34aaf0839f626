"""Every comparison made by the breaking-change tests is checked by the verification oracle.

The comparison entry point is wrapped for the whole session (before any test module imports it): each
call verifies every finding it returns against the two documents (`tests/breaking/oracle.py`) and fails
the test naming each false finding. The terminal summary says how many findings were verified.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.breaking import oracle

oracle.install()


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker of the real-history corpus test (it runs in `make test` like every test)."""
    config.addinivalue_line("markers", "corpus: breaking-change check over real public API histories")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """One line: how many comparisons and findings the oracle verified in this run."""
    stats = oracle.STATS
    if stats["comparisons"]:
        terminalreporter.write_line(
            f"breaking-change oracle: {stats['findings']} findings of {stats['comparisons']} comparisons "
            f"verified, {stats['false']} false"
        )


@pytest.fixture
def oracle_stats() -> dict[str, int]:
    """The running counters (tests may assert the oracle saw their findings)."""
    return oracle.STATS
