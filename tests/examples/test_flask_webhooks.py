"""examples/flask_webhooks.py: Flask's test client with real signed events, and real deliveries from the sandbox."""

from __future__ import annotations

import json
from typing import Any

import httpx

from molam_sdk.models import EventType
from molam_sdk_ext.webhooks import sign
from tests.support import wait_for
from tests.support.accounts import Account

from .apps import load_example, serve_wsgi

SECRET = "whsec_flask_example_secret_0123456789"


def real_event(account: Account, event_type: str) -> bytes:
    """A genuine event body, as the sandbox renders it (made through the real flows)."""
    response = httpx.post(
        f"{account.base}/_sandbox/events/trigger",
        json={"type": event_type},
        headers={"Authorization": f"Bearer {account.key}"},
    )
    response.raise_for_status()
    return json.dumps(response.json()).encode()


def test_verified_once_and_forged_refused(account: Account) -> None:
    app = load_example("flask_webhooks.py").create_app(SECRET)
    client = app.test_client()
    body = real_event(account, "payment_intent.succeeded")
    headers = {"Molam-Signature": sign(body, SECRET, "k1"), "Content-Type": "application/json"}
    first = client.post("/webhooks/molam", data=body, headers=headers)
    assert first.status_code == 200 and first.get_json()["outcome"] == "processed"
    again = client.post("/webhooks/molam", data=body, headers=headers)
    assert again.status_code == 200 and again.get_json()["outcome"] == "duplicate"
    tampered = body.replace(b'"amount": 15000', b'"amount": 1')
    assert tampered != body
    forged = client.post("/webhooks/molam", data=tampered, headers=headers)
    assert forged.status_code == 400 and forged.get_json()["reason"] == "signature_mismatch"
    unsigned = client.post("/webhooks/molam", data=body)
    assert unsigned.status_code == 400
    handled = client.get("/events").get_json()
    event = json.loads(body)
    assert handled == [
        {
            "event": event["id"],
            "type": "payment_intent.succeeded",
            "object": event["data"]["object"]["id"],
            "amount": 15000,
        }
    ]


def test_real_deliveries_from_the_sandbox(account: Account) -> None:
    example = load_example("flask_webhooks.py")
    holder: dict[str, Any] = {}

    def wsgi(environ: dict[str, Any], start_response: Any) -> Any:
        return holder["app"](environ, start_response)

    with serve_wsgi(wsgi) as url, account.client() as molam:
        endpoint = molam.webhook_endpoints.create(
            url=f"{url}/webhooks/molam",
            enabled_events=[EventType.PAYMENT_INTENT_SUCCEEDED, EventType.REFUND_PROCESSED],
        )
        holder["app"] = example.create_app(endpoint.secret)  # the secret the API just generated
        intent = molam.payment_intents.create(
            amount=15000, currency="XOF", payment_method="pm_wave", confirm=True
        )
        molam.refunds.create(payment_intent=intent.id, amount=5000)
        handled = wait_for(
            lambda: (seen := httpx.get(f"{url}/events").json()) and len(seen) >= 2 and seen, timeout=20
        )
        assert {h["type"] for h in handled} == {
            EventType.PAYMENT_INTENT_SUCCEEDED,
            EventType.REFUND_PROCESSED,
        }
        assert next(h for h in handled if h["type"] == "payment_intent.succeeded")["object"] == intent.id
        delivered = [
            d for d in molam.webhook_endpoints.list_deliveries(endpoint.id) if d.status == "succeeded"
        ]
        assert len(delivered) >= 2 and {d.response_status for d in delivered} == {200}
