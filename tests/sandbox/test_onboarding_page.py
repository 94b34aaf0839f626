"""The hosted onboarding page over HTTP (no browser): its URL as a capability, what it shows, and that each click
moves the application exactly as ``POST /_sandbox/merchants/onboarding/{id}/advance`` does, once.

A browser runs the same page in tests/examples/test_onboarding_browser.py.
"""

from __future__ import annotations

import html
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

PLATFORM = "https://platform.example/merchants/onboarded?lang=fr"
UPDATED = EventType.MERCHANT_ONBOARDING_UPDATED
CONTROLS = ("submit-application", "review-approve", "review-reject")


def _create(molam: Molam, name: str = "Boutique Teranga SARL", **extra: Any) -> Any:
    fields: dict[str, Any] = {
        "business_name": name,
        "country": "SN",
        "email": "finance@boutique-teranga.sn",
        "business_type": "company",
        "return_url": PLATFORM,
    }
    return molam.merchant_onboarding.create(**(fields | extra))


def _statuses(molam: Molam, mo_id: str) -> list[str]:
    """The statuses the application's ``merchant.onboarding.updated`` events carry, newest first."""
    events = molam.events.list(type=UPDATED, limit=100).data
    return [e.data.object["status"] for e in events if e.data.object["id"] == mo_id]


def _again(response: httpx.Response, url: str) -> None:
    """The answer sends the browser back to the page itself (the application's next step)."""
    assert response.status_code == 303, response.text
    assert response.headers["location"] == urllib.parse.urlsplit(url).path


def _returned_to(response: httpx.Response, base: str, object_id: str) -> None:
    """The answer sends the browser to `base` with the object's id added to its query."""
    assert response.status_code == 303, response.text
    sent_back_to(response.headers["location"], base, "merchant_onboarding", object_id)


def test_onboarding_url_is_a_capability_on_the_sandbox(
    molam: Molam, sandbox: SandboxHandle, browser: httpx.Client, api: httpx.Client, api_key: str
) -> None:
    first, second = _create(molam), _create(molam, "Second Shop SARL")
    for mo in (first, second):
        url = urllib.parse.urlsplit(mo.onboarding_url)
        assert f"{url.scheme}://{url.netloc}" == sandbox.url and not url.query and not url.fragment
        assert url.path.startswith(f"/_sandbox/pages/onboarding/{mo.id}/")
        assert re.fullmatch(r"[A-Za-z0-9]{32}", url.path.rsplit("/", 1)[1])
    token = first.onboarding_url.rsplit("/", 1)[1]
    assert token != second.onboarding_url.rsplit("/", 1)[1]
    served = api.get(f"/v1/merchants/onboarding/{first.id}").text  # the return URL is kept, not served
    assert PLATFORM.split("?")[0] not in served and served.count(token) == 1

    page = browser.get(first.onboarding_url)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-store" and page.headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert 'data-testid="business-name">Boutique Teranga SARL<' in page.text
    assert 'data-testid="business-type">Company<' in page.text
    assert 'data-testid="status">Pending<' in page.text
    shown = re.findall(r'data-testid="requirement">([^<]+)<', page.text)
    assert shown == [r.replace("_", " ").capitalize() for r in first.requirements] and shown
    assert 'data-testid="submit-application"' in page.text and 'data-testid="review-' not in page.text
    assert api_key not in page.text and "sk_test_" not in page.text and first.email not in page.text

    other_key = sandbox.new_api_key()
    with Molam(api_key=other_key, base_url=sandbox.url, max_retries=0) as other_account:
        foreign = _create(other_account, "Foreign Holdings SA")  # another key's application
    unknown = f"{sandbox.url}/_sandbox/pages/onboarding/mo_{'z' * 24}/{'y' * 32}"
    links = wrong_links(first.onboarding_url, second.onboarding_url, foreign.onboarding_url, unknown)
    hidden = (first.id, foreign.id, "Boutique Teranga", "Foreign Holdings")
    assert_shows_nothing(browser, links, "submit", hidden)
    assert molam.merchant_onboarding.retrieve(first.id).status == "pending"
    with Molam(api_key=other_key, base_url=sandbox.url, max_retries=0) as other_account:
        assert other_account.merchant_onboarding.retrieve(foreign.id).status == "pending"


