"""Paths and operations: removed (deprecated or not), added, renamed, deprecated."""

from __future__ import annotations

from generator.specdiff.rules import Bump, Severity
from generator.specdiff.symbols import python_identifier, snake_case
from tests.breaking.builders import CANCEL, PI, PI_ID, Spec, base_spec, diff, only, op, rules


def test_operation_removed_is_breaking() -> None:
    result = diff(lambda s: s["paths"]["/v1/connect/payment_intents"].pop("get"))
    item = only(result, "operation-removed")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (f"{PI}/get", None)
    assert item.symbol == "molam.payment_intents.list"
    assert item.operation is not None
    assert item.operation.label == "GET /v1/connect/payment_intents (list_payment_intents)"
    assert result.verdict is Bump.MAJOR


def test_path_removed_reports_each_operation() -> None:
    result = diff(lambda s: s["paths"].pop("/v1/connect/payment_intents/{id}"))
    removed = [item for item in result.findings if item.rule == "path-removed"]
    assert {item.symbol for item in removed} == {
        "molam.payment_intents.retrieve",
        "molam.payment_intents.update",
    }
    # One finding per SDK method removed, each at its own operation.
    assert {item.base_pointer for item in removed} == {f"{PI_ID}/get", f"{PI_ID}/post"}
    assert all(item.head_pointer is None and item.severity is Severity.BREAKING for item in removed)


def test_removing_a_deprecated_operation_is_a_warning() -> None:
    result = diff(lambda s: s["paths"].pop("/v1/connect/payment_intents/{id}/cancel"))
    item = only(result, "path-removed")
    assert item.severity is Severity.WARNING
    assert item.bump is Bump.MINOR
    assert (item.base_pointer, item.head_pointer) == (f"{CANCEL}/post", None)
    assert item.symbol == "molam.payment_intents.cancel"
    assert "deprecated" in item.message


def test_operation_added_is_info_and_minor() -> None:
    def mutate(s: Spec) -> None:
        s["paths"]["/v1/connect/payment_intents/{id}"]["delete"] = {
            "operationId": "delete_payment_intent",
            "tags": ["PaymentIntents"],
            "responses": {"204": {"description": "gone"}},
        }

    result = diff(mutate)
    item = only(result, "operation-added")
    assert item.severity is Severity.INFO
    assert (item.base_pointer, item.head_pointer) == (None, f"{PI_ID}/delete")
    assert item.symbol == "molam.payment_intents.delete_payment_intent"
    assert result.verdict is Bump.MINOR


def test_changed_sdk_method_name_is_breaking() -> None:
    result = diff(
        lambda s: op(s, "/v1/connect/payment_intents", "get").update({"x-molam-method": "list_all"})
    )
    item = only(result, "operation-renamed")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (f"{PI}/get", f"{PI}/get")
    assert item.symbol == "molam.payment_intents.list_all"
    assert "molam.payment_intents.list" in item.message


def test_changed_tag_moves_the_method_and_is_breaking() -> None:
    result = diff(lambda s: op(s, "/v1/connect/payment_intents", "get").update({"tags": ["Charges"]}))
    assert only(result, "operation-renamed").symbol == "molam.charges.list"


def test_operation_newly_deprecated_is_info() -> None:
    result = diff(lambda s: op(s, "/v1/connect/payment_intents", "get").update({"deprecated": True}))
    item = only(result, "operation-deprecated")
    assert item.severity is Severity.INFO
    assert item.bump is Bump.MINOR


def test_renaming_a_path_template_variable_keeps_the_operation() -> None:
    def mutate(s: Spec) -> None:
        item = s["paths"].pop("/v1/connect/payment_intents/{id}/cancel")
        item["post"]["parameters"][0]["name"] = "intent"
        s["paths"]["/v1/connect/payment_intents/{intent}/cancel"] = item

    result = diff(mutate)
    # Same URL, so not a removed operation; the SDK keyword changes, which is breaking.
    assert "path-removed" not in rules(result) and "operation-removed" not in rules(result)
    assert only(result, "request-parameter-removed").symbol == "molam.payment_intents.cancel(id=)"
    assert only(result, "request-required-parameter-added").symbol == "molam.payment_intents.cancel(intent=)"


def test_method_symbol_falls_back_to_operation_id_and_untagged_resource() -> None:
    def mutate(s: Spec) -> None:
        get = op(s, "/v1/connect/payment_intents", "get")
        del get["x-molam-method"]
        del get["tags"]

    result = diff(mutate)
    assert only(result, "operation-renamed").symbol == "molam.default.list_payment_intents"


def test_symbol_names_follow_the_generator() -> None:
    assert snake_case("PaymentIntents") == "payment_intents"
    assert snake_case("MerchantOnboarding") == "merchant_onboarding"
    assert snake_case("list_payment_intents") == "list_payment_intents"
    assert python_identifier("Idempotency-Key") == "idempotency_key"
    assert python_identifier("list") == "list_"  # shadows a builtin: openapi-python-client appends _
    assert python_identifier("type") == "type"  # un-reserved by our generator: `event.type`, as in the JSON
    assert python_identifier("object") == "object"
    assert python_identifier("class") == "class_"
    assert python_identifier("id") == "id"
    assert python_identifier("amountReceived") == "amount_received"
    assert python_identifier("3ds") == "field_3ds"


def test_removing_one_deprecated_operation_of_a_path_is_a_warning() -> None:
    old = base_spec()
    op(old, "/v1/connect/payment_intents", "get")["deprecated"] = True
    item = only(
        diff(lambda s: s["paths"]["/v1/connect/payment_intents"].pop("get"), base=old), "operation-removed"
    )
    assert item.severity is Severity.WARNING
    assert (item.base_pointer, item.head_pointer) == (f"{PI}/get", None)
