"""The checkout views: pay with `Molam`, and let the verified webhook mark the order paid.

The checkout form's default is Molam Checkout, the hosted page: the view creates the payment with an amount and
a currency only and redirects the customer to its `redirect_url`, where they choose card, Orange Money or
Wave; Molam sends them back to `/orders/<id>/return`. Choosing a test payment method in the form charges it
at once instead (the JSON answer says how it went).

The order is marked paid by `payment_intent.succeeded`, never by the browser coming back: the webhook arrives
even when the customer closes the tab. `WebhookProcessor` verifies the signature and runs each event's handler
once; with several workers, give it a shared store (`RedisWebhookEventStore`, `PostgresWebhookEventStore`).
"""

from __future__ import annotations

import functools
import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.http import require_GET, require_http_methods

from molam_sdk.events import PaymentIntentEvent
from molam_sdk_ext import Molam, MolamError, ValidationError, to_minor_units
from molam_sdk_ext.webhooks.adapters.django import webhook_view
from molam_sdk_ext.webhooks.processor import WebhookProcessor

ORDERS: dict[str, dict[str, Any]] = {}  # order id -> status; a real shop keeps this in its database

PAGE = """<!doctype html><html lang="en"><title>Checkout</title>
<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="{token}">
<label>Order <input name="order_id" value="1042"></label> <label>Amount <input name="amount" value="150.00"></label>
<label>Currency <input name="currency" value="GHS"></label>
<label>Pay with <select name="payment_method"><option value="">Molam Checkout</option>
<option>pm_card_visa</option><option>pm_card_declined</option></select></label>
<button data-testid="shop-pay">Pay</button></form></html>"""

RETURN_PAGE = """<!doctype html><html lang="en">{refresh}<title>Order {order_id}</title>
<h1>Order {order_id}</h1><p>Payment status: <strong data-testid="order-status">{status}</strong></p></html>"""


@functools.cache
def molam() -> Molam:
    """One client per process (MOLAM_API_KEY / MOLAM_API_BASE from the environment)."""
    return Molam()


processor = WebhookProcessor(settings.MOLAM_WEBHOOK_SECRET or "whsec_unset")


@processor.on("payment_intent.succeeded", "payment_intent.failed", "payment_intent.canceled")
def payment_outcome(event: PaymentIntentEvent) -> None:
    """Mark the order the payment was for (its id travels in the payment's metadata)."""
    intent = event.data.object
    order_id = intent.metadata.get("order_id") if intent.metadata else None
    if order_id is not None:
        order = ORDERS.setdefault(order_id, {"payment_intent": intent.id})
        if order.get("status") == "paid":
            return  # a declined attempt's event may arrive after the retry that paid: paid stays paid
        if event.type == "payment_intent.succeeded":
            order["status"] = "paid"
        else:
            order["status"] = "failed" if event.type == "payment_intent.failed" else "canceled"


molam_webhook = webhook_view(processor)


@require_http_methods(["GET", "POST"])
def checkout(request: HttpRequest) -> HttpResponseBase:
    """GET: the payment form. POST (form or JSON, with the CSRF token): create the payment, then redirect the
    customer to Molam Checkout (form) or answer its URL (JSON); with a `payment_method`, confirm it at once."""
    if request.method == "GET":
        return HttpResponse(PAGE.format(token=escape(get_token(request))))
    is_json = request.content_type == "application/json"
    data = json.loads(request.body) if is_json else request.POST.dict()
    order_id = str(data.get("order_id", ""))
    if not order_id:
        return JsonResponse({"error": "order_id is required"}, status=400)
    order = ORDERS.setdefault(order_id, {"status": "pending"})  # before paying: the webhook may be quick
    payment_method = str(data.get("payment_method") or "")
    method: dict[str, Any] = {"payment_method": payment_method, "confirm": True} if payment_method else {}
    try:
        currency = str(data.get("currency", "GHS")).upper()
        intent = molam().payment_intents.create(
            amount=to_minor_units(str(data.get("amount", "")), currency),
            currency=currency,
            metadata={"order_id": order_id},
            # Where Molam Checkout sends the customer back (with ?payment_intent=pi_... added).
            return_url=request.build_absolute_uri(reverse("order-return", args=[order_id])),
            cancel_url=request.build_absolute_uri(reverse("checkout")),
            idempotency_key=f"checkout-{order_id}",  # a double submit cannot pay twice
            **method,
        )
    except ValidationError as exc:
        return JsonResponse({"error": exc.message, "param": exc.param}, status=400)
    except MolamError as exc:  # declined, or Molam unreachable: show it, keep the order pending
        return JsonResponse({"error": str(exc)}, status=402)
    order["payment_intent"] = intent.id
    answer = {"order_id": order_id, "payment_intent": intent.id, "status": str(intent.status)}
    if payment_method:
        return JsonResponse(answer)
    if is_json:
        return JsonResponse(answer | {"checkout_url": intent.redirect_url})
    return redirect(str(intent.redirect_url))  # to Molam Checkout, on Molam's host


@require_GET
def order_return(request: HttpRequest, order_id: str) -> HttpResponse:
    """Where Molam Checkout sends the customer back. The order's status is what the webhook said: the customer
    coming back proves nothing (the page refreshes until the webhook has arrived)."""
    order = ORDERS.get(order_id)
    if order is None or order.get("payment_intent") != request.GET.get("payment_intent"):
        return HttpResponse("No such order.", status=404)
    status = str(order.get("status", "pending"))
    # Until the webhook says paid (or canceled): a declined attempt's "failed" may still be the latest news
    # when the customer, having paid on a retry, is already back here.
    waiting = status not in ("paid", "canceled")
    refresh = '<meta http-equiv="refresh" content="1">' if waiting else ""
    page = RETURN_PAGE.format(order_id=escape(order_id), status=escape(status), refresh=refresh)
    return HttpResponse(page)


@require_GET
def order_status(request: HttpRequest, order_id: str) -> JsonResponse:
    """An order as the webhooks left it."""
    if order_id not in ORDERS:
        return JsonResponse({"error": "no such order"}, status=404)
    return JsonResponse({"order_id": order_id, **ORDERS[order_id]})
