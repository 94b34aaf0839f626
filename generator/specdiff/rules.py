"""Every rule id with its severity and the semver bump it asks for.

Schema rules exist once per direction prefix: `request` (the client sends, the server validates: a
change must not reject what was accepted), `response`, `webhook-payload` and `model` (the client
reads: a change must not produce what old clients cannot read). `model` covers component schemas that
no operation or webhook reaches; they still become SDK classes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.StrEnum):
    """How much a change hurts existing users."""

    BREAKING = "breaking"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Sort order: breaking first."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.BREAKING: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Bump(enum.StrEnum):
    """The semver part a change asks to increase."""

    NONE = "none"
    PATCH = "patch"
    MINOR = "minor"
    MAJOR = "major"

    @property
    def rank(self) -> int:
        """Order from none to major."""
        return _BUMP_RANK[self]


_BUMP_RANK = {Bump.NONE: 0, Bump.PATCH: 1, Bump.MINOR: 2, Bump.MAJOR: 3}


class Direction(enum.Enum):
    """Which way data flows through a schema; it decides which rule set applies."""

    REQUEST = "request"
    RESPONSE = "response"
    WEBHOOK = "webhook-payload"
    MODEL = "model"

    @property
    def prefix(self) -> str:
        """The rule id prefix of schema findings in this direction."""
        return self.value

    @property
    def is_request(self) -> bool:
        """True when the client writes the data (narrowing breaks), False when it reads it (widening breaks)."""
        return self is Direction.REQUEST


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule: default severity, semver bump, one-line summary."""

    severity: Severity
    bump: Bump
    summary: str


B, W, INF = Severity.BREAKING, Severity.WARNING, Severity.INFO
MAJOR, MINOR, PATCH = Bump.MAJOR, Bump.MINOR, Bump.PATCH

# Removing something the base already marked `deprecated: true` is announced, so it is a warning.
DEPRECATED_REMOVAL = (W, MINOR)

_FIXED: dict[str, tuple[Severity, Bump, str]] = {
    "path-removed": (B, MAJOR, "a path and its operations were removed"),
    "operation-removed": (B, MAJOR, "an operation was removed"),
    "operation-added": (INF, MINOR, "an operation was added"),
    "operation-renamed": (
        B,
        MAJOR,
        "the SDK method of an operation changed (tag, x-molam-method or operationId)",
    ),
    "operation-deprecated": (INF, MINOR, "an operation became deprecated"),
    "security-requirement-added": (B, MAJOR, "an operation needs credentials it did not need"),
    "security-requirement-removed": (INF, PATCH, "an operation accepts credentials it did not accept"),
    "request-parameter-removed": (B, MAJOR, "a parameter was removed"),
    # Same `in`, same schema, another name: one change (callers passing the old name break).
    "request-parameter-renamed": (B, MAJOR, "a parameter was renamed (same location and schema)"),
    "request-required-parameter-added": (B, MAJOR, "a required parameter was added"),
    "request-parameter-added": (INF, MINOR, "an optional parameter was added"),
    "request-parameter-became-required": (B, MAJOR, "a parameter became required"),
    "request-parameter-became-optional": (INF, MINOR, "a parameter became optional"),
    "request-body-removed": (B, MAJOR, "the request body was removed"),
    "request-required-body-added": (B, MAJOR, "a required request body was added"),
    "request-body-added": (INF, MINOR, "an optional request body was added"),
    "request-body-became-required": (B, MAJOR, "the request body became required"),
    "request-body-became-optional": (INF, MINOR, "the request body became optional"),
    "request-media-type-removed": (B, MAJOR, "a request media type was removed"),
    "request-media-type-added": (INF, MINOR, "a request media type was added"),
    "response-success-status-removed": (B, MAJOR, "a 2xx response status was removed"),
    "response-success-status-added": (
        W,
        MINOR,
        "a 2xx response status was added: old clients may not parse it",
    ),
    "response-status-removed": (INF, PATCH, "a non-2xx response status was removed"),
    "response-status-added": (INF, PATCH, "a non-2xx response status was added"),
    "response-media-type-removed": (B, MAJOR, "a response media type was removed"),
    "response-media-type-added": (INF, PATCH, "a response media type was added"),
    "response-required-header-removed": (B, MAJOR, "a required response header was removed"),
    "response-header-removed": (INF, PATCH, "an optional response header was removed"),
    "response-header-added": (INF, PATCH, "a response header was added"),
    # Breaking: a client reading the header (the SDK reads Molam-Request-Id on every response) meets None.
    "response-header-became-optional": (B, MAJOR, "a response header is no longer always sent"),
    "webhook-removed": (B, MAJOR, "a webhook event was removed"),
    "webhook-added": (INF, MINOR, "a webhook event was added"),
    "webhook-payload-media-type-removed": (B, MAJOR, "a webhook payload media type was removed"),
    # A warning when nothing referred to the schema (the class existed, but no call returned or took it).
    "model-removed": (B, MAJOR, "a component schema (an SDK model class) was removed"),
    "model-added": (INF, MINOR, "a component schema (an SDK model class) was added"),
    # The SDK's own public surface (generator.surface.compare), compared with the base revision's code.
    "sdk-module-removed": (B, MAJOR, "a public module of the SDK was removed (or moved)"),
    "sdk-module-added": (INF, MINOR, "a public module of the SDK was added"),
    "sdk-name-removed": (B, MAJOR, "a public name (class, function, method, field, enum member) was removed"),
    "sdk-name-added": (INF, MINOR, "a public name (class, function, method, field, enum member) was added"),
    "sdk-kind-changed": (B, MAJOR, "a public name changed kind (method -> property, sync -> async...)"),
    "sdk-type-changed": (
        B,
        MAJOR,
        "a type changed (field, return, argument, constant, enum value, base class)",
    ),
    "sdk-argument-removed": (B, MAJOR, "an argument was removed"),
    "sdk-required-argument-added": (B, MAJOR, "a required argument was added"),
    "sdk-optional-argument-added": (INF, MINOR, "an optional argument was added"),
    "sdk-argument-became-required": (B, MAJOR, "an argument lost its default"),
    "sdk-argument-became-optional": (INF, MINOR, "an argument gained a default"),
    "sdk-argument-kind-changed": (
        B,
        MAJOR,
        "an argument moved, or is no longer accepted by position/keyword",
    ),
    "sdk-argument-type-widened": (INF, MINOR, "an argument accepts more types"),
    "sdk-default-changed": (
        W,
        MINOR,
        "an argument's default changed: callers leaving it out get another value",
    ),
}

