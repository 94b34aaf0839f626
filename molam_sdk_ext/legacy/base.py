"""What the sync and async legacy clients share: the configuration, the call-shape plans, webhook helpers.

Only running a plan differs (`MolamClient` calls a `Molam`, `MolamAsyncClient` awaits an `AsyncMolam`);
what each legacy call means is decided once, in `molam_sdk_ext.legacy.calls`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..client import AsyncMolam, Molam
from ..config import ClientSettings
from ..transport.retry import RetryPolicy
from .calls import ENTRY_POINTS, Defaults, Plan, plan_for
from .config import ClientConfig, Config, LegacyConfig
from .deprecation import warn_once
from .exceptions import LegacyArgumentError, legacy_errors
from .webhooks import LegacyEvent, SecretLookup, VerifyWebhookSignature, construct_verified_event

__all__ = ["LegacyClientBase"]


class LegacyClientBase:
    """The configuration and call-shape logic of `MolamClient` and `MolamAsyncClient`."""

    # The modern client every call goes through, made by the constructor (AsyncMolam for the async one); the
    # warnings name it as the replacement.
    _modern: type[Molam] | type[AsyncMolam] = Molam
    _molam: Molam | AsyncMolam
    _await = ""

    verify_webhook_signature = VerifyWebhookSignature()

    def __init__(self, config: LegacyConfig) -> None:
        warn_once(type(self).__name__, f"{self._modern.__name__}(api_key=..., base_url=..., ...)")
        if not isinstance(config, Config | ClientConfig):
            raise LegacyArgumentError(
                f"{type(self).__name__}() takes a Config (SDK A) or a ClientConfig (SDK B), "
                f"not {type(config).__name__}.",
                param="config",
            )
        self.config = config
        self._flavour = config.flavour
        self._defaults = Defaults(
            default_currency=config.default_currency,
            webhook_secret=config.webhook_secret if isinstance(config, Config) else None,
        )
        self._settings: ClientSettings = config.to_settings()
        with legacy_errors():
            self._retry_policy: RetryPolicy | None = config.retry_policy()
            self._molam = self._modern(settings=self._settings, retry_policy=self._retry_policy)

    @property
    def webhook_secret(self) -> str | None:
        """The secret `verify_webhook_signature(header, body)` uses (``Config.webhook_secret``)."""
        return self._defaults.webhook_secret

    def _plan(self, method: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Plan:
        # warn_once -> _plan -> _call -> the public method -> the caller.
        modern = f"{self._await}{ENTRY_POINTS[method].modern}"
        warn_once(
            f"{type(self).__name__}.{method}", f"{modern} on {self._modern.__name__}(...)", stacklevel=5
        )
        with legacy_errors():
            return plan_for(method, self._flavour, self._defaults, args, kwargs)

    def construct_event(
        self, payload: bytes | str, signature_header: str | bytes | None, get_secret_by_kid: SecretLookup
    ) -> LegacyEvent:
        """SDK B: verify `payload` against `signature_header` and return its typed event (read like a dict)."""
        warn_once(
            f"{type(self).__name__}.construct_event",
            "molam_sdk_ext.webhooks.construct_event(raw_body, headers, get_secret)",
        )
        return construct_verified_event(payload, signature_header, get_secret_by_kid)

    def __repr__(self) -> str:
        s = self._settings
        return f"{type(self).__name__}(base_url={s.base_url!r}, config={type(self.config).__name__})"
