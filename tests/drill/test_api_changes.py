"""Four API changes made as the API team makes them, followed by `make generate` alone, seen as users see them.

Each change edits a copy of spec/molam.yaml; the whole generated tree is rendered for it by
`generator.codegen.generate.generate_tree` (what `make generate` runs: molam_sdk/, the sandbox models, the EventType
enum from the webhooks); a real sandbox process serves that spec with that tree's generated code, validating
every response against it; the SDK (the tree's molam_sdk under the repository's molam_sdk_ext) and the `molam`
command talk to it over HTTP. No hand-written file is touched:

- a new optional field (``statement_descriptor``) in the create request and the response: sent back as sent;
- a changed type (``Payout.arrival_date`` from Unix seconds to a ``date``): served and parsed as a date;
- a renamed field (``customer_id`` -> ``customer``) in the request, the response and the list filter: the filter
  filters and the old name is a 400; the filter renamed alone is refused when the sandbox loads the spec;
- a new resource (``Customers``: CRUD, ``cus_`` ids, webhook ``customer.created``): served, subscribable,
  emitted on create, and reachable as ``molam customers ...``.
"""

from __future__ import annotations

import copy
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from molam_sandbox.server import SandboxProcess, SandboxStartError
from tests.drill.harness import ROOT, Spec, regenerate, run, schema
from tests.support.receivers import WebhookReceiver
from tests.support.waiting import wait_for

pytestmark = [pytest.mark.drill, pytest.mark.integration]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


# -- the changes -------------------------------------------------------------------------------------------------


def add_statement_descriptor(spec: Spec) -> None:
    """A new optional field in the create request and in the PaymentIntent it returns."""
    field = {"type": "string", "maxLength": 22, "description": "Shown on the customer's statement."}
    schema(spec, "CreatePaymentIntentRequest")["properties"]["statement_descriptor"] = field
    schema(spec, "PaymentIntent")["properties"]["statement_descriptor"] = {
        **field,
        "type": ["string", "null"],
    }


def arrival_date_as_date(spec: Spec) -> None:
    """`Payout.arrival_date` changes from Unix seconds to a calendar date."""
    schema(spec, "Payout")["properties"]["arrival_date"] = {
        "type": ["string", "null"],
        "format": "date",
        "description": "The day the funds are expected (or arrived).",
    }


def _list_payment_intents(spec: Spec) -> dict[str, Any]:
    found: dict[str, Any] = spec["paths"]["/v1/connect/payment_intents"]["get"]
    return found


def rename_customer_filter(spec: Spec) -> None:
    """Only the list filter `customer_id` is renamed `customer` (no field of that name to match)."""
    for param in _list_payment_intents(spec)["parameters"]:
        if param.get("name") == "customer_id":
            param["name"] = "customer"


def rename_customer(spec: Spec) -> None:
    """`customer_id` renamed `customer` in the create request, the PaymentIntent and the list filter."""
    rename_customer_filter(spec)
    for name in ("CreatePaymentIntentRequest", "PaymentIntent"):
        node = schema(spec, name)
        node["properties"]["customer"] = node["properties"].pop("customer_id")
        if "customer_id" in node.get("required", []):
            node["required"][node["required"].index("customer_id")] = "customer"


CUSTOMER_EXAMPLE = {
    "id": "cus_8Jd3Xe1Mr5Yq",
    "object": "customer",
    "name": "Awa Ndiaye",
    "email": "awa@example.sn",
    "metadata": {},
    "created": 1736935200,
    "livemode": False,
}


