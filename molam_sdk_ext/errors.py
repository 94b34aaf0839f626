"""The exceptions the SDK raises, and the one function that turns an HTTP error response into one.

Everything the SDK raises on purpose derives from `MolamError`, so one `except MolamError` covers a call.
API errors are split by status the way openai-python does it, so callers branch with `except`, not with
`if e.status == ...`::

    try:
        molam.payment_intents.create(amount=15000, currency="XOF")
    except molam_sdk_ext.RateLimitError as e:
        time.sleep(e.retry_after or 1)
    except molam_sdk_ext.APIError as e:
        log.warning("Molam refused: %s (request %s)", e.code, e.request_id)

No message built here ever contains a credential: messages are made from the error body the server sent
and from fixed text, never from request headers.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

# The base classes are part of the generated contract (the resources raise them); these are the same objects.
from molam_sdk.errors import MolamError, ResponseParseError, ValidationError

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "ArgumentTypeError",
    "AuthenticationError",
    "BadRequestError",
    "CircuitOpenError",
    "ConflictError",
    "IdempotencyError",
    "InternalServerError",
    "InvalidRequestError",
    "MolamError",
    "NotFoundError",
    "PaymentError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "SignatureVerificationError",
    "StoreError",
    "ValidationError",
    "error_from_response",
    "parse_retry_after",
    "parse_should_retry",
]

REQUEST_ID_HEADER = "Molam-Request-Id"


class ArgumentTypeError(ValidationError, TypeError):
    """An argument of the wrong type (a str where a number belongs), refused before anything happens.

    A `ValidationError` naming the argument (`param`), and a `TypeError` too, so code written against
    either keeps working.
    """


class StoreError(MolamError):
    """A state store (SQLite, Redis, PostgreSQL) failed.

    Raised instead of guessing: a payment that cannot be checked for duplicates is refused, never sent twice.
    """


class SignatureVerificationError(MolamError):
    """A webhook failed verification; `reason` is a stable code such as ``"signature_mismatch"``."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


class APIConnectionError(MolamError):
    """The request did not get an HTTP response: DNS, refused or dropped connection, TLS failure."""

    def __init__(
        self, message: str = "Connection to the Molam API failed.", *, request: httpx.Request | None = None
    ):
        super().__init__(message)
        self.message = message
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write, pool, or the client's total deadline)."""

    def __init__(
        self, message: str = "Request to the Molam API timed out.", *, request: httpx.Request | None = None
    ):
        super().__init__(message, request=request)


class ResponseTooLargeError(MolamError):
    """The response body is larger than the client's ``max_response_bytes`` (decoded size, so a compressed
    bomb counts at its inflated size): reading stopped there. Not retried: the same request would get the same
    answer. The API answered, so a POST may have taken effect: quote `request_id` to support."""

    def __init__(self, *, limit: int, status: int, request_id: str | None = None) -> None:
        self.limit = limit
        self.status = status
        self.request_id = request_id
        message = f"The {status} response is larger than max_response_bytes ({limit} bytes); reading stopped."
        if request_id:
            message += f" [request_id: {request_id}]"
        self.message = message
        super().__init__(message)


class CircuitOpenError(MolamError):
    """The circuit breaker for `host` is open: the call was not sent.

    `retry_in` is the number of seconds until the breaker lets a probe through.
    """

    def __init__(self, host: str, retry_in: float) -> None:
        self.host = host
        self.retry_in = max(0.0, retry_in)
        super().__init__(f"Circuit open for {host}: not sending; next probe in {self.retry_in:.1f}s.")


class APIError(MolamError):
    """The API answered with a non-2xx status.

    Attributes mirror the error body (`type`, `code`, `message`, `param`, `request_id`) plus the HTTP
    `status`, the response `headers` and the decoded `body` (a dict when the body was JSON).
    """

    def __init__(
        self,
        *,
        status: int,
        message: str,
        type: str | None = None,
        code: str | None = None,
        param: str | None = None,
        request_id: str | None = None,
        body: object = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status = status
        self.type = type
        self.code = code
        self.message = message
        self.param = param
        self.request_id = request_id
        self.body = body
        self.headers: dict[str, str] = dict(headers or {})
        super().__init__(self._describe())

    @property
    def should_retry(self) -> bool | None:
        """The server's `Molam-Should-Retry` hint: True, False, or None when absent."""
        return parse_should_retry(self.headers)

    def _describe(self) -> str:
        parts = [f"{self.status}"]
        if self.type:
            parts.append(self.type)
        if self.code:
            parts.append(self.code)
        text = f"[{' '.join(parts)}] {self.message}"
        if self.param:
            text += f" (param: {self.param})"
        if self.request_id:
            text += f" [request_id: {self.request_id}]"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status}, type={self.type!r}, code={self.code!r}, "
            f"param={self.param!r}, request_id={self.request_id!r})"
        )


