"""The hosted checkout in a real browser: headless Chromium driven with Selenium (tests/support/browser.py).

The FastAPI shop example (examples/fastapi_checkout.py) runs on a loopback port with a webhook endpoint of its
own on the session sandbox. Each test starts on the shop's page, clicks "Pay", lands on Molam Checkout (the
sandbox's page), uses its documented ``data-testid`` controls, comes back to the shop by the page's own
redirect, and waits for the shop's page to say the order is paid, which only the webhook can make it say.
One browser serves the whole session (the ``chrome`` fixture of tests/examples/conftest.py).
"""

from __future__ import annotations

import os
import shutil
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from molam_sdk.models import EventType
from molam_sdk_ext.client import Molam
from tests.support import free_port
from tests.support.accounts import Account
from tests.support.browser import by_test_id, click, submit, text_now, wait

from .apps import load_example, serve_asgi

pytestmark = [pytest.mark.browser, pytest.mark.integration]

SCREENSHOT_DIR = "MOLAM_CHECKOUT_SCREENSHOT_DIR"
"""Set to a folder to keep the checkout page's screenshot there (docs/img/checkout.png was made this way)."""


@attrs.frozen
class Shop:
    """The FastAPI shop example, served for this module, and the sandbox account it takes payments on."""

    url: str
    account: Account

    def client(self) -> Molam:
        """A client on the shop's account, to check what the page did."""
        return self.account.client()


@pytest.fixture(scope="module")
def shop(sandbox: Any) -> Iterator[Shop]:
    """The shop on a loopback port, its webhook endpoint registered on an account of its own."""
    account = Account(base=sandbox.url, key=sandbox.new_api_key())
    port = free_port()
    secret = account.webhook_endpoint(
        f"http://127.0.0.1:{port}/webhooks/molam",
        [
            EventType.PAYMENT_INTENT_SUCCEEDED,
            EventType.PAYMENT_INTENT_FAILED,
            EventType.PAYMENT_INTENT_CANCELED,
        ],
    )
    with pytest.MonkeyPatch.context() as env:
        for name, value in account.env().items():  # the app builds its client from the environment
            env.setenv(name, value)
        app = load_example("fastapi_checkout.py").create_app(webhook_secret=secret)
        with serve_asgi(app, port) as url:
            yield Shop(url, account)


def _to_checkout(chrome: webdriver.Chrome, shop: Shop, order_id: str) -> str:
    """From the shop's page to Molam Checkout; the checkout URL."""
    chrome.get(f"{shop.url}/?order_id={order_id}")
    click(chrome, "shop-pay")
    wait(
        chrome,
        lambda c: c.current_url.startswith(shop.account.base + "/_sandbox/pages/checkout/"),
        "checkout",
    )
    assert by_test_id(chrome, "amount").text == "15,250 XOF"
    return str(chrome.current_url)


def _back_at_the_shop_and_paid(chrome: webdriver.Chrome, shop: Shop, order_id: str) -> str:
    """Wait for the page's redirect to the shop's return page, then for the webhook to mark the order paid."""
    wait(
        chrome,
        lambda c: c.current_url.startswith(f"{shop.url}/orders/{order_id}/return?"),
        "back at the shop",
    )
    pi_id = urllib.parse.parse_qs(urllib.parse.urlsplit(chrome.current_url).query)["payment_intent"][0]
    wait(chrome, lambda c: text_now(c, "order-status") == "paid", f"order {order_id} paid")
    return pi_id


