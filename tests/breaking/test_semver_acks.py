"""The semver verdict and acknowledgements."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.specdiff.acks import AckError, Acknowledgement, apply_acks, load_acks, parse_acks
from generator.specdiff.findings import finding
from generator.specdiff.rules import RULES, Bump, Severity
from tests.breaking.builders import SCHEMAS, Spec, diff, schema

REPO = Path(__file__).resolve().parents[2]


def test_identical_specs_need_no_release() -> None:
    result = diff(lambda s: None)
    assert result.findings == ()
    assert result.verdict is Bump.NONE


def test_documentation_only_change_is_a_patch() -> None:
    result = diff(lambda s: schema(s, "PaymentIntent").update({"description": "Reworded."}))
    assert result.findings == ()
    assert result.verdict is Bump.PATCH


def test_additions_are_minor_and_any_breaking_change_is_major() -> None:
    def add(s: Spec) -> None:
        schema(s, "PaymentIntent")["properties"]["receipt_email"] = {"type": "string"}

    assert diff(add).verdict is Bump.MINOR

    def add_and_break(s: Spec) -> None:
        add(s)
        schema(s, "PaymentIntent")["properties"].pop("created")

    assert diff(add_and_break).verdict is Bump.MAJOR


def test_every_rule_has_a_severity_and_bump_and_breaking_means_major() -> None:
    for rule, spec in RULES.items():
        assert spec.summary, rule
        assert (spec.severity is Severity.BREAKING) == (spec.bump is Bump.MAJOR), rule


def test_ack_by_pointer_marks_the_finding() -> None:
    result = diff(lambda s: schema(s, "PaymentIntent")["properties"].pop("created"))
    ack = Acknowledgement(
        rule="response-property-removed",
        pointer=f"{SCHEMAS}/PaymentIntent/properties/created",
        reason="v2 launch",
    )
    findings, unused = apply_acks(result.findings, [ack])
    acked = [item for item in findings if item.acknowledged]
    assert [item.rule for item in acked] == ["response-property-removed"]
    assert acked[0].ack_reason == "v2 launch"
    assert unused == []
    # the webhook finding at the same pointer has another rule id: still unacknowledged
    assert any(item.rule == "webhook-payload-property-removed" and not item.acknowledged for item in findings)


def test_ack_by_symbol_and_unused_acks() -> None:
    result = diff(lambda s: schema(s, "PaymentIntent")["properties"].pop("created"))
    acks = [
        Acknowledgement(rule="webhook-payload-property-removed", symbol="PaymentIntent.created", reason="ok"),
        Acknowledgement(rule="operation-removed", symbol="molam.payment_intents.list", reason="stale"),
    ]
    findings, unused = apply_acks(result.findings, acks)
    assert [item.rule for item in findings if item.acknowledged] == ["webhook-payload-property-removed"]
    assert [ack.reason for ack in unused] == ["stale"]


def test_ack_file_shapes() -> None:
    entry = {"rule": "model-removed", "symbol": "Unused", "reason": "dead"}
    assert parse_acks([entry]) == parse_acks({"acknowledged": [entry]})
    assert parse_acks(None) == [] and parse_acks({"acknowledged": None}) == []


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"rule": "no-such-rule", "symbol": "X", "reason": "r"}, "unknown rule"),
        ({"rule": "model-removed", "symbol": "X"}, "reason"),
        ({"rule": "model-removed", "symbol": "X", "reason": "  "}, "reason"),
        ({"rule": "model-removed", "reason": "r"}, "pointer or a symbol"),
        ({"rule": "model-removed", "pointer": "components/x", "reason": "r"}, "JSON pointer"),
        ({"rule": "model-removed", "symbol": "X", "reason": "r", "extra": 1}, "unknown keys"),
        ("model-removed", "mapping"),
    ],
)
def test_malformed_ack_entries_are_rejected(entry: object, message: str) -> None:
    with pytest.raises(AckError, match=message):
        parse_acks([entry])


def test_committed_ack_file_is_valid() -> None:
    path = REPO / "spec" / "breaking-acknowledged.yaml"
    assert path.is_file()
    load_acks(path)  # raises on a malformed entry
    assert isinstance(yaml.safe_load(path.read_text()), list | dict | None)


def test_a_symbol_pattern_acknowledges_every_name_it_matches() -> None:
    """A moved module's names are acknowledged by one pattern (`*` matches any run of characters)."""
    ack = Acknowledgement(rule="sdk-module-removed", reason="moved", symbol="molam_sdk.api.*")
    moved = finding("sdk-module-removed", "public module removed", None, None, "molam_sdk.api.payouts.create")
    other = finding("sdk-module-removed", "public module removed", None, None, "molam_sdk.apis")
    assert ack.matches(moved) and not ack.matches(other)
    exact = Acknowledgement(rule="sdk-name-removed", reason="r", symbol="molam_sdk.errors:UnexpectedStatus")
    named = finding("sdk-name-removed", "class removed", None, None, "molam_sdk.errors:UnexpectedStatus")
    assert exact.matches(named) and not exact.matches(replace(named, symbol="molam_sdk.errors:Unexpected"))
