"""The sandbox's business modules name no spec property, enum value or event type in a string literal.

They read and change objects through the generated models (`molam_sandbox.objects`), compare statuses with the
generated enum members and record events with `EventType` members, so a spec rename fails `mypy --strict`
rather than a sandbox run. This test parses each module with `ast`, collects every string constant (docstrings
excluded; f-string parts included) and fails on any that equals a property name of any schema, an enum value or
an event type of spec/molam.yaml, all read from the spec itself.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "molam.yaml"
BUSINESS_MODULES = (
    "payments",
    "wallets",
    "payouts",
    "onboarding",
    "webhook_endpoints",
    "triggers",
    "events",
    "timers",
    "metadata",
    "plugins",
    "checkout",
    "hosted",
    "onboarding_actions",
    "onboarding_page",
)

ALLOWED: dict[str, str] = {}
"""Literal -> why it may stay. Empty: every name the modules need comes from the generated code."""


def _walk(node: Any, props: set[str], enums: set[str]) -> None:
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            props.update(str(name) for name in properties)
        enum = node.get("enum")
        if isinstance(enum, list):
            enums.update(str(value) for value in enum if value is not None)
        for value in node.values():
            _walk(value, props, enums)
    elif isinstance(node, list):
        for value in node:
            _walk(value, props, enums)


def spec_names() -> dict[str, str]:
    """Every name the spec defines -> what it is (property, enum value, event type), from the whole document."""
    raw = yaml.load(SPEC.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    props: set[str] = set()
    enums: set[str] = set()
    _walk(raw, props, enums)
    names = dict.fromkeys(props, "property name")
    names.update(dict.fromkeys(enums - props, "enum value"))
    names.update(dict.fromkeys(raw.get("webhooks", {}), "event type"))
    return names


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the string expressions that are docstrings (of modules, classes, functions, attributes)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for statement in body:
            if (
                isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            ):
                found.add(id(statement.value))
    return found


def string_literals(source: str) -> Iterator[tuple[int, str]]:
    """(line, value) of every string constant of `source` that is not a docstring."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_the_spec_yields_names_to_look_for() -> None:
    names = spec_names()
    kinds = set(names.values())
    assert kinds == {"property name", "enum value", "event type"}
    assert names["amount"] == "property name" and names["payment_intent.succeeded"] == "event type"
    assert names["requires_capture"] == "enum value"


def test_the_scan_finds_what_it_must() -> None:
    """The scanner itself: a subscript, a keyword value and an f-string part are found; docstrings are not."""
    source = '"""status"""\nx = doc["status"]\nf(kind="succeeded")\ny = f"{a}amount"\n'
    assert sorted(value for _, value in string_literals(source)) == ["amount", "status", "succeeded"]


@pytest.mark.parametrize("module", BUSINESS_MODULES)
@pytest.mark.slow  # each case parses the whole spec: 12 x 0.3 s
def test_no_spec_name_is_written_as_a_string(module: str) -> None:
    names = spec_names()
    path = ROOT / "molam_sandbox" / f"{module}.py"
    found = [
        f"{path.name}:{line}: {value!r} is a {names[value]} of the spec"
        for line, value in string_literals(path.read_text(encoding="utf-8"))
        if value in names and value not in ALLOWED
    ]
    assert not found, "use the generated models / enums / EventType instead:\n" + "\n".join(found)
