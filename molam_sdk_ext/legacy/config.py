"""The earlier SDKs' configuration objects, resolved into the real `ClientSettings`.

- `Config` (SDK A): ``Config(api_key=..., api_base=..., webhook_secret=..., timeout=30, max_retries=3)``; what
  is not given comes from ``MOLAM_API_KEY``, ``MOLAM_API_BASE``, ``MOLAM_WEBHOOK_SECRET``,
  ``MOLAM_DEFAULT_CURRENCY`` and ``MOLAM_DEFAULT_LOCALE`` as SDK A read them, and from the other ``MOLAM_*``
  variables `molam_sdk_ext.config` documents.
- `ClientConfig` (SDK B): ``ClientConfig(api_key=..., base_url=..., mtls_cert=..., mtls_key=...,
  timeout_connect=..., timeout_read=..., verify_ssl=..., region=..., max_retries=...,
  retry_backoff_factor=..., debug=...)``.

Both are checked when made (a bad key or base URL raises `ValidationError`, also a `ValueError` as SDK A's
was), and hand the client a `ClientSettings` through `to_settings()`: the same validation, TLS and
environment rules as `Molam(...)`. Settings left out fall back to the environment, then to the modern
defaults (30 s read, 5 s connect, 3 retries), not to SDK B's 10 s / 1 s.
"""

from __future__ import annotations

import os
import ssl

from ..config import ClientSettings
from ..money import normalise_currency
from ..observability.redaction import mask_secret
from ..transport.retry import RetryPolicy
from .deprecation import warn_once
from .exceptions import ValidationError, legacy_errors

__all__ = ["ClientConfig", "Config", "LegacyConfig"]


def _currency(value: str) -> str:
    with legacy_errors():
        return normalise_currency(value)


class Config:
    """SDK A's configuration. Attributes hold the resolved values (`api_key` shows masked in the repr).

    `default_currency` is used when `create_payment_intent` is called without `currency`; `default_locale`
    is kept for code that reads it, but not sent (the API has no locale field); `webhook_secret` is what
    `MolamClient.verify_webhook_signature(header, body)` verifies with.
    """

    flavour = "a"

    def __init__(
        self,
        api_base: str | None = None,
        api_key: str | None = None,
        default_currency: str | None = None,
        default_locale: str | None = None,
        webhook_secret: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
    ) -> None:
        warn_once(
            "Config",
            "Molam(api_key=..., base_url=..., timeout=..., max_retries=...) (the same MOLAM_* variables are read)",
        )
        env = os.environ
        with legacy_errors():
            settings = ClientSettings.resolve(
                api_key or None, base_url=api_base or None, timeout=timeout, max_retries=max_retries
            )
        self.api_base: str = settings.base_url
        self.api_key: str = settings.api_key
        self.default_currency: str = _currency(default_currency or env.get("MOLAM_DEFAULT_CURRENCY") or "USD")
        self.default_locale: str = default_locale or env.get("MOLAM_DEFAULT_LOCALE") or "en"
        self.webhook_secret: str | None = webhook_secret or env.get("MOLAM_WEBHOOK_SECRET") or None
        self.timeout: float = settings.timeout
        self.max_retries: int = settings.max_retries

    def to_settings(self) -> ClientSettings:
        """The real client settings for the current attribute values (and the other ``MOLAM_*`` variables)."""
        with legacy_errors():
            return ClientSettings.resolve(
                self.api_key, base_url=self.api_base, timeout=self.timeout, max_retries=self.max_retries
            )

    def retry_policy(self) -> RetryPolicy | None:
        """SDK A had no backoff setting: the default policy."""
        return None

    def __repr__(self) -> str:
        return (
            f"Config(api_base={self.api_base!r}, api_key={mask_secret(self.api_key)!r}, "
            f"default_currency={self.default_currency!r}, default_locale={self.default_locale!r}, "
            f"webhook_secret={'set' if self.webhook_secret else None!r})"
        )


class ClientConfig:
    """SDK B's configuration (keyword arguments only, as its pydantic model took them).

    ``mtls_cert`` / ``mtls_key`` present a client certificate (mutual TLS, for Treasury); ``verify_ssl`` is
    True, False, or a CA bundle path (as the ``requests`` session SDK B configured accepted);
    ``retry_backoff_factor`` becomes the first retry delay of the `RetryPolicy`; ``debug`` turns on the
    (redacted) debug log. `default_currency` and `default_locale` are kept for code that reads them.
    """

    flavour = "b"

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout_connect: float | None = None,
        timeout_read: float | None = None,
        region: str | None = None,
        verify_ssl: bool | str | ssl.SSLContext = True,
        mtls_cert: str | None = None,
        mtls_key: str | None = None,
        default_currency: str = "USD",
        default_locale: str = "en",
        max_retries: int | None = None,
        retry_backoff_factor: float | None = None,
        debug: bool = False,
    ) -> None:
        warn_once(
            "ClientConfig",
            "Molam(api_key=..., base_url=..., client_cert=..., client_key=..., verify=..., timeout=..., "
            "connect_timeout=...)",
        )
        self.api_key = api_key
        self.base_url = base_url
        self.timeout_connect = timeout_connect
        self.timeout_read = timeout_read
        self.region = region
        self.verify_ssl = verify_ssl
        self.mtls_cert = mtls_cert
        self.mtls_key = mtls_key
        self.default_currency = _currency(default_currency)
        self.default_locale = default_locale
        self.max_retries = max_retries
        self.retry_backoff_factor = retry_backoff_factor
        self.debug = debug
        resolved = self.to_settings()  # checked now, as SDK B's model validated on construction
        self.api_key = resolved.api_key

    def to_settings(self) -> ClientSettings:
        """The real client settings for the current attribute values (and the ``MOLAM_*`` variables)."""
        with legacy_errors():
            return ClientSettings.resolve(
                self.api_key,
                base_url=self.base_url,
                region=self.region,
                timeout=self.timeout_read,
                connect_timeout=self.timeout_connect,
                max_retries=self.max_retries,
                verify=self.verify_ssl,
                client_cert=self.mtls_cert,
                client_key=self.mtls_key,
                log="debug" if self.debug else None,
            )

    def retry_policy(self) -> RetryPolicy | None:
        """A policy whose first retry waits `retry_backoff_factor` seconds (then doubling), when it was set."""
        factor = self.retry_backoff_factor
        if factor is None:
            return None
        if isinstance(factor, bool) or not isinstance(factor, int | float) or not factor >= 0:
            raise ValidationError(
                "retry_backoff_factor must be a number of seconds >= 0.", param="retry_backoff_factor"
            )
        return RetryPolicy(initial_delay=float(factor))

    def __repr__(self) -> str:
        return (
            f"ClientConfig(base_url={self.base_url!r}, api_key={mask_secret(self.api_key or '')!r}, "
            f"region={self.region!r}, mtls_cert={self.mtls_cert!r})"
        )


LegacyConfig = Config | ClientConfig
"""Either earlier SDK's configuration; its class selects the call shapes of the client built with it."""
