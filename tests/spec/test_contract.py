"""spec/molam.yaml describes the API contract the whole team codes against (DESIGN.md 2, CONVENTIONS).

These tests pin the names other engineers import: operationIds, tags, x-molam-method, paths, schemas.
"""

from __future__ import annotations

from typing import Any

import pytest

Spec = dict[str, Any]

# operationId -> (tag, x-molam-method, HTTP method, path)
OPERATIONS: dict[str, tuple[str, str, str, str]] = {
    "create_payment_intent": ("PaymentIntents", "create", "post", "/v1/connect/payment_intents"),
    "list_payment_intents": ("PaymentIntents", "list", "get", "/v1/connect/payment_intents"),
    "retrieve_payment_intent": ("PaymentIntents", "retrieve", "get", "/v1/connect/payment_intents/{id}"),
    "update_payment_intent": ("PaymentIntents", "update", "post", "/v1/connect/payment_intents/{id}"),
    "confirm_payment_intent": (
        "PaymentIntents",
        "confirm",
        "post",
        "/v1/connect/payment_intents/{id}/confirm",
    ),
    "capture_payment_intent": (
        "PaymentIntents",
        "capture",
        "post",
        "/v1/connect/payment_intents/{id}/capture",
    ),
    "cancel_payment_intent": ("PaymentIntents", "cancel", "post", "/v1/connect/payment_intents/{id}/cancel"),
    "retrieve_charge": ("Charges", "retrieve", "get", "/v1/connect/charges/{id}"),
    "list_charges": ("Charges", "list", "get", "/v1/connect/charges"),
    "refund_charge": ("Charges", "refund", "post", "/v1/connect/charges/{id}/refund"),
    "create_refund": ("Refunds", "create", "post", "/v1/connect/refunds"),
    "retrieve_refund": ("Refunds", "retrieve", "get", "/v1/connect/refunds/{id}"),
    "list_refunds": ("Refunds", "list", "get", "/v1/connect/refunds"),
    "retrieve_wallet": ("Wallets", "retrieve", "get", "/v1/ma/wallets/{id}"),
    "list_wallets": ("Wallets", "list", "get", "/v1/ma/wallets"),
    "retrieve_wallet_balance": ("Wallets", "balance", "get", "/v1/ma/wallets/{id}/balance"),
    "create_transfer": ("Transfers", "create", "post", "/v1/ma/transfers"),
    "retrieve_transfer": ("Transfers", "retrieve", "get", "/v1/ma/transfers/{id}"),
    "list_transfers": ("Transfers", "list", "get", "/v1/ma/transfers"),
    "create_payout": ("Payouts", "create", "post", "/v1/treasury/payouts"),
    "retrieve_payout": ("Payouts", "retrieve", "get", "/v1/treasury/payouts/{id}"),
    "list_payouts": ("Payouts", "list", "get", "/v1/treasury/payouts"),
    "cancel_payout": ("Payouts", "cancel", "post", "/v1/treasury/payouts/{id}/cancel"),
    "retrieve_balance": ("Balances", "retrieve", "get", "/v1/treasury/balances"),
    "create_merchant_onboarding": ("MerchantOnboarding", "create", "post", "/v1/merchants/onboarding"),
    "retrieve_merchant_onboarding": (
        "MerchantOnboarding",
        "retrieve",
        "get",
        "/v1/merchants/onboarding/{id}",
    ),
    "retrieve_event": ("Events", "retrieve", "get", "/v1/events/{id}"),
    "list_events": ("Events", "list", "get", "/v1/events"),
    "create_webhook_endpoint": ("WebhookEndpoints", "create", "post", "/v1/webhook_endpoints"),
    "retrieve_webhook_endpoint": ("WebhookEndpoints", "retrieve", "get", "/v1/webhook_endpoints/{id}"),
    "list_webhook_endpoints": ("WebhookEndpoints", "list", "get", "/v1/webhook_endpoints"),
    "update_webhook_endpoint": ("WebhookEndpoints", "update", "post", "/v1/webhook_endpoints/{id}"),
    "delete_webhook_endpoint": ("WebhookEndpoints", "delete", "delete", "/v1/webhook_endpoints/{id}"),
    "rotate_webhook_endpoint_secret": (
        "WebhookEndpoints",
        "rotate_secret",
        "post",
        "/v1/webhook_endpoints/{id}/rotate_secret",
    ),
    "list_webhook_endpoint_deliveries": (
        "WebhookEndpoints",
        "list_deliveries",
        "get",
        "/v1/webhook_endpoints/{id}/deliveries",
    ),
}

