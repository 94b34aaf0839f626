"""The API as the sandbox engine reads it from spec/molam.yaml at start: resources, operations, webhooks.

Nothing here knows a particular resource. From the paths and schemas:

- a *resource* is a component schema with an ``x-molam-id-prefix`` (``PaymentIntent``: ``pi_``); its type is
  the schema's ``object`` const (``payment_intent``) and its table the plural of that type;
- an *operation* is classified by its path and method: ``POST /collection`` create, ``GET /collection`` list
  (when it answers a list) or read, ``GET|POST|DELETE /collection/{id}`` retrieve / update / delete,
  ``POST /collection/{id}/name`` the action ``name``, ``GET /collection/{id}/name`` a read below an object;
- a *webhook* is an event type of the spec's ``webhooks`` section, with the resource its ``data.object`` is
  and the spec's example of that object.

Request bodies are validated by the generated pydantic model named like the body's schema; responses are
shaped by the response schema (`Shape`: every declared property present, nothing undeclared sent).
"""

from __future__ import annotations

import copy
import datetime
import functools
import importlib
import importlib.util
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

import attrs
import yaml

__all__ = [
    "ApiSpec",
    "Kind",
    "Operation",
    "Property",
    "QueryParam",
    "Resource",
    "Shape",
    "Webhook",
    "default_spec_path",
    "load_api",
    "load_models",
    "plural",
]

Doc = dict[str, Any]
Kind = Literal["create", "list", "read", "retrieve", "update", "delete", "action", "sub_read"]
HTTP_METHODS = ("get", "post", "put", "patch", "delete")
PACKAGED_SPEC = Path(__file__).resolve().parent / "_spec" / "molam.yaml"  # put there by the wheel build
REPOSITORY_SPEC = Path(__file__).resolve().parents[1] / "spec" / "molam.yaml"


def default_spec_path() -> Path:
    """The spec the sandbox serves by default: the copy in the installed package, else the repository's."""
    return PACKAGED_SPEC if PACKAGED_SPEC.is_file() else REPOSITORY_SPEC


def plural(word: str) -> str:
    """English plural of a snake_case type name (``webhook_delivery`` -> ``webhook_deliveries``)."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


@attrs.frozen
class Property:
    """One declared property of a response object: how the engine fills and converts it."""

    name: str
    default: Any
    """The schema's ``const`` or ``default`` (copied for each object), when `has_default`."""
    has_default: bool
    nullable: bool
    required: bool
    convert: Callable[[Any], Any] | None = None
    """Turns a stored value of an older type into the declared one (an integer time into a ``date``)."""

    def value(self, value: Any) -> Any:
        """`value` in the declared type, when the engine knows how to convert it; else unchanged."""
        if value is None or self.convert is None:
            return value
        return self.convert(value)


@attrs.frozen
class Shape:
    """How a response object is rendered from what is stored: its declared properties, in order."""

    properties: tuple[Property, ...]
    items: Shape | None = None
    """For a list schema (``{object: list, data: [...]}``): the shape of each item."""

    def render(self, doc: Mapping[str, Any], request: Mapping[str, Any] | None = None) -> Doc:
        """Every declared property of `doc` and nothing else.

        Each comes from `doc`, else from the same-named field of `request`, else its default, else null (an
        optional property that cannot be null is left out rather than sent as null). A stored value of an
        older type is converted to the declared one where that is exact (`Property.convert`); anything else
        that does not fit is left for response validation to report.
        """
        out: Doc = {}
        for prop in self.properties:
            name = prop.name
            if name in doc:
                value = doc[name]
            elif request is not None and name in request:
                value = request[name]
            elif prop.has_default:
                default = prop.default
                value = copy.deepcopy(default) if isinstance(default, dict | list) else default
            elif prop.nullable or prop.required:
                value = None
            else:
                continue
            # Inlined `Property.value`: this loop runs for every property of every object the sandbox answers.
            convert = prop.convert
            out[name] = value if convert is None or value is None else convert(value)
        if self.items is not None and isinstance(out.get("data"), list):
            out["data"] = [self.items.render(item) for item in out["data"]]
        return out


@attrs.frozen
class Resource:
    """A kind of object with an id: its schema, ``object`` type, id prefix and table."""

    schema_name: str
    type: str
    prefix: str
    table: str
    shape: Shape
    properties: frozenset[str]
    example: Doc | None

    def valid_id(self, object_id: str) -> bool:
        """Whether `object_id` could be an id of this resource (the prefix, then letters and digits only)."""
        rest = object_id[len(self.prefix) :]
        return object_id.startswith(self.prefix) and rest.isascii() and rest.isalnum()


