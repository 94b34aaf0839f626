"""examples/fastapi_checkout.py served by uvicorn on loopback: checkout with AsyncMolam, orders settled by webhooks."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from molam_sdk.models import EventType
from tests.support import free_port, wait_for
from tests.support.accounts import Account

from .apps import load_example, serve_asgi


def test_checkout_then_webhook_marks_the_order(account: Account, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in account.env().items():
        monkeypatch.setenv(
            name, value
        )  # the app builds its AsyncMolam from the environment, like in production
    port = free_port()
    with account.client() as molam:
        endpoint = molam.webhook_endpoints.create(
            url=f"http://127.0.0.1:{port}/webhooks/molam",
            enabled_events=[EventType.PAYMENT_INTENT_SUCCEEDED, EventType.PAYMENT_INTENT_FAILED],
        )
    app = load_example("fastapi_checkout.py").create_app(webhook_secret=endpoint.secret)
    with serve_asgi(app, port) as url, httpx.Client(base_url=url, timeout=10) as http:
        order = {"order_id": "1042", "amount": "150.00", "currency": "GHS", "payment_method": "pm_card_visa"}
        paid = http.post("/checkout", json=order)
        assert paid.status_code == 200, paid.text
        intent_id = paid.json()["payment_intent"]
        assert paid.json()["status"] == "succeeded"
        assert (
            http.post("/checkout", json=order).json()["payment_intent"] == intent_id
        )  # idempotent on order id
        settled = wait_for(lambda: (o := http.get("/orders/1042").json())["status"] == "paid" and o)
        assert settled == {"order_id": "1042", "status": "paid", "payment_intent": intent_id}

        declined = http.post(
            "/checkout", json={**order, "order_id": "1043", "payment_method": "pm_card_declined"}
        )
        assert declined.status_code == 402 and "card_declined" in declined.json()["detail"]
        assert wait_for(lambda: http.get("/orders/1043").json()["status"] == "failed")
        assert http.get("/orders/9999").status_code == 404
        bad_amount = http.post("/checkout", json={**order, "order_id": "1044", "amount": "1.005"})
        assert bad_amount.status_code == 400  # refused before anything was sent: more decimals than GHS has

        # A double-clicked "Pay": the same Idempotency-Key, concurrently; one payment, one answer for all.
        double = {**order, "order_id": "1045"}
        with ThreadPoolExecutor(6) as pool:
            answers = list(
                pool.map(
                    lambda _: http.post("/checkout", json=double, headers={"Idempotency-Key": "cart-1045"}),
                    range(6),
                )
            )
        assert {a.status_code for a in answers} == {200}
        assert len({a.json()["payment_intent"] for a in answers}) == 1
        assert sum(a.headers.get("idempotent-replayed") == "true" for a in answers) == 5
    with account.client() as molam:
        intent = molam.payment_intents.retrieve(intent_id)
        assert intent.amount == 15000 and intent.metadata.to_dict() == {"order_id": "1042"}


def test_hosted_checkout_shop_to_checkout_to_shop_then_webhook(
    account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hosted flow without a browser: the shop's form, Molam Checkout's page, back to the shop, paid."""
    for name, value in account.env().items():
        monkeypatch.setenv(name, value)
    port = free_port()
    with account.client() as molam:
        endpoint = molam.webhook_endpoints.create(
            url=f"http://127.0.0.1:{port}/webhooks/molam",
            enabled_events=[EventType.PAYMENT_INTENT_SUCCEEDED, EventType.PAYMENT_INTENT_FAILED],
        )
    app = load_example("fastapi_checkout.py").create_app(webhook_secret=endpoint.secret)
    with serve_asgi(app, port) as url, httpx.Client(base_url=url, timeout=10) as browser:
        assert 'data-testid="shop-pay"' in browser.get("/?order_id=2001").text
        to_checkout = browser.post("/pay", data={"order_id": "2001", "amount": "15250", "currency": "XOF"})
        assert to_checkout.status_code == 303
        checkout_url = to_checkout.headers["location"]
        assert checkout_url.startswith(account.base + "/_sandbox/pages/checkout/pi_")
        page = browser.get(checkout_url)
        assert page.status_code == 200 and "15,250" in page.text
        nonce = re.search(r'name="nonce" value="([A-Za-z0-9]+)"', page.text)
        assert nonce is not None
        back = browser.post(checkout_url, data={"choice": "card-success", "nonce": nonce.group(1)})
        assert back.status_code == 303
        returned = back.headers["location"]
        assert returned.startswith(f"{url}/orders/2001/return?payment_intent=pi_")
        paid = wait_for(lambda: "paid" in (r := browser.get(returned)).text and r)
        assert '<strong data-testid="order-status">paid</strong>' in paid.text

        # The JSON API without a payment method answers the URL to send the customer to.
        json_answer = browser.post(
            "/checkout", json={"order_id": "2002", "amount": "10.00", "currency": "USD"}
        ).json()
        assert json_answer["status"] == "requires_payment_method" and json_answer["checkout_url"].startswith(
            account.base + "/_sandbox/pages/checkout/"
        )
        # A forged return (no such payment for the order) shows nothing.
        assert browser.get("/orders/2001/return?payment_intent=pi_forged").status_code == 404
