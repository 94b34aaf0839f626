"""The hosted onboarding page's actions: what an applicant's click on the page does to the application.

A merchant onboarding application carries the page as ``onboarding_url``
(``/_sandbox/pages/onboarding/<application id>/<token>``, made by `molam_sandbox.onboarding`). This module
finds the application a URL names, checking its capability token in constant time (`molam_sandbox.hosted`:
the page is reached without an API key), and turns a click into the same `onboarding.advance_onboarding` as
``POST /_sandbox/merchants/onboarding/{id}/advance``: submitting moves a `pending` application to
`in_review`; the sandbox test controls of an `in_review` one approve or reject it. Each records the same
``merchant.onboarding.updated`` event: there is no second state machine.

One click acts once: the page's nonce is recorded with the change it makes, in one write transaction, and a
click the application's status no longer allows (another tab decided first) changes nothing. The HTML lives
in `molam_sandbox.onboarding_page`.
"""

from __future__ import annotations

import enum

import attrs

from molam_sandbox import hosted, onboarding
from molam_sandbox.objects import load, table_of, view
from molam_sandbox.settings import Env
from molam_sandbox.state import Tx
from molam_sdk.models.merchant_onboarding import MerchantOnboarding
from molam_sdk.models.merchant_onboarding_status import MerchantOnboardingStatus

__all__ = ["Application", "Choice", "act", "open_application"]

Status = MerchantOnboardingStatus

_HANDLED = "onboarding_nonces"  # internal: nonces of the page requests already acted on, newest last


class Choice(enum.Enum):
    """A control of the onboarding page; its value is what the form posts, ``test_id`` its ``data-testid``."""

    SUBMIT = "submit"
    """The applicant sends the application for review."""
    APPROVE = "approve"
    """Sandbox test control: the review approves the application."""
    REJECT = "reject"
    """Sandbox test control: the review rejects the application."""

    @property
    def test_id(self) -> str:
        """The stable ``data-testid`` of the control (documented for platforms' browser tests)."""
        return "submit-application" if self is Choice.SUBMIT else f"review-{self.value}"

    @property
    def target(self) -> Status:
        """The status the click asks for (`advance_onboarding` decides whether the application may move)."""
        return _TARGETS[self]


_TARGETS = {Choice.SUBMIT: Status.IN_REVIEW, Choice.APPROVE: Status.APPROVED, Choice.REJECT: Status.REJECTED}


@attrs.frozen
class Application:
    """A merchant onboarding application reached through its onboarding URL (the token matched)."""

    account: str
    application: MerchantOnboarding
    return_url: str | None
    """Where the applicant goes back to (the application's ``return_url``, kept internally), if anywhere."""

    @property
    def decided(self) -> bool:
        """Whether the application is approved or rejected: nothing is left to do on the page."""
        return self.application.status not in onboarding.NEXT_STATUSES


def open_application(tx: Tx, mo_id: str, token: str) -> Application | None:
    """The application `mo_id` if `token` is its onboarding token, else None (unknown id and wrong token alike).

    The id is looked up in every account (the browser sends no key); the token decides, compared in constant
    time, and an application that never had a token has none to match.
    """
    record = tx.get_in_any_account(table_of(MerchantOnboarding), mo_id)
    if record is None or not hosted.token_matches(onboarding.onboarding_token(record.internal), token):
        return None
    return Application(
        record.account,
        view(MerchantOnboarding, record.doc),
        onboarding.applicant_return_url(record.internal),
    )


def act(tx: Tx, env: Env, mo_id: str, token: str, choice: Choice, nonce: str) -> Application | None:
    """Do what `choice` asks, once per `nonce`, if the application's status still allows it; the application
    after. None when the URL names no application (wrong token). Run inside one write transaction."""
    found = open_application(tx, mo_id, token)
    if found is None:
        return None
    if not hosted.first_use(tx, load(tx, MerchantOnboarding, found.account, mo_id), _HANDLED, nonce):
        return found  # a repeat of a request already acted on: its outcome stands
    if choice.target in onboarding.NEXT_STATUSES.get(found.application.status, ()):
        onboarding.advance_onboarding(tx, found.account, mo_id, choice.target, env)
    # Any other click came from a page the application has moved past (another tab decided): nothing to do.
    return open_application(tx, mo_id, token)
