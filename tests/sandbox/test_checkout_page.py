"""The hosted checkout page over HTTP (no browser): its URL as a capability, its controls, and that each
choice drives the payment intent exactly as the API's confirm / cancel / complete_action do, once.

A browser runs the same page in tests/examples/test_checkout_browser.py.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

import httpx
import pytest

from molam_sdk.models import EventType
from molam_sdk_ext.client import Molam
from tests.fixtures.sandbox import SandboxHandle
from tests.support.pages import (
    assert_shows_nothing,
    click,
    click_at_once,
    nonce_of,
    sent_back_to,
    wrong_links,
)
from tests.support.receivers import WebhookReceiver
from tests.support.waiting import wait_for

pytestmark = pytest.mark.integration

SHOP = "https://shop.example/orders/1042/done?lang=fr"
CANCEL = "https://shop.example/cart"
CONTROLS = (
    "pay-card-success",
    "pay-card-declined",
    "pay-card-3ds",
    "pay-orange-money-approve",
    "pay-orange-money-reject",
    "pay-wave-approve",
    "pay-wave-reject",
    "cancel",
)


def _create(molam: Molam, **extra: Any) -> Any:
    fields: dict[str, Any] = {"amount": 421753, "currency": "USD", "return_url": SHOP, "cancel_url": CANCEL}
    return molam.payment_intents.create(**(fields | extra))


def _about(event: Any) -> str:
    """The id of the object an event is about."""
    return str(event.to_dict()["data"]["object"]["id"])


def _returned_to(response: httpx.Response, base: str, object_id: str) -> None:
    """The answer sends the browser to `base` with the object's id added to its query."""
    assert response.status_code == 303, response.text
    sent_back_to(response.headers["location"], base, "payment_intent", object_id)


def test_redirect_url_is_a_capability_on_the_sandbox(
    molam: Molam, sandbox: SandboxHandle, browser: httpx.Client, api_key: str
) -> None:
    first, second = _create(molam), _create(molam)
    for pi in (first, second):
        assert pi.status == "requires_payment_method"
        url = urllib.parse.urlsplit(pi.redirect_url)
        assert f"{url.scheme}://{url.netloc}" == sandbox.url and not url.fragment
        token = url.path.rsplit("/", 1)[1]
        assert re.fullmatch(r"[A-Za-z0-9]{16,}", token) and token not in str(pi.client_secret)
    assert first.redirect_url.rsplit("/", 1)[1] != second.redirect_url.rsplit("/", 1)[1]

    page = browser.get(first.redirect_url)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-store" and page.headers["referrer-policy"] == "no-referrer"
    assert "4,217.53" in page.text and "USD" in page.text
    for control in CONTROLS:
        assert f'data-testid="{control}"' in page.text
    assert str(first.client_secret) not in page.text and api_key not in page.text
    assert "sk_test_" not in page.text and "_secret_" not in page.text

    with Molam(api_key=sandbox.new_api_key(), base_url=sandbox.url, max_retries=0) as other_account:
        foreign = _create(other_account)  # another key's intent
    unknown = f"{sandbox.url}/_sandbox/pages/checkout/pi_{'z' * 24}/{'y' * 32}"
    links = wrong_links(first.redirect_url, second.redirect_url, foreign.redirect_url, unknown)
    assert_shows_nothing(browser, links, "card-success", (first.id, foreign.id, "4,217.53"))
    assert molam.payment_intents.retrieve(first.id).status == "requires_payment_method"


def test_amount_in_major_units(molam: Molam, browser: httpx.Client) -> None:
    xof = molam.payment_intents.create(amount=15250, currency="XOF")
    page = browser.get(str(xof.redirect_url)).text
    assert "15,250" in page and "XOF" in page and "15250" not in page


