"""Formatting a comparison: text for people, JSON for machines, Markdown for a pull-request comment,
GitHub workflow annotations on the changed spec lines, and JUnit XML for CI test reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

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
    #: `--fail-on`: what fails the check: unacknowledged `breaking` findings, also `warning`s, or `never`.
    fail_on: str = "breaking"
    #: Where a finding's location is in the checked-out files, for `--format github` (None: not known).
    locate: Callable[[Finding], tuple[str, int] | None] | None = None

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """Breaking findings nobody acknowledged."""
        return tuple(
            item for item in self.findings if item.severity is Severity.BREAKING and not item.acknowledged
        )

    @property
    def failing(self) -> tuple[Finding, ...]:
        """The findings that fail the check under `fail_on` (exit status 1 when there is one)."""
        if self.fail_on == "never":
            return ()
        levels = {Severity.BREAKING} if self.fail_on == "breaking" else {Severity.BREAKING, Severity.WARNING}
        return tuple(item for item in self.findings if item.severity in levels and not item.acknowledged)

    def count(self, severity: Severity) -> int:
        """How many findings have `severity`."""
        return sum(1 for item in self.findings if item.severity is severity)


SHOWN_OPERATIONS = 3


def _where(item: Finding) -> str:
    """The first few operations a finding affects, then "and N more" (JSON lists them all)."""
    labels = [ref.label for ref in item.operations[:SHOWN_OPERATIONS]]
    more = len(item.operations) - len(labels)
    return ", ".join(labels) + (f" and {more} more" if more else "")


def is_sdk(item: Finding) -> bool:
    """True for an SDK surface finding (generator.surface.compare), False for a spec finding."""
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
                    lines.append(
                        f"      {'operations' if len(item.operations) > 1 else 'operation'}: {where}"
                    )
                if not is_sdk(item):
                    lines.append(f"      base: {item.base_pointer or '-'}")
                    lines.append(f"      head: {item.head_pointer or '-'}")
                if item.ack_reason:
                    lines.append(f"      acknowledged: {item.ack_reason}")
    unused = unused_summary(report)
    if unused:
        lines.append(f"note: {unused}")
    lines += ["", _summary(report)]
    return "\n".join(lines) + "\n"


def unused_summary(report: Report) -> str | None:
    """One line for the acknowledgements that matched nothing (the JSON report lists them)."""
    count = len(report.unused_acks)
    if not count:
        return None
    return (
        f"{count} acknowledgement(s) matched nothing in this comparison (stale, or for another base); "
        "`make release` prunes the stale ones, `--format json` lists them"
    )


def _summary(report: Report) -> str:
    counts = ", ".join(f"{report.count(severity)} {severity}" for severity in Severity)
    failing = len(report.failing)
    if failing:
        status = f"FAIL: {failing} unacknowledged {'breaking change(s)' if report.fail_on == 'breaking' else 'breaking change(s) or warning(s)'}"
    elif report.blocking:
        status = f"OK (--fail-on {report.fail_on}; {len(report.blocking)} unacknowledged breaking change(s))"
    else:
        status = "OK"
    return f"semver bump needed: {report.verdict} ({counts}); {status}"


def render_json(report: Report) -> str:
    """Stable JSON for tools."""
    document = {
        "base": report.base_label,
        "head": report.head_label,
        "verdict": str(report.verdict),
        "fail_on": report.fail_on,
        "note": report.note,
        "summary": {
            **{str(severity): report.count(severity) for severity in Severity},
            "acknowledged": sum(1 for item in report.findings if item.acknowledged),
            "unacknowledged_breaking": len(report.blocking),
            "failing": len(report.failing),
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


_ICON = {Severity.BREAKING: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}
_TITLE = {Severity.BREAKING: "Breaking", Severity.WARNING: "Warnings", Severity.INFO: "Additive"}
#: A pull-request comment stays under GitHub's 65,536-character limit, with room for the closing lines.
MARKDOWN_BUDGET = 56_000
ACK_FILE = "spec/breaking-acknowledged.yaml"


def verdict_line(report: Report) -> str:
    """The first line of the comment: passed or failed, why, and the semver bump."""
    counts = ", ".join(f"{report.count(severity)} {severity}" for severity in Severity)
    if report.failing:
        return (
            f"**❌ Breaking-change check failed: {len(report.failing)} unacknowledged "
            f"{'breaking change(s)' if report.fail_on == 'breaking' else 'breaking change(s) or warning(s)'}**"
            f" · semver bump: **{report.verdict}** · {counts}"
        )
    breaking = (
        "nothing breaking" if not report.count(Severity.BREAKING) else "every breaking change acknowledged"
    )
    if report.blocking:
        breaking = f"{len(report.blocking)} unacknowledged breaking change(s), not failing (--fail-on {report.fail_on})"
    return f"**✅ Breaking-change check passed: {breaking}** · semver bump: **{report.verdict}** · {counts}"


def _row(item: Finding) -> str:
    ack = f"yes: {_cell(item.ack_reason or '')}" if item.acknowledged else "no"
    location = item.head_pointer or item.base_pointer
    operations = _cell(_where(item)) or "-"
    return (
        f"| `{item.rule}` | {_cell(item.message)} | {_code(item.symbol)} | {operations} | "
        f"{_code(location)} | {ack} |"
    )


_HEADER = [
    "| Rule | Change | SDK symbol | Operations | Location | Acknowledged |",
    "|---|---|---|---|---|---|",
]


def ack_entry(item: Finding) -> str:
    """The acknowledgement to paste into spec/breaking-acknowledged.yaml for one finding."""
    key = (
        f"symbol: {json.dumps(item.symbol)}"
        if is_sdk(item) or not (item.base_pointer or item.head_pointer)
        else (f"pointer: {json.dumps(item.base_pointer or item.head_pointer)}")
    )
    return (
        f'- rule: {item.rule}\n  {key}\n  reason: "TODO: why this is acceptable, and what users do instead"'
    )


def render_markdown(report: Report) -> str:
    """A pull-request comment under 60 KB: the verdict first, breaking findings, warnings, additive ones
    collapsed, then the acknowledgement to paste for each unacknowledged breaking change."""
    lines = [
        verdict_line(report),
        "",
        f"Base `{_cell(report.base_label)}`, head `{_cell(report.head_label)}`.",
    ]
    if report.note:
        lines += ["", *(f"> {line}" for line in report.note.splitlines())]
    unused = unused_summary(report)
    if unused:
        lines += ["", f"> {unused}"]
    size = sum(len(line) + 1 for line in lines)
    left_out = 0

    def add(block: list[str]) -> bool:
        nonlocal size
        cost = sum(len(line) + 1 for line in block)
        if size + cost > MARKDOWN_BUDGET:
            return False
        lines.extend(block)
        size += cost
        return True

    for severity in Severity:
        group = [item for item in report.findings if item.severity is severity]
        if not group:
            continue
        title = f"{_ICON[severity]} {_TITLE[severity]} ({len(group)})"
        opened = (
            ["", f"<details><summary>{title}</summary>", "", *_HEADER]
            if severity is Severity.INFO
            else ["", f"#### {title}", "", *_HEADER]
        )
        if not add(opened):
            left_out += len(group)
            continue
        for index, item in enumerate(group):
            if not add([_row(item)]):
                left_out += len(group) - index
                break
        if severity is Severity.INFO:
            lines += ["", "</details>"]
    blocking = report.blocking
    heading = (
        f"#### To accept a breaking change, add its entry to `{ACK_FILE}` (with the reason users will read)"
    )
    if blocking and add(["", heading, "", "```yaml"]):
        for index, item in enumerate(blocking):
            if not add(ack_entry(item).splitlines()):
                lines.append(f"# ... {len(blocking) - index} more entries: see `--format json`")
                break
        lines.append("```")
    if left_out:
        lines += [
            "",
            f"{left_out} more finding(s) left out to keep this comment short: run the check with `--format text` or `--format json` for all of them.",
        ]
    return "\n".join(lines) + "\n"


def _command_value(text: str, property_value: bool = False) -> str:
    """Escape text for a GitHub workflow command (`::error file=...::message`)."""
    out = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return out.replace(":", "%3A").replace(",", "%2C") if property_value else out


_COMMAND = {Severity.BREAKING: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_github(report: Report) -> str:
    """GitHub Actions workflow commands: an annotation on the spec line of each breaking finding and
    warning (acknowledged ones as notices), then the verdict as a plain line. Additive findings are left
    to the summary: they need no one's attention on the diff."""
    out: list[str] = []
    for item in report.findings:
        if item.severity is Severity.INFO:
            continue
        command = "notice" if item.acknowledged else _COMMAND[item.severity]
        place = report.locate(item) if report.locate is not None else None
        where = "" if place is None else f"file={_command_value(place[0], True)},line={place[1]},"
        operations = _where(item)
        text = f"{item.message} ({item.symbol})" + (f"; {operations}" if operations else "")
        if item.acknowledged:
            text += f"; acknowledged: {item.ack_reason}"
        elif item.severity is Severity.BREAKING:
            text += f"; acknowledge it in {ACK_FILE} if intended"
        out.append(f"::{command} {where}title={_command_value(item.rule, True)}::{_command_value(text)}")
    out.append(_summary(report))
    return "\n".join(out) + "\n"