def test_everything_shown_is_escaped(molam: Molam, browser: httpx.Client) -> None:
    mo = _create(molam, 'Dakar <b>&</b> "Fils" <script>alert(1)</script>')
    page = browser.get(mo.onboarding_url).text
    assert "<script>alert" not in page and "<b>&" not in page
    assert "Dakar &lt;b&gt;&amp;&lt;/b&gt; &quot;Fils&quot; &lt;script&gt;" in page


def test_submit_then_approve_moves_it_as_the_api_does(
    molam: Molam, browser: httpx.Client, api: httpx.Client, receiver: WebhookReceiver
) -> None:
    molam.webhook_endpoints.create(url=receiver.url, enabled_events=[UPDATED])
    by_page, by_api = _create(molam), _create(molam)

    _again(click(browser, by_page.onboarding_url, "submit"), by_page.onboarding_url)
    api.post(f"/_sandbox/merchants/onboarding/{by_api.id}/advance").raise_for_status()
    in_review = molam.merchant_onboarding.retrieve(by_page.id)
    assert in_review.status == "in_review" and in_review.requirements == []
    review = browser.get(by_page.onboarding_url)
    assert review.status_code == 200 and 'data-testid="status">In review<' in review.text
    assert "<legend>Sandbox test controls</legend>" in review.text
    assert 'data-testid="review-approve"' in review.text and 'data-testid="review-reject"' in review.text
    assert 'data-testid="submit-application"' not in review.text
    assert 'data-testid="back-to-platform"' in review.text

    _returned_to(click(browser, by_page.onboarding_url, "approve", nonce_of(review)), PLATFORM, by_page.id)
    api.post(f"/_sandbox/merchants/onboarding/{by_api.id}/advance").raise_for_status()
    approved, reference = (molam.merchant_onboarding.retrieve(mo.id) for mo in (by_page, by_api))
    assert approved.status == reference.status == "approved"
    assert str(approved.merchant_id).startswith("mer_") and approved.onboarding_url is None
    ignore = {"id", "created", "merchant_id"}
    assert {k: v for k, v in approved.to_dict().items() if k not in ignore} == {
        k: v for k, v in reference.to_dict().items() if k not in ignore
    }
    assert _statuses(molam, by_page.id) == _statuses(molam, by_api.id) == ["approved", "in_review"]
    deliveries = wait_for(lambda: receiver.events(UPDATED), lambda d: len(d) == 4)
    delivered = [
        d.json()["data"]["object"] for d in deliveries if d.json()["data"]["object"]["id"] == by_page.id
    ]
    assert sorted(o["status"] for o in delivered) == ["approved", "in_review"]

    # Loaded again after the decision (back button, bookmark): the outcome, no control, a link back.
    again = browser.get(by_page.onboarding_url)
    assert again.status_code == 200 and "approved" in again.text and str(approved.merchant_id) in again.text
    assert 'data-testid="outcome"' in again.text and not any(f'"{c}"' in again.text for c in CONTROLS)
    link = re.search(r'href="([^"]+)" data-testid="back-to-platform"', again.text)
    assert link is not None
    sent_back_to(html.unescape(link.group(1)), PLATFORM, "merchant_onboarding", by_page.id)
    # A stale tab posting a new click changes nothing and sends the applicant back to the platform.
    stale = browser.post(by_page.onboarding_url, data={"choice": "reject", "nonce": "s" * 24})
    _returned_to(stale, PLATFORM, by_page.id)
    assert molam.merchant_onboarding.retrieve(by_page.id).status == "approved"
    assert _statuses(molam, by_page.id) == ["approved", "in_review"]


