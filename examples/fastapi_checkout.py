"""An async FastAPI checkout: pay with `AsyncMolam`, learn the outcome from a verified webhook.

Two ways to take a payment. The hosted checkout (the shop's page at ``/``): the server creates a payment
intent with an amount and a currency only, redirects the customer to its ``redirect_url`` (Molam Checkout,
where the customer chooses card, Orange Money, Wave...), the customer comes back to ``/orders/<id>/return``,
and the webhook marks the order paid. Or a server-side payment with a known ``payment_method`` (``POST
/checkout`` with JSON); without one, ``POST /checkout`` answers the ``checkout_url`` to send the customer to.

Run it against the local sandbox::

    molam sandbox                                              # terminal 1
    export MOLAM_API_KEY=sk_test_fastapi MOLAM_API_BASE=http://127.0.0.1:12111
    export MOLAM_WEBHOOK_SECRET=whsec_choose_any_long_random_value
    uvicorn --factory examples.fastapi_checkout:create_app --port 8000   # terminal 2
    molam webhooks listen --forward-to http://127.0.0.1:8000/webhooks/molam \
        --forward-secret $MOLAM_WEBHOOK_SECRET                # terminal 3
    curl -X POST localhost:8000/checkout -H 'content-type: application/json' -H 'Idempotency-Key: cart-77' \
        -d '{"order_id": "1042", "amount": "150.00", "currency": "GHS", "payment_method": "pm_card_visa"}'
    curl localhost:8000/orders/1042                             # "paid" once the webhook arrived
    open http://127.0.0.1:8000/                                 # the shop's page: pay on Molam Checkout

The order is marked paid by the webhook, not by the checkout call's answer: that is what survives a customer
closing the tab during 3-D Secure, or a network cut after the charge. Orders live in memory here.

Two layers keep a double-clicked "Pay" to one payment: the idempotency middleware answers every repeat of the
storefront's `Idempotency-Key` with the first response (share it across workers with
MOLAM_STORE_URL=redis://... or postgresql://...), and the payment itself is made under the order's business
key, `idempotency_key_for("order", order_id)`, so even a worker restarted mid-payment cannot pay twice.
"""

from __future__ import annotations

import html
import os
import urllib.parse
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel

from molam_sdk.events import PaymentIntentEvent
from molam_sdk_ext import AsyncMolam, MolamError, ValidationError, to_minor_units
from molam_sdk_ext.idempotency import idempotency_key_for
from molam_sdk_ext.idempotency.starlette import IdempotencyMiddleware
from molam_sdk_ext.webhooks.adapters.starlette import webhook_endpoint
from molam_sdk_ext.webhooks.processor import WebhookProcessor


class CheckoutRequest(BaseModel):
    """What the storefront sends: the amount as the customer saw it (a string, never a float)."""

    order_id: str
    amount: str
    currency: str
    payment_method: str | None = None
    """A payment method to charge now; None: the customer chooses on Molam Checkout (``checkout_url``)."""


SHOP_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Boutique Teranga</title></head>
<body><main><h1>Boutique Teranga</h1><p>Order {order_id}: a wax print dress, 15,250 XOF.</p>
<form method="post" action="/pay"><input type="hidden" name="order_id" value="{order_id}">
<input type="hidden" name="amount" value="15250"><input type="hidden" name="currency" value="XOF">
<button data-testid="shop-pay">Pay with Molam</button></form></main></body></html>"""

RETURN_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">{refresh}<title>Order {order_id}</title>
</head><body><main><h1>Order {order_id}</h1><p>Payment status: <strong data-testid="order-status">{status}</strong>
</p></main></body></html>"""


