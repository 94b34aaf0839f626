"""Molam Ma in the sandbox: wallets (seeded per account) and transfers that never overdraw a wallet.

Every account starts with the wallets in `SEED_WALLETS` (and the Treasury balances in `SEED_BALANCES`), so
transfers and payouts can be tried at once; ``POST /_sandbox/wallets`` creates more. A wallet's funds live in
its internal document (`Funds`: per currency, the available and pending amounts).
"""

from __future__ import annotations

from typing import Any

import attrs

from molam_sandbox.engine import Call
from molam_sandbox.errors import SandboxError, invalid_param
from molam_sandbox.events import record_event
from molam_sandbox.metadata import new_metadata
from molam_sandbox.objects import Stored, fresh, insert, load, new
from molam_sandbox.registry import PLUGINS
from molam_sandbox.settings import Env
from molam_sandbox.state import Tx, checked_sum, new_id
from molam_sdk.models.balance_amount import BalanceAmount
from molam_sdk.models.create_transfer_request import CreateTransferRequest
from molam_sdk.models.error_type import ErrorType
from molam_sdk.models.event_type import EventType
from molam_sdk.models.metadata import Metadata
from molam_sdk.models.transfer import Transfer
from molam_sdk.models.transfer_status import TransferStatus
from molam_sdk.models.wallet import Wallet
from molam_sdk.models.wallet_balance import WalletBalance
from molam_sdk.models.wallet_status import WalletStatus

__all__ = [
    "SEED_BALANCES",
    "SEED_WALLETS",
    "Funds",
    "create_transfer",
    "create_wallet",
    "credit_wallet",
    "debit_wallet",
    "seed_account",
    "wallet_balance",
]

Doc = dict[str, Any]

SEED_WALLETS: tuple[tuple[str, WalletStatus, dict[str, int]], ...] = (
    ("Compte principal", WalletStatus.ACTIVE, {"XOF": 5_000_000}),
    ("Epargne", WalletStatus.ACTIVE, {"XOF": 250_000}),
    ("Multi-devises", WalletStatus.ACTIVE, {"XOF": 1_000_000, "USD": 50_000, "EUR": 50_000}),
    ("Portefeuille vide", WalletStatus.ACTIVE, {"XOF": 0}),
    ("Portefeuille gele", WalletStatus.FROZEN, {"XOF": 100_000}),
)
"""(name, status, {currency: available}) of the wallets every account starts with, oldest first."""

SEED_BALANCES: dict[str, int] = {
    "XOF": 10_000_000,
    "XAF": 10_000_000,
    "NGN": 50_000_000,
    "GHS": 5_000_000,
    "USD": 1_000_000,
    "EUR": 1_000_000,
}
"""The Treasury balance (available, minor units) every account starts with."""

_FUNDS = "funds"  # internal: {currency: [available, pending]}
_TRANSFER = attrs.fields(CreateTransferRequest)


@attrs.define
class Funds:
    """A wallet's funds in one currency (kept in its internal document, never served as such)."""

    available: int
    pending: int = 0


def _funds(wallet: Stored[Wallet]) -> dict[str, list[int]]:
    funds: dict[str, list[int]] = wallet.internal.setdefault(_FUNDS, {})
    return funds


def funds_of(wallet: Stored[Wallet], currency: str) -> Funds | None:
    """The wallet's `currency` funds, or None when it does not hold that currency."""
    pair = _funds(wallet).get(currency)
    return None if pair is None else Funds(*pair)


def set_funds(wallet: Stored[Wallet], currency: str, funds: Funds) -> None:
    """Store the wallet's `currency` funds (saved with the wallet)."""
    _funds(wallet)[currency] = [funds.available, funds.pending]


def seed_account(tx: Tx, account: str, env: Env) -> bool:
    """Give a new account its starting wallets and balances; False if it already had them."""
    if not tx.claim_account(account, env.ts):
        return False
    owner = "cus_" + account.removeprefix("acct_")[:14]
    for name, status, balances in SEED_WALLETS:
        create_wallet(tx, account, env, name=name, currencies=balances, status=status, owner_id=owner)
    for currency, amount in SEED_BALANCES.items():
        tx.adjust_balance(account, currency, available=amount)
    return True


