"""The resource commands are generated from the spec: one per operation, options from its fields, and a spec
change reaches the CLI by `make generate` alone (a mutated copy regenerated into a temporary tree)."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pytest

from molam_sdk.commands import GROUPS
from molam_sdk.models import EventType
from molam_sdk_ext.cli import aliases
from molam_sdk_ext.cli.exit_codes import ExitCode
from molam_sdk_ext.client import Molam
from tests.drill.harness import Spec, load_spec, operation, regenerate, run, schema
from tests.support.cli import Cli

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def spec_operations(spec: Spec) -> list[tuple[str, str]]:
    """(namespace with dashes, x-molam-method with dashes) of every operation of `spec`."""
    namespaces = {tag["name"]: tag["x-molam-namespace"] for tag in spec["tags"]}
    return sorted(
        (namespaces[op["tags"][0]].replace("_", "-"), op["x-molam-method"].replace("_", "-"))
        for item in spec["paths"].values()
        for method, op in item.items()
        if method in HTTP_METHODS
    )


def test_every_operation_of_the_spec_has_a_command(cli: Cli) -> None:
    expected = spec_operations(load_spec())
    generated = sorted((group.name, command.name) for group in GROUPS for command in group.commands)
    assert generated == expected and len(generated) == 35
    for group in {name for name, _ in expected}:
        listed = cli(group, "--help")
        assert listed.exit_code == 0, listed.stderr
        for name in (command for g, command in expected if g == group):
            assert cli(group, name, "--help").exit_code == 0, (group, name)
            assert name in listed.stdout


def test_every_command_calls_its_resource_method_with_its_own_keyword_arguments() -> None:
    client = Molam(api_key="sk_test_signature_check", base_url="http://127.0.0.1:9")
    try:
        for group in GROUPS:
            for command in group.commands:
                method = getattr(getattr(client, group.resource), command.method)
                accepted = set(inspect.signature(method).parameters)
                assert {field.name for field in command.fields} <= accepted, (group.name, command.name)
                assert ("idempotency_key" in accepted) == command.idempotent
    finally:
        client.close()


def test_the_hand_written_aliases_name_fields_of_the_spec() -> None:
    """An alias whose field left the spec is skipped at run time; here it fails, so it gets removed."""
    fields = {(g.name, c.name, f.name) for g in GROUPS for c in g.commands for f in c.fields}
    commands = {(g.name, c.name) for g in GROUPS for c in g.commands}
    assert set(aliases.OPTION_ALIASES) <= fields
    assert set(aliases.VALIDATORS) <= fields
    assert {(*key, ext.field) for key, ext in aliases.EXTENSIONS.items()} <= fields
    assert set(aliases.GROUP_ALIASES.values()) <= {g.name for g in GROUPS}
    assert all(any(c == target for _, c in commands) for target in aliases.COMMAND_ALIASES.values())


def test_data_sets_nested_fields_and_refuses_unknown_ones(cli: Cli) -> None:
    payout = cli.ok(
        "payouts", "create", "--origin-module", "treasury", "--origin-entity-id", "treasury_main",
        "--amount", "250", "--currency", "XOF", "-d", "beneficiary[type]=mobile_money",
        "-d", "beneficiary[provider]=wave", "-d", "beneficiary[msisdn]=+221771234567",
        "-d", "beneficiary[account_holder]=Awa Ndiaye", "-d", "metadata[order_id]=1042", "-m", "channel=cli",
    )  # fmt: skip
    assert payout["amount"] == 250 and payout["beneficiary"]["provider"] == "wave"
    assert payout["metadata"] == {"order_id": "1042", "channel": "cli"}
    intent = cli.ok(
        "payment-intents", "create", "-d", "amount=12.50", "-d", "currency=GHS", "-d", "confirm=false"
    )
    assert intent["amount"] == 1250 and intent["currency"] == "GHS"  # -d values are typed like the options
    for bad in (
        ("-d", "nope=1"),  # not a field
        ("-d", "amount"),  # not key=value
        ("-d", "currency[x]=GHS"),  # a scalar has no sub keys
        ("-d", "metadata=1"),  # a map needs [key]
        ("-d", "amount=1", "--amount", "1"),  # given twice
        ("-d", "confirm=maybe"),  # not a boolean
        ("--capture-method", "later"),  # not one of the enum's values
    ):
        run = cli("payment-intents", "create", "--amount", "1", "--currency", "XOF", *bad[:2], *bad[2:])
        assert run.exit_code == ExitCode.USAGE, (bad, run.stdout, run.stderr)
    with cli.client() as molam:
        assert [p.id for p in molam.payment_intents.list()] == [intent["id"]]  # nothing else was sent


def test_missing_required_fields_and_currencies_are_usage_errors(cli: Cli) -> None:
    no_beneficiary = cli(
        "payouts", "create", "--origin-module", "ma", "--from", "wal_1", "--amount", "1", "--currency", "XOF"
    )
    assert no_beneficiary.exit_code == ExitCode.USAGE and "beneficiary" in no_beneficiary.stderr
    no_currency = cli("payment-intents", "create", "--amount", "1")
    assert no_currency.exit_code == ExitCode.USAGE and "--currency" in no_currency.stderr
    unknown_source = cli("refunds", "create", "--amount", "1.00")  # major units of which payment?
    assert unknown_source.exit_code == ExitCode.USAGE and "payment-intent or charge" in unknown_source.stderr


def test_the_other_resources_through_their_generated_commands(cli: Cli) -> None:
    wanted = [EventType.PAYOUT_PAID.value, EventType.REFUND_PROCESSED.value]
    endpoint = cli.ok(
        "webhook-endpoints", "create", "--url", "http://127.0.0.1:9/hooks", "--enabled-events", wanted[0],
        "--enabled-events", wanted[1], "--description", "Shop",
    )  # fmt: skip
    assert endpoint["enabled_events"] == wanted and endpoint["secret"]
    updated = cli.ok("webhook-endpoints", "update", endpoint["id"], "--status", "disabled")
    assert updated["status"] == "disabled"
    rotated = cli.ok("webhook-endpoints", "rotate-secret", endpoint["id"])
    assert rotated["kid"] != endpoint["kid"]
    assert cli.ok("webhook-endpoints", "list-deliveries", endpoint["id"])["data"] == []
    assert [e["id"] for e in cli.ok("webhook-endpoints", "list")["data"]] == [endpoint["id"]]
    assert cli.ok("webhook-endpoints", "delete", endpoint["id"])["deleted"] is True
    onboarding = cli.ok(
        "merchant-onboarding", "create", "--business-name", "Adom Crafts", "--country", "GH",
        "--email", "owner@adom.example", "--business-type", "company",
    )  # fmt: skip
    assert cli.ok("merchant-onboarding", "retrieve", onboarding["id"])["business_name"] == "Adom Crafts"
    assert "available" in cli.ok("balances", "retrieve")
    intent = cli.ok(
        "payment-intents", "create", "--amount", "30.00", "--currency", "USD", "--payment-method", "pm_card_visa",
        "--confirm",
    )  # fmt: skip
    charge = cli.ok("charges", "retrieve", intent["latest_charge"])
    assert [c["id"] for c in cli.ok("charges", "list", "--payment-intent", intent["id"])["data"]] == [
        charge["id"]
    ]
    refund = cli.ok("charges", "refund", charge["id"], "--amount", "2.50")  # USD, looked up from the charge
    assert refund["amount"] == 250 and refund["charge"] == charge["id"]
    assert cli.ok("payment-intents", "update", intent["id"], "-m", "k=v")["metadata"] == {"k": "v"}


# --- the CLI follows the spec: a mutated copy regenerated into a temporary tree --------------------------


def cli_in(tree: Path, *args: str) -> dict[str, Any]:
    """`molam ARGS` run in a fresh interpreter whose molam_sdk is `tree`'s: exit code and output."""
    seen: dict[str, Any] = run(
        tree,
        f"""
        import json
        from typer.testing import CliRunner
        from molam_sdk_ext.cli import app
        result = CliRunner().invoke(app, {list(args)!r}, env={{"COLUMNS": "200"}})
        print(json.dumps({{"code": result.exit_code, "out": result.stdout + result.stderr}}))
        """,
    )
    return seen


