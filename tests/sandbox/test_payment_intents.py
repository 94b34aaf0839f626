"""Payment intents and charges over real HTTP, driven through the SDK client: every state transition."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from molam_sdk_ext.client import AsyncMolam, Molam
from molam_sdk_ext.errors import APIError, BadRequestError, NotFoundError
from tests.fixtures.sandbox import SandboxHandle
from tests.support.waiting import wait_for

pytestmark = pytest.mark.integration


def test_create_without_payment_method_requires_one(molam: Molam) -> None:
    pi = molam.payment_intents.create(
        amount=15000, currency="XOF", description="Commande 1042", metadata={"order_id": "1042"}
    )
    assert pi.id.startswith("pi_")
    assert pi.status == "requires_payment_method"
    assert pi.amount == 15000 and pi.amount_received == 0 and pi.currency == "XOF"
    assert pi.capture_method == "automatic"
    assert pi.latest_charge is None and pi.livemode is False
    assert pi.metadata.additional_properties == {"order_id": "1042"}
    assert molam.payment_intents.retrieve(pi.id).to_dict() == pi.to_dict()


def test_create_with_payment_method_requires_confirmation(molam: Molam) -> None:
    pi = molam.payment_intents.create(amount=500, currency="XOF", payment_method="pm_card_visa")
    assert pi.status == "requires_confirmation"
    assert pi.payment_method == "pm_card_visa"


def test_confirm_succeeds_creates_a_captured_charge(molam: Molam) -> None:
    pi = molam.payment_intents.create(amount=2500000, currency="NGN")
    pi = molam.payment_intents.confirm(pi.id, payment_method="pm_card_visa")
    assert pi.status == "succeeded"
    assert pi.amount_received == 2500000
    assert isinstance(pi.latest_charge, str)
    charge = molam.charges.retrieve(pi.latest_charge)
    assert charge.status == "succeeded" and charge.captured is True
    assert charge.amount == charge.amount_captured == 2500000
    assert charge.payment_intent == pi.id and charge.amount_refunded == 0
    assert [c.id for c in molam.charges.list(payment_intent=pi.id)] == [charge.id]


@pytest.mark.parametrize("payment_method", ["pm_orange_money", "pm_wave", "pm_card_mastercard"])
def test_other_succeeding_methods(molam: Molam, payment_method: str) -> None:
    pi = molam.payment_intents.create(amount=100, currency="XOF", payment_method=payment_method, confirm=True)
    assert pi.status == "succeeded"


def test_manual_capture_partial(molam: Molam) -> None:
    pi = molam.payment_intents.create(
        amount=2500000, currency="NGN", capture_method="manual", payment_method="pm_card_visa", confirm=True
    )
    assert pi.status == "requires_capture" and pi.amount_received == 0
    assert isinstance(pi.latest_charge, str)
    assert molam.charges.retrieve(pi.latest_charge).captured is False
    with pytest.raises(BadRequestError) as too_much:
        molam.payment_intents.capture(pi.id, amount_to_capture=2500001)
    assert too_much.value.code == "amount_too_large" and too_much.value.param == "amount_to_capture"
    pi = molam.payment_intents.capture(pi.id, amount_to_capture=2000000)
    assert pi.status == "succeeded" and pi.amount_received == 2000000
    charge = molam.charges.retrieve(str(pi.latest_charge))
    assert charge.captured is True and charge.amount_captured == 2000000
    with pytest.raises(BadRequestError) as again:
        molam.payment_intents.capture(pi.id)
    assert again.value.code == "payment_intent_unexpected_state"


def test_manual_capture_full_by_default(molam: Molam) -> None:
    pi = molam.payment_intents.create(
        amount=700, currency="XOF", capture_method="manual", payment_method="pm_card_visa", confirm=True
    )
    assert molam.payment_intents.capture(pi.id).amount_received == 700


def test_requires_action_then_completed(molam: Molam, api: httpx.Client) -> None:
    pi = molam.payment_intents.create(amount=15000, currency="XOF", return_url="https://shop.example/done")
    pi = molam.payment_intents.confirm(pi.id, payment_method="pm_card_3ds")
    assert pi.status == "requires_action"
    assert isinstance(pi.redirect_url, str) and pi.id in pi.redirect_url
    assert api.get(pi.redirect_url).status_code == 200  # the sandbox's stand-in customer page
    response = api.post(f"/_sandbox/payment_intents/{pi.id}/complete_action", json={"outcome": "succeeded"})
    assert response.status_code == 200, response.text
    pi = molam.payment_intents.retrieve(pi.id)
    assert pi.status == "succeeded" and pi.redirect_url is None and pi.amount_received == 15000


def test_requires_action_then_failed(molam: Molam, api: httpx.Client) -> None:
    pi = molam.payment_intents.create(
        amount=15000, currency="XOF", payment_method="pm_card_3ds", confirm=True
    )
    response = api.post(f"/_sandbox/payment_intents/{pi.id}/complete_action", json={"outcome": "failed"})
    assert response.json()["status"] == "requires_payment_method"
    pi = molam.payment_intents.retrieve(pi.id)
    assert pi.last_payment_error is not None and pi.last_payment_error.code == "authentication_failed"
    again = api.post(f"/_sandbox/payment_intents/{pi.id}/complete_action", json={})
    assert again.status_code == 400 and again.json()["error"]["code"] == "payment_intent_unexpected_state"


def test_requires_action_with_manual_capture(molam: Molam, api: httpx.Client) -> None:
    pi = molam.payment_intents.create(
        amount=900, currency="XOF", capture_method="manual", payment_method="pm_card_3ds", confirm=True
    )
    api.post(f"/_sandbox/payment_intents/{pi.id}/complete_action")
    assert molam.payment_intents.retrieve(pi.id).status == "requires_capture"


def test_processing_then_succeeded(molam: Molam) -> None:
    pi = molam.payment_intents.create(
        amount=3000, currency="XOF", payment_method="pm_card_processing", confirm=True
    )
    assert pi.status == "processing" and pi.latest_charge is None
    done = wait_for(lambda: molam.payment_intents.retrieve(pi.id), lambda p: p.status == "succeeded")
    assert done.amount_received == 3000 and isinstance(done.latest_charge, str)


def test_processing_then_failed_for_good(molam: Molam) -> None:
    pi = molam.payment_intents.create(
        amount=3000, currency="XOF", payment_method="pm_card_processing_declined", confirm=True
    )
    assert pi.status == "processing"
    failed = wait_for(lambda: molam.payment_intents.retrieve(pi.id), lambda p: p.status == "failed")
    assert failed.last_payment_error is not None and failed.last_payment_error.code == "processing_error"
    assert failed.amount_received == 0
    assert molam.events.list(type="payment_intent.failed").data[0].data.object["status"] == "failed"
    with pytest.raises(BadRequestError):
        molam.payment_intents.confirm(pi.id, payment_method="pm_card_visa")
    with pytest.raises(BadRequestError):
        molam.payment_intents.cancel(pi.id)


@pytest.mark.parametrize(
    ("payment_method", "code", "decline_code"),
    [
        ("pm_card_declined", "card_declined", "generic_decline"),
        ("pm_card_insufficient_funds", "insufficient_funds", "insufficient_funds"),
    ],
)
def test_declined_is_402_and_back_to_requires_payment_method(
    molam: Molam, payment_method: str, code: str, decline_code: str
) -> None:
    pi = molam.payment_intents.create(amount=15000, currency="XOF")
    with pytest.raises(APIError) as declined:
        molam.payment_intents.confirm(pi.id, payment_method=payment_method)
    error = declined.value
    assert error.status == 402 and error.type == "payment_error" and error.code == code
    assert error.request_id and error.request_id.startswith("req_")
    pi = molam.payment_intents.retrieve(pi.id)
    assert pi.status == "requires_payment_method" and pi.payment_method is None
    assert pi.last_payment_error is not None
    assert pi.last_payment_error.code == code and pi.last_payment_error.decline_code == decline_code
    assert pi.last_payment_error.payment_method == payment_method
    failed_charge = molam.charges.retrieve(str(pi.latest_charge))
    assert failed_charge.status == "failed" and failed_charge.failure_code == code
    # A new attempt with a good card succeeds and clears the error.
    pi = molam.payment_intents.confirm(pi.id, payment_method="pm_card_visa")
    assert pi.status == "succeeded" and pi.last_payment_error is None


def test_create_and_confirm_declined_still_creates_the_intent(molam: Molam) -> None:
    with pytest.raises(APIError) as declined:
        molam.payment_intents.create(
            amount=10, currency="XOF", payment_method="pm_card_declined", confirm=True
        )
    assert declined.value.status == 402
    failed = molam.payment_intents.list(status="requires_payment_method").data
    assert len(failed) == 1 and failed[0].last_payment_error is not None


@pytest.mark.parametrize("setup", ["fresh", "attached", "action", "authorized"])
def test_cancel_from_every_cancelable_state(molam: Molam, setup: str) -> None:
    setups: dict[str, dict[str, Any]] = {
        "fresh": {},
        "attached": {"payment_method": "pm_card_visa"},
        "action": {"payment_method": "pm_card_3ds", "confirm": True},
        "authorized": {"payment_method": "pm_card_visa", "confirm": True, "capture_method": "manual"},
    }
    pi = molam.payment_intents.create(amount=100, currency="XOF", **setups[setup])
    pi = molam.payment_intents.cancel(pi.id, cancellation_reason="requested_by_customer")
    assert pi.status == "canceled" and pi.cancellation_reason == "requested_by_customer"


def test_invalid_transitions(molam: Molam) -> None:
    pi = molam.payment_intents.create(amount=100, currency="XOF", payment_method="pm_card_visa", confirm=True)
    actions: list[Callable[[], object]] = [
        lambda: molam.payment_intents.cancel(pi.id),
        lambda: molam.payment_intents.confirm(pi.id, payment_method="pm_card_visa"),
        lambda: molam.payment_intents.capture(pi.id),
    ]
    for action in actions:
        with pytest.raises(BadRequestError) as exc:
            action()
        assert exc.value.code == "payment_intent_unexpected_state"
    canceled = molam.payment_intents.cancel(molam.payment_intents.create(amount=1, currency="XOF").id)
    with pytest.raises(BadRequestError):
        molam.payment_intents.confirm(canceled.id, payment_method="pm_card_visa")


def test_confirm_without_a_payment_method_sends_the_customer_to_checkout(molam: Molam) -> None:
    pi = molam.payment_intents.create(amount=100, currency="XOF")
    assert pi.status == "requires_payment_method" and isinstance(pi.redirect_url, str)
    confirmed = molam.payment_intents.confirm(pi.id)
    assert confirmed.status == "requires_action" and confirmed.payment_method is None
    assert confirmed.redirect_url == pi.redirect_url  # one checkout page per intent
    again = molam.payment_intents.confirm(pi.id)  # still waiting for the customer: nothing changes
    assert again.status == "requires_action" and again.redirect_url == pi.redirect_url
    events = molam.events.list(type="payment_intent.requires_action").data
    assert [e.to_dict()["data"]["object"]["id"] for e in events] == [pi.id]  # one event, not one per confirm
    paid = molam.payment_intents.confirm(pi.id, payment_method="pm_card_visa")  # from requires_action
    assert paid.status == "succeeded" and paid.redirect_url is None


def test_confirm_refuses_an_unknown_method(molam: Molam) -> None:
    pi = molam.payment_intents.create(amount=100, currency="XOF")
    with pytest.raises(BadRequestError) as unknown:
        molam.payment_intents.confirm(pi.id, payment_method="card_4242")
    assert unknown.value.param == "payment_method" and unknown.value.code == "resource_missing"
    with pytest.raises(BadRequestError) as confirm_flag:
        molam.payment_intents.create(amount=100, currency="XOF", confirm=True)
    assert confirm_flag.value.param == "payment_method"


def test_update_merges_metadata(molam: Molam) -> None:
    pi = molam.payment_intents.create(amount=100, currency="XOF", metadata={"a": "1", "b": "2"})
    pi = molam.payment_intents.update(pi.id, description="livraison", metadata={"b": "", "c": "3"})
    assert pi.description == "livraison"
    assert pi.metadata.additional_properties == {"a": "1", "c": "3"}


def test_unknown_and_foreign_ids_are_404(molam: Molam, sandbox: object) -> None:
    with pytest.raises(NotFoundError):
        molam.payment_intents.retrieve("pi_doesnotexist")
    with pytest.raises(NotFoundError):
        molam.charges.retrieve("ch_doesnotexist")
    other = molam.with_options(api_key="sk_test_" + "someoneelse0")
    foreign = other.payment_intents.create(amount=1, currency="XOF")
    with pytest.raises(NotFoundError):
        molam.payment_intents.retrieve(foreign.id)


def test_list_filters(molam: Molam) -> None:
    created = [
        molam.payment_intents.create(amount=100 + i, currency="XOF", customer_id=f"cus_{i % 2}")
        for i in range(4)
    ]
    molam.payment_intents.confirm(created[0].id, payment_method="pm_card_visa")
    assert {p.id for p in molam.payment_intents.list(customer_id="cus_1")} == {created[1].id, created[3].id}
    assert [p.id for p in molam.payment_intents.list(status="succeeded")] == [created[0].id]
    now = created[-1].created
    assert len(list(molam.payment_intents.list(created_gte=now - 60, created_lte=now + 60))) == 4
    assert list(molam.payment_intents.list(created_gte=now + 3600)) == []


def test_pagination_is_stable_while_objects_are_created(molam: Molam) -> None:
    ids = [molam.payment_intents.create(amount=1 + i, currency="XOF").id for i in range(7)]
    first = molam.payment_intents.list(limit=3)
    assert [p.id for p in first.data] == ids[::-1][:3] and first.has_more
    # New objects arrive between pages: they are newer than the cursor, so later pages do not shift.
    for i in range(3):
        molam.payment_intents.create(amount=100 + i, currency="XOF")
    rest: list[str] = []
    page = first.next_page()
    while page is not None:
        rest.extend(p.id for p in page.data)
        page = page.next_page()
    assert rest == ids[::-1][3:]


async def test_async_client_flow(sandbox: SandboxHandle) -> None:
    async with AsyncMolam(
        api_key=sandbox.new_api_key(), base_url=sandbox.url, max_retries=0, telemetry=False
    ) as molam:
        pi = await molam.payment_intents.create(amount=15000, currency="XOF", capture_method="manual")
        pi = await molam.payment_intents.confirm(pi.id, payment_method="pm_wave")
        assert pi.status == "requires_capture"
        pi = await molam.payment_intents.capture(pi.id, amount_to_capture=10000)
        assert pi.status == "succeeded" and pi.amount_received == 10000
        refund = await molam.refunds.create(payment_intent=pi.id)
        assert refund.amount == 10000
        page = await molam.payment_intents.list()
        assert [p.id async for p in page] == [pi.id]
