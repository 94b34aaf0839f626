"""The command's frame: help and exit codes, configuration, and one-line errors for each failure class."""

from __future__ import annotations

import socket

import pytest

from molam_sdk_ext.cli.exit_codes import EXIT_CODES_HELP, ExitCode
from tests.support.cli import Cli


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port  # nothing listens once the socket is closed


def test_help_lists_every_command_and_the_exit_codes(cli: Cli) -> None:
    run = cli("--help")
    assert run.exit_code == 0
    for command in (
        "sandbox",
        "demo",
        "reconcile",
        "payment-intents",
        "refunds",
        "payouts",
        "wallets",
        "transfers",
    ):
        assert command in run.stdout
    for command in ("events", "webhooks", "webhook-endpoints", "charges", "balances", "merchant-onboarding"):
        assert command in run.stdout
    for line in EXIT_CODES_HELP.splitlines():
        assert line in run.stdout
    payments = cli("payments", "--help").stdout  # the first release's name, an alias of payment-intents
    for sub in ("create", "retrieve", "update", "confirm", "capture", "cancel", "list"):
        assert sub in payments


def test_version(cli: Cli) -> None:
    run = cli("--version")
    assert run.exit_code == 0 and run.stdout.startswith("molam ")


def test_usage_errors_exit_2(cli: Cli) -> None:
    assert cli("payments", "create", "--amount", "1").exit_code == ExitCode.USAGE  # no --currency
    assert cli("payments", "nope").exit_code == ExitCode.USAGE
    assert cli("payments", "list", "--limit", "0").exit_code == ExitCode.USAGE


def test_amounts_are_checked_before_anything_is_sent(cli: Cli) -> None:
    run = cli("payments", "create", "--amount", "150.001", "--currency", "GHS")
    assert run.exit_code == ExitCode.USAGE
    assert "more decimals than GHS allows" in run.stderr
    assert cli("payments", "create", "--amount", "-5", "--currency", "XOF").exit_code == ExitCode.USAGE
    assert cli("payments", "create", "--amount", "abc", "--currency", "XOF").exit_code == ExitCode.USAGE
    assert cli("payments", "create", "--amount", "5", "--currency", "EURO").exit_code == ExitCode.USAGE
    with cli.client() as molam:
        assert molam.payment_intents.list().data == []


def test_a_remote_api_needs_a_key_and_never_gets_the_test_key(cli: Cli) -> None:
    run = cli("payments", "list", env={"MOLAM_API_BASE": "https://api.molam.com", "MOLAM_API_KEY": ""})
    assert run.exit_code == ExitCode.USAGE
    assert "--api-key" in run.stderr and "MOLAM_API_KEY" in run.stderr


def test_connection_refused_is_one_line_and_exit_3(cli: Cli) -> None:
    base = f"http://127.0.0.1:{closed_port()}"
    run = cli("--max-retries", "0", "payments", "list", env={"MOLAM_API_BASE": base})
    assert run.exit_code == ExitCode.CONNECTION
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: could not connect to {base}")
    assert "Traceback" not in run.stdout + run.stderr
    as_json = cli("--max-retries", "0", "payments", "list", "--json", env={"MOLAM_API_BASE": base})
    assert as_json.exit_code == ExitCode.CONNECTION
    assert as_json.json()["error"]["kind"] == "APIConnectionError"
    assert as_json.json()["error"]["exit_code"] == 3


def test_debug_adds_the_traceback_and_keeps_the_exit_code(cli: Cli) -> None:
    base = f"http://127.0.0.1:{closed_port()}"
    run = cli("--debug", "--max-retries", "0", "payments", "list", env={"MOLAM_API_BASE": base})
    assert run.exit_code == ExitCode.CONNECTION  # 3, as without --debug (it was 1: the traceback escaped)
    assert "Traceback" in run.stderr and "APIConnectionError" in run.stderr
    assert run.stderr.strip().splitlines()[-1].startswith(f"error: could not connect to {base}")


def test_api_errors_show_the_request_id_and_never_the_key(cli: Cli) -> None:
    live_key = "sk_live_abcdefghijklmnop"
    run = cli("payments", "list", env={"MOLAM_API_KEY": live_key})
    assert run.exit_code == ExitCode.API_ERROR
    line = run.stderr.strip()
    assert "\n" not in line
    assert "HTTP 401 authentication_error" in line and "request_id=req_" in line
    assert live_key not in run.stdout + run.stderr
    as_json = cli("payments", "list", "--json", env={"MOLAM_API_KEY": live_key}).json()["error"]
    assert as_json["status"] == 401 and as_json["code"] == "live_key_not_allowed"
    assert as_json["request_id"].startswith("req_")


def test_json_can_also_come_first(cli: Cli) -> None:
    run = cli("--json", "payments", "list")
    assert run.exit_code == 0
    assert run.json() == {"object": "list", "data": [], "has_more": False}


@pytest.mark.slow
def test_the_console_script_is_installed() -> None:
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).parent / "molam"
    assert script.exists(), "the `molam` console script is missing: `pip install -e '.[cli]'` (make setup)"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("molam ")
