"""Render the `molam_sdk` package from the spec with openapi-python-client, in process.

The stock generator makes the models; our templates (templates/) make them lenient and add the resource
layer (`molam_sdk/resources/`) and the small runtime contract it is written against (`requester`,
`resource`, `raw_response`, `pagination`, `errors`), which `molam_sdk_ext` implements. The stock endpoint
functions (`api/`) and `client.py` are not emitted: they would be a second client without retries,
idempotency or the breaker. Running in process lets us hand the parsed spec to our own resource templates
and rewrite discriminated unions before rendering.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import attrs
from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import ErrorLevel, GeneratorError
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.parser.properties import (
    EnumProperty,
    LiteralEnumProperty,
    ModelProperty,
)
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
from openapi_python_client.strings import PythonCode

from .cli_commands import CommandGroup, Shape, describe_commands, field_shape
from .lint import deprecation_note

__all__ = ["GenerationError", "build_sdk", "deprecation_note", "literal_alias", "load_config"]

PACKAGE = "molam_sdk"

#: Keyword arguments every resource method may take besides the operation's own parameters.
RESERVED_ARGUMENTS = frozenset(
    {"self", "body", "idempotency_key", "molam_version", "timeout", "max_retries", "extra_headers"}
)
#: Builtins that openapi-python-client would suffix with "_" but that are fine as attribute and argument
#: names: a payments SDK user expects `event.type`, `event.data.object` and `error.type`, as in the JSON.
#: Generated code never calls these builtins where such a name is in scope.
UNRESERVED_NAMES = frozenset({"type", "object"})
#: The runtime contract rendered from templates/runtime/<module>.py.jinja into molam_sdk/<module>.py.
RUNTIME_MODULES = ("requester", "resource", "raw_response", "pagination")
IDEMPOTENCY_HEADER = "Idempotency-Key"
VERSION_HEADER = "Molam-Version"


class GenerationError(Exception):
    """The spec or the toolchain made generation impossible; the message says what to fix."""


def _unreserve_names() -> None:
    # The generator checks names against a module-level set; shrinking it in place is its only extension point.
    from openapi_python_client import strings

    strings.RESERVED_WORDS.difference_update(UNRESERVED_NAMES)


_unreserve_names()


def load_config(config_path: Path, spec_path: Path, package_dir: Path) -> Config:
    """openapi-python-client's settings from generator/config.yaml, writing into `package_dir`."""
    config_file = ConfigFile.load_from_path(config_path)
    return Config.from_sources(
        config_file,
        MetaType.NONE,
        document_source=spec_path,
        file_encoding="utf-8",
        overwrite=True,
        output_path=package_dir,
    )


def build_sdk(
    *, raw_spec: dict[str, Any], config: Config, template_dir: Path, header: str
) -> tuple[Project, list[str]]:
    """Render molam_sdk/ (without post hooks) into `config.output_path`; return the project and warnings."""
    openapi = GeneratorData.from_dict(raw_spec, config=config)
    if isinstance(openapi, GeneratorError):
        raise GenerationError(_describe(openapi))
    errors = [*openapi.errors]
    for collection in openapi.endpoint_collections_by_tag.values():
        errors.extend(collection.parse_errors)
    fatal = [error for error in errors if error.level == ErrorLevel.ERROR]
    if fatal:
        raise GenerationError("\n\n".join(_describe(error) for error in fatal))
    warnings = [_describe(error) for error in errors if error.level != ErrorLevel.ERROR]

    _refuse_clashing_property_names(openapi)
    _use_discriminators(openapi, raw_spec)
    _hoist_model_imports(openapi)
    resources = describe_resources(openapi, raw_spec)
    commands = describe_commands(resources, raw_spec)
    events = describe_events(openapi, raw_spec)
    deprecations = describe_model_deprecations(openapi, raw_spec)
    literal_imports = describe_enum_literals(openapi)
    project = MolamProject(
        openapi=openapi,
        config=config,
        custom_template_path=template_dir,
        resources=resources,
        commands=commands,
        events=events,
        header=header,
    )
    project.env.globals["deprecations"] = deprecations
    project.env.globals["literal_imports"] = literal_imports
    project.render()
    return project, warnings


