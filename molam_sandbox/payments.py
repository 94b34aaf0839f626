"""Molam Connect in the sandbox: payment intents, charges and refunds, with the real state machine.

Payment intent life::

    requires_payment_method --(attach)--> requires_confirmation --confirm-->
        succeeded                      (automatic capture; a charge is created, funds credited)
        requires_capture --capture-->  succeeded (manual capture; `amount_to_capture` <= amount)
        requires_action --complete_action--> succeeded | requires_payment_method (customer approval, 3DS)
        processing --(after processing_delay)--> succeeded | requires_capture, or failed (final)
        requires_payment_method + last_payment_error, and a 402 payment_error (declined)
    cancel: from requires_payment_method, requires_confirmation, requires_action, requires_capture.

    requires_payment_method --confirm without a method--> requires_action (the customer picks one on the
        hosted checkout page, `redirect_url`)

Which way a confirmation goes is decided by the test payment method (`TEST_PAYMENT_METHODS`). A processing
payment whose settlement cannot apply (crediting it would take the balance beyond int64) fails for good, with
the reason in ``last_payment_error``. Refunds start `pending` and settle after `refund_delay`; a refund never
exceeds the captured amount minus what was already refunded (pending refunds included).

The hosted checkout: while an intent waits for its customer (`requires_payment_method`, or `requires_action`)
its ``redirect_url`` is the sandbox's checkout page for it, ``/_sandbox/pages/checkout/<id>/<token>``. The token
is a capability kept in the intent's internal document (never served but in that URL, never the client secret):
the page needs no API key, so knowing the intent id is not enough to see or pay it. The page
(`molam_sandbox.checkout`) runs the plug-ins below, not a second state machine.

Objects are read and changed through the generated models (`molam_sandbox.objects`); updates of description
and metadata are the engine's convention (no plug-in).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from molam_sandbox import hosted
from molam_sandbox.engine import Call
from molam_sandbox.errors import SandboxError, invalid_param, unexpected_state
from molam_sandbox.events import record_event
from molam_sandbox.objects import Stored, build, find, fresh, insert, load, new, object_type
from molam_sandbox.registry import PLUGINS
from molam_sandbox.settings import Env
from molam_sandbox.state import Tx, new_id
from molam_sandbox.timers import timer_action
from molam_sdk.models.cancel_payment_intent_request import CancelPaymentIntentRequest
from molam_sdk.models.capture_method import CaptureMethod
from molam_sdk.models.capture_payment_intent_request import CapturePaymentIntentRequest
from molam_sdk.models.charge import Charge
from molam_sdk.models.charge_status import ChargeStatus
from molam_sdk.models.confirm_payment_intent_request import ConfirmPaymentIntentRequest
from molam_sdk.models.create_payment_intent_request import CreatePaymentIntentRequest
from molam_sdk.models.create_refund_request import CreateRefundRequest
from molam_sdk.models.error_type import ErrorType
from molam_sdk.models.event_type import EventType
from molam_sdk.models.last_payment_error import LastPaymentError
from molam_sdk.models.metadata import Metadata
from molam_sdk.models.payment_intent import PaymentIntent
from molam_sdk.models.payment_intent_status import PaymentIntentStatus
from molam_sdk.models.refund import Refund
from molam_sdk.models.refund_charge_request import RefundChargeRequest
from molam_sdk.models.refund_status import RefundStatus
from molam_sdk.types import Unset

__all__ = [
    "CANCELABLE",
    "CHECKOUT_PATH",
    "CONFIRMABLE",
    "SETTLE_PAYMENT",
    "SETTLE_REFUND",
    "TEST_PAYMENT_METHODS",
    "Behaviour",
    "awaits_checkout",
    "behaviour_of",
    "cancel_payment_intent",
    "capture_payment_intent",
    "checkout_token",
    "complete_action",
    "confirm_payment_intent",
    "create_payment_intent",
    "create_refund",
    "refund_charge",
    "settle_payment_intent",
    "settle_refund",
]

Doc = dict[str, Any]
Status = PaymentIntentStatus


class Behaviour(enum.Enum):
    """What confirming with a payment method does."""

    SUCCEED = enum.auto()
    DECLINE = enum.auto()
    INSUFFICIENT_FUNDS = enum.auto()
    REQUIRES_ACTION = enum.auto()
    PROCESSING = enum.auto()
    PROCESSING_FAILS = enum.auto()
    REFUND_FAILS = enum.auto()
    REJECTED = enum.auto()
    """The customer refused the payment in the mobile money app."""


TEST_PAYMENT_METHODS: dict[str, Behaviour] = {
    "pm_card_visa": Behaviour.SUCCEED,
    "pm_card_mastercard": Behaviour.SUCCEED,
    "pm_orange_money": Behaviour.SUCCEED,
    "pm_wave": Behaviour.SUCCEED,
    "pm_orange_money_rejected": Behaviour.REJECTED,
    "pm_wave_rejected": Behaviour.REJECTED,
    "pm_card_declined": Behaviour.DECLINE,
    "pm_card_insufficient_funds": Behaviour.INSUFFICIENT_FUNDS,
    "pm_card_3ds": Behaviour.REQUIRES_ACTION,
    "pm_card_processing": Behaviour.PROCESSING,
    "pm_card_processing_declined": Behaviour.PROCESSING_FAILS,
    "pm_card_refund_fail": Behaviour.REFUND_FAILS,
}
"""Test payment methods and their outcome. Any other ``pm_...`` id succeeds like ``pm_card_visa``."""

CANCELABLE = frozenset(
    {
        Status.REQUIRES_PAYMENT_METHOD,
        Status.REQUIRES_CONFIRMATION,
        Status.REQUIRES_ACTION,
        Status.REQUIRES_CAPTURE,
    }
)
CONFIRMABLE = frozenset({Status.REQUIRES_PAYMENT_METHOD, Status.REQUIRES_CONFIRMATION})
_AWAITING_CUSTOMER = frozenset({Status.REQUIRES_PAYMENT_METHOD, Status.REQUIRES_ACTION})
"""The statuses in which an intent carries its checkout page as ``redirect_url``."""

CHECKOUT_PATH = "/_sandbox/pages/checkout"
"""Where the sandbox serves the hosted checkout page: ``{CHECKOUT_PATH}/<intent id>/<token>``."""
_CHECKOUT_TOKEN = "checkout_token"  # internal: the capability in the intent's redirect_url

SETTLE_PAYMENT = "payment_intent.settle"
"""Timer action: a `processing` payment intent settles."""
SETTLE_REFUND = "refund.settle"
"""Timer action: a `pending` refund settles."""

_DECLINES = {
    Behaviour.DECLINE: ("card_declined", "generic_decline", "Your card was declined."),
    Behaviour.INSUFFICIENT_FUNDS: (
        "insufficient_funds",
        "insufficient_funds",
        "Your card has insufficient funds.",
    ),
    Behaviour.REJECTED: (
        "payment_rejected",
        "customer_rejected",
        "The payment was rejected in the mobile money app.",
    ),
}

# Request fields named in errors, by the generated request models (a spec rename fails mypy here).
_CREATE = attrs.fields(CreatePaymentIntentRequest)
_CAPTURE = attrs.fields(CapturePaymentIntentRequest)
_REFUND = attrs.fields(CreateRefundRequest)
_INTENT = object_type(PaymentIntent)
_INTENT_FIELDS = attrs.fields(PaymentIntent)
_PROCESSING_FAILS = (
    "processing_fails"  # internal: a `pm_card_processing_declined` payment fails when it settles
)
_REFUND_FAILS_KEY = "refund_fails"  # internal: refunds of a `pm_card_refund_fail` charge fail


def behaviour_of(payment_method: str, param: str = _CREATE.payment_method.name) -> Behaviour:
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


def _action(c: Call) -> str:
    """The verb of the action being called, from its path (``.../confirm``), for error messages."""
    return c.op.action or c.op.operation_id


def _given(value: Any) -> Any:
    """None for an optional request field that was not sent (`Unset`), else its value."""
    return None if isinstance(value, Unset) else value


def awaits_checkout(intent: PaymentIntent) -> bool:
    """Whether `intent` was confirmed without a payment method and waits for one on the checkout page."""
    return intent.status == Status.REQUIRES_ACTION and not intent.payment_method


def checkout_token(internal: Doc) -> str | None:
    """The checkout capability token kept in an intent's internal document, if it has one yet."""
    token = internal.get(_CHECKOUT_TOKEN)
    return token if isinstance(token, str) else None


