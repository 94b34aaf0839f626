"""Large synthetic API descriptions, made deterministically, for the corpus test and `make bench`.

The real specs the issue measured (Stripe's 4 MB `spec3.json`, Plaid's 3 MB YAML) cannot be fetched here,
so these are built to have their shape, which is what the checker's cost depends on:

- `stripe_like`: OpenAPI 3.0 JSON, ~1,250 component schemas and ~420 operations; resources carry
  expandable fields (`anyOf: [{type: string}, {$ref: <resource>}]`, `nullable`), so nearly every operation
  reaches nearly every resource; list operations return `{object: list, data: [...]}`; create and update
  operations take large inline form bodies; long descriptions make up much of the text, as in Stripe's.
- `plaid_like`: OpenAPI 3.0 with one `<Op>Request` / `<Op>Response` component per POST operation and a
  web of shared objects, written as block YAML (about 3 MB).

Revision 0 is the base; revision 1 applies one change of each kind a real release makes (`CHANGES`
describes them): a property removed from a resource every operation reaches, a request parameter's
default changed, a body property renamed, an enum value added, an unreferenced schema removed, a type
change, operations added and deprecated. The same arguments always give the same document.
"""

from __future__ import annotations

import random
from typing import Any

Spec = dict[str, Any]

_WORDS = [
    "the",
    "object",
    "amount",
    "currency",
    "customer",
    "payment",
    "account",
    "balance",
    "charge",
    "refund",
    "transfer",
    "payout",
    "invoice",
    "subscription",
    "price",
    "product",
    "status",
    "created",
    "metadata",
    "description",
    "returns",
    "identifier",
    "unique",
    "string",
    "set",
    "when",
    "this",
    "field",
    "is",
    "only",
    "available",
    "if",
    "you",
    "request",
    "it",
    "explicitly",
    "using",
    "expand",
    "parameter",
    "value",
    "list",
    "of",
    "timestamp",
    "seconds",
    "since",
    "epoch",
    "represents",
    "whether",
    "live",
    "mode",
    "test",
    "mode",
    "can",
    "be",
    "used",
    "to",
    "attach",
    "additional",
    "information",
    "structured",
    "format",
]

CHANGES = (
    "resource_000.description_text removed (a response property every operation reaches)",
    "GET /v1/resource_001s limit default 10 -> 20 (a request parameter's default)",
    "POST /v1/resource_002s body property field_03 renamed to field_03_renamed",
    "resource_003.status gains an enum value (read side)",
    "unused_schema_0 removed (referenced by nothing)",
    "resource_004.field_05 integer -> string",
    "POST /v1/resource_005s/{id} body property field_01 becomes required",
    "two operations added, one deprecated",
)


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _scalar(rng: random.Random, index: int) -> dict[str, Any]:
    kind = index % 5
    if kind == 0:
        return {"type": "integer", "description": _text(rng, 18)}
    if kind == 1:
        return {"type": "boolean", "description": _text(rng, 12)}
    if kind == 2:
        return {"type": "string", "maxLength": 5000, "nullable": True, "description": _text(rng, 25)}
    if kind == 3:
        return {"type": "string", "enum": ["automatic", "manual", "none"], "description": _text(rng, 14)}
    return {"type": "integer", "format": "unix-time", "description": _text(rng, 10)}


