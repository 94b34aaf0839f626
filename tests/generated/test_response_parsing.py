"""A 2xx body that does not fit its model surfaces as `ResponseParseError`, a `MolamError`, never a bare
ValueError/KeyError/TypeError, and never quotes the body (it may hold secrets)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from pytest_httpx import HTTPXMock

from molam_sdk.resources import AsyncResources, SyncRawResources, SyncResources
from molam_sdk_ext import MolamError, ResponseParseError

from .spec_cases import load_spec, resolve

SPEC = load_spec()
REQUEST_ID = "req_parse_1"
SECRET = "pi_3Nf8kLm2aB9xQ7_secret_DoNotLeak42"


def example(name: str) -> dict[str, Any]:
    """A deep copy of components/examples/<name>.value from the spec."""
    value: dict[str, Any] = resolve(SPEC, {"$ref": f"#/components/examples/{name}"})["value"]
    return copy.deepcopy(value)


def intent(**changes: Any) -> dict[str, Any]:
    data = example("PaymentIntentSucceeded")
    data["client_secret"] = SECRET
    data.update(changes)
    return data


def respond(httpx_mock: HTTPXMock, *, content: bytes) -> None:
    httpx_mock.add_response(
        content=content, headers={"Content-Type": "application/json", "Molam-Request-Id": REQUEST_ID}
    )


def assert_no_body_in(error: ResponseParseError) -> None:
    for text in (str(error), repr(error), error.message):
        assert SECRET not in text
        assert "sneaky" not in text
    assert error.__cause__ is None and error.__suppress_context__  # no chained parser error quoting values


def test_a_missing_required_field_names_the_model_and_field(
    httpx_mock: HTTPXMock, resources: SyncResources
) -> None:
    data = intent()
    del data["amount"]
    respond(httpx_mock, content=json.dumps(data).encode())

    with pytest.raises(ResponseParseError) as caught:
        resources.payment_intents.retrieve("pi_1")

    error = caught.value
    assert isinstance(error, MolamError)
    assert isinstance(error, ValueError)  # as the generated parser's MissingFieldError was
    assert (error.model, error.field, error.status, error.request_id) == (
        "PaymentIntent",
        "amount",
        200,
        REQUEST_ID,
    )
    assert error.reason == "MissingFieldError"
    assert "PaymentIntent" in str(error) and "'amount'" in str(error) and REQUEST_ID in str(error)
    assert_no_body_in(error)


def test_a_nested_missing_field_names_the_nested_model(
    httpx_mock: HTTPXMock, resources: SyncResources
) -> None:
    data = example("PayoutPendingBankAccount")
    del data["beneficiary"]["account_number"]
    respond(httpx_mock, content=json.dumps(data).encode())

    with pytest.raises(ResponseParseError) as caught:
        resources.payouts.retrieve("po_1")

    assert (caught.value.model, caught.value.field) == ("Payout", "account_number")
    assert "BankAccountBeneficiary" in str(caught.value)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<html>502 Bad Gateway</html>", "JSONDecodeError"),
        (b"\x80 not utf-8", "UnicodeDecodeError"),
        (b"", "JSONDecodeError"),
        (b'["a", "list"]', "ValueError"),
        (b"42", "TypeError"),
        (json.dumps(intent(object="sneaky_object")).encode(), "ValueError"),
        (json.dumps(intent(metadata=["sneaky"])).encode(), "ValueError"),
        (json.dumps(intent(status={"sneaky": 1})).encode(), "ValueError"),
    ],
    ids=[
        "html",
        "not-utf8",
        "empty",
        "a-list",
        "a-number",
        "wrong-const",
        "wrong-shape",
        "not-a-string-enum",
    ],
)
def test_bodies_that_do_not_fit_raise_response_parse_error(
    content: bytes, reason: str, httpx_mock: HTTPXMock, resources: SyncResources
) -> None:
    respond(httpx_mock, content=content)

    with pytest.raises(ResponseParseError) as caught:
        resources.payment_intents.retrieve("pi_1")

    assert caught.value.reason == reason
    assert caught.value.model == "PaymentIntent"
    assert caught.value.field is None
    assert_no_body_in(caught.value)


def test_raw_responses_raise_it_too(httpx_mock: HTTPXMock, raw_resources: SyncRawResources) -> None:
    respond(httpx_mock, content=b"not json")

    with pytest.raises(ResponseParseError) as caught:
        raw_resources.payment_intents.create(amount=100, currency="XOF")

    assert caught.value.status == 200


def test_a_page_raises_it_for_the_envelope(httpx_mock: HTTPXMock, resources: SyncResources) -> None:
    respond(httpx_mock, content=json.dumps({"object": "list", "data": [], "has_more": False}).encode())

    with pytest.raises(ResponseParseError) as caught:
        resources.payment_intents.list()

    assert (caught.value.model, caught.value.field) == ("PaymentIntentList", "next_cursor")


async def test_async_resources_raise_it(httpx_mock: HTTPXMock, async_resources: AsyncResources) -> None:
    data = intent()
    del data["currency"]
    respond(httpx_mock, content=json.dumps(data).encode())

    with pytest.raises(ResponseParseError) as caught:
        await async_resources.payment_intents.capture("pi_1")

    assert caught.value.field == "currency"
    assert_no_body_in(caught.value)


def test_unknown_values_are_still_not_errors(httpx_mock: HTTPXMock, resources: SyncResources) -> None:
    respond(httpx_mock, content=json.dumps(intent(status="brand_new", surprise={"x": 1})).encode())

    parsed = resources.payment_intents.retrieve("pi_1")

    assert parsed.status.is_unknown and parsed.status == "brand_new"
    assert parsed["surprise"] == {"x": 1}