def _checkout_url(env: Env, pi_id: str, token: str) -> str:
    return f"{env.settings.public_url}{CHECKOUT_PATH}/{pi_id}/{token}"


def _show_checkout(pi: Stored[PaymentIntent], env: Env) -> None:
    """``redirect_url`` is the checkout page while the intent waits for its customer, else null.

    The token is made the first time it is needed and then kept: every URL of one intent is the same page.
    """
    if pi.obj.status not in _AWAITING_CUSTOMER:
        pi.obj.redirect_url = None
        return
    token = checkout_token(pi.internal)
    if token is None:
        token = pi.internal[_CHECKOUT_TOKEN] = hosted.new_token()
    pi.obj.redirect_url = _checkout_url(env, pi.id, token)


# -- payment intents ------------------------------------------------------------------------------------


@PLUGINS.write("create_payment_intent")
def create_payment_intent(c: Call) -> Doc:
    """Create a payment intent; with ``confirm: true`` confirm it at once."""
    request = CreatePaymentIntentRequest.from_dict(c.params)
    payment_method: str | None = _given(request.payment_method)
    if payment_method is not None:
        behaviour_of(payment_method)
    if request.confirm and payment_method is None:
        raise invalid_param(
            _CREATE.payment_method.name,
            "confirm=true needs a payment_method to confirm with.",
            "parameter_missing",
        )
    doc = c.new_object(
        amount_received=0,
        status=Status.REQUIRES_CONFIRMATION if payment_method else Status.REQUIRES_PAYMENT_METHOD,
        capture_method=_given(request.capture_method) or CaptureMethod.AUTOMATIC,
    )
    # The secret embeds the id it belongs to. Set by its typed field name rather than through a model round trip:
    # this is the hot path of every create (the sandbox benchmark).
    pi_id = doc[_INTENT_FIELDS.id.name]
    doc[_INTENT_FIELDS.client_secret.name] = f"{pi_id}_secret_{new_id('', 24)}"
    internal: Doc = {}
    if payment_method is None:
        # No method yet: the customer chooses one on the hosted checkout page (a token unrelated to the secret).
        token = internal[_CHECKOUT_TOKEN] = hosted.new_token()
        doc[_INTENT_FIELDS.redirect_url.name] = _checkout_url(c.env, pi_id, token)
    record = c.insert(doc, internal)
    if request.confirm:
        pi = Stored.of(record, PaymentIntent)
        _confirm(c.tx, pi, str(payment_method), c.env)
    return record.doc


