"""Hostile input the sandbox must refuse cleanly: money beyond int64, ids with slashes, made-up currencies,
negative balances, and the CLI's own errors (issue 13)."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pydantic
import pytest
from typer.testing import CliRunner

from molam_sandbox.validation import validation_error
from molam_sdk_ext.cli.app import app as molam_cli
from molam_sdk_ext.cli.exit_codes import ExitCode

pytestmark = pytest.mark.integration

INT64_MAX = 2**63 - 1


def _xof(api: httpx.Client) -> dict[str, int]:
    balance = api.get("/v1/treasury/balances").json()
    return {
        kind: next(e["amount"] for e in balance[kind] if e["currency"] == "XOF")
        for kind in ("available", "reserved")
    }


def test_a_balance_that_would_pass_int64_is_a_400_and_nothing_moves(api: httpx.Client) -> None:
    before = _xof(api)
    pay = {"amount": INT64_MAX, "currency": "XOF", "payment_method": "pm_card_visa", "confirm": True}
    refused = api.post("/v1/connect/payment_intents", json=pay)
    assert refused.status_code == 400, refused.text
    assert refused.json()["error"]["code"] == "amount_too_large"
    assert _xof(api) == before  # exact: nothing credited, nothing lost to a float
    # The payment intent the refused request would have created is not there either (one transaction).
    assert api.get("/v1/connect/payment_intents").json()["data"] == []


@pytest.mark.parametrize("suffix", ["%2Fconfirm", "%2fconfirm", "%2F", "/x%2Fy", "/x/y", "/confirm/x"])
def test_an_encoded_slash_in_an_id_is_a_404_never_another_operation(api: httpx.Client, suffix: str) -> None:
    pi = api.post("/v1/connect/payment_intents", json={"amount": 500, "currency": "XOF"}).json()
    response = api.post(
        f"/v1/connect/payment_intents/{pi['id']}{suffix}",
        json={"description": "x", "payment_method": "pm_card_visa"},
    )
    assert response.status_code == 404, response.text
    assert response.json()["error"]["code"] == "resource_missing"
    after = api.get(f"/v1/connect/payment_intents/{pi['id']}").json()
    assert after["status"] == "requires_payment_method" and after["description"] is None


@pytest.mark.parametrize("currency", ["ZZZ", "XAU", "XTS"])
def test_a_currency_that_is_not_iso_4217_with_a_minor_unit_is_a_400(api: httpx.Client, currency: str) -> None:
    response = api.post("/v1/connect/payment_intents", json={"amount": 500, "currency": currency})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"] == "currency"
    funded = api.post("/_sandbox/wallets", json={"balances": {currency: 5}})
    assert funded.status_code == 400


def test_the_treasury_balance_never_goes_negative(api: httpx.Client) -> None:
    pay = {"amount": 7000, "currency": "XOF", "payment_method": "pm_card_visa", "confirm": True}
    pi = api.post("/v1/connect/payment_intents", json=pay).json()
    available = _xof(api)["available"]
    payout = {
        "origin_module": "treasury",
        "origin_entity_id": "sandbox",
        "amount": available,
        "currency": "XOF",
        "beneficiary": {
            "type": "mobile_money",
            "provider": "wave",
            "msisdn": "+221771234567",
            "account_holder": "Awa Ndiaye",
        },
    }
    assert api.post("/v1/treasury/payouts", json=payout).status_code == 200
    assert _xof(api)["available"] == 0
    refund = api.post("/v1/connect/refunds", json={"payment_intent": pi["id"]})
    assert refund.status_code == 400, refund.text
    assert refund.json()["error"]["code"] == "insufficient_funds"
    assert _xof(api)["available"] == 0
    assert api.get("/v1/connect/refunds").json()["data"] == []


def test_a_replayed_error_keeps_its_request_id_in_header_and_body(api: httpx.Client) -> None:
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {"amount": 900, "currency": "XOF", "payment_method": "pm_card_declined", "confirm": True}
    first = api.post("/v1/connect/payment_intents", json=body, headers=key)
    replay = api.post("/v1/connect/payment_intents", json=body, headers=key)
    assert first.status_code == replay.status_code == 402
    assert replay.headers["idempotent-replayed"] == "true"
    request_id = first.json()["error"]["request_id"]
    assert first.headers["molam-request-id"] == request_id
    assert replay.headers["molam-request-id"] == replay.json()["error"]["request_id"] == request_id


def test_a_body_error_without_a_parameter_reads_well() -> None:
    class Body(pydantic.BaseModel):
        a: int | None = None

        @pydantic.model_validator(mode="after")
        def _whole(self) -> Body:
            raise ValueError("give a")

    with pytest.raises(pydantic.ValidationError) as caught:
        Body.model_validate({})
    error = validation_error(caught.value, {})
    assert error.param is None
    assert error.message == "Invalid request body: Value error, give a."


def test_cli_refuses_an_unknown_fault_kind_with_its_own_error() -> None:
    result = CliRunner().invoke(molam_cli, ["sandbox", "--port", "0", "--fault-kinds", "bogus"])
    assert result.exit_code == int(ExitCode.USAGE) == 2
    output = result.output
    assert "--fault-kinds" in output and "bogus" in output
    assert "python -m molam_sandbox" not in output  # not the usage of another program


def test_cli_exits_2_when_the_database_cannot_be_opened(tmp_path: Path) -> None:
    result = CliRunner().invoke(molam_cli, ["sandbox", "--port", "0", "--db", "/nonexistent/x.db"])
    assert result.exit_code == 2, result.output


@pytest.mark.parametrize(
    "key",
    ["cl\u00e9-1", "a" * 256, "tab\tkey"],
    ids=["non-ascii", "too-long", "control-character"],
)
def test_the_sandbox_refuses_the_idempotency_keys_the_sdk_refuses(api: httpx.Client, key: str) -> None:
    # One rule (molam_sdk_ext.transport.idempotency_key.check_idempotency_key) on both sides (issue 21).
    response = api.post(
        "/v1/connect/payment_intents",
        json={"amount": 500, "currency": "XOF"},
        headers={b"Idempotency-Key": key.encode("utf-8")},  # raw bytes: httpx would refuse non-ASCII text
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"] == "Idempotency-Key"
    assert api.get("/v1/connect/payment_intents").json()["data"] == []


@pytest.mark.parametrize("version", ["9999-99-99", "2025-02-30", "2025-1-15"])
def test_a_molam_version_that_is_not_a_date_is_a_400(api: httpx.Client, version: str) -> None:
    response = api.get("/v1/connect/payment_intents", headers={"Molam-Version": version})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"] == "Molam-Version"
