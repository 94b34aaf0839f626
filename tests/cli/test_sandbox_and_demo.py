"""`molam sandbox` (a real server process, stopped with Ctrl-C), `molam demo` and `make demo`'s module."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys

import httpx
import pytest

from molam_sdk_ext.cli.exit_codes import ExitCode
from tests.support import free_port
from tests.support.cli import Cli


@pytest.mark.slow
def test_sandbox_serves_until_ctrl_c() -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "molam_sdk_ext.cli",
            "sandbox",
            "--port",
            "0",
            "--json",
            "--refund-delay",
            "0.1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # our own process group: Ctrl-C reaches the CLI and the server, like a terminal
    )
    try:
        assert proc.stdout is not None
        ready = json.loads(proc.stdout.readline())
        assert ready["ready"] is True and ready["url"].startswith("http://127.0.0.1:")
        headers = {"Authorization": "Bearer sk_test_sandbox_cli_test"}
        answer = httpx.get(f"{ready['url']}/v1/connect/payment_intents", headers=headers)
        assert answer.status_code == 200
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        proc.communicate()


def test_sandbox_refuses_db_and_memory_together(cli: Cli) -> None:
    assert cli("sandbox", "--db", "x.db", "--memory").exit_code == ExitCode.USAGE


def test_demo_against_a_running_sandbox(cli: Cli) -> None:
    run = cli("demo", "--json")
    assert run.exit_code == 0, run.stdout + run.stderr
    report = run.json()
    assert report["ok"] is True
    steps = {s["name"]: s for s in report["steps"]}
    assert steps["Confirm with pm_card_visa"]["status"] == "succeeded"
    assert steps["Webhook received and verified"]["detail"].startswith("payment_intent.succeeded evt_")
    assert steps["Hosted checkout: create"]["url"].startswith(cli.base + "/_sandbox/pages/checkout/pi_")
    assert steps["Hosted checkout: pay on the page"]["status"] == "succeeded (webhook)"
    assert steps["Partial refund"]["amount"] == "GHS 40.00"
    assert steps["Payout to Orange Money"]["amount"] == "XOF 25,000"
    assert "in 3 pages of 2" in steps["List payments (auto-pagination)"]["detail"]
    assert "Start the sandbox" not in steps  # --api-base (here MOLAM_API_BASE) given: it used that one


@pytest.mark.slow
def test_make_demo_module_starts_and_stops_its_own_sandbox() -> None:
    """What `make demo` runs: `python -m molam_sandbox.demo` on a fresh machine state, nothing else."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOLAM_")}
    result = subprocess.run(
        [sys.executable, "-m", "molam_sandbox.demo"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Demo passed" in result.stdout
    for step in ("Start the sandbox", "Webhook received and verified", "Wallet transfer", "Stop the sandbox"):
        assert step in result.stdout
    assert "Hosted checkout: pay on the page" in result.stdout
    assert re.search(
        r"Redirect URL \(pi_\w+\): http://127\.0\.0\.1:\d+/_sandbox/pages/checkout/pi_\w+/\w{32}\n",
        result.stdout,
    )


def test_demo_fails_loudly_when_the_api_is_unreachable(cli: Cli) -> None:
    run = cli("demo", env={"MOLAM_API_BASE": f"http://127.0.0.1:{free_port()}"})
    assert run.exit_code == 1
    assert "FAILED" in run.stdout and "Demo failed" in run.stdout
