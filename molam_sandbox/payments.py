"""Molam Connect in the sandbox: payment intents, charges and refunds, with the real state machine.

Payment intent life::

    requires_payment_method --(attach)--> requires_confirmation --confirm-->
        succeeded                      (automatic capture; a charge is created, funds credited)
        requires_capture --capture-->  succeeded (manual capture; `amount_to_capture` <= amount)
        requires_action --complete_action--> succeeded | requires_payment_method (customer approval, 3DS)
        processing --(after processing_delay)--> succeeded | requires_capture, or failed (final)
        requires_payment_method + last_payment_error, and a 402 payment_error (declined)
    cancel: from requires_payment_method, requires_confirmation, requires_action, requires_capture.

Which way a confirmation goes is decided by the test payment method (`TEST_PAYMENT_METHODS`). Refunds start
`pending` and settle after `refund_delay`; a refund never exceeds the captured amount minus what was already
refunded (pending refunds included).
"""

from __future__ import annotations

import enum
from typing import Any

from molam_sandbox.errors import SandboxError, invalid_param, unexpected_state
from molam_sandbox.events import record_event
from molam_sandbox.metadata import merge_metadata, new_metadata
from molam_sandbox.settings import Env
from molam_sandbox.state import Record, Tx, new_id

__all__ = [
    "CANCELABLE",
    "TEST_PAYMENT_METHODS",
    "Behaviour",
    "behaviour_of",
    "cancel_payment_intent",
    "capture_payment_intent",
    "complete_action",
    "confirm_payment_intent",
    "create_payment_intent",
    "create_refund",
    "refund_charge",
    "settle_payment_intent",
    "settle_refund",
    "update_payment_intent",
]

Doc = dict[str, Any]


class Behaviour(enum.StrEnum):
    """What confirming with a payment method does."""

    SUCCEED = "succeed"
    DECLINE = "card_declined"
    INSUFFICIENT_FUNDS = "insufficient_funds"
    REQUIRES_ACTION = "requires_action"
    PROCESSING = "processing"
    PROCESSING_FAILS = "processing_fails"
    REFUND_FAILS = "refund_fails"


TEST_PAYMENT_METHODS: dict[str, Behaviour] = {
    "pm_card_visa": Behaviour.SUCCEED,
    "pm_card_mastercard": Behaviour.SUCCEED,
    "pm_orange_money": Behaviour.SUCCEED,
    "pm_wave": Behaviour.SUCCEED,
    "pm_card_declined": Behaviour.DECLINE,
    "pm_card_insufficient_funds": Behaviour.INSUFFICIENT_FUNDS,
    "pm_card_3ds": Behaviour.REQUIRES_ACTION,
    "pm_card_processing": Behaviour.PROCESSING,
    "pm_card_processing_declined": Behaviour.PROCESSING_FAILS,
    "pm_card_refund_fail": Behaviour.REFUND_FAILS,
}
"""Test payment methods and their outcome. Any other ``pm_...`` id succeeds like ``pm_card_visa``."""

CANCELABLE = frozenset(
    {"requires_payment_method", "requires_confirmation", "requires_action", "requires_capture"}
)
CONFIRMABLE = frozenset({"requires_payment_method", "requires_confirmation"})

_DECLINES = {
    Behaviour.DECLINE: ("card_declined", "generic_decline", "Your card was declined."),
    Behaviour.INSUFFICIENT_FUNDS: (
        "insufficient_funds",
        "insufficient_funds",
        "Your card has insufficient funds.",
    ),
}


def behaviour_of(payment_method: str, param: str = "payment_method") -> Behaviour:
    """The outcome `payment_method` triggers; 400 for something that is not a payment method id."""
    known = TEST_PAYMENT_METHODS.get(payment_method)
    if known is not None:
        return known
    if payment_method.startswith("pm_") and len(payment_method) > 3:
        return Behaviour.SUCCEED
    raise invalid_param(
        param,
        f"No such payment method: '{payment_method}'. Use a test payment method such as pm_card_visa.",
        "resource_missing",
    )


# -- payment intents ------------------------------------------------------------------------------------


