"""Client settings, from arguments or the environment, checked before anything is sent.

Explicit arguments win over the environment, which wins over the defaults:

==========================  ===========================  ===============================================
argument                    environment                  default
==========================  ===========================  ===============================================
api_key                     MOLAM_API_KEY                (required; ``sk_test_``, ``sk_live_`` or ``jwt_``)
base_url                    MOLAM_API_BASE               ``https://api.molam.com``
region                      MOLAM_REGION                 none; ``us-east|eu-west|ap-south`` ->
                                                         ``https://{region}.api.molam.com``
molam_version               MOLAM_VERSION                the spec's ``info.version`` (``molam_sdk.API_VERSION``)
timeout                     MOLAM_TIMEOUT                30 s per attempt, wall-clock (not reset by each byte)
connect_timeout             MOLAM_CONNECT_TIMEOUT        5 s
total_timeout               MOLAM_TOTAL_TIMEOUT          60 s per call, retries and waits included
max_retries                 MOLAM_MAX_RETRIES            3 (so at most 4 attempts)
max_response_bytes          MOLAM_MAX_RESPONSE_BYTES     10 MiB (decoded; larger -> ResponseTooLargeError)
log                         MOLAM_LOG                    none (``debug``, ``info``, ``warning``, ``error``)
telemetry                   MOLAM_TELEMETRY_ENABLED      true
store_url                   MOLAM_STORE_URL              none
client_cert / client_key    MOLAM_CLIENT_CERT / _KEY     none (mutual TLS)
==========================  ===========================  ===============================================

An explicit ``base_url`` beats an explicit ``region``; either beats both variables. TLS verification is on
unless ``verify=False``; ``http://`` is refused unless the host is loopback (``127.0.0.0/8``, ``::1``,
``localhost``, exactly: ``evil.localhost`` is a name like any other) or ``allow_insecure_http=True``. A
base URL with whitespace or control characters, an unknown ``log`` level and a store URL of no known kind
are refused too, so a typo fails at construction rather than at the first payment. The key never appears in a repr or an error message: the
repr shows ``sk_test_...abcd`` at most.

A timeout is an int or a float of seconds, above 0 and at most `MAX_SECONDS` (NaN, infinities, bools and
text are refused; only the environment's text is parsed first). One call's options (``list(timeout=...,
max_retries=..., molam_version=..., extra_headers=...)``) go through the very same functions
(`check_call_options`), so what the constructor refuses, a call refuses too, before anything is sent.
"""

from __future__ import annotations

import math
import os
import ssl
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

import attrs
import httpx

import molam_sdk

from .errors import ValidationError
from .observability.redaction import API_KEY_PREFIXES, mask_secret
from .transport.body import DEFAULT_MAX_RESPONSE_BYTES

if TYPE_CHECKING:
    from molam_sdk.requester import RequestOptions

__all__ = [
    "DEFAULT_API_VERSION",
    "DEFAULT_BASE_URL",
    "MAX_SECONDS",
    "REGIONS",
    "ClientOptions",
    "ClientSettings",
    "ConfigurationError",
    "check_call_options",
    "check_headers",
    "check_retries",
    "check_seconds",
    "check_version",
    "is_loopback_host",
    "region_url",
]

DEFAULT_BASE_URL = "https://api.molam.com"
#: The API version the generated package was made for (the spec's ``info.version``, ``molam_sdk.API_VERSION``):
#: the default ``Molam-Version``. Never a copy: a new spec version reaches clients by regenerating.
DEFAULT_API_VERSION: str = molam_sdk.API_VERSION
REGIONS = ("us-east", "eu-west", "ap-south")
#: The API key prefixes (one list, owned by the redaction that masks them).
KEY_PREFIXES = API_KEY_PREFIXES

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


class ConfigurationError(ValidationError):
    """A client setting is missing or invalid. `param` names the argument (or environment variable)."""


