"""The hosted onboarding page's HTML: the application as its applicant sees it, and what they can do next.

Shows the business name, its type, the application's status and, by status: the documents still required and
the button that submits the application (`pending`); the sandbox test controls that decide the review
(`in_review`, labelled as such: only the sandbox has them); the outcome (`approved` with the merchant id,
`rejected` with the reason). Every control has a stable ``data-testid`` (`Choice.test_id`); a link takes the
applicant back to the application's ``return_url`` with ``merchant_onboarding=<id>`` added to its query. It
never shows an API key, the applicant's contact details or the token, and a page for a wrong token shows
nothing of any application. The shell, headers, style and escaping are the hosted pages' own
(`molam_sandbox.hosted_page`).
"""

from __future__ import annotations

from starlette.responses import HTMLResponse

from molam_sandbox.hosted_page import back_url, button, nonce_field, optional, page, text
from molam_sandbox.objects import object_type
from molam_sandbox.onboarding_actions import Application, Choice
from molam_sdk.models.merchant_onboarding import MerchantOnboarding
from molam_sdk.models.merchant_onboarding_status import MerchantOnboardingStatus

__all__ = ["PRODUCT", "RETURN_PARAMETER", "destination", "render_onboarding", "render_outcome"]

Status = MerchantOnboardingStatus

PRODUCT = "Molam Onboarding"
"""The name in the onboarding page's title."""

RETURN_PARAMETER = object_type(MerchantOnboarding)
"""The query parameter carrying the application id when the page sends the applicant back (page contract:
``https://platform.example/done?merchant_onboarding=mo_...``, the platform's own query kept)."""


def destination(found: Application) -> str | None:
    """The application's ``return_url`` with its id added to the query; None when it has none, or one that is
    not an http(s) URL."""
    return back_url(found.return_url, RETURN_PARAMETER, found.application.id)


def _words(value: object) -> str:
    """An identifier as words (``business_registration_document`` -> ``Business registration document``)."""
    return str(value).replace("_", " ").capitalize()


def _summary(mo: MerchantOnboarding) -> str:
    return (
        f'<h1 data-testid="business-name">{text(mo.business_name)}</h1>'
        f'<dl><dt>Business type</dt><dd data-testid="business-type">{text(_words(mo.business_type))}</dd>'
        f'<dt>Status</dt><dd data-testid="status">{text(_words(mo.status))}</dd></dl>'
    )


def _back_link(found: Application) -> str:
    link = destination(found)
    if link is None:
        return ""
    return f'<p><a href="{text(link)}" data-testid="back-to-platform">Return to the platform</a></p>'


def _button(choice: Choice, label: str, css: str = "") -> str:
    return button(choice.value, choice.test_id, label, css)


def render_onboarding(found: Application, nonce: str) -> HTMLResponse:
    """The page for an application the token opened: what its status lets the applicant do, or its outcome."""
    mo = found.application
    if found.decided:
        return render_outcome(found)
    parts = [_summary(mo), f'<form method="post">{nonce_field(nonce)}']
    if mo.status == Status.PENDING:
        required = "".join(
            f'<li data-testid="requirement">{text(_words(item))}</li>' for item in mo.requirements
        )
        parts.append(
            f'<p><strong>Documents still required</strong></p><ul data-testid="requirements">{required}</ul>'
            if required
            else '<p data-testid="requirements">No document is missing.</p>'
        )
        parts.append(_button(Choice.SUBMIT, "Submit the application"))
        parts.append(
            '</form><p class="note">Sandbox onboarding: no document is uploaded; submitting sends the '
            "application to review.</p>"
        )
        return page(PRODUCT, "Complete your application", "".join(parts))
    parts.append(
        '<p role="status" data-testid="in-review">Your application is in review. You will hear from the '
        "platform once it is decided.</p>"
        "<fieldset><legend>Sandbox test controls</legend>"
        '<p class="muted">Decide the review as Molam would. Only the sandbox has these controls.</p>'
        + _button(Choice.APPROVE, "Approve the application")
        + _button(Choice.REJECT, "Reject the application", "alt")
        + "</fieldset></form>"
    )
    parts.append(_back_link(found))
    return page(PRODUCT, "Application in review", "".join(parts))


def render_outcome(found: Application) -> HTMLResponse:
    """What a decided application's page says (approved or rejected), with a link back when it has one."""
    mo = found.application
    if mo.status == Status.APPROVED:
        title = "Application approved"
        message = (
            f"Your application is approved. Your merchant account is {optional(mo.merchant_id) or 'ready'}."
        )
    else:
        title = "Application rejected"
        reason = optional(mo.rejection_reason)
        message = "Your application was rejected." + (f" {reason}" if reason else "")
    body = f'{_summary(mo)}<p role="status" data-testid="outcome">{text(message)}</p>{_back_link(found)}'
    return page(PRODUCT, title, body)
