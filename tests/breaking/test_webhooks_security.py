"""Webhook events (removed, added, payload changes) and security requirements."""

from __future__ import annotations

from generator.specdiff.rules import Bump, Severity
from tests.breaking.builders import JSON, PI, SCHEMAS, Spec, base_spec, diff, only, op, schema

EVENT = f"{SCHEMAS}/PaymentIntentSucceededEvent"
HOOK = "/webhooks/payment_intent.succeeded"


def test_webhook_removed_is_breaking() -> None:
    result = diff(lambda s: s["webhooks"].pop("payment_intent.succeeded"))
    item = only(result, "webhook-removed")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (HOOK, None)
    assert item.symbol == "PaymentIntentSucceededEvent"
    assert item.operation is not None and item.operation.webhook
    assert item.operation.label == "webhook payment_intent.succeeded POST (payment_intent_succeeded)"
    assert result.verdict is Bump.MAJOR


def test_removing_a_deprecated_webhook_is_a_warning() -> None:
    old = base_spec()
    old["webhooks"]["payment_intent.succeeded"]["post"]["deprecated"] = True
    item = only(diff(lambda s: s["webhooks"].clear(), base=old), "webhook-removed")
    assert item.severity is Severity.WARNING


def test_webhook_added_is_info_and_minor() -> None:
    def mutate(s: Spec) -> None:
        s["webhooks"]["payment_intent.failed"] = {
            "post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}}
        }

    result = diff(mutate)
    item = only(result, "webhook-added")
    assert (item.base_pointer, item.head_pointer) == (None, "/webhooks/payment_intent.failed")
    assert item.symbol == 'webhooks["payment_intent.failed"]'
    assert result.verdict is Bump.MINOR


def test_webhook_payload_property_removed_is_breaking() -> None:
    result = diff(lambda s: schema(s, "PaymentIntentSucceededEvent")["properties"].pop("created"))
    item = only(result, "webhook-payload-property-removed")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == (f"{EVENT}/properties/created", None)
    assert item.symbol == "PaymentIntentSucceededEvent.created"
    assert [ref.path for ref in item.operations] == ["payment_intent.succeeded"]


def test_webhook_payload_nested_model_change_uses_the_model_name() -> None:
    result = diff(lambda s: schema(s, "PaymentIntent")["properties"].pop("created"))
    item = only(result, "webhook-payload-property-removed")
    assert item.symbol == "PaymentIntent.created"
    assert only(result, "response-property-removed").symbol == "PaymentIntent.created"


def test_webhook_event_type_const_changed() -> None:
    result = diff(
        lambda s: schema(s, "PaymentIntentSucceededEvent")["properties"]["type"].update(
            {"const": "pi.succeeded"}
        )
    )
    removed = only(result, "webhook-payload-enum-value-removed")
    added = only(result, "webhook-payload-enum-value-added")
    pointer = f"{EVENT}/properties/type/const"
    assert (removed.base_pointer, added.head_pointer) == (pointer, pointer)
    assert added.severity is Severity.WARNING


def test_inline_webhook_payload_is_named_by_the_event() -> None:
    old = base_spec()
    body = old["webhooks"]["payment_intent.succeeded"]["post"]["requestBody"]["content"]["application/json"]
    body["schema"] = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "livemode": {"type": "boolean"}},
    }

    def mutate(s: Spec) -> None:
        s["webhooks"]["payment_intent.succeeded"]["post"]["requestBody"]["content"]["application/json"][
            "schema"
        ]["properties"].pop("livemode")

    item = only(diff(mutate, base=old), "webhook-payload-property-removed")
    assert item.symbol == 'webhooks["payment_intent.succeeded"].livemode'
    assert item.base_pointer == f"{HOOK}/post/requestBody/content/{JSON}/schema/properties/livemode"


def test_webhook_payload_media_type_removed_is_breaking() -> None:
    def mutate(s: Spec) -> None:
        content = s["webhooks"]["payment_intent.succeeded"]["post"]["requestBody"]["content"]
        content["application/cloudevents+json"] = content.pop("application/json")

    item = only(diff(mutate), "webhook-payload-media-type-removed")
    assert item.base_pointer == f"{HOOK}/post/requestBody/content/{JSON}"


# --- security


def test_global_security_requirement_added_is_one_client_wide_finding() -> None:
    result = diff(lambda s: s.update({"security": [{"bearerAuth": [], "mtls": []}]}))
    item = only(result, "security-requirement-added")
    assert item.severity is Severity.BREAKING
    assert (item.base_pointer, item.head_pointer) == ("/security", "/security")
    assert item.symbol == "molam"
    assert len(item.operations) == 5  # every operation inherits it


def test_security_added_where_there_was_none() -> None:
    old = base_spec()
    del old["security"]
    item = only(
        diff(lambda s: s.update({"security": [{"bearerAuth": []}]}), base=old), "security-requirement-added"
    )
    assert (item.base_pointer, item.head_pointer) == (None, "/security")


def test_operation_security_requirement_added_is_breaking() -> None:
    result = diff(
        lambda s: op(s, "/v1/connect/payment_intents", "post").update(
            {"security": [{"bearerAuth": [], "mtls": []}]}
        )
    )
    item = only(result, "security-requirement-added")
    assert (item.base_pointer, item.head_pointer) == ("/security", f"{PI}/post/security")
    assert item.symbol == "molam.payment_intents.create"
    assert "bearerAuth + mtls" in item.message


def test_oauth_scope_added_is_breaking() -> None:
    old = base_spec()
    old["security"] = [{"oauth": ["read"]}]
    result = diff(lambda s: s.update({"security": [{"oauth": ["read", "write"]}]}), base=old)
    assert only(result, "security-requirement-added").severity is Severity.BREAKING


def test_security_alternative_added_or_auth_made_optional_is_info() -> None:
    alternative = diff(lambda s: s.update({"security": [{"bearerAuth": []}, {"mtls": []}]}))
    assert only(alternative, "security-requirement-removed").severity is Severity.INFO
    optional = diff(lambda s: op(s, "/v1/connect/payment_intents", "get").update({"security": []}))
    item = only(optional, "security-requirement-removed")
    assert item.head_pointer == f"{PI}/get/security"


def test_same_security_moved_from_global_to_operation_is_no_change() -> None:
    def mutate(s: Spec) -> None:
        for item in s["paths"].values():
            for method in ("get", "post"):
                if method in item:
                    item[method]["security"] = [{"bearerAuth": []}]
        del s["security"]

    assert [item.rule for item in diff(mutate).findings] == []
