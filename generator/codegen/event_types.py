"""The spec's `EventType` enum follows its ``webhooks``: adding a webhook is one edit.

The event types of the API are the keys of the spec's ``webhooks`` section. The `EventType` schema (what
``enabled_events`` of a webhook endpoint accepts) lists the same values so that tools reading only
``components`` see them too; `make generate` rewrites that list from the webhooks (in the file, and in the
document every generator renders), and the lint fails when the two differ.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["EVENT_TYPE_SCHEMA", "apply_event_types", "event_type_mismatch", "event_types", "sync_spec_file"]

EVENT_TYPE_SCHEMA = "EventType"
"""The component schema listing the event types (generated into `molam_sdk.models.event_type.EventType`)."""


def event_types(raw: Mapping[str, Any]) -> list[str]:
    """The event types the spec declares, in the order of its ``webhooks`` section."""
    webhooks = raw.get("webhooks") or {}
    return [str(name) for name in webhooks] if isinstance(webhooks, Mapping) else []


def _schema(raw: Mapping[str, Any]) -> Any:
    schemas = (raw.get("components") or {}).get("schemas") or {}
    return schemas.get(EVENT_TYPE_SCHEMA) if isinstance(schemas, Mapping) else None


def event_type_mismatch(raw: Mapping[str, Any]) -> tuple[list[str], list[str]] | None:
    """(types only in ``webhooks``, values only in the enum) when they differ; None when they agree or the spec
    has no `EventType` enum."""
    schema = _schema(raw)
    if not isinstance(schema, Mapping) or not isinstance(schema.get("enum"), list):
        return None
    declared = event_types(raw)
    listed = [str(value) for value in schema["enum"]]
    missing = [t for t in declared if t not in listed]
    extra = [v for v in listed if v not in declared]
    return (missing, extra) if missing or extra else None


def apply_event_types(raw: dict[str, Any]) -> dict[str, Any]:
    """`raw` with its `EventType` enum set to the webhooks' event types (in place; returned for chaining)."""
    schema = _schema(raw)
    types = event_types(raw)
    if isinstance(schema, dict) and isinstance(schema.get("enum"), list) and types:
        schema["enum"] = types
    return raw


_BLOCK = re.compile(r"^(?P<indent> +)EventType:\n", re.MULTILINE)


def sync_spec_file(path: Path, raw: Mapping[str, Any]) -> bool:
    """Rewrite the `EventType` enum list of the YAML file at `path` (parsed as `raw`) from its webhooks.

    Only the lines of that list change (the rest of the file, comments included, stays as written). Returns
    whether the file changed. Raises `ValueError` when the enum is not a block list under the schema, the one
    layout this rewrite understands (the lint then names the difference instead).
    """
    if event_type_mismatch(raw) is None:
        return False
    text = path.read_text(encoding="utf-8")
    found = _BLOCK.search(text)
    if found is None:
        raise ValueError(f"{path}: no `{EVENT_TYPE_SCHEMA}:` schema block to rewrite")
    indent = found["indent"]
    body_start = found.end()
    # The schema's block ends at the next line indented no deeper than its name.
    end = re.compile(rf"^ {{0,{len(indent)}}}\S", re.MULTILINE).search(text, body_start)
    body_end = end.start() if end else len(text)
    body = text[body_start:body_end]
    enum = re.search(
        rf"^(?P<key>{indent} +)enum:[ \t]*\n(?P<items>(?:(?P=key) *- .*\n)+)", body, re.MULTILINE
    )
    if enum is None:
        raise ValueError(f"{path}: the `{EVENT_TYPE_SCHEMA}` enum is not a block list (`- value` lines)")
    item_indent = re.match(r" *", enum["items"])[0]  # type: ignore[index]
    items = "".join(f"{item_indent}- {value}\n" for value in event_types(raw))
    new_body = body[: enum.start("items")] + items + body[enum.end("items") :]
    path.write_text(text[:body_start] + new_body + text[body_end:], encoding="utf-8")
    return True
