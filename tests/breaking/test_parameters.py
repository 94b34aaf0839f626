"""Parameters: added (required or optional), removed, required flag, schema changes."""

from __future__ import annotations

from generator.specdiff.rules import Bump, Severity
from tests.breaking.builders import PI, PI_ID, Spec, base_spec, diff, only, op, rules

LIST = "/v1/connect/payment_intents"


def _params(s: Spec) -> list[dict[str, object]]:
    found: list[dict[str, object]] = op(s, LIST, "get")["parameters"]
    return found


def test_new_required_parameter_is_breaking() -> None:
    result = diff(
        lambda s: _params(s).append(
            {"name": "customer_id", "in": "query", "required": True, "schema": {"type": "string"}}
        )
    )
    item = only(result, "request-required-parameter-added")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (None, f"{PI}/get/parameters/2")
    assert item.symbol == "molam.payment_intents.list(customer_id=)"
    assert result.verdict is Bump.MAJOR


def test_new_optional_parameter_is_info_and_minor() -> None:
    result = diff(
        lambda s: _params(s).append({"name": "customer_id", "in": "query", "schema": {"type": "string"}})
    )
    item = only(result, "request-parameter-added")
    assert item.severity is Severity.INFO
    assert (item.base_pointer, item.head_pointer) == (None, f"{PI}/get/parameters/2")
    assert result.verdict is Bump.MINOR


def test_parameter_removed_is_breaking_and_uses_the_base_pointer() -> None:
    result = diff(lambda s: _params(s).pop(1))
    item = only(result, "request-parameter-removed")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (f"{PI}/get/parameters/1", None)
    assert item.symbol == "molam.payment_intents.list(status=)"


def test_removing_a_deprecated_parameter_is_a_warning() -> None:
    old = base_spec()
    _params(old)[1]["deprecated"] = True
    result = diff(lambda s: _params(s).pop(1), base=old)
    assert only(result, "request-parameter-removed").severity is Severity.WARNING


def test_parameter_became_required_is_breaking() -> None:
    result = diff(lambda s: _params(s)[1].update({"required": True}))
    item = only(result, "request-parameter-became-required")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (f"{PI}/get/parameters/1", f"{PI}/get/parameters/1")
    assert item.symbol == "molam.payment_intents.list(status=)"


def test_parameter_became_optional_is_info() -> None:
    def mutate(s: Spec) -> None:
        op(s, LIST, "post")["parameters"][0]["required"] = False

    old = base_spec()
    op(old, LIST, "post")["parameters"][0]["required"] = True
    item = only(diff(mutate, base=old), "request-parameter-became-optional")
    assert item.severity is Severity.INFO
    assert item.symbol == "molam.payment_intents.create(idempotency_key=)"


def test_parameter_reached_through_a_component_ref_points_at_the_component() -> None:
    result = diff(lambda s: s["components"]["parameters"]["Limit"]["schema"].update({"maximum": 50}))
    item = only(result, "request-constraint-narrowed")
    assert item.severity is Severity.BREAKING
    path = "/components/parameters/Limit/schema/maximum"
    assert (item.base_pointer, item.head_pointer) == (path, path)
    assert item.symbol == "molam.payment_intents.list(limit=)"
    assert "maximum" in item.message


def test_parameter_schema_type_change_is_breaking() -> None:
    result = diff(lambda s: s["components"]["parameters"]["Limit"]["schema"].update({"type": "string"}))
    item = only(result, "request-type-changed")
    assert (item.base_pointer, item.head_pointer) == ("/components/parameters/Limit/schema",) * 2
    assert item.symbol == "molam.payment_intents.list(limit=)"


def test_moving_a_parameter_in_the_list_is_not_a_change() -> None:
    result = diff(lambda s: _params(s).reverse())
    assert result.findings == ()


def test_header_parameter_names_are_case_insensitive() -> None:
    result = diff(lambda s: op(s, LIST, "post")["parameters"][0].update({"name": "idempotency-key"}))
    assert result.findings == ()


