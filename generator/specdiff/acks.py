"""Acknowledged breaking changes (spec/breaking-acknowledged.yaml).

The file is a YAML list (or a mapping with an `acknowledged:` list) of entries
`{rule: <rule id>, pointer: <JSON pointer> | symbol: <SDK symbol>, reason: <why this is accepted>}`.
An entry matches a finding with the same rule whose base or head pointer equals `pointer`, or whose
symbol equals `symbol` (a `symbol` with `*` is a pattern, `*` matching any run of characters: the names of
a moved module, for SDK surface findings). `rule` and `pointer` may be globs too (`rule: "*-type-changed"`
acknowledges one type change wherever it is seen from); `pointer` may name a file of a multi-file spec
(`schemas/pet.yaml#/properties/name`), as findings do. Acknowledged findings are still reported; they no longer fail the check.
"""

from __future__ import annotations

import fnmatch
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from generator.specdiff.findings import Finding
from generator.specdiff.rules import RULES

# A JSON pointer, or a file of a multi-file spec and a pointer into it (a glob may start with `*`).
_LOCATION = re.compile(r"(?:/|\*|[^#\s]+#(?:/|$|\*))")


def _glob_match(value: str, pattern: str) -> bool:
    """`pattern` equals `value`, or (with `*`, `?` or `[`) matches it as a glob."""
    if not any(char in pattern for char in "*?["):
        return value == pattern
    return fnmatch.fnmatchcase(value, pattern)


class AckError(ValueError):
    """The acknowledgement file is malformed."""


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """One accepted change."""

    rule: str
    reason: str
    pointer: str | None = None
    symbol: str | None = None

    def matches(self, item: Finding) -> bool:
        """True when this entry acknowledges `item`.

        `rule` may be a glob (`*-type-changed`: one entry for a type change seen from the request, the
        response, a webhook and the model); `pointer` a location (`/json/pointer`, or `file.yaml#/pointer`
        in a multi-file spec) or a glob of locations (`/components/schemas/Pet/*`).
        """
        if not _glob_match(item.rule, self.rule):
            return False
        if self.pointer is not None and any(
            location is not None and _glob_match(location, self.pointer)
            for location in (item.base_pointer, item.head_pointer)
        ):
            return True
        if self.symbol is not None and "*" in self.symbol:
            # A pattern: a moved module's names (`molam_sdk.api*`), one member of many classes.
            return fnmatch.fnmatchcase(item.symbol, self.symbol)
        return self.symbol is not None and self.symbol == item.symbol

    def to_json(self) -> dict[str, Any]:
        """JSON form."""
        return {"rule": self.rule, "pointer": self.pointer, "symbol": self.symbol, "reason": self.reason}


def parse_acks(data: Any, source: str = "acknowledgements") -> list[Acknowledgement]:
    """Validate loaded YAML and build the entries; `AckError` names the first bad entry."""
    if data is None:
        return []
    if isinstance(data, dict):
        data = data.get("acknowledged", [])
    if data is None:
        return []
    if not isinstance(data, list):
        raise AckError(f"{source}: expected a list of {{rule, pointer|symbol, reason}}")
    out: list[Acknowledgement] = []
    for index, entry in enumerate(data):
        where = f"{source}: entry {index}"
        if not isinstance(entry, dict):
            raise AckError(f"{where}: expected a mapping")
        unknown = set(entry) - {"rule", "pointer", "symbol", "reason"}
        if unknown:
            raise AckError(f"{where}: unknown keys {sorted(unknown)}")
        rule, reason = entry.get("rule"), entry.get("reason")
        pointer, symbol = entry.get("pointer"), entry.get("symbol")
        if not isinstance(rule, str) or not any(_glob_match(known, rule) for known in RULES):
            raise AckError(f"{where}: unknown rule {rule!r} (a rule id, or a glob matching one)")
        if not isinstance(reason, str) or not reason.strip():
            raise AckError(f"{where}: a non-empty reason is required")
        if pointer is None and symbol is None:
            raise AckError(f"{where}: give a pointer or a symbol")
        if pointer is not None and not (isinstance(pointer, str) and _LOCATION.match(pointer)):
            raise AckError(
                f"{where}: pointer must be a JSON pointer starting with '/' (or `file.yaml#/pointer` for a "
                "file of a multi-file spec; `*` matches any run of characters)"
            )
        if symbol is not None and not isinstance(symbol, str):
            raise AckError(f"{where}: symbol must be a string")
        out.append(Acknowledgement(rule=rule, reason=reason.strip(), pointer=pointer, symbol=symbol))
    return out