def test_card_success_pays_like_the_api_and_returns_to_the_shop(
    molam: Molam, browser: httpx.Client, receiver: WebhookReceiver
) -> None:
    molam.webhook_endpoints.create(url=receiver.url, enabled_events=["payment_intent.succeeded"])
    by_page, by_api = _create(molam), _create(molam, payment_method="pm_card_visa")
    before = {b.currency: b.amount for b in molam.balances.retrieve().available}

    _returned_to(click(browser, by_page.redirect_url, "card-success"), SHOP, by_page.id)
    molam.payment_intents.confirm(by_api.id)

    paid, reference = (molam.payment_intents.retrieve(pi.id) for pi in (by_page, by_api))
    assert paid.status == reference.status == "succeeded" and paid.amount_received == 421753
    assert paid.redirect_url is None
    ignore = {"id", "payment_intent", "created"}
    charge, reference_charge = (
        molam.charges.retrieve(str(pi.latest_charge)).to_dict() for pi in (paid, reference)
    )
    assert {k: v for k, v in charge.items() if k not in ignore} == {
        k: v for k, v in reference_charge.items() if k not in ignore
    }
    after = {b.currency: b.amount for b in molam.balances.retrieve().available}
    assert after["USD"] - before.get("USD", 0) == 2 * 421753  # each credited once
    types = [e.type for e in molam.events.list(limit=100).data if _about(e) == paid.id]
    reference_types = [e.type for e in molam.events.list(limit=100).data if _about(e) == reference.id]
    assert types == reference_types == ["payment_intent.succeeded"]
    deliveries = wait_for(lambda: receiver.events("payment_intent.succeeded"), lambda d: len(d) == 2)
    assert {d.json()["data"]["object"]["id"] for d in deliveries} == {paid.id, reference.id}

    # Loaded again after the end (back button, bookmark): a 409 page, nothing to pay, a link back.
    again = browser.get(str(by_page.redirect_url))
    assert again.status_code == 409 and 'data-testid="pay-' not in again.text
    assert 'data-testid="back-to-shop"' in again.text
    # A stale tab posting a new click changes nothing and sends the customer back to the shop.
    stale = browser.post(str(by_page.redirect_url), data={"choice": "card-success", "nonce": "s" * 24})
    _returned_to(stale, SHOP, paid.id)
    assert len(molam.charges.list(payment_intent=paid.id).data) == 1


def test_declined_then_paid_on_the_same_page(molam: Molam, browser: httpx.Client) -> None:
    pi = _create(molam)
    for choice in ("card-declined", "orange-money-reject", "wave-reject"):
        declined = click(browser, pi.redirect_url, choice)
        assert (
            declined.status_code == 303
            and declined.headers["location"] == urllib.parse.urlsplit(pi.redirect_url).path
        )
        page = browser.get(pi.redirect_url)
        assert page.status_code == 200 and 'data-testid="payment-error"' in page.text
        assert "declined" in page.text.lower() and 'data-testid="pay-card-success"' in page.text
        assert molam.payment_intents.retrieve(pi.id).status == "requires_payment_method"
    _returned_to(click(browser, pi.redirect_url, "wave-approve"), SHOP, pi.id)
    charges = molam.charges.list(payment_intent=pi.id).data
    assert sorted(c.status for c in charges) == ["failed", "failed", "failed", "succeeded"]
    failures = [e for e in molam.events.list(type="payment_intent.failed").data if _about(e) == pi.id]
    assert len(failures) == 3


@pytest.mark.parametrize("approve", [True, False])
def test_card_3ds_approval_step(molam: Molam, browser: httpx.Client, approve: bool) -> None:
    pi = _create(molam)
    step = click(browser, pi.redirect_url, "card-3ds")
    assert step.status_code == 303
    page = browser.get(pi.redirect_url)
    assert (
        'data-testid="authorize-3ds-approve"' in page.text
        and 'data-testid="pay-card-success"' not in page.text
    )
    assert molam.payment_intents.retrieve(pi.id).status == "requires_action"
    answer = click(browser, pi.redirect_url, "3ds-approve" if approve else "3ds-reject", nonce_of(page))
    if approve:
        _returned_to(answer, SHOP, pi.id)
        assert molam.payment_intents.retrieve(pi.id).status == "succeeded"
    else:
        assert answer.status_code == 303
        assert 'data-testid="payment-error"' in browser.get(pi.redirect_url).text
        assert molam.payment_intents.retrieve(pi.id).status == "requires_payment_method"


