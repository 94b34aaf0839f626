"""Top-level `webhooks` (OpenAPI 3.1): events removed or added, and their payloads.

A payload flows from the server to the receiver, so it is compared with the read-side rule set
(`webhook-payload-*`): removing a property or adding an enum value hurts receivers.
"""

from __future__ import annotations

from generator.specdiff.document import Document
from generator.specdiff.findings import Finding, OperationRef, finding
from generator.specdiff.operations import Operation, OperationComparer, iter_operations
from generator.specdiff.pointer import join
from generator.specdiff.rules import Direction
from generator.specdiff.symbols import Style, model_symbol, webhook_symbol


def _symbol(doc: Document, op: Operation, name: str) -> str:
    """The event's model class when its payload is a component `$ref`, else `webhooks["name"]`."""
    body = doc.deref_child(op.loc, "requestBody")
    content = None if body is None else body.child("content")
    if content is not None and isinstance(content.node, dict):
        for media in content.node.values():
            schema = media.get("schema") if isinstance(media, dict) else None
            if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
                target = doc.resolve_ref(schema["$ref"], content.pointer)
                found = None if target is None else model_symbol(doc.canonical(target.pointer))
                if found is not None:
                    return found
    return webhook_symbol(name)


def compare_webhooks(base: Document, head: Document, ops: OperationComparer) -> list[Finding]:
    """Findings for every webhook event of either document."""
    old_ops = {(name, op.ref.method): op for name, op in iter_operations(base, "webhooks", webhook=True)}
    new_ops = {(name, op.ref.method): op for name, op in iter_operations(head, "webhooks", webhook=True)}
    old_names = {name for name, _ in old_ops}
    new_names = {name for name, _ in new_ops}
    out: list[Finding] = []
    for name in sorted(old_names - new_names):
        entries = [op for (event, _), op in old_ops.items() if event == name]
        deprecated = all(op.deprecated for op in entries)
        ref = entries[0].ref
        symbol = _symbol(base, entries[0], name)
        out.append(
            finding(
                "webhook-removed",
                f"webhook {name} removed",
                join("/webhooks", name),
                None,
                symbol,
                ref,
                deprecated,
            )
        )
    for name in sorted(new_names - old_names):
        entries = [op for (event, _), op in new_ops.items() if event == name]
        symbol = _symbol(head, entries[0], name)
        out.append(
            finding(
                "webhook-added",
                f"webhook {name} added",
                None,
                join("/webhooks", name),
                symbol,
                entries[0].ref,
            )
        )
    for key in sorted(old_ops.keys() & new_ops.keys()):
        old, new = old_ops[key], new_ops[key]
        out.extend(_payload(base, head, ops, old, new, key[0]))
    return out


def _payload(
    base: Document, head: Document, ops: OperationComparer, old: Operation, new: Operation, name: str
) -> list[Finding]:
    b = base.deref_child(old.loc, "requestBody")
    h = head.deref_child(new.loc, "requestBody")
    if b is None or h is None:
        return []
    ref: OperationRef = new.ref
    # Only a removed payload media type is a finding (the rule registry has none for an addition).
    return ops.compare_content(
        b,
        h,
        Direction.WEBHOOK,
        ("webhook-payload-media-type-removed", None),
        Style.WEBHOOK,
        webhook_symbol(name),
        ref,
    )
