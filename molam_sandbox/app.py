"""The sandbox ASGI app: the spec's operations through the engine, plus sandbox-only routes.

`Sandbox` holds what a running server shares (the spec, database, idempotency records, fault injector,
settings, webhook dispatcher); `Sandbox.asgi()` is the app uvicorn serves: `SandboxMiddleware` (request id,
faults, auth, idempotency, error bodies) around a dispatcher that sends ``/v1/...`` to the spec-driven
`Engine` (with the business `PLUGINS`) and everything else to a small Starlette router. A background task (in
the app's lifespan) runs due transitions and webhook deliveries.

Sandbox-only routes (not in the spec) live under ``/_sandbox/``: ``GET /_sandbox/health``,
``POST /_sandbox/events/trigger``, ``POST /_sandbox/payment_intents/{id}/complete_action``,
``POST /_sandbox/payouts/{id}/advance``, ``POST /_sandbox/merchants/onboarding/{id}/advance`` and
``POST /_sandbox/wallets``; and, without an API key (a customer's browser sends none), the hosted checkout
page ``GET``/``POST /_sandbox/pages/checkout/{id}/{token}`` (`molam_sandbox.checkout`, the URL a payment
intent's ``redirect_url`` gives) and the hosted onboarding page ``GET``/``POST
/_sandbox/pages/onboarding/{id}/{token}`` (`molam_sandbox.onboarding_actions`, a merchant onboarding
application's ``onboarding_url``).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import json
import os
import re
import signal
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from molam_sandbox import (
    checkout,
    checkout_page,
    hosted_routes,
    onboarding,
    onboarding_actions,
    onboarding_page,
    payments,
    payouts,
    triggers,
    wallets,
)
from molam_sandbox.delivery import WebhookDispatcher
from molam_sandbox.engine import Engine
from molam_sandbox.errors import SandboxError, error_bytes, invalid_param
from molam_sandbox.faults import FaultConfig, FaultInjector, FaultKind
from molam_sandbox.idempotency import SandboxIdempotency
from molam_sandbox.middleware import ASGIApp, Receive, SandboxMiddleware, Scope, Send
from molam_sandbox.plugins import PLUGINS
from molam_sandbox.settings import Env, SandboxSettings
from molam_sandbox.spec import ApiSpec, load_api, load_models
from molam_sandbox.state import Database, Tx
from molam_sandbox.timers import run_due_timers
from molam_sandbox.validation import check_currency
from molam_sdk.models.merchant_onboarding_status import MerchantOnboardingStatus
from molam_sdk.models.payment_intent_status import PaymentIntentStatus
from molam_sdk.models.payout_status import PayoutStatus
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.stores.idempotency_records import StoredResponse

__all__ = ["Sandbox", "create_app", "error_response", "json_response", "stored_response"]

logger = get_logger("molam.sandbox")  # redacting, like every SDK logger

Doc = dict[str, Any]


def json_response(doc: Doc, status: int = 200) -> Response:
    """A compact JSON response."""
    body = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json")


class Sandbox:
    """A sandbox server's shared state and its ASGI app."""

    def __init__(
        self,
        *,
        api: ApiSpec,
        engine: Engine,
        db: Database,
        faults: FaultConfig | None = None,
        settings: SandboxSettings | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.api = api
        self.engine = engine
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
        """The time, settings and API version (the served spec's) for one operation."""
        return Env(self.clock(), self.settings, self.api.api_version)

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

    def read(self, request: Request, operation: Callable[[Tx, str, Env], Doc]) -> Response:
        """Run a read-only `operation` for the request's account."""
        _check_version(request)
        account: str = request.state.account
        env = self.env()
        self._prepare(account, env)
        with self.db.read() as tx:
            return json_response(operation(tx, account, env))

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
        logger.info(
            "sandbox ready db=%s spec=%s: %s",
            self.db.path or ":memory:",
            self.api.path,
            self.engine.describe(),
        )
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            _report_conformance(self.engine)

    def asgi(self) -> ASGIApp:
        """The ASGI app to serve."""
        router = Starlette(
            routes=_routes(self),
            exception_handlers={SandboxError: _sandbox_error, HTTPException: _http_error},
            lifespan=self.lifespan,
        )
        engine = self.engine

        async def dispatch(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
                await router(scope, receive, send)
                return
            request = Request(scope, receive)
            try:
                response = await engine.handle(request, self)
            except SandboxError as error:
                response = error_response(error, scope["state"].get("request_id"))
            await response(scope, receive, send)

        return SandboxMiddleware(dispatch, faults=self.faults, idempotency=self.idempotency)


CONFORMANCE_LOG_ENV = "MOLAM_SANDBOX_CONFORMANCE_LOG"


def _report_conformance(engine: Engine) -> None:
    """Append how many responses this server validated to ``$MOLAM_SANDBOX_CONFORMANCE_LOG`` (the test suite
    adds these up to say how many sandbox answers were checked against the spec)."""
    target = os.environ.get(CONFORMANCE_LOG_ENV)
    if target and engine.responses is not None:
        with contextlib.suppress(OSError), open(target, "a", encoding="utf-8") as log:
            log.write(f"{engine.responses.checked}\n")


def create_app(
    *,
    db_path: str | None = None,
    faults: FaultConfig | None = None,
    settings: SandboxSettings | None = None,
    spec_path: str | os.PathLike[str] | None = None,
    models_path: str | os.PathLike[str] | None = None,
) -> ASGIApp:
    """Build a sandbox app on a SQLite file (`db_path`) or in memory (None).

    It serves the spec at `spec_path` (default: the packaged spec) with the request models generated for it
    (`models_path`, a module file written by the generator; default `molam_sandbox.models`).
    """
    api = load_api(Path(spec_path) if spec_path is not None else None)
    models = load_models(Path(models_path) if models_path is not None else None)
    settings = settings or SandboxSettings()
    engine = Engine(api, models, PLUGINS, strict_responses=settings.strict_responses)
    db = Database(db_path, tables={table: r.prefix for table, r in api.by_table.items()})
    return Sandbox(api=api, engine=engine, db=db, faults=faults, settings=settings).asgi()


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
    """``Molam-Version``, when sent, must be an API version: a real calendar date (``9999-99-99`` is not)."""
    version = request.headers.get("molam-version")
    if version is None:
        return
    try:
        valid = _VERSION.fullmatch(version) is not None and datetime.date.fromisoformat(version) is not None
    except ValueError:
        valid = False
    if not valid:
        raise invalid_param("Molam-Version", "Molam-Version must be an API version date such as 2025-01-15.")


def _path_id(sandbox: Sandbox, request: Request, table: str) -> str:
    """The ``{id}`` of a sandbox-only route; an id of the wrong kind is simply not found."""
    object_id = str(request.path_params["id"])
    resource = sandbox.api.by_table[table]
    if not resource.valid_id(object_id):
        raise SandboxError(
            404, "not_found_error", "resource_missing", f"No such {resource.type}: '{object_id}'", param="id"
        )
    return object_id


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


# -- sandbox-only routes -----------------------------------------------------------------------------------


def _routes(sb: Sandbox) -> list[Route]:
    async def health(request: Request) -> Response:
        validator = sb.engine.responses
        return json_response(
            {
                "status": "ok",
                "object": "sandbox_health",
                "time": int(sb.clock()),
                "strict_responses": validator is not None,
                "responses_validated": validator.checked if validator is not None else 0,
            }
        )

    async def trigger_event(request: Request) -> Response:
        event_types = tuple(sb.api.webhooks)  # every event type of the spec's webhooks section
        event_type = _optional_choice(await _sandbox_json(request), "type", event_types)
        if event_type is None:
            raise invalid_param(
                "type", f"Give an event type: one of {', '.join(event_types)}.", "parameter_missing"
            )
        webhook = sb.api.webhooks[event_type]
        return sb.write(request, lambda tx, a, env: triggers.trigger(tx, a, sb.api, webhook, env))

    async def complete_action(request: Request) -> Response:
        pi_id = _path_id(sb, request, "payment_intents")
        outcomes = (PaymentIntentStatus.SUCCEEDED, PaymentIntentStatus.FAILED)
        outcome = _optional_choice(await _sandbox_json(request), "outcome", outcomes)
        approved = outcome != PaymentIntentStatus.FAILED
        return sb.write(request, lambda tx, a, env: payments.complete_action(tx, a, pi_id, approved, env))

    async def advance_payout(request: Request) -> Response:
        payout_id = _path_id(sb, request, "payouts")
        steps = tuple(step for nexts in payouts.NEXT_STATUSES.values() for step in nexts)
        chosen = _optional_choice(await _sandbox_json(request), "status", steps)
        target = None if chosen is None else PayoutStatus(chosen)
        return sb.write(request, lambda tx, a, env: payouts.advance_payout(tx, a, payout_id, target, env))

    async def advance_onboarding(request: Request) -> Response:
        mo_id = _path_id(sb, request, "merchant_onboardings")
        steps = tuple(step for nexts in onboarding.NEXT_STATUSES.values() for step in nexts)
        chosen = _optional_choice(await _sandbox_json(request), "status", steps)
        target = None if chosen is None else MerchantOnboardingStatus(chosen)
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

    checkout_pages = hosted_routes.HostedPage(
        path=payments.CHECKOUT_PATH,
        product=checkout_page.PRODUCT,
        invalid_link=(
            "Checkout link not valid",
            "This checkout link is not valid. Ask the shop for a new one.",
        ),
        choices=checkout.Choice,
        open_page=checkout.open_checkout,
        act=lambda tx, env, pi_id, token, choice, nonce: checkout.act(
            tx, sb.api, env, pi_id, token, choice, nonce
        ),
        render=checkout_page.render_checkout,
        has_more=lambda found: found.stage in (checkout.Stage.CHOOSE, checkout.Stage.AUTHENTICATE),
        destination=checkout_page.destination,
        outcome=checkout_page.render_outcome,
    )
    onboarding_pages = hosted_routes.HostedPage(
        path=onboarding.ONBOARDING_PATH,
        product=onboarding_page.PRODUCT,
        invalid_link=(
            "Onboarding link not valid",
            "This onboarding link is not valid. Ask the platform that sent you here for a new one.",
        ),
        choices=onboarding_actions.Choice,
        open_page=onboarding_actions.open_application,
        act=onboarding_actions.act,
        render=onboarding_page.render_onboarding,
        has_more=lambda found: not found.decided,
        destination=onboarding_page.destination,
        outcome=onboarding_page.render_outcome,
    )

    async def browser_page(request: Request) -> Response:
        return json_response(
            {
                "object": "sandbox_page",
                "message": "Local sandbox: there is no customer page to show. Complete the step with the "
                "sandbox API (POST /_sandbox/payment_intents/{id}/complete_action).",
            }
        )

    return [
        Route("/_sandbox/health", health, methods=["GET"]),
        Route("/_sandbox/events/trigger", trigger_event, methods=["POST"]),
        Route("/_sandbox/payment_intents/{id}/complete_action", complete_action, methods=["POST"]),
        Route("/_sandbox/payouts/{id}/advance", advance_payout, methods=["POST"]),
        Route("/_sandbox/merchants/onboarding/{id}/advance", advance_onboarding, methods=["POST"]),
        Route("/_sandbox/wallets", create_funded_wallet, methods=["POST"]),
        *hosted_routes.page_routes(sb.db, sb.env, checkout_pages),
        *hosted_routes.page_routes(sb.db, sb.env, onboarding_pages),
        Route("/_sandbox/pages/{rest:path}", browser_page, methods=["GET"]),
    ]
