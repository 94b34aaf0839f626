"""The earlier SDKs' webhook helpers, verified by the real `WebhookVerifier` (same header format, tolerance,
constant-time comparison, rotation with several ``v1`` values).

- SDK A: ``verify_signature(signature_header, raw_body, get_secret)`` (``get_secret(kid) -> secret``, a
  tolerance in milliseconds) and ``client.verify_webhook_signature(signature_header, raw_body)`` (with
  ``Config.webhook_secret``);
- SDK B: ``verify_molam_signature(header, payload, get_secret)`` (a tolerance in seconds),
  ``MolamClient.verify_webhook_signature(header, payload, get_secret)`` on the class, and
  ``construct_event(payload, header, get_secret)``.

The verify functions return True or raise `SignatureError` (its ``reason`` says why); a secret lookup that
answers ``""`` or None means "unknown key id", as it did before, and one that raises (``secrets[kid]`` for an
unknown kid) is ``unknown_key``, decided by the real verifier. A secret that is not a non-empty str (returned by
the lookup, or given directly) is ``invalid_secret``; a tolerance that is not a positive number is a
`ValidationError` naming it (`LegacyArgumentError`, also a `TypeError`, for one of the wrong type). `construct_event` returns the typed event,
which reads like the dict SDK B returned (``event["type"]``, ``event["data"]["object"]["id"]``), also for an
event type this SDK does not know yet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

import attrs

from ..webhooks.events import TypedEvent, UnknownEvent, parse_payload
from ..webhooks.signature import DEFAULT_TOLERANCE, Reason, WebhookVerifier, check_tolerance
from .deprecation import warn_once
from .exceptions import LegacyArgumentError, SignatureError, ValidationError, legacy_errors

__all__ = [
    "LegacyEvent",
    "ReadableUnknownEvent",
    "SecretLookup",
    "VerifyWebhookSignature",
    "construct_event",
    "verify_molam_signature",
    "verify_signature",
]

SecretLookup = Callable[[str], str | None]
"""``get_secret(kid)``: the endpoint secret for a key id, or None / ``""`` when unknown."""

_MODERN_VERIFY = "molam_sdk_ext.webhooks.construct_event(raw_body, headers, get_secret) (or WebhookVerifier)"


def _tolerance(value: object, param: str) -> float:
    """A legacy tolerance argument, checked by the verifier's own rule, refused with a legacy error naming
    `param` (in the caller's unit: the result is not converted)."""
    try:
        return check_tolerance(value)
    except TypeError:
        raise LegacyArgumentError(
            f"{param} must be a number, not {type(value).__name__}.", param=param
        ) from None
    except ValueError:
        raise ValidationError(f"{param} must be a positive, finite number.", param=param) from None


def _verifier(secrets: SecretLookup | str | Mapping[str, str], tolerance: float) -> WebhookVerifier:
    lookup: SecretLookup | str | Mapping[str, str]
    if callable(secrets):
        get = secrets

        def lookup(kid: str) -> str | None:
            # The earlier SDKs' lookups answered "" (or None) for an unknown kid. Anything else goes to the
            # verifier as it is: its one rule refuses a non-str secret (invalid_secret), and a lookup that
            # raised is unknown_key there too.
            secret = get(kid)
            if isinstance(secret, str) and not secret:
                return None
            return secret
    else:
        lookup = secrets
    try:
        return WebhookVerifier(lookup, tolerance=tolerance)
    except (TypeError, ValueError) as exc:
        # The tolerance was checked by the caller: what is left is the secret (not a str, empty, a bad kid).
        raise SignatureError(
            f"Cannot verify webhooks with this secret: {exc}.", reason=Reason.INVALID_SECRET.value
        ) from None


def _verify(
    header: str | bytes | None,
    raw_body: bytes | str,
    secrets: SecretLookup | str | Mapping[str, str],
    tolerance: float,
) -> bool:
    verifier = _verifier(secrets, tolerance)
    with legacy_errors():
        verifier.verify(raw_body, header)
    return True


def verify_signature(
    header: str | bytes | None,
    raw_body: bytes | str,
    get_secret_by_kid: SecretLookup,
    tolerance_ms: int = 5 * 60 * 1000,
) -> bool:
    """SDK A: True when `header` (``Molam-Signature``) signs `raw_body` with the secret `get_secret_by_kid`
    gives for its key id, within `tolerance_ms`; otherwise `SignatureError`."""
    warn_once("verify_signature", _MODERN_VERIFY)
    return _verify(header, raw_body, get_secret_by_kid, _tolerance(tolerance_ms, "tolerance_ms") / 1000.0)


def verify_molam_signature(
    header: str | bytes | None,
    payload: bytes | str,
    get_secret_by_kid: SecretLookup,
    tolerance_seconds: float = DEFAULT_TOLERANCE,
) -> bool:
    """SDK B: as `verify_signature`, with the tolerance in seconds."""
    warn_once("verify_molam_signature", _MODERN_VERIFY)
    return _verify(header, payload, get_secret_by_kid, _tolerance(tolerance_seconds, "tolerance_seconds"))


@attrs.frozen
class ReadableUnknownEvent(UnknownEvent):
    """An `UnknownEvent` that also reads like the dict SDK B returned (from its raw JSON)."""

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]

    def __contains__(self, key: str) -> bool:
        return key in self.raw

    def get(self, key: str, default: Any = None) -> Any:
        """The raw JSON's `key`, or `default`."""
        return self.raw.get(key, default)

    def keys(self) -> list[str]:
        """The raw JSON's keys."""
        return list(self.raw)


