"""The sandbox follows a changed spec with no hand edit: a drill as an API team would run it.

spec/molam.yaml is copied to a temporary directory and changed there: a new resource (``Disputes``: list,
retrieve, action ``close``, ids ``dp_``), a new webhook event type (``dispute.created``), a new payout status
(``returned``), a new optional payment intent field (``risk_score``) and a removed one (``merchant_id``). The
sandbox's request models are regenerated for that spec with the generator's own function, a real sandbox
process is started on it (``python -m molam_sandbox --spec ... --models ...``) and everything is checked over
HTTP.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from generator.codegen.layout import GENERATED_FILES_HEADER
from generator.codegen.sandbox_models import render_sandbox_models
from molam_sandbox.server import SandboxProcess
from tests.support.receivers import WebhookReceiver
from tests.support.waiting import wait_for

pytestmark = pytest.mark.integration

SPEC = Path(__file__).resolve().parents[2] / "spec" / "molam.yaml"
Spec = dict[str, Any]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _responses(schema: str) -> dict[str, Any]:
    return {
        "200": {
            "description": "OK",
            "headers": {"Molam-Request-Id": {"$ref": "#/components/headers/MolamRequestId"}},
            "content": {"application/json": {"schema": _ref(schema)}},
        },
        "404": {"$ref": "#/components/responses/NotFound"},
    }


DISPUTE_EXAMPLE = {
    "id": "dp_1Xy2Zw3Vu4Ts5R",
    "object": "dispute",
    "amount": 15000,
    "currency": "XOF",
    "status": "needs_response",
    "reason": "fraudulent",
    "payment_intent": "pi_3Nf8kLm2aB9xQ7",
    "created": 1736935262,
    "livemode": False,
}


def add_disputes(spec: Spec) -> None:
    """(c) A new resource with list, retrieve and an action, and its id prefix."""
    schemas = spec["components"]["schemas"]
    schemas["DisputeStatus"] = {
        "type": "string",
        "description": "Where a dispute is.",
        "enum": ["needs_response", "under_review", "won", "lost", "closed"],
    }
    schemas["Dispute"] = {
        "type": "object",
        "x-molam-id-prefix": "dp_",
        "description": "A customer's dispute of a payment.",
        "required": ["id", "object", "amount", "currency", "status", "created", "livemode"],
        "properties": {
            "id": {"type": "string", "pattern": "^dp_[A-Za-z0-9]+$"},
            "object": {"type": "string", "const": "dispute"},
            "amount": {"type": "integer", "format": "int64"},
            "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
            "status": _ref("DisputeStatus"),
            "reason": {"type": ["string", "null"]},
            "payment_intent": {"type": ["string", "null"]},
            "evidence_due_by": {"type": ["integer", "null"], "format": "int64"},
            "created": {"type": "integer", "format": "int64"},
            "livemode": {"type": "boolean"},
        },
        "example": DISPUTE_EXAMPLE,
    }
    schemas["DisputeList"] = {
        "type": "object",
        "required": ["object", "data", "has_more", "next_cursor"],
        "properties": {
            "object": {"type": "string", "const": "list"},
            "data": {"type": "array", "items": _ref("Dispute")},
            "has_more": {"type": "boolean"},
            "next_cursor": {"type": ["string", "null"]},
            "url": {"type": "string"},
        },
    }
    spec["tags"].append(
        {"name": "Disputes", "description": "Disputes (`dp_`).", "x-molam-namespace": "disputes"}
    )
    common = [{"$ref": "#/components/parameters/MolamVersion"}]
    spec["paths"]["/v1/connect/disputes"] = {
        "get": {
            "operationId": "list_disputes",
            "x-molam-method": "list",
            "tags": ["Disputes"],
            "summary": "List disputes",
            "parameters": [
                *common,
                {"$ref": "#/components/parameters/Limit"},
                {"$ref": "#/components/parameters/StartingAfter"},
                {"name": "status", "in": "query", "required": False, "schema": _ref("DisputeStatus")},
            ],
            "responses": _responses("DisputeList"),
        }
    }
    item_params = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
    spec["paths"]["/v1/connect/disputes/{id}"] = {
        "parameters": item_params,
        "get": {
            "operationId": "retrieve_dispute",
            "x-molam-method": "retrieve",
            "tags": ["Disputes"],
            "summary": "Retrieve a dispute",
            "parameters": common,
            "responses": _responses("Dispute"),
        },
    }
    spec["paths"]["/v1/connect/disputes/{id}/close"] = {
        "parameters": item_params,
        "post": {
            "operationId": "close_dispute",
            "x-molam-method": "close",
            "tags": ["Disputes"],
            "summary": "Close a dispute (accept it)",
            "parameters": [*common, {"$ref": "#/components/parameters/IdempotencyKey"}],
            "responses": _responses("Dispute"),
        },
    }


def add_dispute_created(spec: Spec) -> None:
    """(d) A new webhook event type, subscribable and triggerable."""
    schemas = spec["components"]["schemas"]
    event = copy.deepcopy(schemas["PaymentIntentSucceededEvent"])
    event["description"] = "`dispute.created`: a customer disputed a payment."
    event["properties"]["type"] = {"type": "string", "const": "dispute.created"}
    event["properties"]["data"] = _ref("DisputeCreatedEventData")
    schemas["DisputeCreatedEvent"] = event
    schemas["DisputeCreatedEventData"] = {
        "type": "object",
        "required": ["object"],
        "properties": {"object": _ref("Dispute")},
    }
    schemas["EventType"]["enum"].append("dispute.created")
    hook = copy.deepcopy(spec["webhooks"]["payment_intent.succeeded"])
    hook["post"]["operationId"] = "dispute_created_webhook"
    hook["post"]["summary"] = "A dispute was opened"
    media = hook["post"]["requestBody"]["content"]["application/json"]
    media["schema"] = _ref("DisputeCreatedEvent")
    media["examples"] = {
        "event": {
            "value": {
                "id": "evt_9Dz8Yx7Wv6Ut5S",
                "object": "event",
                "type": "dispute.created",
                "created": 1736935262,
                "api_version": "2025-01-15",
                "livemode": False,
                "data": {"object": {**DISPUTE_EXAMPLE, "amount": 4200}},
            }
        }
    }
    spec["webhooks"]["dispute.created"] = hook


def add_payout_status(spec: Spec) -> None:
    """A new enum value, usable as a list filter."""
    spec["components"]["schemas"]["PayoutStatus"]["enum"].append("returned")


def change_payment_intent_fields(spec: Spec) -> None:
    """A new optional response field, and a removed one."""
    payment_intent = spec["components"]["schemas"]["PaymentIntent"]
    payment_intent["properties"]["risk_score"] = {"type": ["integer", "null"], "description": "0..100"}
    del payment_intent["properties"]["merchant_id"]
    payment_intent["required"].remove("merchant_id")


def make_parameters_required(spec: Spec) -> None:
    """A body property and a query parameter made required."""
    spec["components"]["schemas"]["CreateTransferRequest"]["required"].append("description")
    for param in spec["paths"]["/v1/events"]["get"]["parameters"]:
        if param.get("name") == "type":
            param["required"] = True


@pytest.fixture(scope="module")
def drilled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    """A sandbox process serving the changed spec, with models regenerated for it."""
    root = tmp_path_factory.mktemp("drill")
    spec: Spec = yaml.load(SPEC.read_bytes(), Loader=yaml.CSafeLoader)
    changes = (
        add_disputes,
        add_dispute_created,
        add_payout_status,
        change_payment_intent_fields,
        make_parameters_required,
    )
    for change in changes:
        change(spec)
    spec_path = root / "spec" / "molam.yaml"
    spec_path.parent.mkdir()
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    source, _ = render_sandbox_models(spec, header=GENERATED_FILES_HEADER)
    models_path = root / "molam_sandbox" / "models.py"
    models_path.parent.mkdir()
    models_path.write_text(source, encoding="utf-8")
    server = SandboxProcess(
        extra_args=["--spec", str(spec_path), "--models", str(models_path)], log_path=root / "sandbox.log"
    )
    with server:
        yield server


@pytest.fixture
def api(drilled: SandboxProcess) -> Iterator[httpx.Client]:
    """Raw HTTP to the drilled sandbox as a fresh account."""
    key = "sk_test_" + __import__("secrets").token_hex(12)
    with httpx.Client(
        base_url=drilled.url, headers={"Authorization": f"Bearer {key}"}, timeout=10.0, trust_env=False
    ) as client:
        yield client


@pytest.mark.slow
def test_a_new_resource_is_served_with_its_prefix(api: httpx.Client) -> None:
    assert api.get("/v1/connect/disputes").json() == {
        "object": "list",
        "data": [],
        "has_more": False,
        "next_cursor": None,
        "url": "/v1/connect/disputes",
    }
    event = api.post("/_sandbox/events/trigger", json={"type": "dispute.created"})
    assert event.status_code == 200, event.text
    dispute = event.json()["data"]["object"]
    assert dispute["id"].startswith("dp_") and dispute["id"] != DISPUTE_EXAMPLE["id"]
    assert dispute["object"] == "dispute" and dispute["amount"] == 4200  # from the webhook's example
    assert dispute["evidence_due_by"] is None  # declared, not in the example: present as null

    assert api.get(f"/v1/connect/disputes/{dispute['id']}").json() == dispute
    assert [d["id"] for d in api.get("/v1/connect/disputes").json()["data"]] == [dispute["id"]]
    assert api.get("/v1/connect/disputes", params={"status": "won"}).json()["data"] == []
    assert len(api.get("/v1/connect/disputes", params={"status": "needs_response"}).json()["data"]) == 1
    bad = api.get("/v1/connect/disputes", params={"status": "lostt"})
    assert bad.status_code == 400 and bad.json()["error"]["param"] == "status"

    closed = api.post(f"/v1/connect/disputes/{dispute['id']}/close")
    assert closed.status_code == 200, closed.text
    assert closed.json()["status"] == "closed"
    assert api.get(f"/v1/connect/disputes/{dispute['id']}").json()["status"] == "closed"

    for wrong in ("pi_3Nf8kLm2aB9xQ7", "dp_", "dp_1%2Fclose", f"{dispute['id']}/nothing"):
        missing = api.get(f"/v1/connect/disputes/{wrong}")
        assert missing.status_code == 404, (wrong, missing.text)
        assert missing.json()["error"]["code"] == "resource_missing"
    not_allowed = api.delete(f"/v1/connect/disputes/{dispute['id']}")
    assert not_allowed.status_code == 405 and not_allowed.headers["allow"] == "GET"


def test_a_second_trigger_reuses_the_latest_object(api: httpx.Client) -> None:
    first = api.post("/_sandbox/events/trigger", json={"type": "dispute.created"}).json()
    second = api.post("/_sandbox/events/trigger", json={"type": "dispute.created"}).json()
    assert second["id"] != first["id"]
    assert second["data"]["object"]["id"] == first["data"]["object"]["id"]
    listed = api.get("/v1/events", params={"type": "dispute.created"}).json()["data"]
    assert [e["id"] for e in listed] == [second["id"], first["id"]]


def test_a_new_event_type_is_delivered_to_subscribed_endpoints(api: httpx.Client) -> None:
    receiver = WebhookReceiver()
    try:
        endpoint = api.post(
            "/v1/webhook_endpoints", json={"url": receiver.url, "enabled_events": ["dispute.created"]}
        )
        assert endpoint.status_code == 200, endpoint.text
        api.post("/_sandbox/events/trigger", json={"type": "dispute.created"})
        delivered = wait_for(lambda: receiver.events("dispute.created"))
        assert delivered[0].json()["data"]["object"]["object"] == "dispute"
        assert delivered[0].headers["molam-signature"].startswith("t=")
    finally:
        receiver.close()


def test_a_new_enum_value_is_a_list_filter(api: httpx.Client, sandbox: SandboxProcess) -> None:
    answer = api.get("/v1/treasury/payouts", params={"status": "returned"})
    assert answer.status_code == 200 and answer.json()["data"] == []
    # The same request to a sandbox on today's spec is refused: the value came from the changed spec.
    with httpx.Client(
        base_url=sandbox.url, headers={"Authorization": f"Bearer {sandbox.api_key}"}, trust_env=False
    ) as today:
        assert today.get("/v1/treasury/payouts", params={"status": "returned"}).status_code == 400


def test_a_new_field_is_sent_and_a_removed_one_is_not(api: httpx.Client) -> None:
    created = api.post(
        "/v1/connect/payment_intents", json={"amount": 1500, "currency": "XOF", "merchant_id": "mer_1"}
    )
    assert created.status_code == 200, created.text
    for body in (created.json(), api.get(f"/v1/connect/payment_intents/{created.json()['id']}").json()):
        assert body["risk_score"] is None
        assert "merchant_id" not in body
    listed = api.get("/v1/connect/payment_intents").json()["data"][0]
    assert "risk_score" in listed and "merchant_id" not in listed
    event = api.post("/_sandbox/events/trigger", json={"type": "payment_intent.succeeded"})
    assert event.status_code == 200


def test_a_parameter_made_required_is_required(api: httpx.Client) -> None:
    wallets = [w["id"] for w in api.get("/v1/ma/wallets").json()["data"] if w["status"] == "active"]
    transfer = {"from_wallet": wallets[-1], "to_wallet": wallets[-2], "amount": 100, "currency": "XOF"}
    missing = api.post("/v1/ma/transfers", json=transfer)
    assert missing.status_code == 400, missing.text
    assert missing.json()["error"]["code"] == "parameter_missing"
    assert missing.json()["error"]["param"] == "description"
    assert api.post("/v1/ma/transfers", json={**transfer, "description": "rent"}).status_code == 200
    no_type = api.get("/v1/events")
    assert no_type.status_code == 400 and no_type.json()["error"]["param"] == "type"


@pytest.mark.slow
def test_a_spec_without_its_models_is_refused_at_start(drilled: SandboxProcess, tmp_path: Path) -> None:
    """Serving a changed spec with the packaged models would validate new bodies wrongly: exit 2, say why."""
    spec_arg = drilled.extra_args[drilled.extra_args.index("--spec") + 1]
    spec: Spec = yaml.load(Path(spec_arg).read_bytes(), Loader=yaml.CSafeLoader)
    spec["paths"]["/v1/connect/disputes/{id}/close"]["post"]["requestBody"] = {
        "required": False,
        "content": {"application/json": {"schema": _ref("CloseDisputeRequest")}},
    }
    spec["components"]["schemas"]["CloseDisputeRequest"] = {
        "type": "object",
        "properties": {"note": {"type": "string"}},
    }
    path = tmp_path / "molam.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "molam_sandbox", "--memory", "--port", "0", "--spec", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "CloseDisputeRequest" in result.stderr and "close_dispute" in result.stderr
