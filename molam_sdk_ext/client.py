"""`Molam` and `AsyncMolam`: settings -> one pooled httpx client under the SDK's transport stack -> resources.

::

    with Molam(api_key="sk_test_...") as molam:
        intent = molam.payment_intents.create(amount=15000, currency="XOF", idempotency_key=f"order-{order.id}")
        raw = molam.with_raw_response.payment_intents.retrieve(intent.id)
        eu = molam.with_options(region="eu-west", max_retries=1)   # shares the connection pool

    async with AsyncMolam() as molam:                              # MOLAM_API_KEY from the environment
        async for intent in await molam.payment_intents.list(status="succeeded"):
            ...

Each client is a `SyncRequester` / `AsyncRequester` (`molam_sdk.requester`) for the generated resources: it
adds the headers (Authorization, Molam-Version, User-Agent, then the operation's own, then `extra_headers`),
hands the caller's idempotency key, the per-call timeout, retry budget and deadline to the stack, sends through
it (observability, idempotency, retry, circuit breaker), and returns 2xx responses or raises the typed
`MolamError` for the rest. httpx timeouts become
`APITimeoutError`, other transport failures `APIConnectionError`; no message contains a credential.

Bring your own HTTP: ``http_client=`` (an `httpx.Client` / `httpx.AsyncClient`: its transports, including
proxy mounts, are wrapped by the stack and its other settings kept; you keep ownership and close it) or
``transport=`` (an httpx transport used as the bottom of the stack, e.g. `httpx.MockTransport` in tests).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, Self, Unpack

import attrs
import httpx

from molam_sdk.requester import Request, RequestOptions
from molam_sdk.resources import AsyncRawResources, AsyncResources, SyncRawResources, SyncResources

from .closing import AsyncClosing, Closing
from .config import (
    ClientOptions,
    ClientSettings,
    ConfigurationError,
    check_call_options,
    check_headers,
    region_url,
)
from .encoding import check_url, encoding_error
from .errors import APIConnectionError, APITimeoutError, error_from_response
from .http_client import make_stateless, wrap_callers_client
from .observability.hooks import Hooks
from .observability.logs import configure_logging
from .observability.redaction import mask_secret, redact
from .observability.telemetry import TelemetryRecorder, user_agent
from .tls import tls_context
from .transport.body import MAX_RESPONSE_BYTES_EXTENSION
from .transport.breaker import BreakerConfig, BreakerRegistry
from .transport.deadline import DeadlineExceeded
from .transport.idempotency_key import IDEMPOTENCY_KEY_EXTENSION
from .transport.retry import DEADLINE_EXTENSION, MAX_RETRIES_EXTENSION, RetryPolicy
from .transport.stack import TransportStack

__all__ = ["AsyncMolam", "Molam"]

#: Options `with_options` can change without a new connection pool (they travel with each request).
_PER_REQUEST_OPTIONS = frozenset(
    {
        "api_key",
        "base_url",
        "region",
        "molam_version",
        "timeout",
        "connect_timeout",
        "total_timeout",
        "max_retries",
        "default_headers",
    }
)


def _connection_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    if isinstance(exc, DeadlineExceeded):
        return APITimeoutError(str(exc), request=request)  # our own text: says which deadline, no data
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Request to the Molam API timed out ({type(exc).__name__}).", request=request)
    detail = redact(str(exc))[:200]
    message = f"Connection to the Molam API failed ({type(exc).__name__}{': ' + detail if detail else ''})."
    return APIConnectionError(message, request=request)


class _Shared:
    """What a client and its `with_options` copies share: the stack parts (and so breakers and hooks)."""

    __slots__ = ("stack", "user_agent")

    def __init__(self, stack: TransportStack, user_agent: str) -> None:
        self.stack = stack
        self.user_agent = user_agent


class _ClientCore:
    """Settings, header building and request description shared by `Molam` and `AsyncMolam`."""

    _settings: ClientSettings
    _shared: _Shared
    _default_headers: dict[str, str]
    _base_headers: dict[str, tuple[str, str]]
    _base_header_list: list[tuple[str, str]]
    _timeout: httpx.Timeout
    _max_retries: int
    _deadline: float
    _max_response_bytes: int
    _http: httpx.Client | httpx.AsyncClient
    _owns_client: bool
    _asynchronous: bool  # which httpx classes `_open` builds

    def _configure(
        self, settings: ClientSettings, shared: _Shared, default_headers: Mapping[str, str]
    ) -> None:
        check_headers(default_headers, "default_headers")
        self._settings = settings
        self._shared = shared
        self._default_headers = dict(default_headers)
        # Headers are merged case-insensitively in a plain dict (lower-case name -> (name, value)): cheaper
        # per call than httpx.Headers copies, and httpx normalises the final list once anyway.
        base: dict[str, tuple[str, str]] = {}
        for name, value in (
            ("Authorization", f"Bearer {settings.api_key}"),
            ("Molam-Version", settings.molam_version),
            ("User-Agent", shared.user_agent),
            ("Accept", "application/json"),
            *self._default_headers.items(),
        ):
            base[name.lower()] = (name, value)
        self._base_headers = base
        self._base_header_list = list(base.values())
        self._timeout = settings.httpx_timeout()
        self._max_retries = settings.max_retries
        self._deadline = settings.total_timeout
        self._max_response_bytes = settings.max_response_bytes

    @staticmethod
    def _resolve(
        api_key: str | None,
        settings: ClientSettings | None,
        retry_policy: RetryPolicy | None,
        options: ClientOptions,
        http_client: httpx.Client | httpx.AsyncClient | None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
    ) -> ClientSettings:
        if settings is not None:
            given = {k for k, v in options.items() if v is not None and k != "allow_insecure_http"}
            if api_key is not None or given or options.get("allow_insecure_http"):
                raise ConfigurationError(
                    "Pass either settings= or individual options, not both.", param="settings"
                )
            resolved = settings
        else:
            if retry_policy is not None:
                # An explicit policy supplies the budget and deadline unless they were given on their own.
                if options.get("max_retries") is None:
                    options["max_retries"] = retry_policy.max_retries
                if options.get("total_timeout") is None:
                    options["total_timeout"] = retry_policy.deadline
            resolved = ClientSettings.resolve(api_key, **options)
        if http_client is not None and transport is not None:
            raise ConfigurationError("Pass http_client= or transport=, not both.", param="transport")
        return resolved

    @staticmethod
    def _make_shared(
        settings: ClientSettings,
        retry_policy: RetryPolicy | None,
        circuit_breaker: BreakerConfig | BreakerRegistry | bool | None,
        hooks: Hooks | None,
    ) -> _Shared:
        if settings.log:
            configure_logging(settings.log)
        hooks = hooks if hooks is not None else Hooks()
        breakers: BreakerRegistry | None
        if circuit_breaker is False:
            breakers = None
        elif isinstance(circuit_breaker, BreakerRegistry):
            breakers = circuit_breaker
        else:
            config = circuit_breaker if isinstance(circuit_breaker, BreakerConfig) else None
            if settings.store_url:
                # Lazy: only clients with a store URL pay this import. A Redis URL shares the breaker's
                # state with every process talking to the same host; other URLs keep it in-process.
                from .transport.shared_breaker import breaker_registry_for

                breakers = breaker_registry_for(settings.store_url, config)
            else:
                breakers = BreakerRegistry(config)
        if breakers is not None:
            breakers.add_listener(hooks.emit_breaker_state_change)
        policy = attrs.evolve(
            retry_policy or RetryPolicy(), max_retries=settings.max_retries, deadline=settings.total_timeout
        )
        stack = TransportStack(
            policy=policy,
            breakers=breakers,
            hooks=hooks,
            telemetry=TelemetryRecorder() if settings.telemetry else None,
        )
        return _Shared(stack=stack, user_agent=user_agent())

    def _open(
        self,
        settings: ClientSettings,
        shared: _Shared,
        http_client: httpx.Client | httpx.AsyncClient | None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
        default_headers: Mapping[str, str] | None,
    ) -> None:
        """The constructor of both clients (their signatures type the sync or async httpx objects)."""
        wrap: Callable[[Any], Any] = shared.stack.wrap_async if self._asynchronous else shared.stack.wrap
        if http_client is not None:
            wrap_callers_client(http_client, wrap)
            self._http = http_client
            self._owns_client = False
        else:
            if transport is None:
                base = httpx.AsyncHTTPTransport if self._asynchronous else httpx.HTTPTransport
                transport = base(verify=tls_context(settings), retries=0)
            client = httpx.AsyncClient if self._asynchronous else httpx.Client
            self._http = client(transport=wrap(transport), timeout=settings.httpx_timeout())
            make_stateless(self._http)
            self._owns_client = True
        self._configure(settings, shared, default_headers or {})
        self._attach_resources()

    def _attach_resources(self) -> None:
        """Make the generated resources (sync or async) of this client."""
        raise NotImplementedError

    def _copy(self, changes: dict[str, Any]) -> Self:
        """`with_options` of both clients: a copy sharing the pool, breakers and hooks (never closing the pool)."""
        settings, headers = self._copy_settings(changes)
        copy = object.__new__(type(self))
        copy._http = self._http
        copy._owns_client = False
        copy._configure(settings, self._shared, headers)
        copy._attach_resources()
        return copy

    def _copy_settings(self, changes: dict[str, Any]) -> tuple[ClientSettings, dict[str, str]]:
        unknown = set(changes) - _PER_REQUEST_OPTIONS
        if unknown:
            raise ConfigurationError(
                f"with_options() cannot change {', '.join(sorted(unknown))}: make a new client for that.",
                param=sorted(unknown)[0],
            )
        headers = dict(self._default_headers)
        extra = changes.pop("default_headers", None)
        if extra:
            headers.update(extra)
        region = changes.pop("region", None)
        if region is not None and "base_url" not in changes:
            changes["base_url"] = region_url(region)
        return self._settings.evolve(**changes), headers

    def _describe(self, request: Request, options: RequestOptions) -> dict[str, Any]:
        """Keyword arguments for `client.build_request` from a generated request and the call's options.

        The call's options are checked first, by the functions the constructor uses (`check_call_options`),
        and the URL's values for length (`check_url`): a refusal is a `ValidationError` before anything
        reaches the transport stack, so it is never mistaken for a server failure by the circuit breaker.

        The idempotency key is not a header here: the idempotency transport alone writes that header (the
        caller's key, travelling as an extension, or a new one), so every path into the stack gets one.
        """
        call_headers = request.headers
        extra = options.extra_headers
        version = options.molam_version
        if (
            extra is not None
            or version is not None
            or options.timeout is not None
            or options.max_retries is not None
        ):
            check_call_options(options)
        if call_headers:
            check_headers(call_headers)
        url = request.url
        if url.startswith("/"):
            url = self._settings.base_url + url
        check_url(url, request.params)
        extensions: dict[str, Any] = {
            MAX_RETRIES_EXTENSION: self._max_retries if options.max_retries is None else options.max_retries,
            MAX_RESPONSE_BYTES_EXTENSION: self._max_response_bytes,
            # The client's total deadline, whatever the call's `timeout`: a per-call timeout bounds each attempt
            # (below), never the whole call; only a client's own `total_timeout` (`with_options`) does.
            DEADLINE_EXTENSION: self._deadline,
        }
        if options.idempotency_key is not None:
            extensions[IDEMPOTENCY_KEY_EXTENSION] = options.idempotency_key
        headers: list[tuple[str, str]]
        if call_headers or extra or version is not None:
            merged = self._base_headers.copy()
            if version is not None:
                merged["molam-version"] = ("Molam-Version", version)
            if call_headers:
                for name, value in call_headers.items():
                    merged[name.lower()] = (name, value)
            if extra:
                for name, value in extra.items():
                    merged[name.lower()] = (name, value)
            headers = list(merged.values())
        else:
            headers = self._base_header_list
        timeout = self._timeout if options.timeout is None else self._settings.httpx_timeout(options.timeout)
        described: dict[str, Any] = {
            "method": request.method,
            "url": url,
            "headers": headers,
            "timeout": timeout,
            "extensions": extensions,
        }
        if request.params:
            described["params"] = request.params
        if request.json is not None:
            described["json"] = request.json
        return described

    def _build(
        self, http: httpx.Client | httpx.AsyncClient, request: Request, options: RequestOptions
    ) -> httpx.Request:
        """The httpx request for a generated request; a value httpx cannot encode (a body value that is not
        JSON, a lone surrogate, a non-ASCII header) is a `ValidationError` naming the argument, not httpx's
        `TypeError` / `UnicodeEncodeError`."""
        described = self._describe(request, options)
        try:
            return http.build_request(**described)
        except (TypeError, ValueError, httpx.InvalidURL) as exc:  # UnicodeEncodeError is a ValueError
            raise encoding_error(described, exc) from None

    @property
    def settings(self) -> ClientSettings:
        """This client's settings (the key shows masked in its repr)."""
        return self._settings

    @property
    def hooks(self) -> Hooks:
        """Callbacks on request, response, retry and breaker changes (shared with `with_options` copies)."""
        return self._shared.stack.hooks

    @property
    def breakers(self) -> BreakerRegistry | None:
        """The per-host circuit breakers (None when circuit breaking is off)."""
        return self._shared.stack.breakers

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy (its budget and deadline are overridden per client and per call)."""
        return self._shared.stack.policy

    def __repr__(self) -> str:
        s = self._settings
        return (
            f"{type(self).__name__}(base_url={s.base_url!r}, api_key={mask_secret(s.api_key)!r}, "
            f"molam_version={s.molam_version!r})"
        )


class Molam(_ClientCore, Closing, SyncResources):
    """The Molam API client. One instance per process is enough: it is thread-safe and pools connections.

    Every option falls back to its ``MOLAM_*`` environment variable, then to the default (see
    `molam_sdk_ext.config`). `retry_policy` tunes backoff; `circuit_breaker` is a `BreakerConfig`, a shared
    `BreakerRegistry`, or False to turn breaking off; `hooks` a `Hooks` registry to share.
    """

    _http: httpx.Client
    _asynchronous = False

    def __init__(
        self,
        api_key: str | None = None,
        *,
        retry_policy: RetryPolicy | None = None,
        circuit_breaker: BreakerConfig | BreakerRegistry | bool | None = None,
        hooks: Hooks | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        settings: ClientSettings | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        resolved = self._resolve(api_key, settings, retry_policy, options, http_client, transport)
        shared = self._make_shared(resolved, retry_policy, circuit_breaker, hooks)
        self._open(resolved, shared, http_client, transport, default_headers)

    def _attach_resources(self) -> None:
        SyncResources.__init__(self, self)

    def request(self, request: Request, options: RequestOptions) -> httpx.Response:
        """Send one generated request; return the 2xx response or raise a `MolamError`."""
        http = self._http
        sent = self._build(http, request, options)
        try:
            response = http.send(sent)
        except httpx.TransportError as exc:
            raise _connection_error(exc, sent) from exc
        if not 200 <= response.status_code < 300:
            raise error_from_response(response)
        return response

    @functools.cached_property
    def with_raw_response(self) -> SyncRawResources:
        """The same resources, returning `RawResponse[Model]` (status, headers, request id) for each call."""
        return SyncRawResources(self)

    def with_options(self, **changes: Any) -> Molam:
        """A copy with per-request options changed (`api_key`, `base_url`, `region`, `molam_version`,
        `timeout`, `connect_timeout`, `total_timeout`, `max_retries`, `default_headers`), sharing this
        client's connection pool, breakers and hooks. Closing the copy leaves the pool open."""
        return self._copy(changes)

    @property
    def http_client(self) -> httpx.Client:
        """The underlying `httpx.Client` (its transport is the SDK's stack)."""
        return self._http

    def close(self) -> None:
        """Close the connection pool (unless it belongs to the caller or to the client this was copied from)."""
        if self._owns_client:
            self._http.close()


class AsyncMolam(_ClientCore, AsyncClosing, AsyncResources):
    """The asyncio Molam API client: the same options, stack and decisions as `Molam`, over `httpx.AsyncClient`."""

    _http: httpx.AsyncClient
    _asynchronous = True

    def __init__(
        self,
        api_key: str | None = None,
        *,
        retry_policy: RetryPolicy | None = None,
        circuit_breaker: BreakerConfig | BreakerRegistry | bool | None = None,
        hooks: Hooks | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        settings: ClientSettings | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        resolved = self._resolve(api_key, settings, retry_policy, options, http_client, transport)
        shared = self._make_shared(resolved, retry_policy, circuit_breaker, hooks)
        self._open(resolved, shared, http_client, transport, default_headers)

    def _attach_resources(self) -> None:
        AsyncResources.__init__(self, self)

    async def request(self, request: Request, options: RequestOptions) -> httpx.Response:
        """Send one generated request; return the 2xx response or raise a `MolamError`."""
        http = self._http
        sent = self._build(http, request, options)
        try:
            response = await http.send(sent)
        except httpx.TransportError as exc:
            raise _connection_error(exc, sent) from exc
        if not 200 <= response.status_code < 300:
            raise error_from_response(response)
        return response

    @functools.cached_property
    def with_raw_response(self) -> AsyncRawResources:
        """The same resources, returning `RawResponse[Model]` (status, headers, request id) for each call."""
        return AsyncRawResources(self)

    def with_options(self, **changes: Any) -> AsyncMolam:
        """A copy with per-request options changed, sharing the connection pool, breakers and hooks
        (see `Molam.with_options`)."""
        return self._copy(changes)

    @property
    def http_client(self) -> httpx.AsyncClient:
        """The underlying `httpx.AsyncClient` (its transport is the SDK's stack)."""
        return self._http

    async def close(self) -> None:
        """Close the connection pool (unless it belongs to the caller or to the client this was copied from)."""
        if self._owns_client:
            await self._http.aclose()
