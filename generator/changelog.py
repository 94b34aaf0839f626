"""CHANGELOG.md for users: release sections generated from the breaking-change report's findings.

A finding (one line of `python -m generator breaking --format json`) becomes a changelog line in the
user's terms: the Python symbol it affects (`molam.disputes.close()`, `molam.payouts.list(currency=)`,
`Payout.arrival_date`, `PayoutStatus.RETURNED`), what happened to it, the HTTP operations and webhook
events that carry it and, for a breaking change, the migration hint taken from the acknowledgement's
reason (spec/breaking-acknowledged.yaml). Lines are grouped under Breaking, Removed, Deprecated, Added and
Changed; findings about the same symbol (a field read by responses and by a webhook payload) share a line.
Findings of any rule, including rules this module does not know (the SDK-surface comparison), are placed
by their severity and rule name and described by their message.

CHANGELOG.md keeps hand-written notes: whatever is written under `## Unreleased` goes into the next
release's section, above its generated part; released sections are never rewritten.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.specdiff.symbols import snake_case

__all__ = [
    "CHANGELOG_FILE",
    "Category",
    "Change",
    "ChangelogError",
    "Entry",
    "SectionInfo",
    "categorize",
    "render_section",
    "unreleased_notes",
    "with_release",
]

CHANGELOG_FILE = "CHANGELOG.md"
UNRELEASED = "## Unreleased"
NOTES_HINT = (
    "<!-- Hand-written notes for the next release go here; `make release` moves them into that release's "
    "section, above the part it generates from the spec. -->"
)
DEFAULT_PREAMBLE = (
    "# Changelog\n\n"
    "Every release of `molam-sdk` and `molam-sandbox` (released together, same version). Each section names\n"
    "the API version the SDK sends by default (`Molam-Version`) and lists what changed for users, by Python\n"
    "symbol and HTTP operation; breaking changes come with a migration hint. Versions follow semantic\n"
    'versioning (see the README, "Releases").\n'
)
#: How many operations a line names before summarising the rest as `+N more`.
MAX_OPERATIONS = 3


class ChangelogError(ValueError):
    """The breaking-change report is not in the shape the changelog expects."""


class Category(enum.Enum):
    """A changelog heading, in the order sections list them."""

    BREAKING = "Breaking"
    REMOVED = "Removed"
    DEPRECATED = "Deprecated"
    ADDED = "Added"
    CHANGED = "Changed"


@dataclass(frozen=True, slots=True)
class Change:
    """One finding of the breaking-change report (its JSON form), as the changelog reads it."""

    rule: str
    severity: str
    bump: str
    message: str
    symbol: str
    operations: tuple[str, ...] = ()
    acknowledged: bool = False
    ack_reason: str | None = None
    #: Where the finding comes from: `spec` (the wire contract) or `sdk` (the Python surface).
    source: str = "spec"

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Change:
        """Read one element of the report's `findings`; `ChangelogError` names a missing or wrong key."""
        try:
            operations = tuple(_operation_label(op) for op in data.get("operations") or ())
            return cls(
                rule=_text(data, "rule"),
                severity=_text(data, "severity"),
                bump=_text(data, "bump"),
                message=_text(data, "message"),
                symbol=_text(data, "symbol"),
                operations=operations,
                acknowledged=bool(data.get("acknowledged", False)),
                ack_reason=data.get("ack_reason") or None,
                # Reports older than the `source` key told SDK findings by their rule's prefix.
                source=data.get("source") or ("sdk" if _text(data, "rule").startswith("sdk-") else "spec"),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ChangelogError(f"malformed finding {dict(data)!r}: {exc}") from exc

    @property
    def breaking(self) -> bool:
        """True for a breaking finding."""
        return self.severity == "breaking"

    @property
    def wire(self) -> bool:
        """True for a change of the wire contract (the spec), which clients pin by `Molam-Version`."""
        return self.source == "spec"


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} must be a string")
    return value


def _operation_label(op: Mapping[str, Any]) -> str:
    if op.get("kind") == "webhook":
        return f"webhook {op['path']}"
    return f"{op['method']} {op['path']}"


# --- classification --------------------------------------------------------------------------------------

# Rule prefixes naming the direction data flows (generator/specdiff/rules.py): the client sends request
# data and reads the rest.
_READ_PREFIXES = ("response-", "webhook-payload-", "model-")

