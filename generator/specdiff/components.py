"""Component schemas: each becomes an SDK model class whether or not an operation uses it.

Removed/added components are reported; components that no operation or webhook reached in either
document are still compared, with the read-side `model-*` rules (the SDK parses them).
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any
from urllib.parse import unquote

from generator.specdiff.document import SCHEMAS, Document, Located
from generator.specdiff.findings import Finding, finding
from generator.specdiff.pointer import join, unescape
from generator.specdiff.rules import Bump, Direction, Severity
from generator.specdiff.schema_compare import SchemaWalker, refs_in
from generator.specdiff.symbols import Style, SymbolContext


def _schemas(doc: Document) -> dict[str, Any]:
    found = doc.at("/components/schemas")
    return found.node if found is not None and isinstance(found.node, dict) else {}


def _referenced_components(doc: Document) -> set[str]:
    """Names of the component schemas a `$ref` names from outside their own definition (in any file read
    so far); a component that is itself a `$ref` to another file counts as referenced (the file may be
    used directly). Each part is read as JSON text once."""
    schemas = {str(name): node for name, node in _schemas(doc).items()}
    texts: list[tuple[str | None, str]] = [
        (name, json.dumps(node, default=str)) for name, node in schemas.items()
    ]
    for file, root in doc.loaded_files().items():
        if file == "" and isinstance(root, dict):
            components = {**root.get("components", {}), "schemas": {}}
            texts.append((None, json.dumps({**root, "components": components}, default=str)))
        elif root is not None:
            texts.append((None, json.dumps(root, default=str)))
    out = {
        name
        for name, node in schemas.items()
        if isinstance(node, dict) and isinstance(node.get("$ref"), str) and not node["$ref"].startswith("#")
    }
    for owner, text in texts:
        for ref in refs_in(text):
            target = ref.partition("#")[2]
            if target.startswith(SCHEMAS + "/"):
                name = unescape(unquote(target[len(SCHEMAS) + 1 :].split("/", 1)[0]))
                if name != owner:
                    out.add(name)
    return out


def compare_components(base: Document, head: Document, walker: SchemaWalker) -> list[Finding]:
    """Findings for component schemas; call it after operations and webhooks were walked."""
    old, new = _schemas(base), _schemas(head)
    out: list[Finding] = []
    referenced = _referenced_components(base) if set(old) - set(new) else set()
    for name in sorted(set(old) - set(new)):
        deprecated = isinstance(old[name], dict) and old[name].get("deprecated") is True
        pointer = join("/components/schemas", name)
        item = finding(
            "model-removed", f"model {name} removed", pointer, None, str(name), deprecated=deprecated
        )
        if str(name) not in referenced and not deprecated and item.severity is Severity.BREAKING:
            # Nothing took or returned it: only code importing the class itself notices.
            item = replace(
                item,
                severity=Severity.WARNING,
                bump=Bump.MINOR,
                message=f"model {name} removed (nothing in the spec referred to it)",
            )
        out.append(item)
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
