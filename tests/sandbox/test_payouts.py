"""Payouts and balances over real HTTP through the SDK client: pending -> in_transit -> paid | failed."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from molam_sdk_ext.client import Molam
from molam_sdk_ext.errors import BadRequestError

pytestmark = pytest.mark.integration

ORANGE = {
    "type": "mobile_money",
    "provider": "orange_money",
    "msisdn": "+221771234567",
    "account_holder": "Awa",
}
BANK = {
    "type": "bank_account",
    "bank_code": "030100",
    "account_number": "1021130012345",
    "account_holder": "Adom",
}
FAILING = {
    "type": "bank_account",
    "bank_code": "030100",
    "account_number": "000111111116",
    "account_holder": "X",
}


def _balance(molam: Molam, currency: str = "XOF") -> tuple[int, int]:
    balance = molam.balances.retrieve()
    available = next(a.amount for a in balance.available if a.currency == currency)
    reserved = next(a.amount for a in balance.reserved if a.currency == currency)
    return available, reserved


def _payout(molam: Molam, beneficiary: dict[str, Any], amount: int = 250_000, **extra: Any) -> Any:
    return molam.payouts.create(
        origin_module="connect",
        origin_entity_id="mer_7Hc2Wd9Lq4Zp",
        amount=amount,
        currency="XOF",
        beneficiary=beneficiary,
        **extra,
    )


def _advance(api: httpx.Client, payout_id: str, status: str | None = None) -> httpx.Response:
    return api.post(
        f"/_sandbox/payouts/{payout_id}/advance", json={} if status is None else {"status": status}
    )


def test_balance_starts_seeded(molam: Molam) -> None:
    balance = molam.balances.retrieve()
    assert balance.object == "balance" and balance.livemode is False
    assert ("XOF", 10_000_000) in [(a.currency, a.amount) for a in balance.available]


def test_payout_paid(molam: Molam, api: httpx.Client) -> None:
    payout = _payout(molam, ORANGE, description="Reversement", metadata={"week": "W03"})
    assert payout.status == "pending" and payout.beneficiary.type == "mobile_money"
    assert _balance(molam) == (10_000_000 - 250_000, 250_000)
    assert _advance(api, payout.id).json()["status"] == "in_transit"
    assert molam.payouts.retrieve(payout.id).status == "in_transit"
    paid = _advance(api, payout.id).json()
    assert paid["status"] == "paid" and paid["arrival_date"] is not None
    assert _balance(molam) == (10_000_000 - 250_000, 0)
    assert molam.events.list(type="payout.paid").data[0].data.object["id"] == payout.id
    assert _advance(api, payout.id).status_code == 400  # paid is final


def test_payout_fails_in_transit_and_funds_return(molam: Molam, api: httpx.Client) -> None:
    payout = _payout(molam, FAILING)
    _advance(api, payout.id)
    failed = _advance(api, payout.id).json()
    assert failed["status"] == "failed" and failed["failure_code"] == "account_closed"
    assert _balance(molam) == (10_000_000, 0)
    explicit = _payout(molam, BANK, amount=1000)
    _advance(api, explicit.id, "in_transit")
    assert _advance(api, explicit.id, "failed").json()["status"] == "failed"
    assert molam.events.list(type="payout.failed").data[0].data.object["id"] == explicit.id


def test_cancel_only_while_pending(molam: Molam, api: httpx.Client) -> None:
    payout = _payout(molam, BANK)
    canceled = molam.payouts.cancel(payout.id)
    assert canceled.status == "canceled"
    assert _balance(molam) == (10_000_000, 0)
    moving = _payout(molam, BANK)
    _advance(api, moving.id)
    with pytest.raises(BadRequestError) as exc:
        molam.payouts.cancel(moving.id)
    assert exc.value.code == "payout_not_cancelable"
    bad_step = _advance(api, moving.id, "in_transit")
    assert bad_step.status_code == 400 and bad_step.json()["error"]["param"] == "status"


def test_payout_needs_funds(molam: Molam) -> None:
    with pytest.raises(BadRequestError) as exc:
        _payout(molam, BANK, amount=10_000_001)
    assert exc.value.code == "insufficient_funds"
    assert _balance(molam) == (10_000_000, 0)


def test_payout_from_a_wallet(molam: Molam, api: httpx.Client) -> None:
    wallet = next(w for w in molam.wallets.list() if w.name == "Epargne")
    payout = molam.payouts.create(
        origin_module="ma", origin_entity_id=wallet.id, amount=200_000, currency="XOF", beneficiary=ORANGE
    )
    assert molam.wallets.balance(wallet.id).available[0].amount == 50_000
    with pytest.raises(BadRequestError) as exc:
        molam.payouts.create(
            origin_module="ma", origin_entity_id=wallet.id, amount=50_001, currency="XOF", beneficiary=ORANGE
        )
    assert exc.value.code == "insufficient_funds"
    molam.payouts.cancel(payout.id)
    assert molam.wallets.balance(wallet.id).available[0].amount == 250_000
    with pytest.raises(BadRequestError) as missing:
        molam.payouts.create(
            origin_module="ma", origin_entity_id="wal_nope", amount=1, currency="XOF", beneficiary=ORANGE
        )
    assert missing.value.param == "origin_entity_id"


def test_list_by_status(molam: Molam, api: httpx.Client) -> None:
    first, second = _payout(molam, BANK, amount=10), _payout(molam, ORANGE, amount=20)
    _advance(api, second.id)
    assert [p.id for p in molam.payouts.list(status="pending")] == [first.id]
    assert [p.id for p in molam.payouts.list(status="in_transit")] == [second.id]
    assert [p.id for p in molam.payouts.list()] == [second.id, first.id]


def test_payouts_advance_by_themselves_with_payout_delay(sandbox_factory: Any) -> None:
    from tests.support.waiting import wait_for

    server = sandbox_factory(extra_args=["--payout-delay", "0.2"])
    with Molam(api_key=server.api_key, base_url=server.url, max_retries=0, telemetry=False) as molam:
        payout = _payout(molam, BANK, amount=5)
        wait_for(lambda: molam.payouts.retrieve(payout.id).status == "paid")