@PLUGINS.write("confirm_payment_intent")
def confirm_payment_intent(c: Call) -> Doc:
    """Confirm with the given (or attached) payment method; a decline is stored, then raised as a 402.

    With no method given or attached, the customer chooses one on the hosted checkout page: the intent moves
    to `requires_action` with the page as ``redirect_url`` (and ``payment_intent.requires_action``), and a
    later confirm with a method (the page's own) goes on from there.
    """
    pi = Stored.of(c.require(), PaymentIntent)
    intent = pi.obj
    if intent.status not in CONFIRMABLE and not awaits_checkout(intent):
        raise unexpected_state(_INTENT, pi.id, intent.status, _action(c))
    request = ConfirmPaymentIntentRequest.from_dict(c.params)
    payment_method = _given(request.payment_method) or intent.payment_method
    return_url: str | None = _given(request.return_url)
    if return_url:
        intent.return_url = return_url
    if not payment_method:
        if not awaits_checkout(intent):
            intent.status = Status.REQUIRES_ACTION
            _show_checkout(pi, c.env)
            pi.save(c.tx)
            record_event(c.tx, pi.account, EventType.PAYMENT_INTENT_REQUIRES_ACTION, pi, c.env)
        else:
            pi.save(c.tx)
        return pi.record.doc
    _confirm(c.tx, pi, str(payment_method), c.env)
    return pi.record.doc


