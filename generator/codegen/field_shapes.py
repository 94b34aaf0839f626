"""How the `molam` CLI parses one argument of a resource method, from its parsed spec property.

Part of each argument's description (generator.codegen.resources), read by the command table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openapi_python_client.parser.properties import EnumProperty, LiteralEnumProperty, ModelProperty
from openapi_python_client.parser.properties.boolean import BooleanProperty
from openapi_python_client.parser.properties.const import ConstProperty
from openapi_python_client.parser.properties.date import DateProperty
from openapi_python_client.parser.properties.datetime import DateTimeProperty
from openapi_python_client.parser.properties.float import FloatProperty
from openapi_python_client.parser.properties.int import IntProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.none import NoneProperty
from openapi_python_client.parser.properties.protocol import PropertyProtocol
from openapi_python_client.parser.properties.string import StringProperty
from openapi_python_client.parser.properties.union import UnionProperty

__all__ = ["Shape", "field_shape"]


@dataclass(frozen=True)
class Shape:
    """How the CLI parses one argument: `kind` is str, int, float, bool, date, datetime, enum, map (a string
    map such as metadata: KEY=VALUE), object (a nested body: only through --data) or any; `many` for arrays."""

    kind: str
    many: bool = False
    enum_class: str | None = None
    enum_module: str | None = None


def field_shape(prop: PropertyProtocol) -> Shape:
    """The CLI shape of a parameter or body field (`null` in a union is ignored: leaving it out is UNSET)."""
    if isinstance(prop, UnionProperty):
        inners = [inner for inner in prop.inner_properties if not isinstance(inner, NoneProperty)]
        if len(inners) == 1:
            return field_shape(inners[0])
        kinds = {field_shape(inner).kind for inner in inners}
        return Shape("object" if kinds <= {"object", "map"} else "any")
    if isinstance(prop, ListProperty):
        inner = field_shape(prop.inner_property)
        if inner.many:
            return Shape("any")
        return Shape(inner.kind, many=True, enum_class=inner.enum_class, enum_module=inner.enum_module)
    if isinstance(prop, EnumProperty):
        return Shape("enum", enum_class=prop.class_info.name, enum_module=str(prop.class_info.module_name))
    if isinstance(prop, ModelProperty):
        extra = prop.additional_properties
        if not (prop.required_properties or prop.optional_properties) and isinstance(
            extra, StringProperty | IntProperty | FloatProperty | BooleanProperty
        ):
            return Shape("map")
        return Shape("object")
    simple: tuple[tuple[Any, str], ...] = (
        (BooleanProperty, "bool"),
        (IntProperty, "int"),
        (FloatProperty, "float"),
        (DateTimeProperty, "datetime"),
        (DateProperty, "date"),
        (StringProperty | ConstProperty | LiteralEnumProperty, "str"),
    )
    for classes, kind in simple:
        if isinstance(prop, classes):
            return Shape(kind)
    return Shape("any")
