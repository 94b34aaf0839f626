"""Webhooks at scale with FastAPI and Celery: the endpoint records each verified event in a durable inbox and
answers at once; Celery workers run the handlers, retry failures, and a beat task sweeps up anything left.

Run (from this folder), with the same environment for every process:

    export MOLAM_WEBHOOK_SECRET=whsec_...            # the webhook endpoint's signing secret
    export MOLAM_INBOX_URL=postgresql://shop@db/shop # or redis://..., or sqlite:////var/lib/shop/inbox.db
    export CELERY_BROKER_URL=redis://localhost:6379/0
    export SHOP_DB=/var/lib/shop/orders.db           # this example's orders (a real shop has its own database)
    python -m molam_sdk_ext.stores.migrate --url "$MOLAM_INBOX_URL"   # PostgreSQL only, once

    uvicorn shop:web --port 8000                     # the endpoint: POST /webhooks/molam
    celery -A shop worker                            # the handlers (as many as you need, on any host)
    celery -A shop beat                              # the sweeper, every minute

`molam webhooks inbox --store-url "$MOLAM_INBOX_URL"` shows the backlog; `molam webhooks replay --dead
--processor shop:processor` runs the events that failed every retry again.
"""

from __future__ import annotations

import os
import sqlite3

from celery import Celery
from fastapi import FastAPI, HTTPException

from molam_sdk.events import PaymentIntentEvent
from molam_sdk_ext.stores import async_webhook_inbox_from_url, webhook_inbox_from_url
from molam_sdk_ext.webhooks import CeleryDispatch, WebhookProcessor
from molam_sdk_ext.webhooks.adapters.starlette import webhook_endpoint

celery_app = Celery("shop", broker=os.environ["CELERY_BROKER_URL"])
celery_app.conf.worker_prefetch_multiplier = 1  # long handlers: a worker holds only what it runs

processor = WebhookProcessor(
    os.environ["MOLAM_WEBHOOK_SECRET"],
    inbox=webhook_inbox_from_url(os.environ["MOLAM_INBOX_URL"]),  # workers, the sweeper, the publisher
    # The endpoint records on the event loop through the async form of the same inbox: no thread per delivery.
    async_inbox=async_webhook_inbox_from_url(os.environ["MOLAM_INBOX_URL"]),
    dispatch=CeleryDispatch(celery_app, max_retries=8),  # then `dead`, until replayed
)


def orders() -> sqlite3.Connection:
    """The shop's orders table (created on first use)."""
    db = sqlite3.connect(os.environ["SHOP_DB"], timeout=30, isolation_level=None)
    db.execute(
        "CREATE TABLE IF NOT EXISTS orders (order_id TEXT PRIMARY KEY, status TEXT, payment_intent TEXT)"
    )
    return db


@processor.on("payment_intent.succeeded", "payment_intent.failed")
def payment_outcome(event: PaymentIntentEvent) -> None:
    """Runs in a Celery worker: mark the order the payment was for (its id travels in the metadata).

    An upsert, so that running it again (a worker killed mid-handler, a replay) changes nothing more.
    """
    intent = event.data.object
    order_id = intent.metadata.get("order_id") if intent.metadata else None
    if order_id is None:
        return
    status = "paid" if event.type == "payment_intent.succeeded" else "failed"
    with orders() as db:
        db.execute(
            "INSERT INTO orders VALUES (?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET status = excluded.status,"
            " payment_intent = excluded.payment_intent",
            (order_id, status, intent.id),
        )


web = FastAPI(title="shop")
web.add_api_route("/webhooks/molam", webhook_endpoint(processor), methods=["POST"])


@web.get("/orders/{order_id}")
def order_status(order_id: str) -> dict[str, str]:
    """An order's status as the webhooks left it."""
    row = (
        orders()
        .execute("SELECT status, payment_intent FROM orders WHERE order_id = ?", (order_id,))
        .fetchone()
    )
    if row is None:
        raise HTTPException(404, "no such order")
    return {"order_id": order_id, "status": row[0], "payment_intent": row[1]}
