"""Request bodies: properties, required flags, the body itself and its media types."""

from __future__ import annotations

from generator.specdiff.rules import Bump, Severity
from tests.breaking.builders import JSON, PI, PI_ID, SCHEMAS, Spec, base_spec, diff, only, op, rules, schema

CREATE = f"{SCHEMAS}/CreatePaymentIntentRequest"


def _create(s: Spec) -> dict[str, object]:
    return schema(s, "CreatePaymentIntentRequest")


def test_new_required_body_property_is_breaking() -> None:
    def mutate(s: Spec) -> None:
        schema(s, "CreatePaymentIntentRequest")["properties"]["customer_id"] = {"type": "string"}
        schema(s, "CreatePaymentIntentRequest")["required"].append("customer_id")

    result = diff(mutate)
    item = only(result, "request-required-property-added")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (None, f"{CREATE}/properties/customer_id")
    assert item.symbol == "CreatePaymentIntentRequest.customer_id"
    assert item.operation is not None and item.operation.operation_id == "create_payment_intent"
    assert result.verdict is Bump.MAJOR


def test_new_optional_body_property_is_info_and_minor() -> None:
    result = diff(
        lambda s: schema(s, "CreatePaymentIntentRequest")["properties"].update(
            {"customer_id": {"type": "string"}}
        )
    )
    item = only(result, "request-property-added")
    assert item.severity is Severity.INFO
    assert (item.base_pointer, item.head_pointer) == (None, f"{CREATE}/properties/customer_id")
    assert result.verdict is Bump.MINOR


def test_body_property_became_required_is_breaking() -> None:
    result = diff(lambda s: schema(s, "CreatePaymentIntentRequest")["required"].append("description"))
    item = only(result, "request-property-became-required")
    assert item.severity is Severity.BREAKING
    pointer = f"{CREATE}/properties/description"
    assert (item.base_pointer, item.head_pointer) == (pointer, pointer)
    assert item.symbol == "CreatePaymentIntentRequest.description"


def test_body_property_became_optional_is_info() -> None:
    result = diff(lambda s: schema(s, "CreatePaymentIntentRequest")["required"].remove("currency"))
    item = only(result, "request-property-became-optional")
    assert item.severity is Severity.INFO
    assert item.symbol == "CreatePaymentIntentRequest.currency"


def test_body_property_removed_is_breaking() -> None:
    result = diff(lambda s: schema(s, "CreatePaymentIntentRequest")["properties"].pop("description"))
    item = only(result, "request-property-removed")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (f"{CREATE}/properties/description", None)


def test_inline_body_property_is_named_as_a_keyword_argument() -> None:
    def mutate(s: Spec) -> None:
        body = op(s, "/v1/connect/payment_intents/{id}", "post")["requestBody"]["content"][
            "application/json"
        ]["schema"]
        body["properties"]["description"]["maxLength"] = 100

    item = only(diff(mutate), "request-constraint-narrowed")
    pointer = f"{PI_ID}/post/requestBody/content/{JSON}/schema/properties/description/maxLength"
    assert (item.base_pointer, item.head_pointer) == (pointer, pointer)
    assert item.symbol == "molam.payment_intents.update(description=)"


def test_read_only_properties_are_not_part_of_requests() -> None:
    def mutate(s: Spec) -> None:
        props = schema(s, "CreatePaymentIntentRequest")["properties"]
        props["id"] = {"type": "string", "readOnly": True}
        schema(s, "CreatePaymentIntentRequest")["required"].append("id")

    assert "request-required-property-added" not in rules(diff(mutate))


def test_request_body_removed_is_breaking() -> None:
    result = diff(lambda s: op(s, "/v1/connect/payment_intents", "post").pop("requestBody"))
    item = only(result, "request-body-removed")
    assert (item.base_pointer, item.head_pointer) == (f"{PI}/post/requestBody", None)
    assert item.symbol == "molam.payment_intents.create"
    assert item.severity is Severity.BREAKING


def test_required_request_body_added_is_breaking_optional_is_info() -> None:
    def add(required: bool) -> Spec:
        spec = base_spec()
        spec["paths"]["/v1/connect/payment_intents/{id}/cancel"]["post"]["requestBody"] = {
            "required": required,
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
        return spec

    old = base_spec()
    required = diff(lambda s: s.update(add(True)), base=old)
    optional = diff(lambda s: s.update(add(False)), base=old)
    assert only(required, "request-required-body-added").severity is Severity.BREAKING
    item = only(optional, "request-body-added")
    assert item.severity is Severity.INFO
    assert item.head_pointer == "/paths/~1v1~1connect~1payment_intents~1{id}~1cancel/post/requestBody"


def test_request_body_became_required_is_breaking_and_optional_is_info() -> None:
    became_required = diff(
        lambda s: op(s, "/v1/connect/payment_intents/{id}", "post")["requestBody"].update({"required": True})
    )
    assert only(became_required, "request-body-became-required").severity is Severity.BREAKING
    became_optional = diff(
        lambda s: op(s, "/v1/connect/payment_intents", "post")["requestBody"].update({"required": False})
    )
    assert only(became_optional, "request-body-became-optional").severity is Severity.INFO


def test_request_media_type_removed_is_breaking_and_added_is_info() -> None:
    def replace(s: Spec) -> None:
        content = op(s, "/v1/connect/payment_intents", "post")["requestBody"]["content"]
        content["application/x-www-form-urlencoded"] = content.pop("application/json")

    result = diff(replace)
    removed = only(result, "request-media-type-removed")
    assert removed.severity is Severity.BREAKING
    assert (removed.base_pointer, removed.head_pointer) == (f"{PI}/post/requestBody/content/{JSON}", None)
    added = only(result, "request-media-type-added")
    assert added.severity is Severity.INFO
    assert added.head_pointer == f"{PI}/post/requestBody/content/application~1x-www-form-urlencoded"