# Whole rule ids -> what the change is, in a user's words. Rules not listed here (and kinds not in
# _KIND_PHRASES) are described by the finding's own message.
_RULE_PHRASES = {
    "operation-added": "new method",
    "operation-removed": "method removed",
    "path-removed": "method removed",
    "operation-deprecated": "deprecated",
    "request-parameter-added": "new optional argument",
    "request-required-parameter-added": "new required argument",
    "request-parameter-removed": "argument removed",
    "request-parameter-became-required": "argument now required",
    "request-parameter-became-optional": "argument now optional",
    "model-added": "new model",
    "model-removed": "model removed",
}

# Schema rule kinds (the rule without its direction prefix) -> (phrase when the client sends the value,
# phrase when it reads it).
_KIND_PHRASES = {
    "property-added": ("new optional argument", "new field"),
    "required-property-added": ("new required argument", "new required field"),
    "property-removed": ("argument removed", "field removed"),
    "property-became-required": ("argument now required", "field now always present"),
    "property-became-optional": ("argument now optional", "field may now be absent"),
    "became-nullable": ("now accepts None", "may now be None"),
    "became-non-nullable": ("no longer accepts None", "never None any more"),
    "enum-value-added": ("new value", "new value"),
    "enum-value-removed": ("value no longer accepted", "value no longer sent"),
}

_ENUM_VALUE = re.compile(r"value '([^']*)'")
#: Said once on a line whose new enum value the client may now receive.
READ_ENUM_NOTE = "Code that handles every value should expect it."


def _split_rule(rule: str) -> tuple[bool, str]:
    """(read side?, kind): `response-property-added` -> (True, `property-added`)."""
    for prefix in (*_READ_PREFIXES, "request-"):
        if rule.startswith(prefix):
            return prefix != "request-", rule[len(prefix) :]
    return False, rule


def _category(change: Change) -> Category:
    if change.breaking:
        return Category.BREAKING
    if "deprecated" in change.rule:
        return Category.DEPRECATED
    if change.rule.endswith("-removed"):  # announced removals: the thing was deprecated before
        return Category.REMOVED
    if change.rule.endswith("-added"):
        return Category.ADDED
    return Category.CHANGED


def _enum_member(value: str) -> str | None:
    """The member name openapi-python-client gives a string enum value (None when it is positional)."""
    if not value or not value[0].isalpha():
        return None
    return snake_case(value.upper()).upper()


def _describe(change: Change) -> tuple[str, str]:
    """(symbol as a user writes it, what happened to it)."""
    read_side, kind = _split_rule(change.rule)
    phrase = _RULE_PHRASES.get(change.rule)
    if phrase is None and kind in _KIND_PHRASES:
        phrase = _KIND_PHRASES[kind][1 if read_side else 0]
    if phrase is None:
        phrase = change.message
    symbol = change.symbol
    if change.rule in {"operation-added", "operation-removed", "path-removed", "operation-deprecated"}:
        symbol = symbol if symbol.endswith(")") else f"{symbol}()"
    elif change.rule in {"webhook-added", "webhook-removed"}:
        # The symbol is the event's model (what `construct_event` returns); the event type is the news.
        event = next((op.removeprefix("webhook ") for op in change.operations), symbol)
        phrase = f"{'new' if change.rule == 'webhook-added' else 'removed'} webhook event `{event}`"
    elif kind.startswith("enum-value-") and (value := _ENUM_VALUE.search(change.message)):
        member = _enum_member(value[1])
        if member is not None and "." not in symbol and "(" not in symbol:
            symbol = f"{symbol}.{member}"  # a named enum class: `PayoutStatus.RETURNED`
        else:
            phrase = f"{phrase}: {value[1]!r}"
    return symbol, phrase