class ClientOptions(TypedDict, total=False):
    """The settings `Molam(...)`, `AsyncMolam(...)` and `ClientSettings.resolve(...)` take besides `api_key`
    (declared once here; the table in this module's docstring gives each one's variable and default)."""

    base_url: str | None
    region: str | None
    molam_version: str | None
    timeout: float | None
    connect_timeout: float | None
    total_timeout: float | None
    max_retries: int | None
    max_response_bytes: int | None
    log: str | None
    telemetry: bool | None
    store_url: str | None
    verify: bool | str | ssl.SSLContext | None
    client_cert: str | None
    client_key: str | None
    allow_insecure_http: bool


def default_api_version() -> str:
    """The API version the generated package was made for: `molam_sdk.API_VERSION` (read at call time)."""
    return molam_sdk.API_VERSION


def _check_api_key(_: object, __: attrs.Attribute[str], key: str) -> None:
    # Messages describe the key, never repeat it.
    if not isinstance(key, str) or not key:
        raise ConfigurationError(
            "No API key: pass api_key=... or set MOLAM_API_KEY (keys start with sk_test_, sk_live_ or jwt_).",
            param="api_key",
        )
    prefix = next((p for p in KEY_PREFIXES if key.startswith(p)), None)
    if prefix is None:
        raise ConfigurationError(
            f"The API key must start with sk_test_, sk_live_ or jwt_ (got {len(key)} characters that do not).",
            param="api_key",
        )
    if len(key) <= len(prefix):
        raise ConfigurationError(f"The API key is only its {prefix} prefix.", param="api_key")
    if not key.isascii() or not key.isprintable() or any(c.isspace() for c in key):
        raise ConfigurationError(
            "The API key contains whitespace or characters that cannot go in a header.", param="api_key"
        )


#: The longest any timeout may be (about 11.6 days): far above any sensible call, and far below what a socket
#: or a lock can wait (``socket.settimeout(1e10)`` raises OverflowError on 64-bit Linux).
MAX_SECONDS = 1_000_000.0


def check_seconds(value: object, param: str) -> float:
    """`value` as a timeout in seconds: an int or a float, finite, above 0 and at most `MAX_SECONDS`.

    The one check of every timeout, whether given to the constructor, read from the environment (once parsed)
    or passed to one call (``list(timeout=...)``): anything else is a `ConfigurationError` naming `param`,
    raised before anything is sent. A bool is refused although it is an int (``timeout=True`` is a mistake).
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigurationError(
            f"{param} must be a number of seconds, not {type(value).__name__}.", param=param
        )
    try:
        seconds = float(value)
    except OverflowError:  # an int too large for a float
        seconds = math.inf
    if not 0 < seconds <= MAX_SECONDS:  # NaN fails both comparisons
        # Only a float is shown: the repr of a huge int is itself refused by Python (and says nothing more).
        shown = f" (got {value!r})" if isinstance(value, float) else ""
        raise ConfigurationError(
            f"{param} must be a number of seconds above 0 and at most {MAX_SECONDS:g}{shown}.", param=param
        )
    return seconds


def check_retries(value: object, param: str) -> int:
    """`value` as a retry budget: an int (not a bool) >= 0, else `ConfigurationError` naming `param`.

    Shared by the constructor and per-call ``max_retries=`` alike.
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigurationError(f"{param} must be a whole number >= 0.", param=param)
    return value


def check_version(value: object, param: str = "molam_version") -> str:
    """`value` as a `Molam-Version`: a non-empty str of printable ASCII (it travels in a header), else
    `ConfigurationError` naming `param`. Shared by the constructor and per-call ``molam_version=``."""
    if not isinstance(value, str) or not value or not value.isascii() or not value.isprintable():
        raise ConfigurationError(
            f"{param} must be a version date such as {DEFAULT_API_VERSION}.", param=param
        )
    return value


#: Characters of an HTTP header name (RFC 9110 "token").
_TOKEN = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def header_param(name: str) -> str:
    """The argument a header comes from, for error messages: its own option for the SDK's headers."""
    lowered = name.lower()
    if lowered == "idempotency-key":
        return "idempotency_key"
    if lowered == "molam-version":
        return "molam_version"
    return "extra_headers"


