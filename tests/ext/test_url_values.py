"""Path ids and query values are checked for encodability and length before sending (issue 21, item 5).

Before the fix `retrieve("a" * 70000)` and `list(starting_after="a" * 70000)` escaped as `httpx.InvalidURL`
(sync, async and the legacy clients alike, and the CLI printed "unexpected InvalidURL"), and a query integer
too long to print escaped as `ValueError`. Now each is a `ValidationError` naming the parameter, raised by the
client (the requester) before the request reaches the transport stack.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from molam_sdk_ext import AsyncMolam, Molam, MolamError, ValidationError
from molam_sdk_ext.encoding import MAX_URL_LENGTH, PATH_PARAMETER
from molam_sdk_ext.legacy import Config, MolamAsyncClient, MolamClient
from tests.support.transport import TEST_KEY

LONG = "a" * 70000
NOWHERE = "http://127.0.0.1:9"  # nothing listens: a request that was sent would fail as a connection error

_PAGE = {"object": "list", "data": [], "has_more": False, "next_cursor": None}


class Counting:
    """A MockTransport handler answering an empty page and counting what reached it."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return httpx.Response(200, json=_PAGE)


CASES: list[tuple[str, str, tuple[Any, ...], dict[str, Any], str]] = [
    ("payment_intents", "retrieve", (LONG,), {}, "id"),
    ("payment_intents", "confirm", (LONG,), {"payment_method": "pm_card_visa"}, "id"),
    ("webhook_endpoints", "delete", ("we_" + LONG,), {}, "id"),
    ("payment_intents", "list", (), {"starting_after": LONG}, "starting_after"),
    ("events", "list", (), {"type": "é" * 5000}, "type"),  # 10 KB once percent-encoded
    ("payment_intents", "list", (), {"customer_id": "cus_\ud800"}, "customer_id"),
    ("payment_intents", "list", (), {"starting_after": "pi_\udfff" * 3000}, "starting_after"),
    ("payment_intents", "list", (), {"created_gte": 10**5000}, "created_gte"),
    ("payment_intents", "create", (), {"amount": 10**5000, "currency": "XOF"}, "amount"),
]


@pytest.mark.parametrize(("resource", "method", "args", "kwargs", "param"), CASES)
def test_sync_refuses_unsendable_ids_and_query_values(
    resource: str, method: str, args: tuple[Any, ...], kwargs: dict[str, Any], param: str
) -> None:
    counting = Counting()
    with (
        Molam(TEST_KEY, transport=httpx.MockTransport(counting), telemetry=False) as molam,
        pytest.raises(ValidationError) as info,
    ):
        getattr(getattr(molam, resource), method)(*args, **kwargs)
    assert info.value.param == param
    assert counting.calls == 0
    assert len(str(info.value)) < 300  # names the parameter and a length, never echoes the value


@pytest.mark.parametrize(("resource", "method", "args", "kwargs", "param"), CASES)
async def test_async_refuses_unsendable_ids_and_query_values(
    resource: str, method: str, args: tuple[Any, ...], kwargs: dict[str, Any], param: str
) -> None:
    counting = Counting()
    async with AsyncMolam(TEST_KEY, transport=httpx.MockTransport(counting), telemetry=False) as molam:
        with pytest.raises(ValidationError) as info:
            await getattr(getattr(molam, resource), method)(*args, **kwargs)
    assert info.value.param == param
    assert counting.calls == 0


def test_values_that_fit_are_sent() -> None:
    counting = Counting()
    with Molam(TEST_KEY, transport=httpx.MockTransport(counting), telemetry=False) as molam:
        molam.payment_intents.list(starting_after="a" * 8000, limit=10)
        molam.events.list(type="é" * 1000)
        molam.payment_intents.list(created_gte=2**62)
    assert counting.calls == 3
    with (
        Molam(TEST_KEY, transport=httpx.MockTransport(counting), telemetry=False) as molam,
        pytest.raises(ValidationError) as info,
    ):
        molam.payment_intents.list(starting_after="a" * MAX_URL_LENGTH)
    assert info.value.param == "starting_after" and str(MAX_URL_LENGTH) in str(info.value)


def test_a_lone_surrogate_in_an_id_is_a_validation_error() -> None:
    counting = Counting()
    with (
        Molam(TEST_KEY, transport=httpx.MockTransport(counting), telemetry=False) as molam,
        pytest.raises(ValidationError) as info,
    ):
        molam.payment_intents.retrieve("\ud800")
    assert info.value.param == "id" and counting.calls == 0


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_legacy_clients_refuse_them_too() -> None:
    client = MolamClient(Config(api_key=TEST_KEY, api_base=NOWHERE))
    with pytest.raises(MolamError) as info:
        client.retrieve_payment_intent(LONG)
    assert isinstance(info.value, ValidationError) and info.value.param == "id"
    with pytest.raises(MolamError) as listed:
        client.list_payment_intents(starting_after=LONG)
    assert isinstance(listed.value, ValidationError) and listed.value.param == "starting_after"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_legacy_async_client_refuses_them_too() -> None:
    client = MolamAsyncClient(Config(api_key=TEST_KEY, api_base=NOWHERE))
    with pytest.raises(MolamError) as info:
        await client.retrieve_payment_intent(LONG)
    assert isinstance(info.value, ValidationError) and info.value.param == "id"


@pytest.mark.slow
def test_cli_reports_a_usage_error_not_an_unexpected_one() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "molam_sdk_ext.cli",
            "--api-base",
            NOWHERE,
            "payment-intents",
            "retrieve",
            LONG,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr[-500:]
    assert "unexpected" not in done.stderr and "param=id" in done.stderr
    assert LONG not in done.stderr + done.stdout


@pytest.mark.slow  # the whole spec through PyYAML's pure-Python loader: 1 s
def test_every_path_parameter_of_the_spec_is_an_id() -> None:
    """`PATH_PARAMETER` names path values in errors: it is right only while every path parameter is `id`."""
    spec = yaml.safe_load((Path(__file__).resolve().parents[2] / "spec" / "molam.yaml").read_text())
    names = set()
    for parameter in spec["components"]["parameters"].values():
        if parameter.get("in") == "path":
            names.add(parameter["name"])
    for item in spec["paths"].values():
        for operation in [item, *(v for v in item.values() if isinstance(v, dict))]:
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path":
                    names.add(parameter["name"])
    assert names == {PATH_PARAMETER}
