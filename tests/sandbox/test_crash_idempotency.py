"""SIGKILL of a real sandbox process under load never lets an Idempotency-Key run twice.

One SQLite file, several kills at random moments while 8 workers create confirmed payments with business keys.
After each restart every key is sent again; at the end, after the lock timeout (2 s here) has passed for any
claim a kill left behind, every key is sent once more. Every answer must be a replay of the first run or a run
that happens exactly once: one payment intent per key, and the Treasury balance equal to the seed plus the
sum of the distinct payments.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import httpx
import pytest

from molam_sandbox.server import SandboxProcess
from molam_sandbox.wallets import SEED_BALANCES

pytestmark = pytest.mark.integration

LOCK_TIMEOUT = 2.0
ORDERS = 240
WORKERS = 8
KILLS = 5


def _order(index: int) -> tuple[str, dict[str, object]]:
    key = f"order-{index:04d}"
    body = {
        "amount": 1000 + index,  # distinct amounts: a duplicate would show in the balance
        "currency": "XOF",
        "payment_method": "pm_card_visa",
        "confirm": True,
        "metadata": {"order": key},
    }
    return key, body


def _send_all(url: str, api_key: str, indexes: list[int], answers: dict[str, str]) -> None:
    """Send every order in `indexes` from `WORKERS` threads until done or the server is gone."""
    queue = list(indexes)
    lock = threading.Lock()

    def worker() -> None:
        with httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {api_key}"}, timeout=5.0, trust_env=False
        ) as client:
            while True:
                with lock:
                    if not queue:
                        return
                    index = queue.pop()
                key, body = _order(index)
                try:
                    response = client.post(
                        "/v1/connect/payment_intents", json=body, headers={"Idempotency-Key": key}
                    )
                except httpx.TransportError:
                    return  # killed: this round is over for this worker
                if response.status_code == 200:
                    pi_id = response.json()["id"]
                    with lock:
                        # A key always answers with the same payment intent, whatever happened in between.
                        assert answers.setdefault(key, pi_id) == pi_id, (key, answers[key], pi_id)
                else:
                    assert response.status_code == 409, response.text
                    assert response.json()["error"]["code"] == "idempotency_key_in_use"

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)


@pytest.mark.slow
def test_sigkill_loop_never_runs_a_key_twice(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    api_key = "sk_test_" + "crashloop" * 2
    extra = ["--idempotency-lock-timeout", str(LOCK_TIMEOUT), "--log-level", "warning"]
    answers: dict[str, str] = {}
    rng = random.Random(13)
    indexes = list(range(ORDERS))
    for _ in range(KILLS):
        server = SandboxProcess(db=db, api_key=api_key, extra_args=extra, log_path=tmp_path / "sandbox.log")
        server.start()
        try:
            rng.shuffle(indexes)  # every key, again, in a new order after each restart
            load = threading.Thread(target=_send_all, args=(server.url, api_key, indexes, answers))
            load.start()
            time.sleep(rng.uniform(0.2, 0.8))
        finally:
            server.kill()
        load.join(timeout=60)

    with SandboxProcess(
        db=db, api_key=api_key, extra_args=extra, log_path=tmp_path / "sandbox.log"
    ) as server:
        _send_all(server.url, api_key, indexes, answers)  # claims younger than the lock timeout: 409 at most
        time.sleep(LOCK_TIMEOUT + 0.2)
        _send_all(server.url, api_key, indexes, answers)  # every key now answers 200
        assert sorted(answers) == sorted(_order(i)[0] for i in range(ORDERS))

        with httpx.Client(
            base_url=server.url, headers={"Authorization": f"Bearer {api_key}"}, trust_env=False
        ) as api:
            intents: list[dict[str, object]] = []
            cursor: str | None = None
            while True:
                params: dict[str, str | int] = {"limit": 100}
                if cursor is not None:
                    params["starting_after"] = cursor
                page = api.get("/v1/connect/payment_intents", params=params).json()
                intents += page["data"]
                if not page["has_more"]:
                    break
                cursor = page["next_cursor"]
            balance = api.get("/v1/treasury/balances").json()

    per_order: dict[str, list[dict[str, object]]] = {}
    for intent in intents:
        metadata = intent["metadata"]
        assert isinstance(metadata, dict)
        per_order.setdefault(str(metadata["order"]), []).append(intent)
    duplicates = {key: [i["id"] for i in found] for key, found in per_order.items() if len(found) > 1}
    assert duplicates == {}
    assert {key: found[0]["id"] for key, found in per_order.items()} == answers
    assert all(found[0]["status"] == "succeeded" for found in per_order.values())
    xof = next(entry["amount"] for entry in balance["available"] if entry["currency"] == "XOF")
    assert xof == SEED_BALANCES["XOF"] + sum(1000 + i for i in range(ORDERS))


@pytest.mark.slow
@pytest.mark.parametrize("payment_method", ["pm_card_visa", "pm_card_declined"])
def test_crash_right_after_the_commit_replays_after_restart(tmp_path: Path, payment_method: str) -> None:
    """The process dies between committing a payment and answering: the retry replays, it never runs again."""
    db = tmp_path / "crash.db"
    api_key = "sk_test_" + "crashonce" * 2
    extra = ["--idempotency-lock-timeout", "0.5", "--log-level", "warning"]
    auth = {"Authorization": f"Bearer {api_key}"}
    body = {"amount": 4321, "currency": "XOF", "payment_method": payment_method, "confirm": True}
    key = {"Idempotency-Key": "order-crash-1"}
    server = SandboxProcess(db=db, api_key=api_key, extra_args=extra, log_path=tmp_path / "sandbox.log")
    server.start()
    try:
        with pytest.raises(httpx.TransportError):
            httpx.post(
                f"{server.url}/v1/connect/payment_intents",
                json=body,
                headers={**auth, **key, "Molam-Sandbox-Fault": "crash_after_commit"},
                trust_env=False,
            )
        assert server._process is not None and server._process.wait(timeout=10) == -9
    finally:
        server.kill()

    with SandboxProcess(
        db=db, api_key=api_key, extra_args=extra, log_path=tmp_path / "sandbox.log"
    ) as server:
        time.sleep(0.7)  # past the lock timeout: a claim left in progress would now run again
        with httpx.Client(base_url=server.url, headers=auth, trust_env=False) as api:
            retry = api.post("/v1/connect/payment_intents", json=body, headers=key)
            again = api.post("/v1/connect/payment_intents", json=body, headers=key)
            intents = api.get("/v1/connect/payment_intents").json()["data"]
            balance = api.get("/v1/treasury/balances").json()
    assert retry.headers["idempotent-replayed"] == "true"
    assert again.content == retry.content
    assert len(intents) == 1
    xof = next(entry["amount"] for entry in balance["available"] if entry["currency"] == "XOF")
    if payment_method == "pm_card_visa":
        assert retry.status_code == 200 and retry.json()["id"] == intents[0]["id"]
        assert xof == SEED_BALANCES["XOF"] + 4321
    else:
        assert retry.status_code == 402
        assert retry.json()["error"]["request_id"] == retry.headers["molam-request-id"]
        assert xof == SEED_BALANCES["XOF"]