def create_payment_intent(tx: Tx, account: str, p: Doc, env: Env) -> Doc:
    """Create a payment intent; with ``confirm: true`` confirm it at once."""
    payment_method = p.get("payment_method")
    if payment_method is not None:
        behaviour_of(payment_method)
    if p.get("confirm") and payment_method is None:
        raise invalid_param(
            "payment_method", "confirm=true needs a payment_method to confirm with.", "parameter_missing"
        )
    pi_id = tx.new_id("payment_intents")
    doc: Doc = {
        "id": pi_id,
        "object": "payment_intent",
        "amount": p["amount"],
        "amount_received": 0,
        "currency": p["currency"],
        "status": "requires_confirmation" if payment_method else "requires_payment_method",
        "capture_method": p.get("capture_method") or "automatic",
        "payment_method": payment_method,
        "customer_id": p.get("customer_id"),
        "merchant_id": p.get("merchant_id"),
        "description": p.get("description"),
        "metadata": new_metadata(p.get("metadata")),
        "return_url": p.get("return_url"),
        "cancel_url": p.get("cancel_url"),
        "redirect_url": None,
        "client_secret": f"{pi_id}_secret_{new_id('', 24)}",
        "latest_charge": None,
        "last_payment_error": None,
        "cancellation_reason": None,
        "created": env.ts,
        "livemode": False,
    }
    record = tx.insert("payment_intents", account, doc)
    if p.get("confirm"):
        _confirm(tx, record, str(payment_method), env, raise_decline=True)
    return record.doc


def update_payment_intent(tx: Tx, account: str, pi_id: str, p: Doc, env: Env) -> Doc:
    """Change description and metadata (allowed in every status; metadata keys merge)."""
    record = tx.require("payment_intents", account, pi_id, "payment_intent")
    if "description" in p and p["description"] is not None:
        record.doc["description"] = p["description"]
    if p.get("metadata") is not None:
        record.doc["metadata"] = merge_metadata(record.doc["metadata"], p["metadata"])
    tx.save(record)
    return record.doc


def confirm_payment_intent(tx: Tx, account: str, pi_id: str, p: Doc, env: Env) -> Doc:
    """Confirm with the given (or attached) payment method; a decline is stored, then raised as a 402."""
    record = tx.require("payment_intents", account, pi_id, "payment_intent")
    doc = record.doc
    if doc["status"] not in CONFIRMABLE:
        raise unexpected_state("payment_intent", pi_id, doc["status"], "confirm")
    payment_method = p.get("payment_method") or doc["payment_method"]
    if not payment_method:
        raise invalid_param(
            "payment_method",
            "You must attach a payment_method before confirming this payment intent.",
            "parameter_missing",
        )
    if p.get("return_url"):
        doc["return_url"] = p["return_url"]
    _confirm(tx, record, str(payment_method), env, raise_decline=True)
    return record.doc


def capture_payment_intent(tx: Tx, account: str, pi_id: str, p: Doc, env: Env) -> Doc:
    """Capture an authorised payment intent, fully or partially."""
    record = tx.require("payment_intents", account, pi_id, "payment_intent")
    doc = record.doc
    if doc["status"] != "requires_capture":
        raise unexpected_state("payment_intent", pi_id, doc["status"], "capture")
    amount = p.get("amount_to_capture")
    amount = doc["amount"] if amount is None else int(amount)
    if amount > doc["amount"]:
        raise invalid_param(
            "amount_to_capture",
            f"amount_to_capture ({amount}) is greater than the authorised amount ({doc['amount']}).",
            "amount_too_large",
        )
    charge = tx.require("charges", record.account, doc["latest_charge"], "charge")
    charge.doc["captured"] = True
    charge.doc["amount_captured"] = amount
    tx.save(charge)
    doc["status"] = "succeeded"
    doc["amount_received"] = amount
    tx.save(record)
    tx.adjust_balance(record.account, doc["currency"], available=amount)
    record_event(tx, record.account, "payment_intent.succeeded", doc, env)
    return doc


def cancel_payment_intent(tx: Tx, account: str, pi_id: str, p: Doc, env: Env) -> Doc:
    """Cancel a payment intent that has not succeeded (an authorisation is released)."""
    record = tx.require("payment_intents", account, pi_id, "payment_intent")
    doc = record.doc
    if doc["status"] not in CANCELABLE:
        raise unexpected_state("payment_intent", pi_id, doc["status"], "cancel")
    doc["status"] = "canceled"
    doc["cancellation_reason"] = p.get("cancellation_reason")
    doc["redirect_url"] = None
    tx.unschedule(record.account, pi_id)
    tx.save(record)
    record_event(tx, record.account, "payment_intent.canceled", doc, env)
    return doc


