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

from molam_sdk_ext.idempotency import merchant
from molam_sdk_ext.idempotency.guard import WaitPolicy
from molam_sdk_ext.stores.idempotency_records import IdempotencyStore, StoredResponse

__all__ = ["IdempotencyMiddleware", "idempotent"]

View = TypeVar("View", bound=Callable[..., HttpResponseBase])
Scope = Callable[[HttpRequest], str]


def user_scope(request: HttpRequest) -> str:
    """The default scope: ``user:<pk>`` for an authenticated user, else a hash of ``Authorization``."""
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        return f"user:{user.pk}"
    return merchant.default_scope(request.headers.get("Authorization"))


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
        self, store: IdempotencyStore | str, options: merchant.MerchantIdempotency, scope: Scope | None
    ) -> None:
        self.options = options
        self.guard = merchant.sync_guard(store, options)
        self.scope = scope or user_scope

    def __call__(self, request: HttpRequest, call: Callable[[], HttpResponseBase]) -> HttpResponseBase:
        method = request.method or "GET"
        decision = merchant.classify(
            self.options, method, request.path, request.headers.get(self.options.header)
        )
        if isinstance(decision, merchant.Passthrough):
            return call()
        if isinstance(decision, merchant.Reject):
            return _to_django(decision.response)
        body = request.body
        target = merchant.guard_target(decision, self.scope(request), method, request.get_full_path(), body)
        original: list[HttpResponseBase] = []

        def action() -> StoredResponse:
            response, content = _buffered(call())
            original.append(response)
            return merchant.stored_response(response.status_code, list(response.items()), content)

        answer = merchant.run_guarded(self.guard, target, action)
        return original[0] if answer is None else _to_django(answer)


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
        self.handler = _Handler(store, merchant.MerchantIdempotency(**conf), scope)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        """Handle one request."""
        return self.handler(request, lambda: self.get_response(request))


def idempotent(
    store: IdempotencyStore | str,
    *,
    methods: Iterable[str] = merchant.DEFAULT_METHODS,
    require_key: bool = False,
    wait: WaitPolicy | float = 5.0,
    scope: Scope | None = None,
) -> Callable[[View], View]:
    """A view decorator running the view once per ``Idempotency-Key`` (see the module docstring)."""
    options = merchant.MerchantIdempotency(methods=methods, require_key=require_key, wait=wait)
    handler = _Handler(store, options, scope)

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            return handler(request, lambda: view(request, *args, **kwargs))

        return wrapper  # type: ignore[return-value]

    return decorate
