"""Acknowledged breaking changes (spec/breaking-acknowledged.yaml).

The file is a YAML list (or a mapping with an `acknowledged:` list) of entries
`{rule: <rule id>, pointer: <JSON pointer> | symbol: <SDK symbol>, reason: <why this is accepted>}`.
An entry matches a finding with the same rule whose base or head pointer equals `pointer`, or whose
symbol equals `symbol` (a `symbol` with `*` is a pattern, `*` matching any run of characters: the names of
a moved module, for SDK surface findings). Acknowledged findings are still reported; they no longer fail the check.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from generator.specdiff.findings import Finding
from generator.specdiff.rules import RULES


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
        """True when this entry acknowledges `item`."""
        if item.rule != self.rule:
            return False
        if self.pointer is not None and self.pointer in (item.base_pointer, item.head_pointer):
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
        if not isinstance(rule, str) or rule not in RULES:
            raise AckError(f"{where}: unknown rule {rule!r}")
        if not isinstance(reason, str) or not reason.strip():
            raise AckError(f"{where}: a non-empty reason is required")
        if pointer is None and symbol is None:
            raise AckError(f"{where}: give a pointer or a symbol")
        if pointer is not None and not (isinstance(pointer, str) and pointer.startswith("/")):
            raise AckError(f"{where}: pointer must be a JSON pointer starting with '/'")
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