def complete_action(tx: Tx, account: str, pi_id: str, outcome: str, env: Env) -> Doc:
    """Finish the customer action of a `requires_action` intent: ``succeeded`` or ``failed``."""
    record = tx.require("payment_intents", account, pi_id, "payment_intent")
    if record.doc["status"] != "requires_action":
        raise unexpected_state("payment_intent", pi_id, record.doc["status"], "complete the action of")
    record.doc["redirect_url"] = None
    if outcome == "failed":
        _decline(
            tx,
            record,
            "authentication_failed",
            "authentication_failed",
            "The customer did not approve the payment.",
            env,
        )
    else:
        _authorize(tx, record, Behaviour.SUCCEED, env)
    tx.save(record)
    return record.doc


def settle_payment_intent(tx: Tx, account: str, pi_id: str, env: Env) -> None:
    """Timer: a `processing` payment intent succeeds (or awaits capture), or fails for good."""
    record = tx.get("payment_intents", account, pi_id)
    if record is None or record.doc["status"] != "processing":
        return
    if record.internal.get("processing_fails"):
        # An asynchronous payment that fails after processing cannot be retried on the same intent.
        message = "The payment provider declined the payment."
        _decline(tx, record, "processing_error", "provider_declined", message, env, final=True)
    else:
        _authorize(tx, record, Behaviour.SUCCEED, env)
    tx.save(record)


def _confirm(tx: Tx, record: Record, payment_method: str, env: Env, *, raise_decline: bool) -> None:
    behaviour = behaviour_of(payment_method)
    doc = record.doc
    doc["payment_method"] = payment_method
    doc["last_payment_error"] = None
    if behaviour in _DECLINES:
        code, decline_code, message = _DECLINES[behaviour]
        _decline(tx, record, code, decline_code, message, env)
        tx.save(record)
        if raise_decline:
            tx.deferred_error = SandboxError(
                402, "payment_error", code, message, param="payment_method", extra={"payment_intent": doc}
            )
        return
    if behaviour is Behaviour.REQUIRES_ACTION:
        doc["status"] = "requires_action"
        doc["redirect_url"] = (
            f"{env.settings.public_url}/_sandbox/pages/payment_intents/{doc['id']}/authorize"
        )
        tx.save(record)
        record_event(tx, record.account, "payment_intent.requires_action", doc, env)
        return
    if behaviour in (Behaviour.PROCESSING, Behaviour.PROCESSING_FAILS):
        doc["status"] = "processing"
        record.internal["processing_fails"] = behaviour is Behaviour.PROCESSING_FAILS
        tx.save(record)
        tx.schedule(
            record.account, "payment_intent.settle", doc["id"], env.now + env.settings.processing_delay
        )
        record_event(tx, record.account, "payment_intent.processing", doc, env)
        return
    _authorize(tx, record, behaviour, env)
    tx.save(record)


def _new_charge(tx: Tx, doc: Doc, env: Env, *, status: str, captured: bool) -> Doc:
    return {
        "id": tx.new_id("charges"),
        "object": "charge",
        "amount": doc["amount"],
        "amount_captured": doc["amount"] if captured else 0,
        "amount_refunded": 0,
        "currency": doc["currency"],
        "status": status,
        "payment_intent": doc["id"],
        "payment_method": doc["payment_method"],
        "customer_id": doc["customer_id"],
        "description": doc["description"],
        "captured": captured,
        "refunded": False,
        "failure_code": None,
        "failure_message": None,
        "metadata": {},
        "created": env.ts,
        "livemode": False,
    }


def _authorize(tx: Tx, record: Record, behaviour: Behaviour, env: Env) -> None:
    doc = record.doc
    automatic = doc["capture_method"] == "automatic"
    charge = _new_charge(tx, doc, env, status="succeeded", captured=automatic)
    tx.insert("charges", record.account, charge, {"refund_fails": behaviour is Behaviour.REFUND_FAILS})
    doc["latest_charge"] = charge["id"]
    doc["redirect_url"] = None
    if automatic:
        doc["status"] = "succeeded"
        doc["amount_received"] = doc["amount"]
        tx.adjust_balance(record.account, doc["currency"], available=doc["amount"])
        record_event(tx, record.account, "payment_intent.succeeded", doc, env)
    else:
        doc["status"] = "requires_capture"
        record_event(tx, record.account, "payment_intent.requires_capture", doc, env)


def _decline(
    tx: Tx, record: Record, code: str, decline_code: str, message: str, env: Env, *, final: bool = False
) -> None:
    """Record a failed attempt: back to `requires_payment_method`, or `failed` for good when `final`."""
    doc = record.doc
    charge = _new_charge(tx, doc, env, status="failed", captured=False)
    charge["failure_code"] = code
    charge["failure_message"] = message
    tx.insert("charges", record.account, charge)
    doc["latest_charge"] = charge["id"]
    doc["last_payment_error"] = {
        "type": "payment_error",
        "code": code,
        "message": message,
        "decline_code": decline_code,
        "payment_method": doc["payment_method"],
    }
    if final:
        doc["status"] = "failed"
    else:
        doc["payment_method"] = None
        doc["status"] = "requires_payment_method"
    record_event(tx, record.account, "payment_intent.failed", doc, env)