def check_headers(headers: object, param: str = "extra_headers") -> None:
    """Refuse headers that cannot be sent as given: a mapping of str names (RFC 9110 tokens) to str values of
    printable ASCII (tab allowed; no CR or LF, which would end the header early).

    Checked here rather than left to the HTTP library, which refuses them only while sending (``h11``'s
    `LocalProtocolError`): by then the call has reached the circuit breaker and looks like a broken
    connection. The error names the option (``idempotency_key``, ``molam_version`` or `param`), never the value.
    """
    if not isinstance(headers, Mapping):
        raise ConfigurationError(
            f"{param} must be a mapping of header names to values, not {type(headers).__name__}.", param=param
        )
    for name, value in headers.items():
        if not isinstance(name, str) or not name or not _TOKEN.issuperset(name):
            raise ConfigurationError(f"{param}: a header name must be a non-empty HTTP token.", param=param)
        where = header_param(name) if param == "extra_headers" else param
        if not isinstance(value, str):
            raise ConfigurationError(
                f"{where}: the value of header {name} must be a str, not {type(value).__name__}.", param=where
            )
        if not value.isascii() or any(c != "\t" and not c.isprintable() for c in value):
            raise ConfigurationError(
                f"{where}: the header {name} must be printable ASCII text (no line breaks).", param=where
            )


def check_call_options(options: RequestOptions) -> None:
    """Check one call's options with the very functions the constructor uses, before anything is sent.

    A per-call ``timeout`` is seconds (`check_seconds`) or an `httpx.Timeout` whose every bound is None or
    such seconds; ``max_retries`` a budget (`check_retries`); ``molam_version`` and ``extra_headers`` header
    text. The ``idempotency_key`` is checked by the one transport that writes it. A refusal here never reaches
    the transport stack, so it cannot count against the circuit breaker.
    """
    timeout = options.timeout
    if timeout is not None:
        if isinstance(timeout, httpx.Timeout):
            for bound in (timeout.connect, timeout.read, timeout.write, timeout.pool):
                if bound is not None:
                    check_seconds(bound, "timeout")
        else:
            check_seconds(timeout, "timeout")
    if options.max_retries is not None:
        check_retries(options.max_retries, "max_retries")
    if options.molam_version is not None:
        check_version(options.molam_version)
    if options.extra_headers is not None:
        check_headers(options.extra_headers)


