"""Responses: properties, statuses, headers, media types; and a component read and written."""

from __future__ import annotations

from generator.specdiff.rules import Bump, Severity
from tests.breaking.builders import JSON, PI, PI_ID, SCHEMAS, Spec, base_spec, diff, only, op, rules, schema

PAYMENT_INTENT = f"{SCHEMAS}/PaymentIntent"


def test_response_property_removed_is_breaking_for_every_operation_returning_it() -> None:
    result = diff(lambda s: schema(s, "PaymentIntent")["properties"].pop("capture_method"))
    item = only(result, "response-property-removed")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (f"{PAYMENT_INTENT}/properties/capture_method", None)
    assert item.symbol == "PaymentIntent.capture_method"
    ids = [ref.operation_id for ref in item.operations]
    # Reached directly, through PaymentIntentList.data[], and by a deprecated operation.
    assert ids == [
        "list_payment_intents",
        "create_payment_intent",
        "retrieve_payment_intent",
        "cancel_payment_intent",
    ]
    assert result.verdict is Bump.MAJOR


def test_response_property_added_is_info_and_minor() -> None:
    result = diff(
        lambda s: schema(s, "PaymentIntent")["properties"].update({"receipt_email": {"type": "string"}})
    )
    item = only(result, "response-property-added")
    assert item.severity is Severity.INFO
    assert (item.base_pointer, item.head_pointer) == (None, f"{PAYMENT_INTENT}/properties/receipt_email")
    assert item.symbol == "PaymentIntent.receipt_email"
    assert result.verdict is Bump.MINOR


def test_response_property_became_optional_is_breaking() -> None:
    result = diff(lambda s: schema(s, "PaymentIntent")["required"].remove("amount_received"))
    item = only(result, "response-property-became-optional")
    assert item.severity is Severity.BREAKING
    pointer = f"{PAYMENT_INTENT}/properties/amount_received"
    assert (item.base_pointer, item.head_pointer) == (pointer, pointer)
    assert item.symbol == "PaymentIntent.amount_received"


def test_response_property_became_required_is_info() -> None:
    result = diff(lambda s: schema(s, "PaymentIntent")["required"].append("capture_method"))
    assert only(result, "response-property-became-required").severity is Severity.INFO


def test_response_property_became_nullable_is_breaking() -> None:
    result = diff(
        lambda s: schema(s, "PaymentIntent")["properties"]["amount_received"].update(
            {"type": ["integer", "null"]}
        )
    )
    item = only(result, "response-became-nullable")
    assert item.severity is Severity.BREAKING
    pointer = f"{PAYMENT_INTENT}/properties/amount_received"
    assert (item.base_pointer, item.head_pointer) == (pointer, pointer)
    assert item.symbol == "PaymentIntent.amount_received"


def test_response_property_no_longer_nullable_is_info() -> None:
    result = diff(
        lambda s: schema(s, "PaymentIntent")["properties"].update(
            {"last_payment_error": {"$ref": "#/components/schemas/LastPaymentError"}}
        )
    )
    item = only(result, "response-became-non-nullable")
    assert item.severity is Severity.INFO
    assert item.base_pointer == f"{PAYMENT_INTENT}/properties/last_payment_error"
    assert item.head_pointer == f"{SCHEMAS}/LastPaymentError"
    assert item.symbol == "PaymentIntent.last_payment_error"


def test_response_type_changed_is_breaking() -> None:
    result = diff(lambda s: schema(s, "PaymentIntent")["properties"]["created"].update({"type": "string"}))
    item = only(result, "response-type-changed")
    assert item.severity is Severity.BREAKING
    assert item.symbol == "PaymentIntent.created"
    assert "integer" in item.message and "string" in item.message


def test_response_type_integer_to_number_breaks_readers() -> None:
    result = diff(lambda s: schema(s, "PaymentIntent")["properties"]["created"].update({"type": "number"}))
    assert only(result, "response-type-changed").severity is Severity.BREAKING


