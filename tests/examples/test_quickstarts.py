"""The plain-script quickstarts, run exactly as a reader runs them: `python examples/quickstart_*.py`."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.support.accounts import Account

from .apps import EXAMPLES


def run_example(name: str, account: Account) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOLAM_")} | account.env()
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name)], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_sync_quickstart(account: Account) -> None:
    out = run_example("quickstart_sync.py", account)
    paid = re.search(r"^payment (pi_\w+): succeeded \(150\.00 GHS\)$", out, re.M)
    assert paid is not None, out
    assert re.search(r"^refund re_\w+: (pending|succeeded) \(40\.00 GHS\)$", out, re.M)
    assert "declined as expected: card_declined (HTTP 402, request req_" in out
    with account.client() as molam:
        intent = molam.payment_intents.retrieve(paid.group(1))
        assert intent.amount == 15000 and intent.metadata.to_dict()["order_id"]
        assert [r.amount for r in molam.refunds.list(payment_intent=intent.id)] == [4000]
    assert out.count("\n  pi_") == 2  # both payments of this fresh account, walked in pages of 2


def test_async_quickstart(account: Account) -> None:
    out = run_example("quickstart_async.py", account)
    assert (
        "succeeded (15000 XOF)" in out
        and "succeeded (150.00 GHS)" in out
        and "succeeded (25000.00 NGN)" in out
    )
    assert "3 payment intents in this account" in out
