"""Molam Treasury in the sandbox: payouts (pending -> in_transit -> paid | failed, or canceled) and balances.

A payout is funded when it is created: from a wallet for ``origin_module: ma`` (``origin_entity_id`` is the
wallet), otherwise from the account's Treasury balance (available -> reserved). Funds return when the payout
fails or is canceled. Payouts move on with ``POST /_sandbox/payouts/{id}/advance``, or by themselves every
`payout_delay` seconds when that is set. A beneficiary whose number is in `FAILING_BENEFICIARIES` fails in
transit, like a closed account would.
"""

from __future__ import annotations

from typing import Any

from molam_sandbox.errors import SandboxError, invalid_param, unexpected_state
from molam_sandbox.events import record_event
from molam_sandbox.metadata import new_metadata
from molam_sandbox.settings import Env
from molam_sandbox.state import Record, Tx, checked_sum
from molam_sandbox.wallets import debit_wallet

__all__ = [
    "FAILING_BENEFICIARIES",
    "NEXT_STATUSES",
    "advance_payout",
    "auto_advance_payout",
    "cancel_payout",
    "create_payout",
    "credit_wallet_unchecked",
    "retrieve_balance",
]

Doc = dict[str, Any]

FAILING_BENEFICIARIES = frozenset({"000111111116", "+221700000000"})
"""Bank account numbers / mobile money numbers whose payouts fail in transit (``account_closed``)."""

NEXT_STATUSES: dict[str, tuple[str, ...]] = {"pending": ("in_transit",), "in_transit": ("paid", "failed")}
"""The statuses a payout may move to next."""


def _beneficiary_fails(beneficiary: Doc) -> bool:
    number = beneficiary.get("account_number") or beneficiary.get("msisdn")
    return number in FAILING_BENEFICIARIES


def create_payout(tx: Tx, account: str, p: Doc, env: Env) -> Doc:
    """Create a pending payout and hold its funds."""
    currency, amount = str(p["currency"]), int(p["amount"])
    internal: Doc
    if p["origin_module"] == "ma":
        wallet = tx.require("wallets", account, p["origin_entity_id"], "wallet", param="origin_entity_id")
        debit_wallet(wallet, currency, amount, "origin_entity_id")
        tx.save(wallet)
        internal = {"wallet": wallet.id}
    else:
        available = {c: a for c, a, _, _ in tx.balances(account)}.get(currency, 0)
        if available < amount:
            raise SandboxError(
                400,
                "invalid_request_error",
                "insufficient_funds",
                f"The {currency} Treasury balance has {available} available, less than {amount}.",
                param="amount",
            )
        tx.adjust_balance(account, currency, available=-amount, reserved=amount)
        internal = {"wallet": None}
    beneficiary = dict(p["beneficiary"])
    doc: Doc = {
        "id": tx.new_id("payouts"),
        "object": "payout",
        "origin_module": p["origin_module"],
        "origin_entity_id": p["origin_entity_id"],
        "amount": amount,
        "currency": currency,
        "beneficiary": beneficiary,
        "status": "pending",
        "description": p.get("description"),
        "failure_code": None,
        "failure_message": None,
        "arrival_date": env.ts + (60 if beneficiary.get("type") == "mobile_money" else 86400),
        "metadata": new_metadata(p.get("metadata")),
        "created": env.ts,
        "livemode": False,
    }
    tx.insert("payouts", account, doc, internal)
    _schedule_step(tx, account, doc["id"], env)
    return doc


def _schedule_step(tx: Tx, account: str, payout_id: str, env: Env) -> None:
    if env.settings.payout_delay is not None:
        tx.schedule(account, "payout.advance", payout_id, env.now + env.settings.payout_delay)


def _release_funds(tx: Tx, record: Record) -> None:
    doc = record.doc
    wallet_id = record.internal.get("wallet")
    if wallet_id:
        wallet = tx.get("wallets", record.account, str(wallet_id))
        if wallet is not None:
            credit_wallet_unchecked(wallet, doc["currency"], int(doc["amount"]))
            tx.save(wallet)
    else:
        tx.adjust_balance(
            record.account, doc["currency"], available=int(doc["amount"]), reserved=-int(doc["amount"])
        )


def credit_wallet_unchecked(wallet: Record, currency: str, amount: int) -> None:
    """Return funds to a wallet whatever its status (a refund of held funds is never refused)."""
    balance = wallet.internal.setdefault("balances", {}).setdefault(currency, {"available": 0, "pending": 0})
    balance["available"] = checked_sum(balance["available"], amount)


def advance_payout(tx: Tx, account: str, payout_id: str, target: str | None, env: Env) -> Doc:
    """Move a payout one step: to `target`, or to its natural next status."""
    record = tx.require("payouts", account, payout_id, "payout")
    doc = record.doc
    allowed = NEXT_STATUSES.get(doc["status"], ())
    if not allowed:
        raise unexpected_state("payout", payout_id, doc["status"], "advance")
    if target is None:
        target = (
            "failed"
            if doc["status"] == "in_transit" and _beneficiary_fails(doc["beneficiary"])
            else allowed[0]
        )
    if target not in allowed:
        raise invalid_param(
            "status",
            f"A {doc['status']} payout can only move to {' or '.join(allowed)}, not {target}.",
            "payout_unexpected_state",
        )
    tx.unschedule(account, payout_id)
    doc["status"] = target
    if target == "in_transit":
        record_event(tx, account, "payout.in_transit", doc, env)
        _schedule_step(tx, account, payout_id, env)
    elif target == "paid":
        doc["arrival_date"] = env.ts
        if not record.internal.get("wallet"):
            tx.adjust_balance(account, doc["currency"], reserved=-int(doc["amount"]))
        record_event(tx, account, "payout.paid", doc, env)
    else:
        doc["failure_code"] = "account_closed"
        doc["failure_message"] = "The beneficiary's account is closed or could not receive the funds."
        doc["arrival_date"] = None
        _release_funds(tx, record)
        record_event(tx, account, "payout.failed", doc, env)
    tx.save(record)
    return doc


def auto_advance_payout(tx: Tx, account: str, payout_id: str, env: Env) -> None:
    """Timer: move a payout one natural step (only scheduled when `payout_delay` is set)."""
    record = tx.get("payouts", account, payout_id)
    if record is not None and record.doc["status"] in NEXT_STATUSES:
        advance_payout(tx, account, payout_id, None, env)


def cancel_payout(tx: Tx, account: str, payout_id: str, env: Env) -> Doc:
    """Cancel a pending payout; its funds return to where they came from."""
    record = tx.require("payouts", account, payout_id, "payout")
    doc = record.doc
    if doc["status"] != "pending":
        raise SandboxError(
            400,
            "invalid_request_error",
            "payout_not_cancelable",
            f"Only pending payouts can be canceled; payout {payout_id} is {doc['status']}.",
        )
    tx.unschedule(account, payout_id)
    doc["status"] = "canceled"
    doc["arrival_date"] = None
    _release_funds(tx, record)
    tx.save(record)
    record_event(tx, account, "payout.canceled", doc, env)
    return doc


def retrieve_balance(tx: Tx, account: str) -> Doc:
    """The account's Treasury `Balance`, one entry per currency in each list."""
    rows = tx.balances(account)
    return {
        "object": "balance",
        "available": [{"currency": c, "amount": a} for c, a, _, _ in rows],
        "pending": [{"currency": c, "amount": p} for c, _, p, _ in rows],
        "reserved": [{"currency": c, "amount": r} for c, _, _, r in rows],
        "livemode": False,
    }