def _seconds(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    check_seconds(value, attribute.name)


def _non_negative_int(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    check_retries(value, attribute.name)


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and literal addresses in ``127.0.0.0/8`` or ``::1`` (IPv4-mapped forms included).

    Only ``localhost`` itself counts among names: ``*.localhost`` is resolved by whatever DNS the machine
    uses, and an API key must not travel unencrypted on a resolver's word.
    """
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    import ipaddress  # only needed for http:// URLs; not worth its import time for every client

    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def _normalise_base_url(value: str) -> str:
    if not isinstance(value, str):
        raise ConfigurationError("base_url must be a str such as https://api.molam.com.", param="base_url")
    return value.strip().rstrip("/")


#: The levels ``log`` / ``MOLAM_LOG`` accept (case-insensitive).
LOG_LEVELS = ("debug", "info", "warning", "error")


def _check_log(_: object, __: attrs.Attribute[str | None], level: str | None) -> None:
    if level is not None and (not isinstance(level, str) or level.strip().lower() not in LOG_LEVELS):
        raise ConfigurationError(
            f"log must be one of {', '.join(LOG_LEVELS)} (or unset), got {level!r}.", param="log"
        )


def _check_max_response_bytes(_: object, __: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(
            "max_response_bytes must be a whole number of bytes >= 1.", param="max_response_bytes"
        )


def _check_store_url(_: object, __: attrs.Attribute[str | None], url: str | None) -> None:
    if url is None:
        return
    # Imported here: only clients given a store URL pay for the stores package.
    from .stores import sqlite_path_from_url, store_kind

    try:
        if store_kind(url if isinstance(url, str) else "") == "sqlite":
            sqlite_path_from_url(url)
    except ValueError as exc:
        raise ConfigurationError(f"store_url: {exc}.", param="store_url") from None


@attrs.frozen
class ClientSettings:
    """Everything a `Molam` / `AsyncMolam` client is configured with. Build with `ClientSettings.resolve`."""

    api_key: str = attrs.field(validator=_check_api_key, repr=lambda key: repr(mask_secret(key)))
    base_url: str = attrs.field(default=DEFAULT_BASE_URL, converter=_normalise_base_url)
    molam_version: str = default_api_version()
    timeout: float = attrs.field(default=30.0, validator=_seconds)
    connect_timeout: float = attrs.field(default=5.0, validator=_seconds)
    total_timeout: float = attrs.field(default=60.0, validator=_seconds)
    max_retries: int = attrs.field(default=3, validator=_non_negative_int)
    max_response_bytes: int = attrs.field(
        default=DEFAULT_MAX_RESPONSE_BYTES, validator=_check_max_response_bytes
    )
    log: str | None = attrs.field(default=None, validator=_check_log)
    telemetry: bool = True
    store_url: str | None = attrs.field(default=None, repr=False, validator=_check_store_url)
    verify: bool | str | ssl.SSLContext = True
    client_cert: str | None = None
    client_key: str | None = None
    allow_insecure_http: bool = False

    def __attrs_post_init__(self) -> None:
        if any(c.isspace() or not c.isprintable() for c in self.base_url):
            raise ConfigurationError(
                "base_url must not contain whitespace or control characters.", param="base_url"
            )
        try:
            url = httpx.URL(self.base_url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise ConfigurationError("base_url is not a valid URL.", param="base_url") from exc
        if url.userinfo:
            raise ConfigurationError("base_url must not contain credentials.", param="base_url")
        if url.scheme not in ("http", "https") or not url.host:
            raise ConfigurationError(
                f"base_url must be an absolute https:// URL (got scheme {url.scheme!r}).", param="base_url"
            )
        if url.scheme == "http" and not self.allow_insecure_http and not is_loopback_host(url.host):
            raise ConfigurationError(
                f"Refusing plain http:// to {url.host}: the API key would travel unencrypted. Use https://, "
                "or pass allow_insecure_http=True for a trusted network.",
                param="base_url",
            )
        if self.client_key is not None and self.client_cert is None:
            raise ConfigurationError("client_key needs client_cert (mutual TLS).", param="client_cert")
        for name in ("client_cert", "client_key"):
            path = getattr(self, name)
            if path is not None and not os.path.isfile(path):
                raise ConfigurationError(f"{name} file not found: {path}", param=name)
        check_version(self.molam_version)

    @property
    def livemode(self) -> bool:
        """True for a live key (``sk_live_``)."""
        return self.api_key.startswith("sk_live_")

    def httpx_timeout(self, timeout: float | httpx.Timeout | None = None) -> httpx.Timeout:
        """The per-attempt `httpx.Timeout`: this client's, or the per-call `timeout` (connect stays bounded)."""
        if isinstance(timeout, httpx.Timeout):
            return timeout
        read = self.timeout if timeout is None else check_seconds(timeout, "timeout")
        return httpx.Timeout(read, connect=min(self.connect_timeout, read))

    def cert(self) -> tuple[str, str] | str | None:
        """The client certificate in httpx's ``cert=`` form, or None."""
        if self.client_cert is None:
            return None
        return (self.client_cert, self.client_key) if self.client_key else self.client_cert

    def evolve(self, **changes: Any) -> ClientSettings:
        """A copy with `changes` applied and checked again."""
        return attrs.evolve(self, **changes)

    @classmethod
    def resolve(
        cls,
        api_key: str | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        **options: Unpack[ClientOptions],
    ) -> ClientSettings:
        """Settings from the arguments given, then the environment (`environ`, default `os.environ`), then
        the defaults."""
        env = os.environ if environ is None else environ
        unknown = set(options) - set(ClientOptions.__annotations__)
        if unknown:
            name = sorted(unknown)[0]
            raise ConfigurationError(f"Unknown client option {name!r}.", param=name)
        base_url = options.get("base_url")
        region = options.get("region")
        molam_version = options.get("molam_version")
        timeout = options.get("timeout")
        connect_timeout = options.get("connect_timeout")
        total_timeout = options.get("total_timeout")
        max_retries = options.get("max_retries")
        max_response_bytes = options.get("max_response_bytes")
        log = options.get("log")
        telemetry = options.get("telemetry")
        store_url = options.get("store_url")
        verify = options.get("verify")
        client_cert = options.get("client_cert")
        client_key = options.get("client_key")
        allow_insecure_http = bool(options.get("allow_insecure_http", False))

        def pick(value: Any, name: str) -> Any:
            if value is not None:
                return value
            raw = env.get(name)
            return raw if raw not in (None, "") else None

        if base_url is None:
            if region is not None:
                base_url = region_url(region, "region")
            elif env.get("MOLAM_API_BASE"):
                base_url = env["MOLAM_API_BASE"]
            elif env.get("MOLAM_REGION"):
                base_url = region_url(env["MOLAM_REGION"], "MOLAM_REGION")
        kwargs: dict[str, Any] = {
            "api_key": pick(api_key, "MOLAM_API_KEY") or "",
            "molam_version": pick(molam_version, "MOLAM_VERSION") or default_api_version(),
            "allow_insecure_http": allow_insecure_http,
        }
        if base_url is not None:
            kwargs["base_url"] = base_url
        for name, value, var in (
            ("timeout", timeout, "MOLAM_TIMEOUT"),
            ("connect_timeout", connect_timeout, "MOLAM_CONNECT_TIMEOUT"),
            ("total_timeout", total_timeout, "MOLAM_TOTAL_TIMEOUT"),
        ):
            # An argument is checked as given (a str is a wrong type there); only the environment's text is
            # parsed first. Either way the value then meets the one check, `check_seconds`.
            if value is not None:
                kwargs[name] = check_seconds(value, name)
            elif env.get(var):
                kwargs[name] = _as_float(env[var], var)
        if max_retries is not None:
            kwargs["max_retries"] = check_retries(max_retries, "max_retries")
        elif env.get("MOLAM_MAX_RETRIES"):
            kwargs["max_retries"] = _as_int(env["MOLAM_MAX_RETRIES"], "MOLAM_MAX_RETRIES")
        chosen_cap = pick(max_response_bytes, "MOLAM_MAX_RESPONSE_BYTES")
        if chosen_cap is not None:
            kwargs["max_response_bytes"] = _as_int(
                chosen_cap,
                "max_response_bytes" if max_response_bytes is not None else "MOLAM_MAX_RESPONSE_BYTES",
            )
        kwargs["log"] = pick(log, "MOLAM_LOG")
        chosen_telemetry = pick(telemetry, "MOLAM_TELEMETRY_ENABLED")
        if chosen_telemetry is not None:
            kwargs["telemetry"] = _as_bool(chosen_telemetry, "MOLAM_TELEMETRY_ENABLED")
        kwargs["store_url"] = pick(store_url, "MOLAM_STORE_URL")
        if verify is not None:
            kwargs["verify"] = verify
        kwargs["client_cert"] = pick(client_cert, "MOLAM_CLIENT_CERT")
        kwargs["client_key"] = pick(client_key, "MOLAM_CLIENT_KEY")
        return cls(**kwargs)


def region_url(region: str, param: str = "region") -> str:
    """The base URL of a region (``eu-west`` -> ``https://eu-west.api.molam.com``); `param` names the source
    in the error raised for an unknown region."""
    name = region.strip().lower()
    if name not in REGIONS:
        raise ConfigurationError(f"Unknown region {region!r}: use one of {', '.join(REGIONS)}.", param=param)
    return f"https://{name}.api.molam.com"


def _as_float(value: Any, param: str) -> float:
    if isinstance(value, bool):
        raise ConfigurationError(f"{param} must be a number of seconds.", param=param)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ConfigurationError(
            f"{param} must be a number of seconds, got {value!r}.", param=param
        ) from None


def _as_int(value: Any, param: str) -> int:
    if isinstance(value, bool):
        raise ConfigurationError(f"{param} must be a whole number.", param=param)
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise ConfigurationError(f"{param} must be a whole number, got {value!r}.", param=param) from None


def _as_bool(value: Any, param: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ConfigurationError(f"{param} must be true or false, got {value!r}.", param=param)
