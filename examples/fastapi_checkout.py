"""An async FastAPI checkout: pay with `AsyncMolam`, learn the outcome from a verified webhook.

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

The order is marked paid by the webhook, not by the checkout call's answer: that is what survives a customer
closing the tab during 3-D Secure, or a network cut after the charge. Orders live in memory here.

Two layers keep a double-clicked "Pay" to one payment: the idempotency middleware answers every repeat of the
storefront's `Idempotency-Key` with the first response (share it across workers with
MOLAM_STORE_URL=redis://... or postgresql://...), and the payment itself is made under the order's business
key, `idempotency_key_for("order", order_id)`, so even a worker restarted mid-payment cannot pay twice.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

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
    payment_method: str = "pm_card_visa"


def create_app(*, webhook_secret: str | None = None, molam: AsyncMolam | None = None) -> FastAPI:
    """The app; settings default to the MOLAM_* environment variables."""
    orders: dict[str, dict[str, Any]] = {}
    processor = WebhookProcessor(webhook_secret or os.environ["MOLAM_WEBHOOK_SECRET"])

    @processor.on("payment_intent.succeeded", "payment_intent.failed")
    async def payment_outcome(event: Any) -> None:
        intent = event.data.object
        order_id = intent.metadata.get("order_id") if intent.metadata else None
        if order_id in orders:
            orders[order_id]["status"] = "paid" if event.type == "payment_intent.succeeded" else "failed"

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

    @app.post("/checkout")
    async def checkout(body: CheckoutRequest) -> dict[str, Any]:
        """Create and confirm a payment for an order; the order is `pending` until the webhook says more."""
        client: AsyncMolam = app.state.molam
        order = orders.setdefault(
            body.order_id, {"status": "pending"}
        )  # before paying: the webhook may be fast
        try:
            intent = await client.payment_intents.create(
                amount=to_minor_units(body.amount, body.currency),
                currency=body.currency,
                payment_method=body.payment_method,
                confirm=True,
                metadata={"order_id": body.order_id},
                idempotency_key=idempotency_key_for("order", body.order_id),  # stable across restarts
            )
        except ValidationError as exc:  # caught before anything was sent, e.g. "1.005" GHS
            raise HTTPException(status_code=400, detail=str(exc)) from None
        except MolamError as exc:
            raise HTTPException(status_code=402, detail=str(exc)) from None
        order["payment_intent"] = intent.id
        return {"order_id": body.order_id, "payment_intent": intent.id, "status": str(intent.status)}

    @app.get("/orders/{order_id}")
    async def order(order_id: str) -> dict[str, Any]:
        """An order's status as the webhooks left it."""
        if order_id not in orders:
            raise HTTPException(status_code=404, detail="no such order")
        return {"order_id": order_id, **orders[order_id]}

    return app
