"""The sandbox's API errors: one exception type carrying everything an `ErrorResponse` body needs.

Handlers raise `SandboxError`; the app turns it into ``{"error": {type, code, message, param, request_id}}``
with the right status. Messages are fixed text plus ids and parameter names, never request headers, so a key
can never leak through an error.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = [
    "SandboxError",
    "error_body",
    "error_bytes",
    "invalid_param",
    "missing_resource",
    "unexpected_state",
]


class SandboxError(Exception):
    """An API error with its HTTP status and the fields of the `ErrorDetail` body."""

    def __init__(
        self,
        status: int,
        type_: str,
        code: str,
        message: str,
        *,
        param: str | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.type = type_
        self.code = code
        self.message = message
        self.param = param
        self.headers: dict[str, str] = dict(headers or {})
        # Additional ErrorDetail fields, e.g. the declined `payment_intent` (as Stripe sends it).
        self.extra: dict[str, Any] = dict(extra or {})


def error_body(
    type_: str, code: str | None, message: str, param: str | None, request_id: str | None
) -> dict[str, Any]:
    """The `ErrorResponse` document."""
    return {
        "error": {"type": type_, "code": code, "message": message, "param": param, "request_id": request_id}
    }


def error_bytes(error: SandboxError, request_id: str | None) -> bytes:
    """`error` serialized as an `ErrorResponse` JSON body."""
    body = error_body(error.type, error.code, error.message, error.param, request_id)
    body["error"].update(error.extra)
    return json.dumps(body, separators=(",", ":")).encode("utf-8")


def invalid_param(param: str | None, message: str, code: str = "parameter_invalid") -> SandboxError:
    """400 invalid_request_error naming the offending parameter."""
    return SandboxError(400, "invalid_request_error", code, message, param=param)


def missing_resource(kind: str, object_id: str, *, param: str | None = None) -> SandboxError:
    """404 for a path id, or 400 naming `param` when the id came from the request body or query."""
    message = f"No such {kind}: '{object_id}'"
    if param is not None:
        return SandboxError(400, "invalid_request_error", "resource_missing", message, param=param)
    return SandboxError(404, "not_found_error", "resource_missing", message, param="id")


def unexpected_state(kind: str, object_id: str, status: str, action: str) -> SandboxError:
    """400 for an action the object's current status does not allow (``payment_intent_unexpected_state``)."""
    return SandboxError(
        400,
        "invalid_request_error",
        f"{kind}_unexpected_state",
        f"You cannot {action} this {kind.replace('_', ' ')} because it has a status of {status}.",
    )
