"""Scheduled transitions always reach an outcome (issue 21, item 8).

Two ``pm_card_processing`` payments of ``2**62 - 1`` XOF on one account are both accepted at confirm, but the
second settlement cannot be credited (the balance would leave int64). It used to raise inside the timer, be
logged and dropped, leaving the payment `processing` forever; now the payment fails for good with the reason in
``last_payment_error``, and a timer whose action raises is kept and runs again rather than dropped.
"""

from __future__ import annotations

import httpx
import pytest

from molam_sandbox.settings import Env, SandboxSettings
from molam_sandbox.spec import load_api
from molam_sandbox.state import Database, Tx
from molam_sandbox.timers import ACTIONS, RETRY_DELAY, run_due_timers
from molam_sandbox.wallets import SEED_BALANCES
from tests.support.waiting import wait_for

HUGE = 2**62 - 1


@pytest.mark.integration
def test_a_settlement_that_would_overflow_the_balance_fails_the_payment(api: httpx.Client) -> None:
    body = {"amount": HUGE, "currency": "XOF", "payment_method": "pm_card_processing", "confirm": True}
    created = [api.post("/v1/connect/payment_intents", json=body) for _ in range(2)]
    assert [r.status_code for r in created] == [200, 200], [r.text for r in created]
    assert [r.json()["status"] for r in created] == ["processing", "processing"]
    ids = [r.json()["id"] for r in created]

    def statuses() -> list[str]:
        return [api.get(f"/v1/connect/payment_intents/{pi_id}").json()["status"] for pi_id in ids]

    settled = wait_for(statuses, lambda s: "processing" not in s)
    assert sorted(settled) == ["failed", "succeeded"]
    failed = api.get(f"/v1/connect/payment_intents/{ids[settled.index('failed')]}").json()
    assert failed["last_payment_error"]["code"] == "amount_too_large"
    assert failed["last_payment_error"]["type"] == "payment_error"
    assert failed["amount_received"] == 0
    charge = api.get(f"/v1/connect/charges/{failed['latest_charge']}").json()
    assert charge["status"] == "failed" and charge["failure_code"] == "amount_too_large"
    events = api.get("/v1/events", params={"type": "payment_intent.failed"}).json()["data"]
    assert [e["data"]["object"]["id"] for e in events] == [failed["id"]]

    # Only the payment that settled was credited.
    available = api.get("/v1/treasury/balances").json()["available"]
    xof = next(entry["amount"] for entry in available if entry["currency"] == "XOF")
    assert xof == SEED_BALANCES["XOF"] + HUGE


def test_a_timer_whose_action_raises_is_kept_and_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    api = load_api()
    db = Database(None, tables={table: r.prefix for table, r in api.by_table.items()})
    runs: list[str] = []

    def broken(tx: Tx, account: str, object_id: str, env: Env) -> None:
        runs.append(object_id)
        if len(runs) == 1:
            raise RuntimeError("a bug in a transition")

    monkeypatch.setitem(ACTIONS, "test.broken", broken)
    env = Env(1000.0, SandboxSettings(), api.api_version)
    with db.transaction() as tx:
        tx.schedule("acct_1", "test.broken", "obj_1", env.now)
    assert run_due_timers(db, env) == 0  # it raised: rolled back and kept
    with db.read() as tx:
        assert not tx.has_due_timers(env.now)  # not due again at once
        assert tx.has_due_timers(env.now + RETRY_DELAY)
    later = Env(env.now + RETRY_DELAY, env.settings, env.api_version)
    assert run_due_timers(db, later) == 1
    assert runs == ["obj_1", "obj_1"]
    with db.read() as tx:
        assert not tx.has_due_timers(later.now + 3600)
    db.close()
