"""Fault injection: each kind does what it says, only on /v1 routes, and every injection is logged."""

from __future__ import annotations

import contextlib
import re
from typing import Any

import httpx
import pytest

from molam_sandbox.faults import ALL_KINDS
from tests.fixtures.sandbox import SandboxHandle
from tests.support.waiting import wait_for

pytestmark = pytest.mark.integration

PI = "/v1/connect/payment_intents"
# A cut connection reaches the client as a close without a response, or as a reset when the kernel
# sends RST (the request's bytes were still unread): both are what a real network failure looks like.
DROPPED = (httpx.RemoteProtocolError, httpx.ReadError)


def _count(api: httpx.Client) -> int:
    return len(api.get(PI, headers={"Molam-Sandbox-Fault": "none"}).json()["data"])


def _logged(sandbox: SandboxHandle, kind: str, request_id: str | None = None) -> bool:
    line = f"fault injected kind={kind} method=POST path={PI} request_id="
    log = sandbox.read_log()
    return line + (request_id or "") in log


@pytest.mark.parametrize(
    ("kind", "status", "error_type", "retry_after"),
    [
        ("500", 500, "api_error", False),
        ("502", 502, "api_error", False),
        ("503", 503, "api_error", True),
        ("429", 429, "rate_limit_error", True),
    ],
)
def test_error_faults_happen_before_processing(
    sandbox: SandboxHandle, api: httpx.Client, kind: str, status: int, error_type: str, retry_after: bool
) -> None:
    response = api.post(PI, json={"amount": 1, "currency": "XOF"}, headers={"Molam-Sandbox-Fault": kind})
    assert response.status_code == status
    assert response.json()["error"]["type"] == error_type
    assert response.headers["molam-should-retry"] == "true"
    assert ("retry-after" in response.headers) is retry_after
    assert _count(api) == 0
    wait_for(lambda: _logged(sandbox, kind, response.headers["molam-request-id"]))


def test_drop_closes_the_connection_without_a_response(sandbox: SandboxHandle, api: httpx.Client) -> None:
    with pytest.raises(DROPPED):
        api.post(PI, json={"amount": 1, "currency": "XOF"}, headers={"Molam-Sandbox-Fault": "drop"})
    assert _count(api) == 0
    wait_for(lambda: _logged(sandbox, "drop"))


@pytest.mark.parametrize("kind", ["commit_then_500", "commit_then_drop"])
def test_commit_then_fail_processes_the_request(sandbox: SandboxHandle, api: httpx.Client, kind: str) -> None:
    headers = {"Molam-Sandbox-Fault": kind}
    if kind == "commit_then_500":
        assert api.post(PI, json={"amount": 1, "currency": "XOF"}, headers=headers).status_code == 500
    else:
        with pytest.raises(DROPPED):
            api.post(PI, json={"amount": 1, "currency": "XOF"}, headers=headers)
    assert _count(api) == 1
    wait_for(lambda: _logged(sandbox, kind))


def test_slow_still_answers(sandbox: SandboxHandle, api: httpx.Client) -> None:
    response = api.post(PI, json={"amount": 1, "currency": "XOF"}, headers={"Molam-Sandbox-Fault": "slow"})
    assert response.status_code == 200
    wait_for(lambda: _logged(sandbox, "slow", response.headers["molam-request-id"]))


def test_slow_makes_a_short_timeout_fire(api: httpx.Client) -> None:
    with pytest.raises(httpx.ReadTimeout):
        api.get("/v1/ma/wallets", headers={"Molam-Sandbox-Fault": "slow"}, timeout=0.2)


def test_none_header_disables_faults(sandbox_factory: Any) -> None:
    server = sandbox_factory(fault_rate=1.0, fault_kinds=["500"])
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {server.api_key}"}) as api:
        assert api.get("/v1/ma/wallets").status_code == 500
        assert api.get("/v1/ma/wallets", headers={"Molam-Sandbox-Fault": "none"}).status_code == 200
        assert api.get("/_sandbox/health").status_code == 200  # sandbox routes are never faulted


@pytest.mark.slow
def test_fault_rate_injects_every_kind_and_logs_it(sandbox_factory: Any) -> None:
    server = sandbox_factory(
        fault_rate=1.0, seed=3, extra_args=["--slow-seconds", "0.01", "--retry-after", "0"]
    )
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {server.api_key}"}) as api:
        for i in range(120):
            with contextlib.suppress(httpx.TransportError):
                api.post(PI, json={"amount": 1 + i, "currency": "XOF"})
    seen = wait_for(
        lambda: set(re.findall(r"fault injected kind=(\S+) method=", server.read_log())),
        lambda kinds: kinds == set(ALL_KINDS),
    )
    assert seen == set(ALL_KINDS)


@pytest.mark.slow
def test_partial_fault_rate(sandbox_factory: Any) -> None:
    server = sandbox_factory(
        fault_rate=0.3, fault_kinds=["503", "429"], seed=5, extra_args=["--retry-after", "0"]
    )
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {server.api_key}"}) as api:
        statuses = [api.get("/v1/ma/wallets").status_code for _ in range(100)]
    faulted = statuses.count(503) + statuses.count(429)
    assert faulted + statuses.count(200) == 100
    assert 10 <= faulted <= 55  # seeded: a fixed draw, around 30
    assert server.read_log().count("fault injected kind=") == faulted