class BadRequestError(APIError):
    """400 or 422: the request was malformed or failed the API's validation (`param` says which field)."""


InvalidRequestError = BadRequestError


class PaymentError(APIError):
    """402 `payment_error`: the payment itself failed (declined, insufficient funds); `code` says why."""


class AuthenticationError(APIError):
    """401: the API key is missing, malformed, revoked or of the wrong mode."""


class PermissionDeniedError(APIError):
    """403: the key is valid but not allowed to do this."""


class NotFoundError(APIError):
    """404: no such object (or no such route)."""


class ConflictError(APIError):
    """409: the request conflicts with the current state of an object or with another request."""


class IdempotencyError(ConflictError):
    """409 `idempotency_error`: the key was reused with another body, or its twin is still in flight."""


class RateLimitError(APIError):
    """429: too many requests. `retry_after` is the server's wait in seconds, when it said."""

    @property
    def retry_after(self) -> float | None:
        """Seconds to wait according to the response's `Retry-After` header, or None."""
        return parse_retry_after(self.headers.get("retry-after"))


class InternalServerError(APIError):
    """5xx: the API failed. Safe to retry with the same idempotency key."""


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: BadRequestError,
    429: RateLimitError,
}


def error_class_for(status: int, error_type: str | None = None) -> type[APIError]:
    """The exception class for an HTTP status (and the body's error `type`, which refines 409)."""
    if status == 409 and error_type == "idempotency_error":
        return IdempotencyError
    if status >= 500:
        return InternalServerError
    return _BY_STATUS.get(status, APIError)


def error_from_response(response: httpx.Response) -> APIError:
    """Build the typed error for a non-2xx `response`, tolerating bodies that are not our error shape."""
    headers = {k.lower(): v for k, v in response.headers.items()}
    request_id = headers.get(REQUEST_ID_HEADER.lower())
    body: Any
    try:
        body = json.loads(response.content) if response.content else None
    except ValueError:
        body = response.content.decode("utf-8", "replace")[:500]
    detail: Mapping[str, Any] = {}
    if isinstance(body, Mapping) and isinstance(body.get("error"), Mapping):
        detail = body["error"]
    message = _as_str(detail.get("message")) or _default_message(response.status_code)
    error_type = _as_str(detail.get("type"))
    cls = error_class_for(response.status_code, error_type)
    return cls(
        status=response.status_code,
        message=message,
        type=error_type,
        code=_as_str(detail.get("code")),
        param=_as_str(detail.get("param")),
        request_id=_as_str(detail.get("request_id")) or request_id,
        body=body,
        headers=headers,
    )


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds from a `Retry-After` value: a number of seconds or an HTTP date. None when absent or invalid.

    `now` is the current Unix time used for an HTTP date (the wall clock when not given).
    """
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        seconds = when.timestamp() - (time.time() if now is None else now)
    if seconds != seconds or seconds in (float("inf"), float("-inf")):  # NaN or inf
        return None
    return max(0.0, seconds)


def parse_should_retry(headers: Mapping[str, str] | None) -> bool | None:
    """The server's `Molam-Should-Retry` hint from lower-cased `headers`: True, False, or None when absent."""
    if not headers:
        return None
    value = headers.get("molam-should-retry")
    if value is None:
        return None
    value = value.strip().lower()
    return True if value == "true" else False if value == "false" else None


def check_at_least(minimum: float, message: str, *values: float) -> None:
    """Raise `ValueError(message)` unless every one of `values` is at least `minimum`.

    The one range check of the constructors' counts and durations (a breaker's threshold, a publisher's batch,
    a dispatch's retries); the caller words the message, which may name several arguments checked together.
    """
    if any(value < minimum for value in values):
        raise ValueError(message)


def _as_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _default_message(status: int) -> str:
    try:
        phrase = httpx.codes(status).get_reason_phrase(status)
    except ValueError:
        phrase = ""
    return f"HTTP {status} {phrase}".strip() + " (no error body)."
