"""The hosted checkout in a real browser: headless Chromium (Debian's ``chromium`` and ``chromium-driver``,
installed by scripts/ensure-browser, which ``make test`` and CI run) driven with Selenium.

The FastAPI shop example (examples/fastapi_checkout.py) runs on a loopback port with a webhook endpoint of its
own on the session sandbox. Each test starts on the shop's page, clicks "Pay", lands on Molam Checkout (the
sandbox's page), uses its documented ``data-testid`` controls, comes back to the shop by the page's own
redirect, and waits for the shop's page to say the order is paid, which only the webhook can make it say.
One browser serves the whole session (about a second to start).

Outside CI a machine without Chromium skips these tests with the command that installs it; in CI (``CI`` set)
a missing browser fails them: they must never be skipped there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from molam_sdk.models import EventType
from molam_sdk_ext.client import Molam
from tests.support import free_port
from tests.support.accounts import Account

from .apps import load_example, serve_asgi

pytestmark = [pytest.mark.browser, pytest.mark.integration]

CHROMIUM = os.environ.get("MOLAM_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("MOLAM_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")
SCREENSHOT_DIR = "MOLAM_CHECKOUT_SCREENSHOT_DIR"
"""Set to a folder to keep the checkout page's screenshot there (docs/img/checkout.png was made this way)."""
WAIT = 15.0  # seconds for a page or a webhook; the sandbox delivers within a second


def _chromium_flags(profile: str) -> list[str]:
    # Headless in a container: no sandbox (root), no GPU, nothing that phones home, a fresh profile.
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=900,1000",
        f"--user-data-dir={profile}",
    ]


