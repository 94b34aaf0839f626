"""The changelog in users' terms (generator/release/changelog.py), from real comparisons of spec revisions."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from generator.release.changelog import (
    NOTES_HINT,
    ApiNames,
    Category,
    Change,
    SectionInfo,
    categorize,
    render_section,
    unreleased_notes,
    with_release,
)
from generator.specdiff.acks import apply_acks, parse_acks
from generator.specdiff.compare import compare

# Parsed at import, so in every pytest-xdist worker: libyaml's loader (the same safe constructors), as the other
# test modules reading the spec use, instead of PyYAML's pure-Python one (1 s of CPU per worker).
SPEC: dict[str, Any] = yaml.load(
    (Path(__file__).resolve().parents[2] / "spec" / "molam.yaml").read_bytes(), Loader=yaml.CSafeLoader
)
INFO = SectionInfo("2.0.0", "2026-12-06", "2026-01-01", "2025-01-15", "v1.4.0")


def changes(head: dict[str, Any], acks: list[dict[str, str]] | None = None) -> list[Change]:
    """What the release reads: the comparison's findings in their JSON form."""
    findings, _ = apply_acks(compare(SPEC, head).findings, parse_acks(acks or []))
    return [Change.from_json(item.to_json()) for item in findings]


def payout_changes() -> dict[str, Any]:
    head: dict[str, Any] = copy.deepcopy(SPEC)
    payout = head["components"]["schemas"]["Payout"]
    payout["properties"]["reference"] = {"type": ["string", "null"], "description": "Your reference."}
    del payout["properties"]["arrival_date"]
    payout["required"].remove("arrival_date")
    head["components"]["schemas"]["PayoutStatus"]["enum"].append("returned")
    listing = head["paths"]["/v1/treasury/payouts"]["get"]
    listing["parameters"].append({"name": "currency", "in": "query", "schema": {"type": "string"}})
    head["paths"]["/v1/treasury/payouts/{id}/cancel"]["post"]["deprecated"] = True
    return head


ACK = {
    "rule": "response-property-removed",
    "symbol": "Payout.arrival_date",
    "reason": "read `Payout.expected_at` instead",
}
ACK_WEBHOOK = {**ACK, "rule": "webhook-payload-property-removed"}


def test_lines_name_the_python_symbol_the_operations_and_the_migration() -> None:
    section = render_section(INFO, changes(payout_changes(), [ACK, ACK_WEBHOOK]))
    lines = section.splitlines()
    assert lines[0] == "## 2.0.0 - 2026-12-06"
    assert lines[2] == (
        "API version `2026-01-01` (the default `Molam-Version`), was `2025-01-15`. Changes since v1.4.0."
    )
    # the payout operations, then the payout webhooks carrying the field
    ops = "GET /v1/treasury/payouts, POST /v1/treasury/payouts, GET /v1/treasury/payouts/{id}, +5 more"
    assert (
        f"- `Payout.arrival_date`: field removed ({ops}). Migration: read `Payout.expected_at` instead."
        in lines
    )
    assert "- `molam.payouts.cancel()`: deprecated (POST /v1/treasury/payouts/{id}/cancel)." in lines
    assert "- `molam.payouts.list(currency=...)`: new optional argument (GET /v1/treasury/payouts)." in lines
    assert f"- `Payout.reference`: new field ({ops})." in lines
    assert (
        f"- `PayoutStatus.RETURNED`: new value ({ops}). Code that handles every value should expect it."
        in lines
    )
    headings = [line for line in lines if line.startswith("### ")]
    assert headings == ["### Breaking", "### Deprecated", "### Added"]
    # the response and the webhook-payload findings about one field share one line, naming both
    grouped = categorize(changes(payout_changes(), [ACK, ACK_WEBHOOK]))
    (removed,) = grouped[Category.BREAKING]
    assert removed.operations[-4:] == [
        "webhook payout.canceled",
        "webhook payout.failed",
        "webhook payout.in_transit",
        "webhook payout.paid",
    ]


