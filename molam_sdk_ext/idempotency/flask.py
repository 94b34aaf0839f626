"""Merchant-side idempotency for Flask: a view decorator.

::

    from molam_sdk_ext.idempotency.flask import idempotent

    @app.post("/checkout")
    @idempotent("redis://cache:6379/0")        # a store URL or an IdempotencyStore
    def checkout(): ...

The view runs once per ``Idempotency-Key`` (see `molam_sdk_ext.idempotency.merchant`): a repeat or a
concurrent twin gets the same status, headers and body. `scope(request) -> str` names whose keys these are
(default: a hash of the ``Authorization`` header; for cookie sessions pass e.g. the user id).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import flask

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

__all__ = ["idempotent"]

F = TypeVar("F", bound=Callable[..., Any])
Scope = Callable[[flask.Request], str]

_log = get_logger()


def _to_flask(response: StoredResponse) -> flask.Response:
    return flask.Response(response.body, status=response.status, headers=list(response.headers))


def idempotent(
    store: IdempotencyStore | str,
    *,
    methods: Iterable[str] = DEFAULT_METHODS,
    require_key: bool = False,
    wait: WaitPolicy | float = 5.0,
    scope: Scope | None = None,
) -> Callable[[F], F]:
    """A view decorator running the view once per ``Idempotency-Key`` (see the module docstring)."""
    if isinstance(store, str):
        from molam_sdk_ext.stores import idempotency_store_from_url

        store = idempotency_store_from_url(store)
    options = MerchantIdempotency(methods=methods, require_key=require_key, wait=wait)
    guard = IdempotencyGuard(store, wait=options.wait)
    scope_of = scope or (lambda request: default_scope(request.headers.get("Authorization")))

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            request = flask.request
            decision = classify(options, request.method, request.path, request.headers.get(options.header))
            if isinstance(decision, Passthrough):
                return view(*args, **kwargs)
            if isinstance(decision, Reject):
                return _to_flask(decision.response)
            body = request.get_data(cache=True)
            query = request.query_string.decode("latin-1")
            target_path = request.path + (f"?{query}" if query else "")
            target = guard_target(decision, scope_of(request), request.method, target_path, body)
            original: list[flask.Response] = []

            def action() -> StoredResponse:
                response = flask.make_response(view(*args, **kwargs))
                original.append(response)
                return stored_response(
                    response.status_code, list(response.headers.items()), response.get_data()
                )

            try:
                result = guard.run(target.store_key, target.fingerprint, action)
            except IdempotencyConflictError as exc:
                return _to_flask(refusal_response(exc))
            except StoreError as exc:
                _log.error("molam idempotency: store unavailable, request refused (%s)", exc)
                return _to_flask(refusal_response(exc))
            if result.replayed:
                return _to_flask(replayed(result.response))
            return original[0] if original else _to_flask(result.response)

        return wrapper  # type: ignore[return-value]

    return decorate
