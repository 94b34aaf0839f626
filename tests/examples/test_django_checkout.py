"""examples/django_checkout run as a reader runs it (`manage.py runserver`), with CSRF on and real webhooks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from molam_sdk.models import EventType
from tests.support import free_port, wait_for
from tests.support.accounts import Account

from .apps import EXAMPLES


@pytest.fixture(scope="module")
def django_server(sandbox: Any) -> Iterator[tuple[str, Account]]:
    """The example on a loopback port (started once for this module), with a webhook endpoint registered for it
    on an account of its own; yields (url, account)."""
    account = Account(base=sandbox.url, key=sandbox.new_api_key())
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with account.client() as molam:
        endpoint = molam.webhook_endpoints.create(
            url=f"{url}/webhooks/molam",
            enabled_events=[EventType.PAYMENT_INTENT_SUCCEEDED, EventType.PAYMENT_INTENT_FAILED],
        )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOLAM_", "DJANGO_"))}
    env |= account.env() | {"MOLAM_WEBHOOK_SECRET": endpoint.secret, "PYTHONUNBUFFERED": "1"}
    project = EXAMPLES / "django_checkout"
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )

    def up() -> bool:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        try:
            return httpx.get(f"{url}/checkout/", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_for(up, timeout=30)
        yield url, account
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()


def test_form_checkout_is_marked_paid_by_the_webhook(django_server: tuple[str, Account]) -> None:
    url, account = django_server
    with httpx.Client(base_url=url, timeout=10) as browser:
        page = browser.get("/checkout/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token is not None
        form = {
            "csrfmiddlewaretoken": token.group(1),
            "order_id": "1042",
            "amount": "150.00",
            "currency": "GHS",
        }
        paid = browser.post("/checkout/", data=form | {"payment_method": "pm_card_visa"})
        assert paid.status_code == 200, paid.text
        assert paid.json()["status"] == "succeeded"
        intent_id = paid.json()["payment_intent"]
        order = wait_for(lambda: (o := browser.get("/orders/1042").json())["status"] == "paid" and o)
        assert order == {"order_id": "1042", "status": "paid", "payment_intent": intent_id}

        declined = browser.post(
            "/checkout/",
            json={
                "order_id": "1043",
                "amount": "15000",
                "currency": "XOF",
                "payment_method": "pm_card_declined",
            },
            headers={"X-CSRFToken": browser.cookies["csrftoken"]},
        )
        assert declined.status_code == 402 and "card_declined" in declined.json()["error"]
        assert wait_for(lambda: browser.get("/orders/1043").json()["status"] == "failed")
        too_precise = browser.post("/checkout/", data=form | {"order_id": "1044", "amount": "1.001"})
        assert too_precise.status_code == 400 and too_precise.json()["param"] == "amount"
    with account.client() as molam:
        assert molam.payment_intents.retrieve(intent_id).amount == 15000


def test_csrf_is_enforced_but_not_on_the_webhook(django_server: tuple[str, Account]) -> None:
    url, _ = django_server
    refused = httpx.post(f"{url}/checkout/", json={"order_id": "1", "amount": "1", "currency": "XOF"})
    assert refused.status_code == 403  # no CSRF token: the checkout form is protected
    unsigned = httpx.post(f"{url}/webhooks/molam", content=b"{}")
    assert unsigned.status_code == 400  # reached the view (CSRF-exempt), refused for its missing signature


def test_form_without_a_method_redirects_to_molam_checkout(django_server: tuple[str, Account]) -> None:
    """The form's default: Molam Checkout. The shop redirects there, the page sends the customer back to the
    shop's return page, and the webhook marks the order paid."""
    url, account = django_server
    with httpx.Client(base_url=url, timeout=10) as browser:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', browser.get("/checkout/").text)
        assert token is not None
        form = {
            "csrfmiddlewaretoken": token.group(1),
            "order_id": "3001",
            "amount": "4217.53",
            "currency": "USD",
        }
        to_checkout = browser.post("/checkout/", data=form | {"payment_method": ""})
        assert to_checkout.status_code == 302, to_checkout.text
        checkout_url = to_checkout.headers["location"]
        assert checkout_url.startswith(account.base + "/_sandbox/pages/checkout/pi_")
        page = browser.get(checkout_url)
        assert "4,217.53" in page.text and "USD" in page.text
        nonce = re.search(r'name="nonce" value="([A-Za-z0-9]+)"', page.text)
        assert nonce is not None
        back = browser.post(checkout_url, data={"choice": "orange-money-approve", "nonce": nonce.group(1)})
        assert back.status_code == 303 and back.headers["location"].startswith(f"{url}/orders/3001/return?")
        paid = wait_for(lambda: "paid" in (r := browser.get(back.headers["location"])).text and r)
        assert '<strong data-testid="order-status">paid</strong>' in paid.text
        assert browser.get("/orders/3001/return?payment_intent=pi_other").status_code == 404