def _charges(shop: Shop, pi_id: str) -> list[str]:
    with shop.client() as molam:
        return [str(charge.status) for charge in molam.charges.list(payment_intent=pi_id).data]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("order_id", "steps"),
    [
        ("1042", ["pay-card-success"]),
        ("b-3ds", ["pay-card-3ds", "authorize-3ds-approve"]),
        ("b-orange", ["pay-orange-money-approve"]),
        ("b-wave", ["pay-wave-approve"]),
    ],
)
def test_each_method_from_the_shop_and_back_paid(
    chrome: webdriver.Chrome, shop: Shop, order_id: str, steps: list[str], tmp_path: Path
) -> None:
    checkout_url = _to_checkout(chrome, shop, order_id)
    if order_id == "1042":  # the page as a customer sees it, kept for the docs
        picture = tmp_path / "checkout.png"
        assert chrome.save_screenshot(str(picture)) and picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        if os.environ.get(SCREENSHOT_DIR):
            shutil.copy(picture, Path(os.environ[SCREENSHOT_DIR]) / "checkout.png")
    for step in steps:
        click(chrome, step)
    pi_id = _back_at_the_shop_and_paid(chrome, shop, order_id)
    assert _charges(shop, pi_id) == ["succeeded"]
    chrome.get(checkout_url)  # the back button: the page cannot be paid again
    assert "nothing left to pay" in by_test_id(chrome, "outcome").text
    assert not chrome.find_elements(By.CSS_SELECTOR, '[data-testid^="pay-"]')


def test_declines_are_shown_and_the_customer_pays_again(chrome: webdriver.Chrome, shop: Shop) -> None:
    _to_checkout(chrome, shop, "b-declined")
    for refused in ("pay-card-declined", "pay-orange-money-reject", "pay-wave-reject"):
        submit(chrome, refused)  # the next page, not the last decline's, must show the alert
        alert = wait(chrome, lambda c: by_test_id(c, "payment-error"), f"the decline of {refused}")
        assert "declined" in alert.text.lower() and alert.get_attribute("role") == "alert"
    submit(chrome, "pay-card-3ds")
    submit(chrome, "authorize-3ds-reject")
    wait(chrome, lambda c: by_test_id(c, "payment-error"), "the refused 3-D Secure step")
    click(chrome, "pay-card-success")
    pi_id = _back_at_the_shop_and_paid(chrome, shop, "b-declined")
    assert sorted(_charges(shop, pi_id)) == ["failed"] * 4 + ["succeeded"]


def test_cancel_returns_to_the_shop(chrome: webdriver.Chrome, shop: Shop) -> None:
    _to_checkout(chrome, shop, "b-cancel")
    click(chrome, "cancel")
    wait(
        chrome, lambda c: c.current_url.startswith(f"{shop.url}/?payment_intent=pi_"), "the shop's cancel_url"
    )
    pi_id = urllib.parse.parse_qs(urllib.parse.urlsplit(chrome.current_url).query)["payment_intent"][0]
    with shop.client() as molam:
        assert molam.payment_intents.retrieve(pi_id).status == "canceled"


def test_double_click_pays_once(chrome: webdriver.Chrome, shop: Shop) -> None:
    _to_checkout(chrome, shop, "b-double")
    ActionChains(chrome).double_click(by_test_id(chrome, "pay-card-success")).perform()
    pi_id = _back_at_the_shop_and_paid(chrome, shop, "b-double")
    assert _charges(shop, pi_id) == ["succeeded"]


def test_two_tabs_pay_once(chrome: webdriver.Chrome, shop: Shop) -> None:
    checkout_url = _to_checkout(chrome, shop, "b-tabs")
    first = chrome.current_window_handle
    chrome.switch_to.new_window("tab")
    chrome.get(checkout_url)  # the same checkout, open in a second tab
    second = chrome.current_window_handle
    chrome.switch_to.window(first)
    click(chrome, "pay-card-success")
    pi_id = _back_at_the_shop_and_paid(chrome, shop, "b-tabs")
    chrome.switch_to.window(second)  # its page still shows the pay buttons: click one
    click(chrome, "pay-wave-approve")
    _back_at_the_shop_and_paid(chrome, shop, "b-tabs")  # sent back to the shop, not charged
    chrome.close()
    chrome.switch_to.window(first)
    assert _charges(shop, pi_id) == ["succeeded"]
    with shop.client() as molam:
        events = molam.events.list(type="payment_intent.succeeded", limit=100).data
        assert sum(e.to_dict()["data"]["object"]["id"] == pi_id for e in events) == 1