@PLUGINS.write("capture_payment_intent")
def capture_payment_intent(c: Call) -> Doc:
    """Capture an authorised payment intent, fully or partially."""
    pi = Stored.of(c.require(), PaymentIntent)
    intent = pi.obj
    if intent.status != Status.REQUIRES_CAPTURE:
        raise unexpected_state(_INTENT, pi.id, intent.status, _action(c))
    requested: int | None = _given(CapturePaymentIntentRequest.from_dict(c.params).amount_to_capture)
    amount = intent.amount if requested is None else int(requested)
    if amount > intent.amount:
        raise invalid_param(
            _CAPTURE.amount_to_capture.name,
            f"amount_to_capture ({amount}) is greater than the authorised amount ({intent.amount}).",
            "amount_too_large",
        )
    charge = load(c.tx, Charge, pi.account, str(intent.latest_charge))
    charge.obj.captured = True
    charge.obj.amount_captured = amount
    charge.save(c.tx)
    intent.status = Status.SUCCEEDED
    intent.amount_received = amount
    pi.save(c.tx)
    c.tx.adjust_balance(pi.account, intent.currency, available=amount)
    record_event(c.tx, pi.account, EventType.PAYMENT_INTENT_SUCCEEDED, pi, c.env)
    return pi.record.doc


@PLUGINS.write("cancel_payment_intent")
def cancel_payment_intent(c: Call) -> Doc:
    """Cancel a payment intent that has not succeeded (an authorisation is released)."""
    pi = Stored.of(c.require(), PaymentIntent)
    intent = pi.obj
    if intent.status not in CANCELABLE:
        raise unexpected_state(_INTENT, pi.id, intent.status, _action(c))
    intent.status = Status.CANCELED
    intent.cancellation_reason = _given(CancelPaymentIntentRequest.from_dict(c.params).cancellation_reason)
    _show_checkout(pi, c.env)
    c.tx.unschedule(pi.account, pi.id)
    pi.save(c.tx)
    record_event(c.tx, pi.account, EventType.PAYMENT_INTENT_CANCELED, pi, c.env)
    return pi.record.doc


def complete_action(tx: Tx, account: str, pi_id: str, succeeded: bool, env: Env) -> Doc:
    """Finish the customer action of a `requires_action` intent: approved (`succeeded`) or not."""
    pi = load(tx, PaymentIntent, account, pi_id)
    if pi.obj.status != Status.REQUIRES_ACTION:
        raise unexpected_state(_INTENT, pi_id, pi.obj.status, "complete the action of")
    if succeeded:
        _authorize(tx, pi, Behaviour.SUCCEED, env)
    else:
        message = "The customer did not approve the payment."
        _decline(tx, pi, "authentication_failed", "authentication_failed", message, env)
    _show_checkout(pi, env)
    return pi.save(tx)


@timer_action(SETTLE_PAYMENT)
def settle_payment_intent(tx: Tx, account: str, pi_id: str, env: Env) -> None:
    """Timer: a `processing` payment intent succeeds (or awaits capture), or fails for good.

    A settlement that cannot apply (the balance would leave int64: ``amount_too_large``) fails the payment
    with that reason rather than leaving it `processing`.
    """
    pi = find(tx, PaymentIntent, account, pi_id)
    if pi is None or pi.obj.status != Status.PROCESSING:
        return
    if pi.internal.get(_PROCESSING_FAILS):
        # An asynchronous payment that fails after processing cannot be retried on the same intent.
        message = "The payment provider declined the payment."
        _decline(tx, pi, "processing_error", "provider_declined", message, env, final=True)
        pi.save(tx)
        return
    try:
        with tx.savepoint():
            _authorize(tx, pi, Behaviour.SUCCEED, env)
            pi.save(tx)
    except SandboxError as refused:
        pi = load(tx, PaymentIntent, account, pi_id)  # as it was before the attempt (rolled back)
        _decline(tx, pi, refused.code, refused.code, refused.message, env, final=True)
        pi.save(tx)


