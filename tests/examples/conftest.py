"""Example tests: each example runs against the session sandbox, on an account (API key) of its own."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from molam_sdk_ext.client import Molam


@attrs.frozen
class Account:
    """A fresh sandbox account: where it is, its key, and a client for arranging and checking."""

    base: str
    key: str

    def client(self) -> Molam:
        """A client on this account."""
        return Molam(api_key=self.key, base_url=self.base)

    def env(self) -> dict[str, str]:
        """The environment an example reads its configuration from."""
        return {"MOLAM_API_BASE": self.base, "MOLAM_API_KEY": self.key}


@pytest.fixture
def account(sandbox: Any) -> Account:
    """A fresh sandbox account for this test."""
    return Account(base=sandbox.url, key=sandbox.new_api_key())
