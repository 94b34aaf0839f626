"""The webhook view (sync Django: `webhook_view`) and an order's status."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from molam_sdk_ext.webhooks.adapters.django import webhook_view

from .models import Order
from .webhooks import processor

molam_webhook = webhook_view(processor)


def order_status(request: HttpRequest, order_id: str) -> JsonResponse:
    """An order's status as the webhooks left it (404 when no webhook has mentioned it yet)."""
    order = Order.objects.filter(order_id=order_id).first()
    if order is None:
        return JsonResponse({"error": "no such order"}, status=404)
    return JsonResponse(
        {"order_id": order.order_id, "status": order.status, "payment_intent": order.payment_intent}
    )
