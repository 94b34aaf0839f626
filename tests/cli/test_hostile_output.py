"""API data never drives the terminal: control characters in human output are shown escaped.

A description holding ESC sequences or NUL (anyone who can create a payment can write one) used to reach the
terminal raw through `molam payments get/list`: it could recolour the screen, move the cursor or forge a line.
"""

from __future__ import annotations

from tests.support.cli import Cli

HOSTILE = "\x1b[2J\x1b[31mPAID\x00\rrefund\nforged\u202eline"


def test_control_characters_in_api_data_are_escaped(cli: Cli) -> None:
    with cli.client() as molam:
        intent = molam.payment_intents.create(
            amount=1500, currency="USD", payment_method="pm_card_visa", description=HOSTILE
        )
    for args in (("payments", "get", intent.id), ("payments", "list", "--limit", "5")):
        run = cli(*args)
        assert run.exit_code == 0, run.stderr
        shown = run.stdout
        for raw in ("\x1b", "\x00", "\r", "\u202e"):
            assert raw not in shown, (args, raw)
        if args[1] == "get":
            assert "\\x1b[2J\\x1b[31mPAID\\x00\\rrefund\\nforged\\u202eline" in shown
    as_json = cli.ok("payments", "get", intent.id)
    assert as_json["description"] == HOSTILE  # --json keeps the data exact (JSON escapes it itself)


def test_error_messages_are_escaped(cli: Cli) -> None:
    run = cli("payments", "get", "pi_\x1b[31mnope")
    assert run.exit_code == 1
    assert "\x1b" not in run.stderr