@dataclass(slots=True)
class Entry:
    """One changelog line: a symbol, what happened to it, where, and (breaking) how to migrate."""

    category: Category
    symbol: str
    phrases: list[str] = field(default_factory=list)
    operations: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unacknowledged: bool = False

    def render(self) -> str:
        """`- \\`Payout.reference\\`: new field (GET /v1/treasury/payouts, +2 more).`"""
        text = f"- `{self.symbol}`: {'; '.join(self.phrases)}"
        if self.operations:
            shown = self.operations[:MAX_OPERATIONS]
            more = len(self.operations) - len(shown)
            text += " (" + ", ".join(shown) + (f", +{more} more" if more else "") + ")"
        text += "."
        if self.notes:
            text += " " + " ".join(self.notes)
        if self.category is Category.BREAKING:
            if self.hints:
                text += " Migration: " + " ".join(_sentence(hint) for hint in self.hints)
            if self.unacknowledged:
                text += (
                    " (Not acknowledged: the release refuses until spec/breaking-acknowledged.yaml says why.)"
                )
        return text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def categorize(changes: Iterable[Change]) -> dict[Category, list[Entry]]:
    """Group findings into changelog entries: one per category and symbol, sorted by symbol."""
    entries: dict[tuple[Category, str], Entry] = {}
    for change in changes:
        category = _category(change)
        symbol, phrase = _describe(change)
        entry = entries.setdefault((category, symbol), Entry(category, symbol))
        _add_unique(entry.phrases, [phrase])
        if change.rule not in {"webhook-added", "webhook-removed"}:  # the line names the event already
            _add_unique(entry.operations, change.operations)
        if change.rule.endswith("enum-value-added") and _split_rule(change.rule)[0]:
            _add_unique(entry.notes, [READ_ENUM_NOTE])
        if change.ack_reason:
            _add_unique(entry.hints, [change.ack_reason])
        entry.unacknowledged |= change.breaking and not change.acknowledged
    for entry in entries.values():
        if len(entry.phrases) > 1 and "new model" in entry.phrases:  # a new event's or method's model
            entry.phrases.remove("new model")
    grouped: dict[Category, list[Entry]] = {}
    for category in Category:
        found = sorted((e for e in entries.values() if e.category is category), key=_entry_order)
        if found:
            grouped[category] = found
    return grouped


def _entry_order(entry: Entry) -> tuple[bool, str]:
    """Methods (`molam.x.y()`) first, then models and events, each alphabetically."""
    return (not entry.symbol.startswith("molam."), entry.symbol.lower())


def _add_unique(target: list[str], items: Iterable[str]) -> None:
    for item in items:
        if item not in target:
            target.append(item)


# --- sections ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SectionInfo:
    """What a release section's heading and first line say."""

    version: str
    date: str
    api_version: str
    previous_api_version: str | None
    compared_with: str
    #: Why the API version stayed the same across breaking wire changes (`release --same-api-version`).
    same_api_version: str | None = None


def render_section(info: SectionInfo, changes: Sequence[Change], notes: str = "") -> str:
    """The Markdown section of one release: heading, API version, hand-written notes, generated lines."""
    api = f"API version `{info.api_version}` (the default `Molam-Version`)"
    if info.previous_api_version and info.previous_api_version != info.api_version:
        api += f", was `{info.previous_api_version}`"
    lines = [f"## {info.version} - {info.date}", "", f"{api}. Changes since {info.compared_with}.", ""]
    if info.same_api_version:
        reason = info.same_api_version.strip().rstrip(".")
        lines += [f"The API version did not change despite the breaking changes below: {reason}.", ""]
    if notes.strip():
        lines += [notes.strip(), ""]
    grouped = categorize(changes)
    if not grouped:
        lines += ["No change to the API the spec describes.", ""]
    for category, entries in grouped.items():
        lines += [f"### {category.value}", ""]
        models = [e for e in entries if e.phrases == ["new model"] and not e.operations]
        if len(models) > 1:  # one line for new model classes: the methods returning them are listed anyway
            lines.append("- New models: " + ", ".join(f"`{e.symbol}`" for e in models) + ".")
        lines += [e.render() for e in entries if not (len(models) > 1 and e in models)]
        lines.append("")
    return "\n".join(lines)


# --- the file ---------------------------------------------------------------------------------------------


def _split(text: str) -> tuple[str, str, str]:
    """(preamble, notes under `## Unreleased`, the released sections) of a CHANGELOG.md text."""
    lines = text.splitlines(keepends=True)
    first = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    preamble = "".join(lines[:first])
    if first < len(lines) and lines[first].strip().lower() == UNRELEASED.lower():
        end = next((i for i in range(first + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        notes = "".join(line for line in lines[first + 1 : end] if line.strip() != NOTES_HINT)
        return preamble, notes.strip(), "".join(lines[end:])
    return preamble, "", "".join(lines[first:])


def unreleased_notes(text: str) -> str:
    """The hand-written notes under `## Unreleased` (without the hint comment)."""
    return _split(text)[1]


def with_release(text: str, section: str) -> str:
    """CHANGELOG.md with `section` added on top of the released ones and `## Unreleased` emptied.

    The notes that were under `## Unreleased` are expected inside `section` (`render_section(notes=...)`).
    """
    preamble, _, released = _split(text)
    parts = [
        preamble.strip() or DEFAULT_PREAMBLE.strip(),
        UNRELEASED,
        NOTES_HINT,
        section.strip(),
        released.strip(),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"