def test_reject_shows_why_without_a_return_url(molam: Molam, browser: httpx.Client) -> None:
    mo = molam.merchant_onboarding.create(
        business_name="Kora Musique", country="CI", email="hello@kora.ci", business_type="individual"
    )
    url = str(mo.onboarding_url)
    _again(click(browser, url, "submit"), url)
    done = click(browser, url, "reject")
    rejected = molam.merchant_onboarding.retrieve(mo.id)
    assert rejected.status == "rejected" and rejected.rejection_reason and rejected.merchant_id is None
    assert done.status_code == 200 and 'data-testid="outcome"' in done.text  # nowhere to go: the page says it
    assert "rejected" in done.text and str(rejected.rejection_reason) in done.text
    assert 'data-testid="back-to-platform"' not in done.text
    assert _statuses(molam, mo.id) == ["rejected", "in_review"]


def test_a_return_url_that_is_not_http_gets_no_link(molam: Molam, browser: httpx.Client) -> None:
    mo = _create(molam, return_url="ftp://platform.example/done")
    click(browser, mo.onboarding_url, "submit")
    done = click(browser, mo.onboarding_url, "approve")
    assert done.status_code == 200 and "ftp:" not in done.text
    assert molam.merchant_onboarding.retrieve(mo.id).status == "approved"


def test_double_submit_acts_once(molam: Molam, browser: httpx.Client) -> None:
    mo = _create(molam)
    nonce = nonce_of(browser.get(mo.onboarding_url))
    for _ in range(2):  # the same form posted twice: one submission, one event
        _again(click(browser, mo.onboarding_url, "submit", nonce), mo.onboarding_url)
    assert _statuses(molam, mo.id) == ["in_review"]
    # The page's one click is spent, whatever button a repeat names (a second click on another control).
    _again(click(browser, mo.onboarding_url, "approve", nonce), mo.onboarding_url)
    assert molam.merchant_onboarding.retrieve(mo.id).status == "in_review"

    review_nonce = nonce_of(browser.get(mo.onboarding_url))
    for _ in range(2):  # the same decision posted twice: decided once
        _returned_to(click(browser, mo.onboarding_url, "approve", review_nonce), PLATFORM, mo.id)
    assert _statuses(molam, mo.id) == ["approved", "in_review"]


def test_a_click_the_status_does_not_allow_changes_nothing(molam: Molam, browser: httpx.Client) -> None:
    mo = _create(molam)
    _again(click(browser, mo.onboarding_url, "approve"), mo.onboarding_url)  # a pending application: no
    assert molam.merchant_onboarding.retrieve(mo.id).status == "pending" and _statuses(molam, mo.id) == []
    click(browser, mo.onboarding_url, "submit")
    _again(click(browser, mo.onboarding_url, "submit"), mo.onboarding_url)  # already in review
    assert _statuses(molam, mo.id) == ["in_review"]


def test_two_tabs_deciding_at_once_decide_once(molam: Molam, browser: httpx.Client) -> None:
    mo = _create(molam)
    click(browser, mo.onboarding_url, "submit")
    answers = click_at_once(mo.onboarding_url, ["approve", "reject", "approve", "reject"])  # four tabs
    for answer in answers:
        _returned_to(answer, PLATFORM, mo.id)
    decided = molam.merchant_onboarding.retrieve(mo.id).status
    assert decided in ("approved", "rejected")
    assert _statuses(molam, mo.id) == [decided, "in_review"]


def test_a_malformed_post_is_refused(molam: Molam, browser: httpx.Client) -> None:
    mo = _create(molam)
    for form in (
        {"choice": "submit"},
        {"choice": "approve-everything", "nonce": "n" * 24},
        {"choice": "submit", "nonce": "!"},
    ):
        answer = browser.post(mo.onboarding_url, data=form)
        assert answer.status_code == 400 and mo.id not in answer.text
    assert molam.merchant_onboarding.retrieve(mo.id).status == "pending"
