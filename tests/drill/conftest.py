"""The drill's breaking-change comparisons are verified by the oracle too (tests/breaking/oracle.py)."""

from __future__ import annotations

from tests.breaking import oracle

oracle.install()
