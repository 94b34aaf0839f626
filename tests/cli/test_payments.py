"""`molam payment-intents ...` (alias `payments`) against the sandbox: every command, human and --json output,
and failures."""

from __future__ import annotations

import httpx

from molam_sdk_ext.cli.exit_codes import ExitCode
from tests.support.cli import Cli


def test_create_human_output_shows_major_units(cli: Cli) -> None:
    run = cli("payments", "create", "--amount", "150.00", "--currency", "GHS", "-m", "order_id=1042")
    assert run.exit_code == 0, run.stderr
    assert "GHS 150.00" in run.stdout and "requires_payment_method" in run.stdout
    assert '{"order_id":"1042"}' in run.stdout


def test_create_and_confirm_in_one_call_json(cli: Cli) -> None:
    intent = cli.ok(
        "payments", "create", "--amount", "15000", "--currency", "xof", "--payment-method", "pm_orange_money",
        "--confirm", "--customer", "cus_123", "--description", "Commande 1042",
    )  # fmt: skip
    assert intent["amount"] == 15000 and intent["currency"] == "XOF"  # minor units, exactly as the API says
    assert intent["status"] == "succeeded" and intent["customer_id"] == "cus_123"
    assert cli.ok("payment-intents", "retrieve", intent["id"])["id"] == intent["id"]
    assert cli.ok("payments", "get", intent["id"])["id"] == intent["id"]  # the aliases of the first release


def test_confirm_without_a_payment_method_is_the_apis_answer(cli: Cli) -> None:
    # The rule is the API's (the generated command adds none of its own): a 400 naming the parameter.
    run = cli("payment-intents", "create", "--amount", "1", "--currency", "XOF", "--confirm")
    assert run.exit_code == ExitCode.API_ERROR and "param=payment_method" in run.stderr


def test_confirm_capture_partially_then_cancel_another(cli: Cli) -> None:
    intent = cli.ok(
        "payments", "create", "--amount", "200.00", "--currency", "GHS", "--capture-method", "manual"
    )
    confirmed = cli.ok("payments", "confirm", intent["id"], "--payment-method", "pm_card_visa")
    assert confirmed["status"] == "requires_capture"
    captured = cli.ok("payment-intents", "capture", intent["id"], "--amount-to-capture", "120.50")
    assert captured["status"] == "succeeded" and captured["amount_received"] == 12050
    other = cli.ok("payments", "create", "--amount", "5", "--currency", "XOF")
    canceled = cli.ok("payment-intents", "cancel", other["id"], "--cancellation-reason", "abandoned")
    assert canceled["status"] == "canceled" and canceled["cancellation_reason"] == "abandoned"
    human = cli("payments", "cancel", intent["id"])  # already succeeded: the API refuses
    assert human.exit_code == ExitCode.API_ERROR and "request_id=req_" in human.stderr


def test_list_walks_pages_up_to_the_limit(cli: Cli) -> None:
    with cli.client() as molam:
        ids = [molam.payment_intents.create(amount=100 + i, currency="XOF").id for i in range(5)]
    three = cli.ok("payments", "list", "--limit", "3")
    assert [p["id"] for p in three["data"]] == ids[::-1][:3] and three["has_more"] is True
    every = cli.ok("payments", "list", "--limit", "5")
    assert len(every["data"]) == 5 and every["has_more"] is False
    assert cli.ok("payments", "list", "--status", "succeeded")["data"] == []
    table = cli("payments", "list", "--limit", "2")
    assert table.exit_code == 0 and ids[-1] in table.stdout and "XOF 104" in table.stdout
    assert "more available" in table.stderr


def test_a_decline_is_exit_1_with_code_and_request_id(cli: Cli) -> None:
    args = (
        "payments",
        "create",
        "--amount",
        "10",
        "--currency",
        "USD",
        "--payment-method",
        "pm_card_declined",
    )
    run = cli(*args, "--confirm")
    assert run.exit_code == ExitCode.API_ERROR
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert "code=card_declined" in run.stderr and "request_id=req_" in run.stderr
    error = cli(*args, "--confirm", "--json")
    assert error.exit_code == ExitCode.API_ERROR
    assert error.json()["error"]["code"] == "card_declined" and error.json()["error"]["status"] == 402
    assert error.json()["error"]["kind"] == "PaymentError"


def test_the_same_idempotency_key_replays(cli: Cli) -> None:
    args = ("payments", "create", "--amount", "7", "--currency", "XOF", "--idempotency-key", "order-7")
    assert cli.ok(*args)["id"] == cli.ok(*args)["id"]


def test_unknown_payment_intent_is_a_404(cli: Cli) -> None:
    run = cli("payment-intents", "retrieve", "pi_doesnotexist", "--json")
    assert run.exit_code == ExitCode.API_ERROR and run.json()["error"]["status"] == 404


def test_api_text_is_shown_verbatim_never_as_markup(cli: Cli) -> None:
    run = cli("payments", "create", "--amount", "1", "--currency", "XOF", "--description", "[/]50% [bold]off")
    assert run.exit_code == 0, run.stderr
    assert "[/]50% [bold]off" in run.stdout


def test_create_prints_the_checkout_url(cli: Cli) -> None:
    narrow = {"COLUMNS": "80"}  # a terminal narrower than the URL: the line must still hold it whole
    run = cli(
        "payments", "create", "--amount", "42.17", "--currency", "USD", "--return-url", "https://shop.example/r",
        env=narrow,
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    line = next(line for line in run.stdout.splitlines() if line.startswith("Redirect URL: "))
    url = line.removeprefix("Redirect URL: ")
    assert url.startswith(cli.base + "/_sandbox/pages/checkout/pi_")
    page = httpx.get(url, timeout=10)
    assert page.status_code == 200 and "42.17 USD" in page.text
    paid = cli(
        "payments", "create", "--amount", "1", "--currency", "XOF", "--payment-method", "pm_wave", "--confirm"
    )  # fmt: skip
    assert paid.exit_code == 0 and "Redirect URL" not in paid.stdout  # paid at once: nowhere to send anyone
