"""The sandbox ASGI app: every operation of spec/molam.yaml on Starlette, plus sandbox-only routes.

`Sandbox` holds what a running server shares (database, idempotency store, fault injector, settings,
webhook dispatcher); `Sandbox.asgi()` is the app uvicorn serves: `SandboxMiddleware` (request id, faults,
auth, idempotency, error bodies) around a Starlette router. A background task (in the app's lifespan) runs
due transitions and webhook deliveries.

Sandbox-only routes (not in the spec) live under ``/_sandbox/``: ``GET /_sandbox/health``,
``POST /_sandbox/events/trigger``, ``POST /_sandbox/payment_intents/{id}/complete_action``,
``POST /_sandbox/payouts/{id}/advance``, ``POST /_sandbox/merchants/onboarding/{id}/advance`` and
``POST /_sandbox/wallets``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from molam_sandbox import onboarding, payments, payouts, triggers, wallets, webhook_endpoints
from molam_sandbox.delivery import WebhookDispatcher
from molam_sandbox.errors import SandboxError, error_bytes, invalid_param
from molam_sandbox.faults import FaultConfig, FaultInjector, FaultKind
from molam_sandbox.idempotency import SandboxIdempotency
from molam_sandbox.middleware import ASGIApp, SandboxMiddleware
from molam_sandbox.settings import Env, SandboxSettings
from molam_sandbox.state import Database, Filter, Tx
from molam_sandbox.timers import run_due_timers
from molam_sandbox.validation import (
    check_currency,
    parse_body,
    parse_list_query,
    query_enum,
    query_int,
    query_str,
)
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.stores.idempotency_records import StoredResponse

__all__ = ["Sandbox", "create_app", "error_response", "json_response", "stored_response"]

logger = get_logger("molam.sandbox")  # redacting, like every SDK logger

Doc = dict[str, Any]
Handler = Callable[[Request], Awaitable[Response]]

_PI_STATUSES = (
    "requires_payment_method",
    "requires_confirmation",
    "requires_action",
    "processing",
    "requires_capture",
    "succeeded",
    "canceled",
    "failed",
)
_PAYOUT_STATUSES = ("pending", "in_transit", "paid", "failed", "canceled")
_PREFIXES = {
    "payment_intents": ("pi_", "payment_intent"),
    "charges": ("ch_", "charge"),
    "refunds": ("re_", "refund"),
    "wallets": ("wal_", "wallet"),
    "transfers": ("tr_", "transfer"),
    "payouts": ("po_", "payout"),
    "merchant_onboardings": ("mo_", "merchant_onboarding"),
    "events": ("evt_", "event"),
    "webhook_endpoints": ("we_", "webhook_endpoint"),
}


def json_response(doc: Doc, status: int = 200) -> Response:
    """A compact JSON response."""
    body = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json")


class Sandbox:
    """A sandbox server's shared state and its ASGI app."""

    def __init__(
        self,
        *,
        db: Database,
        faults: FaultConfig | None = None,
        settings: SandboxSettings | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.faults = FaultInjector(faults or FaultConfig())
        self.settings = settings or SandboxSettings()
        self.clock = clock
        self.idempotency = SandboxIdempotency(
            db, lock_timeout=self.settings.idempotency_lock_timeout, clock=clock
        )
        self._seeded: set[str] = set()
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        db.on_events(self._on_events)

    # -- plumbing -----------------------------------------------------------------------------------------

    def env(self) -> Env:
        """The time and settings for one operation."""
        return Env(self.clock(), self.settings)

    def _on_events(self) -> None:
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    def _prepare(self, account: str, env: Env) -> None:
        """Seed a new account and run its due transitions, so a read sees every change that is due."""
        if account not in self._seeded:
            with self.db.transaction() as tx:
                wallets.seed_account(tx, account, env)
            self._seeded.add(account)
        run_due_timers(self.db, env, account)

    def write(self, request: Request, operation: Callable[[Tx, str, Env], Doc]) -> Response:
        """Run `operation` in a transaction for the request's account; raise its deferred error after commit.

        The request's idempotency record (if it holds a claim) is completed with the response in the same
        transaction as the objects the operation wrote, so a crash can never separate them.
        """
        _check_version(request)
        account: str = request.state.account
        env = self.env()
        self._prepare(account, env)
        with self.db.transaction() as tx:
            doc = operation(tx, account, env)
            deferred = tx.deferred_error
            if isinstance(deferred, SandboxError):
                response = error_response(deferred, request.state.request_id)
            elif deferred is None:
                response = json_response(doc)
            else:  # not an API error: nothing to store; the middleware answers 500 and releases the claim
                raise deferred
            claim = getattr(request.state, "idempotency_claim", None)
            if claim is not None:
                self.idempotency.complete_in(tx, claim, stored_response(response, request.state.request_id))
                request.state.idempotency_stored = True
        if getattr(request.state, "fault", None) is FaultKind.CRASH_AFTER_COMMIT:
            logger.warning("fault crash_after_commit: killing the sandbox process now")
            os.kill(os.getpid(), signal.SIGKILL)
        return response

    def read(self, request: Request, operation: Callable[[Tx, str], Doc]) -> Response:
        """Run a read-only `operation` for the request's account."""
        _check_version(request)
        account: str = request.state.account
        self._prepare(account, self.env())
        with self.db.read() as tx:
            return json_response(operation(tx, account))

    async def _background(self) -> None:
        dispatcher = WebhookDispatcher(self.db, self.settings, clock=self.clock)
        assert self._wake is not None
        try:
            while True:
                try:
                    run_due_timers(self.db, self.env())
                    await dispatcher.dispatch_due()
                except Exception:
                    logger.exception("sandbox background work failed")
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self.settings.tick_interval)
        finally:
            await dispatcher.aclose()

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        """Start the background worker for the life of the server."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        task = asyncio.create_task(self._background())
        logger.info("sandbox ready db=%s", self.db.path or ":memory:")
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def asgi(self) -> ASGIApp:
        """The ASGI app to serve."""
        app = Starlette(
            routes=_routes(self),
            exception_handlers={SandboxError: _sandbox_error, HTTPException: _http_error},
            lifespan=self.lifespan,
        )
        return SandboxMiddleware(app, faults=self.faults, idempotency=self.idempotency)


def create_app(
    *,
    db_path: str | None = None,
    faults: FaultConfig | None = None,
    settings: SandboxSettings | None = None,
) -> ASGIApp:
    """Build a sandbox app on a SQLite file (`db_path`) or in memory (None)."""
    return Sandbox(db=Database(db_path), faults=faults, settings=settings).asgi()


# -- error handlers ----------------------------------------------------------------------------------------


def error_response(error: SandboxError, request_id: str | None) -> Response:
    """The documented error body of `error`, with its status and headers."""
    body = error_bytes(error, request_id)
    return Response(body, status_code=error.status, media_type="application/json", headers=error.headers)


def stored_response(response: Response, request_id: str) -> StoredResponse:
    """What a replay of `response` sends: its status, headers (with the original request id) and body."""
    headers = [
        (k.decode("latin-1"), v.decode("latin-1"))
        for k, v in response.raw_headers
        if k.lower() not in (b"content-length", b"molam-request-id")
    ]
    headers.append(("Molam-Request-Id", request_id))
    return StoredResponse(response.status_code, tuple(headers), bytes(response.body))


async def _sandbox_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SandboxError)
    return error_response(exc, getattr(request.state, "request_id", None))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        error = SandboxError(
            405,
            "invalid_request_error",
            "method_not_allowed",
            f"{request.method} is not allowed on {request.url.path}.",
        )
        # Starlette names only the first route of the path; list every method the path has.
        allowed: set[str] = set()
        for route in request.app.router.routes:
            if isinstance(route, Route) and route.path_regex.match(request.url.path):
                allowed |= route.methods or set()
        error.headers["Allow"] = ", ".join(sorted(allowed))
    elif exc.status_code == 404:
        error = SandboxError(
            404, "not_found_error", "route_not_found", f"Unrecognized request URL ({request.url.path})."
        )
    else:
        error = SandboxError(exc.status_code, "invalid_request_error", "http_error", str(exc.detail))
    return await _sandbox_error(request, error)


# -- handler helpers ---------------------------------------------------------------------------------------

_VERSION = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _check_version(request: Request) -> None:
    """``Molam-Version``, when sent, must look like an API version (a date)."""
    version = request.headers.get("molam-version")
    if version is not None and _VERSION.fullmatch(version) is None:
        raise invalid_param("Molam-Version", "Molam-Version must be an API version date such as 2025-01-15.")


def _path_id(request: Request, table: str) -> str:
    """The ``{id}`` path parameter; an id of the wrong kind is simply not found."""
    object_id = str(request.path_params["id"])
    prefix, kind = _PREFIXES[table]
    if not object_id.startswith(prefix) or not object_id[len(prefix) :].isalnum():
        raise SandboxError(
            404, "not_found_error", "resource_missing", f"No such {kind}: '{object_id}'", param="id"
        )
    return object_id


async def _body(request: Request, model: str) -> Doc:
    return parse_body(await request.body(), model)


def _retrieve(sandbox: Sandbox, table: str) -> Handler:
    kind = _PREFIXES[table][1]

    async def handler(request: Request) -> Response:
        object_id = _path_id(request, table)
        return sandbox.read(request, lambda tx, account: tx.require(table, account, object_id, kind).doc)

    return handler


def _list(sandbox: Sandbox, table: str, filters: Callable[[Request], list[Filter]] | None = None) -> Handler:
    async def handler(request: Request) -> Response:
        query = parse_list_query(request.query_params)
        wanted = filters(request) if filters is not None else []

        def page(tx: Tx, account: str) -> Doc:
            body = tx.page(
                table, account, limit=query.limit, starting_after=query.starting_after, filters=wanted
            ).body()
            body["url"] = request.url.path
            return body

        return sandbox.read(request, page)

    return handler


def _payment_intent_filters(request: Request) -> list[Filter]:
    q = request.query_params
    out: list[Filter] = []
    customer = query_str(q, "customer_id")
    if customer is not None:
        out.append(Filter("customer_id", "=", customer))
    status = query_enum(q, "status", _PI_STATUSES)
    if status is not None:
        out.append(Filter("status", "=", status))
    gte = query_int(q, "created_gte", minimum=0)
    if gte is not None:
        out.append(Filter("created", ">=", gte))
    lte = query_int(q, "created_lte", minimum=0)
    if lte is not None:
        out.append(Filter("created", "<=", lte))
    return out


def _by_payment_intent(request: Request) -> list[Filter]:
    pi = query_str(request.query_params, "payment_intent", pattern=r"pi_[A-Za-z0-9]+")
    return [] if pi is None else [Filter("payment_intent", "=", pi)]


def _by_wallet(request: Request) -> list[Filter]:
    wallet = query_str(request.query_params, "wallet", pattern=r"wal_[A-Za-z0-9]+")
    return [] if wallet is None else [Filter("from_wallet|to_wallet", "=", wallet)]


def _by_payout_status(request: Request) -> list[Filter]:
    status = query_enum(request.query_params, "status", _PAYOUT_STATUSES)
    return [] if status is None else [Filter("status", "=", status)]


def _by_event_type(request: Request) -> list[Filter]:
    event_type = query_str(request.query_params, "type", max_length=100)
    return [] if event_type is None else [Filter("type", "=", event_type)]


async def _sandbox_json(request: Request) -> Doc:
    """The body of a sandbox-only route: a JSON object, possibly empty."""
    raw = (await request.body()).strip()
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise SandboxError(
            400, "invalid_request_error", "invalid_json", "The request body is not valid JSON."
        ) from None
    if not isinstance(data, dict):
        raise SandboxError(
            400, "invalid_request_error", "invalid_json", "The request body must be a JSON object."
        )
    return data


def _optional_choice(data: Doc, name: str, allowed: tuple[str, ...]) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if value not in allowed:
        raise invalid_param(name, f"'{name}' must be one of {', '.join(allowed)}.")
    return str(value)


# -- routes ------------------------------------------------------------------------------------------------


def _routes(sb: Sandbox) -> list[Route]:
    # Payment intents
    async def create_payment_intent(request: Request) -> Response:
        p = await _body(request, "CreatePaymentIntentRequest")
        return sb.write(request, lambda tx, a, env: payments.create_payment_intent(tx, a, p, env))

    async def update_payment_intent(request: Request) -> Response:
        pi_id = _path_id(request, "payment_intents")
        p = await _body(request, "UpdatePaymentIntentRequest")
        return sb.write(request, lambda tx, a, env: payments.update_payment_intent(tx, a, pi_id, p, env))

    async def confirm_payment_intent(request: Request) -> Response:
        pi_id = _path_id(request, "payment_intents")
        p = await _body(request, "ConfirmPaymentIntentRequest")
        return sb.write(request, lambda tx, a, env: payments.confirm_payment_intent(tx, a, pi_id, p, env))

    async def capture_payment_intent(request: Request) -> Response:
        pi_id = _path_id(request, "payment_intents")
        p = await _body(request, "CapturePaymentIntentRequest")
        return sb.write(request, lambda tx, a, env: payments.capture_payment_intent(tx, a, pi_id, p, env))

    async def cancel_payment_intent(request: Request) -> Response:
        pi_id = _path_id(request, "payment_intents")
        p = await _body(request, "CancelPaymentIntentRequest")
        return sb.write(request, lambda tx, a, env: payments.cancel_payment_intent(tx, a, pi_id, p, env))

    # Charges and refunds
    async def refund_charge(request: Request) -> Response:
        charge_id = _path_id(request, "charges")
        p = await _body(request, "RefundChargeRequest")
        return sb.write(request, lambda tx, a, env: payments.refund_charge(tx, a, charge_id, p, env))

    async def create_refund(request: Request) -> Response:
        p = await _body(request, "CreateRefundRequest")
        return sb.write(request, lambda tx, a, env: payments.create_refund(tx, a, p, env))

    # Wallets and transfers
    async def wallet_balance(request: Request) -> Response:
        wallet_id = _path_id(request, "wallets")
        return sb.read(request, lambda tx, a: wallets.wallet_balance(tx, a, wallet_id))

    async def create_transfer(request: Request) -> Response:
        p = await _body(request, "CreateTransferRequest")
        return sb.write(request, lambda tx, a, env: wallets.create_transfer(tx, a, p, env))

    # Payouts and balances
    async def create_payout(request: Request) -> Response:
        p = await _body(request, "CreatePayoutRequest")
        return sb.write(request, lambda tx, a, env: payouts.create_payout(tx, a, p, env))

    async def cancel_payout(request: Request) -> Response:
        payout_id = _path_id(request, "payouts")
        return sb.write(request, lambda tx, a, env: payouts.cancel_payout(tx, a, payout_id, env))

    async def retrieve_balance(request: Request) -> Response:
        return sb.read(request, payouts.retrieve_balance)

    # Merchant onboarding
    async def create_onboarding(request: Request) -> Response:
        p = await _body(request, "CreateMerchantOnboardingRequest")
        return sb.write(request, lambda tx, a, env: onboarding.create_onboarding(tx, a, p, env))

    # Webhook endpoints
    async def create_endpoint(request: Request) -> Response:
        p = await _body(request, "CreateWebhookEndpointRequest")
        return sb.write(request, lambda tx, a, env: webhook_endpoints.create_endpoint(tx, a, p, env))

    async def update_endpoint(request: Request) -> Response:
        we_id = _path_id(request, "webhook_endpoints")
        p = await _body(request, "UpdateWebhookEndpointRequest")
        return sb.write(request, lambda tx, a, env: webhook_endpoints.update_endpoint(tx, a, we_id, p, env))

    async def delete_endpoint(request: Request) -> Response:
        we_id = _path_id(request, "webhook_endpoints")
        return sb.write(request, lambda tx, a, env: webhook_endpoints.delete_endpoint(tx, a, we_id))

    async def rotate_secret(request: Request) -> Response:
        we_id = _path_id(request, "webhook_endpoints")
        p = await _body(request, "RotateWebhookEndpointSecretRequest")
        return sb.write(request, lambda tx, a, env: webhook_endpoints.rotate_secret(tx, a, we_id, p, env))

    async def list_deliveries(request: Request) -> Response:
        we_id = _path_id(request, "webhook_endpoints")
        query = parse_list_query(request.query_params)

        def page(tx: Tx, account: str) -> Doc:
            tx.require("webhook_endpoints", account, we_id, "webhook_endpoint")
            body = tx.page(
                "webhook_deliveries",
                account,
                limit=query.limit,
                starting_after=query.starting_after,
                filters=[Filter("endpoint_id", "=", we_id)],
            ).body()
            body["url"] = request.url.path
            return body

        return sb.read(request, page)

    # Sandbox-only
    async def health(request: Request) -> Response:
        return json_response({"status": "ok", "object": "sandbox_health", "time": int(sb.clock())})

    async def trigger_event(request: Request) -> Response:
        data = await _sandbox_json(request)
        event_type = _optional_choice(data, "type", triggers.TRIGGERABLE)
        if event_type is None:
            raise invalid_param(
                "type", f"Give an event type: one of {', '.join(triggers.TRIGGERABLE)}.", "parameter_missing"
            )
        return sb.write(request, lambda tx, a, env: triggers.trigger(tx, a, event_type, env))

    async def complete_action(request: Request) -> Response:
        pi_id = _path_id(request, "payment_intents")
        outcome = (
            _optional_choice(await _sandbox_json(request), "outcome", ("succeeded", "failed")) or "succeeded"
        )
        return sb.write(request, lambda tx, a, env: payments.complete_action(tx, a, pi_id, outcome, env))

    async def advance_payout(request: Request) -> Response:
        payout_id = _path_id(request, "payouts")
        target = _optional_choice(await _sandbox_json(request), "status", ("in_transit", "paid", "failed"))
        return sb.write(request, lambda tx, a, env: payouts.advance_payout(tx, a, payout_id, target, env))

    async def advance_onboarding(request: Request) -> Response:
        mo_id = _path_id(request, "merchant_onboardings")
        target = _optional_choice(
            await _sandbox_json(request), "status", ("in_review", "approved", "rejected")
        )
        return sb.write(request, lambda tx, a, env: onboarding.advance_onboarding(tx, a, mo_id, target, env))

    async def create_funded_wallet(request: Request) -> Response:
        data = await _sandbox_json(request)
        balances = data.get("balances", {"XOF": 0})
        if (
            not isinstance(balances, dict)
            or not balances
            or not all(isinstance(c, str) and len(c) == 3 and c.isupper() for c in balances)
            or not all(type(v) is int and 0 <= v <= 10**15 for v in balances.values())
        ):
            raise invalid_param(
                "balances", "balances must map ISO currency codes to amounts (integers >= 0)."
            )
        for currency in balances:
            check_currency(currency, "balances")
        name = data.get("name")
        if name is not None and not isinstance(name, str):
            raise invalid_param("name", "name must be a string.")
        return sb.write(
            request,
            lambda tx, a, env: wallets.create_wallet(
                tx, a, env, name=name, currencies=balances, metadata=None
            ),
        )

    async def browser_page(request: Request) -> Response:
        return json_response(
            {
                "object": "sandbox_page",
                "message": "Local sandbox: there is no customer page to show. Complete the step with the "
                "sandbox API (POST /_sandbox/payment_intents/{id}/complete_action or "
                "POST /_sandbox/merchants/onboarding/{id}/advance).",
            }
        )

    return [
        Route("/v1/connect/payment_intents", create_payment_intent, methods=["POST"]),
        Route(
            "/v1/connect/payment_intents",
            _list(sb, "payment_intents", _payment_intent_filters),
            methods=["GET"],
        ),
        Route("/v1/connect/payment_intents/{id}", _retrieve(sb, "payment_intents"), methods=["GET"]),
        Route("/v1/connect/payment_intents/{id}", update_payment_intent, methods=["POST"]),
        Route("/v1/connect/payment_intents/{id}/confirm", confirm_payment_intent, methods=["POST"]),
        Route("/v1/connect/payment_intents/{id}/capture", capture_payment_intent, methods=["POST"]),
        Route("/v1/connect/payment_intents/{id}/cancel", cancel_payment_intent, methods=["POST"]),
        Route("/v1/connect/charges", _list(sb, "charges", _by_payment_intent), methods=["GET"]),
        Route("/v1/connect/charges/{id}", _retrieve(sb, "charges"), methods=["GET"]),
        Route("/v1/connect/charges/{id}/refund", refund_charge, methods=["POST"]),
        Route("/v1/connect/refunds", create_refund, methods=["POST"]),
        Route("/v1/connect/refunds", _list(sb, "refunds", _by_payment_intent), methods=["GET"]),
        Route("/v1/connect/refunds/{id}", _retrieve(sb, "refunds"), methods=["GET"]),
        Route("/v1/ma/wallets", _list(sb, "wallets"), methods=["GET"]),
        Route("/v1/ma/wallets/{id}", _retrieve(sb, "wallets"), methods=["GET"]),
        Route("/v1/ma/wallets/{id}/balance", wallet_balance, methods=["GET"]),
        Route("/v1/ma/transfers", create_transfer, methods=["POST"]),
        Route("/v1/ma/transfers", _list(sb, "transfers", _by_wallet), methods=["GET"]),
        Route("/v1/ma/transfers/{id}", _retrieve(sb, "transfers"), methods=["GET"]),
        Route("/v1/treasury/payouts", create_payout, methods=["POST"]),
        Route("/v1/treasury/payouts", _list(sb, "payouts", _by_payout_status), methods=["GET"]),
        Route("/v1/treasury/payouts/{id}", _retrieve(sb, "payouts"), methods=["GET"]),
        Route("/v1/treasury/payouts/{id}/cancel", cancel_payout, methods=["POST"]),
        Route("/v1/treasury/balances", retrieve_balance, methods=["GET"]),
        Route("/v1/merchants/onboarding", create_onboarding, methods=["POST"]),
        Route("/v1/merchants/onboarding/{id}", _retrieve(sb, "merchant_onboardings"), methods=["GET"]),
        Route("/v1/events", _list(sb, "events", _by_event_type), methods=["GET"]),
        Route("/v1/events/{id}", _retrieve(sb, "events"), methods=["GET"]),
        Route("/v1/webhook_endpoints", create_endpoint, methods=["POST"]),
        Route("/v1/webhook_endpoints", _list(sb, "webhook_endpoints"), methods=["GET"]),
        Route("/v1/webhook_endpoints/{id}", _retrieve(sb, "webhook_endpoints"), methods=["GET"]),
        Route("/v1/webhook_endpoints/{id}", update_endpoint, methods=["POST"]),
        Route("/v1/webhook_endpoints/{id}", delete_endpoint, methods=["DELETE"]),
        Route("/v1/webhook_endpoints/{id}/rotate_secret", rotate_secret, methods=["POST"]),
        Route("/v1/webhook_endpoints/{id}/deliveries", list_deliveries, methods=["GET"]),
        Route("/_sandbox/health", health, methods=["GET"]),
        Route("/_sandbox/events/trigger", trigger_event, methods=["POST"]),
        Route("/_sandbox/payment_intents/{id}/complete_action", complete_action, methods=["POST"]),
        Route("/_sandbox/payouts/{id}/advance", advance_payout, methods=["POST"]),
        Route("/_sandbox/merchants/onboarding/{id}/advance", advance_onboarding, methods=["POST"]),
        Route("/_sandbox/wallets", create_funded_wallet, methods=["POST"]),
        Route("/_sandbox/pages/{rest:path}", browser_page, methods=["GET"]),
    ]
