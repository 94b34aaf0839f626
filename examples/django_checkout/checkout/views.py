"""The checkout views: pay with `Molam`, and let the verified webhook mark the order paid.

The order is marked paid by `payment_intent.succeeded`, never by the browser coming back: the webhook arrives
even when the customer closes the tab. `WebhookProcessor` verifies the signature and runs each event's handler
once; with several workers, give it a shared store (`RedisWebhookEventStore`, `PostgresWebhookEventStore`).
"""

from __future__ import annotations

import functools
import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.utils.html import escape
from django.views.decorators.http import require_GET, require_http_methods

from molam_sdk_ext import Molam, MolamError, ValidationError, to_minor_units
from molam_sdk_ext.webhooks.adapters.django import webhook_view
from molam_sdk_ext.webhooks.processor import WebhookProcessor

ORDERS: dict[str, dict[str, Any]] = {}  # order id -> status; a real shop keeps this in its database

PAGE = """<!doctype html><title>Checkout</title>
<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="{token}">
<input name="order_id" value="1042"> <input name="amount" value="150.00"> <input name="currency" value="GHS">
<select name="payment_method"><option>pm_card_visa</option><option>pm_card_declined</option></select>
<button>Pay</button></form>"""


@functools.cache
def molam() -> Molam:
    """One client per process (MOLAM_API_KEY / MOLAM_API_BASE from the environment)."""
    return Molam()


processor = WebhookProcessor(settings.MOLAM_WEBHOOK_SECRET or "whsec_unset")


@processor.on("payment_intent.succeeded", "payment_intent.failed")
def payment_outcome(event: Any) -> None:
    """Mark the order the payment was for (its id travels in the payment's metadata)."""
    intent = event.data.object
    order_id = intent.metadata.get("order_id") if intent.metadata else None
    if order_id is not None:
        order = ORDERS.setdefault(order_id, {"payment_intent": intent.id})
        order["status"] = "paid" if event.type == "payment_intent.succeeded" else "failed"


molam_webhook = webhook_view(processor)


@require_http_methods(["GET", "POST"])
def checkout(request: HttpRequest) -> HttpResponse:
    """GET: the payment form. POST (form or JSON, with the CSRF token): create and confirm the payment."""
    if request.method == "GET":
        return HttpResponse(PAGE.format(token=escape(get_token(request))))
    data = json.loads(request.body) if request.content_type == "application/json" else request.POST.dict()
    order_id = str(data.get("order_id", ""))
    if not order_id:
        return JsonResponse({"error": "order_id is required"}, status=400)
    order = ORDERS.setdefault(order_id, {"status": "pending"})  # before paying: the webhook may be quick
    try:
        currency = str(data.get("currency", "GHS")).upper()
        intent = molam().payment_intents.create(
            amount=to_minor_units(str(data.get("amount", "")), currency),
            currency=currency,
            payment_method=str(data.get("payment_method", "pm_card_visa")),
            confirm=True,
            metadata={"order_id": order_id},
            idempotency_key=f"checkout-{order_id}",  # a double submit cannot pay twice
        )
    except ValidationError as exc:
        return JsonResponse({"error": exc.message, "param": exc.param}, status=400)
    except MolamError as exc:  # declined, or Molam unreachable: show it, keep the order pending
        return JsonResponse({"error": str(exc)}, status=402)
    order["payment_intent"] = intent.id
    return JsonResponse({"order_id": order_id, "payment_intent": intent.id, "status": str(intent.status)})


@require_GET
def order_status(request: HttpRequest, order_id: str) -> JsonResponse:
    """An order as the webhooks left it."""
    if order_id not in ORDERS:
        return JsonResponse({"error": "no such order"}, status=404)
    return JsonResponse({"order_id": order_id, **ORDERS[order_id]})
