"""docs/BREAKING_RULES.md, rendered from the rule registry (generator.specdiff.rules): the page never drifts
from the rules, because it is never written by hand (`make generate` writes it, a test compares)."""

from __future__ import annotations

from pathlib import PurePosixPath

from generator.specdiff.rules import DEPRECATED_REMOVAL, REGISTRY, Area, Rule

#: Where the page lives in the repository.
RULES_DOC = PurePosixPath("docs/BREAKING_RULES.md")
HEADER = "<!-- Generated from generator/specdiff/rules.py by `make generate`; do not edit. -->"

#: Each area's heading and the sentence under it.
_AREAS: dict[Area, tuple[str, str]] = {
    Area.OPERATIONS: ("Paths and operations", "An SDK method appears, disappears or is renamed."),
    Area.SECURITY: ("Security", "The credentials an operation accepts."),
    Area.REQUEST: (
        "Requests",
        "Parameters, request bodies and their schemas: the client sends the data, so a change must not "
        "reject what was accepted.",
    ),
    Area.RESPONSE: (
        "Responses",
        "Statuses, headers, media types and schemas: the client reads the data, so a change must not "
        "produce what old clients cannot read.",
    ),
    Area.WEBHOOKS: ("Webhook events", "An event type appears or disappears."),
    Area.WEBHOOK_PAYLOAD: ("Webhook payloads", "The client reads the payload, as it reads a response."),
    Area.MODELS: (
        "Models",
        "Component schemas (SDK model classes), including those no operation or webhook reaches: read side.",
    ),
    Area.SDK: (
        "The SDK's public surface",
        "The public names and signatures of molam_sdk and molam_sdk_ext against the base revision's code.",
    ),
}


def _check(rule: Rule) -> str:
    """`generator.specdiff.operations:OperationComparer._parameters` -> a path and a qualified name."""
    module, _, qualname = rule.check.partition(":")
    return f"`{module.replace('.', '/')}.py` `{qualname}`"


def render_rules_doc() -> str:
    """The whole page: what the columns mean, then one table per area, rules in registry order."""
    severity, bump = DEPRECATED_REMOVAL
    lines = [
        HEADER,
        "",
        "# Breaking-change rules",
        "",
        "Every finding of `python -m generator breaking` (and `make breaking`) carries one of these rule ids.",
        "The severity decides whether the check fails (`--fail-on`); the bump is the semver part the change",
        "asks `make release` to increase. Removing something the base revision already marked",
        f"`deprecated: true` is announced, so a breaking rule reports it as {severity} ({bump}) instead.",
        "An acknowledgement (`spec/breaking-acknowledged.yaml`) names a rule id, or a glob of them",
        "(`response-*`). *Reported by* is the function whose code names the rule.",
    ]
    for area, (title, intro) in _AREAS.items():
        rules = [rule for rule in REGISTRY if rule.area is area]
        lines += ["", f"## {title}", "", intro, ""]
        lines += [
            "| Rule | Severity | Bump | What changed | Reported by |",
            "| --- | --- | --- | --- | --- |",
        ]
        lines += [
            f"| `{rule.id}` | {rule.severity} | {rule.bump} | {rule.summary} | {_check(rule)} |"
            for rule in rules
        ]
    return "\n".join(lines) + "\n"
