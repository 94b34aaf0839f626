"""Schema rules (type, format, enum, constraints, nullability, variants) in both directions.

Each case mutates the fixture spec and names the one finding expected: rule, severity, both pointers and
the SDK symbol. Request cases use CreatePaymentIntentRequest (only ever sent); response cases use
PaymentIntent / LastPaymentError (only ever read).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from generator.specdiff.rules import Severity
from tests.breaking.builders import SCHEMAS, Spec, base_spec, diff, only, rules, schema

B, W, INF = Severity.BREAKING, Severity.WARNING, Severity.INFO
REQ = f"{SCHEMAS}/CreatePaymentIntentRequest/properties"
RESP = f"{SCHEMAS}/PaymentIntent/properties"
CAPTURE = f"{SCHEMAS}/CaptureMethod"


def req(name: str) -> Callable[[Spec], dict[str, Any]]:
    """A getter for one property schema of CreatePaymentIntentRequest."""
    return lambda s: schema(s, "CreatePaymentIntentRequest")["properties"][name]


def resp(name: str) -> Callable[[Spec], dict[str, Any]]:
    """A getter for one property schema of PaymentIntent."""
    return lambda s: schema(s, "PaymentIntent")["properties"][name]


def setting(get: Callable[[Spec], dict[str, Any]], **changes: Any) -> Callable[[Spec], None]:
    """Mutation: update keywords of the schema `get` returns."""
    return lambda s: get(s).update(changes)


def dropping(get: Callable[[Spec], dict[str, Any]], key: str) -> Callable[[Spec], None]:
    """Mutation: remove one keyword."""
    return lambda s: get(s).pop(key) and None


# fmt: off
CASES = [
    # --- request: type and format
    pytest.param(setting(req("amount"), type="string"), "request-type-changed", B, f"{REQ}/amount", f"{REQ}/amount", "CreatePaymentIntentRequest.amount", id="req-type-changed"),
    pytest.param(setting(req("amount"), type="number"), "request-type-widened", INF, f"{REQ}/amount", f"{REQ}/amount", "CreatePaymentIntentRequest.amount", id="req-type-widened"),
    pytest.param(setting(req("expires_at"), format="date"), "request-format-changed", B, f"{REQ}/expires_at/format", f"{REQ}/expires_at/format", "CreatePaymentIntentRequest.expires_at", id="req-format-changed"),
    pytest.param(setting(req("description"), format="uri"), "request-format-changed", B, f"{REQ}/description", f"{REQ}/description/format", "CreatePaymentIntentRequest.description", id="req-format-added"),
    pytest.param(dropping(req("expires_at"), "format"), "request-format-changed", B, f"{REQ}/expires_at/format", f"{REQ}/expires_at", "CreatePaymentIntentRequest.expires_at", id="req-typed-format-removed"),
    pytest.param(dropping(req("email"), "format"), "request-format-compatible-change", INF, f"{REQ}/email/format", f"{REQ}/email", "CreatePaymentIntentRequest.email", id="req-format-removed"),
    # --- request: enum and const
    pytest.param(lambda s: schema(s, "CaptureMethod")["enum"].remove("manual"), "request-enum-value-removed", B, f"{CAPTURE}/enum/1", f"{CAPTURE}/enum", "CaptureMethod", id="req-enum-value-removed"),
    pytest.param(lambda s: schema(s, "CaptureMethod")["enum"].append("delayed"), "request-enum-value-added", INF, f"{CAPTURE}/enum", f"{CAPTURE}/enum/2", "CaptureMethod", id="req-enum-value-added"),
    pytest.param(setting(req("description"), enum=["a", "b"]), "request-enum-restricted", B, f"{REQ}/description", f"{REQ}/description/enum", "CreatePaymentIntentRequest.description", id="req-enum-restricted"),
    pytest.param(setting(req("description"), const="fixed"), "request-enum-restricted", B, f"{REQ}/description", f"{REQ}/description/const", "CreatePaymentIntentRequest.description", id="req-const-added"),
    pytest.param(dropping(lambda s: schema(s, "CaptureMethod"), "enum"), "request-enum-unrestricted", INF, f"{CAPTURE}/enum", CAPTURE, "CaptureMethod", id="req-enum-unrestricted"),
    # --- request: constraints narrowed / widened
    pytest.param(setting(req("description"), maxLength=100), "request-constraint-narrowed", B, f"{REQ}/description/maxLength", f"{REQ}/description/maxLength", "CreatePaymentIntentRequest.description", id="maxLength-narrowed"),
    pytest.param(setting(req("description"), maxLength=1000), "request-constraint-widened", INF, f"{REQ}/description/maxLength", f"{REQ}/description/maxLength", "CreatePaymentIntentRequest.description", id="maxLength-widened"),
    pytest.param(setting(req("email"), maxLength=320), "request-constraint-narrowed", B, f"{REQ}/email", f"{REQ}/email/maxLength", "CreatePaymentIntentRequest.email", id="maxLength-added"),
    pytest.param(setting(req("currency"), minLength=4, maxLength=4), "request-constraint-narrowed", B, f"{REQ}/currency/minLength", f"{REQ}/currency/minLength", "CreatePaymentIntentRequest.currency", id="minLength-narrowed"),
    pytest.param(dropping(req("currency"), "minLength"), "request-constraint-widened", INF, f"{REQ}/currency/minLength", f"{REQ}/currency", "CreatePaymentIntentRequest.currency", id="minLength-removed"),
    pytest.param(setting(req("amount"), maximum=1000000), "request-constraint-narrowed", B, f"{REQ}/amount", f"{REQ}/amount/maximum", "CreatePaymentIntentRequest.amount", id="maximum-added"),
    pytest.param(setting(req("amount"), minimum=100), "request-constraint-narrowed", B, f"{REQ}/amount/minimum", f"{REQ}/amount/minimum", "CreatePaymentIntentRequest.amount", id="minimum-narrowed"),
    pytest.param(setting(req("amount"), minimum=0), "request-constraint-widened", INF, f"{REQ}/amount/minimum", f"{REQ}/amount/minimum", "CreatePaymentIntentRequest.amount", id="minimum-widened"),
    pytest.param(setting(req("amount"), exclusiveMinimum=1), "request-constraint-narrowed", B, f"{REQ}/amount/minimum", f"{REQ}/amount/exclusiveMinimum", "CreatePaymentIntentRequest.amount", id="exclusiveMinimum-added"),
    pytest.param(setting(req("amount"), exclusiveMaximum=500), "request-constraint-narrowed", B, f"{REQ}/amount", f"{REQ}/amount/exclusiveMaximum", "CreatePaymentIntentRequest.amount", id="exclusiveMaximum-added"),
    pytest.param(setting(req("currency"), pattern="^(XOF|USD)$"), "request-constraint-narrowed", B, f"{REQ}/currency/pattern", f"{REQ}/currency/pattern", "CreatePaymentIntentRequest.currency", id="pattern-changed"),
    pytest.param(setting(req("description"), pattern="^[a-z ]*$"), "request-constraint-narrowed", B, f"{REQ}/description", f"{REQ}/description/pattern", "CreatePaymentIntentRequest.description", id="pattern-added"),
    pytest.param(dropping(req("currency"), "pattern"), "request-constraint-widened", INF, f"{REQ}/currency/pattern", f"{REQ}/currency", "CreatePaymentIntentRequest.currency", id="pattern-removed"),
    pytest.param(setting(req("tags"), maxItems=5), "request-constraint-narrowed", B, f"{REQ}/tags/maxItems", f"{REQ}/tags/maxItems", "CreatePaymentIntentRequest.tags", id="maxItems-narrowed"),
    pytest.param(setting(req("tags"), maxItems=20), "request-constraint-widened", INF, f"{REQ}/tags/maxItems", f"{REQ}/tags/maxItems", "CreatePaymentIntentRequest.tags", id="maxItems-widened"),
    pytest.param(setting(req("tags"), minItems=1), "request-constraint-narrowed", B, f"{REQ}/tags", f"{REQ}/tags/minItems", "CreatePaymentIntentRequest.tags", id="minItems-added"),
    pytest.param(setting(req("tags"), uniqueItems=True), "request-constraint-narrowed", B, f"{REQ}/tags", f"{REQ}/tags/uniqueItems", "CreatePaymentIntentRequest.tags", id="uniqueItems-added"),
    pytest.param(setting(req("amount"), multipleOf=5), "request-constraint-narrowed", B, f"{REQ}/amount", f"{REQ}/amount/multipleOf", "CreatePaymentIntentRequest.amount", id="multipleOf-added"),
    pytest.param(lambda s: schema(s, "CreatePaymentIntentRequest").update({"additionalProperties": False}), "request-constraint-narrowed", B, f"{SCHEMAS}/CreatePaymentIntentRequest", f"{SCHEMAS}/CreatePaymentIntentRequest/additionalProperties", "CreatePaymentIntentRequest", id="additionalProperties-closed"),
    pytest.param(setting( lambda s: schema(s, "CreatePaymentIntentRequest")["properties"]["tags"]["items"], maxLength=20 ), "request-constraint-narrowed", B, f"{REQ}/tags/items", f"{REQ}/tags/items/maxLength", "CreatePaymentIntentRequest.tags[]", id="array-items"),
    # --- request: nullability
    pytest.param(setting(req("description"), type=["string", "null"]), "request-became-nullable", INF, f"{REQ}/description", f"{REQ}/description", "CreatePaymentIntentRequest.description", id="req-became-nullable"),
    # --- response: type, format, enum, constraints
    pytest.param(setting(resp("created"), format="date-time"), "response-format-changed", B, f"{RESP}/created", f"{RESP}/created/format", "PaymentIntent.created", id="resp-typed-format-added"),
    pytest.param(setting(resp("created"), format="int64"), "response-format-compatible-change", INF, f"{RESP}/created", f"{RESP}/created/format", "PaymentIntent.created", id="resp-format-added"),
    pytest.param(setting(resp("description"), enum=["a", "b"]), "response-enum-restricted", INF, f"{RESP}/description", f"{RESP}/description/enum", "PaymentIntent.description", id="resp-enum-restricted"),
    pytest.param(dropping(resp("object"), "const"), "response-enum-unrestricted", W, f"{RESP}/object/const", f"{RESP}/object", "PaymentIntent.object", id="resp-const-dropped"),
    pytest.param(setting(resp("object"), const="paymentintent"), "response-enum-value-added", W, f"{RESP}/object/const", f"{RESP}/object/const", "PaymentIntent.object", id="resp-const-changed"),
    pytest.param(setting(resp("currency"), pattern="^[A-Z]{3,4}$"), "response-constraint-narrowed", INF, f"{RESP}/currency/pattern", f"{RESP}/currency/pattern", "PaymentIntent.currency", id="resp-pattern-changed"),
    pytest.param(setting(resp("amount"), minimum=0), "response-constraint-widened", W, f"{RESP}/amount/minimum", f"{RESP}/amount/minimum", "PaymentIntent.amount", id="resp-minimum-widened"),
]
# fmt: on


@pytest.mark.parametrize(("mutate", "rule", "severity", "base_pointer", "head_pointer", "symbol"), CASES)
def test_schema_rule(
    mutate: Callable[[Spec], None],
    rule: str,
    severity: Severity,
    base_pointer: str,
    head_pointer: str,
    symbol: str,
) -> None:
    item = only(diff(mutate), rule)
    assert item.severity is severity
    assert (item.base_pointer, item.head_pointer) == (base_pointer, head_pointer)
    assert item.symbol == symbol
    assert item.operations, "a schema reached by an operation names it"


def test_request_became_non_nullable_is_breaking() -> None:
    old = base_spec()
    req("description")(old)["type"] = ["string", "null"]
    item = only(
        diff(lambda s: req("description")(s).update({"type": "string"}), base=old),
        "request-became-non-nullable",
    )
    assert item.severity is Severity.BREAKING
    assert item.symbol == "CreatePaymentIntentRequest.description"


def test_openapi_30_nullable_flag_is_the_same_as_a_null_type() -> None:
    def mutate(s: Spec) -> None:
        resp("description")(s).update({"type": "string", "nullable": True})

    assert diff(mutate).findings == ()


def test_response_type_narrowed_is_info() -> None:
    old = base_spec()
    resp("created")(old)["type"] = ["integer", "string"]
    item = only(
        diff(lambda s: resp("created")(s).update({"type": "integer"}), base=old), "response-type-narrowed"
    )
    assert item.severity is Severity.INFO


def test_openapi_30_boolean_exclusive_maximum_is_understood() -> None:
    old = base_spec()
    old["openapi"] = "3.0.3"
    req("amount")(old).update({"maximum": 100})
    item = only(
        diff(lambda s: req("amount")(s).update({"exclusiveMaximum": True}), base=old),
        "request-constraint-narrowed",
    )
    assert "exclusive" in item.message
    widened = diff(lambda s: req("amount")(s).update({"maximum": 101}), base=old)
    assert only(widened, "request-constraint-widened").base_pointer == f"{REQ}/amount/maximum"


def test_multiple_of_relaxed_to_a_divisor_is_widened() -> None:
    old = base_spec()
    req("amount")(old)["multipleOf"] = 10
    assert only(
        diff(lambda s: req("amount")(s).update({"multipleOf": 5}), base=old), "request-constraint-widened"
    )
    assert only(
        diff(lambda s: req("amount")(s).update({"multipleOf": 3}), base=old), "request-constraint-narrowed"
    )


def _with_variants(s: Spec, *names: str) -> None:
    for name in ("Card", "Wallet", "Bank"):
        s["components"]["schemas"][name] = {"type": "object", "properties": {"type": {"const": name.lower()}}}
    pm = {"oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in names]}
    schema(s, "CreatePaymentIntentRequest")["properties"]["payment_method"] = pm
    schema(s, "PaymentIntent")["properties"]["payment_method"] = pm


def test_variants_removed_and_added_by_direction() -> None:
    old = base_spec()
    _with_variants(old, "Card", "Wallet")
    # `oneOf: [Card]` is just Card, still compared as a union against the base: Wallet was removed.
    single = diff(lambda s: _with_variants(s, "Card"), base=old)
    assert rules(single) == {
        "request-variant-removed",
        "response-variant-removed",
        "webhook-payload-variant-removed",
    }
    assert only(single, "request-variant-removed").base_pointer == f"{REQ}/payment_method/oneOf/1"
    removed = diff(lambda s: _with_variants(s, "Card", "Bank"), base=old)
    item = only(removed, "request-variant-removed")
    assert item.severity is Severity.BREAKING
    assert item.base_pointer == f"{REQ}/payment_method/oneOf/1"
    assert item.symbol == "CreatePaymentIntentRequest.payment_method"
    assert only(removed, "response-variant-removed").severity is Severity.INFO
    assert only(removed, "response-variant-added").severity is Severity.WARNING
    assert only(removed, "response-variant-added").head_pointer == f"{RESP}/payment_method/oneOf/1"
    assert only(removed, "request-variant-added").severity is Severity.INFO


def test_changes_inside_a_variant_are_found() -> None:
    old = base_spec()
    _with_variants(old, "Card", "Wallet")

    def mutate(s: Spec) -> None:
        _with_variants(s, "Card", "Wallet")
        schema(s, "Wallet")["properties"]["type"]["const"] = "mobile_wallet"

    result = diff(mutate, base=old)
    item = only(result, "request-enum-value-removed")
    assert item.symbol == "Wallet.type"
    assert item.base_pointer == f"{SCHEMAS}/Wallet/properties/type/const"


def test_all_of_parts_are_merged() -> None:
    def split(s: Spec) -> None:
        create = schema(s, "CreatePaymentIntentRequest")
        s["components"]["schemas"]["AmountPart"] = {
            "type": "object",
            "required": ["amount"],
            "properties": {"amount": create["properties"].pop("amount")},
        }
        create["required"].remove("amount")
        s["components"]["schemas"]["CreatePaymentIntentRequest"] = {
            "allOf": [{"$ref": "#/components/schemas/AmountPart"}, create]
        }

    old = base_spec()
    split(old)
    assert [item.rule for item in diff(lambda s: None, base=old).findings] == []
    result = diff(lambda s: schema(s, "AmountPart")["properties"]["amount"].update({"minimum": 10}), base=old)
    item = only(result, "request-constraint-narrowed")
    assert item.symbol == "AmountPart.amount"
    assert item.head_pointer == f"{SCHEMAS}/AmountPart/properties/amount/minimum"
    # restructuring into allOf with the same content is not a change of the accepted documents
    assert rules(diff(split)) <= {"model-added"}


def test_zero_minimum_size_is_the_same_as_none() -> None:
    assert diff(lambda s: req("tags")(s).update({"minItems": 0})).findings == ()