def _confirm(tx: Tx, pi: Stored[PaymentIntent], payment_method: str, env: Env) -> None:
    """Confirm `pi` with `payment_method`; a decline is stored, and its 402 raised once the transaction commits."""
    behaviour = behaviour_of(payment_method)
    intent = pi.obj
    intent.payment_method = payment_method
    intent.last_payment_error = None
    if behaviour in _DECLINES:
        code, decline_code, message = _DECLINES[behaviour]
        _decline(tx, pi, code, decline_code, message, env)
        _show_checkout(pi, env)  # the customer may try again on the checkout page
        doc = pi.save(tx)
        tx.deferred_error = SandboxError(
            402,
            ErrorType.PAYMENT_ERROR,
            code,
            message,
            param=_CREATE.payment_method.name,
            extra={_INTENT: doc},
        )
        return
    if behaviour is Behaviour.REQUIRES_ACTION:
        intent.status = Status.REQUIRES_ACTION
        _show_checkout(pi, env)  # the same page shows the 3-D Secure-like approval step
        pi.save(tx)
        record_event(tx, pi.account, EventType.PAYMENT_INTENT_REQUIRES_ACTION, pi, env)
        return
    if behaviour in (Behaviour.PROCESSING, Behaviour.PROCESSING_FAILS):
        intent.status = Status.PROCESSING
        intent.redirect_url = None
        pi.internal[_PROCESSING_FAILS] = behaviour is Behaviour.PROCESSING_FAILS
        pi.save(tx)
        tx.schedule(pi.account, SETTLE_PAYMENT, pi.id, env.now + env.settings.processing_delay)
        record_event(tx, pi.account, EventType.PAYMENT_INTENT_PROCESSING, pi, env)
        return
    _authorize(tx, pi, behaviour, env)
    pi.save(tx)


def _new_charge(tx: Tx, intent: PaymentIntent, env: Env, *, status: ChargeStatus, captured: bool) -> Charge:
    return Charge(
        **fresh(tx, env, Charge),
        amount=intent.amount,
        amount_captured=intent.amount if captured else 0,
        amount_refunded=0,
        currency=intent.currency,
        status=status,
        payment_intent=intent.id,
        payment_method=intent.payment_method,
        customer_id=intent.customer_id,
        description=intent.description,
        captured=captured,
        refunded=False,
        failure_code=None,
        failure_message=None,
        metadata=Metadata(),
    )


def _authorize(tx: Tx, pi: Stored[PaymentIntent], behaviour: Behaviour, env: Env) -> None:
    intent = pi.obj
    automatic = intent.capture_method == CaptureMethod.AUTOMATIC
    charge = _new_charge(tx, intent, env, status=ChargeStatus.SUCCEEDED, captured=automatic)
    insert(tx, pi.account, charge, {_REFUND_FAILS_KEY: behaviour is Behaviour.REFUND_FAILS})
    intent.latest_charge = charge.id
    intent.redirect_url = None
    if automatic:
        intent.status = Status.SUCCEEDED
        intent.amount_received = intent.amount
        tx.adjust_balance(pi.account, intent.currency, available=intent.amount)
        record_event(tx, pi.account, EventType.PAYMENT_INTENT_SUCCEEDED, pi, env)
    else:
        intent.status = Status.REQUIRES_CAPTURE
        record_event(tx, pi.account, EventType.PAYMENT_INTENT_REQUIRES_CAPTURE, pi, env)


def _decline(
    tx: Tx,
    pi: Stored[PaymentIntent],
    code: str,
    decline_code: str,
    message: str,
    env: Env,
    *,
    final: bool = False,
) -> None:
    """Record a failed attempt: back to `requires_payment_method`, or `failed` for good when `final`."""
    intent = pi.obj
    charge = _new_charge(tx, intent, env, status=ChargeStatus.FAILED, captured=False)
    charge.failure_code = code
    charge.failure_message = message
    insert(tx, pi.account, charge)
    intent.latest_charge = charge.id
    intent.last_payment_error = LastPaymentError(
        type=ErrorType.PAYMENT_ERROR,
        code=code,
        message=message,
        decline_code=decline_code,
        payment_method=intent.payment_method,
    )
    if final:
        intent.status = Status.FAILED
    else:
        intent.payment_method = None
        intent.status = Status.REQUIRES_PAYMENT_METHOD
    record_event(tx, pi.account, EventType.PAYMENT_INTENT_FAILED, pi, env)


# -- refunds --------------------------------------------------------------------------------------------

MakeRefund = Callable[..., Stored[Refund]]
"""Makes the new refund from what the rule decided (``make(amount=..., status=...)``)."""