def stripe_like(revision: int = 0, resources: int = 115, details: int = 880) -> Spec:
    """A Stripe-shaped OpenAPI 3.0 document (about 4 MB as indented JSON with the defaults)."""
    rng = random.Random(7)
    schemas: dict[str, Any] = {}
    names = [f"resource_{index:03d}" for index in range(resources)]
    detail_names = [f"detail_{index:04d}" for index in range(details)]
    for index, name in enumerate(detail_names):
        props: dict[str, Any] = {f"field_{k:02d}": _scalar(rng, index + k) for k in range(6)}
        if index + 1 < details and index % 3 == 0:
            props["nested"] = {
                "anyOf": [{"$ref": f"#/components/schemas/{detail_names[index + 1]}"}],
                "nullable": True,
                "description": _text(rng, 12),
            }
        schemas[name] = {
            "title": name,
            "type": "object",
            "properties": props,
            "description": _text(rng, 30),
            "x-expandableFields": [],
        }
    for index, name in enumerate(names):
        props = {
            "id": {"type": "string", "maxLength": 5000, "description": "Unique identifier for the object."},
            "object": {"type": "string", "enum": [name], "description": _text(rng, 8)},
            "created": {"type": "integer", "format": "unix-time", "description": _text(rng, 10)},
            "livemode": {"type": "boolean", "description": _text(rng, 20)},
            "metadata": {
                "type": "object",
                "additionalProperties": {"type": "string", "maxLength": 500},
                "description": _text(rng, 30),
            },
            "status": {
                "type": "string",
                "enum": ["active", "canceled", "pending"],
                "description": _text(rng, 9),
            },
            "description_text": {
                "type": "string",
                "nullable": True,
                "maxLength": 5000,
                "description": _text(rng, 9),
            },
        }
        for k in range(12):
            props[f"field_{k:02d}"] = _scalar(rng, index + k)
        for k in range(5):  # expandable references to other resources: the web every operation reaches
            other = names[(index * 7 + k * 13 + 1) % resources]
            props[f"{other}_ref"] = {
                "anyOf": [{"maxLength": 5000, "type": "string"}, {"$ref": f"#/components/schemas/{other}"}],
                "nullable": True,
                "description": _text(rng, 16),
                "x-expansionResources": {"oneOf": [{"$ref": f"#/components/schemas/{other}"}]},
            }
        for k in range(6):
            detail = detail_names[(index * 11 + k * 5) % details]
            props[f"{detail}_details"] = {"$ref": f"#/components/schemas/{detail}"}
        schemas[name] = {
            "title": name,
            "type": "object",
            "required": ["id", "object", "created", "livemode"],
            "properties": props,
            "description": _text(rng, 60),
            "x-resourceId": name,
        }
    for index in range(3):
        schemas[f"unused_schema_{index}"] = {"type": "object", "properties": {"x": {"type": "string"}}}
    schemas["error"] = {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "object", "properties": {"message": {"type": "string"}}}},
    }
    paths: dict[str, Any] = {}
    for index, name in enumerate(names):
        ref = {"$ref": f"#/components/schemas/{name}"}
        ok = _json_response(ref)
        listed = _json_response(
            {
                "type": "object",
                "required": ["object", "data", "has_more", "url"],
                "properties": {
                    "object": {"type": "string", "enum": ["list"]},
                    "data": {"type": "array", "items": ref},
                    "has_more": {"type": "boolean"},
                    "url": {"type": "string", "maxLength": 5000},
                },
            }
        )
        form = _form_body(rng, index)
        paths[f"/v1/{name}s"] = {
            "get": {
                "operationId": f"Get{name}s",
                "description": _text(rng, 30),
                "parameters": _list_parameters(),
                "responses": {"200": listed, "default": _error()},
            },
            "post": {
                "operationId": f"Post{name}s",
                "description": _text(rng, 30),
                "requestBody": form,
                "responses": {"200": ok, "default": _error()},
            },
        }
        item: dict[str, Any] = {
            "get": {
                "operationId": f"Get{name}sId",
                "parameters": [_id_parameter()],
                "responses": {"200": ok, "default": _error()},
            },
        }
        if index % 2 == 0:
            item["post"] = {
                "operationId": f"Post{name}sId",
                "parameters": [_id_parameter()],
                "requestBody": _form_body(rng, index + 1),
                "responses": {"200": ok, "default": _error()},
            }
        if index % 5 == 0:
            item["delete"] = {
                "operationId": f"Delete{name}sId",
                "parameters": [_id_parameter()],
                "responses": {"200": ok, "default": _error()},
            }
        paths[f"/v1/{name}s/{{id}}"] = item
    spec: Spec = {
        "openapi": "3.0.0",
        "info": {"title": "Synthetic Stripe-shaped API", "version": "2024-01-01"},
        "paths": paths,
        "components": {"schemas": schemas},
    }
    if revision:
        _stripe_changes(spec)
    return spec


def _json_response(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "Successful response.", "content": {"application/json": {"schema": schema}}}


def _error() -> dict[str, Any]:
    return _json_response({"$ref": "#/components/schemas/error"})


def _id_parameter() -> dict[str, Any]:
    return {"in": "path", "name": "id", "required": True, "schema": {"type": "string", "maxLength": 5000}}


def _list_parameters() -> list[dict[str, Any]]:
    return [
        {"in": "query", "name": "limit", "schema": {"type": "integer", "default": 10}, "required": False},
        {"in": "query", "name": "starting_after", "schema": {"type": "string", "maxLength": 5000}},
        {"in": "query", "name": "ending_before", "schema": {"type": "string", "maxLength": 5000}},
        {
            "in": "query",
            "name": "expand",
            "explode": True,
            "style": "deepObject",
            "schema": {"type": "array", "items": {"type": "string", "maxLength": 5000}},
        },
        {
            "in": "query",
            "name": "created",
            "explode": True,
            "style": "deepObject",
            "schema": {
                "anyOf": [
                    {
                        "type": "object",
                        "title": "range_query_specs",
                        "properties": {key: {"type": "integer"} for key in ("gt", "gte", "lt", "lte")},
                    },
                    {"type": "integer"},
                ]
            },
        },
    ]


def _form_body(rng: random.Random, index: int) -> dict[str, Any]:
    props: dict[str, Any] = {f"field_{k:02d}": _scalar(rng, index + k) for k in range(10)}
    props["metadata"] = {
        "anyOf": [
            {"type": "object", "additionalProperties": {"type": "string"}},
            {"type": "string", "enum": [""]},
        ]
    }
    props["shipping"] = {
        "type": "object",
        "title": "shipping_specs",
        "properties": {
            "address": {
                "type": "object",
                "properties": {
                    key: {"type": "string", "maxLength": 5000} for key in ("city", "country", "line1")
                },
            },
            "name": {"type": "string", "maxLength": 5000},
        },
        "required": ["name"],
    }
    props["expand"] = {"type": "array", "items": {"type": "string", "maxLength": 5000}}
    return {
        "required": False,
        "content": {
            "application/x-www-form-urlencoded": {
                "encoding": {"metadata": {"explode": True, "style": "deepObject"}},
                "schema": {"type": "object", "properties": props, "additionalProperties": False},
            }
        },
    }


