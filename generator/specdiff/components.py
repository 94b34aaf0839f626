"""Component schemas: each becomes an SDK model class whether or not an operation uses it.

Removed/added components are reported; components that no operation or webhook reached in either
document are still compared, with the read-side `model-*` rules (the SDK parses them).
"""

from __future__ import annotations

from typing import Any

from generator.specdiff.document import Document, Located
from generator.specdiff.findings import Finding, finding
from generator.specdiff.pointer import join
from generator.specdiff.rules import Direction
from generator.specdiff.schema_compare import SchemaWalker
from generator.specdiff.symbols import Style, SymbolContext


def _schemas(doc: Document) -> dict[str, Any]:
    found = doc.at("/components/schemas")
    return found.node if found is not None and isinstance(found.node, dict) else {}


def compare_components(base: Document, head: Document, walker: SchemaWalker) -> list[Finding]:
    """Findings for component schemas; call it after operations and webhooks were walked."""
    old, new = _schemas(base), _schemas(head)
    out: list[Finding] = []
    for name in sorted(set(old) - set(new)):
        deprecated = isinstance(old[name], dict) and old[name].get("deprecated") is True
        pointer = join("/components/schemas", name)
        out.append(
            finding("model-removed", f"model {name} removed", pointer, None, str(name), deprecated=deprecated)
        )
    for name in sorted(set(new) - set(old)):
        out.append(
            finding("model-added", f"model {name} added", None, join("/components/schemas", name), str(name))
        )
    reached = walker.reached_base | walker.reached_head
    roots = [
        (
            Located(old[name], join("/components/schemas", name)),
            Located(new[name], join("/components/schemas", name)),
        )
        for name in sorted(set(old) & set(new))
        if name not in reached
    ]
    if roots:
        out.extend(walker.walk(roots, Direction.MODEL, SymbolContext(Style.FIXED, "molam")))
    return out
