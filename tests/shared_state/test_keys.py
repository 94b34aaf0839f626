"""Business idempotency keys: stable across processes, distinct per operation, valid as a header."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid

import pytest

from molam_sdk_ext.idempotency import idempotency_key_for
from molam_sdk_ext.idempotency.keys import MAX_KEY_LENGTH

KEY = re.compile(r"molam_[a-z][a-z0-9_.-]{0,63}_[0-9a-f]{32}")


@pytest.mark.slow
def test_same_business_id_same_key_in_another_process() -> None:
    here = idempotency_key_for("order", 1042)
    code = "from molam_sdk_ext.idempotency import idempotency_key_for as k; print(k('order', 1042))"
    there = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert here == there
    assert KEY.fullmatch(here) and here.startswith("molam_order_")


def test_int_and_text_ids_are_the_same_order() -> None:
    assert idempotency_key_for("order", 42) == idempotency_key_for("order", "42")
    order = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert idempotency_key_for("order", order) == idempotency_key_for("order", str(order))


def test_keys_differ_by_namespace_id_and_qualifiers() -> None:
    keys = {
        idempotency_key_for("order", 1),
        idempotency_key_for("order", 2),
        idempotency_key_for("invoice", 1),
        idempotency_key_for("order", 1, "attempt", 2),
        idempotency_key_for("order", 1, "attempt", 3),
        # Length-prefixed parts: moving characters between parts makes another key.
        idempotency_key_for("order", "1a", "b"),
        idempotency_key_for("order", "1", "ab"),
    }
    assert len(keys) == 7


def test_keys_are_header_safe_and_short() -> None:
    key = idempotency_key_for("a" * 64, "x" * 10_000, "é" * 100)
    assert len(key) <= MAX_KEY_LENGTH and key.isascii() and " " not in key
    assert "x" not in key.split("_")[-1]  # the identifiers are hashed, never shown


@pytest.mark.parametrize("namespace", ["", "Order", "1order", "or der", "a" * 65, "ordér"])
def test_bad_namespaces_are_refused(namespace: str) -> None:
    with pytest.raises(ValueError, match="namespace"):
        idempotency_key_for(namespace, 1)


def test_bad_parts_are_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        idempotency_key_for("order", "")
    with pytest.raises(TypeError, match="float"):
        idempotency_key_for("order", 1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bool"):
        idempotency_key_for("order", True)
