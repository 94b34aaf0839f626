"""The resource layer described from the spec: one module per tag, one method per operation, its arguments.

Rendered into `molam_sdk/resources/` (templates/resources/); the CLI's command table is described from the
same description (generator.codegen.cli_commands).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.parser.properties import EnumProperty, LiteralEnumProperty, ModelProperty
from openapi_python_client.parser.properties.boolean import BooleanProperty
from openapi_python_client.parser.properties.const import ConstProperty
from openapi_python_client.parser.properties.float import FloatProperty
from openapi_python_client.parser.properties.int import IntProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.none import NoneProperty
from openapi_python_client.parser.properties.protocol import PropertyProtocol
from openapi_python_client.parser.properties.string import StringProperty
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.schema.untrusted_string import UntrustedString

from .errors import GenerationError
from .field_shapes import Shape, field_shape
from .model_context import literal_alias
from .raw_spec import deprecation, resolve_ref
from .template_filters import python_literal
from .unions import DiscriminatedUnionProperty

#: Keyword arguments every resource method may take besides the operation's own parameters.
RESERVED_ARGUMENTS = frozenset(
    {"self", "body", "idempotency_key", "molam_version", "timeout", "max_retries", "extra_headers"}
)
IDEMPOTENCY_HEADER = "Idempotency-Key"
VERSION_HEADER = "Molam-Version"

#: Property kinds whose Python value is already what JSON (and httpx's query encoding) wants.
PLAIN_PROPERTIES = (StringProperty, IntProperty, FloatProperty, BooleanProperty, NoneProperty, ConstProperty)


@dataclass
class Argument:
    """One keyword argument of a resource method that maps to a spec parameter or a body field."""

    python_name: str
    json_name: str
    annotation: str
    required: bool
    description: UntrustedString | None
    wire: str = ""  # expression turning the argument into its JSON (or query / header / path) value
    deprecated: str | None = None  # `deprecated: true` in the spec: what to use instead (its description)
    shape: Shape | None = None  # how the CLI parses it (generator/codegen/field_shapes.py)


@dataclass
class Operation:
    """One API operation as a resource method."""

    method: str
    http_method: str
    path: str
    url: str  # a Python expression: the path with its parameters filled in and escaped
    summary: UntrustedString | None
    description: UntrustedString | None
    path_params: list[Argument]
    query_params: list[Argument]
    header_params: list[Argument]
    body_class: str | None
    body_required: bool
    body_fields: list[Argument]
    body_model: str | None  # the request model's own name (body_class may be an alias), imported on use
    response_class: str | None  # the name used in the module (a model clashing with a class is aliased)
    response_model: str | None  # the model's own name, for error messages
    page_item: str | None
    idempotent: bool  # a POST: takes `idempotency_key` and sends it as the Idempotency-Key header
    deprecated: str | None = None  # `deprecated: true` in the spec: what to use instead (its description)

    @property
    def deprecated_arguments(self) -> list[Argument]:
        """Arguments marked deprecated: a warning when given."""
        every = self.path_params + self.query_params + self.header_params + self.body_fields
        return [argument for argument in every if argument.deprecated]

    @property
    def required_body_fields(self) -> list[Argument]:
        """Body fields the caller must give unless the whole `body=` is given."""
        return [argument for argument in self.body_fields if argument.required]

    @property
    def overloaded(self) -> bool:
        """True when field arguments and `body=` are two typed alternatives (some field is required)."""
        return self.body_class is not None and bool(self.required_body_fields)

    @property
    def optional_body_fields(self) -> list[Argument]:
        """Body fields that may be left out."""
        return [argument for argument in self.body_fields if not argument.required]


@dataclass
class Resource:
    """One spec tag: a module of resource classes."""

    tag: str
    module: str
    class_name: str
    description: UntrustedString | None
    operations: list[Operation] = field(default_factory=list)
    model_imports: set[str] = field(default_factory=set)  # every model named in the module (annotations)
    runtime_imports: set[str] = field(default_factory=set)  # the models whose code runs (response parsing)
    model_modules: dict[str, str] = field(default_factory=dict)  # model class -> its module in models/
    model_aliases: dict[str, str] = field(default_factory=dict)  # model class -> local name, when clashing
    uses_datetime: bool = False

    @property
    def class_names(self) -> tuple[str, ...]:
        """The four classes of the module."""
        c = self.class_name
        return (c, f"{c}WithRawResponse", f"Async{c}", f"Async{c}WithRawResponse")

    def local_name(self, model: str) -> str:
        """The name `model` has in the module."""
        return self.model_aliases.get(model, model)


def describe_resources(openapi: GeneratorData, raw_spec: Mapping[str, Any]) -> list[Resource]:
    """The resource modules to render, one per tag, operations in spec order."""
    tag_descriptions = {
        str(tag.get("name")): tag.get("description")
        for tag in raw_spec.get("tags", [])
        if isinstance(tag, Mapping)
    }
    modules = {
        str(model.class_info.name): str(model.class_info.module_name)
        for model in [*openapi.models, *openapi.enums]
    }
    modules.update(
        {literal_alias(str(e.class_info.name)): str(e.class_info.module_name) for e in openapi.enums}
    )
    resources: list[Resource] = []
    for tag_id, collection in sorted(openapi.endpoint_collections_by_tag.items()):
        raw_tag = _raw_tag(raw_spec, collection.endpoints[0]) if collection.endpoints else str(tag_id)
        description = tag_descriptions.get(raw_tag)
        resource = Resource(
            tag=raw_tag,
            module=str(tag_id),
            class_name=_pascal(raw_tag),
            description=UntrustedString(description) if isinstance(description, str) else None,
        )
        seen: dict[str, str] = {}
        for endpoint in collection.endpoints:
            operation = _describe_operation(endpoint, raw_spec, resource)
            if operation.method in seen:
                raise GenerationError(
                    f"tag {raw_tag}: x-molam-method {operation.method!r} used by both "
                    f"{seen[operation.method]} and {endpoint.name}"
                )
            seen[operation.method] = str(endpoint.name)
            resource.operations.append(operation)
        resource.model_modules = {name: modules[name] for name in resource.model_imports}
        _alias_clashing_models(resource)
        resources.append(resource)
    return resources


def _alias_clashing_models(resource: Resource) -> None:
    """Import a model whose name is one of the module's classes (tag MerchantOnboarding, model
    MerchantOnboarding) as `<Name>Model`, and use that name in every annotation and expression."""
    clashing = sorted(set(resource.class_names) & resource.model_imports)
    if not clashing:
        return
    resource.model_aliases = {name: f"{name}Model" for name in clashing}
    taken = resource.model_imports | set(resource.class_names)
    if taken & set(resource.model_aliases.values()):
        raise GenerationError(f"tag {resource.tag}: cannot alias {clashing}: the aliases are taken")
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, clashing)) + r")\b")

    def rename(text: str | None) -> str | None:
        return None if text is None else pattern.sub(lambda m: resource.model_aliases[m.group(1)], text)

    for op in resource.operations:
        for argument in op.path_params + op.query_params + op.header_params + op.body_fields:
            argument.annotation = rename(argument.annotation) or ""
        op.body_class = rename(op.body_class)
        op.response_class = rename(op.response_class)
        op.page_item = rename(op.page_item)


def _pascal(tag: str) -> str:
    from openapi_python_client.strings import ClassName

    return str(ClassName(tag, "Tag"))


def _raw_operation(raw_spec: Mapping[str, Any], endpoint: Endpoint) -> Mapping[str, Any]:
    operation: Mapping[str, Any] = raw_spec["paths"][endpoint.path.get_untrusted_value()][endpoint.method]
    return operation


def _raw_tag(raw_spec: Mapping[str, Any], endpoint: Endpoint) -> str:
    tags = _raw_operation(raw_spec, endpoint).get("tags") or ["default"]
    return str(tags[0])


def _describe_operation(endpoint: Endpoint, raw_spec: Mapping[str, Any], resource: Resource) -> Operation:
    raw = _raw_operation(raw_spec, endpoint)
    where = f"{endpoint.method.upper()} {endpoint.path.get_untrusted_value()} ({endpoint.name})"
    method = raw.get("x-molam-method")
    if not isinstance(method, str) or not method.isidentifier() or method.startswith("_"):
        raise GenerationError(f"{where}: needs `x-molam-method: <python method name>`")
    if len(endpoint.bodies) > 1:
        raise GenerationError(f"{where}: only one request body content type (application/json) is supported")
    if endpoint.cookie_parameters:
        raise GenerationError(f"{where}: cookie parameters are not supported")

    raw_params = _raw_parameters(raw_spec, endpoint)
    path_params = [_parameter(p, resource, where, raw_params) for p in endpoint.path_parameters]
    query_params = [_parameter(p, resource, where, raw_params) for p in endpoint.query_parameters]
    header_params: list[Argument] = []
    for prop in endpoint.header_parameters:
        header = prop.name.get_untrusted_value()
        if header.lower() in {IDEMPOTENCY_HEADER.lower(), VERSION_HEADER.lower()}:
            # The resource layer sends these two itself, from `idempotency_key` / `molam_version`.
            if prop.required:
                raise GenerationError(f"{where}: header {header} must be optional (the client fills it in)")
            if header.lower() == IDEMPOTENCY_HEADER.lower() and endpoint.method != "post":
                raise GenerationError(f"{where}: Idempotency-Key belongs on POST operations only")
            continue
        header_params.append(_parameter(prop, resource, where, raw_params))

    body_class: str | None = None
    body_required = False
    body_fields: list[Argument] = []
    if endpoint.bodies:
        body = endpoint.bodies[0]
        if not isinstance(body.prop, ModelProperty) or body.body_type != "json":
            raise GenerationError(f"{where}: the request body must be a JSON object schema")
        body_class = body.prop.class_info.name
        body_required = body.prop.required
        resource.model_imports.add(body_class)
        raw_body = resolve_ref(raw_spec, raw.get("requestBody", {}))
        raw_body_schema = raw_body.get("content", {}).get("application/json", {}).get("schema", {})
        raw_fields = resolve_ref(raw_spec, raw_body_schema).get("properties", {})
        for prop in (body.prop.required_properties or []) + (body.prop.optional_properties or []):
            name = str(prop.python_name)
            body_fields.append(
                Argument(
                    python_name=name,
                    json_name=prop.name.get_untrusted_value(),
                    annotation=_input_type(prop, resource),
                    required=prop.required,
                    description=prop.description,
                    wire=name if _is_plain(prop) else f"to_json({name})",
                    deprecated=deprecation(raw_spec, raw_fields.get(prop.name.get_untrusted_value())),
                    shape=field_shape(prop),
                )
            )

    names = [a.python_name for a in path_params + query_params + header_params + body_fields]
    clashes = sorted({n for n in names if names.count(n) > 1} | (set(names) & RESERVED_ARGUMENTS))
    if clashes:
        raise GenerationError(f"{where}: argument names clash: {', '.join(clashes)}")

    response_class, page_item = _response(endpoint, where, resource, query_params)
    return Operation(
        method=method,
        http_method=endpoint.method.upper(),
        path=endpoint.path.get_untrusted_value(),
        url=_url_expression(endpoint.path.get_untrusted_value(), path_params, where),
        summary=endpoint.summary or None,
        description=endpoint.description or None,
        path_params=path_params,
        query_params=query_params,
        header_params=header_params,
        body_class=body_class,
        body_required=body_required,
        body_fields=body_fields,
        body_model=body_class,
        response_class=response_class,
        response_model=response_class,
        page_item=page_item,
        idempotent=endpoint.method == "post",
        deprecated=deprecation(raw_spec, raw),
    )


_PATH_PARAMETER = re.compile(r"\{([^{}]+)\}")


def _url_expression(path: str, path_params: list[Argument], where: str) -> str:
    """A Python expression for `path` with each `{name}` replaced by its argument, percent-escaped whole
    (a `/` in an id must not change the route): an f-string, or a plain literal without parameters."""
    by_json = {argument.json_name: argument for argument in path_params}
    used = _PATH_PARAMETER.findall(path)
    if sorted(used) != sorted(by_json):
        raise GenerationError(f"{where}: path parameters {sorted(by_json)} do not match the path's {used}")
    literal = _PATH_PARAMETER.split(path)[::2]
    if any("{" in part or "}" in part for part in literal):
        raise GenerationError(f"{where}: unbalanced braces in the path")
    if not used:
        return python_literal(path)
    pieces = []
    for index, part in enumerate(literal):
        pieces.append(python_literal(part)[1:-1])
        if index < len(used):
            argument = by_json[used[index]]
            pieces.append(f"{{quote(str({argument.wire}), safe='')}}")
    return 'f"' + "".join(pieces) + '"'


def _response(
    endpoint: Endpoint, where: str, resource: Resource, query_params: list[Argument]
) -> tuple[str | None, str | None]:
    """The 2xx response model (None: no body) and, for a paginated list, the item type."""
    successes = [
        r for r in endpoint.responses.patterns if r.status_code.range and 200 <= r.status_code.range[0] <= 299
    ]
    if not successes:
        raise GenerationError(f"{where}: no 2xx response")
    prop = successes[0].prop
    if isinstance(prop, NoneProperty):
        if not all(isinstance(r.prop, NoneProperty) for r in successes):
            raise GenerationError(f"{where}: 2xx responses mix empty and JSON bodies")
        return None, None
    if not isinstance(prop, ModelProperty):
        raise GenerationError(f"{where}: a 2xx response must be a JSON object schema or empty")
    classes = {r.prop.class_info.name if isinstance(r.prop, ModelProperty) else "?" for r in successes}
    if classes != {prop.class_info.name}:
        raise GenerationError(f"{where}: all 2xx responses must share one schema, got {sorted(classes)}")
    resource.model_imports.add(prop.class_info.name)
    resource.runtime_imports.add(prop.class_info.name)
    page_item = (
        _page_item(prop, resource) if any(q.json_name == "starting_after" for q in query_params) else None
    )
    return prop.class_info.name, page_item


def _page_item(model: ModelProperty, resource: Resource) -> str | None:
    """The item type of a list envelope ({data: [...], has_more: bool}), or None when `model` is not one."""
    required = {p.name.get_untrusted_value(): p for p in model.required_properties or []}
    data, has_more = required.get("data"), required.get("has_more")
    if not isinstance(data, ListProperty) or not isinstance(has_more, BooleanProperty):
        return None
    resource.model_imports.update(_class_names(data.inner_property))
    return data.inner_property.get_type_string(no_optional=True).as_unembedded_code()


def _parameter(
    prop: Any, resource: Resource, where: str, raw_params: Mapping[str, Mapping[str, Any]]
) -> Argument:
    name = str(prop.python_name)
    _refuse_unsupported_parameter(prop, name, where)
    json_name = prop.name.get_untrusted_value()
    return Argument(
        python_name=name,
        json_name=json_name,
        annotation=_input_type(prop, resource),
        required=prop.required,
        description=prop.description,
        wire=name if _is_plain(prop) else f"to_json({name})",
        deprecated=deprecation(raw_spec=None, node=raw_params.get(json_name)),
        shape=field_shape(prop),
    )


def _raw_parameters(raw_spec: Mapping[str, Any], endpoint: Endpoint) -> dict[str, Mapping[str, Any]]:
    """The operation's parameters as written (path-item ones first, the operation's override), by name."""
    path_item = raw_spec["paths"][endpoint.path.get_untrusted_value()]
    out: dict[str, Mapping[str, Any]] = {}
    for source in (path_item.get("parameters", []), _raw_operation(raw_spec, endpoint).get("parameters", [])):
        for node in source:
            resolved = resolve_ref(raw_spec, node) if isinstance(node, Mapping) else {}
            if isinstance(resolved.get("name"), str):
                out[resolved["name"]] = resolved
    return out


def _input_type(prop: PropertyProtocol, resource: Resource) -> str:
    """The type a resource method accepts for `prop`: friendlier than the model's (str for enums, dicts)."""
    for class_name in _class_names(prop):
        resource.model_imports.add(class_name)
    if isinstance(prop, EnumProperty):
        # The enum or one of its values spelled as a literal (as openai-python types such parameters): a
        # misspelled value fails the caller's type check instead of reaching the server. The alias lives
        # beside the enum, so a value added to the spec reaches both with `make generate`.
        alias = literal_alias(prop.class_info.name)
        resource.model_imports.add(alias)
        return f"{prop.class_info.name} | {alias}"
    if isinstance(prop, ModelProperty):
        return f"{prop.class_info.name} | Mapping[str, Any]"
    if isinstance(prop, ListProperty):
        return f"Sequence[{_input_type(prop.inner_property, resource)}]"
    if isinstance(prop, UnionProperty):
        parts: list[str] = []
        for inner in prop.inner_properties:
            for part in _input_type(inner, resource).split(" | "):
                if part not in parts:
                    parts.append(part)
        if isinstance(prop, DiscriminatedUnionProperty) and "Mapping[str, Any]" not in parts:
            parts.append("Mapping[str, Any]")
        # Reads best as `A | B | Mapping[str, Any] | None`.
        tail: list[str] = [p for p in ("Mapping[str, Any]", "None") if p in parts]
        return " | ".join([p for p in parts if p not in tail] + tail)
    type_string = prop.get_type_string(no_optional=True).as_unembedded_code()
    if "datetime." in type_string:
        resource.uses_datetime = True
    return type_string


