"""The `molam` CLI's resource commands, described from the spec (rendered into `molam_sdk/commands.py`).

One command per operation, grouped by tag: the group is the tag's `x-molam-namespace` with dashes
(`payment-intents`), the command the operation's `x-molam-method` with dashes (`rotate-secret`). Each
command lists the resource method's arguments (path parameters, query parameters, top-level body fields) with
the shape the CLI needs to parse them: scalar type, generated enum class, array, string map, nested object.

Money is read from the spec, never from a list of names. The spec's convention (its `info.description`) is
that every `amount` is an integer in the currency's minor unit; an integer body field whose name has the word
`amount` in it (`amount`, `amount_to_capture`) is typed in major units on the command line when its currency
can be known before the call:
- from a sibling string body field `currency` (create a payment intent, a transfer, a payout), or
- from the object the operation is about: an id argument (path parameter or body field) whose `pattern`
  starts with the `x-molam-id-prefix` of a schema that has a `currency` property, retrieved by the operation
  that GETs that schema by its id (capture `pi_...` -> retrieve the payment intent; refund a charge).
Any other integer stays an integer, sent as typed.

Pure data: nothing here imports the CLI or typer; the hand-written builder (molam_sdk_ext/cli) reads the table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import GenerationError
from .field_shapes import Shape
from .raw_spec import resolve_ref
from .resources import Argument, Operation, Resource

__all__ = ["CommandGroup", "CommandInfo", "FieldInfo", "Lookup", "describe_commands"]

#: How many columns a list command's table shows at most (id first): wider tables fold on a terminal.
MAX_COLUMNS = 6
#: Properties never shown as list columns: constant or shown with another column (money carries its currency).
HIDDEN_COLUMNS = frozenset({"id", "object", "livemode", "currency"})
_AMOUNT_WORD = re.compile(r"(^|_)amount(_|$)")
_ID_PREFIX = re.compile(r"^\^([A-Za-z0-9]+_)")
_SCALAR_TYPES = frozenset({"string", "integer", "number", "boolean"})


@dataclass(frozen=True)
class Lookup:
    """Where a money field's currency comes from when the body has none: the object whose id is `argument`,
    retrieved with `client.<resource>.<method>(id)`."""

    argument: str
    resource: str
    method: str


@dataclass(frozen=True)
class FieldInfo:
    """One option or argument of a command (a keyword argument of the resource method)."""

    name: str
    wire_name: str
    location: str  # path, query, header or body
    shape: Shape
    required: bool
    description: str
    deprecated: str | None
    money: bool = False
    currency_argument: str | None = None
    lookups: tuple[Lookup, ...] = ()


@dataclass(frozen=True)
class CommandInfo:
    """One operation as `molam <group> <name>`."""

    name: str
    method: str
    operation_id: str
    http_method: str
    path: str
    summary: str
    description: str
    fields: tuple[FieldInfo, ...]
    paginated: bool
    idempotent: bool
    deprecated: str | None
    columns: tuple[str, ...]


@dataclass(frozen=True)
class CommandGroup:
    """One tag as `molam <group>`: `resource` is the client attribute (`molam.payment_intents`)."""

    name: str
    resource: str
    tag: str
    description: str
    commands: tuple[CommandInfo, ...]

    @property
    def enums(self) -> set[tuple[str, str]]:
        """(module, class) of every generated enum its commands offer as choices."""
        return {
            (str(f.shape.enum_module), f.shape.enum_class)
            for command in self.commands
            for f in command.fields
            if f.shape.enum_class
        }


def describe_commands(resources: list[Resource], raw_spec: Mapping[str, Any]) -> list[CommandGroup]:
    """The command groups, by group name; commands in spec order."""
    namespaces = {
        str(tag.get("name")): tag.get("x-molam-namespace")
        for tag in raw_spec.get("tags", [])
        if isinstance(tag, Mapping)
    }
    retrievers = _retrievers(resources, raw_spec)
    groups: list[CommandGroup] = []
    for resource in resources:
        namespace = namespaces.get(resource.tag)
        name = (namespace if isinstance(namespace, str) and namespace else resource.module).replace("_", "-")
        commands = tuple(_command(operation, raw_spec, retrievers) for operation in resource.operations)
        groups.append(
            CommandGroup(
                name=name,
                resource=resource.module,
                tag=resource.tag,
                description=_text(resource.description),
                commands=commands,
            )
        )
    names = [group.name for group in groups]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise GenerationError(f"CLI command groups clash (tags with one x-molam-namespace): {clashes}")
    return sorted(groups, key=lambda group: group.name)


def _command(
    operation: Operation, raw_spec: Mapping[str, Any], retrievers: Mapping[str, tuple[str, str]]
) -> CommandInfo:
    raw_op = raw_spec["paths"][operation.path][operation.http_method.lower()]
    patterns = _id_patterns(operation, raw_spec, raw_op)
    body_names = {argument.python_name for argument in operation.body_fields}
    currency_sibling = next(
        (
            a.python_name
            for a in operation.body_fields
            if a.json_name == "currency" and field_shape_kind(a) == "str"
        ),
        None,
    )
    fields: list[FieldInfo] = []
    located = [
        *(("path", a) for a in operation.path_params),
        *(("query", a) for a in operation.query_params),
        *(("header", a) for a in operation.header_params),
        *(("body", a) for a in operation.body_fields),
    ]
    for location, argument in located:
        shape = argument.shape or Shape("any")
        money = False
        lookups: tuple[Lookup, ...] = ()
        currency: str | None = None
        if location == "body" and shape == Shape("int") and _AMOUNT_WORD.search(argument.json_name):
            if currency_sibling is not None:
                currency, money = currency_sibling, True
            else:
                lookups = tuple(
                    Lookup(name, *retrievers[prefix])
                    for name, prefix in patterns.items()
                    if prefix in retrievers and (name in body_names or _is_path(operation, name))
                )
                money = bool(lookups)
        fields.append(
            FieldInfo(
                name=argument.python_name,
                wire_name=argument.json_name,
                location=location,
                shape=shape,
                required=argument.required,
                description=_text(argument.description),
                deprecated=argument.deprecated,
                money=money,
                currency_argument=currency,
                lookups=lookups,
            )
        )
    return CommandInfo(
        name=operation.method.replace("_", "-"),
        method=operation.method,
        operation_id=str(raw_op.get("operationId", operation.method)),
        http_method=operation.http_method,
        path=operation.path,
        summary=_text(operation.summary),
        description=_text(operation.description),
        fields=tuple(fields),
        paginated=operation.page_item is not None,
        idempotent=operation.idempotent,
        deprecated=operation.deprecated,
        columns=_columns(raw_spec, raw_op) if operation.page_item is not None else (),
    )


def field_shape_kind(argument: Argument) -> str:
    """The shape kind of `argument` ("any" when unknown)."""
    return argument.shape.kind if argument.shape is not None else "any"


def _is_path(operation: Operation, name: str) -> bool:
    return any(a.python_name == name for a in operation.path_params)


def _id_patterns(
    operation: Operation, raw_spec: Mapping[str, Any], raw_op: Mapping[str, Any]
) -> dict[str, str]:
    """Argument name -> the id prefix its `pattern` requires (`^pi_...` -> `pi_`), for path params and body
    fields that are ids of some object."""
    out: dict[str, str] = {}
    raw_params: dict[str, Mapping[str, Any]] = {}
    for node in [*raw_spec["paths"][operation.path].get("parameters", []), *raw_op.get("parameters", [])]:
        resolved = resolve_ref(raw_spec, node) if isinstance(node, Mapping) else {}
        if isinstance(resolved.get("name"), str):
            raw_params[resolved["name"]] = resolved  # the operation's own entry overrides the path item's
    for argument in operation.path_params:
        schema = resolve_ref(raw_spec, raw_params.get(argument.json_name, {}).get("schema", {}))
        prefix = _prefix_of(schema)
        if prefix:
            out[argument.python_name] = prefix
    body = resolve_ref(raw_spec, raw_op.get("requestBody", {}))
    schema = resolve_ref(raw_spec, body.get("content", {}).get("application/json", {}).get("schema", {}))
    properties = schema.get("properties", {})
    for argument in operation.body_fields:
        prefix = _prefix_of(resolve_ref(raw_spec, properties.get(argument.json_name, {})))
        if prefix:
            out[argument.python_name] = prefix
    return out


def _prefix_of(schema: Mapping[str, Any]) -> str | None:
    pattern = schema.get("pattern")
    match = _ID_PREFIX.match(pattern) if isinstance(pattern, str) else None
    return match.group(1) if match else None


def _retrievers(resources: list[Resource], raw_spec: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """Id prefix -> (client attribute, method) of the operation that GETs, by that id alone, an object that
    has a `currency`: where a money field learns its currency when its body has none."""

    out: dict[str, tuple[str, str]] = {}
    for resource in resources:
        for operation in resource.operations:
            if operation.http_method != "GET" or len(operation.path_params) != 1 or operation.page_item:
                continue
            raw_op = raw_spec["paths"][operation.path]["get"]
            response = _success_schema(raw_spec, raw_op)
            prefix = response.get("x-molam-id-prefix")
            if not isinstance(prefix, str) or "currency" not in response.get("properties", {}):
                continue
            patterns = _id_patterns(operation, raw_spec, raw_op)
            if patterns.get(operation.path_params[0].python_name) == prefix:
                out.setdefault(prefix, (resource.module, operation.method))
    return out


def _success_schema(raw_spec: Mapping[str, Any], raw_op: Mapping[str, Any]) -> Mapping[str, Any]:
    for status, response in sorted(raw_op.get("responses", {}).items(), key=lambda item: str(item[0])):
        if str(status).startswith("2"):
            content = resolve_ref(raw_spec, response).get("content", {})
            return resolve_ref(raw_spec, content.get("application/json", {}).get("schema", {}))
    return {}


def _columns(raw_spec: Mapping[str, Any], raw_op: Mapping[str, Any]) -> tuple[str, ...]:
    """The columns of a list command's table: `id`, then the item's required scalar properties in spec order
    (constant and nested ones left out), `created` last, at most MAX_COLUMNS; `--json` prints every field."""
    envelope = _success_schema(raw_spec, raw_op)
    item = resolve_ref(raw_spec, envelope.get("properties", {}).get("data", {}).get("items", {}))
    properties: Mapping[str, Any] = item.get("properties", {})
    required = set(item.get("required", []))
    candidates: list[str] = []
    for name, node in properties.items():
        if name in HIDDEN_COLUMNS or name not in required or node.get("deprecated") is True:
            continue
        types = resolve_ref(raw_spec, node).get("type")
        kinds = set(types) if isinstance(types, list) else {types}
        if kinds - {"null"} and kinds - {"null"} <= _SCALAR_TYPES:
            candidates.append(str(name))
    # Lists are newest first: the creation time, when there is one, keeps the last column.
    tail = ["created"] if "created" in candidates else []
    head = ["id"] if "id" in properties else []
    room = MAX_COLUMNS - len(head) - len(tail)
    columns = [*head, *[name for name in candidates if name not in tail][:room], *tail]
    return tuple(columns)


def _text(value: object) -> str:
    """A spec description as one line of help text (whitespace collapsed); empty when absent."""
    if value is None:
        return ""
    raw = value.get_untrusted_value() if hasattr(value, "get_untrusted_value") else value
    return " ".join(str(raw).split())