def render_junit(report: Report) -> str:
    """JUnit XML: one test case per finding; those that fail the check (`--fail-on`) are failures."""
    failing = set(map(id, report.failing))
    cases = []
    for item in report.findings:
        name = quoteattr(f"{item.symbol}: {item.message}")
        classname = quoteattr(f"breaking.{item.rule}")
        detail = "\n".join(
            f"{label}: {value}"
            for label, value in (
                ("severity", str(item.severity)),
                ("base", item.base_pointer or "-"),
                ("head", item.head_pointer or "-"),
                ("operations", ", ".join(ref.label for ref in item.operations) or "-"),
                ("acknowledged", item.ack_reason or "no"),
            )
        )
        if id(item) in failing:
            body = f"<failure message={quoteattr(item.message)} type={quoteattr(item.rule)}>{xml_escape(detail)}</failure>"
        else:
            body = f"<system-out>{xml_escape(detail)}</system-out>"
        cases.append(f"    <testcase classname={classname} name={name}>{body}</testcase>")
    suite = (
        f'  <testsuite name="breaking-change check" tests="{len(report.findings)}" failures="{len(failing)}" '
        f'errors="0" skipped="0">'
    )
    properties = (
        f'    <properties><property name="verdict" value="{report.verdict}"/>'
        f'<property name="fail_on" value="{report.fail_on}"/></properties>'
    )
    return (
        "\n".join(
            [
                '<?xml version="1.0" encoding="UTF-8"?>',
                "<testsuites>",
                suite,
                properties,
                *cases,
                "  </testsuite>",
                "</testsuites>",
            ]
        )
        + "\n"
    )


RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
    "github": render_github,
    "junit": render_junit,
}
