"""The hosted checkout page's actions: what a customer's choice on the page does to the payment intent.

A payment intent that waits for its customer carries the page as ``redirect_url``
(``/_sandbox/pages/checkout/<intent id>/<token>``, made by `molam_sandbox.payments`). This module finds the
intent a URL names, checking its capability token in constant time (the page is reached without an API key,
so the token is what proves the right to see and pay it), and turns a click into the same plug-ins the API
runs: a payment method is the ``confirm_payment_intent`` plug-in with that test method, ``cancel`` the
``cancel_payment_intent`` plug-in (reason ``abandoned``), the 3-D Secure-like step the same
`payments.complete_action` as ``POST /_sandbox/payment_intents/{id}/complete_action``. Charges, balances and
events are exactly what those calls make: there is no second state machine.

One click pays once. Every page carries a fresh nonce; the first request with a nonce records it in the
intent's internal document, in the same SQLite transaction (``BEGIN IMMEDIATE``, serialized) as the payment,
and a repeat of it (a double click, a resubmitted form, the back button) changes nothing and is answered by
the intent's state (`molam_sandbox.hosted`, shared with the onboarding page). A choice the intent's state no
longer allows (another tab paid first) changes nothing either. The HTML lives in `molam_sandbox.checkout_page`.
"""

from __future__ import annotations

import enum

import attrs

from molam_sandbox import hosted, payments
from molam_sandbox.errors import SandboxError
from molam_sandbox.objects import load, table_of, view
from molam_sandbox.plugins import invoke
from molam_sandbox.settings import Env
from molam_sandbox.spec import ApiSpec
from molam_sandbox.state import Tx
from molam_sdk.models.cancel_payment_intent_request import CancelPaymentIntentRequest
from molam_sdk.models.cancellation_reason import CancellationReason
from molam_sdk.models.confirm_payment_intent_request import ConfirmPaymentIntentRequest
from molam_sdk.models.payment_intent import PaymentIntent
from molam_sdk.models.payment_intent_status import PaymentIntentStatus

__all__ = [
    "PAY_METHODS",
    "Checkout",
    "Choice",
    "Stage",
    "act",
    "open_checkout",
    "stage_of",
]

Status = PaymentIntentStatus


class Choice(enum.Enum):
    """A control of the checkout page; its value is what the form posts, ``test_id`` its ``data-testid``."""

    CARD_SUCCESS = "card-success"
    CARD_DECLINED = "card-declined"
    CARD_3DS = "card-3ds"
    ORANGE_MONEY_APPROVE = "orange-money-approve"
    ORANGE_MONEY_REJECT = "orange-money-reject"
    WAVE_APPROVE = "wave-approve"
    WAVE_REJECT = "wave-reject"
    CANCEL = "cancel"
    APPROVE_3DS = "3ds-approve"
    REJECT_3DS = "3ds-reject"

    @property
    def test_id(self) -> str:
        """The stable ``data-testid`` of the control (documented for merchants' browser tests)."""
        if self in PAY_METHODS:
            return f"pay-{self.value}"
        if self in (Choice.APPROVE_3DS, Choice.REJECT_3DS):
            return f"authorize-{self.value}"
        return str(self.value)


PAY_METHODS: dict[Choice, str] = {
    Choice.CARD_SUCCESS: "pm_card_visa",
    Choice.CARD_DECLINED: "pm_card_declined",
    Choice.CARD_3DS: "pm_card_3ds",
    Choice.ORANGE_MONEY_APPROVE: "pm_orange_money",
    Choice.ORANGE_MONEY_REJECT: "pm_orange_money_rejected",
    Choice.WAVE_APPROVE: "pm_wave",
    Choice.WAVE_REJECT: "pm_wave_rejected",
}
"""The test payment method each pay control confirms with (README, Test payment methods)."""

_HANDLED = "checkout_nonces"  # internal: nonces of the page requests already acted on, newest last


