"""Merchant onboarding in the sandbox: pending -> in_review -> approved | rejected.

Applications move on with ``POST /_sandbox/merchants/onboarding/{id}/advance`` (or every `onboarding_delay`
seconds when that is set). A `business_name` containing "reject" (any case) is rejected at review; any other
is approved and gets a ``mer_`` merchant id. Each status change records ``merchant.onboarding.updated``.
"""

from __future__ import annotations

from typing import Any

from molam_sandbox.errors import invalid_param, unexpected_state
from molam_sandbox.events import record_event
from molam_sandbox.metadata import new_metadata
from molam_sandbox.settings import Env
from molam_sandbox.state import Tx, new_id

__all__ = ["NEXT_STATUSES", "advance_onboarding", "auto_advance_onboarding", "create_onboarding"]

Doc = dict[str, Any]

NEXT_STATUSES: dict[str, tuple[str, ...]] = {"pending": ("in_review",), "in_review": ("approved", "rejected")}
"""The statuses an application may move to next."""

_REQUIREMENTS = {
    "individual": ["identity_document", "proof_of_address"],
    "company": ["business_registration_document", "representative_identity_document", "bank_account_proof"],
    "non_profit": ["registration_certificate", "representative_identity_document"],
    "government_entity": ["authorization_letter"],
}


def create_onboarding(tx: Tx, account: str, p: Doc, env: Env) -> Doc:
    """Start an application in `pending`, listing the documents still required."""
    mo_id = tx.new_id("merchant_onboardings")
    doc: Doc = {
        "id": mo_id,
        "object": "merchant_onboarding",
        "business_name": p["business_name"],
        "country": p["country"],
        "email": p["email"],
        "business_type": p["business_type"],
        "phone": p.get("phone"),
        "website": p.get("website"),
        "status": "pending",
        "requirements": list(_REQUIREMENTS.get(str(p["business_type"]), ["identity_document"])),
        "onboarding_url": f"{env.settings.public_url}/_sandbox/pages/onboarding/{mo_id}",
        "merchant_id": None,
        "rejection_reason": None,
        "metadata": new_metadata(p.get("metadata")),
        "created": env.ts,
        "livemode": False,
    }
    tx.insert("merchant_onboardings", account, doc, {"return_url": p.get("return_url")})
    if env.settings.onboarding_delay is not None:
        tx.schedule(account, "onboarding.advance", mo_id, env.now + env.settings.onboarding_delay)
    return doc


def advance_onboarding(tx: Tx, account: str, mo_id: str, target: str | None, env: Env) -> Doc:
    """Move an application one step: to `target`, or to its natural next status."""
    record = tx.require("merchant_onboardings", account, mo_id, "merchant_onboarding")
    doc = record.doc
    allowed = NEXT_STATUSES.get(doc["status"], ())
    if not allowed:
        raise unexpected_state("merchant_onboarding", mo_id, doc["status"], "advance")
    if target is None:
        rejected = doc["status"] == "in_review" and "reject" in str(doc["business_name"]).lower()
        target = "rejected" if rejected else allowed[0]
    if target not in allowed:
        raise invalid_param(
            "status",
            f"A {doc['status']} application can only move to {' or '.join(allowed)}, not {target}.",
            "merchant_onboarding_unexpected_state",
        )
    tx.unschedule(account, mo_id)
    doc["status"] = target
    doc["requirements"] = []
    if target == "approved":
        doc["merchant_id"] = new_id("mer_", 14)
        doc["onboarding_url"] = None
    elif target == "rejected":
        doc["rejection_reason"] = "The business could not be verified."
        doc["onboarding_url"] = None
    elif env.settings.onboarding_delay is not None:
        tx.schedule(account, "onboarding.advance", mo_id, env.now + env.settings.onboarding_delay)
    tx.save(record)
    record_event(tx, account, "merchant.onboarding.updated", doc, env)
    return doc


def auto_advance_onboarding(tx: Tx, account: str, mo_id: str, env: Env) -> None:
    """Timer: move an application one natural step (only scheduled when `onboarding_delay` is set)."""
    record = tx.get("merchant_onboardings", account, mo_id)
    if record is not None and record.doc["status"] in NEXT_STATUSES:
        advance_onboarding(tx, account, mo_id, None, env)
