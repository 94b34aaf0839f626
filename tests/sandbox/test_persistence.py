"""State in a SQLite file survives a restart: objects, idempotency records and pending transitions."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.waiting import wait_for

pytestmark = pytest.mark.integration


@pytest.mark.slow
def test_restart_keeps_state(sandbox_factory: Any, tmp_path: Path) -> None:
    db = tmp_path / "sandbox.db"
    first = sandbox_factory(db=db)
    key, auth = str(uuid.uuid4()), {"Authorization": f"Bearer {first.api_key}"}
    with httpx.Client(base_url=first.url, headers=auth) as api:
        created = api.post(
            "/v1/connect/payment_intents",
            json={"amount": 77, "currency": "XOF"},
            headers={"Idempotency-Key": key},
        ).json()
        processing = api.post(
            "/v1/connect/payment_intents",
            json={"amount": 78, "currency": "XOF", "payment_method": "pm_card_processing", "confirm": True},
        ).json()
        assert processing["status"] == "processing"
    first.stop()
    assert db.exists()

    second = sandbox_factory(db=db)
    with httpx.Client(base_url=second.url, headers=auth) as api:
        assert api.get(f"/v1/connect/payment_intents/{created['id']}").json() == created
        replay = api.post(
            "/v1/connect/payment_intents",
            json={"amount": 77, "currency": "XOF"},
            headers={"Idempotency-Key": key},
        )
        assert replay.headers["idempotent-replayed"] == "true" and replay.json()["id"] == created["id"]
        wait_for(
            lambda: api.get(f"/v1/connect/payment_intents/{processing['id']}").json()["status"],
            lambda status: status == "succeeded",
        )
        assert len(api.get("/v1/ma/wallets").json()["data"]) == 5  # seeded once, not again


@pytest.mark.slow
def test_memory_mode_starts_empty(sandbox_factory: Any) -> None:
    server = sandbox_factory()
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {server.api_key}"}) as api:
        assert api.get("/v1/connect/payment_intents").json()["data"] == []
