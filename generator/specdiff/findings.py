"""The result types of a comparison: operations, findings and the overall verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.specdiff.rules import DEPRECATED_REMOVAL, Bump, Severity, rule_spec


@dataclass(frozen=True, slots=True)
class OperationRef:
    """An operation (METHOD path + operationId) or a webhook (its event name as `path`)."""

    method: str
    path: str
    operation_id: str | None
    webhook: bool = False

    @property
    def label(self) -> str:
        """`POST /v1/x (create_x)` or `webhook payment_intent.succeeded POST (...)`."""
        suffix = f" ({self.operation_id})" if self.operation_id else ""
        if self.webhook:
            return f"webhook {self.path} {self.method}{suffix}"
        return f"{self.method} {self.path}{suffix}"

    @property
    def sort_key(self) -> tuple[bool, str, str, str]:
        """Deterministic order: operations before webhooks, then path, method, operationId."""
        return (self.webhook, self.path, self.method, self.operation_id or "")

    def to_json(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "kind": "webhook" if self.webhook else "operation",
            "method": self.method,
            "path": self.path,
            "operation_id": self.operation_id,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One classified change.

    `base_pointer`/`head_pointer` are JSON pointers into each document (None where the thing is absent);
    `symbol` is the generated SDK name it affects; `operations` every operation or webhook that reaches it
    (empty for component-level findings).
    """

    rule: str
    severity: Severity
    bump: Bump
    message: str
    base_pointer: str | None
    head_pointer: str | None
    symbol: str
    operations: tuple[OperationRef, ...] = ()
    acknowledged: bool = False
    ack_reason: str | None = None

    @property
    def operation(self) -> OperationRef | None:
        """The first affected operation, if any."""
        return self.operations[0] if self.operations else None

    @property
    def sort_key(self) -> tuple[int, str, str, str, str, str]:
        """Deterministic order: severity, rule, symbol, pointers, message."""
        return (
            self.severity.rank,
            self.rule,
            self.symbol,
            self.base_pointer or "",
            self.head_pointer or "",
            self.message,
        )

    def to_json(self) -> dict[str, Any]:
        """JSON form (stable keys)."""
        operation = self.operation
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "bump": str(self.bump),
            "message": self.message,
            "base_pointer": self.base_pointer,
            "head_pointer": self.head_pointer,
            "symbol": self.symbol,
            "operation": None if operation is None else operation.to_json(),
            "operations": [op.to_json() for op in self.operations],
            "acknowledged": self.acknowledged,
            "ack_reason": self.ack_reason,
        }


def finding(
    rule: str,
    message: str,
    base_pointer: str | None,
    head_pointer: str | None,
    symbol: str,
    operation: OperationRef | None = None,
    deprecated: bool = False,
) -> Finding:
    """Build a finding with the severity and bump of its rule (a warning when removing a deprecated thing)."""
    spec = rule_spec(rule)
    severity, bump = spec.severity, spec.bump
    if deprecated and severity is Severity.BREAKING:
        severity, bump = DEPRECATED_REMOVAL
        message += " (it was deprecated)"
    return Finding(
        rule=rule,
        severity=severity,
        bump=bump,
        message=message,
        base_pointer=base_pointer,
        head_pointer=head_pointer,
        symbol=symbol,
        operations=() if operation is None else (operation,),
    )


@dataclass(frozen=True, slots=True)
class Comparison:
    """All findings of one comparison, merged and sorted, with the semver bump they need."""

    findings: tuple[Finding, ...]
    verdict: Bump
    identical: bool = field(default=False)

    def count(self, severity: Severity) -> int:
        """How many findings have `severity`."""
        return sum(1 for item in self.findings if item.severity is severity)
