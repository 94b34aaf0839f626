"""``POST /_sandbox/events/trigger``: make an event of any type of the spec's ``webhooks`` happen.

The event types are read from the spec at run time. Where a business flow produces the event, the trigger runs
it (`FLOWS`: a payment confirmed with ``pm_card_visa``, a payout advanced to ``paid``...) through the very
plug-ins the API runs, with bodies built by the generated request models, so the event, its object and every
webhook delivery are exactly what a real flow produces. Any other event type (one added to the spec later) is
synthesized: its ``data.object`` is the account's latest object of the event's resource, or else a new object
of that resource made from the spec's example (stored, with a fresh id, so it can be retrieved, listed and
acted on like any other).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import attrs

from molam_sandbox import onboarding, payments, payouts
from molam_sandbox.errors import SandboxError
from molam_sandbox.events import record_event
from molam_sandbox.objects import Stored, table_of, view
from molam_sandbox.plugins import invoke
from molam_sandbox.settings import Env
from molam_sandbox.spec import ApiSpec, Webhook
from molam_sandbox.state import Filter, Tx, new_id
from molam_sandbox.wallets import funds_of
from molam_sdk.models.business_type import BusinessType
from molam_sdk.models.cancel_payment_intent_request import CancelPaymentIntentRequest
from molam_sdk.models.cancellation_reason import CancellationReason
from molam_sdk.models.create_merchant_onboarding_request import CreateMerchantOnboardingRequest
from molam_sdk.models.create_payment_intent_request import CreatePaymentIntentRequest
from molam_sdk.models.create_payout_request import CreatePayoutRequest
from molam_sdk.models.create_refund_request import CreateRefundRequest
from molam_sdk.models.create_transfer_request import CreateTransferRequest
from molam_sdk.models.error_type import ErrorType
from molam_sdk.models.event import Event
from molam_sdk.models.event_type import EventType
from molam_sdk.models.merchant_onboarding import MerchantOnboarding
from molam_sdk.models.mobile_money_beneficiary import MobileMoneyBeneficiary
from molam_sdk.models.mobile_money_provider import MobileMoneyProvider
from molam_sdk.models.origin_module import OriginModule
from molam_sdk.models.payment_intent import PaymentIntent
from molam_sdk.models.payout import Payout
from molam_sdk.models.refund import Refund
from molam_sdk.models.wallet import Wallet
from molam_sdk.models.wallet_status import WalletStatus

__all__ = ["FLOWS", "Flow", "trigger"]

Doc = dict[str, Any]
Flow = Callable[[ApiSpec, Tx, str, Env], object]
"""``flow(api, tx, account, env)``: run a business flow that records the event."""

_AMOUNT, _CURRENCY = 15000, "XOF"
_ACTIVE = Filter(attrs.fields(Wallet).status.name, "=", WalletStatus.ACTIVE)


def _payment(api: ApiSpec, tx: Tx, account: str, env: Env, payment_method: str) -> PaymentIntent:
    body = CreatePaymentIntentRequest(
        amount=_AMOUNT, currency=_CURRENCY, payment_method=payment_method, confirm=True
    )
    pi = invoke(api, tx, account, env, "create_payment_intent", body.to_dict())
    tx.deferred_error = None  # a declined trigger is the point, not an error
    return view(PaymentIntent, pi)


def _canceled(api: ApiSpec, tx: Tx, account: str, env: Env) -> None:
    created = CreatePaymentIntentRequest(amount=_AMOUNT, currency=_CURRENCY)
    pi = view(PaymentIntent, invoke(api, tx, account, env, "create_payment_intent", created.to_dict()))
    cancel = CancelPaymentIntentRequest(cancellation_reason=CancellationReason.ABANDONED)
    invoke(api, tx, account, env, "cancel_payment_intent", cancel.to_dict(), pi.id)


def _refund(api: ApiSpec, tx: Tx, account: str, env: Env, payment_method: str) -> None:
    pi = _payment(api, tx, account, env, payment_method)
    body = CreateRefundRequest(payment_intent=pi.id)
    refund = view(Refund, invoke(api, tx, account, env, "create_refund", body.to_dict()))
    tx.unschedule(account, refund.id)
    payments.settle_refund(tx, account, refund.id, env)


def _payout(api: ApiSpec, tx: Tx, account: str, env: Env, msisdn: str) -> None:
    beneficiary = MobileMoneyBeneficiary(
        type="mobile_money",
        provider=MobileMoneyProvider.WAVE,
        msisdn=msisdn,
        account_holder="Awa Ndiaye",
    )
    body = CreatePayoutRequest(
        origin_module=OriginModule.TREASURY,
        origin_entity_id="sandbox",
        amount=1000,
        currency=_CURRENCY,
        beneficiary=beneficiary,
    )
    payout = view(Payout, invoke(api, tx, account, env, "create_payout", body.to_dict()))
    payouts.advance_payout(tx, account, payout.id, None, env)
    payouts.advance_payout(tx, account, payout.id, None, env)


def _available(wallet: Stored[Wallet]) -> int:
    funds = funds_of(wallet, _CURRENCY)
    return 0 if funds is None else funds.available


def _transfer(api: ApiSpec, tx: Tx, account: str, env: Env) -> None:
    active = [
        wallet
        for wallet in (Stored.of(r, Wallet) for r in tx.select(table_of(Wallet), account, [_ACTIVE]))
        if _CURRENCY in wallet.obj.currencies
    ]
    funded = [w for w in active if _available(w) >= 100]
    if not funded or len(active) < 2:
        raise SandboxError(
            400,
            ErrorType.INVALID_REQUEST_ERROR,
            "insufficient_funds",
            "No funded XOF wallet to transfer from.",
        )
    source = funded[0]
    target = next(w for w in active if w.id != source.id)
    body = CreateTransferRequest(from_wallet=source.id, to_wallet=target.id, amount=100, currency=_CURRENCY)
    invoke(api, tx, account, env, "create_transfer", body.to_dict())


def _onboarding(api: ApiSpec, tx: Tx, account: str, env: Env) -> None:
    body = CreateMerchantOnboardingRequest(
        business_name="Boutique Teranga SARL",
        country="SN",
        email="finance@boutique-teranga.example",
        business_type=BusinessType.COMPANY,
    )
    mo = view(MerchantOnboarding, invoke(api, tx, account, env, "create_merchant_onboarding", body.to_dict()))
    onboarding.advance_onboarding(tx, account, mo.id, None, env)


FLOWS: dict[str, Flow] = {
    EventType.PAYMENT_INTENT_SUCCEEDED: lambda api, tx, a, env: _payment(api, tx, a, env, "pm_card_visa"),
    EventType.PAYMENT_INTENT_FAILED: lambda api, tx, a, env: _payment(api, tx, a, env, "pm_card_declined"),
    EventType.PAYMENT_INTENT_CANCELED: _canceled,
    EventType.PAYMENT_INTENT_REQUIRES_ACTION: lambda api, tx, a, env: _payment(
        api, tx, a, env, "pm_card_3ds"
    ),
    EventType.CHARGE_REFUNDED: lambda api, tx, a, env: _refund(api, tx, a, env, "pm_card_visa"),
    EventType.REFUND_PROCESSED: lambda api, tx, a, env: _refund(api, tx, a, env, "pm_card_visa"),
    EventType.REFUND_FAILED: lambda api, tx, a, env: _refund(api, tx, a, env, "pm_card_refund_fail"),
    EventType.PAYOUT_PAID: lambda api, tx, a, env: _payout(api, tx, a, env, "+221771234567"),
    EventType.PAYOUT_FAILED: lambda api, tx, a, env: _payout(api, tx, a, env, "+221700000000"),
    EventType.TRANSFER_COMPLETED: _transfer,
    EventType.MERCHANT_ONBOARDING_UPDATED: _onboarding,
}
"""Business flows per event type (plug-ins); event types without one are synthesized. Keyed by the generated
`EventType` members, not string copies: an event type the spec renames or removes fails the type check here."""

_EVENT_TYPE = attrs.fields(Event).type.name


def trigger(tx: Tx, account: str, api: ApiSpec, webhook: Webhook, env: Env) -> Doc:
    """Make an event of `webhook`'s type happen; return the (newest) event of that type."""
    flow = FLOWS.get(webhook.type)
    if flow is not None:
        flow(api, tx, account, env)
        latest = [Filter(_EVENT_TYPE, "=", webhook.type)]
        return tx.page(table_of(Event), account, limit=1, filters=latest).data[0]
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