def create_wallet(
    tx: Tx,
    account: str,
    env: Env,
    *,
    name: str | None,
    currencies: dict[str, int],
    status: WalletStatus = WalletStatus.ACTIVE,
    owner_id: str | None = None,
    metadata: Any = None,
) -> Doc:
    """Create a wallet holding `currencies` ({currency: available amount})."""
    wallet = Wallet(
        **fresh(tx, env, Wallet),
        owner_id=owner_id or "cus_" + new_id("", 14),
        name=name,
        currencies=sorted(currencies),
        status=status,
        metadata=Metadata.from_dict(new_metadata(metadata)),
    )
    stored = insert(tx, account, wallet, {_FUNDS: {}})
    for currency, amount in currencies.items():
        set_funds(stored, currency, Funds(int(amount)))
    return stored.save(tx)


@PLUGINS.read("retrieve_wallet_balance")
def wallet_balance(c: Call) -> Doc:
    """The `WalletBalance` of a wallet."""
    wallet = Stored.of(c.require(), Wallet)
    funds = sorted((currency, Funds(*pair)) for currency, pair in _funds(wallet).items())
    return WalletBalance(
        object="wallet_balance",
        wallet=wallet.id,
        available=[BalanceAmount(currency=c, amount=f.available) for c, f in funds],
        pending=[BalanceAmount(currency=c, amount=f.pending) for c, f in funds],
        livemode=False,
    ).to_dict()


def _usable(wallet: Stored[Wallet], currency: str, param: str) -> Funds:
    if wallet.obj.status != WalletStatus.ACTIVE:
        raise invalid_param(param, f"Wallet {wallet.id} is {wallet.obj.status}.", "wallet_not_active")
    funds = funds_of(wallet, currency)
    if funds is None:
        raise invalid_param(
            _TRANSFER.currency.name, f"Wallet {wallet.id} does not hold {currency}.", "currency_mismatch"
        )
    return funds


def debit_wallet(wallet: Stored[Wallet], currency: str, amount: int, param: str) -> None:
    """Take `amount` from a wallet's available funds; 400 insufficient_funds rather than going negative."""
    funds = _usable(wallet, currency, param)
    if funds.available < amount:
        raise SandboxError(
            400,
            ErrorType.INVALID_REQUEST_ERROR,
            "insufficient_funds",
            f"Wallet {wallet.id} has {funds.available} {currency} available, less than {amount}.",
            param=_TRANSFER.amount.name,
        )
    funds.available -= amount
    set_funds(wallet, currency, funds)


def credit_wallet(wallet: Stored[Wallet], currency: str, amount: int, param: str) -> None:
    """Add `amount` to a wallet's available funds."""
    funds = _usable(wallet, currency, param)
    funds.available = checked_sum(funds.available, amount)
    set_funds(wallet, currency, funds)


def credit_wallet_unchecked(wallet: Stored[Wallet], currency: str, amount: int) -> None:
    """Return funds to a wallet whatever its status (a refund of held funds is never refused)."""
    funds = funds_of(wallet, currency) or Funds(0)
    funds.available = checked_sum(funds.available, amount)
    set_funds(wallet, currency, funds)


@PLUGINS.write("create_transfer")
def create_transfer(c: Call) -> Doc:
    """Move funds between two of the account's wallets, atomically, never overdrawing the source."""
    request = CreateTransferRequest.from_dict(c.params)
    from_param, to_param = _TRANSFER.from_wallet.name, _TRANSFER.to_wallet.name
    source = load(c.tx, Wallet, c.account, request.from_wallet, param=from_param)
    target = load(c.tx, Wallet, c.account, request.to_wallet, param=to_param)
    if source.id == target.id:
        raise invalid_param(to_param, "from_wallet and to_wallet must be different wallets.")
    _usable(target, request.currency, to_param)
    debit_wallet(source, request.currency, request.amount, from_param)
    credit_wallet(target, request.currency, request.amount, to_param)
    source.save(c.tx)
    target.save(c.tx)
    transfer = new(Transfer, c.account, c.new_object(status=TransferStatus.COMPLETED))
    transfer.add(c.tx)
    record_event(c.tx, c.account, EventType.TRANSFER_COMPLETED, transfer, c.env)
    return transfer.record.doc
