"""HTTP behaviour of the sandbox: auth, request ids, error bodies, validation (400 naming param, never 500)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.fixtures.sandbox import SandboxHandle

pytestmark = pytest.mark.integration


def _error(response: httpx.Response) -> dict[str, Any]:
    assert response.headers["content-type"].startswith("application/json")
    error: dict[str, Any] = response.json()["error"]
    assert set(error) >= {"type", "code", "message", "param", "request_id"}
    assert error["request_id"] == response.headers["molam-request-id"]
    assert "Traceback" not in response.text
    return error


@pytest.mark.parametrize(
    ("authorization", "code"),
    [
        (None, "missing_api_key"),
        ("", "missing_api_key"),
        ("Basic dXNlcjpwYXNz", "invalid_api_key"),
        ("Bearer", "invalid_api_key"),
        ("Bearer sk_test_short", "invalid_api_key"),
        ("Bearer sk_test_has-dash-chars", "invalid_api_key"),
        ("Bearer pk_test_abcdefgh1234", "invalid_api_key"),
        ("Bearer sk_live_abcdefgh1234", "live_key_not_allowed"),
        ("Bearer jwt_eyJhbGciOiJIUzI1NiJ9", "jwt_not_supported"),
    ],
)
def test_401_for_missing_malformed_and_live_keys(
    sandbox: SandboxHandle, authorization: str | None, code: str
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = httpx.get(f"{sandbox.url}/v1/connect/payment_intents", headers=headers)
    assert response.status_code == 401
    error = _error(response)
    assert error["type"] == "authentication_error" and error["code"] == code
    assert "abcdefgh1234" not in response.text  # the key is never echoed


def test_request_id_on_every_response(sandbox: SandboxHandle, api: httpx.Client) -> None:
    responses = [
        api.get("/v1/ma/wallets"),
        api.get("/v1/nope"),
        api.delete("/v1/connect/payment_intents"),
        api.post("/v1/connect/payment_intents", json={}),
        httpx.get(f"{sandbox.url}/v1/events"),
        httpx.get(f"{sandbox.url}/_sandbox/health"),
    ]
    ids = [r.headers["molam-request-id"] for r in responses]
    assert all(i.startswith("req_") for i in ids) and len(set(ids)) == len(ids)


def test_unknown_route_and_method(api: httpx.Client) -> None:
    missing = api.get("/v1/connect/nothing_here")
    assert missing.status_code == 404 and _error(missing)["type"] == "not_found_error"
    wrong = api.delete("/v1/connect/payment_intents")
    assert wrong.status_code == 405 and _error(wrong)["code"] == "method_not_allowed"
    assert "GET" in wrong.headers["allow"]
    bad_id = api.get("/v1/connect/payment_intents/ch_123")
    assert bad_id.status_code == 404 and _error(bad_id)["code"] == "resource_missing"


@pytest.mark.parametrize(
    ("path", "body", "param", "code"),
    [
        ("/v1/connect/payment_intents", {"currency": "XOF"}, "amount", "parameter_missing"),
        ("/v1/connect/payment_intents", {"amount": "100", "currency": "XOF"}, "amount", "parameter_invalid"),
        ("/v1/connect/payment_intents", {"amount": 0, "currency": "XOF"}, "amount", "parameter_invalid"),
        ("/v1/connect/payment_intents", {"amount": 2**70, "currency": "XOF"}, "amount", "parameter_invalid"),
        ("/v1/connect/payment_intents", {"amount": 1.5, "currency": "XOF"}, "amount", "parameter_invalid"),
        ("/v1/connect/payment_intents", {"amount": 1, "currency": "xof"}, "currency", "parameter_invalid"),
        (
            "/v1/connect/payment_intents",
            {"amount": 1, "currency": "XOF", "capture_method": "later"},
            "capture_method",
            "parameter_invalid",
        ),
        (
            "/v1/connect/payment_intents",
            {"amount": 1, "currency": "XOF", "metadata": {f"k{i}": "v" for i in range(51)}},
            "metadata",
            "parameter_invalid",
        ),
        (
            "/v1/connect/payment_intents",
            {"amount": 1, "currency": "XOF", "metadata": {"k": 1}},
            "metadata.k",
            "parameter_invalid",
        ),
        (
            "/v1/treasury/payouts",
            {
                "origin_module": "connect",
                "origin_entity_id": "m",
                "amount": 1,
                "currency": "XOF",
                "beneficiary": {
                    "type": "mobile_money",
                    "provider": "wave",
                    "msisdn": "77",
                    "account_holder": "A",
                },
            },
            "beneficiary.msisdn",
            "parameter_invalid",
        ),
        (
            "/v1/webhook_endpoints",
            {"url": "http://127.0.0.1:9/x", "enabled_events": ["nope"]},
            "enabled_events.0",
            "parameter_invalid",
        ),
        (
            "/v1/ma/transfers",
            {"from_wallet": "x", "to_wallet": "wal_a", "amount": 1, "currency": "XOF"},
            "from_wallet",
            "parameter_invalid",
        ),
    ],
)
def test_validation_names_the_param(api: httpx.Client, path: str, body: Any, param: str, code: str) -> None:
    response = api.post(path, json=body)
    assert response.status_code == 400, response.text
    error = _error(response)
    assert error["type"] == "invalid_request_error" and error["param"] == param and error["code"] == code


@pytest.mark.parametrize(
    "content", [b"{not json", b"[1, 2]", b"\xff\xfe", b'"text"', b"null", b"[" * 100_000, b'{"a":' * 50_000]
)
def test_bad_bodies_are_400(api: httpx.Client, content: bytes) -> None:
    response = api.post(
        "/v1/connect/payment_intents", content=content, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert _error(response)["code"] == "invalid_json"


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"starting_after": "pi_unknown"}, "starting_after"),
        ({"status": "done"}, "status"),
        ({"created_gte": "-1"}, "created_gte"),
        ({"created_lte": "99999999999999999999999"}, "created_lte"),
    ],
)
def test_bad_list_queries_are_400(api: httpx.Client, query: dict[str, str], param: str) -> None:
    response = api.get("/v1/connect/payment_intents", params=query)
    assert response.status_code == 400
    assert _error(response)["param"] == param


def test_bad_fault_header_is_400(api: httpx.Client) -> None:
    response = api.get("/v1/ma/wallets", headers={"Molam-Sandbox-Fault": "earthquake"})
    assert response.status_code == 400 and _error(response)["param"] == "Molam-Sandbox-Fault"


def test_empty_optional_bodies_are_fine(api: httpx.Client) -> None:
    pi = api.post("/v1/connect/payment_intents", json={"amount": 5, "currency": "XOF"}).json()
    assert api.post(f"/v1/connect/payment_intents/{pi['id']}/cancel").status_code == 200


def test_data_is_scoped_per_key(sandbox: SandboxHandle, api: httpx.Client) -> None:
    mine = api.post("/v1/connect/payment_intents", json={"amount": 5, "currency": "XOF"}).json()
    with httpx.Client(
        base_url=sandbox.url, headers={"Authorization": f"Bearer {sandbox.new_api_key()}"}
    ) as other:
        assert other.get(f"/v1/connect/payment_intents/{mine['id']}").status_code == 404
        assert other.get("/v1/connect/payment_intents").json()["data"] == []
        assert (
            other.get("/v1/connect/payment_intents", params={"starting_after": mine["id"]}).status_code == 400
        )
