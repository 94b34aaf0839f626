"""Discriminated unions: a oneOf with a discriminator is parsed by the discriminator's value.

openapi-python-client tries union variants in order and lets the last one's error escape; the property class
here dispatches on the discriminator instead and keeps a variant this client does not know as a dict.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.properties import ModelProperty
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.strings import PythonCode

from .errors import GenerationError
from .raw_spec import const_of, resolve_ref, schema_name


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


def use_discriminators(openapi: GeneratorData, raw_spec: Mapping[str, Any]) -> None:
    """Replace every union property whose schema has a discriminator by a DiscriminatedUnionProperty."""
    schemas: Mapping[str, Any] = raw_spec.get("components", {}).get("schemas", {})
    class_of_schema = {schema_name(model): model for model in openapi.models}
    for model in openapi.models:
        raw_model = schemas.get(schema_name(model))
        if not isinstance(raw_model, Mapping):
            continue
        raw_properties = resolve_ref(raw_spec, raw_model).get("properties", {})
        for properties in (model.required_properties or [], model.optional_properties or []):
            for index, prop in enumerate(properties):
                raw_prop = raw_properties.get(prop.name.get_untrusted_value())
                if not isinstance(prop, UnionProperty) or not isinstance(raw_prop, Mapping):
                    continue
                replacement = _discriminated(prop, resolve_ref(raw_spec, raw_prop), raw_spec, class_of_schema)
                if replacement is not None:
                    properties[index] = replacement


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
        value = value_of_ref.get(ref) or const_of(resolve_ref(raw_spec, {"$ref": ref}), name) or schema_name
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