def test_cancel_goes_to_cancel_url(molam: Molam, browser: httpx.Client) -> None:
    pi = _create(molam)
    _returned_to(click(browser, pi.redirect_url, "cancel"), CANCEL, pi.id)
    canceled = molam.payment_intents.retrieve(pi.id)
    assert canceled.status == "canceled" and canceled.cancellation_reason == "abandoned"
    assert browser.get(pi.redirect_url).status_code == 409


def test_without_return_url_the_page_says_it_is_done(molam: Molam, browser: httpx.Client) -> None:
    pi = molam.payment_intents.create(amount=500, currency="XOF")
    done = click(browser, str(pi.redirect_url), "orange-money-approve")
    assert done.status_code == 200 and 'data-testid="outcome"' in done.text
    assert molam.payment_intents.retrieve(pi.id).status == "succeeded"


def test_double_click_acts_once(molam: Molam, browser: httpx.Client) -> None:
    declined = _create(molam)
    nonce = nonce_of(browser.get(declined.redirect_url))
    for _ in range(2):  # the same form posted twice: one declined attempt, not two
        assert click(browser, declined.redirect_url, "card-declined", nonce).status_code == 303
    assert len(molam.charges.list(payment_intent=declined.id).data) == 1

    paid = _create(molam)
    nonce = nonce_of(browser.get(paid.redirect_url))
    answers = [click(browser, paid.redirect_url, "card-success", nonce) for _ in range(2)]
    for answer in answers:
        _returned_to(answer, SHOP, paid.id)
    assert len(molam.charges.list(payment_intent=paid.id).data) == 1


def test_two_tabs_at_once_pay_once(molam: Molam, sandbox: SandboxHandle, receiver: WebhookReceiver) -> None:
    molam.webhook_endpoints.create(url=receiver.url, enabled_events=["payment_intent.succeeded"])
    pi = _create(molam)
    answers = click_at_once(pi.redirect_url, ["card-success"] * 4)  # four tabs, each with its own page
    for answer in answers:
        _returned_to(answer, SHOP, pi.id)
    assert len(molam.charges.list(payment_intent=pi.id).data) == 1
    succeeded = [e for e in molam.events.list(type="payment_intent.succeeded").data if _about(e) == pi.id]
    assert len(succeeded) == 1
    wait_for(lambda: receiver.events("payment_intent.succeeded"))
    assert len(receiver.events("payment_intent.succeeded")) == 1  # one delivery to the one endpoint


def test_confirm_without_method_points_to_the_same_controls(molam: Molam, browser: httpx.Client) -> None:
    pi = molam.payment_intents.confirm(_create(molam).id)
    assert pi.status == "requires_action" and pi.redirect_url
    page = browser.get(pi.redirect_url)
    for control in CONTROLS:
        assert f'data-testid="{control}"' in page.text
    _returned_to(click(browser, pi.redirect_url, "card-success"), SHOP, pi.id)
    events = [e.type for e in molam.events.list(limit=100).data if _about(e) == pi.id]
    assert events == [EventType.PAYMENT_INTENT_SUCCEEDED, EventType.PAYMENT_INTENT_REQUIRES_ACTION]


def test_a_malformed_post_is_refused(molam: Molam, browser: httpx.Client) -> None:
    pi = _create(molam)
    for form in (
        {"choice": "card-success"},
        {"choice": "steal", "nonce": "n" * 24},
        {"choice": "cancel", "nonce": "!"},
    ):
        assert browser.post(pi.redirect_url, data=form).status_code == 400
    assert molam.payment_intents.retrieve(pi.id).status == "requires_payment_method"


def test_an_intent_with_a_method_has_no_checkout(molam: Molam, browser: httpx.Client) -> None:
    attached = _create(molam, payment_method="pm_card_visa")
    assert attached.status == "requires_confirmation" and attached.redirect_url is None
