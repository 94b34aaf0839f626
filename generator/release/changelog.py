"""CHANGELOG.md for users: release sections generated from the breaking-change report's findings.

A finding (one line of `python -m generator breaking --format json`) becomes a changelog line in the
user's terms: the call or attribute as users write it (`molam.payment_intents.create(statement_descriptor=...)`,
`molam.payouts.close()`, `Payout.arrival_date`, `PayoutStatus.RETURNED`), what happened to it (a type change
in Python types: `int` to `datetime.date`; a rename with the old name), the HTTP operations and webhook
events that carry it and, for a breaking change, the migration hint taken from the acknowledgement's
reason (spec/breaking-acknowledged.yaml). A deprecated method's line quotes the sentence of its description
naming the replacement (the lint makes authors write one; the DeprecationWarning says the same). Lines are
grouped under Breaking, Removed, Deprecated, Added and Changed; one line per user-visible change:

- findings about the same symbol share a line (a field read by responses and by a webhook payload; a type
  and a format change of one field);
- `ApiNames` (read from the compared specs) says which method an operation is and which model its body is,
  so a field of a request body model is the keyword argument users pass;
- the SDK surface findings (generator/surface/compare.py) are named as users write them too, so the sync and
  async methods make one line, and fold into the spec line naming the same change (the old name of a
  renamed argument, a new model's module, a new resource's client attribute, a raw-response variant, a
  model constructor's arguments moving); they make lines of their own only when nothing else names them;
- a resource that is new as a whole is one line listing its methods; a new webhook event's value of the
  event-type enum goes on the event's line.

Findings of any rule, including rules this module does not know, are placed by their severity and rule name
and described by their message.

CHANGELOG.md keeps hand-written notes: whatever is written under `## Unreleased` goes into the next
release's section, above its generated part; released sections are never rewritten.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.lint.deprecation import deprecation_note
from generator.specdiff.symbols import method_symbol, parameter_symbol, python_identifier, snake_case

__all__ = [
    "CHANGELOG_FILE",
    "ApiNames",
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


# --- what the spec says about names (the findings carry only their own symbol) ----------------------------


@dataclass(frozen=True, slots=True)
class ApiNames:
    """Names the findings do not carry, read from the compared specs: which `molam.<resource>.<method>` an
    HTTP operation is, which component model is its JSON body (whose top-level properties are the method's
    keyword arguments, as the generated resources take them), how many methods each resource has in the
    head spec, and the deprecation note of each deprecated method, argument and model field (the sentence
    the DeprecationWarning prints, `generator.lint.deprecation.deprecation_note`)."""

    #: `POST /v1/connect/payment_intents` -> `molam.payment_intents.create`
    methods: Mapping[str, str] = field(default_factory=dict)
    #: `POST /v1/connect/payment_intents` -> `CreatePaymentIntentRequest`
    bodies: Mapping[str, str] = field(default_factory=dict)
    #: `customers` -> how many operations `molam.customers` has in the head spec
    resources: Mapping[str, int] = field(default_factory=dict)
    #: `molam.payouts.cancel` / `molam.payouts.list(status=)` / `Payout.description` -> "Use `x` instead."
    deprecations: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_specs(cls, base: Any, head: Any) -> ApiNames:
        """The names of `base` overlaid by `head`'s (either may be None or not a spec: it adds nothing)."""
        methods: dict[str, str] = {}
        bodies: dict[str, str] = {}
        for spec in (base, head):
            for label, symbol, operation in _operations(spec):
                methods[label] = symbol
                body = _body_model(spec, operation)
                if body is not None:
                    bodies[label] = body
                else:
                    bodies.pop(label, None)
        resources: dict[str, int] = {}
        for _, symbol, _ in _operations(head):
            namespace = symbol.split(".")[1]
            resources[namespace] = resources.get(namespace, 0) + 1
        return cls(methods, bodies, resources, _deprecations(head))


_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def _operations(spec: Any) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """(`METHOD /path`, `molam.x.y`, the operation object) of every operation of `spec`."""
    paths = spec.get("paths") if isinstance(spec, Mapping) else None
    for path, item in (paths or {}).items():
        if not isinstance(item, Mapping):
            continue
        for method in _HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, Mapping):
                yield f"{method.upper()} {path}", method_symbol(dict(operation), method, path), operation


