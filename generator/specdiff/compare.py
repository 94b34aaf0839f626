"""The pure comparison core: two loaded OpenAPI 3.x documents in, sorted findings and a verdict out."""

from __future__ import annotations

from typing import Any

from generator.specdiff.components import compare_components
from generator.specdiff.document import Document, FileLoader
from generator.specdiff.findings import Comparison, Finding, OperationRef
from generator.specdiff.operations import OperationComparer
from generator.specdiff.rules import Bump
from generator.specdiff.schema_compare import SchemaWalker
from generator.specdiff.webhooks import compare_webhooks


def compare(
    base: dict[str, Any],
    head: dict[str, Any],
    *,
    base_files: FileLoader | None = None,
    head_files: FileLoader | None = None,
    base_entry: str = "",
    head_entry: str = "",
    memoize: bool = True,
) -> Comparison:
    """Classify every difference between `base` and `head` that the SDK's users can notice.

    For a spec split over several files, `base_files`/`head_files` load the files the entry documents
    `$ref` (by path relative to the entry's directory; `*_entry` is the entry's own file name there), and
    the comparison follows those refs as if the spec were one document.

    `memoize=False` walks the schemas of each operation separately (the reference the memoized comparison
    is tested against, and the "before" of `make bench`); both give the same findings.
    """
    base_doc = Document(base, base_files, base_entry)
    head_doc = Document(head, head_files, head_entry)
    walker = SchemaWalker(base_doc, head_doc, memoize=memoize)
    operations = OperationComparer(base_doc, head_doc, walker)
    found = operations.compare()
    found += compare_webhooks(base_doc, head_doc, operations)
    found += walker.collect()
    found += compare_components(base_doc, head_doc, walker)  # last: needs what the walks reached
    merged = merge(found)
    identical = base_doc.loaded_files() == head_doc.loaded_files()  # the entry and every file reached
    return Comparison(findings=merged, verdict=verdict(merged, identical), identical=identical)


def merge(findings: list[Finding]) -> tuple[Finding, ...]:
    """One finding per change (rule, base and head location), listing every operation that reaches it.

    A change reached from several operations (a shared component, a schema in a shared file of a
    multi-file spec, a path-level parameter) is one finding; its symbol and message are those the first
    operation (by `OperationRef.sort_key`) gives it.
    """
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for item in findings:
        groups.setdefault((item.rule, item.base_pointer, item.head_pointer), []).append(item)
    out: list[Finding] = []
    for items in groups.values():
        refs: dict[OperationRef, None] = {}
        for item in items:
            refs.update(dict.fromkeys(item.operations))
        first = min(items, key=_representative)
        ordered = tuple(sorted(refs, key=lambda ref: ref.sort_key))
        out.append(
            Finding(
                rule=first.rule,
                severity=first.severity,
                bump=first.bump,
                message=first.message,
                base_pointer=first.base_pointer,
                head_pointer=first.head_pointer,
                symbol=first.symbol,
                operations=ordered,
            )
        )
    return tuple(sorted(out, key=lambda item: item.sort_key))


def _representative(item: Finding) -> tuple[object, ...]:
    operation = item.operation
    return (operation is None, () if operation is None else operation.sort_key, item.symbol, item.message)


def verdict(findings: tuple[Finding, ...], identical: bool) -> Bump:
    """The semver bump: the largest any finding asks for; `patch` for unclassified edits; `none` if identical."""
    if not findings:
        return Bump.NONE if identical else Bump.PATCH
    return max((item.bump for item in findings), key=lambda bump: bump.rank)