def add_customers(spec: Spec) -> None:
    """A new resource with CRUD, `cus_` ids and a `customer.created` webhook (one edit: no EventType entry)."""
    schemas = spec["components"]["schemas"]
    name = {"type": "string", "maxLength": 200, "description": "The customer's full name."}
    email = {"type": ["string", "null"], "maxLength": 200, "description": "Where receipts go."}
    schemas["Customer"] = {
        "type": "object",
        "x-molam-id-prefix": "cus_",
        "description": "Someone who pays you.",
        "required": ["id", "object", "name", "email", "metadata", "created", "livemode"],
        "properties": {
            "id": {"type": "string", "pattern": "^cus_[A-Za-z0-9]+$", "description": "Prefixed `cus_`."},
            "object": {"type": "string", "const": "customer", "description": "Always `customer`."},
            "name": name,
            "email": email,
            "metadata": _ref("Metadata"),
            "created": {"type": "integer", "format": "int64", "description": "Unix seconds."},
            "livemode": {"type": "boolean", "description": "`false` in the sandbox."},
        },
        "example": CUSTOMER_EXAMPLE,
    }
    schemas["CreateCustomerRequest"] = {
        "type": "object",
        "description": "Parameters to create a customer.",
        "required": ["name"],
        "properties": {"name": name, "email": email, "metadata": _ref("Metadata")},
    }
    schemas["UpdateCustomerRequest"] = {
        "type": "object",
        "description": "Parameters to update a customer.",
        "properties": {"name": name, "email": email, "metadata": _ref("Metadata")},
    }
    schemas["CustomerList"] = copy.deepcopy(schemas["PaymentIntentList"])
    schemas["CustomerList"]["description"] = "A page of customers."
    schemas["CustomerList"]["properties"]["data"] = {"type": "array", "items": _ref("Customer")}
    schemas["DeletedCustomer"] = {
        "type": "object",
        "description": "A deleted customer.",
        "required": ["id", "object", "deleted"],
        "properties": {
            "id": {"type": "string", "description": "The deleted customer's id."},
            "object": {"type": "string", "const": "customer", "description": "Always `customer`."},
            "deleted": {"type": "boolean", "const": True, "description": "Always `true`."},
        },
    }
    spec["tags"].append(
        {"name": "Customers", "description": "Customers (`cus_`).", "x-molam-namespace": "customers"}
    )
    template = spec["paths"]["/v1/connect/payment_intents"]
    create = copy.deepcopy(template["post"])
    create.update(operationId="create_customer", tags=["Customers"], summary="Create a customer")
    create["description"] = "Create a customer."
    create["requestBody"] = {
        "required": True,
        "content": {"application/json": {"schema": _ref("CreateCustomerRequest")}},
    }
    create["responses"]["200"]["content"] = {"application/json": {"schema": _ref("Customer")}}
    listing = copy.deepcopy(template["get"])
    listing.update(operationId="list_customers", tags=["Customers"], summary="List customers")
    listing["description"] = "List customers, newest first."
    listing["parameters"] = [p for p in listing["parameters"] if "$ref" in p]  # version, limit, cursor
    listing["parameters"].append(
        {"name": "email", "in": "query", "required": False, "schema": {"type": "string", "maxLength": 200}}
    )
    listing["responses"]["200"]["content"] = {"application/json": {"schema": _ref("CustomerList")}}
    item = spec["paths"]["/v1/connect/payment_intents/{id}"]
    retrieve = copy.deepcopy(item["get"])
    retrieve.update(operationId="retrieve_customer", tags=["Customers"], summary="Retrieve a customer")
    retrieve["description"] = "Retrieve a customer."
    retrieve["responses"]["200"]["content"] = {"application/json": {"schema": _ref("Customer")}}
    update = copy.deepcopy(item["post"])
    update.update(operationId="update_customer", tags=["Customers"], summary="Update a customer")
    update["description"] = "Update a customer's name, email or metadata."
    update["requestBody"] = {
        "required": False,
        "content": {"application/json": {"schema": _ref("UpdateCustomerRequest")}},
    }
    update["responses"]["200"]["content"] = {"application/json": {"schema": _ref("Customer")}}
    delete = copy.deepcopy(retrieve)
    delete.update(
        operationId="delete_customer", summary="Delete a customer", description="Delete a customer."
    )
    delete["x-molam-method"] = "delete"
    delete["responses"]["200"]["content"] = {"application/json": {"schema": _ref("DeletedCustomer")}}
    spec["paths"]["/v1/customers"] = {"post": create, "get": listing}
    spec["paths"]["/v1/customers/{id}"] = {
        "parameters": copy.deepcopy(item.get("parameters", [])),
        "get": retrieve,
        "post": update,
        "delete": delete,
    }
    event = copy.deepcopy(schemas["PaymentIntentSucceededEvent"])
    event["description"] = "`customer.created`: a customer was created."
    event["properties"]["type"] = {"type": "string", "const": "customer.created", "description": "Always."}
    event["properties"]["data"] = _ref("CustomerCreatedEventData")
    schemas["CustomerCreatedEvent"] = event
    schemas["CustomerCreatedEventData"] = {
        "type": "object",
        "description": "The customer that was created.",
        "required": ["object"],
        "properties": {"object": _ref("Customer")},
    }
    hook = copy.deepcopy(spec["webhooks"]["payment_intent.succeeded"])
    hook["post"].update(operationId="customer_created_webhook", summary="A customer was created")
    hook["post"]["description"] = "Sent when a customer is created."
    media = hook["post"]["requestBody"]["content"]["application/json"]
    media["schema"] = _ref("CustomerCreatedEvent")
    media["examples"] = {
        "event": {
            "value": {
                "id": "evt_7Cu5St3Om1Er9D",
                "object": "event",
                "type": "customer.created",
                "created": 1736935262,
                "api_version": spec["info"]["version"],
                "livemode": False,
                "data": {"object": CUSTOMER_EXAMPLE},
            }
        }
    }
    spec["webhooks"]["customer.created"] = hook