class MolamProject(Project):
    """The stock project plus `molam_sdk/resources/` and `py.typed`, without printing or post hooks."""

    def __init__(
        self,
        *,
        openapi: GeneratorData,
        config: Config,
        custom_template_path: Path,
        resources: list[Resource],
        commands: list[CommandGroup],
        events: list[EventModel],
        header: str,
    ) -> None:
        super().__init__(openapi=openapi, config=config, custom_template_path=custom_template_path)
        self.env.filters["sentence"] = sentence
        self.env.filters["python_literal"] = python_literal
        self.env.filters["deprecation_note"] = deprecation_note
        self.env.filters["literal_alias"] = literal_alias
        # package_init.py.jinja exposes these as molam_sdk.SPEC_TITLE / molam_sdk.API_VERSION.
        self.env.globals["spec_title"] = openapi.title.get_untrusted_value()
        self.env.globals["api_version"] = openapi.version.get_untrusted_value()
        self.resources = resources
        self.commands = commands
        self.events = events
        self.header = header

    def render(self) -> None:
        """Write every file of the package; formatting is the caller's business (ruff, afterwards)."""
        self.project_dir.mkdir(parents=True, exist_ok=True)
        self._create_package()
        self._build_models()
        self._build_runtime()
        self._build_resources()
        self._build_events()
        self._build_commands()
        (self.package_dir / "py.typed").write_text(self.header + "\n", encoding="utf-8")

    def _build_runtime(self) -> None:
        """The contract the resources are written against (templates/runtime/) and the base errors."""
        errors = self.env.get_template("errors.py.jinja")
        (self.package_dir / "errors.py").write_text(errors.render(), encoding="utf-8")
        for module in RUNTIME_MODULES:
            template = self.env.get_template(f"runtime/{module}.py.jinja")
            (self.package_dir / f"{module}.py").write_text(template.render(), encoding="utf-8")

    def _build_events(self) -> None:
        """The event registry (templates/events.py.jinja): event type -> typed model, from `webhooks`."""
        template = self.env.get_template("events.py.jinja")
        (self.package_dir / "events.py").write_text(
            template.render(events=self.events, groups=group_events(self.events)), encoding="utf-8"
        )

    def _build_commands(self) -> None:
        """The CLI's command table (templates/commands.py.jinja): one entry per operation, as plain data."""
        template = self.env.get_template("commands.py.jinja")
        enums = sorted({pair for group in self.commands for pair in group.enums})
        (self.package_dir / "commands.py").write_text(
            template.render(groups=self.commands, enums=enums), encoding="utf-8"
        )

    def _build_resources(self) -> None:
        resources_dir = self.package_dir / "resources"
        resources_dir.mkdir()
        support = self.env.get_template("resources/_request.py.jinja")
        (resources_dir / "_request.py").write_text(support.render(), encoding="utf-8")
        module_template = self.env.get_template("resources/resource.py.jinja")
        for resource in self.resources:
            (resources_dir / f"{resource.module}.py").write_text(
                module_template.render(resource=resource), encoding="utf-8"
            )
        init_template = self.env.get_template("resources/__init__.py.jinja")
        (resources_dir / "__init__.py").write_text(
            init_template.render(resources=self.resources), encoding="utf-8"
        )


def python_literal(value: str) -> str:
    """`value` as a double-quoted Python string literal (JSON string escapes are valid Python escapes)."""
    return json.dumps(str(value))


def sentence(text: str) -> str:
    """`text` ending with a full stop (summaries in the spec usually have none), for docstring first lines."""
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?", ":")) else f"{text}."


def _describe(error: GeneratorError) -> str:
    text = error.header
    if error.detail:
        text += f": {error.detail}"
    data = getattr(error, "data", None)
    if data is not None:
        text += f"\n    {data!r}"[:500]
    return text


#: Names the model template uses for its own locals and methods; a property with one of them would clash.
MODEL_TEMPLATE_NAMES = frozenset(
    {"d", "cls", "self", "src_dict", "field_dict", "prop", "prop_name", "prop_dict"}
    | {"additional_properties", "additional_keys", "to_dict", "from_dict", "to_multipart"}
)


def _refuse_clashing_property_names(openapi: GeneratorData) -> None:
    for model in openapi.models:
        properties = (model.required_properties or []) + (model.optional_properties or [])
        clashes = sorted({str(p.python_name) for p in properties} & MODEL_TEMPLATE_NAMES)
        if clashes:
            raise GenerationError(
                f"schema {_schema_name(model)}: property name(s) {', '.join(clashes)} clash with the generated "
                "model's own names; rename them in the spec"
            )


# --- model imports -------------------------------------------------------------------------------------

_IMPORT = re.compile(r"^from \.\.models\.(?P<module>\w+) import (?P<name>\w+)$")