# kind -> (request severity/bump or None, read-side severity/bump or None, summary).
# None: the rule does not exist in that direction (another rule covers the case).
_Pair = tuple[Severity, Bump] | None
_SCHEMA: dict[str, tuple[_Pair, _Pair, str]] = {
    "property-removed": ((B, MAJOR), (B, MAJOR), "a property was removed"),
    # One finding for a removal and an addition of the same schema in one object.
    "property-renamed": ((B, MAJOR), (B, MAJOR), "a property was renamed (same schema)"),
    "property-added": (
        (INF, MINOR),
        (INF, MINOR),
        "an optional property (request) or a property (read side) was added",
    ),
    # Read side: the wire stays readable for old clients, but the generated class gains a required
    # constructor argument (hand-built instances, e.g. test fixtures, break) and stored payloads without the
    # property stop parsing: a warning (`property-added` covers optional ones).
    "required-property-added": ((B, MAJOR), (W, MINOR), "a required property was added"),
    "property-became-required": ((B, MAJOR), (INF, PATCH), "a property became required"),
    "property-became-optional": ((INF, MINOR), (B, MAJOR), "a property became optional"),
    "type-changed": ((B, MAJOR), (B, MAJOR), "the type changed incompatibly"),
    "type-widened": ((INF, PATCH), None, "the type accepts more values"),
    "type-narrowed": (None, (INF, PATCH), "the type produces fewer kinds of values"),
    "became-nullable": ((INF, MINOR), (B, MAJOR), "the value may be null"),
    "became-non-nullable": ((B, MAJOR), (INF, PATCH), "the value may no longer be null"),
    "format-changed": ((B, MAJOR), (B, MAJOR), "the format changed (or changes the generated Python type)"),
    "format-compatible-change": ((INF, PATCH), (INF, PATCH), "the format was added or removed compatibly"),
    "enum-value-removed": ((B, MAJOR), (INF, PATCH), "an enum value was removed"),
    "enum-value-added": ((INF, MINOR), (W, MINOR), "an enum value was added"),
    "enum-restricted": ((B, MAJOR), (INF, PATCH), "an enum (or const) now restricts the value"),
    "enum-unrestricted": ((INF, MINOR), (W, MINOR), "the enum (or const) restriction was dropped"),
    "constraint-narrowed": ((B, MAJOR), (INF, PATCH), "a constraint was narrowed or added"),
    "constraint-widened": ((INF, PATCH), (W, PATCH), "a constraint was widened or removed"),
    "variant-removed": ((B, MAJOR), (INF, PATCH), "a oneOf/anyOf variant was removed"),
    "variant-added": ((INF, MINOR), (W, MINOR), "a oneOf/anyOf variant was added"),
    # A request default is what the server applies when a caller leaves the value out, so changing it
    # changes what every such caller gets, silently: breaking, as oasdiff's
    # `request-parameter-default-value-changed` is. Adding or removing one only documents (or stops
    # documenting) what the server does: a warning. On the read side a default is the value the
    # generated model fills in for a missing field: informational.
    "default-changed": ((B, MAJOR), (INF, PATCH), "the default value changed"),
    "default-added-or-removed": ((W, MINOR), (INF, PATCH), "a default value was added or removed"),
}


def _build() -> dict[str, RuleSpec]:
    rules = {rule: RuleSpec(sev, bump, summary) for rule, (sev, bump, summary) in _FIXED.items()}
    for direction in Direction:
        for kind, (request, read, summary) in _SCHEMA.items():
            chosen = request if direction.is_request else read
            if chosen is not None:
                rules[f"{direction.prefix}-{kind}"] = RuleSpec(chosen[0], chosen[1], summary)
    return rules


RULES: dict[str, RuleSpec] = _build()


def rule_spec(rule: str) -> RuleSpec:
    """The spec of a rule id; `KeyError` for an unknown id (a programming error)."""
    return RULES[rule]