def _ids(spec: Spec) -> None:
    """Fix what the copies above carried over from payment intents (their retrieve/update's method names)."""
    item = spec["paths"].get("/v1/customers/{id}")
    if item is not None:
        item["get"]["x-molam-method"] = "retrieve"
        item["post"]["x-molam-method"] = "update"
    collection = spec["paths"].get("/v1/customers")
    if collection is not None:
        collection["post"]["x-molam-method"] = "create"
        collection["get"]["x-molam-method"] = "list"


def all_changes(spec: Spec) -> None:
    """The four changes of one API release."""
    add_statement_descriptor(spec)
    arrival_date_as_date(spec)
    rename_customer(spec)
    add_customers(spec)
    _ids(spec)


# -- the drilled world ------------------------------------------------------------------------------------------


class Drilled:
    """A regenerated tree, a sandbox serving its spec, and ways to reach it as a user."""

    def __init__(self, spec_path: Path, tree: Path, server: SandboxProcess) -> None:
        self.spec_path = spec_path
        self.tree = tree
        self.server = server

    def env(self, key: str) -> dict[str, str]:
        """What a user's process sees: the regenerated molam_sdk first, and the sandbox."""
        return {
            "PYTHONPATH": os.pathsep.join([str(self.tree), str(ROOT)]),
            "MOLAM_API_KEY": key,
            "MOLAM_API_BASE": self.server.url,
        }

    def python(self, key: str, code: str) -> Any:
        """Run SDK code in a fresh interpreter; its last printed line, as JSON."""
        return run(self.tree, code, env=self.env(key))

    def molam(self, key: str, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the `molam` command (the regenerated tree's) with `args`."""
        return subprocess.run(
            [sys.executable, "-m", "molam_sdk_ext.cli", *args],
            capture_output=True,
            text=True,
            env={**os.environ, **self.env(key), "COLUMNS": "200"},
            cwd=self.tree,
            timeout=60,
            check=False,
        )

    def http(self, key: str) -> httpx.Client:
        """Raw HTTP to the sandbox as the account of `key`."""
        return httpx.Client(
            base_url=self.server.url,
            headers={"Authorization": f"Bearer {key}"},
            timeout=10.0,
            trust_env=False,
        )


def _serve(spec_path: Path, tree: Path, log: Path) -> SandboxProcess:
    return SandboxProcess(
        extra_args=[
            "--spec",
            str(spec_path),
            "--models",
            str(tree / "molam_sandbox" / "models.py"),
            "--strict-responses",
        ],
        log_path=log,
    )


@pytest.fixture(scope="module")
def drilled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Drilled]:
    """The four changes generated and served (the sandbox runs on the regenerated molam_sdk)."""
    root = tmp_path_factory.mktemp("api-changes")
    spec_path, tree = regenerate(all_changes, root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONPATH", os.pathsep.join([str(tree), str(ROOT)]))
        server = _serve(spec_path, tree, root / "sandbox.log").start()
    try:
        yield Drilled(spec_path, tree, server)
    finally:
        server.stop()


def _key() -> str:
    return "sk_test_" + secrets.token_hex(12)


def _molam_json(drilled: Drilled, key: str, *args: str) -> Any:
    completed = drilled.molam(key, "--json", *args)
    assert completed.returncode == 0, (args, completed.stdout, completed.stderr[-3000:])
    return json.loads(completed.stdout)


# -- what users see ---------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_new_field_returns_the_value_sent(drilled: Drilled) -> None:
    key = _key()
    seen = drilled.python(
        key,
        """
        import json
        from molam_sdk_ext import Molam
        molam = Molam(max_retries=0)
        intent = molam.payment_intents.create(amount=1000, currency="XOF", statement_descriptor="TERANGA 1042")
        again = molam.payment_intents.retrieve(intent.id)
        print(json.dumps([intent.statement_descriptor, again.statement_descriptor]))
        """,
    )
    assert seen == ["TERANGA 1042", "TERANGA 1042"]
    created = _molam_json(
        drilled,
        key,
        "payment-intents",
        "create",
        "--amount",
        "150",
        "--currency",
        "XOF",
        "--statement-descriptor",
        "BOUTIQUE",
    )
    assert created["statement_descriptor"] == "BOUTIQUE"
    with drilled.http(key) as http:
        too_long = http.post(
            "/v1/connect/payment_intents",
            json={"amount": 1000, "currency": "XOF", "statement_descriptor": "x" * 23},
            headers={"Idempotency-Key": secrets.token_hex(8)},
        )
    assert too_long.status_code == 400 and too_long.json()["error"]["param"] == "statement_descriptor"


def test_changed_type_is_served_and_parsed_in_the_new_type(drilled: Drilled) -> None:
    seen = drilled.python(
        _key(),
        """
        import json
        from molam_sdk_ext import Molam
        molam = Molam(max_retries=0)
        payout = molam.payouts.create(
            origin_module="treasury", origin_entity_id="treasury_main", amount=1000, currency="XOF",
            beneficiary={"type": "mobile_money", "provider": "wave", "msisdn": "+221771234567",
                         "account_holder": "Awa Ndiaye"},
        )
        listed = next(iter(molam.payouts.list(limit=1)))
        print(json.dumps([payout.arrival_date.isoformat(), listed.arrival_date.isoformat()]))
        """,
    )
    day, listed_day = seen
    assert len(day) == 10 and day[4] == "-" and listed_day == day


def test_renamed_field_and_filter_filter_and_the_old_name_is_refused(drilled: Drilled) -> None:
    key = _key()
    seen = drilled.python(
        key,
        """
        import json
        from molam_sdk_ext import Molam
        molam = Molam(max_retries=0)
        a = molam.payment_intents.create(amount=1000, currency="XOF", customer="cus_A1")
        molam.payment_intents.create(amount=2000, currency="XOF", customer="cus_B2")
        mine = [pi.id for pi in molam.payment_intents.list(customer="cus_A1")]
        print(json.dumps([a.customer, mine, a.id]))
        """,
    )
    customer, mine, first = seen
    assert customer == "cus_A1" and mine == [first]
    with drilled.http(key) as http:
        old = http.get("/v1/connect/payment_intents", params={"customer_id": "cus_A1"})
        old_body = http.post(
            "/v1/connect/payment_intents",
            json={"amount": 1000, "currency": "XOF", "customer_id": "cus_A1"},
            headers={"Idempotency-Key": secrets.token_hex(8)},
        )
    assert old.status_code == 400 and old.json()["error"]["code"] == "parameter_unknown"
    assert old.json()["error"]["param"] == "customer_id"
    assert old_body.status_code == 400 and old_body.json()["error"]["param"] == "customer_id"
    listed = _molam_json(drilled, key, "payment-intents", "list", "--customer", "cus_B2")
    rows = listed["data"] if isinstance(listed, dict) else listed
    assert [row["customer"] for row in rows] == ["cus_B2"]


@pytest.mark.slow
def test_filter_renamed_alone_is_refused_when_the_sandbox_loads_the_spec(tmp_path: Path) -> None:
    spec_path, tree = regenerate(rename_customer_filter, tmp_path)
    server = _serve(spec_path, tree, tmp_path / "sandbox.log")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONPATH", os.pathsep.join([str(tree), str(ROOT)]))
        with pytest.raises(SandboxStartError) as refused:
            server.start()
    assert "list_payment_intents: query parameter 'customer' matches no field of PaymentIntent" in str(
        refused.value
    )


def test_new_resource_is_served_with_its_lifecycle_event(drilled: Drilled) -> None:
    key = _key()
    receiver = WebhookReceiver()
    with drilled.http(key) as http:
        endpoint = http.post(
            "/v1/webhook_endpoints",
            json={"url": receiver.url, "enabled_events": ["customer.created"]},
            headers={"Idempotency-Key": secrets.token_hex(8)},
        )
        assert endpoint.status_code == 200, endpoint.text
        seen = drilled.python(
            key,
            """
            import json
            from molam_sdk_ext import Molam
            molam = Molam(max_retries=0)
            created = molam.customers.create(name="Awa Ndiaye", email="awa@example.sn", metadata={"tier": "gold"})
            updated = molam.customers.update(created.id, name="Awa N.")
            listed = [c.id for c in molam.customers.list(email="awa@example.sn")]
            got = molam.customers.retrieve(created.id)
            deleted = molam.customers.delete(created.id)
            print(json.dumps([created.id, updated.name, listed, got.metadata["tier"], deleted.deleted]))
            """,
        )
        customer_id, name, listed, tier, deleted = seen
        assert customer_id.startswith("cus_") and name == "Awa N." and listed == [customer_id]
        assert tier == "gold" and deleted is True
        delivered = wait_for(lambda: receiver.events("customer.created"), timeout=10)
    receiver.close()
    assert delivered[0].json()["data"]["object"]["id"] == customer_id


@pytest.mark.slow
def test_new_resource_through_the_cli(drilled: Drilled) -> None:
    key = _key()
    created = _molam_json(
        drilled, key, "customers", "create", "--name", "Moussa Diop", "--email", "m@example.sn"
    )
    customer_id = created["id"]
    assert customer_id.startswith("cus_")
    assert _molam_json(drilled, key, "customers", "retrieve", customer_id)["name"] == "Moussa Diop"
    updated = _molam_json(drilled, key, "customers", "update", customer_id, "-d", "metadata[vip]=yes")
    assert updated["metadata"] == {"vip": "yes"}
    listed = _molam_json(drilled, key, "customers", "list")
    rows = listed["data"] if isinstance(listed, dict) else listed
    assert [row["id"] for row in rows] == [customer_id]
    assert _molam_json(drilled, key, "customers", "delete", customer_id)["deleted"] is True
