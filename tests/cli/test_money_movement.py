"""`molam refunds`, `payouts`, `wallets` and `transfers` against the sandbox."""

from __future__ import annotations

from typing import Any

from molam_sdk_ext.cli.exit_codes import ExitCode
from tests.support.cli import Cli


def paid(cli: Cli, amount: str = "150.00", currency: str = "GHS") -> dict[str, Any]:
    args = (
        "payments",
        "create",
        "--amount",
        amount,
        "--currency",
        currency,
        "--payment-method",
        "pm_card_visa",
    )
    intent: dict[str, Any] = cli.ok(*args, "--confirm")
    return intent


def test_partial_refund_in_the_payments_currency(cli: Cli) -> None:
    intent = paid(cli)
    refund = cli.ok(
        "refunds",
        "create",
        "--payment-intent",
        intent["id"],
        "--amount",
        "40.00",
        "--reason",
        "requested_by_customer",
    )
    assert (
        refund["amount"] == 4000 and refund["currency"] == "GHS" and refund["payment_intent"] == intent["id"]
    )
    assert cli.ok("refunds", "get", refund["id"])["id"] == refund["id"]
    listed = cli.ok("refunds", "list", "--payment-intent", intent["id"])
    assert [r["id"] for r in listed["data"]] == [refund["id"]]
    human = cli("refunds", "list")
    assert human.exit_code == 0 and refund["id"] in human.stdout and "GHS 40.00" in human.stdout


def test_refund_by_charge_and_the_errors(cli: Cli) -> None:
    intent = paid(cli, "15000", "XOF")
    refund = cli.ok("refunds", "create", "--charge", intent["latest_charge"], "--amount", "5000")
    assert refund["amount"] == 5000
    both = cli("refunds", "create", "--payment-intent", intent["id"], "--charge", intent["latest_charge"])
    assert both.exit_code == ExitCode.API_ERROR and "param=charge" in both.stderr  # the API's rule
    too_much = cli("refunds", "create", "--payment-intent", intent["id"], "--amount", "10001")
    assert too_much.exit_code == ExitCode.API_ERROR and "request_id=req_" in too_much.stderr
    precise = cli(
        "refunds", "create", "--payment-intent", intent["id"], "--amount", "1.5"
    )  # XOF has no decimals
    assert precise.exit_code == ExitCode.USAGE


def test_payouts_to_mobile_money_and_bank(cli: Cli) -> None:
    mobile = cli.ok(
        "payouts", "create", "--amount", "25000", "--currency", "XOF", "--from", "treasury_main",
        "--origin-module", "treasury", "--mobile-money", "orange_money", "--msisdn", "+221771234567",
        "--account-holder", "Awa Ndiaye", "--description", "Weekly settlement",
    )  # fmt: skip
    assert mobile["status"] == "pending" and mobile["amount"] == 25000
    assert mobile["beneficiary"] == {
        "type": "mobile_money", "provider": "orange_money", "msisdn": "+221771234567", "account_holder": "Awa Ndiaye",
    }  # fmt: skip
    bank = cli.ok(
        "payouts", "create", "--amount", "1500.00", "--currency", "GHS", "--origin-module", "connect", "--from", "mer_1",
        "--bank-code", "030100", "--account-number", "1021130012345", "--account-holder", "Adom Crafts Ltd",
    )  # fmt: skip
    assert bank["amount"] == 150000 and bank["beneficiary"]["type"] == "bank_account"
    assert cli.ok("payouts", "retrieve", bank["id"])["id"] == bank["id"]
    canceled = cli.ok("payouts", "cancel", bank["id"])
    assert canceled["status"] == "canceled"
    pending = cli.ok("payouts", "list", "--status", "pending")
    assert [p["id"] for p in pending["data"]] == [mobile["id"]]
    table = cli("payouts", "list")
    assert table.exit_code == 0 and "XOF 25,000" in table.stdout and "GHS 1,500.00" in table.stdout


def test_payout_beneficiary_must_be_one_kind(cli: Cli) -> None:
    base = ("payouts", "create", "--amount", "1", "--currency", "XOF", "--origin-module", "ma", "--from", "x",
            "--account-holder", "A")  # fmt: skip
    assert cli(*base).exit_code == ExitCode.USAGE
    both = cli(
        *base,
        "--mobile-money",
        "wave",
        "--msisdn",
        "+221771234567",
        "--bank-code",
        "1",
        "--account-number",
        "2",
    )
    assert both.exit_code == ExitCode.USAGE
    assert cli(*base, "--mobile-money", "wave").exit_code == ExitCode.USAGE
    bad_number = cli(*base, "--mobile-money", "wave", "--msisdn", "771234567")
    assert bad_number.exit_code in (ExitCode.USAGE, ExitCode.API_ERROR)


def test_wallet_balance_and_a_transfer(cli: Cli) -> None:
    wallets = cli.ok("wallets", "list")["data"]
    by_name = {w["name"]: w["id"] for w in wallets}
    main, savings = by_name["Compte principal"], by_name["Epargne"]
    before = cli.ok("wallets", "balance", savings)
    assert before["available"] == [{"currency": "XOF", "amount": 250000}]
    transfer = cli.ok(
        "transfers", "create", "--from", main, "--to", savings, "--amount", "10000", "--currency", "XOF",
        "--description", "Move to savings",
    )  # fmt: skip
    assert transfer["status"] == "completed" and transfer["amount"] == 10000
    human = cli("wallets", "balance", savings)
    assert human.exit_code == 0 and "XOF 260,000" in human.stdout
    empty = by_name["Portefeuille vide"]
    refused = cli("transfers", "create", "--from", empty, "--to", main, "--amount", "1", "--currency", "XOF")
    assert refused.exit_code == ExitCode.API_ERROR and "code=insufficient_funds" in refused.stderr


def test_error_exits_of_the_remaining_commands(cli: Cli) -> None:
    payout = cli.ok(
        "payouts", "create", "--amount", "500", "--currency", "XOF", "--origin-module", "treasury",
        "--from", "treasury_main", "--mobile-money", "wave", "--msisdn", "+221771234567", "--account-holder", "Awa Ndiaye",
    )  # fmt: skip
    cli.ok("payouts", "cancel", payout["id"])
    again = cli("payouts", "cancel", payout["id"], "--json")
    assert again.exit_code == ExitCode.API_ERROR and again.json()["error"]["request_id"].startswith("req_")
    assert cli("payouts", "get", "po_nope").exit_code == ExitCode.API_ERROR
    assert cli("wallets", "balance", "wal_nope", "--json").json()["error"]["status"] == 404
    assert cli("refunds", "retrieve", "re_nope").exit_code == ExitCode.API_ERROR
    intent = cli.ok("payments", "create", "--amount", "10", "--currency", "XOF")
    declined = cli(
        "payments", "confirm", intent["id"], "--payment-method", "pm_card_insufficient_funds", "--json"
    )
    assert declined.exit_code == ExitCode.API_ERROR
    assert declined.json()["error"]["code"] == "insufficient_funds"
    not_capturable = cli("payments", "capture", intent["id"], "--amount", "5")
    assert not_capturable.exit_code == ExitCode.API_ERROR and "request_id=req_" in not_capturable.stderr