def test_response_enum_value_added_is_a_warning() -> None:
    result = diff(lambda s: schema(s, "PaymentIntentStatus")["enum"].append("requires_action"))
    item = only(result, "response-enum-value-added")
    assert item.severity is Severity.WARNING
    assert item.bump is Bump.MINOR
    enum = f"{SCHEMAS}/PaymentIntentStatus/enum"
    assert (item.base_pointer, item.head_pointer) == (enum, f"{enum}/4")
    assert item.symbol == "PaymentIntentStatus"
    # the same enum is a query parameter: there, a new value is an addition
    assert only(result, "request-enum-value-added").severity is Severity.INFO


def test_response_enum_value_removed_is_info_but_request_side_breaks() -> None:
    result = diff(lambda s: schema(s, "PaymentIntentStatus")["enum"].remove("processing"))
    item = only(result, "response-enum-value-removed")
    assert item.severity is Severity.INFO
    enum = f"{SCHEMAS}/PaymentIntentStatus/enum"
    assert (item.base_pointer, item.head_pointer) == (f"{enum}/1", enum)
    request = only(result, "request-enum-value-removed")
    assert request.severity is Severity.BREAKING
    assert request.symbol == "PaymentIntentStatus"
    assert request.operation is not None and request.operation.operation_id == "list_payment_intents"


def test_success_status_removed_is_breaking() -> None:
    def mutate(s: Spec) -> None:
        responses = op(s, "/v1/connect/payment_intents", "get")["responses"]
        responses["201"] = responses.pop("200")

    result = diff(mutate)
    item = only(result, "response-success-status-removed")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (f"{PI}/get/responses/200", None)
    assert item.symbol == "molam.payment_intents.list"
    added = only(result, "response-success-status-added")
    assert added.severity is Severity.WARNING
    assert added.head_pointer == f"{PI}/get/responses/201"


def test_error_status_removed_or_added_is_info() -> None:
    removed = diff(lambda s: op(s, "/v1/connect/payment_intents", "post")["responses"].pop("400"))
    assert only(removed, "response-status-removed").severity is Severity.INFO
    added = diff(
        lambda s: op(s, "/v1/connect/payment_intents", "get")["responses"].update(
            {"404": {"description": "x"}}
        )
    )
    assert only(added, "response-status-added").severity is Severity.INFO
    assert added.verdict is Bump.PATCH


def test_integer_status_keys_match_string_keys() -> None:
    def mutate(s: Spec) -> None:
        responses = op(s, "/v1/connect/payment_intents", "get")["responses"]
        responses[200] = responses.pop("200")  # YAML reads an unquoted 200 as an int

    assert diff(mutate).findings == ()


def _ok_headers(s: Spec) -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = op(s, "/v1/connect/payment_intents", "post")["responses"]["200"][
        "headers"
    ]
    return found


def test_required_response_header_removed_is_breaking() -> None:
    result = diff(lambda s: _ok_headers(s).pop("Molam-Request-Id"))
    item = only(result, "response-required-header-removed")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (
        f"{PI}/post/responses/200/headers/Molam-Request-Id",
        None,
    )
    assert item.symbol == "molam.payment_intents.create"


def test_optional_response_header_removed_is_info_and_added_is_info() -> None:
    old = base_spec()
    _ok_headers(old)["Idempotent-Replayed"] = {"schema": {"type": "string"}}
    removed = diff(lambda s: _ok_headers(s).pop("Idempotent-Replayed"), base=old)
    assert only(removed, "response-header-removed").severity is Severity.INFO
    added = diff(lambda s: _ok_headers(s).update({"Retry-After": {"schema": {"type": "string"}}}))
    item = only(added, "response-header-added")
    assert item.head_pointer == f"{PI}/post/responses/200/headers/Retry-After"


def test_response_header_became_optional_is_breaking() -> None:
    """A client reading the header (the SDK reads Molam-Request-Id on every answer) may now get nothing."""
    result = diff(lambda s: _ok_headers(s)["Molam-Request-Id"].update({"required": False}))
    item = only(result, "response-header-became-optional")
    assert (item.severity, item.bump) == (Severity.BREAKING, Bump.MAJOR)
    assert result.verdict is Bump.MAJOR


