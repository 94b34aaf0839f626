"""One schema flattened for comparison.

`allOf` parts and `$ref`s with sibling keywords are merged; OpenAPI 3.0 `nullable`, 3.1 `type: [.., "null"]`,
`null` enum members and `anyOf/oneOf: [X, {type: null}]` all become one `nullable` flag; `const` is a
one-value enum. Every keyword keeps the pointer of the place it was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.specdiff.document import Document, Located
from generator.specdiff.pointer import join

CONSTRAINT_KEYWORDS = (
    "maxLength",
    "minLength",
    "maximum",
    "minimum",
    "exclusiveMaximum",
    "exclusiveMinimum",
    "maxItems",
    "minItems",
    "maxProperties",
    "minProperties",
    "pattern",
    "multipleOf",
    "uniqueItems",
)


@dataclass(frozen=True, slots=True)
class Keyword:
    """A keyword's value and the pointer of the place it is written."""

    value: Any
    pointer: str


@dataclass(slots=True)
class SchemaView:
    """The comparable facts of one schema."""

    pointer: str
    node: Any = None
    types: frozenset[str] | None = None
    nullable: bool = False
    format: Keyword | None = None
    default: Keyword | None = None
    enum: list[Keyword] | None = None
    enum_owner: str | None = None
    constraints: dict[str, Keyword] = field(default_factory=dict)
    properties: dict[str, Located] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    items: Located | None = None
    additional: Located | None = None
    closed: Keyword | None = None
    variants: list[Located] = field(default_factory=list)
    single: Located | None = None
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    components: set[str] = field(default_factory=set)


def is_null_schema(node: Any) -> bool:
    """True for a schema that only admits null (`{type: null}`, `{const: null}`, `{enum: [null]}`)."""
    if not isinstance(node, dict):
        return False
    kind = node.get("type")
    if kind == "null" or kind == ["null"]:
        return True
    return ("const" in node and node["const"] is None) or node.get("enum") == [None]


def build_view(doc: Document, loc: Located) -> SchemaView:
    """Flatten the schema at `loc` (already dereferenced through pure `$ref` chains)."""
    view = SchemaView(pointer=loc.pointer, node=loc.node)
    _merge(doc, loc, view, {loc.pointer})
    if view.types is None:
        if view.properties or view.additional is not None or view.closed is not None:
            view.types = frozenset({"object"})
        elif view.items is not None:
            view.types = frozenset({"array"})
    return view


def _merge(doc: Document, loc: Located, view: SchemaView, seen: set[str]) -> None:
    node, pointer = loc.node, loc.pointer
    if not isinstance(node, dict):
        return
    name = doc.component_name(pointer)
    if name is not None:
        view.components.add(name)
    if "$ref" in node:
        target = doc.resolve_ref(node["$ref"], pointer)
        if target is not None:
            _merge_part(doc, doc.deref(target, schema=True), view, seen)
    for index, part in enumerate(_as_list(node.get("allOf"))):
        _merge_part(doc, doc.deref(Located(part, join(pointer, "allOf", index)), schema=True), view, seen)
    _merge_type(node, view)
    if node.get("nullable") is True:
        view.nullable = True
    if isinstance(node.get("format"), str) and view.format is None:
        view.format = Keyword(node["format"], join(pointer, "format"))
    if "default" in node and view.default is None:
        view.default = Keyword(node["default"], join(pointer, "default"))
    _merge_enum(node, pointer, view)
    for keyword in CONSTRAINT_KEYWORDS:
        if keyword in node and keyword not in view.constraints:
            view.constraints[keyword] = Keyword(node[keyword], join(pointer, keyword))
    properties = node.get("properties")
    if isinstance(properties, dict):
        for prop, sub in properties.items():
            view.properties.setdefault(str(prop), Located(sub, join(pointer, "properties", str(prop))))
    view.required.update(item for item in _as_list(node.get("required")) if isinstance(item, str))
    if isinstance(node.get("items"), dict) and view.items is None:
        view.items = Located(node["items"], join(pointer, "items"))
    additional = node.get("additionalProperties")
    if isinstance(additional, dict) and view.additional is None:
        view.additional = Located(additional, join(pointer, "additionalProperties"))
    elif additional is False and view.closed is None:
        view.closed = Keyword(False, join(pointer, "additionalProperties"))
    _merge_variants(doc, node, pointer, view, seen)
    view.read_only |= node.get("readOnly") is True
    view.write_only |= node.get("writeOnly") is True
    view.deprecated |= node.get("deprecated") is True


def _merge_part(doc: Document, part: Located, view: SchemaView, seen: set[str]) -> None:
    if part.pointer in seen:
        return  # a cycle through allOf/$ref: the part is already merged
    seen.add(part.pointer)
    _merge(doc, part, view, seen)


def _merge_type(node: dict[str, Any], view: SchemaView) -> None:
    raw = node.get("type")
    if isinstance(raw, str):
        kinds = {raw}
    elif isinstance(raw, list):
        kinds = {str(item) for item in raw}
    else:
        return
    if "null" in kinds:
        view.nullable = True
        kinds.discard("null")
    view.types = frozenset(kinds) if view.types is None else view.types & kinds


def _merge_enum(node: dict[str, Any], pointer: str, view: SchemaView) -> None:
    if view.enum is not None:
        return
    if isinstance(node.get("enum"), list):
        values: list[Keyword] = []
        for index, value in enumerate(node["enum"]):
            if value is None:
                view.nullable = True
            else:
                values.append(Keyword(value, join(pointer, "enum", index)))
        view.enum, view.enum_owner = values, pointer
    elif "const" in node:
        if node["const"] is None:
            view.nullable = True
            view.enum = []
        else:
            view.enum = [Keyword(node["const"], join(pointer, "const"))]
        view.enum_owner = pointer


def _merge_variants(
    doc: Document, node: dict[str, Any], pointer: str, view: SchemaView, seen: set[str]
) -> None:
    for keyword in ("oneOf", "anyOf"):
        parts = [
            Located(part, join(pointer, keyword, index))
            for index, part in enumerate(_as_list(node.get(keyword)))
        ]
        if not parts:
            continue
        real = [part for part in parts if not is_null_schema(doc.deref(part, schema=True).node)]
        if len(real) < len(parts):
            view.nullable = True
        if len(real) == 1 and not view.variants:
            # `anyOf: [X, null]` is "nullable X", not a union: compare it as X (remembering X as the
            # variant it is, should the other side be a real union).
            view.single = real[0]
            _merge_part(doc, doc.deref(real[0], schema=True), view, seen)
        else:
            view.variants.extend(real)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