def _hoist_model_imports(openapi: GeneratorData) -> None:
    """Import referenced models at module level, except along an import cycle.

    openapi-python-client imports every referenced model inside `from_dict` / `to_dict` (and under
    TYPE_CHECKING), in case two models refer to each other; that import statement then runs on every parse.
    Only models in one strongly connected component of the reference graph (recursive schemas) can form a
    cycle: those imports stay lazy, every other one moves to the top of the module.
    """
    names = {model.class_info.name for model in openapi.models}
    imported = {
        model.class_info.name: {line: _imported_name(line) for line in model.lazy_imports or set()}
        for model in openapi.models
    }
    component = _components({name: set(lines.values()) & names for name, lines in imported.items()})
    for model in openapi.models:
        own = component[model.class_info.name]
        lines = imported[model.class_info.name]
        hoisted = {line for line, target in lines.items() if component.get(target) != own}
        if hoisted:
            model.set_relative_imports({*(model.relative_imports or set()), *hoisted})
            model.set_lazy_imports({*(model.lazy_imports or set())} - hoisted)


def _imported_name(line: str) -> str:
    match = _IMPORT.match(line)
    if match is None:
        raise GenerationError(f"unexpected model import {line!r}: cannot tell whether it is cyclic")
    return match["name"]


def _components(graph: Mapping[str, set[str]]) -> dict[str, int]:
    """Strongly connected components of `graph` (Tarjan, iterative): node -> component number."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    component: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                number = len(set(component.values()))
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = number
                    if member == node:
                        break
    return component


# --- discriminated unions ------------------------------------------------------------------------------


@attrs.define
class DiscriminatedUnionProperty(UnionProperty):
    """A oneOf with a discriminator: parsed by the discriminator's value, unknown variants kept as dicts.

    `variants` pairs each discriminator value with the model it selects. The declared type gains
    `dict[str, Any]`, the home of a variant this client does not know yet.
    """

    discriminator: str = ""
    variants: list[tuple[str, ModelProperty]] = attrs.field(factory=list)
    template: ClassVar[str] = "discriminated_union_property.py.jinja"

    def _get_inner_type_strings(self, json: bool) -> set[PythonCode]:
        return {*super()._get_inner_type_strings(json), PythonCode("dict[str, Any]")}

    def get_imports(self, *, prefix: str) -> set[str]:
        return {*super().get_imports(prefix=prefix), "from typing import Any"}

    def get_type_string(self, no_optional: bool = False, json: bool = False) -> PythonCode:
        """Variants by name, then the raw-dict fallback, then None / Unset: `A | B | dict[str, Any] | None`."""
        codes = {
            code.as_unembedded_code()
            for code in self.get_type_strings_in_union(no_optional=no_optional, json=json)
        }
        tail: list[str] = [code for code in ("dict[str, Any]", "None", "Unset") if code in codes]
        head = sorted(codes - set(tail), key=str.lower)
        return PythonCode(" | ".join(head + tail))


def _use_discriminators(openapi: GeneratorData, raw_spec: Mapping[str, Any]) -> None:
    """Replace every union property whose schema has a discriminator by a DiscriminatedUnionProperty."""
    schemas: Mapping[str, Any] = raw_spec.get("components", {}).get("schemas", {})
    class_of_schema = {_schema_name(model): model for model in openapi.models}
    for model in openapi.models:
        raw_model = schemas.get(_schema_name(model))
        if not isinstance(raw_model, Mapping):
            continue
        raw_properties = _resolve(raw_spec, raw_model).get("properties", {})
        for properties in (model.required_properties or [], model.optional_properties or []):
            for index, prop in enumerate(properties):
                raw_prop = raw_properties.get(prop.name.get_untrusted_value())
                if not isinstance(prop, UnionProperty) or not isinstance(raw_prop, Mapping):
                    continue
                replacement = _discriminated(prop, _resolve(raw_spec, raw_prop), raw_spec, class_of_schema)
                if replacement is not None:
                    properties[index] = replacement


def _schema_name(model: ModelProperty) -> str:
    """The component schema name of `model` (the parser names component models by their JSON pointer)."""
    name = model.name.get_untrusted_value()
    prefix = "/components/schemas/"
    return name[len(prefix) :] if name.startswith(prefix) else name


def _discriminated(
    prop: UnionProperty,
    raw: Mapping[str, Any],
    raw_spec: Mapping[str, Any],
    class_of_schema: Mapping[str, ModelProperty],
) -> DiscriminatedUnionProperty | None:
    discriminator = raw.get("discriminator")
    if not isinstance(discriminator, Mapping) or "propertyName" not in discriminator:
        return None
    name = str(discriminator["propertyName"])
    mapping: Mapping[str, str] = discriminator.get("mapping") or {}
    value_of_ref = {ref: value for value, ref in mapping.items()}
    by_class = {
        inner.class_info.name: inner for inner in prop.inner_properties if isinstance(inner, ModelProperty)
    }
    variants: list[tuple[str, ModelProperty]] = []
    for option in [*raw.get("oneOf", []), *raw.get("anyOf", [])]:
        ref = option.get("$ref") if isinstance(option, Mapping) else None
        if not isinstance(ref, str):
            continue  # e.g. {"type": "null"}: handled by the union itself
        schema_name = ref.rsplit("/", 1)[-1]
        model = class_of_schema.get(schema_name)
        if model is None or model.class_info.name not in by_class:
            raise GenerationError(
                f"discriminated union {prop.name.get_untrusted_value()}: no model for {ref}"
            )
        value = value_of_ref.get(ref) or _const_of(_resolve(raw_spec, {"$ref": ref}), name) or schema_name
        variants.append((value, by_class[model.class_info.name]))
    if not variants:
        return None
    values = [value for value, _ in variants]
    if len(set(values)) != len(values):
        raise GenerationError(
            f"discriminated union {prop.name.get_untrusted_value()}: duplicate values {values}"
        )
    fields = {a.name: getattr(prop, a.name) for a in attrs.fields(UnionProperty)}
    return DiscriminatedUnionProperty(**fields, discriminator=name, variants=variants)


def _const_of(schema: Mapping[str, Any], name: str) -> str | None:
    """The single value a variant's discriminator property may take (`const`, or a one-value `enum`)."""
    prop = schema.get("properties", {}).get(name, {})
    if "const" in prop:
        return str(prop["const"])
    enum = prop.get("enum")
    if isinstance(enum, list) and len(enum) == 1:
        return str(enum[0])
    return None