def _resolve(spec: Mapping[str, Any], node: Any) -> Any:
    """`node`, or the local component its `$ref` names (one step: enough for bodies and parameters)."""
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return node
    target: Any = spec
    for token in ref[2:].split("/"):
        target = (
            target.get(token.replace("~1", "/").replace("~0", "~")) if isinstance(target, Mapping) else None
        )
    return target


def _body_model(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> str | None:
    """The component schema an operation's JSON body is (`$ref: '#/components/schemas/X'`), else None."""
    body = _resolve(spec, operation.get("requestBody"))
    content = body.get("content") if isinstance(body, Mapping) else None
    media = content.get("application/json") if isinstance(content, Mapping) else None
    schema = media.get("schema") if isinstance(media, Mapping) else None
    ref = schema.get("$ref") if isinstance(schema, Mapping) else None
    prefix = "#/components/schemas/"
    return ref[len(prefix) :] if isinstance(ref, str) and ref.startswith(prefix) else None


def _deprecations(spec: Any) -> dict[str, str]:
    """Symbol -> deprecation note of every deprecated operation, parameter and component property."""
    if not isinstance(spec, Mapping):
        return {}
    notes: dict[str, str] = {}

    def note(node: Any) -> str | None:
        if not isinstance(node, Mapping) or node.get("deprecated") is not True:
            return None
        description = node.get("description")
        return deprecation_note(description) if isinstance(description, str) else None

    for _, symbol, operation in _operations(spec):
        if (text := note(operation)) is not None:
            notes[symbol] = text
        for parameter in operation.get("parameters") or ():
            parameter = _resolve(spec, parameter)
            if not isinstance(parameter, Mapping) or not isinstance(parameter.get("name"), str):
                continue
            if (text := note(parameter) or note(parameter.get("schema"))) is not None:
                notes[parameter_symbol(symbol, parameter["name"])] = text
    components = spec.get("components")
    schemas = components.get("schemas") if isinstance(components, Mapping) else None
    for model, schema in (schemas or {}).items():
        properties = schema.get("properties") if isinstance(schema, Mapping) else None
        for name, prop in (properties or {}).items():
            if (text := note(prop)) is not None:
                notes[f"{model}.{python_identifier(name)}"] = text
    return notes


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

# SDK surface rules (generator/surface/compare.py) -> the phrase; `sdk-name-*` say what kind of name from the
# finding's message ("method added" -> "new method"), the rest are told by their message.
_SDK_PHRASES = {
    "sdk-optional-argument-added": "new optional argument",
    "sdk-required-argument-added": "new required argument",
    "sdk-argument-removed": "argument removed",
    "sdk-argument-became-required": "argument now required",
    "sdk-argument-became-optional": "argument now optional",
    "sdk-module-added": "new module",
}

_ENUM_VALUE = re.compile(r"value '([^']*)'")
_RENAMED = re.compile(r"'([^']+)' renamed to '([^']+)'")
_TYPE_CHANGE = re.compile(r"^type changed from (\S+) to (\S+)$")
_FORMAT_CHANGE = re.compile(r"^format changed from (\S+) to (\S+)$")
_MODEL_FIELD = re.compile(r"^(?P<model>[A-Z]\w*)\.(?P<field>\w+)$")
_PARAMETER = re.compile(r"^(?P<method>molam(?:\.\w+)+)\((?P<arg>\w+)=\)$")
#: Said once on a line whose new enum value the client may now receive.
READ_ENUM_NOTE = "Code that handles every value should expect it."
#: Stands in a line's phrases for its type change until every finding about the symbol has been read (a
#: type and a format finding make one phrase in Python types).
_TYPE_PHRASE = "\0type"

# JSON Schema words -> the Python type the generated code uses (openapi-python-client's mapping).
_PYTHON_TYPES = {
    "integer": "int",
    "number": "float",
    "string": "str",
    "boolean": "bool",
    "array": "list",
    "object": "dict",
    "null": "None",
    "any": "Any",
}
_PYTHON_FORMATS = {"date": "datetime.date", "date-time": "datetime.datetime", "uuid": "uuid.UUID"}
# A format implies its type when a finding names only the format.
_FORMAT_TYPES = {"int32": "integer", "int64": "integer", "float": "number", "double": "number"}


def _python_type(types: str, format_: str | None) -> str:
    """`integer` -> `int`, `string` + `date` -> `datetime.date`, `integer|string` -> `int | str`."""
    names = []
    for name in types.split("|"):
        if name == "string" and format_ in _PYTHON_FORMATS:
            names.append(_PYTHON_FORMATS[format_])
        else:
            names.append(_PYTHON_TYPES.get(name, name))
    return " | ".join(names)


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


@dataclass(frozen=True, slots=True)
class _Named:
    """One place a spec finding shows up in the SDK, named as users write it."""

    symbol: str
    phrase: str
    operations: tuple[str, ...]
    #: Other names of the same change: a renamed thing's old name, the model field behind a keyword
    #: argument, the constructor argument of a field. SDK surface findings naming one fold into the line.
    aliases: frozenset[str] = frozenset()


def _spec_names(change: Change, names: ApiNames) -> list[_Named]:
    """Where a spec finding shows up: usually one symbol; a field of a request body model is the keyword
    argument of each method taking that body (`molam.payment_intents.create(statement_descriptor=...)`)."""
    read_side, kind = _split_rule(change.rule)
    phrase = _RULE_PHRASES.get(change.rule)
    if phrase is None and kind in _KIND_PHRASES:
        phrase = _KIND_PHRASES[kind][1 if read_side else 0]
    if phrase is None:
        phrase = change.message
    if kind in {"type-changed", "type-widened", "type-narrowed", "format-changed"}:
        phrase = _TYPE_PHRASE
    renamed = _RENAMED.search(change.message) if kind.endswith("-renamed") else None
    old = python_identifier(renamed[1]) if renamed else None
    symbol = change.symbol
    operations = change.operations
    if change.rule in {"operation-added", "operation-removed", "path-removed", "operation-deprecated"}:
        return [_Named(symbol if symbol.endswith(")") else f"{symbol}()", phrase, operations)]
    if change.rule in {"webhook-added", "webhook-removed"}:
        # The symbol is the event's model (what `construct_event` returns); the event type is the news.
        event = next((op.removeprefix("webhook ") for op in operations), symbol)
        phrase = f"{'new' if change.rule == 'webhook-added' else 'removed'} webhook event `{event}`"
        return [_Named(symbol, phrase, ())]  # the line names the event already
    if kind.startswith("enum-value-") and (value := _ENUM_VALUE.search(change.message)):
        member = _enum_member(value[1])
        if member is not None and "." not in symbol and "(" not in symbol:
            return [_Named(f"{symbol}.{member}", phrase, operations)]  # a named enum: `PayoutStatus.RETURNED`
        return [_Named(symbol, f"{phrase}: {value[1]!r}", operations)]
    if (parameter := _PARAMETER.match(symbol)) is not None:
        aliases = frozenset({f"{parameter['method']}({old}=...)"} if old else ())
        if old:
            phrase = f"renamed from `{old}=`"
        return [_Named(f"{parameter['method']}({parameter['arg']}=...)", phrase, operations, aliases)]
    if (model_field := _MODEL_FIELD.match(symbol)) is not None:
        model, name = model_field["model"], model_field["field"]
        model_aliases = {f"{model}({name}=...)"} | (
            {f"{model}.{old}", f"{model}({old}=...)"} if old else set()
        )
        calls = [
            (names.methods[label], label)
            for label in operations
            if not read_side and names.bodies.get(label) == model and label in names.methods
        ]
        if calls:  # the generated method takes the body's fields as keyword arguments
            return [
                _Named(
                    f"{method}({name}=...)",
                    f"renamed from `{old}=`" if old else phrase,
                    (label,),
                    frozenset(model_aliases | {symbol} | ({f"{method}({old}=...)"} if old else set())),
                )
                for method, label in calls
            ]
        return [
            _Named(
                symbol,
                f"renamed from `{model}.{old}`" if old else phrase,
                operations,
                frozenset(model_aliases),
            )
        ]
    return [_Named(symbol, phrase, operations)]


def _model_of(symbol: str) -> str | None:
    """The model class a model symbol is about: `Payout` for `Payout.arrival_date` or `Payout(x=...)`."""
    match = re.match(r"^([A-Z]\w*)(?:$|[.(])", symbol)
    return match[1] if match else None


# The resource classes and the clients whose attributes are the resources (`molam.customers`).
_RESOURCE_HOLDERS = re.compile(
    r"^(?:molam_sdk\.resources|molam_sdk_ext(?:\.client)?):(?P<cls>(?:Sync|Async)(?:Raw)?Resources|(?:Async)?Molam)"
    r"\.(?P<name>\w+)$"
)
_RESOURCE_MEMBER = re.compile(
    r"^molam_sdk\.resources\.(?P<ns>\w+):(?P<cls>\w+?)(?:\.(?P<method>\w+))?(?:\((?P<arg>\w+)=\))?$"
)
_MODEL_MEMBER = re.compile(r"^molam_sdk\.models(?:\.\w+)*:(?P<rest>[A-Z]\w*(?:\.\w+)?(?:\(\w+=\))?)$")
_CALLABLE_KINDS = ("method", "async method", "function", "async function", "staticmethod", "classmethod")


def _sdk_name(change: Change) -> tuple[str, str]:
    """(the name as users write it, what happened) for an SDK surface finding: a resource method of the sync
    or the async client is `molam.<resource>.<method>` either way (so the two fold into one line), a model
    member is `Model.field`; the raw-response variants are `molam.with_raw_response...`."""
    symbol, message = change.symbol, change.message
    kind = message.removesuffix(" added").removesuffix(" removed")
    if change.rule in _SDK_PHRASES:
        phrase = _SDK_PHRASES[change.rule]
    elif change.rule in {"sdk-name-added", "sdk-name-removed"}:
        # The sync and async forms share the line: "new method", not "new method; new async method".
        phrase = f"new {kind.removeprefix('async ')}" if change.rule == "sdk-name-added" else message
        phrase = phrase.replace("async method removed", "method removed")
    elif change.rule == "sdk-module-removed":
        phrase = message.removeprefix("public ")
    else:
        phrase = message
    call = "()" if kind in _CALLABLE_KINDS else ""
    if (holder := _RESOURCE_HOLDERS.match(symbol)) is not None:
        raw = "with_raw_response." if "Raw" in holder["cls"] else ""
        return f"molam.{raw}{holder['name']}{call}", phrase
    if (member := _RESOURCE_MEMBER.match(symbol)) is not None and member["method"]:
        raw = "with_raw_response." if member["cls"].endswith("WithRawResponse") else ""
        name = f"molam.{raw}{member['ns']}.{member['method']}"
        return (f"{name}({member['arg']}=...)" if member["arg"] else f"{name}()"), phrase
    if (model := _MODEL_MEMBER.match(symbol)) is not None:
        return model["rest"].replace("=)", "=...)"), phrase
    module, _, qualname = symbol.partition(":")
    text = f"{module}.{qualname}" if qualname else module
    return (text.replace("=)", "=...)") + (call if "(" not in text else "")), phrase


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
    #: Other names of the same change (see `_Named.aliases`): SDK surface findings naming one fold in.
    aliases: set[str] = field(default_factory=set)
    #: The type and format changes read for the symbol, as JSON Schema words ((old, new) each).
    types: tuple[str, str] | None = None
    formats: tuple[str, str] | None = None

    def render(self) -> str:
        """`- \\`Payout.reference\\`: new field (GET /v1/treasury/payouts, +2 more).`"""
        text = f"- `{self.symbol}`: {'; '.join(self.phrases)}"
        if self.operations:
            shown = self.operations[:MAX_OPERATIONS]
            more = len(self.operations) - len(shown)
            text += " (" + ", ".join(shown) + (f", +{more} more" if more else "") + ")"
        text += "."
        if self.notes:
            text += " " + " ".join(_sentence(note) for note in self.notes)
        if self.category is Category.BREAKING:
            if self.hints:
                text += " Migration: " + " ".join(_sentence(hint) for hint in self.hints)
            if self.unacknowledged:
                text += (
                    " (Not acknowledged: the release refuses until spec/breaking-acknowledged.yaml says why.)"
                )
        return text

    def _type_phrase(self) -> str:
        """The entry's type change in Python types (`int` to `datetime.date`), else the JSON words."""
        old_format, new_format = self.formats or (None, None)
        old_format, new_format = (None if f == "none" else f for f in (old_format, new_format))
        if self.types is not None:
            old_types, new_types = self.types
        else:  # only the format changed: the type it implies (a date is a string)
            old_types = _FORMAT_TYPES.get(old_format or new_format or "", "string")
            new_types = _FORMAT_TYPES.get(new_format or old_format or "", "string")
        old, new = _python_type(old_types, old_format), _python_type(new_types, new_format)
        if old != new:
            return f"type changed from `{old}` to `{new}`"
        if self.formats is not None:  # the same Python type: say what did change
            return f"format changed from {self.formats[0]} to {self.formats[1]}"
        return f"type changed from {old_types} to {new_types}"

    def _absorb(self, change: Change, own: bool) -> None:
        """Take a finding's acknowledgement into the line; a folded finding (not `own`) adds its migration
        hint only when the line's own findings gave none (they describe the same change)."""
        if change.ack_reason and (own or not self.hints):
            _add_unique(self.hints, [change.ack_reason])
        self.unacknowledged |= change.breaking and not change.acknowledged


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def categorize(changes: Iterable[Change], names: ApiNames | None = None) -> dict[Category, list[Entry]]:
    """Group findings into changelog entries, one per user-visible change, sorted by symbol.

    Spec findings make the lines, named as users write them (with `names`, a field of a request body model
    is the keyword argument of the methods taking it); the SDK surface findings follow: one naming a line's
    symbol or one of its aliases (a renamed argument's old name, the sync and async forms of a method, a
    model's constructor argument), a module of a new model or resource, or a raw-response variant of a
    named call, folds into that line instead of making its own. A new resource's methods make one line.
    """
    names = names or ApiNames()
    changes = list(changes)
    entries: dict[tuple[Category, str], Entry] = {}
    claimed: dict[str, Entry] = {}  # every symbol and alias of a spec line -> the line
    for change in (change for change in changes if change.wire):
        category = _category(change)
        for named in _spec_names(change, names):
            entry = entries.setdefault((category, named.symbol), Entry(category, named.symbol))
            _add_unique(entry.phrases, [named.phrase])
            _add_unique(entry.operations, named.operations)
            entry.aliases |= named.aliases
            _read_type_change(entry, change)
            if change.rule.endswith("enum-value-added") and _split_rule(change.rule)[0]:
                _add_unique(entry.notes, [READ_ENUM_NOTE])
            if change.rule == "operation-deprecated" and (note := names.deprecations.get(change.symbol)):
                _add_unique(entry.notes, [note])  # the replacement, as the DeprecationWarning says it
            entry._absorb(change, own=True)
    _fold_event_types(entries)
    _group_new_resources(entries, names, changes)
    for entry in entries.values():
        if _TYPE_PHRASE in entry.phrases:
            entry.phrases[entry.phrases.index(_TYPE_PHRASE)] = entry._type_phrase()
            while _TYPE_PHRASE in entry.phrases:
                entry.phrases.remove(_TYPE_PHRASE)
        if len(entry.phrases) > 1 and "new model" in entry.phrases:  # a new event's or method's model
            entry.phrases.remove("new model")
        for name in (entry.symbol, *entry.aliases):
            claimed.setdefault(name, entry)
    sdk = [(change, *_sdk_name(change)) for change in changes if not change.wire]
    # Raw-response variants last: they fold into whatever line names the call itself.
    sdk.sort(key=lambda item: "with_raw_response." in item[1])
    for change, symbol, phrase in sdk:
        category = _category(change)
        target = _fold_target(change, symbol, claimed, entries)
        if target is not None and (target.category is Category.BREAKING or not change.breaking):
            target._absorb(change, own=False)
            continue
        entry = entries.setdefault((category, symbol), Entry(category, symbol))
        _add_unique(entry.phrases, [phrase])
        entry._absorb(change, own=True)
        claimed.setdefault(symbol, entry)
    grouped: dict[Category, list[Entry]] = {}
    for category in Category:
        found = sorted((e for e in entries.values() if e.category is category), key=_entry_order)
        if found:
            grouped[category] = found
    return grouped


def _read_type_change(entry: Entry, change: Change) -> None:
    """Remember a type or format change of the entry's symbol (one phrase is made of both, see
    `Entry._type_phrase`)."""
    if (match := _TYPE_CHANGE.match(change.message)) is not None and "type-" in change.rule:
        entry.types = (match[1], match[2])
    elif (match := _FORMAT_CHANGE.match(change.message)) is not None and "format-" in change.rule:
        entry.formats = (match[1], match[2])


def _fold_event_types(entries: dict[tuple[Category, str], Entry]) -> None:
    """A new webhook event's value of the event-type enum (generated from the webhooks) is the same news:
    its member goes on the event's line (`new webhook event \\`customer.created\\` (EventType.X)`)."""
    events = {
        phrase.split("`")[1]: (entry, index)
        for entry in entries.values()
        for index, phrase in enumerate(entry.phrases)
        if phrase.startswith("new webhook event `")
    }
    for key, entry in list(entries.items()):
        enum, _, member = entry.symbol.rpartition(".")
        if entry.phrases != ["new value"] or not enum or "(" in entry.symbol:
            continue
        event = next((e for e in events if _enum_member(e) == member), None)
        if event is not None:
            target, index = events[event]
            target.phrases[index] += f" (`{entry.symbol}`)"
            target.hints += [hint for hint in entry.hints if hint not in target.hints]
            target.unacknowledged |= entry.unacknowledged
            del entries[key]


def _group_new_resources(
    entries: dict[tuple[Category, str], Entry], names: ApiNames, changes: list[Change]
) -> None:
    """The methods of a resource that is new as a whole make one line: `molam.customers`: new resource."""
    new_modules = {
        change.symbol.removeprefix("molam_sdk.resources.")
        for change in changes
        if change.rule == "sdk-module-added" and change.symbol.startswith("molam_sdk.resources.")
    }
    methods: dict[str, list[Entry]] = {}
    for entry in entries.values():
        if entry.category is Category.ADDED and entry.phrases == ["new method"]:
            methods.setdefault(entry.symbol.split(".")[1], []).append(entry)
    for namespace, found in methods.items():
        if len(found) < 2 or not (names.resources.get(namespace) == len(found) or namespace in new_modules):
            continue
        found.sort(key=lambda entry: entry.symbol)
        listed = [f"`{entry.symbol.rsplit('.', 1)[1]}`" for entry in found]
        line = Entry(Category.ADDED, f"molam.{namespace}")
        line.phrases.append(f"new resource: {', '.join(listed[:-1])} and {listed[-1]}")
        for entry in found:
            _add_unique(line.operations, entry.operations)
            line.aliases |= {entry.symbol, *entry.aliases}
            del entries[(entry.category, entry.symbol)]
        entries[(Category.ADDED, line.symbol)] = line


def _fold_target(
    change: Change, symbol: str, claimed: Mapping[str, Entry], entries: Mapping[tuple[Category, str], Entry]
) -> Entry | None:
    """The line an SDK surface finding belongs to, if one names the same change: a spec line, or the line
    an earlier SDK finding made (the sync method's, for the async one)."""
    plain = symbol.replace("with_raw_response.", "")
    for name in (symbol, plain, plain.removesuffix("()")):
        if name in claimed:
            return claimed[name]
    if plain.startswith("molam."):  # a resource attribute or method no spec line names: its resource's line
        namespace = plain.split(".")[1].split("(")[0]
        if f"molam.{namespace}" in claimed:
            return claimed[f"molam.{namespace}"]
    if change.rule == "sdk-module-added" or change.rule == "sdk-module-removed":
        module = symbol.rsplit(".", 1)[-1]
        for entry in entries.values():
            if (model := _model_of(entry.symbol)) is not None and snake_case(model) == module:
                return entry
            if symbol.startswith("molam_sdk.resources.") and (
                entry.symbol == f"molam.{module}" or entry.symbol.startswith(f"molam.{module}.")
            ):
                return entry
    if change.rule == "sdk-argument-kind-changed" and (moved := _model_of(symbol)) is not None:
        # A model's constructor arguments move when its fields change: the line about that field says it.
        lines = [
            entry
            for entry in entries.values()
            if _model_of(entry.symbol) == moved or any(_model_of(alias) == moved for alias in entry.aliases)
        ]
        lines.sort(key=lambda entry: list(Category).index(entry.category))
        return lines[0] if lines else None
    return None


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


def render_section(
    info: SectionInfo, changes: Sequence[Change], notes: str = "", names: ApiNames | None = None
) -> str:
    """The Markdown section of one release: heading, API version, hand-written notes, generated lines
    (`names`: what the compared specs say about names, see `ApiNames`)."""
    api = f"API version `{info.api_version}` (the default `Molam-Version`)"
    if info.previous_api_version and info.previous_api_version != info.api_version:
        api += f", was `{info.previous_api_version}`"
    lines = [f"## {info.version} - {info.date}", "", f"{api}. Changes since {info.compared_with}.", ""]
    if info.same_api_version:
        reason = info.same_api_version.strip().rstrip(".")
        lines += [f"The API version did not change despite the breaking changes below: {reason}.", ""]
    if notes.strip():
        lines += [notes.strip(), ""]
    if info.previous_api_version and info.previous_api_version != info.api_version:
        # The client's default `Molam-Version` follows the spec: the line above says it changed.
        quoted = (repr(info.previous_api_version), repr(info.api_version))
        changes = [
            change
            for change in changes
            if not (change.rule == "sdk-default-changed" and all(text in change.message for text in quoted))
        ]
    grouped = categorize(changes, names)
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