def load_acks(path: Path) -> list[Acknowledgement]:
    """Read and validate an acknowledgement file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AckError(f"{path}: {exc}") from exc
    return parse_acks(data, str(path))


def apply_acks(
    findings: tuple[Finding, ...], acks: list[Acknowledgement]
) -> tuple[tuple[Finding, ...], list[Acknowledgement]]:
    """Mark acknowledged findings; also return the entries that matched nothing (stale entries)."""
    used: set[int] = set()
    out: list[Finding] = []
    for item in findings:
        match = next((index for index, ack in enumerate(acks) if ack.matches(item)), None)
        if match is None:
            out.append(item)
        else:
            used.add(match)
            out.append(replace(item, acknowledged=True, ack_reason=acks[match].reason))
    return tuple(out), [ack for index, ack in enumerate(acks) if index not in used]


def prune_acks(text: str, stale: Sequence[Acknowledgement], source: str = "acknowledgements") -> str:
    """`text` (an acknowledgement file) without the entries equal to `stale`; every other line is kept.

    The release removes the entries that matched nothing (see `apply_acks`) so that stale ones do not pile
    up. Only lines are removed: each stale entry's own lines and, once every entry of a group (entries with
    no comment or blank line between them) is gone, the comment block directly above the group, so a
    heading such as `# Issue 11:` does not outlive its entries. When an entry appears more than once,
    `apply_acks` used the first copy, so the last copies are the stale ones. `AckError` when an entry of
    `stale` is not in the file, when entries cannot be told apart by line (a flow-style list), or when the
    result would not parse to the other entries, unchanged.
    """
    if not stale:
        return text
    entries, spans = _entry_spans(text, source)
    remaining = list(stale)
    drop: set[int] = set()
    for index in reversed(range(len(entries))):
        if entries[index] in remaining:
            remaining.remove(entries[index])
            drop.add(index)
    if remaining:
        missing = ", ".join(f"{ack.rule} {ack.pointer or ack.symbol}" for ack in remaining)
        raise AckError(f"{source}: no entry to prune for {missing}")
    lines = text.splitlines(keepends=True)
    removed: set[int] = set()
    for heading, members in _groups(lines, spans):
        removed.update(line for index in members if index in drop for line in range(*spans[index]))
        if all(index in drop for index in members):
            removed.update(heading)
    pruned = "".join(line for number, line in enumerate(lines) if number not in removed)
    kept = [ack for index, ack in enumerate(entries) if index not in drop]
    try:
        intact = parse_acks(yaml.safe_load(pruned), source) == kept
    except (yaml.YAMLError, AckError):
        intact = False
    if not intact:
        raise AckError(f"{source}: removing the stale entries by line would change the others; prune by hand")
    return pruned


def _entry_spans(text: str, source: str) -> tuple[list[Acknowledgement], list[tuple[int, int]]]:
    """The entries of an acknowledgement file and, for each, its lines `(first, last + 1)`."""
    try:
        entries = parse_acks(yaml.safe_load(text), source)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise AckError(f"{source}: {exc}") from exc
    if isinstance(root, yaml.MappingNode):
        root = next((value for key, value in root.value if key.value == "acknowledged"), None)
    nodes = root.value if isinstance(root, yaml.SequenceNode) else []
    lines = text.splitlines()
    spans: list[tuple[int, int]] = []
    for node in nodes:
        # A node ends where the next token starts, past any comment that follows it: such a comment heads
        # the next entry (or nothing), so the span stops at the entry's last line of content.
        end = node.end_mark.line
        if end < len(lines) and lines[end][: node.end_mark.column].strip():
            end += 1
        while end > node.start_mark.line + 1 and _is_comment_or_blank(lines[end - 1]):
            end -= 1
        spans.append((node.start_mark.line, end))
    overlapping = any(first[1] > second[0] for first, second in itertools.pairwise(spans))
    if (isinstance(root, yaml.SequenceNode) and root.flow_style) or overlapping or len(spans) != len(entries):
        raise AckError(
            f"{source}: write one entry per block (`- rule: ...`) so that stale ones can be pruned"
        )
    return entries, spans


def _groups(lines: Sequence[str], spans: Sequence[tuple[int, int]]) -> list[tuple[range, list[int]]]:
    """The entries grouped as the file's layout groups them: (comment lines above the group, entry indices).

    A group starts at the first entry, at an entry with a comment directly above it and after a blank line.
    """
    groups: list[tuple[range, list[int]]] = []
    for index, (start, _) in enumerate(spans):
        above = start
        while above > 0 and lines[above - 1].lstrip().startswith("#"):
            above -= 1
        if not groups or above < start or start > spans[index - 1][1]:
            groups.append((range(above, start), []))
        groups[-1][1].append(index)
    return groups


def _is_comment_or_blank(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")
