"""Example tests: each example runs against the session sandbox, on an account (API key) of its own."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.accounts import Account


@pytest.fixture
def account(sandbox: Any) -> Account:
    """A fresh sandbox account for this test."""
    return Account(base=sandbox.url, key=sandbox.new_api_key())
