"""generator/codegen/event_types.py: the EventType enum follows the webhooks, in the file and in what is generated."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.codegen.event_types import apply_event_types, event_type_mismatch, event_types, sync_spec_file
from tests.support.spec import SPEC_PATH


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.slow  # the whole spec parsed by PyYAML: 1 s
def test_the_committed_spec_lists_every_webhook_in_event_type() -> None:
    raw = _load(SPEC_PATH)
    assert event_type_mismatch(raw) is None
    assert set(raw["components"]["schemas"]["EventType"]["enum"]) == set(raw["webhooks"])


@pytest.mark.slow
def test_a_new_webhook_reaches_the_enum_in_the_file_and_nothing_else_changes(tmp_path: Path) -> None:
    path = tmp_path / "molam.yaml"
    shutil.copy(SPEC_PATH, path)
    text = path.read_text(encoding="utf-8")
    # One edit, as the API team makes it: a webhook (its body copied from another).
    marker = "webhooks:\n"
    hook = "  customer.created:\n    post:\n      operationId: customer_created_webhook\n"
    path.write_text(text.replace(marker, marker + hook, 1), encoding="utf-8")
    raw = _load(path)
    assert event_type_mismatch(raw) == (["customer.created"], [])
    assert sync_spec_file(path, raw) is True
    rewritten = path.read_text(encoding="utf-8")
    assert event_type_mismatch(_load(path)) is None
    assert "        - customer.created\n" in rewritten
    # Only the enum's lines changed: the rest (comments, quoting, order) is as written.
    before = text.replace(marker, marker + hook, 1).splitlines()
    after = rewritten.splitlines()
    assert [line for line in after if line not in before] == ["        - customer.created"]
    assert sync_spec_file(path, _load(path)) is False  # idempotent


@pytest.mark.slow
def test_a_yaml_dumped_copy_is_rewritten_too(tmp_path: Path) -> None:
    raw = _load(SPEC_PATH)
    raw["webhooks"]["customer.created"] = raw["webhooks"]["payout.paid"]
    path = tmp_path / "molam.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    assert sync_spec_file(path, _load(path)) is True
    assert "customer.created" in _load(path)["components"]["schemas"]["EventType"]["enum"]


@pytest.mark.slow  # the whole spec parsed by PyYAML: 1 s
def test_what_is_generated_follows_the_webhooks_whatever_the_file_says() -> None:
    raw = _load(SPEC_PATH)
    raw["webhooks"]["customer.created"] = raw["webhooks"]["payout.paid"]
    raw["components"]["schemas"]["EventType"]["enum"].remove("payout.paid")
    enum = apply_event_types(raw)["components"]["schemas"]["EventType"]["enum"]
    assert enum == event_types(raw) and "customer.created" in enum and "payout.paid" in enum


@pytest.mark.slow
def test_an_enum_the_rewrite_cannot_find_is_a_clear_error(tmp_path: Path) -> None:
    raw = _load(SPEC_PATH)
    raw["webhooks"]["customer.created"] = raw["webhooks"]["payout.paid"]
    path = tmp_path / "molam.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False, default_flow_style=True), encoding="utf-8")
    with pytest.raises(ValueError, match="EventType"):
        sync_spec_file(path, _load(path))
