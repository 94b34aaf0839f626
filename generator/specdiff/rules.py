"""The breaking-change rule registry: every rule id, as a literal, with its area, severity, bump and check.

One line per rule, so that grepping an id finds the line that says what it means, how much it hurts and
which function reports it (`check`: `module:qualname`; a test proves each check names the rule or its
schema change). docs/BREAKING_RULES.md is rendered from this registry (`make generate`; a test compares).

Schema rules exist once per direction: `request` (the client sends, the server validates: a change must
not reject what was accepted), `response`, `webhook-payload` and `model` (the client reads: a change must
not produce what old clients cannot read). `model` covers component schemas that no operation or webhook
reaches; they still become SDK classes. The schema walker reports a `SchemaChange`; `schema_rule` gives the
id of that change in a direction, from the registry.
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


class Area(enum.StrEnum):
    """What part of the API (or of the SDK) a rule is about: the first words of its id."""

    OPERATIONS = "operations"
    SECURITY = "security"
    REQUEST = "request"
    RESPONSE = "response"
    WEBHOOKS = "webhooks"
    WEBHOOK_PAYLOAD = "webhook-payload"
    MODELS = "models"
    SDK = "sdk"


class Direction(enum.Enum):
    """Which way data flows through a schema; it decides which rule set applies."""

    REQUEST = "request"
    RESPONSE = "response"
    WEBHOOK = "webhook-payload"
    MODEL = "model"

    @property
    def area(self) -> Area:
        """The area of the schema rules in this direction."""
        return _DIRECTION_AREA[self]

    @property
    def is_request(self) -> bool:
        """True when the client writes the data (narrowing breaks), False when it reads it (widening breaks)."""
        return self is Direction.REQUEST


_DIRECTION_AREA = {
    Direction.REQUEST: Area.REQUEST,
    Direction.RESPONSE: Area.RESPONSE,
    Direction.WEBHOOK: Area.WEBHOOK_PAYLOAD,
    Direction.MODEL: Area.MODELS,
}


class SchemaChange(enum.Enum):
    """A change the schema walker finds in one schema; its rule id depends on the direction (`schema_rule`)."""

    PROPERTY_REMOVED = "property-removed"
    #: One finding for a removal and an addition of the same schema in one object.
    PROPERTY_RENAMED = "property-renamed"
    PROPERTY_ADDED = "property-added"
    #: Read side: the wire stays readable for old clients, but the generated class gains a required
    #: constructor argument (hand-built instances, e.g. test fixtures, break) and stored payloads without the
    #: property stop parsing: a warning (`property-added` covers optional ones).
    REQUIRED_PROPERTY_ADDED = "required-property-added"
    PROPERTY_BECAME_REQUIRED = "property-became-required"
    PROPERTY_BECAME_OPTIONAL = "property-became-optional"
    TYPE_CHANGED = "type-changed"
    TYPE_WIDENED = "type-widened"
    TYPE_NARROWED = "type-narrowed"
    BECAME_NULLABLE = "became-nullable"
    BECAME_NON_NULLABLE = "became-non-nullable"
    FORMAT_CHANGED = "format-changed"
    FORMAT_COMPATIBLE_CHANGE = "format-compatible-change"
    ENUM_VALUE_REMOVED = "enum-value-removed"
    ENUM_VALUE_ADDED = "enum-value-added"
    ENUM_RESTRICTED = "enum-restricted"
    ENUM_UNRESTRICTED = "enum-unrestricted"
    CONSTRAINT_NARROWED = "constraint-narrowed"
    CONSTRAINT_WIDENED = "constraint-widened"
    VARIANT_REMOVED = "variant-removed"
    VARIANT_ADDED = "variant-added"
    #: A request default is what the server applies when a caller leaves the value out, so changing it
    #: changes what every such caller gets, silently: breaking, as oasdiff's
    #: `request-parameter-default-value-changed` is. Adding or removing one only documents (or stops
    #: documenting) what the server does: a warning. On the read side a default is the value the
    #: generated model fills in for a missing field: informational.
    DEFAULT_CHANGED = "default-changed"
    DEFAULT_ADDED_OR_REMOVED = "default-added-or-removed"


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: its id, area, default severity, semver bump, one-line summary, and the check reporting it.

    `check` is `module:qualname` of the function whose code names the id (or, for a schema rule, its
    `change`).
    """

    id: str
    area: Area
    severity: Severity
    bump: Bump
    summary: str
    check: str
    change: SchemaChange | None = None