def test_required_response_property_added_is_a_warning_naming_the_constructor() -> None:
    """Readable on the wire, but `PaymentIntent(...)` gains a required argument: at least a warning."""

    def mutate(s: Spec) -> None:
        model = schema(s, "PaymentIntent")
        model["properties"]["receipt_email"] = {"type": "string"}
        model["required"].append("receipt_email")

    result = diff(mutate)
    item = only(result, "response-required-property-added")
    assert (item.severity, item.bump) == (Severity.WARNING, Bump.MINOR)
    assert item.symbol == "PaymentIntent.receipt_email"
    assert "constructor gains a required argument `receipt_email`" in item.message
    assert "response-property-added" not in rules(result)


def test_response_media_type_removed_is_breaking() -> None:
    def mutate(s: Spec) -> None:
        content = op(s, "/v1/connect/payment_intents", "get")["responses"]["200"]["content"]
        content["application/xml"] = content.pop("application/json")

    result = diff(mutate)
    item = only(result, "response-media-type-removed")
    assert item.severity is Severity.BREAKING
    assert item.base_pointer == f"{PI}/get/responses/200/content/{JSON}"
    assert only(result, "response-media-type-added").severity is Severity.INFO


def test_inline_response_property_is_named_on_the_return_value() -> None:
    def mutate(s: Spec) -> None:
        body = op(s, "/v1/connect/payment_intents/{id}", "post")["responses"]["200"]["content"][
            "application/json"
        ]
        body["schema"]["properties"].pop("updated")
        body["schema"]["required"].remove("updated")

    item = only(diff(mutate), "response-property-removed")
    assert item.symbol == "molam.payment_intents.update().updated"
    assert item.base_pointer == f"{PI_ID}/post/responses/200/content/{JSON}/schema/properties/updated"


def test_component_used_in_both_directions_gets_both_rule_sets() -> None:
    narrowed = diff(lambda s: schema(s, "Metadata").update({"maxProperties": 20}))
    request = only(narrowed, "request-constraint-narrowed")
    response = only(narrowed, "response-constraint-narrowed")
    assert request.severity is Severity.BREAKING and response.severity is Severity.INFO
    pointer = f"{SCHEMAS}/Metadata/maxProperties"
    assert (request.base_pointer, request.head_pointer) == (pointer, pointer)
    assert request.symbol == response.symbol == "Metadata"
    assert [ref.operation_id for ref in request.operations] == [
        "create_payment_intent",
        "update_payment_intent",
    ]

    widened = diff(lambda s: schema(s, "Metadata").update({"maxProperties": 100}))
    assert only(widened, "request-constraint-widened").severity is Severity.INFO
    assert only(widened, "response-constraint-widened").severity is Severity.WARNING
    assert widened.verdict is Bump.PATCH


def test_write_only_properties_are_not_read() -> None:
    def mutate(s: Spec) -> None:
        schema(s, "PaymentIntent")["properties"]["card_number"] = {"type": "string", "writeOnly": True}

    assert "response-property-added" not in rules(diff(mutate))


def test_renamed_response_property_is_one_breaking_finding() -> None:
    """`capture_method` renamed `capture_mode` (same schema): one rename finding, reached by every operation."""
    result = diff(
        lambda s: schema(s, "PaymentIntent")["properties"].update(
            {"capture_mode": schema(s, "PaymentIntent")["properties"].pop("capture_method")}
        )
    )
    item = only(result, "response-property-renamed")
    assert (item.severity, item.bump) == (Severity.BREAKING, Bump.MAJOR)
    assert (item.base_pointer, item.head_pointer) == (
        f"{PAYMENT_INTENT}/properties/capture_method",
        f"{PAYMENT_INTENT}/properties/capture_mode",
    )
    assert "'capture_method' renamed to 'capture_mode'" in item.message
    assert len(item.operations) == 4
    assert not rules(result) & {"response-property-removed", "response-property-added"}


def test_two_properties_removed_and_two_added_with_one_schema_are_not_guessed_as_renames() -> None:
    def mutate(s: Spec) -> None:
        props = schema(s, "PaymentIntent")["properties"]
        props.pop("amount_received")
        props.pop("created")
        props.update({"received": {"type": "integer"}, "created_at": {"type": "integer"}})

    result = diff(mutate)
    assert "response-property-renamed" not in rules(result)
    assert len([item for item in result.findings if item.rule == "response-property-removed"]) == 2
