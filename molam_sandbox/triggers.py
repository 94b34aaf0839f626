"""``POST /_sandbox/events/trigger``: make an event of any type of the spec's ``webhooks`` happen.

The event types are read from the spec at run time. Where a business flow produces the event, the trigger runs
it (`FLOWS`: a payment confirmed with ``pm_card_visa``, a payout advanced to ``paid``...), so the event, its
object and every webhook delivery are exactly what a real flow produces. Any other event type (one added to
the spec later) is synthesized: its ``data.object`` is the account's latest object of the event's resource,
or else a new object of that resource made from the spec's example (stored, with a fresh id, so it can be
retrieved, listed and acted on like any other).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from molam_sandbox import onboarding, payments, payouts, wallets
from molam_sandbox.errors import SandboxError
from molam_sandbox.events import record_event
from molam_sandbox.settings import Env
from molam_sandbox.spec import Webhook
from molam_sandbox.state import Filter, Tx, new_id
from molam_sdk.models.event_type import EventType

__all__ = ["FLOWS", "trigger"]

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


FLOWS: dict[str, Callable[[Tx, str, Env], object]] = {
    EventType.PAYMENT_INTENT_SUCCEEDED: lambda tx, a, env: _payment(tx, a, env, "pm_card_visa"),
    EventType.PAYMENT_INTENT_FAILED: lambda tx, a, env: _payment(tx, a, env, "pm_card_declined"),
    EventType.PAYMENT_INTENT_CANCELED: _canceled,
    EventType.PAYMENT_INTENT_REQUIRES_ACTION: lambda tx, a, env: _payment(tx, a, env, "pm_card_3ds"),
    EventType.CHARGE_REFUNDED: lambda tx, a, env: _refund(tx, a, env, "pm_card_visa"),
    EventType.REFUND_PROCESSED: lambda tx, a, env: _refund(tx, a, env, "pm_card_visa"),
    EventType.REFUND_FAILED: lambda tx, a, env: _refund(tx, a, env, "pm_card_refund_fail"),
    EventType.PAYOUT_PAID: lambda tx, a, env: _payout(tx, a, env, "+221771234567"),
    EventType.PAYOUT_FAILED: lambda tx, a, env: _payout(tx, a, env, "+221700000000"),
    EventType.TRANSFER_COMPLETED: _transfer,
    EventType.MERCHANT_ONBOARDING_UPDATED: _onboarding,
}

"""Business flows per event type (plug-ins); event types without one are synthesized. Keyed by the generated
`EventType` members, not string copies: an event type the spec renames or removes fails the type check here."""


def trigger(tx: Tx, account: str, webhook: Webhook, env: Env) -> Doc:
    """Make an event of `webhook`'s type happen; return the (newest) event of that type."""
    flow = FLOWS.get(webhook.type)
    if flow is not None:
        flow(tx, account, env)
        page = tx.page("events", account, limit=1, filters=[Filter("type", "=", webhook.type)])
        return page.data[0]
    return record_event(tx, account, webhook.type, _object_for(tx, account, webhook, env), env)


def _object_for(tx: Tx, account: str, webhook: Webhook, env: Env) -> Doc:
    resource = webhook.resource
    if resource is None:
        return copy.deepcopy(webhook.example_object or {})
    latest = tx.page(resource.table, account, limit=1).data
    if latest:
        return latest[0]
    doc = copy.deepcopy(webhook.example_object or {})
    doc.update(id=new_id(resource.prefix), object=resource.type, created=env.ts, livemode=False)
    return tx.insert(resource.table, account, resource.shape.render(doc)).doc
