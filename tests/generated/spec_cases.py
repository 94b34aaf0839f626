"""Turn every operation of spec/molam.yaml into a call of its generated resource method and what it must send.

Read straight from the spec (not from the generator's own description of it), so a new operation is
covered as soon as it is in the spec, and the expectations do not share the generator's mistakes. Inputs
come from the spec's own examples: the request body example, parameter examples, and the first response
example, which the mocked server answers with.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from openapi_python_client.strings import PythonIdentifier

import generator.codegen.project  # noqa: F401  (applies our naming rules: `type`, `object` stay unsuffixed)

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO_ROOT / "spec" / "molam.yaml"
FIELD_PREFIX = "field_"  # openapi-python-client's default, as in generator/config.yaml
MOLAM_VERSION = "2025-01-15"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True)
class OperationCase:
    """One spec operation: how to call its resource method and what the request and result must be."""

    operation_id: str
    namespace: str  # attribute on SyncResources: "payment_intents"
    method: str  # x-molam-method
    http_method: str
    path: str  # the expected URL path, parameters filled in
    positional: tuple[Any, ...]  # path parameters, passed positionally
    keyword: dict[str, Any]  # query parameters and body fields, by Python name
    expected_query: dict[str, str]
    expected_json: Any  # None: no body
    idempotency_key: str | None  # sent (and expected) on POSTs
    response_schema: str
    response_example: Any
    paginated: bool
    item_schema: str | None = None
    body_schema: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """A readable pytest id."""
        return f"{self.namespace}.{self.method}"


def python_name(name: str) -> str:
    """The Python identifier openapi-python-client (and so the resource layer) uses for a spec name."""
    return str(PythonIdentifier(name, FIELD_PREFIX))


def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    """The spec as plain data: a copy of its own, which the caller may change."""
    return copy.deepcopy(_parsed(path))


@functools.cache  # six test modules load the spec while pytest collects: parse it once (0.4 s each)
def _parsed(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.load(path.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


def resolve(spec: Mapping[str, Any], node: Any) -> Any:
    """Follow local `$ref`s."""
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        target: Any = spec
        for part in node["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def first_example(spec: Mapping[str, Any], media: Mapping[str, Any]) -> Any:
    """The media type's `example`, or the value of its first `examples` entry; KeyError when it has none."""
    if "example" in media:
        return media["example"]
    examples = media.get("examples") or {}
    for example in examples.values():
        return resolve(spec, example)["value"]
    raise KeyError("example")


def schema_name(schema: Mapping[str, Any]) -> str:
    """The component name a `$ref` schema points at."""
    return str(schema["$ref"]).rsplit("/", 1)[-1]


def sample_value(spec: Mapping[str, Any], parameter: Mapping[str, Any]) -> Any:
    """A valid value for a query parameter: its example, else one derived from its schema."""
    schema = resolve(spec, parameter.get("schema", {}))
    for source in (parameter, schema):
        if "example" in source:
            return source["example"]
    if "enum" in schema:
        return schema["enum"][0]
    kinds = schema.get("type", "string")
    kind = next(k for k in kinds if k != "null") if isinstance(kinds, list) else kinds
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1)
    if kind == "boolean":
        return True
    if kind == "number":
        return 1.5
    return f"{parameter['name']}_value"


def query_string(value: Any) -> str:
    """How httpx puts a scalar into a query string."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def is_list_envelope(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> str | None:
    """The item schema name when `schema` is a list envelope ({data: [...], has_more}), else None."""
    resolved = resolve(spec, schema)
    properties = resolved.get("properties", {})
    data = resolve(spec, properties.get("data", {}))
    if data.get("type") != "array" or "has_more" not in properties:
        return None
    items = data.get("items", {})
    return schema_name(items) if "$ref" in items else None


def operation_cases(spec: Mapping[str, Any] | None = None) -> list[OperationCase]:
    """Every operation of the spec as an `OperationCase`, in spec order."""
    spec = load_spec() if spec is None else spec
    cases: list[OperationCase] = []
    for path, path_item in spec["paths"].items():
        shared = [resolve(spec, p) for p in path_item.get("parameters", [])]
        for http_method in HTTP_METHODS:
            operation = path_item.get(http_method)
            if operation is None:
                continue
            cases.append(_case(spec, path, http_method, operation, shared))
    return cases


def _case(
    spec: Mapping[str, Any],
    path: str,
    http_method: str,
    operation: Mapping[str, Any],
    shared: list[Mapping[str, Any]],
) -> OperationCase:
    operation_id = str(operation["operationId"])
    parameters = {(p["in"], p["name"]): p for p in shared}
    parameters.update(
        {(p["in"], p["name"]): p for p in (resolve(spec, p) for p in operation.get("parameters", []))}
    )

    positional: list[Any] = []
    filled = path
    for (location, name), _ in parameters.items():
        if location == "path":
            # "?", "#", "%" and a space check that path values are escaped whole (a "/" is refused before
            # sending: tests/ext/test_hostile_input.py).
            value = f"{name}_{operation_id[:12]}?#%1 x"
            positional.append(value)
            filled = filled.replace("{" + name + "}", quote(value, safe=""))
    keyword: dict[str, Any] = {}
    expected_query: dict[str, str] = {}
    for (location, name), parameter in parameters.items():
        if location == "query":
            value = sample_value(spec, parameter)
            keyword[python_name(name)] = value
            expected_query[name] = query_string(value)

    expected_json: Any = None
    body_schema: str | None = None
    body = resolve(spec, operation.get("requestBody"))
    if body:
        media = body["content"]["application/json"]
        body_schema = schema_name(media["schema"])
        try:
            expected_json = first_example(spec, media)
        except KeyError:
            raise AssertionError(f"{operation_id}: the request body has no example in the spec") from None
        for key, value in expected_json.items():
            keyword[python_name(key)] = value

    responses = operation["responses"]
    status = sorted(code for code in responses if str(code).startswith("2"))[0]
    media = resolve(spec, responses[status])["content"]["application/json"]
    try:
        response_example = first_example(spec, media)
    except KeyError:
        raise AssertionError(f"{operation_id}: the {status} response has no example in the spec") from None
    starting_after = ("query", "starting_after") in parameters
    item_schema = is_list_envelope(spec, media["schema"]) if starting_after else None

    tag = str(operation["tags"][0])
    return OperationCase(
        operation_id=operation_id,
        namespace=python_name(tag),
        method=str(operation["x-molam-method"]),
        http_method=http_method.upper(),
        path=filled,
        positional=tuple(positional),
        keyword=keyword,
        expected_query=expected_query,
        expected_json=expected_json,
        idempotency_key=f"idem_{operation_id}" if http_method == "post" else None,
        response_schema=schema_name(media["schema"]),
        response_example=response_example,
        paginated=item_schema is not None,
        item_schema=item_schema,
        body_schema=body_schema,
    )