class Stage(enum.Enum):
    """What the checkout page shows for an intent."""

    CHOOSE = enum.auto()
    """Pick a payment method (first time, or again after a decline)."""
    AUTHENTICATE = enum.auto()
    """Approve or refuse the 3-D Secure-like step of ``pm_card_3ds``."""
    PROCESSING = enum.auto()
    """The payment is being processed: its outcome comes later (the shop learns it from the webhook)."""
    PAID = enum.auto()
    """Succeeded, or authorised for a manual capture: nothing left to pay."""
    CANCELED = enum.auto()
    FAILED = enum.auto()


def stage_of(intent: PaymentIntent) -> Stage:
    """The page an intent in its current status gets."""
    status = intent.status
    if status in payments.CONFIRMABLE or payments.awaits_checkout(intent):
        return Stage.CHOOSE
    if status == Status.REQUIRES_ACTION:
        return Stage.AUTHENTICATE
    if status == Status.PROCESSING:
        return Stage.PROCESSING
    if status in (Status.SUCCEEDED, Status.REQUIRES_CAPTURE):
        return Stage.PAID
    if status == Status.CANCELED:
        return Stage.CANCELED
    return Stage.FAILED


@attrs.frozen
class Checkout:
    """A payment intent reached through its checkout URL (the token matched)."""

    account: str
    intent: PaymentIntent

    @property
    def stage(self) -> Stage:
        """What the page shows now."""
        return stage_of(self.intent)


def open_checkout(tx: Tx, pi_id: str, token: str) -> Checkout | None:
    """The intent `pi_id` if `token` is its checkout token, else None (unknown id and wrong token alike).

    The id is looked up in every account (the browser sends no key); the token decides, compared in constant
    time, and an intent that never had a checkout page has no token to match.
    """
    record = tx.get_in_any_account(table_of(PaymentIntent), pi_id)
    if record is None or not hosted.token_matches(payments.checkout_token(record.internal), token):
        return None
    return Checkout(record.account, view(PaymentIntent, record.doc))


def act(
    tx: Tx, api: ApiSpec, env: Env, pi_id: str, token: str, choice: Choice, nonce: str
) -> Checkout | None:
    """Do what `choice` asks, once per `nonce`, if the intent's state still allows it; the intent after.

    None when the URL names no checkout (wrong token). Run inside one write transaction: the nonce is
    recorded with the payment it makes, so two tabs or a double click can never make two charges.
    """
    found = open_checkout(tx, pi_id, token)
    if found is None:
        return None
    if not hosted.first_use(tx, load(tx, PaymentIntent, found.account, pi_id), _HANDLED, nonce):
        return found  # a repeat of a request already acted on: its outcome stands
    stage = found.stage
    if choice in PAY_METHODS and stage is Stage.CHOOSE:
        confirm = ConfirmPaymentIntentRequest(payment_method=PAY_METHODS[choice])
        invoke(api, tx, found.account, env, "confirm_payment_intent", confirm.to_dict(), pi_id)
        declined = tx.deferred_error
        if isinstance(declined, SandboxError) and declined.status == 402:
            # The decline is stored (charge, event) like the API's; the page shows it instead of a 402 body.
            tx.deferred_error = None
    elif choice in (Choice.APPROVE_3DS, Choice.REJECT_3DS) and stage is Stage.AUTHENTICATE:
        payments.complete_action(tx, found.account, pi_id, choice is Choice.APPROVE_3DS, env)
    elif choice is Choice.CANCEL and stage in (Stage.CHOOSE, Stage.AUTHENTICATE):
        cancel = CancelPaymentIntentRequest(cancellation_reason=CancellationReason.ABANDONED)
        invoke(api, tx, found.account, env, "cancel_payment_intent", cancel.to_dict(), pi_id)
    # Any other choice came from a page the intent has moved past (another tab paid): nothing to do.
    return open_checkout(tx, pi_id, token)