def _stripe_changes(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    paths = spec["paths"]
    del schemas["resource_000"]["properties"]["description_text"]
    paths["/v1/resource_001s"]["get"]["parameters"][0]["schema"]["default"] = 20
    body = paths["/v1/resource_002s"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    props = body["schema"]["properties"]
    props["field_03_renamed"] = props.pop("field_03")
    schemas["resource_003"]["properties"]["status"]["enum"].append("paused")
    del schemas["unused_schema_0"]
    schemas["resource_004"]["properties"]["field_05"] = {"type": "string", "maxLength": 5000}
    update = paths["/v1/resource_004s/{id}"]["post"]["requestBody"]["content"]
    update["application/x-www-form-urlencoded"]["schema"]["required"] = ["field_01"]
    paths["/v1/resource_006s"]["get"]["deprecated"] = True
    paths["/v1/extra_resources"] = {
        "get": {
            "operationId": "GetExtraResources",
            "responses": {"200": _json_response({"$ref": "#/components/schemas/resource_007"})},
        },
        "post": {
            "operationId": "PostExtraResources",
            "responses": {"200": _json_response({"$ref": "#/components/schemas/resource_008"})},
        },
    }


def plaid_like(revision: int = 0, operations: int = 450, shared: int = 1000) -> Spec:
    """A Plaid-shaped OpenAPI 3.0 document: POST operations with Request/Response components (about 3 MB
    as block YAML with the defaults)."""
    rng = random.Random(11)
    schemas: dict[str, Any] = {}
    shared_names = [f"Shared{index:03d}" for index in range(shared)]
    for index, name in enumerate(shared_names):
        props = {f"field_{k}": _scalar(rng, index + k) for k in range(5)}
        # Nested objects refer to objects further down the list only: a web of shared models that is
        # not one cycle (Plaid's objects nest; they do not expand into each other as Stripe's do).
        for k, target in enumerate((index * 3 + 7, index * 2 + 11)):
            if target < shared:
                props[f"link_{k}"] = {"$ref": f"#/components/schemas/{shared_names[target]}"}
        if index + 17 < shared:
            props["items"] = {
                "type": "array",
                "items": {"$ref": f"#/components/schemas/{shared_names[index + 17]}"},
                "description": _text(rng, 12),
            }
        schemas[name] = {
            "title": name,
            "type": "object",
            "description": _text(rng, 40),
            "properties": props,
            "required": ["field_0"],
            "additionalProperties": True,
        }
    paths: dict[str, Any] = {}
    for index in range(operations):
        op = f"Item{index:03d}Get"
        request = {
            "type": "object",
            "description": _text(rng, 25),
            "properties": {
                "client_id": {"$ref": "#/components/schemas/APIClientID"},
                "secret": {"$ref": "#/components/schemas/APISecret"},
                "access_token": {"type": "string", "description": _text(rng, 10)},
                "options": {"$ref": f"#/components/schemas/{shared_names[index % shared]}"},
                "count": {"type": "integer", "default": 100, "minimum": 1, "maximum": 500},
            },
            "required": ["access_token"],
        }
        response = {
            "type": "object",
            "description": _text(rng, 25),
            "properties": {
                "request_id": {"type": "string", "description": _text(rng, 12)},
                "result": {"$ref": f"#/components/schemas/{shared_names[(index * 7) % shared]}"},
                "others": {
                    "type": "array",
                    "items": {"$ref": f"#/components/schemas/{shared_names[(index * 13 + 5) % shared]}"},
                },
            },
            "required": ["request_id"],
        }
        schemas[f"{op}Request"] = request
        schemas[f"{op}Response"] = response
        paths[f"/item{index:03d}/get"] = {
            "post": {
                "operationId": f"item{index:03d}Get",
                "summary": _text(rng, 6),
                "description": _text(rng, 40),
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{op}Request"}}
                    },
                },
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {
                            "application/json": {"schema": {"$ref": f"#/components/schemas/{op}Response"}}
                        },
                    },
                    "default": {
                        "description": "Error",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                },
            }
        }
    schemas["APIClientID"] = {"type": "string", "description": "Your Plaid API client_id."}
    schemas["APISecret"] = {"type": "string", "description": "Your Plaid API secret."}
    schemas["Error"] = {"type": "object", "properties": {"error_code": {"type": "string"}}, "nullable": True}
    spec: Spec = {
        "openapi": "3.0.0",
        "info": {"title": "Synthetic Plaid-shaped API", "version": "2020.09.14_1.0.0"},
        "servers": [{"url": "https://sandbox.example.com"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
    if revision:
        del schemas["Shared400"]["properties"]["field_1"]
        schemas["Shared601"]["properties"]["field_2"]["enum"].append("other")
        schemas["Item002GetRequest"]["properties"]["count"]["default"] = 50
        schemas["Item003GetRequest"]["required"].append("options")
    return spec
