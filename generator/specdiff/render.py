"""Formatting a comparison: text for people, JSON for machines, Markdown for a pull-request comment."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.specdiff.acks import Acknowledgement
from generator.specdiff.findings import Finding
from generator.specdiff.rules import Bump, Severity


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a renderer shows."""

    base_label: str
    head_label: str
    findings: tuple[Finding, ...] = ()
    verdict: Bump = Bump.NONE
    unused_acks: list[Acknowledgement] = field(default_factory=list)
    note: str | None = None

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """Breaking findings nobody acknowledged: they fail the check."""
        return tuple(
            item for item in self.findings if item.severity is Severity.BREAKING and not item.acknowledged
        )

    def count(self, severity: Severity) -> int:
        """How many findings have `severity`."""
        return sum(1 for item in self.findings if item.severity is severity)


def _where(item: Finding) -> str:
    operation = item.operation
    if operation is None:
        return ""
    more = len(item.operations) - 1
    return operation.label + (f" (+{more} more)" if more else "")


def is_sdk(item: Finding) -> bool:
    """True for an SDK surface finding (generator.surface_diff), False for a spec finding."""
    return item.rule.startswith("sdk-")


def _sections(report: Report) -> list[tuple[str | None, list[Finding]]]:
    """The findings in one section, or two (API spec, SDK surface) when there are SDK findings."""
    spec = [item for item in report.findings if not is_sdk(item)]
    sdk = [item for item in report.findings if is_sdk(item)]
    if not sdk:
        return [(None, spec)]
    sections: list[tuple[str | None, list[Finding]]] = [("API spec", spec)] if spec else []
    return [*sections, ("SDK surface (public names of molam_sdk and molam_sdk_ext)", sdk)]


_HEADING = {Severity.BREAKING: "BREAKING", Severity.WARNING: "WARNING", Severity.INFO: "INFO (additive)"}


def render_text(report: Report) -> str:
    """Grouped by source (spec, SDK surface) and severity, one block per finding."""
    lines = [f"breaking-change check: {report.base_label} -> {report.head_label}"]
    if report.note:
        lines.append(report.note)
    for title, findings in _sections(report):
        if title is not None:
            lines += ["", f"== {title}: {len(findings)} finding(s)"]
        for severity in Severity:
            group = [item for item in findings if item.severity is severity]
            if not group:
                continue
            lines += ["", f"{_HEADING[severity]} ({len(group)})"]
            for item in group:
                mark = " [acknowledged]" if item.acknowledged else ""
                lines.append(f"  {item.rule}{mark}: {item.symbol}: {item.message}")
                where = _where(item)
                if where:
                    lines.append(f"      operation: {where}")
                if not is_sdk(item):
                    lines.append(f"      base: {item.base_pointer or '-'}")
                    lines.append(f"      head: {item.head_pointer or '-'}")
                if item.ack_reason:
                    lines.append(f"      acknowledged: {item.ack_reason}")
    for ack in report.unused_acks:
        lines.append(f"note: acknowledgement matched nothing: {ack.rule} {ack.pointer or ack.symbol}")
    lines += ["", _summary(report)]
    return "\n".join(lines) + "\n"


def _summary(report: Report) -> str:
    counts = ", ".join(f"{report.count(severity)} {severity}" for severity in Severity)
    blocking = len(report.blocking)
    status = f"FAIL: {blocking} unacknowledged breaking change(s)" if blocking else "OK"
    return f"semver bump needed: {report.verdict} ({counts}); {status}"


def render_json(report: Report) -> str:
    """Stable JSON for tools."""
    document = {
        "base": report.base_label,
        "head": report.head_label,
        "verdict": str(report.verdict),
        "note": report.note,
        "summary": {
            **{str(severity): report.count(severity) for severity in Severity},
            "acknowledged": sum(1 for item in report.findings if item.acknowledged),
            "unacknowledged_breaking": len(report.blocking),
            "sdk_surface": sum(1 for item in report.findings if is_sdk(item)),
        },
        "findings": [
            {**item.to_json(), "source": "sdk" if is_sdk(item) else "spec"} for item in report.findings
        ],
        "unused_acknowledgements": [ack.to_json() for ack in report.unused_acks],
    }
    return json.dumps(document, indent=2, sort_keys=False) + "\n"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _code(text: str | None) -> str:
    return "-" if not text else f"`{_cell(text)}`"


_ICON = {Severity.BREAKING: "🔴 breaking", Severity.WARNING: "🟡 warning", Severity.INFO: "🔵 additive"}


def render_markdown(report: Report) -> str:
    """A pull-request comment: verdict, counts and one table row per finding."""
    blocking = len(report.blocking)
    status = (
        f"**{blocking} unacknowledged breaking change(s)**"
        if blocking
        else "no unacknowledged breaking change"
    )
    lines = [
        "### API spec and SDK surface changes",
        "",
        f"Semver bump needed: **{report.verdict}**; {status}.",
        "",
        f"Base `{_cell(report.base_label)}`, head `{_cell(report.head_label)}`. "
        + ", ".join(f"{report.count(severity)} {severity}" for severity in Severity)
        + ".",
    ]
    if report.note:
        lines += ["", report.note]
    for title, findings in _sections(report):
        if not findings:
            continue
        if title is not None:
            lines += ["", f"#### {title}"]
        lines += [
            "",
            "| Severity | Rule | SDK symbol | Operation | Change | Base pointer | Head pointer | Acknowledged |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for item in findings:
            ack = f"yes: {_cell(item.ack_reason or '')}" if item.acknowledged else "no"
            lines.append(
                f"| {_ICON[item.severity]} | `{item.rule}` | {_code(item.symbol)} | {_cell(_where(item)) or '-'} | "
                f"{_cell(item.message)} | {_code(item.base_pointer)} | {_code(item.head_pointer)} | {ack} |"
            )
    if report.unused_acks:
        lines += ["", "Acknowledgements that matched nothing (remove them):"]
        lines += [f"- `{ack.rule}` {_code(ack.pointer or ack.symbol)}" for ack in report.unused_acks]
    if blocking:
        lines += [
            "",
            "To accept a breaking change, add `{rule, pointer or symbol, reason}` to "
            "`spec/breaking-acknowledged.yaml` (and plan a major release).",
        ]
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}
