"""Molam webhooks: verify the `Molam-Signature` header, parse typed events, process each event exactly once.

- `sign`, `sign_with`, `WebhookVerifier`, `parse_signature_header`: the signature scheme (pure, no I/O);
- `construct_event`: verify a delivery and return its typed event (`UnknownEvent` for types this SDK
  does not know yet);
- `WebhookProcessor`: verify, deduplicate by event id through a store, dispatch to handlers, answer with a
  status code; adapters for Django, Flask and Starlette/FastAPI live in `molam_sdk_ext.webhooks.adapters`;
- inbox mode: `WebhookProcessor(secrets, inbox=..., dispatch=CeleryDispatch(app))` records each event in a
  durable inbox and acknowledges at once, and Celery workers run the handlers (`Dispatch` is the protocol).

Importing this package never imports Django, Flask, Starlette or Celery, nor the generated models: the event and
processor names are loaded on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from molam_sdk_ext.webhooks.signature import (
    DEFAULT_MAX_PAYLOAD_BYTES,
    DEFAULT_TOLERANCE,
    MAX_HEADER_BYTES,
    MAX_SIGNATURES,
    SIGNATURE_HEADER,
    Reason,
    SecretsSource,
    SignatureHeader,
    VerifiedSignature,
    WebhookVerifier,
    parse_signature_header,
    sign,
    sign_with,
)

if TYPE_CHECKING:
    from molam_sdk_ext.webhooks.celery_dispatch import CeleryDispatch
    from molam_sdk_ext.webhooks.dispatch import Dispatch
    from molam_sdk_ext.webhooks.events import (
        EVENT_TYPES,
        TypedEvent,
        UnknownEvent,
        UnknownEventData,
        WebhookEvent,
        construct_event,
        event_from_dict,
        parse_payload,
    )
    from molam_sdk_ext.webhooks.outcomes import Outcome, ProcessResult, ResultCallback
    from molam_sdk_ext.webhooks.processor import WebhookProcessor
    from molam_sdk_ext.webhooks.steps import Handler

__all__ = [
    "DEFAULT_MAX_PAYLOAD_BYTES",
    "DEFAULT_TOLERANCE",
    "EVENT_TYPES",
    "MAX_HEADER_BYTES",
    "MAX_SIGNATURES",
    "SIGNATURE_HEADER",
    "CeleryDispatch",
    "Dispatch",
    "Handler",
    "Outcome",
    "ProcessResult",
    "Reason",
    "ResultCallback",
    "SecretsSource",
    "SignatureHeader",
    "TypedEvent",
    "UnknownEvent",
    "UnknownEventData",
    "VerifiedSignature",
    "WebhookEvent",
    "WebhookProcessor",
    "WebhookVerifier",
    "construct_event",
    "event_from_dict",
    "parse_payload",
    "parse_signature_header",
    "sign",
    "sign_with",
]

_LAZY = {
    "CeleryDispatch": "celery_dispatch",
    "Dispatch": "dispatch",
    "EVENT_TYPES": "events",
    "TypedEvent": "events",
    "UnknownEvent": "events",
    "UnknownEventData": "events",
    "WebhookEvent": "events",
    "construct_event": "events",
    "event_from_dict": "events",
    "parse_payload": "events",
    "Handler": "steps",
    "Outcome": "outcomes",
    "ProcessResult": "outcomes",
    "ResultCallback": "outcomes",
    "WebhookProcessor": "processor",
}


def __getattr__(name: str) -> Any:
    # The events module imports every generated model; load it only when an event name is used.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
