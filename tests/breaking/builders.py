"""A small OpenAPI 3.1 fixture spec in the shape of molam.yaml, and helpers to diff mutated copies."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from generator.specdiff.compare import compare
from generator.specdiff.findings import Comparison, Finding

Spec = dict[str, Any]

JSON = "application~1json"
PI = "/paths/~1v1~1connect~1payment_intents"
PI_ID = "/paths/~1v1~1connect~1payment_intents~1{id}"
CANCEL = "/paths/~1v1~1connect~1payment_intents~1{id}~1cancel"
SCHEMAS = "/components/schemas"


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def base_spec() -> Spec:
    """The base document every test mutates (a fresh deep copy each call)."""
    ok_headers = {"Molam-Request-Id": {"required": True, "schema": {"type": "string"}}}
    return copy.deepcopy(
        {
            "openapi": "3.1.0",
            "info": {"title": "Molam fixture", "version": "2025-01-15"},
            "security": [{"bearerAuth": []}],
            "paths": {
                "/v1/connect/payment_intents": {
                    "post": {
                        "operationId": "create_payment_intent",
                        "tags": ["PaymentIntents"],
                        "x-molam-method": "create",
                        "parameters": [
                            {
                                "name": "Idempotency-Key",
                                "in": "header",
                                "required": False,
                                "schema": {"type": "string", "maxLength": 255},
                            }
                        ],
                        "requestBody": {
                            "required": True,
                            "content": _json(_ref("CreatePaymentIntentRequest")),
                        },
                        "responses": {
                            "200": {
                                "description": "ok",
                                "headers": ok_headers,
                                "content": _json(_ref("PaymentIntent")),
                            },
                            "400": {"$ref": "#/components/responses/Error"},
                        },
                    },
                    "get": {
                        "operationId": "list_payment_intents",
                        "tags": ["PaymentIntents"],
                        "x-molam-method": "list",
                        "parameters": [
                            {"$ref": "#/components/parameters/Limit"},
                            {"name": "status", "in": "query", "schema": _ref("PaymentIntentStatus")},
                        ],
                        "responses": {
                            "200": {"description": "ok", "content": _json(_ref("PaymentIntentList"))}
                        },
                    },
                },
                "/v1/connect/payment_intents/{id}": {
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "get": {
                        "operationId": "retrieve_payment_intent",
                        "tags": ["PaymentIntents"],
                        "x-molam-method": "retrieve",
                        "responses": {"200": {"description": "ok", "content": _json(_ref("PaymentIntent"))}},
                    },
                    "post": {
                        "operationId": "update_payment_intent",
                        "tags": ["PaymentIntents"],
                        "x-molam-method": "update",
                        "requestBody": {
                            "content": _json(
                                {
                                    "type": "object",
                                    "properties": {
                                        "description": {"type": "string", "maxLength": 500},
                                        "metadata": _ref("Metadata"),
                                    },
                                }
                            )
                        },
                        "responses": {
                            "200": {
                                "description": "ok",
                                "content": _json(
                                    {
                                        "type": "object",
                                        "required": ["id", "updated"],
                                        "properties": {
                                            "id": {"type": "string"},
                                            "updated": {"type": "boolean"},
                                        },
                                    }
                                ),
                            }
                        },
                    },
                },
                "/v1/connect/payment_intents/{id}/cancel": {
                    "post": {
                        "operationId": "cancel_payment_intent",
                        "tags": ["PaymentIntents"],
                        "x-molam-method": "cancel",
                        "deprecated": True,
                        "parameters": [
                            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                        ],
                        "responses": {"200": {"description": "ok", "content": _json(_ref("PaymentIntent"))}},
                    }
                },
            },
            "webhooks": {
                "payment_intent.succeeded": {
                    "post": {
                        "operationId": "payment_intent_succeeded",
                        "requestBody": {"content": _json(_ref("PaymentIntentSucceededEvent"))},
                        "responses": {"200": {"description": "ok"}},
                    }
                }
            },
            "components": {
                "securitySchemes": {
                    "bearerAuth": {"type": "http", "scheme": "bearer"},
                    "mtls": {"type": "mutualTLS"},
                },
                "parameters": {
                    "Limit": {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
                    }
                },
                "responses": {"Error": {"description": "error", "content": _json(_ref("ErrorResponse"))}},
                "schemas": {
                    "PaymentIntentStatus": {
                        "type": "string",
                        "enum": ["requires_payment_method", "processing", "succeeded", "canceled"],
                    },
                    "CaptureMethod": {"type": "string", "enum": ["automatic", "manual"]},
                    "Metadata": {
                        "type": "object",
                        "maxProperties": 50,
                        "additionalProperties": {"type": "string", "maxLength": 500},
                    },
                    "PaymentIntent": {
                        "type": "object",
                        "required": [
                            "id",
                            "object",
                            "amount",
                            "amount_received",
                            "currency",
                            "status",
                            "created",
                        ],
                        "properties": {
                            "id": {"type": "string", "readOnly": True},
                            "object": {"const": "payment_intent"},
                            "amount": {"type": "integer", "minimum": 1},
                            "amount_received": {"type": "integer"},
                            "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
                            "status": _ref("PaymentIntentStatus"),
                            "capture_method": _ref("CaptureMethod"),
                            "description": {"type": ["string", "null"]},
                            "metadata": _ref("Metadata"),
                            "last_payment_error": {"anyOf": [_ref("LastPaymentError"), {"type": "null"}]},
                            "created": {"type": "integer"},
                        },
                    },
                    "LastPaymentError": {
                        "type": "object",
                        "required": ["code"],
                        "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
                    },
                    "PaymentIntentList": {
                        "type": "object",
                        "required": ["object", "data", "has_more"],
                        "properties": {
                            "object": {"const": "list"},
                            "data": {"type": "array", "items": _ref("PaymentIntent")},
                            "has_more": {"type": "boolean"},
                        },
                    },
                    "CreatePaymentIntentRequest": {
                        "type": "object",
                        "required": ["amount", "currency"],
                        "properties": {
                            "amount": {"type": "integer", "minimum": 1},
                            "currency": {
                                "type": "string",
                                "minLength": 3,
                                "maxLength": 3,
                                "pattern": "^[A-Z]{3}$",
                            },
                            "description": {"type": "string", "maxLength": 500},
                            "capture_method": _ref("CaptureMethod"),
                            "metadata": _ref("Metadata"),
                            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 10},
                            "expires_at": {"type": "string", "format": "date-time"},
                            "email": {"type": "string", "format": "email"},
                        },
                    },
                    "ErrorResponse": {
                        "type": "object",
                        "required": ["error"],
                        "properties": {"error": _ref("ErrorDetail")},
                    },
                    "ErrorDetail": {
                        "type": "object",
                        "required": ["type", "message"],
                        "properties": {"type": {"type": "string"}, "message": {"type": "string"}},
                    },
                    "PaymentIntentSucceededEvent": {
                        "type": "object",
                        "required": ["id", "type", "data"],
                        "properties": {
                            "id": {"type": "string"},
                            "type": {"const": "payment_intent.succeeded"},
                            "created": {"type": "integer"},
                            "data": {
                                "type": "object",
                                "required": ["object"],
                                "properties": {"object": _ref("PaymentIntent")},
                            },
                        },
                    },
                    "Unused": {"type": "object", "properties": {"note": {"type": "string"}}},
                },
            },
        }
    )


def diff(mutate: Callable[[Spec], object], base: Spec | None = None) -> Comparison:
    """Compare `base` (default `base_spec()`) with a copy changed by `mutate`."""
    old = base if base is not None else base_spec()
    new = copy.deepcopy(old)
    mutate(new)
    return compare(old, new)


def only(result: Comparison, rule: str) -> Finding:
    """The single finding with `rule` (fails listing all findings otherwise)."""
    matches = [item for item in result.findings if item.rule == rule]
    assert len(matches) == 1, (
        f"expected one {rule}, got: {[(f.rule, f.symbol, f.base_pointer) for f in result.findings]}"
    )
    return matches[0]


def rules(result: Comparison) -> set[str]:
    """The rule ids found."""
    return {item.rule for item in result.findings}


def schema(spec: Spec, name: str) -> dict[str, Any]:
    """A component schema of `spec`, for mutation."""
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


def op(spec: Spec, path: str, method: str) -> dict[str, Any]:
    """An operation of `spec`, for mutation."""
    found: dict[str, Any] = spec["paths"][path][method]
    return found