TAG_NAMESPACES = {
    "PaymentIntents": "payment_intents",
    "Charges": "charges",
    "Refunds": "refunds",
    "Wallets": "wallets",
    "Transfers": "transfers",
    "Payouts": "payouts",
    "Balances": "balances",
    "MerchantOnboarding": "merchant_onboarding",
    "Events": "events",
    "WebhookEndpoints": "webhook_endpoints",
}

SCHEMAS = [
    "PaymentIntent",
    "PaymentIntentStatus",
    "CaptureMethod",
    "PaymentIntentList",
    "LastPaymentError",
    "Charge",
    "ChargeStatus",
    "ChargeList",
    "Refund",
    "RefundStatus",
    "RefundReason",
    "RefundList",
    "Wallet",
    "WalletList",
    "WalletBalance",
    "BalanceAmount",
    "Transfer",
    "TransferStatus",
    "TransferList",
    "Payout",
    "PayoutStatus",
    "PayoutList",
    "OriginModule",
    "BankAccountBeneficiary",
    "MobileMoneyBeneficiary",
    "Balance",
    "MerchantOnboarding",
    "MerchantOnboardingStatus",
    "Event",
    "EventList",
    "EventType",
    "WebhookEndpoint",
    "WebhookEndpointWithSecret",
    "WebhookEndpointList",
    "WebhookEndpointStatus",
    "DeletedWebhookEndpoint",
    "WebhookDelivery",
    "WebhookDeliveryList",
    "ErrorResponse",
    "ErrorDetail",
    "ErrorType",
    "Metadata",
    "CreatePaymentIntentRequest",
    "UpdatePaymentIntentRequest",
    "ConfirmPaymentIntentRequest",
    "CapturePaymentIntentRequest",
    "CancelPaymentIntentRequest",
    "RefundChargeRequest",
    "CreateRefundRequest",
    "CreateTransferRequest",
    "CreatePayoutRequest",
    "CreateMerchantOnboardingRequest",
    "CreateWebhookEndpointRequest",
    "UpdateWebhookEndpointRequest",
    "RotateWebhookEndpointSecretRequest",
]

ERROR_TYPES = [
    "invalid_request_error",
    "authentication_error",
    "permission_error",
    "not_found_error",
    "idempotency_error",
    "rate_limit_error",
    "payment_error",
    "api_error",
]


def _ref(name: str, section: str = "schemas") -> dict[str, str]:
    return {"$ref": f"#/components/{section}/{name}"}


def _operations(spec: Spec) -> dict[str, tuple[str, str, dict[str, Any]]]:
    found = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "delete", "put", "patch"}:
                found[operation["operationId"]] = (method, path, operation)
    return found


def test_operations_match_the_conventions(spec: Spec) -> None:
    found = _operations(spec)
    assert set(found) == set(OPERATIONS)
    for op_id, (tag, method_name, method, path) in OPERATIONS.items():
        http_method, found_path, operation = found[op_id]
        assert (http_method, found_path) == (method, path), op_id
        assert operation["tags"] == [tag], op_id
        assert operation["x-molam-method"] == method_name, op_id


def test_tags_and_namespaces(spec: Spec) -> None:
    assert {t["name"]: t["x-molam-namespace"] for t in spec["tags"]} == TAG_NAMESPACES


def test_fixed_schema_names_exist(spec: Spec) -> None:
    missing = set(SCHEMAS) - set(spec["components"]["schemas"])
    assert not missing


