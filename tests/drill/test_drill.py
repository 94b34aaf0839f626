"""The API team's drill, as tests: one realistic change to a copy of spec/molam.yaml per test, regenerated
into a temporary tree (`generator.codegen.generate.generate_tree`, what `make generate` runs), then what a user sees.

(a) an optional response field, (b) a new enum value parsed by the old model, (e) a parameter made required and
a response property removed: breaking, major, and passing once acknowledged, (f) a renamed method: breaking
by the SDK surface check, (g) a oneOf body with a discriminator and a nullable field, (h) a deprecated
operation: a DeprecationWarning at the caller's line. (Drills (c) and (d), a new resource and a new event
served by the sandbox, live with the sandbox engine.) User code runs in a fresh interpreter whose
`molam_sdk` is the regenerated one (tests/drill/harness.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import generator.specdiff.compare as specdiff
from generator import cli
from generator.specdiff.acks import apply_acks, parse_acks
from generator.specdiff.load import load_file
from generator.specdiff.rules import Severity
from generator.surface import compare as surface_diff
from tests.drill.harness import ROOT, SPEC, Spec, load_spec, operation, regenerate, run, schema


def compare(base: Spec, head: Spec) -> Any:
    """The spec comparison (looked up at call time: the oracle wraps it)."""
    return specdiff.compare(base, head)


pytestmark = pytest.mark.drill

#: A payout as the API sends it today: the spec's own example (whole, every required field).
PAYOUT: dict[str, Any] = load_spec()["components"]["examples"]["PayoutPendingOrangeMoney"]["value"]


def _payout(**changes: Any) -> dict[str, Any]:
    return {**PAYOUT, **changes}


@pytest.mark.slow
def test_a_optional_response_field(tmp_path: Path) -> None:
    """A new optional field: typed on the new model, absent from old payloads without any error."""

    def mutate(spec: Spec) -> None:
        schema(spec, "Payout")["properties"]["reference"] = {
            "type": "string",
            "description": "The operator's reference for the transfer.",
        }

    _, tree = regenerate(mutate, tmp_path)
    seen = run(
        tree,
        f"""
        import json, typing
        from molam_sdk.models import Payout
        from molam_sdk.types import Unset
        old = Payout.from_dict({_payout()!r})
        new = Payout.from_dict({_payout(reference="OM-778")!r})
        print(json.dumps({{
            "old_is_unset": isinstance(old.reference, Unset),
            "new": new.reference,
            "hint": str(typing.get_type_hints(Payout)["reference"]),
            "round_trip": new.to_dict()["reference"],
        }}))
        """,
    )
    assert seen == {"old_is_unset": True, "new": "OM-778", "hint": "str | molam_sdk.types.Unset",
                    "round_trip": "OM-778"}  # fmt: skip


@pytest.mark.slow
def test_b_new_enum_value_parsed_by_the_old_model(tmp_path: Path) -> None:
    """The server adds payout status `returned`: today's model keeps it; the regenerated one names it."""
    old = run(
        None,
        f"""
        import json
        from molam_sdk.models import Payout, PayoutStatus
        payout = Payout.from_dict({_payout(status="returned")!r})
        print(json.dumps({{
            "value": payout.status.value, "unknown": payout.status.is_unknown,
            "members": [m.value for m in PayoutStatus], "sent_back": payout.to_dict()["status"],
        }}))
        """,
    )
    assert old["value"] == "returned" and old["unknown"] is True and old["sent_back"] == "returned"
    assert "returned" not in old["members"]

    _, tree = regenerate(lambda spec: schema(spec, "PayoutStatus")["enum"].append("returned"), tmp_path)
    new = run(
        tree,
        f"""
        import json
        from molam_sdk.models import Payout, PayoutStatus
        payout = Payout.from_dict({_payout(status="returned")!r})
        print(json.dumps({{"is_member": payout.status is PayoutStatus.RETURNED, "unknown": payout.status.is_unknown}}))
        """,
    )
    assert new == {"is_member": True, "unknown": False}


WALLET_BENEFICIARY = {
    "type": "object",
    "description": "A Molam wallet that receives a payout.",
    "required": ["type", "wallet_id", "label"],
    "properties": {
        "type": {"type": "string", "const": "wallet", "description": "Always `wallet`."},
        "wallet_id": {"type": "string", "description": "The receiving wallet."},
        "label": {"type": ["string", "null"], "description": "A name shown to the receiver, or null."},
    },
}


