"""The breaking-change rule registry: literal ids, each tied to the check that reports it, and its page.

Grepping a rule id must find its registry line, and the registry line names its check: these tests prove the
check really names the rule, that no check assembles an id at run time, and that docs/BREAKING_RULES.md is
what the registry renders.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
from pathlib import Path

import pytest

from generator.specdiff.rules import REGISTRY, RULES, Area, Direction, Rule, SchemaChange, schema_rule
from generator.specdiff.rules_doc import RULES_DOC, render_rules_doc

ROOT = Path(__file__).resolve().parents[2]
#: The id prefixes of each area (operations have two: a whole path, or one operation of it).
PREFIXES = {
    Area.OPERATIONS: ("path-", "operation-"),
    Area.SECURITY: ("security-",),
    Area.REQUEST: ("request-",),
    Area.RESPONSE: ("response-",),
    Area.WEBHOOKS: ("webhook-",),
    Area.WEBHOOK_PAYLOAD: ("webhook-payload-",),
    Area.MODELS: ("model-",),
    Area.SDK: ("sdk-",),
}
#: The modules whose functions report findings.
CHECK_MODULES = sorted({rule.check.partition(":")[0] for rule in REGISTRY})


def _check_source(rule: Rule) -> str:
    module_name, _, qualname = rule.check.partition(":")
    target: object = importlib.import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part)
    assert inspect.isfunction(target), rule.check
    return textwrap.dedent(inspect.getsource(target))


def test_every_id_is_registered_once() -> None:
    assert len(RULES) == len(REGISTRY)


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda rule: rule.id)
def test_the_id_says_its_area(rule: Rule) -> None:
    others = [prefix for area, prefixes in PREFIXES.items() if area is not rule.area for prefix in prefixes]
    longest = max((p for p in (*PREFIXES[rule.area], *others) if rule.id.startswith(p)), key=len)
    assert longest in PREFIXES[rule.area]


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda rule: rule.id)
def test_the_check_names_the_rule(rule: Rule) -> None:
    source = _check_source(rule)
    named = f"SchemaChange.{rule.change.name}" if rule.change is not None else f'"{rule.id}"'
    assert named in source, f"{rule.check} does not name {named}"


def test_a_schema_rule_is_the_change_in_its_direction() -> None:
    found = {
        (change, direction): schema_rule(change, direction)
        for change in SchemaChange
        for direction in Direction
        if (change, direction.area) in {(rule.change, rule.area) for rule in REGISTRY}
    }
    assert {rule for rule in found.values()} == {rule.id for rule in REGISTRY if rule.change is not None}
    for (change, direction), rule_id in found.items():
        assert rule_id == f"{direction.value}-{change.value}"
    assert {change for change, _ in found} == set(SchemaChange)  # every change is reported somewhere


def test_an_unregistered_schema_change_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        schema_rule(SchemaChange.TYPE_WIDENED, Direction.RESPONSE)  # a read side never widens: type-changed


@pytest.mark.parametrize("module_name", CHECK_MODULES)
def test_no_check_assembles_a_rule_id(module_name: str) -> None:
    """`finding(...)` gets a registered literal (or a name bound to one), never an f-string or a sum."""
    tree = ast.parse(inspect.getsource(importlib.import_module(module_name)))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "finding" and node.args:
            rule = node.args[0]
            assert not isinstance(rule, ast.JoinedStr | ast.BinOp), f"{module_name}:{node.lineno}"
            if isinstance(rule, ast.Constant):
                assert rule.value in RULES, f"{module_name}:{node.lineno}: {rule.value!r}"


def test_the_rules_page_is_what_the_registry_renders() -> None:
    committed = (ROOT / RULES_DOC).read_text(encoding="utf-8")
    assert committed == render_rules_doc(), "docs/BREAKING_RULES.md is stale: run `make generate`"


def test_the_page_lists_every_rule_once() -> None:
    page = render_rules_doc()
    for rule in REGISTRY:
        assert page.count(f"| `{rule.id}` |") == 1, rule.id
