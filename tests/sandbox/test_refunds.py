"""Refunds over real HTTP through the SDK client: never more than captured minus already refunded."""

from __future__ import annotations

import pytest

from molam_sdk_ext.client import Molam
from molam_sdk_ext.errors import BadRequestError
from tests.support.waiting import wait_for

pytestmark = pytest.mark.integration


def _paid(molam: Molam, amount: int = 15000, payment_method: str = "pm_card_visa") -> str:
    return molam.payment_intents.create(
        amount=amount, currency="XOF", payment_method=payment_method, confirm=True
    ).id


def test_partial_refunds_up_to_the_captured_amount(molam: Molam) -> None:
    pi = _paid(molam)
    first = molam.refunds.create(
        payment_intent=pi, amount=5000, reason="requested_by_customer", metadata={"t": "1"}
    )
    assert first.status == "pending" and first.amount == 5000 and first.payment_intent == pi
    charge = molam.charges.retrieve(first.charge)
    assert charge.amount_refunded == 5000 and charge.refunded is False
    with pytest.raises(BadRequestError) as too_much:
        molam.refunds.create(payment_intent=pi, amount=10001)
    assert too_much.value.code == "amount_too_large" and too_much.value.param == "amount"
    rest = molam.charges.refund(first.charge)  # the rest, by default
    assert rest.amount == 10000 and rest.charge == first.charge
    charge = molam.charges.retrieve(first.charge)
    assert charge.amount_refunded == 15000 and charge.refunded is True
    with pytest.raises(BadRequestError) as done:
        molam.refunds.create(charge=first.charge, amount=1)
    assert done.value.code == "charge_already_refunded"
    assert {r.id for r in molam.refunds.list(payment_intent=pi)} == {first.id, rest.id}


def test_refund_settles_to_succeeded(molam: Molam) -> None:
    refund = molam.refunds.create(payment_intent=_paid(molam))
    settled = wait_for(lambda: molam.refunds.retrieve(refund.id), lambda r: r.status == "succeeded")
    assert settled.failure_reason is None
    assert molam.events.list(type="refund.processed").data[0].data.object["id"] == refund.id


def test_refund_can_fail_and_gives_the_amount_back(molam: Molam) -> None:
    pi = _paid(molam, 8000, "pm_card_refund_fail")
    refund = molam.refunds.create(payment_intent=pi, amount=3000)
    failed = wait_for(lambda: molam.refunds.retrieve(refund.id), lambda r: r.status == "failed")
    assert failed.failure_reason
    assert molam.charges.retrieve(refund.charge).amount_refunded == 0
    # The whole amount is refundable again.
    assert molam.refunds.create(payment_intent=pi).amount == 8000


def test_only_captured_payments_are_refundable(molam: Molam) -> None:
    pending = molam.payment_intents.create(amount=100, currency="XOF")
    with pytest.raises(BadRequestError) as unpaid:
        molam.refunds.create(payment_intent=pending.id)
    assert unpaid.value.code == "charge_not_refundable"
    authorized = molam.payment_intents.create(
        amount=100, currency="XOF", capture_method="manual", payment_method="pm_card_visa", confirm=True
    )
    with pytest.raises(BadRequestError) as uncaptured:
        molam.charges.refund(str(authorized.latest_charge))
    assert uncaptured.value.code == "charge_not_refundable"
    captured = molam.payment_intents.capture(authorized.id, amount_to_capture=60)
    with pytest.raises(BadRequestError):
        molam.refunds.create(payment_intent=captured.id, amount=61)
    assert molam.refunds.create(payment_intent=captured.id).amount == 60


def test_exactly_one_of_payment_intent_or_charge(molam: Molam) -> None:
    pi = molam.payment_intents.retrieve(_paid(molam))
    with pytest.raises(BadRequestError) as neither:
        molam.refunds.create(amount=1)
    assert neither.value.code == "parameter_missing"
    with pytest.raises(BadRequestError) as both:
        molam.refunds.create(payment_intent=pi.id, charge=str(pi.latest_charge))
    assert both.value.param == "charge"
    with pytest.raises(BadRequestError) as missing:
        molam.refunds.create(payment_intent="pi_nope")
    assert missing.value.code == "resource_missing" and missing.value.param == "payment_intent"