@PLUGINS.write("create_refund")
def create_refund(c: Call) -> Doc:
    """Refund a payment intent's captured charge, or a charge; exactly one of the two is given."""
    request = CreateRefundRequest.from_dict(c.params)
    pi_id: str | None = _given(request.payment_intent)
    charge_id: str | None = _given(request.charge)
    if pi_id and charge_id:
        raise invalid_param(_REFUND.charge.name, "Give exactly one of payment_intent or charge, not both.")
    if not pi_id and not charge_id:
        raise invalid_param(
            _REFUND.payment_intent.name, "Give payment_intent or charge to refund.", "parameter_missing"
        )
    param = _REFUND.payment_intent.name if pi_id else _REFUND.charge.name
    if pi_id:
        pi = load(c.tx, PaymentIntent, c.account, pi_id, param=param)
        if pi.obj.status != Status.SUCCEEDED or not pi.obj.latest_charge:
            raise invalid_param(
                param,
                f"This payment intent has no captured charge to refund (status {pi.obj.status}).",
                "charge_not_refundable",
            )
        charge_id = pi.obj.latest_charge
    charge = load(c.tx, Charge, c.account, str(charge_id), param=param)

    def make(**decided: Any) -> Stored[Refund]:
        return new(Refund, c.account, c.new_object(**decided))

    return _refund(c.tx, charge, _given(request.amount), c.env, make, charge_param=param)


@PLUGINS.write("refund_charge")
def refund_charge(c: Call) -> Doc:
    """Refund the charge in the path, fully by default."""
    charge = Stored.of(c.require(), Charge)

    def make(**decided: Any) -> Stored[Refund]:
        # The body's reason and metadata, as a create would take them.
        return new(Refund, c.account, build(c.tx, c.env, Refund, c.params, **decided).to_dict())

    requested = _given(RefundChargeRequest.from_dict(c.params).amount)
    return _refund(c.tx, charge, requested, c.env, make, charge_param=None)


def _refund(
    tx: Tx,
    charge: Stored[Charge],
    requested: int | None,
    env: Env,
    make: MakeRefund,
    *,
    charge_param: str | None,
) -> Doc:
    ch = charge.obj
    if ch.status != ChargeStatus.SUCCEEDED or not ch.captured:
        state = ChargeStatus.FAILED.value if ch.status == ChargeStatus.FAILED else "not captured"
        raise invalid_param(
            charge_param, f"Charge {ch.id} cannot be refunded: it is {state}.", "charge_not_refundable"
        )
    refundable = ch.amount_captured - ch.amount_refunded
    if refundable <= 0:
        raise invalid_param(
            charge_param, f"Charge {ch.id} has already been refunded in full.", "charge_already_refunded"
        )
    amount = refundable if requested is None else int(requested)
    if amount > refundable:
        raise invalid_param(
            _REFUND.amount.name,
            f"Refund amount ({amount}) is greater than the refundable amount of the charge ({refundable}).",
            "amount_too_large",
        )
    ch.amount_refunded += amount
    ch.refunded = ch.amount_refunded == ch.amount_captured
    charge.save(tx)
    refund = make(
        amount=amount,
        currency=ch.currency,
        payment_intent=ch.payment_intent,
        charge=ch.id,
        status=RefundStatus.PENDING,
    )
    refund.add(tx)
    tx.adjust_balance(charge.account, ch.currency, available=-amount)
    tx.schedule(charge.account, SETTLE_REFUND, refund.id, env.now + env.settings.refund_delay)
    return refund.record.doc


@timer_action(SETTLE_REFUND)
def settle_refund(tx: Tx, account: str, refund_id: str, env: Env) -> None:
    """Timer: a pending refund succeeds, or fails (charges made with ``pm_card_refund_fail``)."""
    refund = find(tx, Refund, account, refund_id)
    if refund is None or refund.obj.status != RefundStatus.PENDING:
        return
    charge = load(tx, Charge, account, refund.obj.charge)
    if charge.internal.get(_REFUND_FAILS_KEY):
        refund.obj.status = RefundStatus.FAILED
        refund.obj.failure_reason = "declined_by_provider"
        charge.obj.amount_refunded -= refund.obj.amount
        charge.obj.refunded = False
        charge.save(tx)
        refund.save(tx)
        tx.adjust_balance(account, refund.obj.currency, available=refund.obj.amount)
        record_event(tx, account, EventType.REFUND_FAILED, refund, env)
        return
    refund.obj.status = RefundStatus.SUCCEEDED
    refund.save(tx)
    record_event(tx, account, EventType.REFUND_PROCESSED, refund, env)
    record_event(tx, account, EventType.CHARGE_REFUNDED, charge, env)
