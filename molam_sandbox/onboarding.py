"""Merchant onboarding in the sandbox: pending -> in_review -> approved | rejected.

Applications move on with ``POST /_sandbox/merchants/onboarding/{id}/advance`` (or every `onboarding_delay`
seconds when that is set). A `business_name` containing "reject" (any case) is rejected at review; any other
is approved and gets a ``mer_`` merchant id. Each status change records ``merchant.onboarding.updated``.

An application's ``onboarding_url`` is the sandbox's hosted onboarding page for it,
``{ONBOARDING_PATH}/<id>/<token>``: the token is a capability (the applicant's browser sends no API key),
kept in the application's internal document with its ``return_url``. The page
(`molam_sandbox.onboarding_actions`) moves the application through `advance_onboarding`, as the API does.
"""

from __future__ import annotations

from typing import Any

import attrs

from molam_sandbox import hosted
from molam_sandbox.engine import Call
from molam_sandbox.errors import invalid_param, unexpected_state
from molam_sandbox.events import record_event
from molam_sandbox.objects import find, load, new, object_type
from molam_sandbox.registry import PLUGINS
from molam_sandbox.settings import Env
from molam_sandbox.state import Tx, new_id
from molam_sandbox.timers import timer_action
from molam_sdk.models.business_type import BusinessType
from molam_sdk.models.create_merchant_onboarding_request import CreateMerchantOnboardingRequest
from molam_sdk.models.event_type import EventType
from molam_sdk.models.merchant_onboarding import MerchantOnboarding
from molam_sdk.models.merchant_onboarding_status import MerchantOnboardingStatus

__all__ = [
    "ADVANCE_ONBOARDING",
    "NEXT_STATUSES",
    "ONBOARDING_PATH",
    "advance_onboarding",
    "applicant_return_url",
    "auto_advance_onboarding",
    "create_onboarding",
    "onboarding_token",
]

Doc = dict[str, Any]
Status = MerchantOnboardingStatus

NEXT_STATUSES: dict[Status, tuple[Status, ...]] = {
    Status.PENDING: (Status.IN_REVIEW,),
    Status.IN_REVIEW: (Status.APPROVED, Status.REJECTED),
}
"""The statuses an application may move to next."""

ADVANCE_ONBOARDING = "onboarding.advance"
"""Timer action: an application moves one natural step."""

ONBOARDING_PATH = "/_sandbox/pages/onboarding"
"""Where the sandbox serves the hosted onboarding page: ``{ONBOARDING_PATH}/<application id>/<token>``."""

_REQUIREMENTS = {
    BusinessType.INDIVIDUAL: ["identity_document", "proof_of_address"],
    BusinessType.COMPANY: [
        "business_registration_document",
        "representative_identity_document",
        "bank_account_proof",
    ],
    BusinessType.NON_PROFIT: ["registration_certificate", "representative_identity_document"],
    BusinessType.GOVERNMENT_ENTITY: ["authorization_letter"],
}
_KIND = object_type(MerchantOnboarding)
_APPLICANT_RETURN_URL = (
    "applicant_return_url"  # internal: where the applicant goes back to (kept, not served)
)
_ONBOARDING_TOKEN = "onboarding_token"  # internal: the capability in the application's onboarding_url


def onboarding_token(internal: Doc) -> str | None:
    """The onboarding page's capability token kept in an application's internal document, if it has one."""
    token = internal.get(_ONBOARDING_TOKEN)
    return token if isinstance(token, str) else None


def applicant_return_url(internal: Doc) -> str | None:
    """Where the application's creator asked to send the applicant back to (its ``return_url``), if anywhere."""
    url = internal.get(_APPLICANT_RETURN_URL)
    return url if isinstance(url, str) else None


@PLUGINS.write("create_merchant_onboarding")
def create_onboarding(c: Call) -> Doc:
    """Start an application in `pending`, listing the documents still required."""
    request = CreateMerchantOnboardingRequest.from_dict(c.params)
    return_url = request.return_url if isinstance(request.return_url, str) else None
    doc = c.new_object(
        status=Status.PENDING,
        requirements=list(_REQUIREMENTS.get(request.business_type, ["identity_document"])),
    )
    token = hosted.new_token()
    internal = {_APPLICANT_RETURN_URL: return_url, _ONBOARDING_TOKEN: token}
    stored = new(MerchantOnboarding, c.account, doc, internal)
    stored.obj.onboarding_url = f"{c.env.settings.public_url}{ONBOARDING_PATH}/{stored.id}/{token}"
    stored.add(c.tx)
    if c.env.settings.onboarding_delay is not None:
        c.tx.schedule(c.account, ADVANCE_ONBOARDING, stored.id, c.env.now + c.env.settings.onboarding_delay)
    return stored.record.doc


def advance_onboarding(tx: Tx, account: str, mo_id: str, target: Status | None, env: Env) -> Doc:
    """Move an application one step: to `target`, or to its natural next status."""
    stored = load(tx, MerchantOnboarding, account, mo_id)
    mo = stored.obj
    allowed = NEXT_STATUSES.get(mo.status, ())
    if not allowed:
        raise unexpected_state(_KIND, mo_id, mo.status, "advance")
    if target is None:
        rejected = mo.status == Status.IN_REVIEW and "reject" in mo.business_name.lower()
        target = Status.REJECTED if rejected else allowed[0]
    if target not in allowed:
        raise invalid_param(
            attrs.fields(MerchantOnboarding).status.name,
            f"A {mo.status} application can only move to {' or '.join(allowed)}, not {target}.",
            "merchant_onboarding_unexpected_state",
        )
    tx.unschedule(account, mo_id)
    mo.status = target
    mo.requirements = []
    if target == Status.APPROVED:
        mo.merchant_id = new_id("mer_", 14)
        mo.onboarding_url = None
    elif target == Status.REJECTED:
        mo.rejection_reason = "The business could not be verified."
        mo.onboarding_url = None
    elif env.settings.onboarding_delay is not None:
        tx.schedule(account, ADVANCE_ONBOARDING, mo_id, env.now + env.settings.onboarding_delay)
    doc = stored.save(tx)
    record_event(tx, account, EventType.MERCHANT_ONBOARDING_UPDATED, stored, env)
    return doc


@timer_action(ADVANCE_ONBOARDING)
def auto_advance_onboarding(tx: Tx, account: str, mo_id: str, env: Env) -> None:
    """Timer: move an application one natural step (only scheduled when `onboarding_delay` is set)."""
    stored = find(tx, MerchantOnboarding, account, mo_id)
    if stored is not None and stored.obj.status in NEXT_STATUSES:
        advance_onboarding(tx, account, mo_id, None, env)