def create_app(*, webhook_secret: str | None = None, molam: AsyncMolam | None = None) -> FastAPI:
    """The app; settings default to the MOLAM_* environment variables."""
    orders: dict[str, dict[str, Any]] = {}
    processor = WebhookProcessor(webhook_secret or os.environ["MOLAM_WEBHOOK_SECRET"])

    @processor.on("payment_intent.succeeded", "payment_intent.failed", "payment_intent.canceled")
    async def payment_outcome(event: PaymentIntentEvent) -> None:
        intent = event.data.object
        order_id = intent.metadata.get("order_id") if intent.metadata else None
        if order_id not in orders or orders[order_id]["status"] == "paid":
            return  # a declined attempt's event may arrive after the retry that paid: paid stays paid
        if event.type == "payment_intent.succeeded":
            orders[order_id]["status"] = "paid"
        else:
            orders[order_id]["status"] = "failed" if event.type == "payment_intent.failed" else "canceled"

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        client = molam or AsyncMolam()
        app.state.molam = client
        yield
        if molam is None:
            await client.aclose()

    app = FastAPI(title="Molam checkout example", lifespan=lifespan)
    app.add_middleware(
        IdempotencyMiddleware, store=os.environ.get("MOLAM_STORE_URL", "memory://"), paths=["/checkout"]
    )
    app.add_api_route("/webhooks/molam", webhook_endpoint(processor), methods=["POST"])

    async def pay(request: Request, body: CheckoutRequest) -> Any:
        """Create (and, given a payment method, confirm) the order's payment; the order is `pending` until the
        webhook says more."""
        client: AsyncMolam = app.state.molam
        order = orders.setdefault(
            body.order_id, {"status": "pending"}
        )  # before paying: the webhook may be fast
        quoted = urllib.parse.quote(body.order_id, safe="")
        # Charge a known payment method now; without one, the customer chooses on Molam Checkout.
        method: dict[str, Any] = (
            {"payment_method": body.payment_method, "confirm": True} if body.payment_method else {}
        )
        try:
            intent = await client.payment_intents.create(
                amount=to_minor_units(body.amount, body.currency),
                currency=body.currency,
                description=f"Boutique Teranga - order {body.order_id}",  # shown on Molam Checkout
                metadata={"order_id": body.order_id},
                # Where Molam Checkout sends the customer back (with ?payment_intent=pi_... added).
                return_url=str(request.url_for("order_return", order_id=quoted)),
                cancel_url=str(request.url_for("shop")),
                idempotency_key=idempotency_key_for("order", body.order_id),  # stable across restarts
                **method,
            )
        except ValidationError as exc:  # caught before anything was sent, e.g. "1.005" GHS
            raise HTTPException(status_code=400, detail=str(exc)) from None
        except MolamError as exc:
            raise HTTPException(status_code=402, detail=str(exc)) from None
        order["payment_intent"] = intent.id
        return intent

    @app.post("/checkout")
    async def checkout(request: Request, body: CheckoutRequest) -> dict[str, Any]:
        """JSON: pay an order now with `payment_method`, or get the `checkout_url` to send the customer to."""
        intent = await pay(request, body)
        answer = {"order_id": body.order_id, "payment_intent": intent.id, "status": str(intent.status)}
        return answer if body.payment_method else answer | {"checkout_url": intent.redirect_url}

    @app.get("/", response_class=HTMLResponse, name="shop")
    async def shop(order_id: str = "1042") -> str:
        """The shop's page: one order and a "Pay" button that leads to Molam Checkout."""
        return SHOP_PAGE.format(order_id=html.escape(order_id))

    @app.post("/pay")
    async def pay_form(request: Request) -> RedirectResponse:
        """The shop page's form: create the payment and send the browser to Molam Checkout."""
        form = urllib.parse.parse_qs((await request.body()).decode("utf-8"))
        fields = {
            name: values[0] for name, values in form.items() if name in ("order_id", "amount", "currency")
        }
        try:
            body = CheckoutRequest(**fields)
        except ValueError:
            raise HTTPException(
                status_code=400, detail="order_id, amount and currency are required"
            ) from None
        intent = await pay(request, body)
        return RedirectResponse(str(intent.redirect_url), status_code=303)

    @app.get("/orders/{order_id}/return", response_class=HTMLResponse, name="order_return")
    async def order_return(order_id: str, payment_intent: str = "") -> str:
        """Where Molam Checkout sends the customer back. The order's status is what the webhook said: the
        customer coming back proves nothing (this page refreshes until the webhook has arrived)."""
        order = orders.get(order_id)
        if order is None or order.get("payment_intent") != payment_intent:
            raise HTTPException(status_code=404, detail="no such order")
        status = str(order["status"])
        # Until the webhook says paid (or canceled): a declined attempt's "failed" may still be the latest news
        # when the customer, having paid on a retry, is already back here.
        waiting = status not in ("paid", "canceled")
        refresh = '<meta http-equiv="refresh" content="1">' if waiting else ""
        return RETURN_PAGE.format(order_id=html.escape(order_id), status=html.escape(status), refresh=refresh)

    @app.get("/orders/{order_id}")
    async def order(order_id: str) -> dict[str, Any]:
        """An order's status as the webhooks left it."""
        if order_id not in orders:
            raise HTTPException(status_code=404, detail="no such order")
        return {"order_id": order_id, **orders[order_id]}

    return app
