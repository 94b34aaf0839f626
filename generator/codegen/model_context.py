"""What the model templates get beside each parsed model: deprecated properties and enum literal aliases."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.properties import EnumProperty

from .errors import GenerationError
from .raw_spec import deprecation, resolve_ref, schema_name


def describe_model_deprecations(openapi: GeneratorData, raw_spec: Mapping[str, Any]) -> dict[str, str]:
    """`"<Model>.<attribute>"` -> what to use instead, for every property marked `deprecated: true`."""
    schemas: Mapping[str, Any] = raw_spec.get("components", {}).get("schemas", {})
    out: dict[str, str] = {}
    for model in openapi.models:
        raw_model = schemas.get(schema_name(model))
        if not isinstance(raw_model, Mapping):
            continue
        raw_properties = resolve_ref(raw_spec, raw_model).get("properties", {})
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