def test_version_is_a_quoted_date(spec: Spec) -> None:
    assert spec["openapi"] == "3.1.0"
    assert isinstance(spec["info"]["version"], str)
    assert spec["info"]["version"] == "2025-01-15"


def test_servers(spec: Spec) -> None:
    urls = [server["url"] for server in spec["servers"]]
    assert urls == [
        "https://api.molam.com",
        "https://{region}.api.molam.com",
        "https://sandbox.api.molam.com",
        "http://127.0.0.1:12111",
    ]
    assert spec["servers"][1]["variables"]["region"]["enum"] == ["us-east", "eu-west", "ap-south"]


def test_bearer_auth_is_global(spec: Spec) -> None:
    scheme = spec["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    for prefix in ("sk_test_", "sk_live_", "jwt_"):
        assert prefix in scheme["description"]
    assert spec["security"] == [{"bearerAuth": []}]


def test_treasury_operations_document_mutual_tls(spec: Spec) -> None:
    for op_id, (_, path, operation) in _operations(spec).items():
        if path.startswith("/v1/treasury/"):
            assert operation.get("x-molam-mutual-tls") == "may_be_required", op_id
            assert "mutual TLS" in operation["description"], op_id


def test_every_post_references_the_idempotency_key_parameter(spec: Spec) -> None:
    for op_id, (method, _, operation) in _operations(spec).items():
        refs = operation.get("parameters", [])
        assert _ref("MolamVersion", "parameters") in refs, op_id
        assert (_ref("IdempotencyKey", "parameters") in refs) == (method == "post"), op_id
    key = spec["components"]["parameters"]["IdempotencyKey"]
    assert (key["name"], key["in"], key["required"], key["schema"]["maxLength"]) == (
        "Idempotency-Key",
        "header",
        False,
        255,
    )


@pytest.mark.parametrize("status", ["400", "401", "403", "429", "500", "503"])
def test_every_operation_documents_common_errors(spec: Spec, status: str) -> None:
    for op_id, (_, _, operation) in _operations(spec).items():
        assert status in operation["responses"], op_id


def test_posts_document_409_and_id_paths_document_404(spec: Spec) -> None:
    for op_id, (method, path, operation) in _operations(spec).items():
        assert ("409" in operation["responses"]) == (method == "post"), op_id
        assert ("404" in operation["responses"]) == ("{id}" in path), op_id


def test_error_body(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    assert schemas["ErrorResponse"]["properties"]["error"] == _ref("ErrorDetail")
    assert schemas["ErrorType"]["enum"] == ERROR_TYPES
    assert schemas["ErrorDetail"]["required"] == ["type", "code", "message", "param", "request_id"]
    assert schemas["ErrorDetail"]["properties"]["param"]["type"] == ["string", "null"]
    assert "Error" not in schemas  # DESIGN.md 7: a schema named Error clashes in generated from_dict


def test_retry_headers_on_429_and_503(spec: Spec) -> None:
    responses = spec["components"]["responses"]
    for name in ("RateLimited", "ServiceUnavailable"):
        assert "Retry-After" in responses[name]["headers"]
    for name in ("BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict", "ServerError"):
        assert set(responses[name]["headers"]) >= {"Molam-Request-Id", "Molam-Should-Retry"}


def test_list_envelopes_and_pagination(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    lists = [name for name in schemas if name.endswith("List")]
    assert len(lists) == 9
    for name in lists:
        assert schemas[name]["required"] == ["object", "data", "has_more", "next_cursor"], name
        assert schemas[name]["properties"]["object"]["const"] == "list", name
        assert schemas[name]["properties"]["next_cursor"]["type"] == ["string", "null"], name
    limit = spec["components"]["parameters"]["Limit"]["schema"]
    assert (limit["minimum"], limit["maximum"], limit["default"]) == (1, 100, 10)
    for op_id, (_, _, operation) in _operations(spec).items():
        if op_id.startswith("list_"):
            assert _ref("Limit", "parameters") in operation["parameters"], op_id
            assert _ref("StartingAfter", "parameters") in operation["parameters"], op_id


def test_money_fields(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    for name in ("PaymentIntent", "CreatePaymentIntentRequest", "Refund", "Transfer", "Payout", "Charge"):
        amount = schemas[name]["properties"]["amount"]
        assert (amount["type"], amount["minimum"]) == ("integer", 1), name
        assert "minor unit" in amount["description"], name
        assert schemas[name]["properties"]["currency"]["pattern"] == "^[A-Z]{3}$", name
    metadata = schemas["Metadata"]
    assert metadata["maxProperties"] == 50
    assert metadata["additionalProperties"]["type"] == "string"


def test_beneficiary_is_a_discriminated_union(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    for owner in ("Payout", "CreatePayoutRequest"):
        beneficiary = schemas[owner]["properties"]["beneficiary"]
        assert beneficiary["oneOf"] == [_ref("BankAccountBeneficiary"), _ref("MobileMoneyBeneficiary")]
        assert beneficiary["discriminator"]["propertyName"] == "type"
    assert schemas["BankAccountBeneficiary"]["properties"]["type"]["const"] == "bank_account"
    assert schemas["MobileMoneyBeneficiary"]["properties"]["type"]["const"] == "mobile_money"
    assert schemas["MobileMoneyProvider"]["enum"] == [
        "orange_money",
        "wave",
        "mtn_momo",
        "moov_money",
        "free_money",
    ]


def test_webhook_events(spec: Spec) -> None:
    """Every webhook follows one shape (no list of types here: the spec's `webhooks` is the list)."""
    schemas = spec["components"]["schemas"]
    assert schemas["EventType"]["enum"] == list(spec["webhooks"])
    for event_type, item in spec["webhooks"].items():
        name = "".join(part.title() for part in event_type.replace("_", ".").split(".")) + "Event"
        event = schemas[name]
        assert event["properties"]["type"]["const"] == event_type
        assert event["properties"]["object"]["const"] == "event"
        assert event["properties"]["data"] == _ref(f"{name}Data")
        data_object = schemas[f"{name}Data"]["properties"]["object"]["$ref"].rsplit("/", 1)[-1]
        assert schemas[data_object]["properties"]["id"]["type"] == "string"  # an API object, with an id
        webhook = item["post"]
        assert webhook["requestBody"]["content"]["application/json"]["schema"] == _ref(name)
        assert _ref("MolamSignature", "parameters") in webhook["parameters"]
    assert spec["components"]["parameters"]["MolamSignature"]["name"] == "Molam-Signature"


def test_webhook_endpoint_secret_only_on_create_and_rotate(spec: Spec) -> None:
    found = _operations(spec)

    def returns(op_id: str) -> object:
        response = found[op_id][2]["responses"]["200"]
        return response["content"]["application/json"]["schema"]

    assert returns("create_webhook_endpoint") == _ref("WebhookEndpointWithSecret")
    assert returns("rotate_webhook_endpoint_secret") == _ref("WebhookEndpointWithSecret")
    for op_id in ("retrieve_webhook_endpoint", "update_webhook_endpoint"):
        assert returns(op_id) == _ref("WebhookEndpoint")
    assert returns("delete_webhook_endpoint") == _ref("DeletedWebhookEndpoint")
    assert returns("list_webhook_endpoint_deliveries") == _ref("WebhookDeliveryList")
    assert "secret" not in spec["components"]["schemas"]["WebhookEndpoint"]["properties"]
    grace = spec["components"]["schemas"]["RotateWebhookEndpointSecretRequest"]["properties"]
    assert grace["grace_period_seconds"]["default"] == 86400


def test_response_models_require_every_field(spec: Spec) -> None:
    # The server always sends every field (null when empty); only list envelopes' `url` is optional.
    schemas = spec["components"]["schemas"]
    for name, schema in schemas.items():
        if "properties" not in schema or name.endswith("Request"):
            continue
        optional = set(schema["properties"]) - set(schema.get("required", []))
        assert optional <= {"url"}, (name, optional)