@pytest.fixture(scope="session")
def chrome() -> Iterator[webdriver.Chrome]:
    """One headless Chromium for the session (fails in CI, skips elsewhere, when it is not installed)."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if shutil.which(path) is None]
    if missing:
        message = (
            f"the browser tests need Chromium and its driver ({', '.join(missing)} missing): "
            "run scripts/ensure-browser (apt-get install chromium chromium-driver)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    profile = tempfile.mkdtemp(prefix="molam-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in _chromium_flags(profile):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    except WebDriverException as exc:
        shutil.rmtree(profile, ignore_errors=True)
        pytest.fail(f"headless Chromium did not start: {exc.msg}")
    driver.set_page_load_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


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
    with account.client() as molam:
        endpoint = molam.webhook_endpoints.create(
            url=f"http://127.0.0.1:{port}/webhooks/molam",
            enabled_events=[
                EventType.PAYMENT_INTENT_SUCCEEDED,
                EventType.PAYMENT_INTENT_FAILED,
                EventType.PAYMENT_INTENT_CANCELED,
            ],
        )
    with pytest.MonkeyPatch.context() as env:
        for name, value in account.env().items():  # the app builds its client from the environment
            env.setenv(name, value)
        app = load_example("fastapi_checkout.py").create_app(webhook_secret=endpoint.secret)
        with serve_asgi(app, port) as url:
            yield Shop(url, account)


def _wait(chrome: webdriver.Chrome, condition: Callable[[webdriver.Chrome], Any], what: str) -> Any:
    waiting = WebDriverWait(
        chrome, WAIT, poll_frequency=0.05, ignored_exceptions=[StaleElementReferenceException]
    )
    return waiting.until(condition, message=f"{what} (at {chrome.current_url})")


def _by_test_id(chrome: webdriver.Chrome, test_id: str) -> Any:
    return chrome.find_element(By.CSS_SELECTOR, f'[data-testid="{test_id}"]')


def _text_now(chrome: webdriver.Chrome, test_id: str) -> str | None:
    """The element's text read in one browser call (None while it is absent).

    For a page that reloads itself (the shop's return page refreshes until the webhook arrives): holding an
    element between two calls can hit the next document ("Node with given id does not belong to the
    document"), which Chrome reports as an unknown error rather than a stale element.
    """
    text = chrome.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;",
        f'[data-testid="{test_id}"]',
    )
    return text if isinstance(text, str) else None


def _click(chrome: webdriver.Chrome, test_id: str) -> None:
    _by_test_id(chrome, test_id).click()


def _to_checkout(chrome: webdriver.Chrome, shop: Shop, order_id: str) -> str:
    """From the shop's page to Molam Checkout; the checkout URL."""
    chrome.get(f"{shop.url}/?order_id={order_id}")
    _click(chrome, "shop-pay")
    _wait(
        chrome,
        lambda c: c.current_url.startswith(shop.account.base + "/_sandbox/pages/checkout/"),
        "checkout",
    )
    assert _by_test_id(chrome, "amount").text == "15,250 XOF"
    return str(chrome.current_url)


def _back_at_the_shop_and_paid(chrome: webdriver.Chrome, shop: Shop, order_id: str) -> str:
    """Wait for the page's redirect to the shop's return page, then for the webhook to mark the order paid."""
    _wait(
        chrome,
        lambda c: c.current_url.startswith(f"{shop.url}/orders/{order_id}/return?"),
        "back at the shop",
    )
    pi_id = urllib.parse.parse_qs(urllib.parse.urlsplit(chrome.current_url).query)["payment_intent"][0]
    _wait(chrome, lambda c: _text_now(c, "order-status") == "paid", f"order {order_id} paid")
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
        _click(chrome, step)
    pi_id = _back_at_the_shop_and_paid(chrome, shop, order_id)
    assert _charges(shop, pi_id) == ["succeeded"]
    chrome.get(checkout_url)  # the back button: the page cannot be paid again
    assert "nothing left to pay" in _by_test_id(chrome, "outcome").text
    assert not chrome.find_elements(By.CSS_SELECTOR, '[data-testid^="pay-"]')


def test_declines_are_shown_and_the_customer_pays_again(chrome: webdriver.Chrome, shop: Shop) -> None:
    _to_checkout(chrome, shop, "b-declined")
    for refused in ("pay-card-declined", "pay-orange-money-reject", "pay-wave-reject"):
        _click(chrome, refused)
        alert = _wait(chrome, lambda c: _by_test_id(c, "payment-error"), f"the decline of {refused}")
        assert "declined" in alert.text.lower() and alert.get_attribute("role") == "alert"
    _click(chrome, "pay-card-3ds")
    _click(chrome, "authorize-3ds-reject")
    _wait(chrome, lambda c: _by_test_id(c, "payment-error"), "the refused 3-D Secure step")
    _click(chrome, "pay-card-success")
    pi_id = _back_at_the_shop_and_paid(chrome, shop, "b-declined")
    assert sorted(_charges(shop, pi_id)) == ["failed"] * 4 + ["succeeded"]


def test_cancel_returns_to_the_shop(chrome: webdriver.Chrome, shop: Shop) -> None:
    _to_checkout(chrome, shop, "b-cancel")
    _click(chrome, "cancel")
    _wait(
        chrome, lambda c: c.current_url.startswith(f"{shop.url}/?payment_intent=pi_"), "the shop's cancel_url"
    )
    pi_id = urllib.parse.parse_qs(urllib.parse.urlsplit(chrome.current_url).query)["payment_intent"][0]
    with shop.client() as molam:
        assert molam.payment_intents.retrieve(pi_id).status == "canceled"


def test_double_click_pays_once(chrome: webdriver.Chrome, shop: Shop) -> None:
    _to_checkout(chrome, shop, "b-double")
    ActionChains(chrome).double_click(_by_test_id(chrome, "pay-card-success")).perform()
    pi_id = _back_at_the_shop_and_paid(chrome, shop, "b-double")
    assert _charges(shop, pi_id) == ["succeeded"]


def test_two_tabs_pay_once(chrome: webdriver.Chrome, shop: Shop) -> None:
    checkout_url = _to_checkout(chrome, shop, "b-tabs")
    first = chrome.current_window_handle
    chrome.switch_to.new_window("tab")
    chrome.get(checkout_url)  # the same checkout, open in a second tab
    second = chrome.current_window_handle
    chrome.switch_to.window(first)
    _click(chrome, "pay-card-success")
    pi_id = _back_at_the_shop_and_paid(chrome, shop, "b-tabs")
    chrome.switch_to.window(second)  # its page still shows the pay buttons: click one
    _click(chrome, "pay-wave-approve")
    _back_at_the_shop_and_paid(chrome, shop, "b-tabs")  # sent back to the shop, not charged
    chrome.close()
    chrome.switch_to.window(first)
    assert _charges(shop, pi_id) == ["succeeded"]
    with shop.client() as molam:
        events = molam.events.list(type="payment_intent.succeeded", limit=100).data
        assert sum(e.to_dict()["data"]["object"]["id"] == pi_id for e in events) == 1
