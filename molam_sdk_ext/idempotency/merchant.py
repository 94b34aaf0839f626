"""Idempotency for the merchant's own HTTP endpoints: the decisions every framework adapter shares.

The SDK's guarantee, one hop up: a storefront sends ``Idempotency-Key`` with its "Pay" request, and the
merchant's endpoint (FastAPI/Starlette, Django or Flask, see ``adapters``) runs once per key, whatever the
double clicks, browser retries and concurrent twins. Per request:

1. `classify`: is the request guarded? Only methods in ``methods`` (POST and PATCH by default) under the
   ``paths`` prefixes (all by default) that carry the key header; without the header the request passes
   through, or is refused with 400 when ``require_key``. A key must be 1..255 printable ASCII characters.
2. `guard_target`: the store key (the key within its ``scope``: by default a hash of the ``Authorization``
   header, so two clients can never see each other's responses; pass your own scope, such as the user id,
   for cookie sessions) and the request fingerprint (method, path with query, body; JSON bodies canonical).
3. `IdempotencyGuard` / `AsyncIdempotencyGuard` run the handler at most once; its response is stored
   (`stored_response`: without hop-by-hop headers, ``Set-Cookie`` or ``Date``) unless it is a 5xx, 408, 409,
   425 or 429. A repeat gets the stored response with ``Idempotent-Replayed: true``; a twin arriving while
   the first runs waits for it (``wait``, default up to 5 s) and gets the same response.
4. Refusals (`refusal_response`) use the API's error shape ``{"error": {"type": "idempotency_error", ...}}``:
   the key reused with a different request -> 409 ``idempotency_key_reused``; a twin still running after the
   wait -> 409 ``idempotency_key_in_use`` with ``Retry-After`` and ``Molam-Should-Retry: true``; the store
   unreachable -> 503 ``idempotency_store_unavailable`` (the handler is not run: never a silent duplicate).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.idempotency.guard import (
    IdempotencyConflictError,
    IdempotencyGuard,
    IdempotencyKeyInUseError,
    IdempotencyKeyReusedError,
    WaitPolicy,
)
from molam_sdk_ext.idempotency.keys import MAX_KEY_LENGTH
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.stores.idempotency_records import IdempotencyStore, StoredResponse, fingerprint_request

if TYPE_CHECKING:
    from molam_sdk_ext.idempotency.guard import AsyncIdempotencyGuard, GuardResult

__all__ = [
    "DEFAULT_METHODS",
    "IDEMPOTENCY_HEADER",
    "REPLAYED_HEADER",
    "GuardTarget",
    "MerchantIdempotency",
    "Passthrough",
    "Reject",
    "answer",
    "arun_guarded",
    "classify",
    "default_scope",
    "guard_target",
    "refusal_response",
    "replayed",
    "run_guarded",
    "stored_response",
    "sync_guard",
]

IDEMPOTENCY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
DEFAULT_METHODS = frozenset({"POST", "PATCH"})
STORE_KEY_PREFIX = "http:"

_log = get_logger()

# Headers that belong to one exchange, not to the response replayed to a twin.
_NOT_STORED = frozenset(
    {
        "connection",
        "content-length",
        "date",
        "keep-alive",
        "proxy-connection",
        "server",
        "set-cookie",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        REPLAYED_HEADER.lower(),
    }
)


def _methods(value: Iterable[str]) -> frozenset[str]:
    return frozenset(m.upper() for m in value)


def _paths(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def _wait(value: WaitPolicy | float) -> WaitPolicy:
    return value if isinstance(value, WaitPolicy) else WaitPolicy(timeout=float(value))


@attrs.frozen
class MerchantIdempotency:
    """Which requests are guarded and how: `methods`, `paths` (prefixes; None: every path), `require_key`
    (400 without the header), `header`, and `wait` (a `WaitPolicy` or its timeout in seconds)."""

    methods: frozenset[str] = attrs.field(default=DEFAULT_METHODS, converter=_methods)
    paths: tuple[str, ...] | None = attrs.field(default=None, converter=_paths)
    require_key: bool = False
    header: str = IDEMPOTENCY_HEADER
    wait: WaitPolicy = attrs.field(factory=WaitPolicy, converter=_wait)


@attrs.frozen
class Passthrough:
    """Not guarded: hand the request to the handler as is."""


@attrs.frozen
class Reject:
    """Refused before the handler runs: answer `response`."""

    response: StoredResponse


@attrs.frozen
class GuardTarget:
    """A guarded request: its `store_key` and `fingerprint`, for the guard."""

    key: str
    store_key: str
    fingerprint: str


_PASS = Passthrough()


def _error(status: int, code: str, message: str, headers: tuple[tuple[str, str], ...] = ()) -> StoredResponse:
    error = {"type": "idempotency_error", "code": code, "message": message, "param": IDEMPOTENCY_HEADER}
    body = json.dumps({"error": error}, separators=(",", ":")).encode("utf-8")
    return StoredResponse(status, (("Content-Type", "application/json"), *headers), body)


def _key_problem(key: str) -> str | None:
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        return f"{IDEMPOTENCY_HEADER} must be between 1 and {MAX_KEY_LENGTH} characters."
    if not all(" " < c <= "~" for c in key):
        return f"{IDEMPOTENCY_HEADER} must be printable ASCII without spaces."
    return None


def classify(
    options: MerchantIdempotency, method: str, path: str, key: str | None
) -> Passthrough | Reject | str:
    """Whether a request is guarded: `Passthrough`, `Reject` (missing or invalid key), or its key."""
    if method.upper() not in options.methods:
        return _PASS
    if options.paths is not None and not any(path.startswith(p) for p in options.paths):
        return _PASS
    if key is None:
        if options.require_key:
            message = f"This endpoint needs an {IDEMPOTENCY_HEADER} header (a unique value per operation)."
            return Reject(_error(400, "idempotency_key_missing", message))
        return _PASS
    problem = _key_problem(key)
    if problem is not None:
        return Reject(_error(400, "idempotency_key_invalid", problem))
    return key


def default_scope(authorization: str | None) -> str:
    """The default scope of a key: a hash of the ``Authorization`` header (empty without one)."""
    if not authorization:
        return ""
    return hashlib.sha256(authorization.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def guard_target(key: str, scope: str, method: str, target: str, body: bytes) -> GuardTarget:
    """The store key (the key within `scope`) and fingerprint of a guarded request."""
    scope_part = hashlib.sha256(scope.encode("utf-8", "surrogateescape")).hexdigest()[:16] if scope else "-"
    return GuardTarget(
        key, f"{STORE_KEY_PREFIX}{scope_part}:{key}", fingerprint_request(method, target, body)
    )


def stored_response(status: int, headers: Iterable[tuple[str, str]], body: bytes) -> StoredResponse:
    """A handler's response as kept for replay (without the headers of one exchange)."""
    kept = tuple((name, value) for name, value in headers if name.lower() not in _NOT_STORED)
    return StoredResponse(status, kept, body)


