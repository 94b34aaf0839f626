"""Wallets and transfers over real HTTP through the SDK client: balances never go negative."""

from __future__ import annotations

import concurrent.futures

import httpx
import pytest

from molam_sdk_ext.client import Molam
from molam_sdk_ext.errors import BadRequestError, NotFoundError

pytestmark = pytest.mark.integration


def _wallets(molam: Molam) -> dict[str, str]:
    return {str(w.name): w.id for w in molam.wallets.list()}


def _available(molam: Molam, wallet_id: str, currency: str = "XOF") -> int:
    balance = molam.wallets.balance(wallet_id)
    return next(a.amount for a in balance.available if a.currency == currency)


def test_accounts_start_with_seeded_wallets(molam: Molam) -> None:
    wallets = list(molam.wallets.list())
    assert len(wallets) == 5
    main = next(w for w in wallets if w.name == "Compte principal")
    assert main.status == "active" and main.currencies == ["XOF"]
    assert molam.wallets.retrieve(main.id).to_dict() == main.to_dict()
    balance = molam.wallets.balance(main.id)
    assert balance.wallet == main.id and [(a.currency, a.amount) for a in balance.available] == [
        ("XOF", 5_000_000)
    ]
    with pytest.raises(NotFoundError):
        molam.wallets.balance("wal_unknown")


def test_transfer_moves_funds(molam: Molam) -> None:
    w = _wallets(molam)
    transfer = molam.transfers.create(
        from_wallet=w["Compte principal"],
        to_wallet=w["Epargne"],
        amount=25000,
        currency="XOF",
        description="dej",
    )
    assert transfer.status == "completed" and transfer.id.startswith("tr_")
    assert _available(molam, w["Compte principal"]) == 4_975_000
    assert _available(molam, w["Epargne"]) == 275_000
    assert molam.transfers.retrieve(transfer.id).to_dict() == transfer.to_dict()
    assert [t.id for t in molam.transfers.list(wallet=w["Epargne"])] == [transfer.id]
    assert list(molam.transfers.list(wallet=w["Portefeuille vide"])) == []
    assert molam.events.list(type="transfer.completed").data[0].data.object["id"] == transfer.id


def test_insufficient_funds_leaves_balances_untouched(molam: Molam) -> None:
    w = _wallets(molam)
    with pytest.raises(BadRequestError) as exc:
        molam.transfers.create(
            from_wallet=w["Epargne"], to_wallet=w["Compte principal"], amount=250_001, currency="XOF"
        )
    assert exc.value.code == "insufficient_funds"
    assert _available(molam, w["Epargne"]) == 250_000
    with pytest.raises(BadRequestError):
        molam.transfers.create(
            from_wallet=w["Portefeuille vide"], to_wallet=w["Epargne"], amount=1, currency="XOF"
        )
    # Exactly the balance is fine, and leaves zero.
    molam.transfers.create(
        from_wallet=w["Epargne"], to_wallet=w["Portefeuille vide"], amount=250_000, currency="XOF"
    )
    assert _available(molam, w["Epargne"]) == 0


def test_transfer_rules(molam: Molam) -> None:
    w = _wallets(molam)
    cases = [
        (w["Compte principal"], w["Compte principal"], "parameter_invalid"),
        (w["Compte principal"], w["Portefeuille gele"], "wallet_not_active"),
        (w["Portefeuille gele"], w["Epargne"], "wallet_not_active"),
        ("wal_missing", w["Epargne"], "resource_missing"),
    ]
    for source, target, code in cases:
        with pytest.raises(BadRequestError) as exc:
            molam.transfers.create(from_wallet=source, to_wallet=target, amount=1, currency="XOF")
        assert exc.value.code == code
    with pytest.raises(BadRequestError) as mismatch:
        molam.transfers.create(
            from_wallet=w["Multi-devises"], to_wallet=w["Epargne"], amount=1, currency="USD"
        )
    assert mismatch.value.code == "currency_mismatch"


def test_concurrent_transfers_never_overdraw(sandbox: object, api: httpx.Client, molam: Molam) -> None:
    w = _wallets(molam)
    source, target = w["Epargne"], w["Compte principal"]  # 250,000 XOF available

    def send(i: int) -> int:
        response = api.post(
            "/v1/ma/transfers",
            json={"from_wallet": source, "to_wallet": target, "amount": 30_000, "currency": "XOF"},
        )
        return response.status_code

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(send, range(12)))
    assert statuses.count(200) == 8 and statuses.count(400) == 4  # 8 x 30,000 <= 250,000 < 9 x 30,000
    assert _available(molam, source) == 250_000 - 8 * 30_000


def test_sandbox_can_create_funded_wallets(api: httpx.Client, molam: Molam) -> None:
    created = api.post("/_sandbox/wallets", json={"name": "Test", "balances": {"GHS": 1000, "XOF": 5}})
    assert created.status_code == 200, created.text
    wallet = molam.wallets.retrieve(created.json()["id"])
    assert wallet.currencies == ["GHS", "XOF"]
    bad = api.post("/_sandbox/wallets", json={"balances": {"GHS": -1}})
    assert bad.status_code == 400 and bad.json()["error"]["param"] == "balances"