def test_removing_a_referenced_parameter_points_at_the_list_entry() -> None:
    item = only(diff(lambda s: _params(s).pop(0)), "request-parameter-removed")
    assert (item.base_pointer, item.head_pointer) == (f"{PI}/get/parameters/0", None)
    assert item.symbol == "molam.payment_intents.list(limit=)"


def test_path_item_parameters_apply_to_every_operation() -> None:
    def mutate(s: Spec) -> None:
        s["paths"]["/v1/connect/payment_intents/{id}"]["parameters"].append(
            {"name": "expand", "in": "query", "required": True, "schema": {"type": "string"}}
        )

    # One change (one list entry) reached by both operations: one finding listing them.
    item = only(diff(mutate), "request-required-parameter-added")
    assert item.head_pointer == f"{PI_ID}/parameters/1"
    assert [ref.operation_id for ref in item.operations] == [
        "retrieve_payment_intent",
        "update_payment_intent",
    ]
    assert item.symbol == "molam.payment_intents.retrieve(expand=)"


def test_parameter_default_changed_is_breaking() -> None:
    """Callers who leave `limit` out now get another page size: breaking (oasdiff's
    request-parameter-default-value-changed is an error too), reported with both values."""
    result = diff(lambda s: s["components"]["parameters"]["Limit"]["schema"].update({"default": 20}))
    item = only(result, "request-default-changed")
    assert (item.severity, item.bump) == (Severity.BREAKING, Bump.MAJOR)
    assert item.symbol == "molam.payment_intents.list(limit=)"
    assert "from 10 to 20" in item.message
    pointer = "/components/parameters/Limit/schema/default"
    assert (item.base_pointer, item.head_pointer) == (pointer, pointer)
    assert result.verdict is Bump.MAJOR


def test_parameter_default_added_or_removed_is_a_warning() -> None:
    """Adding or dropping a default documents (or stops documenting) what the server does: a warning."""
    removed = diff(lambda s: s["components"]["parameters"]["Limit"]["schema"].pop("default"))
    item = only(removed, "request-default-added-or-removed")
    assert "from 10 to none" in item.message
    assert (item.severity, item.bump) == (Severity.WARNING, Bump.MINOR)
    added = diff(
        lambda s: _params(s)[1].update({"schema": {"type": "string", "default": "succeeded"}}),
        base=_with_status_schema({"type": "string"}),
    )
    assert 'from none to "succeeded"' in only(added, "request-default-added-or-removed").message
    assert "request-default-changed" not in rules(added)


def test_response_default_changed_stays_informational() -> None:
    result = diff(
        lambda s: s["components"]["schemas"]["PaymentIntent"]["properties"]["currency"].update(
            {"default": "XOF"}
        )
    )
    assert {item.severity for item in result.findings if "default" in item.rule} <= {Severity.INFO}


def test_renamed_parameter_is_one_breaking_finding() -> None:
    """`status` renamed `state`, same place and schema: one rename, not a removal plus an addition."""
    result = diff(lambda s: _params(s)[1].update({"name": "state"}))
    item = only(result, "request-parameter-renamed")
    assert (item.severity, item.bump) == (Severity.BREAKING, Bump.MAJOR)
    assert "'status' renamed to 'state'" in item.message
    assert item.symbol == "molam.payment_intents.list(state=)"
    assert (item.base_pointer, item.head_pointer) == (f"{PI}/get/parameters/1", f"{PI}/get/parameters/1")
    assert not rules(result) & {"request-parameter-removed", "request-parameter-added"}


def test_removed_and_added_parameters_of_other_schemas_are_not_a_rename() -> None:
    result = diff(lambda s: _params(s)[1].update({"name": "state", "schema": {"type": "integer"}}))
    assert {"request-parameter-removed", "request-parameter-added"} <= rules(result)
    assert "request-parameter-renamed" not in rules(result)


def test_same_default_written_differently_is_no_change() -> None:
    assert "request-default-changed" not in rules(
        diff(lambda s: s["components"]["parameters"]["Limit"].update({"description": "page size"}))
    )


def _with_status_schema(status_schema: dict[str, object]) -> Spec:
    spec = base_spec()
    _params(spec)[1]["schema"] = status_schema
    return spec
