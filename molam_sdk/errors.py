# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The base errors of the SDK: what the generated models and resources raise.

The hand-written client layer builds the rest of the hierarchy (API errors by status, connection errors, the
circuit breaker's) on `MolamError` and re-exports these very classes, so one ``except MolamError`` catches
everything the SDK raises, whichever package raised it.
"""

from __future__ import annotations

__all__ = ["MissingFieldError", "MolamError", "ResponseParseError", "ValidationError"]


class MolamError(Exception):
    """Root of every exception the SDK raises on purpose."""


class ValidationError(MolamError, ValueError):
    """Bad input caught on the client, before anything was sent.

    `param` names the offending argument (``"amount"``, ``"currency"``), like the API's own errors do.
    """

    def __init__(self, message: str, *, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param


class ResponseParseError(MolamError, ValueError):
    """A 2xx response whose body is not JSON or does not fit the operation's model.

    The API answered, so the call may well have taken effect (a payment may exist): quote `request_id` to
    support rather than blindly retrying without the same idempotency key. `model` names the expected model,
    `status` the HTTP status, `field` the missing required field when that was the problem, and `reason` the
    underlying exception's type. The body is never quoted (it may hold secrets such as a client secret).
    Also a `ValueError`, as the generated parser's own errors are.
    """

    def __init__(
        self,
        message: str,
        *,
        model: str,
        status: int,
        request_id: str | None = None,
        field: str | None = None,
        reason: str | None = None,
    ) -> None:
        self.message = message
        self.model = model
        self.status = status
        self.request_id = request_id
        self.field = field
        self.reason = reason
        super().__init__(f"{message} [request_id: {request_id}]" if request_id else message)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(model={self.model!r}, status={self.status}, field={self.field!r}, "
            f"reason={self.reason!r}, request_id={self.request_id!r})"
        )


class MissingFieldError(ValueError):
    """A payload lacked a field the spec marks required: `model` names the schema, `field` the JSON key.

    A `ValueError` (not a `KeyError`) so its message reads plainly and union parsing treats it like any
    other mismatch. Resources turn it into a `ResponseParseError` carrying the request id.
    """

    def __init__(self, model: str, field: str) -> None:
        self.model = model
        self.field = field
        super().__init__(f"{model}: required field {field!r} is missing from the payload")