LegacyEvent = TypedEvent | ReadableUnknownEvent
"""What the legacy `construct_event` returns: a typed event, every one of which reads like a dict."""


def construct_verified_event(
    payload: bytes | str, signature_header: str | bytes | None, get_secret_by_kid: SecretLookup
) -> LegacyEvent:
    """Verify, then parse into the typed event (`ReadableUnknownEvent` for a type this SDK does not know)."""
    _verify(signature_header, payload, get_secret_by_kid, DEFAULT_TOLERANCE)
    with legacy_errors():
        event = parse_payload(payload)
    if isinstance(event, UnknownEvent):
        fields = {field.name: getattr(event, field.name) for field in attrs.fields(UnknownEvent)}
        return ReadableUnknownEvent(**fields)
    return event


def construct_event(
    payload: bytes | str, signature_header: str | bytes | None, get_secret_by_kid: SecretLookup
) -> LegacyEvent:
    """SDK B: verify `payload` against `signature_header` and return its event (typed, read like a dict)."""
    warn_once("construct_event", "molam_sdk_ext.webhooks.construct_event(raw_body, headers, get_secret)")
    return construct_verified_event(payload, signature_header, get_secret_by_kid)


class BoundVerify(Protocol):
    """`verify_webhook_signature` as reached through a client class or instance."""

    def __call__(
        self,
        signature_header: str | bytes | None,
        raw_body: bytes | str,
        get_secret_by_kid: SecretLookup | None = None,
    ) -> bool: ...


class HasWebhookSecret(Protocol):
    """A legacy client: it knows its configuration's webhook secret (SDK A's ``Config.webhook_secret``)."""

    @property
    def webhook_secret(self) -> str | None:
        """The secret to verify with, or None when the configuration has none."""


class VerifyWebhookSignature:
    """``verify_webhook_signature`` of the legacy clients, in both earlier shapes:

    - SDK B, on the class: ``MolamClient.verify_webhook_signature(header, payload, get_secret)``;
    - SDK A, on a client: ``client.verify_webhook_signature(header, raw_body)``, verified with
      ``Config.webhook_secret`` whatever the key id (``get_secret`` may still be given).
    """

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    def __get__(self, instance: HasWebhookSecret | None, owner: type[Any] | None = None) -> BoundVerify:
        # Named after the class it is reached through (MolamClient, MolamAsyncClient), not where it is defined.
        entry_point = f"{(owner or type(instance)).__name__}.{self._name}"

        def verify_webhook_signature(
            signature_header: str | bytes | None,
            raw_body: bytes | str,
            get_secret_by_kid: SecretLookup | None = None,
        ) -> bool:
            warn_once(entry_point, _MODERN_VERIFY)
            if get_secret_by_kid is not None:
                return _verify(signature_header, raw_body, get_secret_by_kid, DEFAULT_TOLERANCE)
            if instance is None:
                raise LegacyArgumentError(
                    f"{entry_point}(header, payload, get_secret) needs get_secret on the class; on a client made "
                    "with Config(webhook_secret=...) the secret is optional.",
                    param="get_secret_by_kid",
                )
            secret = instance.webhook_secret
            if not secret:
                raise SignatureError(
                    "No webhook secret to verify with: pass Config(webhook_secret=...) or set "
                    "MOLAM_WEBHOOK_SECRET.",
                    reason="unknown_kid",
                )
            return _verify(signature_header, raw_body, secret, DEFAULT_TOLERANCE)

        return verify_webhook_signature
