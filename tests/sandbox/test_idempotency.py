"""Server-side idempotency over real HTTP: replays, conflicts, in-flight twins, and committed-then-failed."""

from __future__ import annotations

import concurrent.futures
import uuid
from typing import Any

import httpx
import pytest

from molam_sdk_ext.client import Molam
from molam_sdk_ext.errors import IdempotencyError
from tests.fixtures.sandbox import SandboxHandle

pytestmark = pytest.mark.integration

PI = "/v1/connect/payment_intents"


def _post(api: httpx.Client, key: str, body: dict[str, Any], **headers: str) -> httpx.Response:
    return api.post(PI, json=body, headers={"Idempotency-Key": key, **headers})


def _count(api: httpx.Client) -> int:
    return len(api.get(PI, params={"limit": 100}).json()["data"])


def test_same_key_same_body_replays(api: httpx.Client) -> None:
    key = str(uuid.uuid4())
    first = _post(api, key, {"amount": 15000, "currency": "XOF", "metadata": {"a": "1", "b": "2"}})
    assert first.status_code == 200 and "idempotent-replayed" not in first.headers
    # Same JSON with another key order and spacing is the same request.
    again = api.post(
        PI,
        content=b'{ "metadata": {"b": "2", "a": "1"}, "currency": "XOF", "amount": 15000 }',
        headers={"Idempotency-Key": key, "Content-Type": "application/json"},
    )
    assert again.status_code == 200 and again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert again.headers["molam-request-id"] != first.headers["molam-request-id"]
    assert _count(api) == 1


def test_same_key_other_body_is_409(api: httpx.Client) -> None:
    key = str(uuid.uuid4())
    assert _post(api, key, {"amount": 100, "currency": "XOF"}).status_code == 200
    conflict = _post(api, key, {"amount": 101, "currency": "XOF"})
    assert conflict.status_code == 409
    error = conflict.json()["error"]
    assert error["type"] == "idempotency_error" and error["code"] == "idempotency_key_reused"
    assert error["request_id"] == conflict.headers["molam-request-id"]
    assert conflict.headers["molam-should-retry"] == "false"
    other_path = api.post(
        "/v1/merchants/onboarding", json={"amount": 100, "currency": "XOF"}, headers={"Idempotency-Key": key}
    )
    assert other_path.status_code == 409
    assert _count(api) == 1


def test_keys_are_scoped_by_account(sandbox: SandboxHandle, api: httpx.Client) -> None:
    key = str(uuid.uuid4())
    mine = _post(api, key, {"amount": 100, "currency": "XOF"})
    with httpx.Client(
        base_url=sandbox.url, headers={"Authorization": f"Bearer {sandbox.new_api_key()}"}
    ) as other:
        theirs = _post(other, key, {"amount": 100, "currency": "XOF"})
    assert theirs.status_code == 200 and "idempotent-replayed" not in theirs.headers
    assert theirs.json()["id"] != mine.json()["id"]


@pytest.mark.slow
def test_concurrent_twin_is_409_should_retry(api: httpx.Client) -> None:
    body = {"amount": 100, "currency": "XOF"}
    twin: httpx.Response | None = None
    # The first request holds its claim while the `slow` fault delays it (2 s by default). Its twin is sent
    # until it meets that claim; should the twin ever reach the server first, start over with a new key.
    for _ in range(5):
        key = str(uuid.uuid4())
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            slow = pool.submit(_post, api, key, body, **{"Molam-Sandbox-Fault": "slow"})
            while not slow.done():
                twin = _post(api, key, body)
                if twin.status_code == 409 or "idempotent-replayed" not in twin.headers:
                    break
            first = slow.result()
        if twin is not None and twin.status_code == 409:
            break
    assert twin is not None and twin.status_code == 409
    assert twin.json()["error"]["code"] == "idempotency_key_in_use"
    assert twin.json()["error"]["type"] == "idempotency_error"
    assert twin.headers["molam-should-retry"] == "true"
    assert first.status_code == 200
    retried = _post(api, key, body)
    assert retried.headers["idempotent-replayed"] == "true" and retried.json()["id"] == first.json()["id"]


@pytest.mark.parametrize("fault", ["commit_then_500", "commit_then_drop"])
def test_committed_then_failed_is_replayed_on_retry(api: httpx.Client, fault: str) -> None:
    key = str(uuid.uuid4())
    body = {"amount": 4200, "currency": "XOF"}
    if fault == "commit_then_500":
        lost = _post(api, key, body, **{"Molam-Sandbox-Fault": fault})
        assert lost.status_code == 500 and lost.json()["error"]["type"] == "api_error"
    else:
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):  # a close or a reset
            _post(api, key, body, **{"Molam-Sandbox-Fault": fault})
    assert _count(api) == 1  # it was processed
    retry = _post(api, key, body)
    assert retry.status_code == 200 and retry.headers["idempotent-replayed"] == "true"
    assert _count(api) == 1  # and the retry did not make a second one


def test_declined_payment_is_replayed_not_retried(api: httpx.Client) -> None:
    key = str(uuid.uuid4())
    body = {"amount": 100, "currency": "XOF", "payment_method": "pm_card_declined", "confirm": True}
    first = _post(api, key, body)
    assert first.status_code == 402
    again = _post(api, key, body)
    assert again.status_code == 402 and again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert len(api.get("/v1/connect/charges").json()["data"]) == 1


def test_key_length_is_checked(api: httpx.Client) -> None:
    response = _post(api, "k" * 256, {"amount": 1, "currency": "XOF"})
    assert response.status_code == 400 and response.json()["error"]["param"] == "Idempotency-Key"


def test_sdk_replay_and_conflict(molam: Molam) -> None:
    key = f"order-{uuid.uuid4()}"
    first = molam.with_raw_response.payment_intents.create(amount=100, currency="XOF", idempotency_key=key)
    second = molam.with_raw_response.payment_intents.create(amount=100, currency="XOF", idempotency_key=key)
    assert not first.idempotent_replayed and second.idempotent_replayed
    assert first.parsed.id == second.parsed.id
    with pytest.raises(IdempotencyError) as conflict:
        molam.payment_intents.create(amount=999, currency="XOF", idempotency_key=key)
    assert conflict.value.status == 409 and conflict.value.code == "idempotency_key_reused"


@pytest.mark.slow
def test_sdk_retries_through_faults_without_duplicates(sandbox_factory: Any) -> None:
    server = sandbox_factory(
        fault_rate=0.4,
        fault_kinds=["500", "502", "503", "429", "drop", "commit_then_500", "commit_then_drop"],
        seed=11,
        extra_args=["--retry-after", "0"],
    )
    with Molam(api_key=server.api_key, base_url=server.url, max_retries=8, telemetry=False) as molam:
        ids = {molam.payment_intents.create(amount=100 + i, currency="XOF").id for i in range(25)}
        clean = molam.with_options(default_headers={"Molam-Sandbox-Fault": "none"})
        assert len(ids) == 25
        assert {p.id for p in clean.payment_intents.list(limit=100)} == ids
    log = server.read_log()
    assert "fault injected kind=commit_then_500" in log or "fault injected kind=commit_then_drop" in log
