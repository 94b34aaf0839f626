"""An OpenAPI document with local `$ref` resolution that remembers where every node lives.

Resolution is lazy: comparing follows `$ref`s (refs to refs included) at the moment it reaches them,
so recursive schemas cost nothing extra and every finding can name the place a node is defined (a
component rather than each place that references it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.specdiff.pointer import follow, join, ref_target

# Keywords that may sit next to a schema `$ref` without changing what it accepts (OpenAPI 3.1 allows
# siblings; anything else makes the node "the referenced schema AND these keywords").
SCHEMA_ANNOTATIONS = frozenset(
    {
        "$ref",
        "description",
        "summary",
        "title",
        "example",
        "examples",
        "$comment",
        "externalDocs",
        "deprecated",
    }
)


@dataclass(frozen=True, slots=True)
class Located:
    """A node of a document and the JSON pointer of the place it lives."""

    node: Any
    pointer: str

    def child(self, *tokens: str | int) -> Located | None:
        """The node below this one at `tokens`, or None when any step is missing."""
        node = self.node
        for token in tokens:
            in_dict = isinstance(node, dict) and isinstance(token, str) and token in node
            in_list = isinstance(node, list) and isinstance(token, int) and 0 <= token < len(node)
            if not (in_dict or in_list):
                return None
            node = node[token]
        return Located(node, join(self.pointer, *tokens))


def is_pure_ref(node: Any, schema: bool) -> bool:
    """True when `node` is a `$ref` whose siblings (if any) do not change its meaning."""
    if not isinstance(node, dict) or not isinstance(node.get("$ref"), str):
        return False
    return not schema or SCHEMA_ANNOTATIONS.issuperset(node)


class Document:
    """One loaded OpenAPI document: the root mapping plus cached `$ref` resolution."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self._deref_cache: dict[tuple[str, bool], Located] = {}

    def at(self, pointer: str) -> Located | None:
        """The node at `pointer`, or None."""
        try:
            return Located(follow(self.root, pointer), pointer)
        except (LookupError, ValueError):
            return None

    def exists(self, pointer: str) -> bool:
        """True when `pointer` names a node of this document."""
        return self.at(pointer) is not None

    def resolve_ref(self, ref: object) -> Located | None:
        """The node a local `$ref` names (one step), or None when it is external or dangling."""
        target = ref_target(ref)
        return None if target is None else self.at(target)

    def deref(self, loc: Located, schema: bool = False) -> Located:
        """Follow a chain of `$ref`s (refs to refs) to the node they name.

        Stops at a cycle or a ref that cannot be resolved (the ref node itself is returned then, and is
        compared as an opaque value). With `schema=True` a `$ref` with meaningful siblings is not
        followed: it is a schema of its own that `schema_view` merges with its target.
        """
        if not is_pure_ref(loc.node, schema):
            return loc
        key = (loc.pointer, schema)
        cached = self._deref_cache.get(key)
        if cached is not None:
            return cached
        seen = {loc.pointer}
        current = loc
        while is_pure_ref(current.node, schema):
            target = self.resolve_ref(current.node["$ref"])
            if target is None or target.pointer in seen:
                break
            seen.add(target.pointer)
            current = target
        self._deref_cache[key] = current
        return current

    def deref_child(self, loc: Located, *tokens: str | int) -> Located | None:
        """`loc.child(*tokens)` with `$ref`s followed, or None when missing."""
        found = loc.child(*tokens)
        return None if found is None else self.deref(found)
