"""Security requirements: does an operation now need credentials an existing caller may not have?

A `security` list is a set of alternatives (any one suffices), each a set of schemes (all needed) with
scopes. The operation's own `security` replaces the global one; `[]` or a `{}` alternative means "no
credentials". A caller who satisfied some base alternative must satisfy some head alternative.
"""

from __future__ import annotations

from typing import Any

from generator.specdiff.document import Document, Located
from generator.specdiff.findings import Finding, OperationRef, finding

Alternative = dict[str, frozenset[str]]


def _alternatives(value: Any) -> list[Alternative]:
    if not isinstance(value, list) or not value:
        return [{}]
    out: list[Alternative] = []
    for item in value:
        if isinstance(item, dict):
            out.append({str(name): frozenset(map(str, scopes or [])) for name, scopes in item.items()})
    return out or [{}]


def effective(doc: Document, operation: Located) -> tuple[list[Alternative], str | None, bool]:
    """(alternatives, pointer of the `security` in force or None, whether it is the global one)."""
    own = operation.child("security")
    if own is not None:
        return _alternatives(own.node), own.pointer, False
    top = doc.at("/security")
    return _alternatives(None if top is None else top.node), None if top is None else "/security", True


def _satisfies(held: Alternative, options: list[Alternative]) -> bool:
    """True when credentials `held` meet one of `options` (every scheme present with its scopes)."""
    return any(
        all(name in held and scopes <= held[name] for name, scopes in option.items()) for option in options
    )


def _describe(options: list[Alternative]) -> str:
    parts = []
    for option in options:
        schemes = [
            f"{name}[{','.join(sorted(scopes))}]" if scopes else name
            for name, scopes in sorted(option.items())
        ]
        parts.append(" + ".join(schemes) or "none")
    return " | ".join(parts)


def compare_security(
    base: Document, head: Document, base_op: Located, head_op: Located, op: OperationRef, method_symbol: str
) -> list[Finding]:
    """Findings for a change of the security in force for one operation."""
    old, old_ptr, old_global = effective(base, base_op)
    new, new_ptr, new_global = effective(head, head_op)
    # A change of the global requirement is one client-wide finding (merged across operations later).
    symbol = "molam" if old_global and new_global else method_symbol
    message = f"security changed from {_describe(old)} to {_describe(new)}"
    out: list[Finding] = []
    if not all(_satisfies(held, new) for held in old):
        out.append(finding("security-requirement-added", message, old_ptr, new_ptr, symbol, op))
    elif not all(_satisfies(held, old) for held in new):
        out.append(finding("security-requirement-removed", message, old_ptr, new_ptr, symbol, op))
    return out
