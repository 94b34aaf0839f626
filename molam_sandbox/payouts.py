"""Molam Treasury in the sandbox: payouts (pending -> in_transit -> paid | failed, or canceled) and balances.

A payout is funded when it is created: from a wallet for ``origin_module: ma`` (``origin_entity_id`` is the
wallet), otherwise from the account's Treasury balance (available -> reserved). Funds return when the payout
fails or is canceled. Payouts move on with ``POST /_sandbox/payouts/{id}/advance``, or by themselves every
`payout_delay` seconds when that is set. A beneficiary whose number is in `FAILING_BENEFICIARIES` fails in
transit, like a closed account would.
"""

from __future__ import annotations

from typing import Any

import attrs

from molam_sandbox.engine import Call
from molam_sandbox.errors import SandboxError, invalid_param, unexpected_state
from molam_sandbox.events import record_event
from molam_sandbox.objects import Stored, find, load, new, object_type
from molam_sandbox.registry import PLUGINS
from molam_sandbox.settings import Env
from molam_sandbox.state import Tx
from molam_sandbox.timers import timer_action
from molam_sandbox.wallets import credit_wallet_unchecked, debit_wallet
from molam_sdk.models.balance import Balance
from molam_sdk.models.balance_amount import BalanceAmount
from molam_sdk.models.bank_account_beneficiary import BankAccountBeneficiary
from molam_sdk.models.create_payout_request import CreatePayoutRequest
from molam_sdk.models.error_type import ErrorType
from molam_sdk.models.event_type import EventType
from molam_sdk.models.mobile_money_beneficiary import MobileMoneyBeneficiary
from molam_sdk.models.origin_module import OriginModule
from molam_sdk.models.payout import Payout
from molam_sdk.models.payout_status import PayoutStatus
from molam_sdk.models.wallet import Wallet

__all__ = [
    "ADVANCE_PAYOUT",
    "FAILING_BENEFICIARIES",
    "NEXT_STATUSES",
    "advance_payout",
    "auto_advance_payout",
    "cancel_payout",
    "create_payout",
    "retrieve_balance",
]

Doc = dict[str, Any]
Status = PayoutStatus

FAILING_BENEFICIARIES = frozenset({"000111111116", "+221700000000"})
"""Bank account numbers / mobile money numbers whose payouts fail in transit (``account_closed``)."""

NEXT_STATUSES: dict[Status, tuple[Status, ...]] = {
    Status.PENDING: (Status.IN_TRANSIT,),
    Status.IN_TRANSIT: (Status.PAID, Status.FAILED),
}
"""The statuses a payout may move to next."""

ADVANCE_PAYOUT = "payout.advance"
"""Timer action: a payout moves one natural step."""

_FROM_WALLET = "funded_by_wallet"  # internal: the wallet that funded the payout (None: the Treasury balance)
_CREATE = attrs.fields(CreatePayoutRequest)
_KIND = object_type(Payout)


def _beneficiary_fails(beneficiary: object) -> bool:
    if isinstance(beneficiary, BankAccountBeneficiary):
        return beneficiary.account_number in FAILING_BENEFICIARIES
    if isinstance(beneficiary, MobileMoneyBeneficiary):
        return beneficiary.msisdn in FAILING_BENEFICIARIES
    return False


@PLUGINS.write("create_payout")
def create_payout(c: Call) -> Doc:
    """Create a pending payout and hold its funds."""
    request = CreatePayoutRequest.from_dict(c.params)
    currency, amount = request.currency, request.amount
    internal: Doc
    if request.origin_module == OriginModule.MA:
        param = _CREATE.origin_entity_id.name
        wallet = load(c.tx, Wallet, c.account, request.origin_entity_id, param=param)
        debit_wallet(wallet, currency, amount, param)
        wallet.save(c.tx)
        internal = {_FROM_WALLET: wallet.id}
    else:
        available = {cur: a for cur, a, _, _ in c.tx.balances(c.account)}.get(currency, 0)
        if available < amount:
            raise SandboxError(
                400,
                ErrorType.INVALID_REQUEST_ERROR,
                "insufficient_funds",
                f"The {currency} Treasury balance has {available} available, less than {amount}.",
                param=_CREATE.amount.name,
            )
        c.tx.adjust_balance(c.account, currency, available=-amount, reserved=amount)
        internal = {_FROM_WALLET: None}
    mobile = isinstance(request.beneficiary, MobileMoneyBeneficiary)
    doc = c.new_object(status=Status.PENDING, arrival_date=c.env.ts + (60 if mobile else 86400))
    payout = new(Payout, c.account, doc, internal)
    payout.add(c.tx)
    _schedule_step(c.tx, c.account, payout.id, c.env)
    return payout.record.doc


