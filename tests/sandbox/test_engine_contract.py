"""The engine's contract with the spec, in process: what it refuses at load, what it refuses per request, and a
drifting plug-in caught by response validation (the sandbox's answers are checked, not trusted)."""

from __future__ import annotations

import copy
import secrets
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
import pytest_asyncio

from molam_sandbox.app import Sandbox
from molam_sandbox.engine import Call, Engine, Plugins, SpecError
from molam_sandbox.plugins import PLUGINS
from molam_sandbox.spec import ApiSpec, default_spec_path, load_api, load_models
from molam_sandbox.state import Database

Doc = dict[str, Any]
Spec = dict[str, Any]


def _spec(mutate: Callable[[Spec], object] | None = None) -> ApiSpec:
    raw: Spec = copy.deepcopy(dict(load_api().raw))
    if mutate is not None:
        mutate(raw)
    return ApiSpec(raw, path=default_spec_path())


def _client(api: ApiSpec, plugins: Plugins) -> httpx.AsyncClient:
    engine = Engine(api, load_models(), plugins, strict_responses=True)
    db = Database(None, tables={table: r.prefix for table, r in api.by_table.items()})
    app = Sandbox(api=api, engine=engine, db=db).asgi()
    key = "sk_test_" + secrets.token_hex(12)
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://127.0.0.1:12111",
        headers={"Authorization": f"Bearer {key}"},
    )


@pytest_asyncio.fixture
async def sandbox_api() -> AsyncIterator[httpx.AsyncClient]:
    """The real spec and plug-ins, strict."""
    async with _client(_spec(), PLUGINS) as client:
        yield client


def _post(body: Doc) -> dict[str, Any]:
    return {"json": body, "headers": {"Idempotency-Key": secrets.token_hex(8)}}


async def test_a_plugin_answering_in_the_wrong_type_is_a_500_naming_the_pointer() -> None:
    drifting = Plugins(writes=dict(PLUGINS.writes), reads=dict(PLUGINS.reads))

    def create(call: Call) -> Doc:
        decided = {"status": "requires_payment_method", "amount_received": 0, "capture_method": "automatic"}
        doc = call.insert(call.new_object(**decided)).doc
        return {**doc, "amount": str(doc["amount"])}  # a plug-in still serving an old type

    drifting.writes["create_payment_intent"] = create
    async with _client(_spec(), drifting) as client:
        response = await client.post(
            "/v1/connect/payment_intents", **_post({"amount": 500, "currency": "XOF"})
        )
    assert response.status_code == 500, response.text
    error = response.json()["error"]
    assert error["code"] == "response_invalid"
    assert "create_payment_intent" in error["message"] and "at /amount" in error["message"]
    assert "expected type 'integer'" in error["message"]


async def test_unknown_query_parameters_and_body_fields_are_refused(sandbox_api: httpx.AsyncClient) -> None:
    listed = await sandbox_api.get("/v1/connect/payment_intents", params={"customerid": "cus_1"})
    assert listed.status_code == 400
    assert listed.json()["error"] | {"message": ""} == {
        "type": "invalid_request_error",
        "code": "parameter_unknown",
        "param": "customerid",
        "message": "",
        "request_id": listed.json()["error"]["request_id"],
    }
    nested = await sandbox_api.post(
        "/v1/treasury/payouts",
        **_post(
            {
                "origin_module": "treasury",
                "origin_entity_id": "treasury_main",
                "amount": 100,
                "currency": "XOF",
                "beneficiary": {
                    "type": "mobile_money",
                    "provider": "wave",
                    "msisdn": "+221771234567",
                    "account_holder": "Awa",
                    "iban": None,
                },
            }
        ),
    )
    assert nested.status_code == 400 and nested.json()["error"]["param"] == "beneficiary.iban"
    metadata = await sandbox_api.post(
        "/v1/connect/payment_intents",
        **_post({"amount": 500, "currency": "XOF", "metadata": {"any_key": "ok"}}),
    )
    assert metadata.status_code == 200, metadata.text  # a free-form map accepts any key


def test_a_filter_that_matches_no_field_refuses_the_spec() -> None:
    def rename(raw: Spec) -> None:
        raw["components"]["parameters"]["PaymentIntentFilter"]["name"] = "payment"

    with pytest.raises(SpecError, match="list_refunds: query parameter 'payment' matches no field of Refund"):
        Engine(_spec(rename), load_models(), PLUGINS)


def test_filter_fields_must_exist_and_plugins_must_have_an_operation() -> None:
    def misname(raw: Spec) -> None:
        for param in raw["paths"]["/v1/ma/transfers"]["get"]["parameters"]:
            if param.get("name") == "wallet":
                param["x-molam-filter-fields"] = ["from_wallet", "to_wallett"]

    with pytest.raises(SpecError, match="names to_wallett, not field"):
        Engine(_spec(misname), load_models(), PLUGINS)
    orphan = Plugins(writes={**PLUGINS.writes, "close_dispute": PLUGINS.writes["create_payment_intent"]})
    with pytest.raises(SpecError, match="close_dispute, which the spec does not have"):
        Engine(_spec(), load_models(), orphan)


async def test_declared_lifecycle_events_are_recorded_by_convention() -> None:
    def declare(raw: Spec) -> None:
        for verb in ("created", "updated", "deleted"):
            hook = copy.deepcopy(raw["webhooks"]["transfer.completed"])
            media = hook["post"]["requestBody"]["content"]["application/json"]
            event = copy.deepcopy(raw["components"]["schemas"]["TransferCompletedEvent"])
            event["properties"]["data"] = {
                "type": "object",
                "required": ["object"],
                "properties": {"object": {"$ref": "#/components/schemas/WebhookEndpoint"}},
            }
            event["properties"]["type"] = {"type": "string", "const": f"webhook_endpoint.{verb}"}
            raw["components"]["schemas"][f"WebhookEndpoint{verb.title()}Event"] = event
            media["schema"] = {"$ref": f"#/components/schemas/WebhookEndpoint{verb.title()}Event"}
            media.pop("examples", None)
            raw["webhooks"][f"webhook_endpoint.{verb}"] = hook

    async with _client(_spec(declare), PLUGINS) as client:
        created = await client.post(
            "/v1/webhook_endpoints",
            **_post({"url": "http://127.0.0.1:9/hooks", "enabled_events": ["transfer.completed"]}),
        )
        assert created.status_code == 200, created.text
        endpoint = created.json()["id"]
        updated = await client.post(f"/v1/webhook_endpoints/{endpoint}", **_post({"description": "orders"}))
        assert updated.status_code == 200, updated.text
        assert (await client.delete(f"/v1/webhook_endpoints/{endpoint}")).status_code == 200
        events = (await client.get("/v1/events", params={"limit": 10})).json()["data"]
    seen = [(e["type"], e["data"]["object"]["id"]) for e in reversed(events)]
    assert seen == [(f"webhook_endpoint.{verb}", endpoint) for verb in ("created", "updated", "deleted")]
    deleted = events[0]["data"]["object"]
    assert (
        deleted["description"] == "orders" and "secret" not in deleted
    )  # the object as it was, never a secret
