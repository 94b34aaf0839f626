"""Turn a verified webhook body into a typed event: `construct_event`.

Each event type in the spec has a generated model (``payment_intent.succeeded`` ->
`molam_sdk.models.PaymentIntentSucceededEvent`, whose ``.data.object`` is a `PaymentIntent`), listed in the
generated registry `molam_sdk.events` (from the spec's ``webhooks``; nothing here names an event type). A type this SDK
does not know yet (Molam may add types at any time) becomes an `UnknownEvent` that keeps the raw JSON, so a
receiver never breaks on a new type; it just has no typed handler for it.

Errors: a bad signature raises `SignatureVerificationError` with the verifier's reason. A body that is
authentic but unusable (not UTF-8 JSON, not an object, no string ``id``/``type``, or fields that do not fit
the type's model) raises `SignatureVerificationError` with reason ``"invalid_payload"``, so that one
``except SignatureVerificationError`` maps every refused delivery to HTTP 400.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeAlias, cast

import attrs

from molam_sdk.events import EVENT_MODELS, TypedEvent
from molam_sdk_ext.errors import SignatureVerificationError
from molam_sdk_ext.webhooks.signature import (
    DEFAULT_TOLERANCE,
    SIGNATURE_HEADER,
    Reason,
    SecretsSource,
    WebhookVerifier,
)

__all__ = [
    "EVENT_TYPES",
    "TypedEvent",
    "UnknownEvent",
    "UnknownEventData",
    "WebhookEvent",
    "construct_event",
    "event_from_dict",
    "parse_payload",
    "signature_from_headers",
]


EVENT_TYPES: Mapping[str, type[TypedEvent]] = EVENT_MODELS
"""Event type -> its generated model: the generated registry (`molam_sdk.events`), read only."""


@attrs.frozen
class UnknownEventData:
    """``data`` of an event of a type this SDK has no model for: ``object`` is the object as raw JSON."""

    object: dict[str, Any]


@attrs.frozen
class UnknownEvent:
    """An event of a type this SDK has no model for (a newer one): the envelope plus the raw JSON.

    Field names follow the generated models (``type``, ``object``), so code reading the envelope works on
    either.
    """

    id: str
    type: str
    created: int | None
    api_version: str | None
    livemode: bool | None
    data: UnknownEventData
    raw: dict[str, Any] = attrs.field(repr=False)
    object: str = "event"


WebhookEvent: TypeAlias = TypedEvent | UnknownEvent
"""What `construct_event` returns."""

_HEADER_LOWER = SIGNATURE_HEADER.lower()


def _invalid(message: str) -> SignatureVerificationError:
    return SignatureVerificationError(message, reason=Reason.INVALID_PAYLOAD.value)


def signature_from_headers(headers: Mapping[str, str] | str | bytes | None) -> str | bytes | None:
    """The `Molam-Signature` value from request headers (name matched case-insensitively), or the value itself.

    Accepts a plain dict, any mapping, and the header objects of Django, Flask/Werkzeug and Starlette (all
    have ``get`` and ``items``). Anything else is returned as is, for the verifier to refuse.
    """
    if headers is None or isinstance(headers, str | bytes):
        return headers
    get = getattr(headers, "get", None)
    if get is None:
        # Not headers at all: hand it on untouched; the verifier refuses it as a malformed header.
        return cast("str | bytes | None", headers)
    value = get(SIGNATURE_HEADER)
    if value is None:
        value = get(_HEADER_LOWER)
    if value is None:
        items = getattr(headers, "items", None)
        for name, candidate in items() if items is not None else ():
            if isinstance(name, str) and name.lower() == _HEADER_LOWER:
                return cast("str | bytes | None", candidate)
    return cast("str | bytes | None", value)


def event_from_dict(data: Mapping[str, Any]) -> WebhookEvent:
    """Build the typed event for an already-parsed (and already-verified) event object.

    Raises `SignatureVerificationError` (reason ``invalid_payload``) when the object cannot be an event.
    """
    if not isinstance(data, Mapping):
        raise _invalid("Event is not a JSON object.")
    event_id = data.get("id")
    event_type = data.get("type")
    if not isinstance(event_id, str) or not event_id:
        raise _invalid("Event has no string `id`.")
    if not isinstance(event_type, str) or not event_type:
        raise _invalid("Event has no string `type`.")
    model = EVENT_TYPES.get(event_type)
    if model is None:
        return _unknown(event_id, event_type, data)
    try:
        event: TypedEvent = model.from_dict(data)
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        # The generated parser raises MissingFieldError (a ValueError) for a missing field and ValueError for a
        # wrong constant; a wrong shape (a list where an object belongs) surfaces as the others.
        raise _invalid(
            f"Event {event_id} ({event_type}) does not match its schema: {type(e).__name__}."
        ) from e
    return event


def _unknown(event_id: str, event_type: str, data: Mapping[str, Any]) -> UnknownEvent:
    payload = data.get("data")
    obj = payload.get("object") if isinstance(payload, Mapping) else None
    created = data.get("created")
    api_version = data.get("api_version")
    livemode = data.get("livemode")
    return UnknownEvent(
        id=event_id,
        type=event_type,
        created=created if isinstance(created, int) and not isinstance(created, bool) else None,
        api_version=api_version if isinstance(api_version, str) else None,
        livemode=livemode if isinstance(livemode, bool) else None,
        data=UnknownEventData(object=dict(obj) if isinstance(obj, Mapping) else {}),
        raw=dict(data),
    )


def parse_payload(raw_body: bytes | bytearray | memoryview | str) -> WebhookEvent:
    """Parse a body that was already verified into its typed event (see `event_from_dict`)."""
    if isinstance(raw_body, memoryview):
        raw_body = raw_body.tobytes()
    try:
        data = json.loads(raw_body)
    except (ValueError, TypeError, RecursionError):
        # ValueError covers JSONDecodeError and bytes that are not UTF-8.
        raise _invalid("Body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise _invalid("Body is not a JSON object.")
    return event_from_dict(data)


def construct_event(
    raw_body: bytes | str,
    headers_or_signature: Mapping[str, str] | str | bytes | None,
    secrets: SecretsSource | WebhookVerifier,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> WebhookEvent:
    """Verify a webhook delivery and return its typed event.

    `raw_body` is the request body exactly as received (never re-serialized JSON). `headers_or_signature`
    is the request's headers (the `Molam-Signature` name is matched case-insensitively) or the header value.
    `secrets` is anything `WebhookVerifier` accepts, or a `WebhookVerifier` (reuse one: it is faster; its own
    tolerance then applies). `now` (unix seconds) is for tests.

    Raises `SignatureVerificationError`: the verifier's reason codes, or ``invalid_payload`` for an authentic
    body that is not a usable event.
    """
    verifier = (
        secrets if isinstance(secrets, WebhookVerifier) else WebhookVerifier(secrets, tolerance=tolerance)
    )
    verifier.verify(raw_body, signature_from_headers(headers_or_signature), now)
    return parse_payload(raw_body)