def replayed(response: StoredResponse) -> StoredResponse:
    """A stored response as sent to a repeat: marked ``Idempotent-Replayed: true``."""
    return attrs.evolve(response, headers=(*response.headers, (REPLAYED_HEADER, "true")))


def refusal_response(error: IdempotencyConflictError | StoreError) -> StoredResponse:
    """The answer for a refusal by the guard (see the module docstring)."""
    if isinstance(error, IdempotencyKeyReusedError):
        return _error(
            409,
            "idempotency_key_reused",
            f"This {IDEMPOTENCY_HEADER} was already used with a different request (method, path or body). "
            "Use a new key for a new request.",
        )
    if isinstance(error, IdempotencyKeyInUseError):
        retry_after = str(max(1, round(error.retry_after)))
        return _error(
            409,
            "idempotency_key_in_use",
            f"A request with this {IDEMPOTENCY_HEADER} is still being processed. Retry shortly.",
            (("Retry-After", retry_after), ("Molam-Should-Retry", "true")),
        )
    return StoredResponse(
        503,
        (("Content-Type", "application/json"), ("Retry-After", "1"), ("Molam-Should-Retry", "true")),
        json.dumps(
            {
                "error": {
                    "type": "api_error",
                    "code": "idempotency_store_unavailable",
                    "message": "The request could not be checked for duplicates, so it was not processed. "
                    "Retry shortly.",
                    "param": None,
                }
            },
            separators=(",", ":"),
        ).encode("utf-8"),
    )


def answer(outcome: GuardResult | IdempotencyConflictError | StoreError) -> StoredResponse | None:
    """What to send once the guard is done with a request, instead of what the handler made: the refusal (a
    store failure is logged too), or the stored response replayed; None when the handler ran for this very
    request (send the response it made, ``Set-Cookie`` and all)."""
    if isinstance(outcome, StoreError):
        _log.error("molam idempotency: store unavailable, request refused (%s)", outcome)
        return refusal_response(outcome)
    if isinstance(outcome, IdempotencyConflictError):
        return refusal_response(outcome)
    return replayed(outcome.response) if outcome.replayed else None


def run_guarded(
    guard: IdempotencyGuard, target: GuardTarget, action: Callable[[], StoredResponse]
) -> StoredResponse | None:
    """Run the handler (`action`) under `guard` and return its `answer` (the Django and Flask adapters)."""
    try:
        return answer(guard.run(target.store_key, target.fingerprint, action))
    except (IdempotencyConflictError, StoreError) as exc:
        return answer(exc)


async def arun_guarded(
    guard: AsyncIdempotencyGuard, target: GuardTarget, action: Callable[[], Awaitable[StoredResponse]]
) -> StoredResponse | None:
    """The async `run_guarded` (the ASGI middleware)."""
    try:
        return answer(await guard.run(target.store_key, target.fingerprint, action))
    except (IdempotencyConflictError, StoreError) as exc:
        return answer(exc)


def sync_guard(store: IdempotencyStore | str, options: MerchantIdempotency) -> IdempotencyGuard:
    """A sync adapter's guard: over `store` (or the store at that URL), waiting for twins as `options` say."""
    if isinstance(store, str):
        from molam_sdk_ext.stores import idempotency_store_from_url

        store = idempotency_store_from_url(store)
    return IdempotencyGuard(store, wait=options.wait)