# -- refunds --------------------------------------------------------------------------------------------


def create_refund(tx: Tx, account: str, p: Doc, env: Env) -> Doc:
    """Refund a payment intent's captured charge, or a charge; exactly one of the two is given."""
    pi_id, charge_id = p.get("payment_intent"), p.get("charge")
    if pi_id and charge_id:
        raise invalid_param("charge", "Give exactly one of payment_intent or charge, not both.")
    if not pi_id and not charge_id:
        raise invalid_param("payment_intent", "Give payment_intent or charge to refund.", "parameter_missing")
    if pi_id:
        pi = tx.require("payment_intents", account, pi_id, "payment_intent", param="payment_intent")
        if pi.doc["status"] != "succeeded" or not pi.doc["latest_charge"]:
            raise invalid_param(
                "payment_intent",
                f"This payment intent has no captured charge to refund (status {pi.doc['status']}).",
                "charge_not_refundable",
            )
        charge = tx.require("charges", account, pi.doc["latest_charge"], "charge", param="payment_intent")
    else:
        charge = tx.require("charges", account, str(charge_id), "charge", param="charge")
    return _refund(tx, charge, p, env, charge_param="payment_intent" if pi_id else "charge")


def refund_charge(tx: Tx, account: str, charge_id: str, p: Doc, env: Env) -> Doc:
    """Refund the charge in the path, fully by default."""
    charge = tx.require("charges", account, charge_id, "charge")
    return _refund(tx, charge, p, env, charge_param=None)


def _refund(tx: Tx, charge: Record, p: Doc, env: Env, *, charge_param: str | None) -> Doc:
    c = charge.doc
    if c["status"] != "succeeded" or not c["captured"]:
        state = "failed" if c["status"] == "failed" else "not captured"
        raise invalid_param(
            charge_param, f"Charge {c['id']} cannot be refunded: it is {state}.", "charge_not_refundable"
        )
    refundable = int(c["amount_captured"]) - int(c["amount_refunded"])
    if refundable <= 0:
        raise invalid_param(
            charge_param, f"Charge {c['id']} has already been refunded in full.", "charge_already_refunded"
        )
    amount = p.get("amount")
    amount = refundable if amount is None else int(amount)
    if amount > refundable:
        raise invalid_param(
            "amount",
            f"Refund amount ({amount}) is greater than the refundable amount of the charge ({refundable}).",
            "amount_too_large",
        )
    c["amount_refunded"] = int(c["amount_refunded"]) + amount
    c["refunded"] = c["amount_refunded"] == c["amount_captured"]
    tx.save(charge)
    refund: Doc = {
        "id": tx.new_id("refunds"),
        "object": "refund",
        "amount": amount,
        "currency": c["currency"],
        "payment_intent": c["payment_intent"],
        "charge": c["id"],
        "status": "pending",
        "reason": p.get("reason"),
        "failure_reason": None,
        "metadata": new_metadata(p.get("metadata")),
        "created": env.ts,
        "livemode": False,
    }
    tx.insert("refunds", charge.account, refund)
    tx.adjust_balance(charge.account, c["currency"], available=-amount)
    tx.schedule(charge.account, "refund.settle", refund["id"], env.now + env.settings.refund_delay)
    return refund


def settle_refund(tx: Tx, account: str, refund_id: str, env: Env) -> None:
    """Timer: a pending refund succeeds, or fails (charges made with ``pm_card_refund_fail``)."""
    record = tx.get("refunds", account, refund_id)
    if record is None or record.doc["status"] != "pending":
        return
    refund = record.doc
    charge = tx.require("charges", account, refund["charge"], "charge")
    if charge.internal.get("refund_fails"):
        refund["status"] = "failed"
        refund["failure_reason"] = "declined_by_provider"
        charge.doc["amount_refunded"] = int(charge.doc["amount_refunded"]) - int(refund["amount"])
        charge.doc["refunded"] = False
        tx.save(charge)
        tx.save(record)
        tx.adjust_balance(account, refund["currency"], available=int(refund["amount"]))
        record_event(tx, account, "refund.failed", refund, env)
        return
    refund["status"] = "succeeded"
    tx.save(record)
    record_event(tx, account, "refund.processed", refund, env)
    record_event(tx, account, "charge.refunded", charge.doc, env)
