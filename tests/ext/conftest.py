"""Fixtures for the extension-layer tests (their helpers live in tests/support/transport.py)."""

from __future__ import annotations

import pytest

from tests.support.transport import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    """A fake monotonic clock starting at 1000 s."""
    return FakeClock()
