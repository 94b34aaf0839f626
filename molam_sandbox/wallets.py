"""Molam Ma in the sandbox: wallets (seeded per account) and transfers that never overdraw a wallet.

Every account starts with the wallets in `SEED_WALLETS` (and the Treasury balances in `SEED_BALANCES`), so
transfers and payouts can be tried at once; ``POST /_sandbox/wallets`` creates more. A wallet's funds live in
its internal document as ``{"balances": {currency: {"available": n, "pending": n}}}``.
"""

from __future__ import annotations

from typing import Any

from molam_sandbox.errors import SandboxError, invalid_param
from molam_sandbox.events import record_event
from molam_sandbox.metadata import new_metadata
from molam_sandbox.settings import Env
from molam_sandbox.state import Record, Tx, checked_sum, new_id

__all__ = [
    "SEED_BALANCES",
    "SEED_WALLETS",
    "create_transfer",
    "create_wallet",
    "credit_wallet",
    "debit_wallet",
    "seed_account",
    "wallet_balance",
]

Doc = dict[str, Any]

SEED_WALLETS: tuple[tuple[str, str, dict[str, int]], ...] = (
    ("Compte principal", "active", {"XOF": 5_000_000}),
    ("Epargne", "active", {"XOF": 250_000}),
    ("Multi-devises", "active", {"XOF": 1_000_000, "USD": 50_000, "EUR": 50_000}),
    ("Portefeuille vide", "active", {"XOF": 0}),
    ("Portefeuille gele", "frozen", {"XOF": 100_000}),
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
    status: str = "active",
    owner_id: str | None = None,
    metadata: Any = None,
) -> Doc:
    """Create a wallet holding `currencies` ({currency: available amount})."""
    doc: Doc = {
        "id": tx.new_id("wallets"),
        "object": "wallet",
        "owner_id": owner_id or "cus_" + new_id("", 14),
        "name": name,
        "currencies": sorted(currencies),
        "status": status,
        "metadata": new_metadata(metadata),
        "created": env.ts,
        "livemode": False,
    }
    balances = {currency: {"available": int(amount), "pending": 0} for currency, amount in currencies.items()}
    return tx.insert("wallets", account, doc, {"balances": balances}).doc


def wallet_balance(tx: Tx, account: str, wallet_id: str) -> Doc:
    """The `WalletBalance` of a wallet."""
    wallet = tx.require("wallets", account, wallet_id, "wallet")
    balances: dict[str, dict[str, int]] = wallet.internal.get("balances", {})
    return {
        "object": "wallet_balance",
        "wallet": wallet_id,
        "available": [{"currency": c, "amount": b["available"]} for c, b in sorted(balances.items())],
        "pending": [{"currency": c, "amount": b["pending"]} for c, b in sorted(balances.items())],
        "livemode": False,
    }


def _usable(wallet: Record, currency: str, param: str) -> dict[str, int]:
    if wallet.doc["status"] != "active":
        raise invalid_param(param, f"Wallet {wallet.id} is {wallet.doc['status']}.", "wallet_not_active")
    balances: dict[str, dict[str, int]] = wallet.internal.setdefault("balances", {})
    if currency not in balances:
        raise invalid_param("currency", f"Wallet {wallet.id} does not hold {currency}.", "currency_mismatch")
    return balances[currency]


def debit_wallet(wallet: Record, currency: str, amount: int, param: str) -> None:
    """Take `amount` from a wallet's available funds; 400 insufficient_funds rather than going negative."""
    balance = _usable(wallet, currency, param)
    if balance["available"] < amount:
        raise SandboxError(
            400,
            "invalid_request_error",
            "insufficient_funds",
            f"Wallet {wallet.id} has {balance['available']} {currency} available, less than {amount}.",
            param="amount",
        )
    balance["available"] -= amount


def credit_wallet(wallet: Record, currency: str, amount: int, param: str) -> None:
    """Add `amount` to a wallet's available funds."""
    balance = _usable(wallet, currency, param)
    balance["available"] = checked_sum(balance["available"], amount)


def create_transfer(tx: Tx, account: str, p: Doc, env: Env) -> Doc:
    """Move funds between two of the account's wallets, atomically, never overdrawing the source."""
    source = tx.require("wallets", account, p["from_wallet"], "wallet", param="from_wallet")
    target = tx.require("wallets", account, p["to_wallet"], "wallet", param="to_wallet")
    if source.id == target.id:
        raise invalid_param("to_wallet", "from_wallet and to_wallet must be different wallets.")
    currency, amount = str(p["currency"]), int(p["amount"])
    _usable(target, currency, "to_wallet")
    debit_wallet(source, currency, amount, "from_wallet")
    credit_wallet(target, currency, amount, "to_wallet")
    tx.save(source)
    tx.save(target)
    transfer: Doc = {
        "id": tx.new_id("transfers"),
        "object": "transfer",
        "from_wallet": source.id,
        "to_wallet": target.id,
        "amount": amount,
        "currency": currency,
        "status": "completed",
        "description": p.get("description"),
        "failure_reason": None,
        "metadata": new_metadata(p.get("metadata")),
        "created": env.ts,
        "livemode": False,
    }
    tx.insert("transfers", account, transfer)
    record_event(tx, account, "transfer.completed", transfer, env)
    return transfer
