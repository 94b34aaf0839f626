"""CLI test fixtures: `molam` run in-process against the session sandbox, one account per test (the `Cli`
helper itself is tests/support/cli.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.cli import Cli


@pytest.fixture
def cli(sandbox: Any) -> Iterator[Cli]:
    """`molam` against the session sandbox, with a fresh account (API key) for this test."""
    yield Cli(base=sandbox.url, key=sandbox.new_api_key())
