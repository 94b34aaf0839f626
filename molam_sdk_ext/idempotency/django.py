"""Merchant-side idempotency for Django: a middleware for the whole site, or a decorator for one view.

Middleware (``settings.MIDDLEWARE``, after ``AuthenticationMiddleware`` so the default scope sees the user)::

    MIDDLEWARE = [..., "molam_sdk_ext.idempotency.django.IdempotencyMiddleware"]
    MOLAM_IDEMPOTENCY = {"store": "redis://cache:6379/0", "paths": ["/checkout"]}   # store: URL or store object

``store`` defaults to ``$MOLAM_STORE_URL``; the other keys are the options of `MerchantIdempotency`
(``methods``, ``paths``, ``require_key``, ``wait``) and ``scope`` (a function of the request). Or per view::

    @idempotent(store)
    def checkout(request): ...

Guarded requests run once per ``Idempotency-Key`` (see `molam_sdk_ext.idempotency.merchant`); a repeat or a
concurrent twin gets the same status, headers and body. The default scope is the authenticated user's
primary key, else a hash of the ``Authorization`` header.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.idempotency.guard import IdempotencyConflictError, IdempotencyGuard, WaitPolicy
from molam_sdk_ext.idempotency.merchant import (
    DEFAULT_METHODS,
    MerchantIdempotency,
    Passthrough,
    Reject,
    classify,
    default_scope,
    guard_target,
    refusal_response,
    replayed,
    stored_response,
)
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.stores.idempotency_records import IdempotencyStore, StoredResponse

__all__ = ["IdempotencyMiddleware", "idempotent"]

View = TypeVar("View", bound=Callable[..., HttpResponseBase])
Scope = Callable[[HttpRequest], str]

_log = get_logger()


def user_scope(request: HttpRequest) -> str:
    """The default scope: ``user:<pk>`` for an authenticated user, else a hash of ``Authorization``."""
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        return f"user:{user.pk}"
    return default_scope(request.headers.get("Authorization"))


def _to_django(response: StoredResponse) -> HttpResponse:
    out = HttpResponse(response.body, status=response.status)
    for name, value in response.headers:
        out[name] = value
    return out


def _buffered(response: HttpResponseBase) -> tuple[HttpResponseBase, bytes]:
    """The response (rebuilt in memory if it was streaming) and its body."""
    if isinstance(response, HttpResponse):
        return response, response.content
    content = b"".join(getattr(response, "streaming_content", ()))
    rebuilt = HttpResponse(content, status=response.status_code)
    for name, value in response.items():
        rebuilt[name] = value
    rebuilt.cookies = response.cookies
    return rebuilt, content


class _Handler:
    """The per-request flow shared by the middleware and the decorator."""

    def __init__(
        self, store: IdempotencyStore | str, options: MerchantIdempotency, scope: Scope | None
    ) -> None:
        if isinstance(store, str):
            from molam_sdk_ext.stores import idempotency_store_from_url

            store = idempotency_store_from_url(store)
        self.options = options
        self.guard = IdempotencyGuard(store, wait=options.wait)
        self.scope = scope or user_scope

    def __call__(self, request: HttpRequest, call: Callable[[], HttpResponseBase]) -> HttpResponseBase:
        method = request.method or "GET"
        decision = classify(self.options, method, request.path, request.headers.get(self.options.header))
        if isinstance(decision, Passthrough):
            return call()
        if isinstance(decision, Reject):
            return _to_django(decision.response)
        body = request.body
        target = guard_target(decision, self.scope(request), method, request.get_full_path(), body)
        original: list[HttpResponseBase] = []

        def action() -> StoredResponse:
            response, content = _buffered(call())
            original.append(response)
            return stored_response(response.status_code, list(response.items()), content)

        try:
            result = self.guard.run(target.store_key, target.fingerprint, action)
        except IdempotencyConflictError as exc:
            return _to_django(refusal_response(exc))
        except StoreError as exc:
            _log.error("molam idempotency: store unavailable, request refused (%s)", exc)
            return _to_django(refusal_response(exc))
        if result.replayed:
            return _to_django(replayed(result.response))
        return original[0] if original else _to_django(result.response)


class IdempotencyMiddleware:
    """Django middleware guarding requests per ``settings.MOLAM_IDEMPOTENCY`` (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        conf: dict[str, Any] = dict(getattr(settings, "MOLAM_IDEMPOTENCY", {}))
        store = conf.pop("store", None) or os.environ.get("MOLAM_STORE_URL")
        if not store:
            raise ImproperlyConfigured(
                "IdempotencyMiddleware needs a store: MOLAM_IDEMPOTENCY = {'store': 'redis://...'} in the "
                "settings, or MOLAM_STORE_URL in the environment"
            )
        scope = conf.pop("scope", None)
        self.handler = _Handler(store, MerchantIdempotency(**conf), scope)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        """Handle one request."""
        return self.handler(request, lambda: self.get_response(request))


def idempotent(
    store: IdempotencyStore | str,
    *,
    methods: Iterable[str] = DEFAULT_METHODS,
    require_key: bool = False,
    wait: WaitPolicy | float = 5.0,
    scope: Scope | None = None,
) -> Callable[[View], View]:
    """A view decorator running the view once per ``Idempotency-Key`` (see the module docstring)."""
    handler = _Handler(store, MerchantIdempotency(methods=methods, require_key=require_key, wait=wait), scope)

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            return handler(request, lambda: view(request, *args, **kwargs))

        return wrapper  # type: ignore[return-value]

    return decorate
