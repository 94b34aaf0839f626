"""The read-side rule set applies alike to webhook payloads and to models no operation reaches.

The same mutations run on PaymentIntentSucceededEvent (reached only through `webhooks`) and on
`Unused` (reached by nothing): each must give `webhook-payload-<kind>` / `model-<kind>` with the
severity of `response-<kind>`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from generator.specdiff.rules import RULES, Severity
from tests.breaking.builders import SCHEMAS, Spec, base_spec, diff, only, schema

PROPS: dict[str, Any] = {
    "count": {"type": "integer", "maximum": 10},
    "kind": {"type": "string", "enum": ["a", "b"]},
    "multi": {"type": ["integer", "string"]},
    "text": {"type": "string"},
    "maybe": {"type": ["string", "null"]},
    "choice": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
}

Mutation = Callable[[dict[str, Any]], None]

CASES: list[tuple[str, str, Severity, Mutation]] = [
    ("property-removed", "text", Severity.BREAKING, lambda t: t["properties"].pop("text")),
    (
        "property-added",
        "extra",
        Severity.INFO,
        lambda t: t["properties"].update({"extra": {"type": "string"}}),
    ),
    ("property-became-required", "text", Severity.INFO, lambda t: t["required"].append("text")),
    ("property-became-optional", "count", Severity.BREAKING, lambda t: t["required"].remove("count")),
    (
        "type-changed",
        "count",
        Severity.BREAKING,
        lambda t: t["properties"]["count"].update({"type": "string"}),
    ),
    ("type-narrowed", "multi", Severity.INFO, lambda t: t["properties"]["multi"].update({"type": "integer"})),
    (
        "became-nullable",
        "text",
        Severity.BREAKING,
        lambda t: t["properties"]["text"].update({"type": ["string", "null"]}),
    ),
    (
        "became-non-nullable",
        "maybe",
        Severity.INFO,
        lambda t: t["properties"]["maybe"].update({"type": "string"}),
    ),
    (
        "format-changed",
        "text",
        Severity.BREAKING,
        lambda t: t["properties"]["text"].update({"format": "date-time"}),
    ),
    (
        "format-compatible-change",
        "text",
        Severity.INFO,
        lambda t: t["properties"]["text"].update({"format": "email"}),
    ),
    ("enum-value-removed", "kind", Severity.INFO, lambda t: t["properties"]["kind"].update({"enum": ["a"]})),
    (
        "enum-value-added",
        "kind",
        Severity.WARNING,
        lambda t: t["properties"]["kind"].update({"enum": ["a", "b", "c"]}),
    ),
    ("enum-restricted", "text", Severity.INFO, lambda t: t["properties"]["text"].update({"enum": ["x"]})),
    ("enum-unrestricted", "kind", Severity.WARNING, lambda t: t["properties"]["kind"].pop("enum")),
    (
        "constraint-narrowed",
        "count",
        Severity.INFO,
        lambda t: t["properties"]["count"].update({"maximum": 5}),
    ),
    (
        "constraint-widened",
        "count",
        Severity.WARNING,
        lambda t: t["properties"]["count"].update({"maximum": 20}),
    ),
    ("variant-removed", "choice", Severity.INFO, lambda t: t["properties"]["choice"]["oneOf"].pop()),
    (
        "variant-added",
        "choice",
        Severity.WARNING,
        lambda t: t["properties"]["choice"]["oneOf"].append({"type": "boolean"}),
    ),
]


def _prepared(target: str) -> Spec:
    spec = base_spec()
    model = schema(spec, target)
    model["properties"].update(PROPS)
    model.setdefault("required", []).append("count")
    return spec


@pytest.mark.parametrize(
    ("target", "prefix"), [("PaymentIntentSucceededEvent", "webhook-payload"), ("Unused", "model")]
)
@pytest.mark.parametrize(("kind", "prop", "severity", "mutate"), CASES, ids=[case[0] for case in CASES])
def test_read_side_rule(
    target: str, prefix: str, kind: str, prop: str, severity: Severity, mutate: Mutation
) -> None:
    assert RULES[f"response-{kind}"].severity is severity  # the same rule set as responses
    item = only(diff(lambda s: mutate(schema(s, target)), base=_prepared(target)), f"{prefix}-{kind}")
    assert item.severity is severity
    assert item.symbol == f"{target}.{prop}"
    where = f"{SCHEMAS}/{target}/properties/{prop}"
    pointers = [pointer for pointer in (item.base_pointer, item.head_pointer) if pointer is not None]
    assert pointers and all(pointer.startswith(where) for pointer in pointers)
    if prefix == "model":
        assert item.operations == ()
    else:
        assert [ref.path for ref in item.operations] == ["payment_intent.succeeded"]
