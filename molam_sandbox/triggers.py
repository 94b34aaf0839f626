"""``POST /_sandbox/events/trigger``: make an event of a given type happen, through the real flows.

Each trigger creates real objects and drives them through the real transitions (a payment confirmed with
``pm_card_visa``, a payout advanced to ``paid``...), so the event, its object and every webhook delivery are
exactly what a real flow produces.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from molam_sandbox import onboarding, payments, payouts, wallets
from molam_sandbox.errors import SandboxError
from molam_sandbox.settings import Env
from molam_sandbox.state import Filter, Tx

__all__ = ["TRIGGERABLE", "trigger"]

Doc = dict[str, Any]


def _payment(tx: Tx, account: str, env: Env, payment_method: str) -> Doc:
    params = {"amount": 15000, "currency": "XOF", "payment_method": payment_method, "confirm": True}
    pi = payments.create_payment_intent(tx, account, params, env)
    tx.deferred_error = None  # a declined trigger is the point, not an error
    return pi


def _canceled(tx: Tx, account: str, env: Env) -> None:
    pi = payments.create_payment_intent(tx, account, {"amount": 15000, "currency": "XOF"}, env)
    payments.cancel_payment_intent(tx, account, pi["id"], {"cancellation_reason": "abandoned"}, env)


def _refund(tx: Tx, account: str, env: Env, payment_method: str) -> None:
    pi = _payment(tx, account, env, payment_method)
    refund = payments.create_refund(tx, account, {"payment_intent": pi["id"]}, env)
    tx.unschedule(account, refund["id"])
    payments.settle_refund(tx, account, refund["id"], env)


def _payout(tx: Tx, account: str, env: Env, msisdn: str) -> None:
    beneficiary = {
        "type": "mobile_money",
        "provider": "wave",
        "msisdn": msisdn,
        "account_holder": "Awa Ndiaye",
    }
    params = {
        "origin_module": "treasury",
        "origin_entity_id": "sandbox",
        "amount": 1000,
        "currency": "XOF",
        "beneficiary": beneficiary,
    }
    payout = payouts.create_payout(tx, account, params, env)
    payouts.advance_payout(tx, account, payout["id"], None, env)
    payouts.advance_payout(tx, account, payout["id"], None, env)


def _transfer(tx: Tx, account: str, env: Env) -> None:
    active = [
        w
        for w in tx.select("wallets", account, [Filter("status", "=", "active")])
        if "XOF" in w.doc["currencies"]
    ]
    funded = [w for w in active if w.internal["balances"]["XOF"]["available"] >= 100]
    if not funded or len(active) < 2:
        raise SandboxError(
            400, "invalid_request_error", "insufficient_funds", "No funded XOF wallet to transfer from."
        )
    source = funded[0]
    target = next(w for w in active if w.id != source.id)
    params = {"from_wallet": source.id, "to_wallet": target.id, "amount": 100, "currency": "XOF"}
    wallets.create_transfer(tx, account, params, env)


def _onboarding(tx: Tx, account: str, env: Env) -> None:
    params = {
        "business_name": "Boutique Teranga SARL",
        "country": "SN",
        "email": "finance@boutique-teranga.example",
        "business_type": "company",
    }
    mo = onboarding.create_onboarding(tx, account, params, env)
    onboarding.advance_onboarding(tx, account, mo["id"], None, env)


_TRIGGERS: dict[str, Callable[[Tx, str, Env], object]] = {
    "payment_intent.succeeded": lambda tx, a, env: _payment(tx, a, env, "pm_card_visa"),
    "payment_intent.failed": lambda tx, a, env: _payment(tx, a, env, "pm_card_declined"),
    "payment_intent.canceled": _canceled,
    "payment_intent.requires_action": lambda tx, a, env: _payment(tx, a, env, "pm_card_3ds"),
    "charge.refunded": lambda tx, a, env: _refund(tx, a, env, "pm_card_visa"),
    "refund.processed": lambda tx, a, env: _refund(tx, a, env, "pm_card_visa"),
    "refund.failed": lambda tx, a, env: _refund(tx, a, env, "pm_card_refund_fail"),
    "payout.paid": lambda tx, a, env: _payout(tx, a, env, "+221771234567"),
    "payout.failed": lambda tx, a, env: _payout(tx, a, env, "+221700000000"),
    "transfer.completed": _transfer,
    "merchant.onboarding.updated": _onboarding,
}

TRIGGERABLE = tuple(_TRIGGERS)
"""The event types ``/_sandbox/events/trigger`` can produce (every `EventType`)."""


def trigger(tx: Tx, account: str, event_type: str, env: Env) -> Doc:
    """Run the flow that produces `event_type`; return the (newest) event of that type."""
    _TRIGGERS[event_type](tx, account, env)
    page = tx.page("events", account, limit=1, filters=[Filter("type", "=", event_type)])
    return page.data[0]
