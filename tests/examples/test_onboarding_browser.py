"""The hosted onboarding page in a real browser: headless Chromium driven with Selenium (tests/support/browser.py).

A small platform (a Starlette app in this module, on a loopback port) onboards merchants on the session sandbox:
it verifies the ``merchant.onboarding.updated`` webhooks it receives and its return page shows the status they
carried. Each test creates an application with the platform's return page as ``return_url``, opens its
``onboarding_url`` (the sandbox's page), submits it, decides the review with the page's sandbox test controls,
comes back to the platform by the page's own redirect, and waits for the platform's page to show the decision,
which only the webhook can make it show.
"""

from __future__ import annotations

import html
import threading
import urllib.parse
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from molam_sdk.models import EventType, MerchantOnboardingStatus, MerchantOnboardingUpdatedEvent
from molam_sdk_ext.webhooks import construct_event
from tests.support import free_port
from tests.support.accounts import Account
from tests.support.browser import by_test_id, click, text_now, wait

from .apps import serve_asgi

pytestmark = [pytest.mark.browser, pytest.mark.integration]

DECIDED = (MerchantOnboardingStatus.APPROVED, MerchantOnboardingStatus.REJECTED)


class Webhooks:
    """What the platform learned from its verified webhooks: each application's statuses, in arrival order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._statuses: dict[str, list[str]] = {}

    def record(self, mo_id: str, status: str) -> None:
        """One ``merchant.onboarding.updated`` delivery about `mo_id`."""
        with self._lock:
            self._statuses.setdefault(mo_id, []).append(status)

    def statuses(self, mo_id: str) -> list[str]:
        """The statuses delivered for `mo_id` so far."""
        with self._lock:
            return list(self._statuses.get(mo_id, ()))


def platform_app(secret: str, webhooks: Webhooks) -> Starlette:
    """The platform: a webhook receiver and the page the onboarding page sends applicants back to."""

    async def receive(request: Request) -> Response:
        event = construct_event(await request.body(), request.headers, secret)  # a forgery raises: a 500
        if not isinstance(event, MerchantOnboardingUpdatedEvent):
            return PlainTextResponse("not subscribed", status_code=400)
        application = event.data.object
        webhooks.record(application.id, str(application.status))
        return PlainTextResponse("ok")

    async def onboarded(request: Request) -> Response:
        seen = webhooks.statuses(request.query_params.get("merchant_onboarding", ""))
        latest = seen[-1] if seen else "waiting for Molam"
        refresh = "" if latest in DECIDED else '<meta http-equiv="refresh" content="1">'
        return HTMLResponse(
            f"<!doctype html><html><head>{refresh}<title>Platform</title></head><body>"
            f'<p>Application: <span data-testid="application-status">{html.escape(latest)}</span></p>'
            "</body></html>"
        )

    return Starlette(
        routes=[
            Route("/webhooks/molam", receive, methods=["POST"]),
            Route("/onboarded", onboarded, methods=["GET"]),
        ]
    )


@attrs.frozen
class Platform:
    """The platform, served for this module, and the sandbox account it onboards merchants on."""

    url: str
    account: Account
    webhooks: Webhooks

    def apply(self, business_name: str) -> Any:
        """A new application whose applicant comes back to the platform's return page."""
        with self.account.client() as molam:
            return molam.merchant_onboarding.create(
                business_name=business_name,
                country="SN",
                email="finance@boutique-teranga.sn",
                business_type="company",
                return_url=f"{self.url}/onboarded?lang=fr",
            )


@pytest.fixture(scope="module")
def platform(sandbox: Any) -> Iterator[Platform]:
    """The platform on a loopback port, its webhook endpoint registered on an account of its own."""
    account = Account(base=sandbox.url, key=sandbox.new_api_key())
    port = free_port()
    secret = account.webhook_endpoint(
        f"http://127.0.0.1:{port}/webhooks/molam", [EventType.MERCHANT_ONBOARDING_UPDATED]
    )
    webhooks = Webhooks()
    with serve_asgi(platform_app(secret, webhooks), port) as url:
        yield Platform(url, account, webhooks)


def _back_at_the_platform(chrome: webdriver.Chrome, platform: Platform, mo_id: str, decision: str) -> None:
    """Wait for the page's redirect to the platform's return page, then for the webhook to bring `decision`."""
    wait(chrome, lambda c: c.current_url.startswith(f"{platform.url}/onboarded?"), "back at the platform")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(chrome.current_url).query)
    assert query == {"lang": ["fr"], "merchant_onboarding": [mo_id]}
    wait(chrome, lambda c: text_now(c, "application-status") == decision, f"the webhook's {decision}")


def _submit_and_see_the_review(chrome: webdriver.Chrome) -> None:
    wait(chrome, lambda c: text_now(c, "status") == "In review", "the application in review")
    controls = by_test_id(chrome, "review-approve").find_element(By.XPATH, "./ancestor::fieldset")
    assert controls.find_element(By.TAG_NAME, "legend").text == "Sandbox test controls"
    assert not chrome.find_elements(By.CSS_SELECTOR, '[data-testid="submit-application"]')


def test_submit_and_approve_back_at_the_platform(chrome: webdriver.Chrome, platform: Platform) -> None:
    mo = platform.apply("Boutique Teranga SARL")
    chrome.get(mo.onboarding_url)
    assert by_test_id(chrome, "business-name").text == "Boutique Teranga SARL"
    assert by_test_id(chrome, "business-type").text == "Company"
    assert by_test_id(chrome, "status").text == "Pending"
    required = chrome.find_elements(By.CSS_SELECTOR, '[data-testid="requirement"]')
    assert [e.text for e in required] == [r.replace("_", " ").capitalize() for r in mo.requirements]
    assert required

    click(chrome, "submit-application")
    _submit_and_see_the_review(chrome)
    click(chrome, "review-approve")
    _back_at_the_platform(chrome, platform, mo.id, "approved")
    assert platform.webhooks.statuses(mo.id) == ["in_review", "approved"]
    with platform.account.client() as molam:
        approved = molam.merchant_onboarding.retrieve(mo.id)
    assert approved.status == "approved" and str(approved.merchant_id).startswith("mer_")

    chrome.get(mo.onboarding_url)  # the back button: the outcome, nothing left to click but the way back
    assert str(approved.merchant_id) in by_test_id(chrome, "outcome").text
    assert not chrome.find_elements(By.CSS_SELECTOR, "button")
    click(chrome, "back-to-platform")
    _back_at_the_platform(chrome, platform, mo.id, "approved")


def test_double_click_submits_once_then_reject(chrome: webdriver.Chrome, platform: Platform) -> None:
    mo = platform.apply("Atelier Sahel SARL")
    chrome.get(mo.onboarding_url)
    ActionChains(chrome).double_click(by_test_id(chrome, "submit-application")).perform()
    _submit_and_see_the_review(chrome)
    click(chrome, "review-reject")
    _back_at_the_platform(chrome, platform, mo.id, "rejected")
    assert platform.webhooks.statuses(mo.id) == ["in_review", "rejected"]
    with platform.account.client() as molam:
        events = molam.events.list(type=EventType.MERCHANT_ONBOARDING_UPDATED, limit=100).data
        about = [e.data.object["status"] for e in events if e.data.object["id"] == mo.id]
        assert about == ["rejected", "in_review"]  # newest first: one submission, one decision
        assert molam.merchant_onboarding.retrieve(mo.id).rejection_reason
