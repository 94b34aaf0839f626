"""An example FastAPI checkout guarded by the merchant-side idempotency middleware (used by the tests).

The storefront sends ``Idempotency-Key`` with "Pay"; the middleware runs the handler once per key and gives
every repeat (double click, browser retry, concurrent twin) the first response. The handler itself pays
under the order's business key, so even a process restarted mid-payment cannot pay twice.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

from molam_sdk_ext import AsyncMolam
from molam_sdk_ext.idempotency import idempotency_key_for
from molam_sdk_ext.idempotency.starlette import IdempotencyMiddleware
from molam_sdk_ext.stores.idempotency_records import AsyncIdempotencyStore, IdempotencyStore


class Checkout(BaseModel):
    """What the storefront sends (amounts in minor units)."""

    order_id: str
    amount: int
    currency: str = "XOF"


def create_app(
    molam: AsyncMolam, store: AsyncIdempotencyStore | IdempotencyStore | str, *, wait: float = 10.0
) -> FastAPI:
    """The checkout app; `app.state.handler_calls` counts how often the handler really ran."""
    app = FastAPI()
    app.add_middleware(IdempotencyMiddleware, store=store, paths=["/checkout"], wait=wait)
    app.state.handler_calls = 0

    @app.post("/checkout")
    async def checkout(body: Checkout) -> dict[str, Any]:
        app.state.handler_calls += 1
        await asyncio.sleep(0.05)  # a real checkout does more than one call: its twins arrive meanwhile
        intent = await molam.payment_intents.create(
            amount=body.amount,
            currency=body.currency,
            payment_method="pm_card_visa",
            confirm=True,
            metadata={"order_id": body.order_id},
            idempotency_key=idempotency_key_for("order", body.order_id),
        )
        return {"order_id": body.order_id, "payment_intent": intent.id, "status": str(intent.status)}

    return app
