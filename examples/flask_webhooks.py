"""A Flask app that receives Molam webhooks: verified, parsed into typed events, each handled exactly once.

Run it, forward the sandbox's webhooks to it, and trigger one::

    export MOLAM_WEBHOOK_SECRET=whsec_choose_any_long_random_value
    flask --app examples/flask_webhooks.py run --port 8000
    molam webhooks listen --forward-to http://127.0.0.1:8000/webhooks/molam --forward-secret $MOLAM_WEBHOOK_SECRET
    molam webhooks trigger payment_intent.succeeded
    curl http://127.0.0.1:8000/events                # what the handlers saw

`MOLAM_WEBHOOK_SECRET` is your endpoint's signing secret (from `webhook_endpoints.create`, or the one you gave
`molam webhooks listen`). A bad signature is answered 400, a repeated event 200 without running the handler
again. Deduplication is per process here; give `WebhookProcessor` a shared store (Redis, PostgreSQL, SQLite)
when several workers receive webhooks.
"""

from __future__ import annotations

import os
from typing import Any

from flask import Flask, jsonify

from molam_sdk.events import TypedEvent
from molam_sdk.models import PaymentIntentSucceededEvent
from molam_sdk_ext.webhooks.adapters.flask import make_webhook_blueprint
from molam_sdk_ext.webhooks.processor import WebhookProcessor


def create_app(secret: str | None = None) -> Flask:
    """The app; `secret` defaults to the MOLAM_WEBHOOK_SECRET environment variable."""
    processor = WebhookProcessor(secret or os.environ["MOLAM_WEBHOOK_SECRET"])
    handled: list[dict[str, Any]] = []  # a real app would update its orders in its database here

    @processor.on("payment_intent.succeeded")
    def payment_succeeded(event: PaymentIntentSucceededEvent) -> None:
        intent = event.data.object
        handled.append({"event": event.id, "type": event.type, "object": intent.id, "amount": intent.amount})

    @processor.on("charge.refunded", "refund.processed", "payout.paid", "payout.failed")
    def money_moved(event: TypedEvent) -> None:  # several kinds of object: the union of every event
        handled.append({"event": event.id, "type": event.type, "object": event.data.object.id})

    app = Flask(__name__)
    app.register_blueprint(make_webhook_blueprint(processor, "/webhooks/molam"))

    @app.get("/events")
    def events() -> Any:
        """What the handlers have seen, newest last."""
        return jsonify(handled)

    return app
