"""The raw spec beside openapi-python-client's parse of it: schema names, local `$ref`s, consts, deprecations.

The parser keeps what it needs to render models; the templates also need what it drops (a discriminator's
mapping, a `deprecated` flag on a `$ref`), read here from the spec as loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openapi_python_client.parser.properties import ModelProperty

from .errors import GenerationError


def schema_name(model: ModelProperty) -> str:
    """The component schema name of `model` (the parser names component models by their JSON pointer)."""
    name = model.name.get_untrusted_value()
    prefix = "/components/schemas/"
    return name[len(prefix) :] if name.startswith(prefix) else name


def const_of(schema: Mapping[str, Any], name: str) -> str | None:
    """The single value a variant's discriminator property may take (`const`, or a one-value `enum`)."""
    prop = schema.get("properties", {}).get(name, {})
    if "const" in prop:
        return str(prop["const"])
    enum = prop.get("enum")
    if isinstance(enum, list) and len(enum) == 1:
        return str(enum[0])
    return None


def resolve_ref(raw_spec: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any]:
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


def deprecation(raw_spec: Mapping[str, Any] | None, node: Any) -> str | None:
    """For a node marked `deprecated: true` (itself or the schema its `$ref` names), its description: what
    to use instead (the lint insists on one). None when the node is not deprecated."""
    if not isinstance(node, Mapping):
        return None
    nodes = [node]
    if raw_spec is not None and isinstance(node.get("$ref"), str):
        nodes.append(resolve_ref(raw_spec, node))
    if not any(item.get("deprecated") is True for item in nodes):
        return None
    text = next((item["description"] for item in nodes if isinstance(item.get("description"), str)), "")
    return " ".join(text.split()) or "Deprecated."
