"""The webhook processor in inbox mode: the view records each verified event and answers at once; the handler
below runs in a Celery worker (`celery -A shop worker`), retried with backoff on failure, `dead` after the
last retry (`molam webhooks replay --dead --processor orders.webhooks:processor`)."""

from __future__ import annotations

from django.conf import settings
from shop.celery import app

from molam_sdk.events import PaymentIntentEvent
from molam_sdk_ext.stores import webhook_inbox_from_url
from molam_sdk_ext.webhooks import CeleryDispatch, WebhookProcessor

from .models import Order

processor = WebhookProcessor(
    settings.MOLAM_WEBHOOK_SECRET or "whsec_unset",
    inbox=webhook_inbox_from_url(settings.MOLAM_INBOX_URL),
    dispatch=CeleryDispatch(app, max_retries=8),
)


@processor.on("payment_intent.succeeded", "payment_intent.failed")
def payment_outcome(event: PaymentIntentEvent) -> None:
    """Mark the order the payment was for; an upsert, so a second run (a replay) changes nothing more."""
    intent = event.data.object
    order_id = intent.metadata.get("order_id") if intent.metadata else None
    if order_id is not None:
        status = "paid" if event.type == "payment_intent.succeeded" else "failed"
        Order.objects.update_or_create(
            order_id=order_id, defaults={"status": status, "payment_intent": intent.id}
        )