def _add_wallet_beneficiary(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    schemas["WalletBeneficiary"] = WALLET_BENEFICIARY
    for owner in ("Payout", "CreatePayoutRequest"):
        union = schemas[owner]["properties"]["beneficiary"]
        union["oneOf"].append({"$ref": "#/components/schemas/WalletBeneficiary"})
        if "mapping" in union["discriminator"]:
            union["discriminator"]["mapping"]["wallet"] = "#/components/schemas/WalletBeneficiary"


@pytest.mark.slow
def test_g_one_of_body_with_a_discriminator_and_a_nullable_field(tmp_path: Path) -> None:
    """A third beneficiary kind, with a nullable label: dispatched by `type`, typed, sent and read back."""
    _, tree = regenerate(_add_wallet_beneficiary, tmp_path)
    seen = run(
        tree,
        f"""
        import inspect, json, typing
        from molam_sdk.models import Payout, WalletBeneficiary
        from molam_sdk.resources import payouts
        read = Payout.from_dict({_payout(beneficiary={"type": "wallet", "wallet_id": "wal_9", "label": None})!r})
        other = Payout.from_dict({_payout(beneficiary={"type": "crypto", "address": "x"})!r})
        request = payouts._create_request(
            origin_module="treasury", origin_entity_id="mer_1", amount=100, currency="XOF",
            beneficiary=WalletBeneficiary(type="wallet", wallet_id="wal_9", label=None), description=payouts.UNSET,
            metadata=payouts.UNSET, body=None,
        )
        print(json.dumps({{
            "read_type": type(read.beneficiary).__name__,
            "label": read.beneficiary.label,
            "round_trip": read.to_dict()["beneficiary"],
            "unknown_kept": other.beneficiary,
            "sent": request.json["beneficiary"],
            "label_hint": str(typing.get_type_hints(WalletBeneficiary)["label"]),
            "argument": str(inspect.signature(payouts.Payouts.create).parameters["beneficiary"].annotation),
        }}))
        """,
    )
    assert seen["read_type"] == "WalletBeneficiary" and seen["label"] is None
    assert seen["round_trip"] == {"type": "wallet", "wallet_id": "wal_9", "label": None}
    assert seen["unknown_kept"] == {"type": "crypto", "address": "x"}  # a newer kind stays a dict
    assert seen["sent"] == {
        "type": "wallet",
        "wallet_id": "wal_9",
        "label": None,
    }  # null is sent, not dropped
    assert seen["label_hint"] == "str | None"
    assert "WalletBeneficiary" in seen["argument"]


@pytest.mark.slow
def test_h_deprecated_operation_warns_at_the_callers_line(tmp_path: Path, sandbox: Any) -> None:
    """`deprecated: true` on retrieve: a DeprecationWarning naming the replacement, attributed to the user's
    own line (through the raw-response wrapper too), once per call site; the docstring says so."""

    def mutate(spec: Spec) -> None:
        op = operation(spec, "retrieve_payment_intent")
        op["deprecated"] = True
        op["description"] = "Use `molam.payment_intents.list` instead."

    _, tree = regenerate(mutate, tmp_path)
    seen = run(
        tree,
        f"""
        import json, warnings
        from molam_sdk_ext import Molam
        molam = Molam(api_key={sandbox.new_api_key()!r}, base_url={sandbox.url!r})
        intent = molam.payment_intents.create(amount=1000, currency="XOF")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("default")
            for _ in range(3):
                molam.payment_intents.retrieve(intent.id)  # one call site, three calls
            raw = molam.with_raw_response.payment_intents.retrieve(intent.id)
            molam.payment_intents.list(limit=1)  # not deprecated
        molam.close()
        print(json.dumps({{
            "warnings": [[w.category.__name__, str(w.message), w.filename, w.lineno] for w in caught],
            "status": raw.http_response.status_code,
            "doc": molam.payment_intents.retrieve.__doc__,
        }}))
        """,
    )
    assert seen["status"] == 200  # the call still works (the raw variant warns at its caller's line too)
    assert seen["warnings"] == [
        ["DeprecationWarning", "molam.payment_intents.retrieve() is deprecated: Use `molam.payment_intents.list`"
         " instead.", "<string>", 9],
        ["DeprecationWarning", "molam.payment_intents.retrieve() is deprecated: Use `molam.payment_intents.list`"
         " instead.", "<string>", 10],
    ]  # fmt: skip
    assert ".. deprecated:: Use `molam.payment_intents.list` instead." in seen["doc"]


@pytest.mark.slow
def test_h_deprecated_parameter_and_property_warn_when_used(tmp_path: Path, sandbox: Any) -> None:
    """A deprecated body field warns when given; a deprecated response property warns when the caller reads
    it (never when the SDK parses, serializes or prints the model); both say what to use instead."""

    def mutate(spec: Spec) -> None:
        note = {"deprecated": True, "description": "Use `metadata` instead."}
        schema(spec, "CreatePaymentIntentRequest")["properties"]["description"].update(note)
        schema(spec, "PaymentIntent")["properties"]["description"].update(note)

    _, tree = regenerate(mutate, tmp_path)
    seen = run(
        tree,
        f"""
        import json, warnings
        from molam_sdk_ext import Molam
        molam = Molam(api_key={sandbox.new_api_key()!r}, base_url={sandbox.url!r})
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("default")
            intent = molam.payment_intents.create(amount=1000, currency="XOF", description="order 7")
            quiet = molam.payment_intents.create(amount=1000, currency="XOF")  # not given: no warning
            text = repr(intent), intent.to_dict(), intent == quiet  # the SDK's own reads: no warning
            read = intent.description
        molam.close()
        print(json.dumps({{
            "warnings": [[str(w.message), w.filename, w.lineno] for w in caught],
            "read": read,
            "doc": type(intent).__doc__,
        }}))
        """,
    )
    assert seen["read"] == "order 7"
    assert seen["warnings"] == [
        ["molam.payment_intents.create(description=) is deprecated: Use `metadata` instead.", "<string>", 7],
        ["PaymentIntent.description is deprecated: Use `metadata` instead.", "<string>", 10],
    ]
    assert ".. deprecated:: Use `metadata` instead." in seen["doc"]


def _require_status_and_drop_description(spec: Spec) -> None:
    listing = operation(spec, "list_payouts")
    status = next(p for p in listing["parameters"] if isinstance(p, dict) and p.get("name") == "status")
    status["required"] = True
    payout = schema(spec, "Payout")
    del payout["properties"]["description"]
    payout["required"] = [name for name in payout["required"] if name != "description"]
    for example in spec["components"]["examples"].values():
        value = example.get("value")
        if isinstance(value, dict) and value.get("object") == "payout":
            value.pop("description", None)


@pytest.mark.slow
def test_e_required_parameter_and_removed_property_are_breaking_until_acknowledged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`payouts.list(status=)` made required and `Payout.description` removed: the report says breaking and
    major and CI fails; acknowledged (by pointer and by symbol) it passes, still major. The regenerated
    method really requires `status`."""
    spec_path, tree = regenerate(_require_status_and_drop_description, tmp_path)
    ack = tmp_path / "ack.yaml"
    ack.write_text("[]\n")
    args = ["--base", str(SPEC), "--head", str(spec_path), "--ack", str(ack), "--format", "json"]
    assert cli.breaking(args) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"] == "major"
    blocking = {
        (item["rule"], item["symbol"]) for item in report["findings"] if item["severity"] == "breaking"
    }
    assert blocking == {
        ("request-parameter-became-required", "molam.payouts.list(status=)"),
        ("response-property-removed", "Payout.description"),
        ("webhook-payload-property-removed", "Payout.description"),  # payout.paid carries a Payout
    }
    ack.write_text(
        yaml.safe_dump(
            [
                {"rule": "request-parameter-became-required", "symbol": "molam.payouts.list(status=)",
                 "reason": "drill: status filter is mandatory from 2026-01-01"},
                {"rule": "response-property-removed", "pointer": "/components/schemas/Payout/properties/description",
                 "reason": "drill: description moved to metadata"},
                {"rule": "webhook-payload-property-removed", "symbol": "Payout.description",
                 "reason": "drill: description moved to metadata"},
            ]
        )
    )  # fmt: skip
    assert cli.breaking(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"] == "major" and report["summary"]["unacknowledged_breaking"] == 0
    assert report["summary"]["acknowledged"] == 3

    seen = run(
        tree,
        """
        import inspect, json
        from molam_sdk.models import Payout
        from molam_sdk.resources.payouts import Payouts
        status = inspect.signature(Payouts.list).parameters["status"]
        print(json.dumps({"required": status.default is inspect.Parameter.empty,
                          "has_description": "description" in Payout.__attrs_attrs__.__dict__}))
        """,
    )
    assert seen == {"required": True, "has_description": False}


@pytest.mark.slow
def test_f_renamed_method_is_breaking_by_the_surface_check(tmp_path: Path) -> None:
    """`x-molam-method: cancel` -> `void`: the spec check names the operation renamed, and the SDK surface
    (the committed package against the regenerated one, each dumped from its own code) loses `cancel`."""

    def rename(spec: Spec) -> None:
        operation(spec, "cancel_payout")["x-molam-method"] = "void"

    spec_path, tree = regenerate(rename, tmp_path)
    before = surface_diff.dump_surface(ROOT, ("molam_sdk",))
    after = surface_diff.dump_surface(tree, ("molam_sdk",))
    found, unjudged = surface_diff.compare_surfaces(before, after)
    assert unjudged == []
    by_symbol = {item.symbol: (item.rule, item.severity) for item in found}
    for cls in ("Payouts", "AsyncPayouts"):
        assert by_symbol[f"molam_sdk.resources.payouts:{cls}.cancel"] == (
            "sdk-name-removed",
            Severity.BREAKING,
        )
        assert by_symbol[f"molam_sdk.resources.payouts:{cls}.void"] == ("sdk-name-added", Severity.INFO)
    assert {rule for rule, severity in by_symbol.values() if severity is Severity.BREAKING} == {
        "sdk-name-removed"
    }
    spec_findings = compare(load_file(SPEC).data, load_file(spec_path).data).findings
    assert [(item.rule, item.symbol) for item in spec_findings] == [
        ("operation-renamed", "molam.payouts.void")
    ]
    acks = parse_acks(
        [
            {
                "rule": "sdk-name-removed",
                "symbol": "molam_sdk.resources.payouts:*Payouts.cancel",
                "reason": "drill",
            }
        ]
    )
    marked, unused = apply_acks(tuple(found), acks)
    assert not unused and all(item.acknowledged for item in marked if item.severity is Severity.BREAKING)
