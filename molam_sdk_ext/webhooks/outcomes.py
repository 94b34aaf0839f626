"""What one webhook delivery ends as: the `Outcome`, its HTTP status, and the `ProcessResult` adapters answer with.

The table of outcomes and their status codes (and why ``in_progress`` is a 409, not a 503) is in
docs/WEBHOOKS_AT_SCALE.md, "Outcomes".
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable

import attrs

from molam_sdk_ext.observability.redaction import redact
from molam_sdk_ext.webhooks.events import WebhookEvent

__all__ = ["STATUS_CODES", "Outcome", "ProcessResult", "ResultCallback", "describe_error", "result_of"]

MAX_ERROR_CHARS = 2000
"""A handler's error is cut to this many characters (it is logged, and stored with the event)."""


class Outcome(enum.StrEnum):
    """What happened to one delivery (see docs/WEBHOOKS_AT_SCALE.md for the status codes)."""

    PROCESSED = "processed"
    DUPLICATE = "duplicate"
    IN_PROGRESS = "in_progress"
    LEASE_LOST = "lease_lost"
    IGNORED = "ignored"
    RECEIVED = "received"
    DEAD = "dead"
    NOT_FOUND = "not_found"
    INVALID_SIGNATURE = "invalid_signature"
    HANDLER_FAILED = "handler_failed"
    STORE_UNAVAILABLE = "store_unavailable"


STATUS_CODES = {
    Outcome.PROCESSED: 200,
    Outcome.DUPLICATE: 200,
    Outcome.IGNORED: 200,
    Outcome.RECEIVED: 200,
    Outcome.DEAD: 200,
    Outcome.NOT_FOUND: 404,
    Outcome.IN_PROGRESS: 409,
    Outcome.LEASE_LOST: 409,
    Outcome.INVALID_SIGNATURE: 400,
    Outcome.HANDLER_FAILED: 500,
    Outcome.STORE_UNAVAILABLE: 503,
}
"""The HTTP status each outcome is answered with."""


@attrs.frozen
class ProcessResult:
    """The result of processing one delivery; adapters turn it into the HTTP response.

    `error` is for your logs (a reason code, or the handler's exception as ``"Type: message"``); it is never
    put in the response body, which only says the outcome and the event id.
    """

    status_code: int
    outcome: Outcome
    event_id: str | None = None
    event_type: str | None = None
    error: str | None = None
    retry_after: int | None = None
    event: WebhookEvent | None = attrs.field(default=None, repr=False, eq=False)
    handler_seconds: float | None = attrs.field(default=None, eq=False)
    """How long the handler ran (None when it did not run); a measurement, so not part of equality."""
    retry_in: float | None = None
    """Inbox mode, in a worker: seconds until the failed handler is retried (None: no retry)."""

    def body(self) -> bytes:
        """The JSON response body: ``{"outcome": ..., "event_id": ...}`` (plus ``reason`` for a 400)."""
        doc: dict[str, str | None] = {"outcome": self.outcome.value, "event_id": self.event_id}
        if self.outcome is Outcome.INVALID_SIGNATURE:
            # The reason code helps whoever configures the endpoint and reveals nothing secret.
            doc["reason"] = self.error
        return json.dumps(doc, separators=(",", ":")).encode()

    def headers(self) -> dict[str, str]:
        """Response headers: the content type, and ``Retry-After`` when the sender should come back later."""
        headers = {"Content-Type": "application/json"}
        if self.retry_after is not None:
            headers["Retry-After"] = str(self.retry_after)
        return headers


ResultCallback = Callable[[ProcessResult], object]
"""A result callback takes the `ProcessResult` of one delivery; a plain function (never a coroutine one)."""


def result_of(
    outcome: Outcome,
    event: WebhookEvent | None = None,
    *,
    error: str | None = None,
    retry_after: int | None = None,
    handler_seconds: float | None = None,
    retry_in: float | None = None,
    event_id: str | None = None,
) -> ProcessResult:
    """The `ProcessResult` of `outcome` (its status code from `STATUS_CODES`) for `event`, or `event_id` when
    no event could be read."""
    return ProcessResult(
        status_code=STATUS_CODES[outcome],
        outcome=outcome,
        event_id=event.id if event is not None else event_id,
        event_type=event.type if event is not None else None,
        error=error,
        retry_after=retry_after,
        event=event,
        handler_seconds=handler_seconds,
        retry_in=retry_in,
    )


def describe_error(exc: BaseException) -> str:
    """``"Type: message"`` for logs and the store, redacted (a handler's message may quote a key or a card
    number) and cut to `MAX_ERROR_CHARS`."""
    text = redact(f"{type(exc).__name__}: {exc}")
    return text[:MAX_ERROR_CHARS]
