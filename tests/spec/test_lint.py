"""generator/lint/linter.py: the real spec is clean, and each rule fires, at the right JSON pointer, on a broken copy."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import cli
from generator.lint import linter as lint
from tests.support.spec import SPEC_PATH, LintRun

Spec = dict[str, Any]
Mutation = Callable[[Spec], None]

EVENTS = "/paths/~1v1~1events/get"
EVENT = "/paths/~1v1~1events~1{id}/get"
CREATE_REFUND = "/paths/~1v1~1connect~1refunds/post"
CREATE_PI = "/paths/~1v1~1connect~1payment_intents/post"
JSON = "content/application~1json"


def _op(spec: Spec, path: str, method: str) -> dict[str, Any]:
    operation: dict[str, Any] = spec["paths"][path][method]
    return operation


def _drop_param(spec: Spec, path: str, method: str, component: str) -> None:
    operation = _op(spec, path, method)
    ref = f"#/components/parameters/{component}"
    operation["parameters"] = [p for p in operation["parameters"] if p.get("$ref") != ref]


def _drop_responses(spec: Spec, path: str, method: str, first_digit: str) -> None:
    responses = _op(spec, path, method)["responses"]
    for code in [c for c in responses if str(c).startswith(first_digit)]:
        del responses[code]


def _example(spec: Spec, name: str) -> dict[str, Any]:
    value: dict[str, Any] = spec["components"]["examples"][name]["value"]
    return value


def _set_orphan_chain(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    schemas["Orphan"] = {"type": "object", "properties": {"lonely": {"$ref": "#/components/schemas/Lonely"}}}
    schemas["Lonely"] = {"type": "string"}


# (rule id, mutation, the JSON pointer the violation must be reported at)
CASES: list[tuple[str, Mutation, str]] = [
    ("openapi-invalid", lambda s: s["info"].pop("title"), "/info"),
    ("info-version-string", lambda s: s["info"].update(version=datetime.date(2025, 1, 15)), "/info/version"),
    (
        "ref-unresolved",
        lambda s: s["components"]["schemas"]["Payout"]["properties"]["status"].update(
            {"$ref": "#/components/schemas/PayoutStat"}
        ),
        "/components/schemas/Payout/properties/status/$ref",
    ),
    (
        "ref-cycle",
        lambda s: s["components"]["schemas"]["Payout"]["properties"]["status"].update(
            {"$ref": "#/components/schemas/Payout/properties/status"}
        ),
        "/components/schemas/Payout/properties/status",
    ),
    ("operation-id-missing", lambda s: _op(s, "/v1/events", "get").pop("operationId"), EVENTS),
    (
        "operation-id-format",
        lambda s: _op(s, "/v1/events", "get").update(operationId="listEvents"),
        f"{EVENTS}/operationId",
    ),
    (
        "operation-id-duplicate",
        lambda s: _op(s, "/v1/events/{id}", "get").update(operationId="list_events"),
        f"{EVENT}/operationId",
    ),
    ("tag-count", lambda s: _op(s, "/v1/events", "get").update(tags=["Events", "Charges"]), f"{EVENTS}/tags"),
    ("tag-count", lambda s: _op(s, "/v1/events", "get").pop("tags"), EVENTS),
    ("tag-undeclared", lambda s: _op(s, "/v1/events", "get").update(tags=["Evnts"]), f"{EVENTS}/tags/0"),
    ("summary-missing", lambda s: _op(s, "/v1/events", "get").pop("summary"), EVENTS),
    ("molam-method-missing", lambda s: _op(s, "/v1/events", "get").pop("x-molam-method"), EVENTS),
    (
        "molam-method-format",
        lambda s: _op(s, "/v1/events", "get").update({"x-molam-method": "List"}),
        f"{EVENTS}/x-molam-method",
    ),
    (
        "molam-method-duplicate",
        lambda s: _op(s, "/v1/events/{id}", "get").update({"x-molam-method": "list"}),
        f"{EVENT}/x-molam-method",
    ),
    (
        "molam-version-header",
        lambda s: _drop_param(s, "/v1/events", "get", "MolamVersion"),
        f"{EVENTS}/parameters",
    ),
    (
        "post-idempotency-key",
        lambda s: _drop_param(s, "/v1/connect/refunds", "post", "IdempotencyKey"),
        f"{CREATE_REFUND}/parameters",
    ),
    (
        "post-idempotent-replayed",
        lambda s: _op(s, "/v1/connect/refunds", "post")["responses"]["200"]["headers"].pop(
            "Idempotent-Replayed"
        ),
        f"{CREATE_REFUND}/responses/200/headers",
    ),
    (
        "response-request-id",
        lambda s: s["components"]["responses"]["NotFound"]["headers"].pop("Molam-Request-Id"),
        "/components/responses/NotFound/headers",
    ),
    ("responses-4xx", lambda s: _drop_responses(s, "/v1/events", "get", "4"), f"{EVENTS}/responses"),
    ("responses-5xx", lambda s: _drop_responses(s, "/v1/events", "get", "5"), f"{EVENTS}/responses"),
    (
        "webhook-signature-header",
        lambda s: s["webhooks"]["payout.paid"]["post"].pop("parameters"),
        "/webhooks/payout.paid/post",
    ),
    (
        "example-missing",
        lambda s: _op(s, "/v1/events", "get")["responses"]["200"]["content"]["application/json"].pop(
            "examples"
        ),
        f"{EVENTS}/responses/200/{JSON}",
    ),
    (
        "example-missing",
        lambda s: _op(s, "/v1/connect/refunds", "post")["requestBody"]["content"]["application/json"].pop(
            "examples"
        ),
        f"{CREATE_REFUND}/requestBody/{JSON}",
    ),
    (
        "example-invalid",
        lambda s: _example(s, "PaymentIntentSucceeded").update(amount="15000"),
        "/components/examples/PaymentIntentSucceeded/value/amount",
    ),
    (
        "example-invalid",
        lambda s: _example(s, "PaymentIntentSucceeded").pop("livemode"),
        "/components/examples/PaymentIntentSucceeded/value",
    ),
    (
        "example-invalid",
        lambda s: _op(s, "/v1/connect/payment_intents", "post")["requestBody"]["content"]["application/json"][
            "examples"
        ]["xof_automatic"]["value"].update(amount=0),
        f"{CREATE_PI}/requestBody/{JSON}/examples/xof_automatic/value/amount",
    ),
    (
        "example-invalid",
        lambda s: _example(s, "PayoutPaidWave")["beneficiary"].update(msisdn="0771234567"),
        "/components/examples/PayoutPaidWave/value/beneficiary/msisdn",
    ),
    (
        "example-invalid",
        lambda s: _example(s, "PaymentIntentSucceeded").update(return_url="boutique-teranga.sn/checkout"),
        "/components/examples/PaymentIntentSucceeded/value/return_url",
    ),
    (
        "example-invalid",
        lambda s: s["components"]["parameters"]["Limit"].update(example=500),
        "/components/parameters/Limit/example",
    ),
    (
        "example-unknown-property",
        lambda s: _example(s, "PaymentIntentSucceeded").update(ammount=15000),
        "/components/examples/PaymentIntentSucceeded/value/ammount",
    ),
    (
        "example-unknown-property",
        lambda s: _example(s, "PayoutPaidWave")["beneficiary"].update(phone="+221781234567"),
        "/components/examples/PayoutPaidWave/value/beneficiary/phone",
    ),
    (
        "id-prefix-missing",
        lambda s: s["components"]["schemas"]["PaymentIntent"].pop("x-molam-id-prefix"),
        "/components/schemas/PaymentIntent",
    ),
    (
        "id-prefix-missing",
        lambda s: s["components"]["schemas"]["Charge"].update({"x-molam-id-prefix": "chg_"}),
        "/components/schemas/Charge/properties/id/pattern",
    ),
    ("schema-unused", _set_orphan_chain, "/components/schemas/Orphan"),
    ("schema-unused", _set_orphan_chain, "/components/schemas/Lonely"),
    (
        "component-unused",
        lambda s: s["components"]["examples"].update(Orphan={"value": {"object": "list"}}),
        "/components/examples/Orphan",
    ),
    (
        "deprecated-without-replacement",
        lambda s: _op(s, "/v1/events", "get").update(deprecated=True),
        EVENTS,
    ),
    (
        "deprecated-without-replacement",
        lambda s: s["components"]["schemas"]["Payout"]["properties"]["description"].update(
            deprecated=True, description="Going away."
        ),
        "/components/schemas/Payout/properties/description",
    ),
    (
        "event-type-enum",
        lambda s: s["components"]["schemas"]["EventType"]["enum"].remove("payout.paid"),
        "/components/schemas/EventType/enum",
    ),
]


@pytest.mark.slow  # lints the whole spec, as the others marked slow here
def test_real_spec_lints_clean(
    spec: Spec, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SPEC_PATH.parents[1])
    status = cli.lint([])  # the default spec
    out = capsys.readouterr().out.splitlines()
    assert status == 0, "\n".join(out)
    assert len(out) == 1
    operations = sum(1 for item in spec["paths"].values() for method in item if method in lint.HTTP_METHODS)
    assert out[0].startswith(
        f"spec/molam.yaml: OK - {operations} operations, {len(spec['webhooks'])} webhooks, "
    )


@pytest.mark.slow  # lints the whole spec, as the others marked slow here
def test_copy_written_as_yaml_lints_clean(spec: Spec, run_lint: Callable[[Spec], LintRun]) -> None:
    # The fixtures below rely on a round trip through yaml.safe_dump changing nothing that matters.
    status, out = run_lint(spec)
    assert status == 0, "\n".join(out)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("rule", "mutate", "where"), [pytest.param(*case, id=f"{case[0]}@{case[2]}") for case in CASES]
)
def test_rule_fires_at_pointer(
    spec: Spec, run_lint: Callable[[Spec], LintRun], rule: str, mutate: Mutation, where: str
) -> None:
    mutate(spec)
    status, out = run_lint(spec)
    assert status == 1
    assert any(line.startswith(f"{where}: {rule}: ") for line in out), "\n".join(out)
    assert out[-1].endswith(")") and "violation" in out[-1]


@pytest.mark.slow
def test_schema_is_unused_only_once_its_last_reference_goes(spec: Spec) -> None:
    def unused() -> list[str]:
        return [v.pointer for v in lint.lint_spec(spec).violations if v.rule == "schema-unused"]

    spec["components"]["schemas"]["Payout"]["properties"].pop("origin_module")
    assert unused() == []  # CreatePayoutRequest still uses OriginModule
    spec["components"]["schemas"]["CreatePayoutRequest"]["properties"].pop("origin_module")
    assert unused() == ["/components/schemas/OriginModule"]


def test_every_rule_has_a_firing_case() -> None:
    covered = {rule for rule, _, _ in CASES} | {"yaml-invalid"}
    assert covered == set(lint.RULES)


@pytest.mark.slow  # lints the whole spec: about 1 s
def test_violations_of_a_shared_component_are_reported_once(spec: Spec) -> None:
    spec["components"]["responses"]["NotFound"]["headers"].pop("Molam-Request-Id")
    violations = lint.lint_spec(spec).violations
    assert [(v.pointer, v.rule) for v in violations] == [
        ("/components/responses/NotFound/headers", "response-request-id")
    ]


@pytest.mark.slow
def test_unquoted_date_version_is_reported_without_crashing(tmp_path: Path) -> None:
    text = SPEC_PATH.read_text(encoding="utf-8").replace('version: "2025-01-15"', "version: 2025-01-15", 1)
    path = tmp_path / "molam.yaml"
    path.write_text(text, encoding="utf-8")
    result = lint.lint_spec(lint.load_spec(path))
    assert [(v.pointer, v.rule) for v in result.violations] == [("/info/version", "info-version-string")]


@pytest.mark.parametrize("text", ["openapi: [3.1.0\n", "- just\n- a list\n"])
def test_yaml_that_is_not_a_mapping(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli.lint(["--spec", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(": yaml-invalid: ")


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.lint(["--spec", str(tmp_path / "nope.yaml")]) == 2
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.slow
def test_every_violation_is_printed(spec: Spec, run_lint: Callable[[Spec], LintRun]) -> None:
    _op(spec, "/v1/events", "get").pop("summary")
    _op(spec, "/v1/events/{id}", "get").pop("summary")
    _example(spec, "PaymentIntentSucceeded").update(amount=0)
    status, out = run_lint(spec)
    assert status == 1
    # In the order found: operations in document order, each with its examples.
    assert out == [
        "/components/examples/PaymentIntentSucceeded/value/amount: example-invalid: "
        "0 is less than the minimum of 1 [schema /components/schemas/PaymentIntent]",
        f"{EVENTS}: summary-missing: operation has no summary",
        f"{EVENT}: summary-missing: operation has no summary",
        out[-1],
    ]
    assert out[-1].startswith(f"{out[-1].split(':')[0]}: 3 violations (")


def test_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.lint(["--list-rules"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == list(lint.RULES)


def test_pointer_escapes_rfc6901() -> None:
    assert lint.pointer("paths", "/v1/a~b", 200) == "/paths/~1v1~1a~0b/200"


@pytest.mark.slow
def test_a_deprecation_naming_its_replacement_passes(spec: Spec) -> None:
    prop = spec["components"]["schemas"]["Payout"]["properties"]["description"]
    prop.update(deprecated=True, description="Use `metadata` instead.")
    _op(spec, "/v1/events", "get").update(deprecated=True, description="Replaced by `molam.events.search`.")
    assert not [v for v in lint.lint_spec(spec).violations if v.rule == "deprecated-without-replacement"]
