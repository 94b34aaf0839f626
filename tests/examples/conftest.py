"""Example tests: each example runs against the session sandbox, on an account (API key) of its own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.accounts import Account

if TYPE_CHECKING:
    from selenium import webdriver


@pytest.fixture
def account(sandbox: Any) -> Account:
    """A fresh sandbox account for this test."""
    return Account(base=sandbox.url, key=sandbox.new_api_key())


@pytest.fixture(scope="session")
def chrome() -> Iterator[webdriver.Chrome]:
    """One headless Chromium for the session's browser tests (fails in CI, skips elsewhere, when missing)."""
    from tests.support.browser import headless_chromium  # Selenium only where a browser test runs

    with headless_chromium() as driver:
        yield driver