def _class_names(prop: PropertyProtocol) -> Iterator[str]:
    if isinstance(prop, EnumProperty | LiteralEnumProperty | ModelProperty):
        yield prop.class_info.name
    elif isinstance(prop, ListProperty):
        yield from _class_names(prop.inner_property)
    elif isinstance(prop, UnionProperty):
        for inner in prop.inner_properties:
            yield from _class_names(inner)


def _is_plain(prop: PropertyProtocol) -> bool:
    """True when values of `prop` go on the wire as they are (no enum, model, list, date to convert)."""
    if isinstance(prop, UnionProperty):
        return all(_is_plain(inner) for inner in prop.inner_properties)
    return isinstance(prop, PLAIN_PROPERTIES)


def _refuse_unsupported_parameter(prop: PropertyProtocol, name: str, where: str) -> None:
    """Parameters are scalars, enums or (query) lists of those: objects have no agreed URL encoding here."""
    inners = prop.inner_properties if isinstance(prop, UnionProperty) else [prop]
    for inner in inners:
        if isinstance(inner, ListProperty):
            inner = inner.inner_property
            if isinstance(inner, ListProperty | UnionProperty):
                raise GenerationError(f"{where}: parameter {name}: nested arrays are not supported")
        if isinstance(inner, ModelProperty):
            raise GenerationError(f"{where}: parameter {name}: object parameters are not supported")
