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

from molam_sdk_ext.idempotency import merchant
from molam_sdk_ext.idempotency.guard import WaitPolicy
from molam_sdk_ext.stores.idempotency_records import IdempotencyStore, StoredResponse

__all__ = ["idempotent"]

F = TypeVar("F", bound=Callable[..., Any])
Scope = Callable[[flask.Request], str]


def _to_flask(response: StoredResponse) -> flask.Response:
    return flask.Response(response.body, status=response.status, headers=list(response.headers))


def idempotent(
    store: IdempotencyStore | str,
    *,
    methods: Iterable[str] = merchant.DEFAULT_METHODS,
    require_key: bool = False,
    wait: WaitPolicy | float = 5.0,
    scope: Scope | None = None,
) -> Callable[[F], F]:
    """A view decorator running the view once per ``Idempotency-Key`` (see the module docstring)."""
    options = merchant.MerchantIdempotency(methods=methods, require_key=require_key, wait=wait)
    guard = merchant.sync_guard(store, options)
    scope_of = scope or (lambda request: merchant.default_scope(request.headers.get("Authorization")))

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            request = flask.request
            key = request.headers.get(options.header)
            decision = merchant.classify(options, request.method, request.path, key)
            if isinstance(decision, merchant.Passthrough):
                return view(*args, **kwargs)
            if isinstance(decision, merchant.Reject):
                return _to_flask(decision.response)
            body = request.get_data(cache=True)
            query = request.query_string.decode("latin-1")
            target_path = request.path + (f"?{query}" if query else "")
            target = merchant.guard_target(decision, scope_of(request), request.method, target_path, body)
            original: list[flask.Response] = []

            def action() -> StoredResponse:
                response = flask.make_response(view(*args, **kwargs))
                original.append(response)
                return merchant.stored_response(
                    response.status_code, list(response.headers.items()), response.get_data()
                )

            answer = merchant.run_guarded(guard, target, action)
            return original[0] if answer is None else _to_flask(answer)

        return wrapper  # type: ignore[return-value]

    return decorate