def _schedule_step(tx: Tx, account: str, payout_id: str, env: Env) -> None:
    if env.settings.payout_delay is not None:
        tx.schedule(account, ADVANCE_PAYOUT, payout_id, env.now + env.settings.payout_delay)


def _release_funds(tx: Tx, payout: Stored[Payout]) -> None:
    amount, currency = payout.obj.amount, payout.obj.currency
    wallet_id = payout.internal.get(_FROM_WALLET)
    if wallet_id:
        wallet = find(tx, Wallet, payout.account, str(wallet_id))
        if wallet is not None:
            credit_wallet_unchecked(wallet, currency, amount)
            wallet.save(tx)
    else:
        tx.adjust_balance(payout.account, currency, available=amount, reserved=-amount)


def advance_payout(tx: Tx, account: str, payout_id: str, target: Status | None, env: Env) -> Doc:
    """Move a payout one step: to `target`, or to its natural next status."""
    payout = load(tx, Payout, account, payout_id)
    po = payout.obj
    allowed = NEXT_STATUSES.get(po.status, ())
    if not allowed:
        raise unexpected_state(_KIND, payout_id, po.status, "advance")
    if target is None:
        failing = po.status == Status.IN_TRANSIT and _beneficiary_fails(po.beneficiary)
        target = Status.FAILED if failing else allowed[0]
    if target not in allowed:
        raise invalid_param(
            attrs.fields(Payout).status.name,
            f"A {po.status} payout can only move to {' or '.join(allowed)}, not {target}.",
            "payout_unexpected_state",
        )
    tx.unschedule(account, payout_id)
    po.status = target
    if target == Status.IN_TRANSIT:
        record_event(tx, account, EventType.PAYOUT_IN_TRANSIT, payout, env)
        _schedule_step(tx, account, payout_id, env)
    elif target == Status.PAID:
        po.arrival_date = env.ts
        if not payout.internal.get(_FROM_WALLET):
            tx.adjust_balance(account, po.currency, reserved=-po.amount)
        record_event(tx, account, EventType.PAYOUT_PAID, payout, env)
    else:
        po.failure_code = "account_closed"
        po.failure_message = "The beneficiary's account is closed or could not receive the funds."
        po.arrival_date = None
        _release_funds(tx, payout)
        record_event(tx, account, EventType.PAYOUT_FAILED, payout, env)
    return payout.save(tx)


@timer_action(ADVANCE_PAYOUT)
def auto_advance_payout(tx: Tx, account: str, payout_id: str, env: Env) -> None:
    """Timer: move a payout one natural step (only scheduled when `payout_delay` is set)."""
    payout = find(tx, Payout, account, payout_id)
    if payout is not None and payout.obj.status in NEXT_STATUSES:
        advance_payout(tx, account, payout_id, None, env)


@PLUGINS.write("cancel_payout")
def cancel_payout(c: Call) -> Doc:
    """Cancel a pending payout; its funds return to where they came from."""
    payout = Stored.of(c.require(), Payout)
    po = payout.obj
    if po.status != Status.PENDING:
        raise SandboxError(
            400,
            ErrorType.INVALID_REQUEST_ERROR,
            "payout_not_cancelable",
            f"Only pending payouts can be canceled; payout {payout.id} is {po.status}.",
        )
    c.tx.unschedule(c.account, payout.id)
    po.status = Status.CANCELED
    po.arrival_date = None
    _release_funds(c.tx, payout)
    payout.save(c.tx)
    record_event(c.tx, c.account, EventType.PAYOUT_CANCELED, payout, c.env)
    return payout.record.doc


@PLUGINS.read("retrieve_balance")
def retrieve_balance(c: Call) -> Doc:
    """The account's Treasury `Balance`, one entry per currency in each list."""
    rows = c.tx.balances(c.account)
    return Balance(
        object="balance",
        available=[BalanceAmount(currency=cur, amount=a) for cur, a, _, _ in rows],
        pending=[BalanceAmount(currency=cur, amount=p) for cur, _, p, _ in rows],
        reserved=[BalanceAmount(currency=cur, amount=r) for cur, _, _, r in rows],
        livemode=False,
    ).to_dict()