def test_request_fields_are_the_call_and_deprecations_name_their_replacement() -> None:
    """With the specs' names, a field of a request body model is the keyword argument users pass, a type
    change is told in Python types, and a deprecated method's line quotes the sentence naming what to use
    (the DeprecationWarning's)."""
    head: dict[str, Any] = copy.deepcopy(SPEC)
    schemas = head["components"]["schemas"]
    schemas["CreatePayoutRequest"]["properties"]["reference"] = {"type": "string", "description": "Yours."}
    schemas["Payout"]["properties"]["created"] = {
        "type": "string",
        "format": "date-time",
        "description": "When.",
    }
    cancel = head["paths"]["/v1/treasury/payouts/{id}/cancel"]["post"]
    cancel.update(deprecated=True, description="Cancel a payout. Use `molam.payouts.reverse()` instead.")
    found = changes(head)
    lines = render_section(INFO, found, names=ApiNames.from_specs(SPEC, head)).splitlines()
    assert (
        "- `molam.payouts.create(reference=...)`: new optional argument (POST /v1/treasury/payouts)." in lines
    )
    assert (
        "- `molam.payouts.cancel()`: deprecated (POST /v1/treasury/payouts/{id}/cancel). "
        "Use `molam.payouts.reverse()` instead."
    ) in lines
    (created,) = [line for line in lines if line.startswith("- `Payout.created`")]
    assert created.startswith("- `Payout.created`: type changed from `int` to `datetime.datetime` (GET ")
    # Without the specs (a report alone), the finding's own symbol and words.
    plain = render_section(INFO, found).splitlines()
    assert "- `CreatePayoutRequest.reference`: new optional argument (POST /v1/treasury/payouts)." in plain
    assert "- `molam.payouts.cancel()`: deprecated (POST /v1/treasury/payouts/{id}/cancel)." in plain


def sdk(rule: str, symbol: str, message: str, severity: str = "info") -> Change:
    """An SDK surface finding as the report's JSON carries it."""
    bump = "major" if severity == "breaking" else "minor"
    return Change(rule, severity, bump, message, symbol, source="sdk")


def test_sdk_surface_findings_read_as_calls_sync_and_async_on_one_line() -> None:
    found = [
        sdk("sdk-optional-argument-added", "molam_sdk.resources.payouts:Payouts.list(expand=)", "optional argument 'expand' added"),
        sdk("sdk-optional-argument-added", "molam_sdk.resources.payouts:AsyncPayouts.list(expand=)", "optional argument 'expand' added"),
        sdk("sdk-name-added", "molam_sdk.resources.payouts:PayoutsWithRawResponse.reverse", "method added"),
        sdk("sdk-name-removed", "molam_sdk.models:Payout.legacy_id", "field removed", "breaking"),
        sdk("sdk-name-added", "molam_sdk_ext.money:exponent", "function added"),
    ]  # fmt: skip
    rendered = [entry.render() for entries in categorize(found).values() for entry in entries]
    assert rendered == [
        "- `Payout.legacy_id`: field removed. (Not acknowledged: the release refuses until "
        "spec/breaking-acknowledged.yaml says why.)",
        "- `molam.payouts.list(expand=...)`: new optional argument.",
        "- `molam.with_raw_response.payouts.reverse()`: new method.",  # nothing else names it
        "- `molam_sdk_ext.money.exponent()`: new function.",
    ]


def test_sdk_findings_fold_into_the_spec_line_naming_the_same_change() -> None:
    """The raw-response variant and the sync and async methods of a new spec method, the module of a new
    model: one line each, the spec's; a breaking SDK finding never hides on an Added line."""
    head: dict[str, Any] = copy.deepcopy(SPEC)
    head["components"]["schemas"]["Dispute"] = {"type": "object", "properties": {"id": {"type": "string"}}}
    head["paths"]["/v1/treasury/payouts/{id}/reverse"] = copy.deepcopy(
        head["paths"]["/v1/treasury/payouts/{id}/cancel"]
    )
    head["paths"]["/v1/treasury/payouts/{id}/reverse"]["post"].update(
        operationId="reverse_payout", **{"x-molam-method": "reverse"}
    )
    found = [
        *changes(head),
        sdk("sdk-name-added", "molam_sdk.resources.payouts:Payouts.reverse", "method added"),
        sdk("sdk-name-added", "molam_sdk.resources.payouts:AsyncPayouts.reverse", "async method added"),
        sdk("sdk-name-added", "molam_sdk.resources.payouts:PayoutsWithRawResponse.reverse", "method added"),
        sdk("sdk-module-added", "molam_sdk.models.dispute", "public module added"),
        sdk("sdk-type-changed", "molam_sdk.resources.payouts:Payouts.reverse", "return type changed", "breaking"),
    ]  # fmt: skip
    lines = render_section(INFO, found).splitlines()
    reverse = "- `molam.payouts.reverse()`: new method (POST /v1/treasury/payouts/{id}/reverse)."
    assert lines[lines.index("### Added") + 2 :] == [reverse, "- `Dispute`: new model."]
    assert lines[lines.index("### Breaking") + 2].startswith(
        "- `molam.payouts.reverse()`: return type changed."
    )