B, W, INF = Severity.BREAKING, Severity.WARNING, Severity.INFO
MAJOR, MINOR, PATCH = Bump.MAJOR, Bump.MINOR, Bump.PATCH

# Removing something the base already marked `deprecated: true` is announced, so it is a warning.
DEPRECATED_REMOVAL = (W, MINOR)

# The checks, by where they live.
_OPERATIONS = "generator.specdiff.operations:OperationComparer."
_COMPARE_PATHS = _OPERATIONS + "compare"
_COMPARE_OPERATION = _OPERATIONS + "compare_operation"
_PARAMETERS = _OPERATIONS + "_parameters"
_REQUEST_BODY = _OPERATIONS + "_request_body"
_RESPONSES = _OPERATIONS + "_responses"
_HEADERS = _OPERATIONS + "_headers"
_SECURITY = "generator.specdiff.security:compare_security"
_WEBHOOKS = "generator.specdiff.webhooks:compare_webhooks"
_WEBHOOK_PAYLOAD = "generator.specdiff.webhooks:_payload"
_COMPONENTS = "generator.specdiff.components:compare_components"
_SCHEMAS = "generator.specdiff.schema_compare:SchemaWalker."
_PROPERTIES = _SCHEMAS + "_properties"
_TYPES = _SCHEMAS + "_types"
_NULLABLE = _SCHEMAS + "_nullable"
_FORMAT = _SCHEMAS + "_format"
_ENUM = _SCHEMAS + "_enum"
_CONSTRAINTS = _SCHEMAS + "_constraints"
_VARIANTS = _SCHEMAS + "_variants"
_DEFAULT = _SCHEMAS + "_default"
_SURFACE = "generator.surface.compare:"
_SURFACES = _SURFACE + "compare_surfaces"
_SDK_CHANGED = _SURFACE + "_changed"
_SDK_SIGNATURE = _SURFACE + "_signature_changes"