def _resolve(raw_spec: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow local `$ref`s (a few hops at most) to the schema object they name."""
    for _ in range(8):
        ref = schema.get("$ref")
        if not isinstance(ref, str):
            return schema
        if not ref.startswith("#/"):
            raise GenerationError(f"only local $refs are supported, got {ref}")
        node: Any = raw_spec
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        schema = node
    return schema


def describe_model_deprecations(openapi: GeneratorData, raw_spec: Mapping[str, Any]) -> dict[str, str]:
    """`"<Model>.<attribute>"` -> what to use instead, for every property marked `deprecated: true`."""
    schemas: Mapping[str, Any] = raw_spec.get("components", {}).get("schemas", {})
    out: dict[str, str] = {}
    for model in openapi.models:
        raw_model = schemas.get(_schema_name(model))
        if not isinstance(raw_model, Mapping):
            continue
        raw_properties = _resolve(raw_spec, raw_model).get("properties", {})
        for prop in (model.required_properties or []) + (model.optional_properties or []):
            note = deprecation(raw_spec, raw_properties.get(prop.name.get_untrusted_value()))
            if note is not None:
                out[f"{model.class_info.name}.{prop.python_name}"] = note
    return out


def literal_alias(enum_name: str) -> str:
    """The name of the `Literal[...]` alias of an enum's values, defined in the enum's own module."""
    return f"{enum_name}Literal"


def describe_enum_literals(openapi: GeneratorData) -> list[str]:
    """The import lines `molam_sdk.models` adds for the enums' literal aliases (templates/models_init.py.jinja).

    Refuses a spec where an alias would take the name of a schema (`PayoutStatus` and `PayoutStatusLiteral`).
    """
    taken = {str(item.class_info.name) for item in [*openapi.models, *openapi.enums]}
    lines: list[str] = []
    for enum in openapi.enums:
        if not isinstance(enum, EnumProperty):
            continue
        alias = literal_alias(str(enum.class_info.name))
        if alias in taken:
            raise GenerationError(
                f"schema {alias} clashes with the literal alias of enum {enum.class_info.name}; rename it"
            )
        lines.append(f"from .{enum.class_info.module_name} import {alias}")
    return lines


# --- webhook event registry ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EventModel:
    """One webhook of the spec: its event type and the generated model of its payload."""

    type: str
    class_name: str
    module: str
    #: The model of the payload's `data.object` (e.g. PaymentIntent), or None when it is not one model: events
    #: about the same kind of object share handlers (`on("payment_intent.succeeded", "payment_intent.failed")`).
    object_class: str | None = None


@dataclass(frozen=True)
class EventGroup:
    """The events whose `data.object` is one model: `PaymentIntentEvent`, the union of their models."""

    alias: str  # the union's name in molam_sdk.events: the object's class name + "Event"
    object_class: str
    events: tuple[EventModel, ...]


def group_events(events: list[EventModel]) -> list[EventGroup]:
    """The groups of two or more events sharing a `data.object` model, in the order of their first event.

    A group's alias must not be an event model's own name (a schema `PaymentIntentEvent` for an event would
    shadow the union): that is a GenerationError naming both.
    """
    by_object: dict[str, list[EventModel]] = {}
    for event in events:
        if event.object_class is not None:
            by_object.setdefault(event.object_class, []).append(event)
    names = {event.class_name for event in events}
    groups = []
    for object_class, members in by_object.items():
        if len(members) < 2:
            continue  # one event: its own overload of `on` already names its model
        alias = f"{object_class}Event"
        if alias in names:
            raise GenerationError(
                f"the union of the events about {object_class} would be named {alias}, which is an event "
                "model's name; rename that schema"
            )
        groups.append(EventGroup(alias, object_class, tuple(members)))
    return groups


def _object_class(model: ModelProperty, models: Mapping[str, ModelProperty]) -> str | None:
    """The class name of `data.object` in an event model, when both are models.

    A property that refers to a model is a copy without its properties; `models` (class name -> the parsed
    model) has them.
    """

    def property_model(of: ModelProperty, name: str) -> ModelProperty | None:
        parsed = models.get(str(of.class_info.name), of)
        for prop in (parsed.required_properties or []) + (parsed.optional_properties or []):
            if prop.name == name and isinstance(prop, ModelProperty):
                return prop
        return None

    data = property_model(model, "data")
    obj = property_model(data, "object") if data is not None else None
    return str(obj.class_info.name) if obj is not None else None


def describe_events(openapi: GeneratorData, raw_spec: Mapping[str, Any]) -> list[EventModel]:
    """The spec's webhooks in order, each with the model of its JSON payload.

    A payload must be a `$ref` to a component schema (the generator ignores `webhooks`, so only component
    schemas become models); when that schema pins its `type` property (`const`), it must equal the event type.
    """
    webhooks = raw_spec.get("webhooks") or {}
    if not isinstance(webhooks, Mapping):
        raise GenerationError("`webhooks` must be a mapping of event type -> path item")
    class_of_schema = {_schema_name(model): model for model in openapi.models}
    models = {str(model.class_info.name): model for model in openapi.models}
    events: list[EventModel] = []
    for event_type, item in webhooks.items():
        where = f"webhook {event_type}"
        operation = _resolve(raw_spec, item).get("post") if isinstance(item, Mapping) else None
        body = _resolve(raw_spec, operation.get("requestBody", {})) if isinstance(operation, Mapping) else {}
        schema = body.get("content", {}).get("application/json", {}).get("schema", {})
        ref = schema.get("$ref") if isinstance(schema, Mapping) else None
        if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
            raise GenerationError(
                f"{where}: the POST request body (application/json) must be a $ref to a component schema"
            )
        model = class_of_schema.get(ref.rsplit("/", 1)[-1])
        if model is None:
            raise GenerationError(f"{where}: no model was generated for {ref}")
        pinned = _const_of(_resolve(raw_spec, schema), "type")
        if pinned is not None and pinned != event_type:
            raise GenerationError(f"{where}: its schema {ref} pins `type` to {pinned!r}")
        events.append(
            EventModel(
                str(event_type),
                model.class_info.name,
                str(model.class_info.module_name),
                _object_class(model, models),
            )
        )
    return events


# --- resource layer description --------------------------------------------------------------------------

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
    shape: Shape | None = None  # how the CLI parses it (generator/cli_commands.py)


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
        raw_body = _resolve(raw_spec, raw.get("requestBody", {}))
        raw_body_schema = raw_body.get("content", {}).get("application/json", {}).get("schema", {})
        raw_fields = _resolve(raw_spec, raw_body_schema).get("properties", {})
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
            resolved = _resolve(raw_spec, node) if isinstance(node, Mapping) else {}
            if isinstance(resolved.get("name"), str):
                out[resolved["name"]] = resolved
    return out


def deprecation(raw_spec: Mapping[str, Any] | None, node: Any) -> str | None:
    """For a node marked `deprecated: true` (itself or the schema its `$ref` names), its description: what
    to use instead (the lint insists on one). None when the node is not deprecated."""
    if not isinstance(node, Mapping):
        return None
    nodes = [node]
    if raw_spec is not None and isinstance(node.get("$ref"), str):
        nodes.append(_resolve(raw_spec, node))
    if not any(item.get("deprecated") is True for item in nodes):
        return None
    text = next((item["description"] for item in nodes if isinstance(item.get("description"), str)), "")
    return " ".join(text.split()) or "Deprecated."


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
