"""Fixtures for the shared-state tests: a fake clock, and a breaker store that can be made to fail."""

from __future__ import annotations

import pytest

from tests.support.breaker import FlakyBreakerStore
from tests.support.stores import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def flaky_store(clock: FakeClock) -> FlakyBreakerStore:
    return FlakyBreakerStore(clock)