# One line per rule, a table: kept out of the formatter so that each id and its entry stay on one line.
# fmt: off
REGISTRY: tuple[Rule, ...] = (
    Rule("path-removed", Area.OPERATIONS, B, MAJOR, "a path and its operations were removed", _COMPARE_PATHS),
    Rule("operation-removed", Area.OPERATIONS, B, MAJOR, "an operation was removed", _COMPARE_PATHS),
    Rule("operation-added", Area.OPERATIONS, INF, MINOR, "an operation was added", _COMPARE_PATHS),
    Rule("operation-renamed", Area.OPERATIONS, B, MAJOR, "the SDK method of an operation changed (tag, x-molam-method or operationId)", _COMPARE_OPERATION),
    Rule("operation-deprecated", Area.OPERATIONS, INF, MINOR, "an operation became deprecated", _COMPARE_OPERATION),
    Rule("security-requirement-added", Area.SECURITY, B, MAJOR, "an operation needs credentials it did not need", _SECURITY),
    Rule("security-requirement-removed", Area.SECURITY, INF, PATCH, "an operation accepts credentials it did not accept", _SECURITY),
    Rule("request-parameter-removed", Area.REQUEST, B, MAJOR, "a parameter was removed", _PARAMETERS),
    # Same `in`, same schema, another name: one change (callers passing the old name break).
    Rule("request-parameter-renamed", Area.REQUEST, B, MAJOR, "a parameter was renamed (same location and schema)", _PARAMETERS),
    Rule("request-required-parameter-added", Area.REQUEST, B, MAJOR, "a required parameter was added", _PARAMETERS),
    Rule("request-parameter-added", Area.REQUEST, INF, MINOR, "an optional parameter was added", _PARAMETERS),
    Rule("request-parameter-became-required", Area.REQUEST, B, MAJOR, "a parameter became required", _PARAMETERS),
    Rule("request-parameter-became-optional", Area.REQUEST, INF, MINOR, "a parameter became optional", _PARAMETERS),
    Rule("request-body-removed", Area.REQUEST, B, MAJOR, "the request body was removed", _REQUEST_BODY),
    Rule("request-required-body-added", Area.REQUEST, B, MAJOR, "a required request body was added", _REQUEST_BODY),
    Rule("request-body-added", Area.REQUEST, INF, MINOR, "an optional request body was added", _REQUEST_BODY),
    Rule("request-body-became-required", Area.REQUEST, B, MAJOR, "the request body became required", _REQUEST_BODY),
    Rule("request-body-became-optional", Area.REQUEST, INF, MINOR, "the request body became optional", _REQUEST_BODY),
    Rule("request-media-type-removed", Area.REQUEST, B, MAJOR, "a request media type was removed", _REQUEST_BODY),
    Rule("request-media-type-added", Area.REQUEST, INF, MINOR, "a request media type was added", _REQUEST_BODY),
    Rule("response-success-status-removed", Area.RESPONSE, B, MAJOR, "a 2xx response status was removed", _RESPONSES),
    Rule("response-success-status-added", Area.RESPONSE, W, MINOR, "a 2xx response status was added: old clients may not parse it", _RESPONSES),
    Rule("response-status-removed", Area.RESPONSE, INF, PATCH, "a non-2xx response status was removed", _RESPONSES),
    Rule("response-status-added", Area.RESPONSE, INF, PATCH, "a non-2xx response status was added", _RESPONSES),
    Rule("response-media-type-removed", Area.RESPONSE, B, MAJOR, "a response media type was removed", _RESPONSES),
    Rule("response-media-type-added", Area.RESPONSE, INF, PATCH, "a response media type was added", _RESPONSES),
    Rule("response-required-header-removed", Area.RESPONSE, B, MAJOR, "a required response header was removed", _HEADERS),
    Rule("response-header-removed", Area.RESPONSE, INF, PATCH, "an optional response header was removed", _HEADERS),
    Rule("response-header-added", Area.RESPONSE, INF, PATCH, "a response header was added", _HEADERS),
    # Breaking: a client reading the header (the SDK reads Molam-Request-Id on every response) meets None.
    Rule("response-header-became-optional", Area.RESPONSE, B, MAJOR, "a response header is no longer always sent", _HEADERS),
    Rule("webhook-removed", Area.WEBHOOKS, B, MAJOR, "a webhook event was removed", _WEBHOOKS),
    Rule("webhook-added", Area.WEBHOOKS, INF, MINOR, "a webhook event was added", _WEBHOOKS),
    Rule("webhook-payload-media-type-removed", Area.WEBHOOK_PAYLOAD, B, MAJOR, "a webhook payload media type was removed", _WEBHOOK_PAYLOAD),
    # A warning when nothing referred to the schema (the class existed, but no call returned or took it).
    Rule("model-removed", Area.MODELS, B, MAJOR, "a component schema (an SDK model class) was removed", _COMPONENTS),
    Rule("model-added", Area.MODELS, INF, MINOR, "a component schema (an SDK model class) was added", _COMPONENTS),
    # The SDK's own public surface (generator.surface.compare), compared with the base revision's code.
    Rule("sdk-module-removed", Area.SDK, B, MAJOR, "a public module of the SDK was removed (or moved)", _SURFACES),
    Rule("sdk-module-added", Area.SDK, INF, MINOR, "a public module of the SDK was added", _SURFACES),
    Rule("sdk-name-removed", Area.SDK, B, MAJOR, "a public name (class, function, method, field, enum member) was removed", _SURFACES),
    Rule("sdk-name-added", Area.SDK, INF, MINOR, "a public name (class, function, method, field, enum member) was added", _SURFACES),
    Rule("sdk-kind-changed", Area.SDK, B, MAJOR, "a public name changed kind (method -> property, sync -> async...)", _SDK_CHANGED),
    Rule("sdk-type-changed", Area.SDK, B, MAJOR, "a type changed (field, return, argument, constant, enum value, base class)", _SDK_CHANGED),
    Rule("sdk-argument-removed", Area.SDK, B, MAJOR, "an argument was removed", _SDK_SIGNATURE),
    Rule("sdk-required-argument-added", Area.SDK, B, MAJOR, "a required argument was added", _SDK_SIGNATURE),
    Rule("sdk-optional-argument-added", Area.SDK, INF, MINOR, "an optional argument was added", _SDK_SIGNATURE),
    Rule("sdk-argument-became-required", Area.SDK, B, MAJOR, "an argument lost its default", _SDK_SIGNATURE),
    Rule("sdk-argument-became-optional", Area.SDK, INF, MINOR, "an argument gained a default", _SDK_SIGNATURE),
    Rule("sdk-argument-kind-changed", Area.SDK, B, MAJOR, "an argument moved, or is no longer accepted by position/keyword", _SDK_SIGNATURE),
    Rule("sdk-argument-type-widened", Area.SDK, INF, MINOR, "an argument accepts more types", _SDK_SIGNATURE),
    Rule("sdk-default-changed", Area.SDK, W, MINOR, "an argument's default changed: callers leaving it out get another value", _SDK_SIGNATURE),
    # Schemas, request direction: the client sends the data.
    Rule("request-property-removed", Area.REQUEST, B, MAJOR, "a property was removed", _PROPERTIES, change=SchemaChange.PROPERTY_REMOVED),
    Rule("request-property-renamed", Area.REQUEST, B, MAJOR, "a property was renamed (same schema)", _PROPERTIES, change=SchemaChange.PROPERTY_RENAMED),
    Rule("request-property-added", Area.REQUEST, INF, MINOR, "an optional property (request) or a property (read side) was added", _PROPERTIES, change=SchemaChange.PROPERTY_ADDED),
    Rule("request-required-property-added", Area.REQUEST, B, MAJOR, "a required property was added", _PROPERTIES, change=SchemaChange.REQUIRED_PROPERTY_ADDED),
    Rule("request-property-became-required", Area.REQUEST, B, MAJOR, "a property became required", _PROPERTIES, change=SchemaChange.PROPERTY_BECAME_REQUIRED),
    Rule("request-property-became-optional", Area.REQUEST, INF, MINOR, "a property became optional", _PROPERTIES, change=SchemaChange.PROPERTY_BECAME_OPTIONAL),
    Rule("request-type-changed", Area.REQUEST, B, MAJOR, "the type changed incompatibly", _TYPES, change=SchemaChange.TYPE_CHANGED),
    Rule("request-type-widened", Area.REQUEST, INF, PATCH, "the type accepts more values", _TYPES, change=SchemaChange.TYPE_WIDENED),
    Rule("request-became-nullable", Area.REQUEST, INF, MINOR, "the value may be null", _NULLABLE, change=SchemaChange.BECAME_NULLABLE),
    Rule("request-became-non-nullable", Area.REQUEST, B, MAJOR, "the value may no longer be null", _NULLABLE, change=SchemaChange.BECAME_NON_NULLABLE),
    Rule("request-format-changed", Area.REQUEST, B, MAJOR, "the format changed (or changes the generated Python type)", _FORMAT, change=SchemaChange.FORMAT_CHANGED),
    Rule("request-format-compatible-change", Area.REQUEST, INF, PATCH, "the format was added or removed compatibly", _FORMAT, change=SchemaChange.FORMAT_COMPATIBLE_CHANGE),
    Rule("request-enum-value-removed", Area.REQUEST, B, MAJOR, "an enum value was removed", _ENUM, change=SchemaChange.ENUM_VALUE_REMOVED),
    Rule("request-enum-value-added", Area.REQUEST, INF, MINOR, "an enum value was added", _ENUM, change=SchemaChange.ENUM_VALUE_ADDED),
    Rule("request-enum-restricted", Area.REQUEST, B, MAJOR, "an enum (or const) now restricts the value", _ENUM, change=SchemaChange.ENUM_RESTRICTED),
    Rule("request-enum-unrestricted", Area.REQUEST, INF, MINOR, "the enum (or const) restriction was dropped", _ENUM, change=SchemaChange.ENUM_UNRESTRICTED),
    Rule("request-constraint-narrowed", Area.REQUEST, B, MAJOR, "a constraint was narrowed or added", _CONSTRAINTS, change=SchemaChange.CONSTRAINT_NARROWED),
    Rule("request-constraint-widened", Area.REQUEST, INF, PATCH, "a constraint was widened or removed", _CONSTRAINTS, change=SchemaChange.CONSTRAINT_WIDENED),
    Rule("request-variant-removed", Area.REQUEST, B, MAJOR, "a oneOf/anyOf variant was removed", _VARIANTS, change=SchemaChange.VARIANT_REMOVED),
    Rule("request-variant-added", Area.REQUEST, INF, MINOR, "a oneOf/anyOf variant was added", _VARIANTS, change=SchemaChange.VARIANT_ADDED),
    Rule("request-default-changed", Area.REQUEST, B, MAJOR, "the default value changed", _DEFAULT, change=SchemaChange.DEFAULT_CHANGED),
    Rule("request-default-added-or-removed", Area.REQUEST, W, MINOR, "a default value was added or removed", _DEFAULT, change=SchemaChange.DEFAULT_ADDED_OR_REMOVED),
    # Schemas, response direction: the client reads the data.
    Rule("response-property-removed", Area.RESPONSE, B, MAJOR, "a property was removed", _PROPERTIES, change=SchemaChange.PROPERTY_REMOVED),
    Rule("response-property-renamed", Area.RESPONSE, B, MAJOR, "a property was renamed (same schema)", _PROPERTIES, change=SchemaChange.PROPERTY_RENAMED),
    Rule("response-property-added", Area.RESPONSE, INF, MINOR, "an optional property (request) or a property (read side) was added", _PROPERTIES, change=SchemaChange.PROPERTY_ADDED),
    Rule("response-required-property-added", Area.RESPONSE, W, MINOR, "a required property was added", _PROPERTIES, change=SchemaChange.REQUIRED_PROPERTY_ADDED),
    Rule("response-property-became-required", Area.RESPONSE, INF, PATCH, "a property became required", _PROPERTIES, change=SchemaChange.PROPERTY_BECAME_REQUIRED),
    Rule("response-property-became-optional", Area.RESPONSE, B, MAJOR, "a property became optional", _PROPERTIES, change=SchemaChange.PROPERTY_BECAME_OPTIONAL),
    Rule("response-type-changed", Area.RESPONSE, B, MAJOR, "the type changed incompatibly", _TYPES, change=SchemaChange.TYPE_CHANGED),
    Rule("response-type-narrowed", Area.RESPONSE, INF, PATCH, "the type produces fewer kinds of values", _TYPES, change=SchemaChange.TYPE_NARROWED),
    Rule("response-became-nullable", Area.RESPONSE, B, MAJOR, "the value may be null", _NULLABLE, change=SchemaChange.BECAME_NULLABLE),
    Rule("response-became-non-nullable", Area.RESPONSE, INF, PATCH, "the value may no longer be null", _NULLABLE, change=SchemaChange.BECAME_NON_NULLABLE),
    Rule("response-format-changed", Area.RESPONSE, B, MAJOR, "the format changed (or changes the generated Python type)", _FORMAT, change=SchemaChange.FORMAT_CHANGED),
    Rule("response-format-compatible-change", Area.RESPONSE, INF, PATCH, "the format was added or removed compatibly", _FORMAT, change=SchemaChange.FORMAT_COMPATIBLE_CHANGE),
    Rule("response-enum-value-removed", Area.RESPONSE, INF, PATCH, "an enum value was removed", _ENUM, change=SchemaChange.ENUM_VALUE_REMOVED),
    Rule("response-enum-value-added", Area.RESPONSE, W, MINOR, "an enum value was added", _ENUM, change=SchemaChange.ENUM_VALUE_ADDED),
    Rule("response-enum-restricted", Area.RESPONSE, INF, PATCH, "an enum (or const) now restricts the value", _ENUM, change=SchemaChange.ENUM_RESTRICTED),
    Rule("response-enum-unrestricted", Area.RESPONSE, W, MINOR, "the enum (or const) restriction was dropped", _ENUM, change=SchemaChange.ENUM_UNRESTRICTED),
    Rule("response-constraint-narrowed", Area.RESPONSE, INF, PATCH, "a constraint was narrowed or added", _CONSTRAINTS, change=SchemaChange.CONSTRAINT_NARROWED),
    Rule("response-constraint-widened", Area.RESPONSE, W, PATCH, "a constraint was widened or removed", _CONSTRAINTS, change=SchemaChange.CONSTRAINT_WIDENED),
    Rule("response-variant-removed", Area.RESPONSE, INF, PATCH, "a oneOf/anyOf variant was removed", _VARIANTS, change=SchemaChange.VARIANT_REMOVED),
    Rule("response-variant-added", Area.RESPONSE, W, MINOR, "a oneOf/anyOf variant was added", _VARIANTS, change=SchemaChange.VARIANT_ADDED),
    Rule("response-default-changed", Area.RESPONSE, INF, PATCH, "the default value changed", _DEFAULT, change=SchemaChange.DEFAULT_CHANGED),
    Rule("response-default-added-or-removed", Area.RESPONSE, INF, PATCH, "a default value was added or removed", _DEFAULT, change=SchemaChange.DEFAULT_ADDED_OR_REMOVED),
    # Schemas, webhook-payload direction: the client reads the data.
    Rule("webhook-payload-property-removed", Area.WEBHOOK_PAYLOAD, B, MAJOR, "a property was removed", _PROPERTIES, change=SchemaChange.PROPERTY_REMOVED),
    Rule("webhook-payload-property-renamed", Area.WEBHOOK_PAYLOAD, B, MAJOR, "a property was renamed (same schema)", _PROPERTIES, change=SchemaChange.PROPERTY_RENAMED),
    Rule("webhook-payload-property-added", Area.WEBHOOK_PAYLOAD, INF, MINOR, "an optional property (request) or a property (read side) was added", _PROPERTIES, change=SchemaChange.PROPERTY_ADDED),
    Rule("webhook-payload-required-property-added", Area.WEBHOOK_PAYLOAD, W, MINOR, "a required property was added", _PROPERTIES, change=SchemaChange.REQUIRED_PROPERTY_ADDED),
    Rule("webhook-payload-property-became-required", Area.WEBHOOK_PAYLOAD, INF, PATCH, "a property became required", _PROPERTIES, change=SchemaChange.PROPERTY_BECAME_REQUIRED),
    Rule("webhook-payload-property-became-optional", Area.WEBHOOK_PAYLOAD, B, MAJOR, "a property became optional", _PROPERTIES, change=SchemaChange.PROPERTY_BECAME_OPTIONAL),
    Rule("webhook-payload-type-changed", Area.WEBHOOK_PAYLOAD, B, MAJOR, "the type changed incompatibly", _TYPES, change=SchemaChange.TYPE_CHANGED),
    Rule("webhook-payload-type-narrowed", Area.WEBHOOK_PAYLOAD, INF, PATCH, "the type produces fewer kinds of values", _TYPES, change=SchemaChange.TYPE_NARROWED),
    Rule("webhook-payload-became-nullable", Area.WEBHOOK_PAYLOAD, B, MAJOR, "the value may be null", _NULLABLE, change=SchemaChange.BECAME_NULLABLE),
    Rule("webhook-payload-became-non-nullable", Area.WEBHOOK_PAYLOAD, INF, PATCH, "the value may no longer be null", _NULLABLE, change=SchemaChange.BECAME_NON_NULLABLE),
    Rule("webhook-payload-format-changed", Area.WEBHOOK_PAYLOAD, B, MAJOR, "the format changed (or changes the generated Python type)", _FORMAT, change=SchemaChange.FORMAT_CHANGED),
    Rule("webhook-payload-format-compatible-change", Area.WEBHOOK_PAYLOAD, INF, PATCH, "the format was added or removed compatibly", _FORMAT, change=SchemaChange.FORMAT_COMPATIBLE_CHANGE),
    Rule("webhook-payload-enum-value-removed", Area.WEBHOOK_PAYLOAD, INF, PATCH, "an enum value was removed", _ENUM, change=SchemaChange.ENUM_VALUE_REMOVED),
    Rule("webhook-payload-enum-value-added", Area.WEBHOOK_PAYLOAD, W, MINOR, "an enum value was added", _ENUM, change=SchemaChange.ENUM_VALUE_ADDED),
    Rule("webhook-payload-enum-restricted", Area.WEBHOOK_PAYLOAD, INF, PATCH, "an enum (or const) now restricts the value", _ENUM, change=SchemaChange.ENUM_RESTRICTED),
    Rule("webhook-payload-enum-unrestricted", Area.WEBHOOK_PAYLOAD, W, MINOR, "the enum (or const) restriction was dropped", _ENUM, change=SchemaChange.ENUM_UNRESTRICTED),
    Rule("webhook-payload-constraint-narrowed", Area.WEBHOOK_PAYLOAD, INF, PATCH, "a constraint was narrowed or added", _CONSTRAINTS, change=SchemaChange.CONSTRAINT_NARROWED),
    Rule("webhook-payload-constraint-widened", Area.WEBHOOK_PAYLOAD, W, PATCH, "a constraint was widened or removed", _CONSTRAINTS, change=SchemaChange.CONSTRAINT_WIDENED),
    Rule("webhook-payload-variant-removed", Area.WEBHOOK_PAYLOAD, INF, PATCH, "a oneOf/anyOf variant was removed", _VARIANTS, change=SchemaChange.VARIANT_REMOVED),
    Rule("webhook-payload-variant-added", Area.WEBHOOK_PAYLOAD, W, MINOR, "a oneOf/anyOf variant was added", _VARIANTS, change=SchemaChange.VARIANT_ADDED),
    Rule("webhook-payload-default-changed", Area.WEBHOOK_PAYLOAD, INF, PATCH, "the default value changed", _DEFAULT, change=SchemaChange.DEFAULT_CHANGED),
    Rule("webhook-payload-default-added-or-removed", Area.WEBHOOK_PAYLOAD, INF, PATCH, "a default value was added or removed", _DEFAULT, change=SchemaChange.DEFAULT_ADDED_OR_REMOVED),
    # Schemas, model direction: the client reads the data.
    Rule("model-property-removed", Area.MODELS, B, MAJOR, "a property was removed", _PROPERTIES, change=SchemaChange.PROPERTY_REMOVED),
    Rule("model-property-renamed", Area.MODELS, B, MAJOR, "a property was renamed (same schema)", _PROPERTIES, change=SchemaChange.PROPERTY_RENAMED),
    Rule("model-property-added", Area.MODELS, INF, MINOR, "an optional property (request) or a property (read side) was added", _PROPERTIES, change=SchemaChange.PROPERTY_ADDED),
    Rule("model-required-property-added", Area.MODELS, W, MINOR, "a required property was added", _PROPERTIES, change=SchemaChange.REQUIRED_PROPERTY_ADDED),
    Rule("model-property-became-required", Area.MODELS, INF, PATCH, "a property became required", _PROPERTIES, change=SchemaChange.PROPERTY_BECAME_REQUIRED),
    Rule("model-property-became-optional", Area.MODELS, B, MAJOR, "a property became optional", _PROPERTIES, change=SchemaChange.PROPERTY_BECAME_OPTIONAL),
    Rule("model-type-changed", Area.MODELS, B, MAJOR, "the type changed incompatibly", _TYPES, change=SchemaChange.TYPE_CHANGED),
    Rule("model-type-narrowed", Area.MODELS, INF, PATCH, "the type produces fewer kinds of values", _TYPES, change=SchemaChange.TYPE_NARROWED),
    Rule("model-became-nullable", Area.MODELS, B, MAJOR, "the value may be null", _NULLABLE, change=SchemaChange.BECAME_NULLABLE),
    Rule("model-became-non-nullable", Area.MODELS, INF, PATCH, "the value may no longer be null", _NULLABLE, change=SchemaChange.BECAME_NON_NULLABLE),
    Rule("model-format-changed", Area.MODELS, B, MAJOR, "the format changed (or changes the generated Python type)", _FORMAT, change=SchemaChange.FORMAT_CHANGED),
    Rule("model-format-compatible-change", Area.MODELS, INF, PATCH, "the format was added or removed compatibly", _FORMAT, change=SchemaChange.FORMAT_COMPATIBLE_CHANGE),
    Rule("model-enum-value-removed", Area.MODELS, INF, PATCH, "an enum value was removed", _ENUM, change=SchemaChange.ENUM_VALUE_REMOVED),
    Rule("model-enum-value-added", Area.MODELS, W, MINOR, "an enum value was added", _ENUM, change=SchemaChange.ENUM_VALUE_ADDED),
    Rule("model-enum-restricted", Area.MODELS, INF, PATCH, "an enum (or const) now restricts the value", _ENUM, change=SchemaChange.ENUM_RESTRICTED),
    Rule("model-enum-unrestricted", Area.MODELS, W, MINOR, "the enum (or const) restriction was dropped", _ENUM, change=SchemaChange.ENUM_UNRESTRICTED),
    Rule("model-constraint-narrowed", Area.MODELS, INF, PATCH, "a constraint was narrowed or added", _CONSTRAINTS, change=SchemaChange.CONSTRAINT_NARROWED),
    Rule("model-constraint-widened", Area.MODELS, W, PATCH, "a constraint was widened or removed", _CONSTRAINTS, change=SchemaChange.CONSTRAINT_WIDENED),
    Rule("model-variant-removed", Area.MODELS, INF, PATCH, "a oneOf/anyOf variant was removed", _VARIANTS, change=SchemaChange.VARIANT_REMOVED),
    Rule("model-variant-added", Area.MODELS, W, MINOR, "a oneOf/anyOf variant was added", _VARIANTS, change=SchemaChange.VARIANT_ADDED),
    Rule("model-default-changed", Area.MODELS, INF, PATCH, "the default value changed", _DEFAULT, change=SchemaChange.DEFAULT_CHANGED),
    Rule("model-default-added-or-removed", Area.MODELS, INF, PATCH, "a default value was added or removed", _DEFAULT, change=SchemaChange.DEFAULT_ADDED_OR_REMOVED),
)
# fmt: on

RULES: dict[str, Rule] = {rule.id: rule for rule in REGISTRY}
_SCHEMA_RULES: dict[tuple[SchemaChange, Area], str] = {
    (rule.change, rule.area): rule.id for rule in REGISTRY if rule.change is not None
}


def rule_spec(rule: str) -> Rule:
    """The registry entry of a rule id; `KeyError` for an unknown id (a programming error)."""
    return RULES[rule]


def schema_rule(change: SchemaChange, direction: Direction) -> str:
    """The id of the rule reporting `change` in `direction`; `KeyError` when no rule does (a programming error)."""
    return _SCHEMA_RULES[(change, direction.area)]