@pytest.mark.slow
@pytest.mark.drill
def test_a_new_body_field_and_a_renamed_filter_become_options(tmp_path: Path) -> None:
    def mutate(spec: Spec) -> None:
        schema(spec, "CreatePaymentIntentRequest")["properties"]["statement_descriptor"] = {
            "type": "string",
            "maxLength": 22,
            "description": "Text on the customer's statement.",
        }
        for parameter in operation(spec, "list_payment_intents")["parameters"]:
            if parameter.get("name") == "customer_id":
                parameter["name"] = "customer"

    _, tree = regenerate(mutate, tmp_path)
    create = cli_in(tree, "payment-intents", "create", "--help")
    assert create["code"] == 0 and "--statement-descriptor" in create["out"]
    assert "Text on the customer's statement." in create["out"]
    listing = cli_in(tree, "payments", "list", "--help")
    assert listing["code"] == 0 and "--customer " in listing["out"] and "--customer-id" not in listing["out"]
    gone = cli_in(tree, "payments", "list", "--customer-id", "cus_1")
    assert gone["code"] == ExitCode.USAGE and "No such option" in gone["out"]


def _customers(spec: Spec) -> None:
    """A Customers resource (CRUD, `cus_` ids) under the tag namespace `customers`."""
    ok = {
        "description": "The customer.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Customer"}}},
    }
    fields = {
        "email": {"type": "string", "format": "email", "description": "Where receipts go."},
        "name": {"type": "string", "maxLength": 200, "description": "The customer's full name."},
        "metadata": {"$ref": "#/components/schemas/Metadata"},
    }
    spec["tags"].append(
        {"name": "Customers", "description": "Your customers (`cus_`).", "x-molam-namespace": "customers"}
    )
    schemas = spec["components"]["schemas"]
    schemas["Customer"] = {
        "type": "object",
        "x-molam-id-prefix": "cus_",
        "description": "A customer.",
        "required": ["id", "object", "created"],
        "properties": {
            "id": {"type": "string", "pattern": "^cus_[A-Za-z0-9]+$", "description": "Its id."},
            "object": {"type": "string", "const": "customer", "description": "Always `customer`."},
            "created": {"type": "integer", "description": "Unix seconds."},
            **fields,
        },
    }
    schemas["CreateCustomerRequest"] = {
        "type": "object",
        "description": "A new customer.",
        "required": ["email"],
        "properties": fields,
    }
    schemas["UpdateCustomerRequest"] = {"type": "object", "description": "Changes.", "properties": fields}
    schemas["CustomerList"] = {**schemas["WalletList"], "description": "A page of customers."}
    schemas["CustomerList"]["properties"] = {
        **schemas["WalletList"]["properties"], "data": {"type": "array", "items": {"$ref": "#/components/schemas/Customer"}}
    }  # fmt: skip
    schemas["DeletedCustomer"] = {
        "type": "object",
        "description": "A deleted customer.",
        "required": ["id", "deleted"],
        "properties": {"id": {"type": "string"}, "deleted": {"type": "boolean"}},
    }
    id_param = {"name": "id", "in": "path", "required": True, "description": "The customer's id.",
                "schema": {"type": "string", "pattern": "^cus_[A-Za-z0-9]+$"}}  # fmt: skip

    def op(method: str, summary: str, response: dict[str, Any], **extra: Any) -> dict[str, Any]:
        return {"operationId": f"{method}_customer", "x-molam-method": method, "tags": ["Customers"],
                "summary": summary, "responses": {"200": response}, **extra}  # fmt: skip

    def body(name: str) -> dict[str, Any]:
        return {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
        }

    page = {
        "description": "A page.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerList"}}},
    }
    gone = {
        "description": "Deleted.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DeletedCustomer"}}},
    }
    listing = operation(spec, "list_wallets")["parameters"]
    spec["paths"]["/v1/customers"] = {
        "post": op("create", "Create a customer", ok, requestBody=body("CreateCustomerRequest")),
        "get": {**op("list", "List customers", page, parameters=listing), "operationId": "list_customers"},
    }
    spec["paths"]["/v1/customers/{id}"] = {
        "get": op("retrieve", "Retrieve a customer", ok, parameters=[id_param]),
        "post": op(
            "update",
            "Update a customer",
            ok,
            parameters=[id_param],
            requestBody=body("UpdateCustomerRequest"),
        ),
        "delete": op("delete", "Delete a customer", gone, parameters=[id_param]),
    }


@pytest.mark.slow
@pytest.mark.drill
def test_a_new_resource_is_a_new_command_group(tmp_path: Path) -> None:
    spec_path, tree = regenerate(_customers, tmp_path)
    import yaml

    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    assert len(spec_operations(spec)) == 40
    group = cli_in(tree, "customers", "--help")
    assert group["code"] == 0 and "Your customers" in group["out"]
    for command in ("create", "list", "retrieve", "update", "delete"):
        assert command in group["out"]
    create = cli_in(tree, "customers", "create", "--help")
    assert create["code"] == 0 and "--email" in create["out"] and "Where receipts go." in create["out"]
    assert "ID" in cli_in(tree, "customers", "update", "--help")["out"]
    missing = cli_in(tree, "customers", "create", "--name", "Awa")
    assert missing["code"] == ExitCode.USAGE and "missing --email" in missing["out"]
    counted = run(
        tree,
        """
        import json
        from molam_sdk.commands import GROUPS
        print(json.dumps(sum(len(group.commands) for group in GROUPS)))
        """,
    )
    assert counted == 40
    assert json.loads(json.dumps(counted)) == len(spec_operations(spec))