def test_an_unacknowledged_breaking_change_says_so() -> None:
    section = render_section(INFO, changes(payout_changes()))
    assert (
        "(Not acknowledged: the release refuses until spec/breaking-acknowledged.yaml says why.)" in section
    )


def test_new_resources_events_and_models_read_as_users_meet_them() -> None:
    head: dict[str, Any] = copy.deepcopy(SPEC)
    head["paths"]["/v1/disputes/{id}/close"] = {
        "post": {
            "operationId": "close_dispute",
            "tags": ["Disputes"],
            "x-molam-method": "close",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Dispute"}}},
                }
            },
        }
    }
    head["components"]["schemas"]["Dispute"] = {"type": "object", "properties": {"id": {"type": "string"}}}
    head["webhooks"]["dispute.created"] = copy.deepcopy(head["webhooks"]["payout.paid"])
    lines = render_section(INFO, changes(head)).splitlines()
    assert "- `molam.disputes.close()`: new method (POST /v1/disputes/{id}/close)." in lines
    assert "- `Dispute`: new model." in lines
    assert "- `PayoutPaidEvent`: new webhook event `dispute.created`." in lines


def test_a_finding_of_a_rule_it_does_not_know_is_placed_by_severity_and_told_by_its_message() -> None:
    """The SDK-surface comparison's findings flow through without a change here."""
    surface = Change(
        rule="surface-method-renamed",
        severity="breaking",
        bump="major",
        message="`molam.payouts.reverse()` was renamed `molam.payouts.cancel()`",
        symbol="molam.payouts.reverse",
        acknowledged=True,
        ack_reason="call `molam.payouts.cancel()`",
    )
    added = Change("surface-function-added", "info", "minor", "new helper", "molam_sdk_ext.money.exponent")
    grouped = categorize([surface, added])
    assert grouped[Category.BREAKING][0].render() == (
        "- `molam.payouts.reverse`: `molam.payouts.reverse()` was renamed `molam.payouts.cancel()`. "
        "Migration: call `molam.payouts.cancel()`."
    )
    assert grouped[Category.ADDED][0].render() == "- `molam_sdk_ext.money.exponent`: new helper."


def test_no_change_is_said_plainly() -> None:
    assert "No change to the API the spec describes." in render_section(INFO, [])


def test_hand_written_notes_move_into_the_release_and_old_sections_stay() -> None:
    text = (
        "# Changelog\n\nOur intro.\n\n## Unreleased\n\n"
        f"{NOTES_HINT}\n\nDisputes are here: see the guide.\n\n"
        "## 1.4.0 - 2026-01-01\n\nAPI version `2025-01-15`.\n\n### Added\n\n- `x`: hand-edited line.\n"
    )
    notes = unreleased_notes(text)
    assert notes == "Disputes are here: see the guide."
    updated = with_release(text, render_section(INFO, [], notes))
    assert updated.startswith("# Changelog\n\nOur intro.\n\n## Unreleased\n\n" + NOTES_HINT + "\n\n## 2.0.0")
    assert unreleased_notes(updated) == ""
    new, old = updated.split("## 1.4.0")
    assert "Disputes are here: see the guide.\n\nNo change" in new  # the notes, above the generated part
    assert "## 1.4.0" + old == text[text.index("## 1.4.0") :]  # released sections are never rewritten


def test_a_missing_changelog_gets_the_standard_preamble() -> None:
    created = with_release("", render_section(INFO, []))
    assert created.startswith("# Changelog\n\nEvery release of `molam-sdk` and `molam-sandbox`")
    assert "\n## Unreleased\n" in created and "\n## 2.0.0 - 2026-12-06\n" in created


def test_findings_of_a_nested_report_section_count_too() -> None:
    """The release reads `findings` and any section's `findings` (where SDK-surface findings may go)."""
    from generator.release.cut import parse_report
    from generator.specdiff.rules import Bump

    finding = {
        "rule": "operation-added",
        "severity": "info",
        "bump": "minor",
        "message": "added",
        "symbol": "molam.disputes.list",
        "operations": [],
    }
    surface = {**finding, "rule": "surface-removed", "severity": "breaking", "bump": "major"}
    report = parse_report(
        {"verdict": "minor", "findings": [finding], "surface": {"findings": [surface]}, "base": "v1.0.0"}
    )
    assert report.verdict is Bump.MAJOR
    assert [change.rule for change in report.changes] == ["operation-added", "surface-removed"]
    assert [change.rule for change in report.blocking] == ["surface-removed"]
