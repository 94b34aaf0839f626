"""An OpenAPI document with `$ref` resolution that remembers where every node lives.

A document may span several files: `$ref`s to relative files (`schemas/pet.yaml#/properties/x`) are
followed through a loader, and every node's location names its file (see `pointer`). A component schema
whose entry in `/components/schemas` is a `$ref` to another file keeps its component name there: models
are identified by the component pointer, never by a title or a derived class name.

Resolution is lazy: comparing follows `$ref`s (refs to refs included) at the moment it reaches them,
so recursive schemas cost nothing extra and every finding can name the place a node is defined (a
component rather than each place that references it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.specdiff.pointer import follow, join, ref_location, split, split_location

FileLoader = Callable[[str], Any]
"""Parsed content of a file, by path relative to the entry document's directory (None when absent)."""

SCHEMAS = "/components/schemas"

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
    """One loaded OpenAPI document: the entry mapping, other files on demand, cached `$ref` resolution."""

    def __init__(self, root: dict[str, Any], files: FileLoader | None = None, entry: str = "") -> None:
        self.root = root
        self.files = files
        self.entry = entry
        self._roots: dict[str, Any] = {"": root}
        self._deref_cache: dict[tuple[str, bool], Located] = {}
        self._aliases: dict[str, list[tuple[str, str]]] | None = None

    def _file(self, name: str) -> Any:
        if name not in self._roots:
            self._roots[name] = None if self.files is None else self.files(name)
        return self._roots[name]

    def loaded_files(self) -> dict[str, Any]:
        """The entry (`""`) and every other file read so far, by path."""
        return dict(self._roots)

    def at(self, pointer: str) -> Located | None:
        """The node at a location (a pointer, or `file#pointer`), or None."""
        file, inner = split_location(pointer)
        root = self._file(file)
        if root is None:
            return None
        try:
            return Located(follow(root, inner), pointer)
        except (LookupError, ValueError):
            return None

    def exists(self, pointer: str) -> bool:
        """True when `pointer` names a node of this document."""
        return self.at(pointer) is not None

    def resolve_ref(self, ref: object, at: str = "") -> Located | None:
        """The node a `$ref` written at location `at` names (one step), or None when it is a URL or dangling."""
        target = ref_location(ref, split_location(at)[0], self.entry)
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
            target = self.resolve_ref(current.node["$ref"], current.pointer)
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

    def _alias_map(self) -> dict[str, list[tuple[str, str]]]:
        """file -> [(pointer in that file, component pointer)] for components defined in other files."""
        if self._aliases is None:
            self._aliases = {}
            schemas = self.root.get("components", {}).get("schemas") if isinstance(self.root, dict) else None
            if isinstance(schemas, dict):
                for name, node in schemas.items():
                    component = join(SCHEMAS, str(name))
                    target = self.deref(Located(node, component), schema=True).pointer
                    file, inner = split_location(target)
                    if file:
                        self._aliases.setdefault(file, []).append((inner, component))
        return self._aliases

    def canonical(self, location: str) -> str:
        """A location in another file expressed under the component defined there, when there is one
        (`schemas/pet.yaml#/properties/x` -> `/components/schemas/Pet/properties/x`); else unchanged."""
        file, inner = split_location(location)
        if not file:
            return location
        best: tuple[str, str] | None = None
        for prefix, component in self._alias_map().get(file, ()):
            if (inner == prefix or inner.startswith(prefix + "/")) and (
                best is None or len(prefix) > len(best[0])
            ):
                best = (prefix, component)
        return location if best is None else best[1] + inner[len(best[0]) :]

    def component_name(self, location: str) -> str | None:
        """The component schema a location is the root of (by its component pointer), else None."""
        canonical = self.canonical(location)
        if not canonical.startswith(SCHEMAS + "/"):
            return None
        tokens = split(canonical)
        return tokens[2] if len(tokens) == 3 else None