@attrs.frozen
class QueryParam:
    """A declared query parameter and the checks its schema asks for."""

    name: str
    required: bool
    type: str
    enum: tuple[str, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    default: Any = None
    fields: tuple[str, ...] | None = None
    """``x-molam-filter-fields``: the fields of the listed objects this filter matches (any of them), when the
    parameter is not named like one."""


@attrs.frozen
class Operation:
    """One operation of the spec, classified for the engine."""

    operation_id: str
    method: str
    template: tuple[str, ...]
    """The path's segments; ``{...}`` marks a parameter."""
    kind: Kind
    resource: Resource | None
    """The object the path's ``{id}`` (or the collection) is about."""
    action: str | None
    body_model: str | None
    body_required: bool
    body_schema: Any
    """The request body's schema as written in the spec (None without a body)."""
    body_defaults: Mapping[str, Any]
    """The ``default`` of each top-level body field that declares one (what an omitted field means)."""
    query: tuple[QueryParam, ...]
    response: Shape | None
    response_schema: Any
    """The 200 response's schema as written in the spec (None without one)."""
    list_of: Resource | None
    """For a list: the resource of its items."""

    @property
    def path(self) -> str:
        """The path template, e.g. ``/v1/connect/payment_intents/{id}/confirm``."""
        return "/" + "/".join(self.template)


@attrs.frozen
class Webhook:
    """An event type the spec declares under ``webhooks``."""

    type: str
    resource: Resource | None
    example_object: Doc | None
    object_shape: Shape | None = None
    """How the event's ``data.object`` is rendered (the schema the webhook declares for it)."""


class ApiSpec:
    """The loaded spec, indexed for routing: operations by path shape, resources by type and table."""

    def __init__(self, raw: Mapping[str, Any], *, path: Path | None = None) -> None:
        self.raw = raw
        self.path = path
        self.schemas: Mapping[str, Any] = raw.get("components", {}).get("schemas", {})
        self.resources: dict[str, Resource] = {}  # by schema name
        for name, schema in self.schemas.items():
            resource = self._resource(name, schema)
            if resource is not None:
                self.resources[name] = resource
        self.by_type = {r.type: r for r in self.resources.values()}
        self.by_table = {r.table: r for r in self.resources.values()}
        self.operations = list(self._operations())
        self.by_id = {op.operation_id: op for op in self.operations}
        self.webhooks = {name: self._webhook(name, item) for name, item in raw.get("webhooks", {}).items()}
        self.api_version = str(raw.get("info", {}).get("version", ""))

    # -- references ------------------------------------------------------------------------------------------

    def resolve(self, node: Any) -> Any:
        """`node` with its ``$ref`` chain followed (local references only)."""
        seen = 0
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and seen < 32:
            node = self._lookup(node["$ref"])
            seen += 1
        return node

    def _lookup(self, ref: str) -> Any:
        node: Any = self.raw
        for part in ref.removeprefix("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    @staticmethod
    def ref_name(node: Any) -> str | None:
        """The component name a ``$ref`` points at (``#/components/schemas/X`` -> ``X``)."""
        if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            return str(node["$ref"]).rsplit("/", 1)[-1]
        return None

    # -- building ----------------------------------------------------------------------------------------------

    def shape(self, schema: Any) -> Shape | None:
        """The `Shape` of an object schema (None for anything else)."""
        schema = self.resolve(schema)
        if not isinstance(schema, Mapping) or "properties" not in schema:
            return None
        required = set(schema.get("required") or ())
        properties = []
        for name, raw_prop in schema["properties"].items():
            prop = self.resolve(raw_prop)
            prop = prop if isinstance(prop, Mapping) else {}
            key = "const" if "const" in prop else "default" if "default" in prop else None
            properties.append(
                Property(
                    name=str(name),
                    default=prop[key] if key else None,
                    has_default=key is not None,
                    nullable=_nullable(prop, self.resolve),
                    required=name in required,
                    convert=_converter(prop),
                )
            )
        items = None
        data = schema["properties"].get("data")
        if isinstance(data, Mapping) and self.resolve(data).get("type") == "array":
            items = self.shape(self.resolve(data)["items"])
        return Shape(tuple(properties), items)

    def _resource(self, name: str, schema: Any) -> Resource | None:
        if not isinstance(schema, Mapping) or not isinstance(schema.get("x-molam-id-prefix"), str):
            return None
        object_prop = self.resolve(schema.get("properties", {}).get("object", {}))
        type_ = object_prop.get("const") or (object_prop.get("enum") or [None])[0]
        if not isinstance(type_, str):
            raise ValueError(f"schema {name} has x-molam-id-prefix but no `object` const")
        shape = self.shape(schema)
        assert shape is not None
        example = schema.get("example")
        return Resource(
            schema_name=name,
            type=type_,
            prefix=str(schema["x-molam-id-prefix"]),
            table=plural(type_),
            shape=shape,
            properties=frozenset(schema.get("properties", {})),
            example=dict(example) if isinstance(example, Mapping) else None,
        )

    def resource_of(self, schema: Any) -> Resource | None:
        """The resource a (referenced) schema is, if any."""
        name = self.ref_name(schema)
        resource = self.resources.get(name) if name is not None else None
        if resource is not None:
            # Several schemas may describe one type (WebhookEndpoint, WebhookEndpointWithSecret): one table.
            return self.by_type.get(resource.type, resource)
        return None

    def _response_schema(self, node: Mapping[str, Any]) -> Any:
        responses = node.get("responses", {})
        response = self.resolve(responses.get("200", responses.get(200, {})))
        return response.get("content", {}).get("application/json", {}).get("schema")

    def _operations(self) -> Iterator[Operation]:
        items: list[tuple[tuple[str, ...], str, Mapping[str, Any], list[Any]]] = []
        for path, raw_item in self.raw.get("paths", {}).items():
            item = self.resolve(raw_item)
            template = tuple(s for s in str(path).split("/") if s)
            for method in HTTP_METHODS:
                if isinstance(item.get(method), Mapping):
                    params = [*item.get("parameters", []), *item[method].get("parameters", [])]
                    items.append((template, method.upper(), item[method], params))
        # The resource of each collection: what its item's GET (or its create) answers, else its list's items.
        collections: dict[tuple[str, ...], Resource] = {}
        for template, _method, node, _ in sorted(items, key=lambda i: (i[1] != "GET", len(i[0]))):
            schema = self._response_schema(node)
            found = self.resource_of(schema)
            if found is None:
                data = self.resolve(schema or {}).get("properties", {}).get("data", {})
                found = self.resource_of(self.resolve(data).get("items")) if data else None
            if found is None:
                continue
            collection = template[:-1] if template and _is_param(template[-1]) else template
            if not any(_is_param(s) for s in collection):
                collections.setdefault(collection, found)
        for template, method, node, params in items:
            yield self._operation(template, method, node, params, collections)

    def _operation(
        self,
        template: tuple[str, ...],
        method: str,
        node: Mapping[str, Any],
        params: list[Any],
        collections: Mapping[tuple[str, ...], Resource],
    ) -> Operation:
        first_param = next((i for i, s in enumerate(template) if _is_param(s)), None)
        collection = template if first_param is None else template[:first_param]
        rest = () if first_param is None else template[first_param + 1 :]
        response_schema = self._response_schema(node)
        response = self.shape(response_schema) if response_schema is not None else None
        list_of = None
        if response is not None and response.items is not None:
            data = self.resolve(self.resolve(response_schema)["properties"]["data"])
            list_of = self.resource_of(data.get("items"))
        kind: Kind
        action = None
        if first_param is None:
            kind = "create" if method == "POST" else "list" if list_of else "read"
        elif not rest:
            kind = {"GET": "retrieve", "POST": "update", "DELETE": "delete"}.get(method, "action")  # type: ignore[assignment]
        else:
            action = rest[-1]
            kind = "action" if method == "POST" else "sub_read"
        body = node.get("requestBody")
        body_model = None
        body_required = False
        body_schema = None
        if body is not None:
            body = self.resolve(body)
            body_schema = body.get("content", {}).get("application/json", {}).get("schema")
            body_model = self.ref_name(body_schema)
            body_required = bool(body.get("required", False))
        body_defaults: dict[str, Any] = {}
        for name, raw_prop in (self.resolve(body_schema or {}).get("properties") or {}).items():
            prop = self.resolve(raw_prop)
            if isinstance(prop, Mapping) and "default" in prop:
                body_defaults[str(name)] = prop["default"]
        query = tuple(
            self._query_param(p) for p in (self.resolve(raw) for raw in params) if p.get("in") == "query"
        )
        return Operation(
            operation_id=str(node.get("operationId")),
            method=method,
            template=template,
            kind=kind,
            resource=collections.get(collection),
            action=action,
            body_model=body_model,
            body_required=body_required,
            body_schema=body_schema,
            body_defaults=body_defaults,
            query=query,
            response=response,
            response_schema=response_schema,
            list_of=list_of,
        )

    def _query_param(self, param: Mapping[str, Any]) -> QueryParam:
        schema = self.resolve(param.get("schema", {}))
        type_ = schema.get("type", "string")
        if isinstance(type_, list):
            type_ = next((t for t in type_ if t != "null"), "string")
        enum = schema.get("enum")
        fields = param.get("x-molam-filter-fields")
        return QueryParam(
            name=str(param["name"]),
            required=bool(param.get("required", False)),
            type=str(type_),
            enum=tuple(str(v) for v in enum if v is not None) if isinstance(enum, list) else None,
            minimum=schema.get("minimum"),
            maximum=schema.get("maximum"),
            max_length=schema.get("maxLength"),
            pattern=schema.get("pattern"),
            default=schema.get("default"),
            fields=tuple(str(f) for f in fields) if isinstance(fields, list) else None,
        )

    def _webhook(self, name: str, raw_item: Any) -> Webhook:
        operation = self.resolve(raw_item).get("post", {})
        media = self.resolve(operation.get("requestBody", {})).get("content", {}).get("application/json", {})
        event = self.resolve(media.get("schema", {}))
        data = self.resolve(event.get("properties", {}).get("data", {}))
        object_schema = data.get("properties", {}).get("object") if isinstance(data, Mapping) else None
        resource = self.resource_of(object_schema)
        example_object = None
        for example in media.get("examples", {}).values():
            value = self.resolve(example).get("value", {})
            candidate = value.get("data", {}).get("object") if isinstance(value, Mapping) else None
            if isinstance(candidate, Mapping):
                example_object = dict(candidate)
                break
        if example_object is None and resource is not None:
            example_object = resource.example
        object_shape = self.shape(object_schema) if object_schema is not None else None
        return Webhook(str(name), resource, example_object, object_shape)

    def operation_summary(self) -> str:
        """A one-line count, for the start-up log."""
        return f"{len(self.operations)} operations, {len(self.resources)} resources, {len(self.webhooks)} webhooks"


def _types(schema: Mapping[str, Any]) -> set[str]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared}
    return {str(t) for t in declared} if isinstance(declared, list) else set()


def _nullable(schema: Mapping[str, Any], resolve: Callable[[Any], Any]) -> bool:
    """Whether null is a valid value (``type: [x, 'null']``, or a null branch of ``anyOf`` / ``oneOf``)."""
    if "null" in _types(schema) or schema.get("nullable") is True:
        return True
    branches = [*schema.get("anyOf", ()), *schema.get("oneOf", ())]
    return any(isinstance(b := resolve(branch), Mapping) and "null" in _types(b) for branch in branches)


def _unix_to_date(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return datetime.datetime.fromtimestamp(value, datetime.UTC).date().isoformat()
    return value


def _unix_to_datetime(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return datetime.datetime.fromtimestamp(value, datetime.UTC).isoformat().replace("+00:00", "Z")
    return value


def _iso_to_unix(value: Any) -> Any:
    if isinstance(value, str):
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        return int(moment.timestamp())
    return value


def _converter(schema: Mapping[str, Any]) -> Callable[[Any], Any] | None:
    """How a stored time of the other representation becomes the declared one (exact both ways).

    A spec that changes a time from Unix seconds to a ``date`` / ``date-time`` string (or back) is served in
    the new type at once, for objects stored before the change and plug-ins that still compute seconds alike.
    """
    types = _types(schema) - {"null"}
    if types == {"string"} and schema.get("format") == "date":
        return _unix_to_date
    if types == {"string"} and schema.get("format") == "date-time":
        return _unix_to_datetime
    if types == {"integer"}:
        return _iso_to_unix
    return None


def _is_param(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load_api(path: str | os.PathLike[str] | None = None) -> ApiSpec:
    """Read and index the spec at `path` (default: `default_spec_path()`); cached per path."""
    spec_path = Path(path) if path is not None else default_spec_path()
    with spec_path.open("rb") as handle:
        raw = yaml.load(handle, Loader=_LOADER)
    if not isinstance(raw, Mapping):
        raise ValueError(f"{spec_path} is not an OpenAPI document")
    return ApiSpec(raw, path=spec_path)


@functools.cache
def load_models(path: str | os.PathLike[str] | None = None) -> ModuleType:
    """The generated request models: `molam_sandbox.models`, or the module file at `path` (another spec's)."""
    if path is None:
        return importlib.import_module("molam_sandbox.models")
    module_name = "molam_sandbox_models_" + re.sub(r"\W", "_", str(Path(path).resolve()))
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ValueError(f"cannot load models from {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # pydantic resolves forward references through sys.modules
    spec.loader.exec_module(module)
    return module
