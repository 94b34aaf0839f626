"""Readable examples of the generated resource layer, on payment intents."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from molam_sdk.models import CaptureMethod, CreatePaymentIntentRequest, PaymentIntent, PaymentIntentStatus
from molam_sdk.pagination import SyncPage
from molam_sdk.resources import AsyncResources, SyncRawResources, SyncResources
from molam_sdk_ext.errors import BadRequestError, ValidationError

from .requester import BASE_URL, HttpxRequester
from .spec_cases import load_spec, resolve

SPEC = load_spec()
URL = f"{BASE_URL}/v1/connect/payment_intents"


def example(name: str) -> dict[str, Any]:
    """A deep copy of components/examples/<name>.value from the spec."""
    value: dict[str, Any] = resolve(SPEC, {"$ref": f"#/components/examples/{name}"})["value"]
    return copy.deepcopy(value)


def sent_json(request: httpx.Request) -> Any:
    return json.loads(request.content)


def page(items: list[dict[str, Any]], *, has_more: bool, next_cursor: str | None) -> dict[str, Any]:
    return {"object": "list", "data": items, "has_more": has_more, "next_cursor": next_cursor}


def intent(intent_id: str) -> dict[str, Any]:
    data = example("PaymentIntentSucceeded")
    data["id"] = intent_id
    return data


def test_create_sends_only_the_fields_given(httpx_mock: HTTPXMock, resources: SyncResources) -> None:
    httpx_mock.add_response(method="POST", url=URL, json=example("PaymentIntentRequiresPaymentMethod"))

    created = resources.payment_intents.create(amount=15000, currency="XOF", idempotency_key="order-1043")

    request = httpx_mock.get_request()
    assert request is not None
    assert sent_json(request) == {"amount": 15000, "currency": "XOF"}
    assert request.headers["Idempotency-Key"] == "order-1043"
    assert "Molam-Version" not in request.headers  # left to the client when not given
    assert isinstance(created, PaymentIntent)
    assert created.status is PaymentIntentStatus.REQUIRES_PAYMENT_METHOD


def test_create_accepts_plain_strings_and_dicts(httpx_mock: HTTPXMock, resources: SyncResources) -> None:
    httpx_mock.add_response(json=example("PaymentIntentRequiresCapture"))

    resources.payment_intents.create(
        amount=2500,
        currency="USD",
        capture_method="manual",
        metadata={"order_id": "1043"},
    )

    request = httpx_mock.get_request()
    assert request is not None
    assert sent_json(request) == {
        "amount": 2500,
        "currency": "USD",
        "capture_method": "manual",
        "metadata": {"order_id": "1043"},
    }


def test_create_with_a_whole_body_model(httpx_mock: HTTPXMock, resources: SyncResources) -> None:
    httpx_mock.add_response(json=example("PaymentIntentRequiresCapture"))
    body = CreatePaymentIntentRequest(amount=990, currency="EUR", capture_method=CaptureMethod.MANUAL)

    resources.payment_intents.create(body=body, molam_version="2025-01-15")

    request = httpx_mock.get_request()
    assert request is not None
    sent = sent_json(request)
    # A model built in Python also sends the spec's defaults for fields left out (e.g. `confirm`).
    assert {key: sent[key] for key in ("amount", "currency", "capture_method")} == {
        "amount": 990,
        "currency": "EUR",
        "capture_method": "manual",
    }
    assert request.headers["Molam-Version"] == "2025-01-15"


def test_body_and_fields_together_are_refused_before_sending(resources: SyncResources) -> None:
    body = CreatePaymentIntentRequest(amount=990, currency="EUR")
    with pytest.raises(ValidationError) as caught:
        resources.payment_intents.create(body=body, amount=5)  # type: ignore[call-overload]
    assert caught.value.param == "amount"


def test_a_missing_required_field_is_refused_before_sending(resources: SyncResources) -> None:
    with pytest.raises(ValidationError) as caught:
        resources.payment_intents.create(amount=5)  # type: ignore[call-overload]
    assert caught.value.param == "currency"


def test_retrieve_takes_the_id_positionally_and_escapes_it(
    httpx_mock: HTTPXMock, resources: SyncResources
) -> None:
    httpx_mock.add_response(json=example("PaymentIntentSucceeded"))

    resources.payment_intents.retrieve("pi_..?admin#%2F")

    request = httpx_mock.get_request()
    assert request is not None
    assert request.url.raw_path == b"/v1/connect/payment_intents/pi_..%3Fadmin%23%252F"


def test_an_id_with_a_slash_is_refused_before_sending(
    httpx_mock: HTTPXMock, resources: SyncResources
) -> None:
    with pytest.raises(ValidationError) as info:
        resources.payment_intents.retrieve("pi_../admin")
    assert info.value.param == "id"
    assert httpx_mock.get_requests() == []


def test_per_call_options_reach_the_requester(
    httpx_mock: HTTPXMock, requester: HttpxRequester, resources: SyncResources
) -> None:
    httpx_mock.add_response(json=example("PaymentIntentSucceeded"))

    resources.payment_intents.retrieve(
        "pi_3Nf8kLm2aB9xQ7", timeout=2.5, max_retries=0, extra_headers={"X-Trace": "abc"}
    )

    options = requester.options[-1]
    assert (options.timeout, options.max_retries) == (2.5, 0)
    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["X-Trace"] == "abc"


def test_with_raw_response_exposes_the_http_response(
    httpx_mock: HTTPXMock, raw_resources: SyncRawResources
) -> None:
    httpx_mock.add_response(
        json=example("PaymentIntentSucceeded"),
        headers={"Molam-Request-Id": "req_7", "Idempotent-Replayed": "true"},
    )

    raw = raw_resources.payment_intents.confirm("pi_3Nf8kLm2aB9xQ7", payment_method="pm_card_visa")

    assert raw.status_code == 200
    assert raw.request_id == "req_7"
    assert raw.idempotent_replayed
    assert isinstance(raw.parsed, PaymentIntent)
    assert raw.parsed.status is PaymentIntentStatus.SUCCEEDED


def test_api_errors_surface_as_typed_errors(httpx_mock: HTTPXMock, resources: SyncResources) -> None:
    httpx_mock.add_response(status_code=400, json=example("ErrorInvalidAmount"))

    with pytest.raises(BadRequestError) as caught:
        resources.payment_intents.create(amount=1, currency="XOF")

    assert caught.value.param == example("ErrorInvalidAmount")["error"]["param"]


def test_list_walks_two_pages_with_the_same_filters(httpx_mock: HTTPXMock, resources: SyncResources) -> None:
    httpx_mock.add_response(
        url=f"{URL}?limit=2&status=succeeded",
        json=page([intent("pi_1"), intent("pi_2")], has_more=True, next_cursor="pi_2"),
    )
    httpx_mock.add_response(
        url=f"{URL}?limit=2&starting_after=pi_2&status=succeeded",
        json=page([intent("pi_3")], has_more=False, next_cursor=None),
    )

    first = resources.payment_intents.list(limit=2, status=PaymentIntentStatus.SUCCEEDED)

    assert isinstance(first, SyncPage)
    assert [item.id for item in first.data] == ["pi_1", "pi_2"]
    assert [item.id for item in first] == ["pi_1", "pi_2", "pi_3"]
    assert len(httpx_mock.get_requests()) == 2


def test_next_page_is_none_after_the_last(httpx_mock: HTTPXMock, resources: SyncResources) -> None:
    httpx_mock.add_response(json=page([intent("pi_1")], has_more=False, next_cursor=None))

    only = resources.payment_intents.list(status="succeeded")

    assert only.next_page() is None
    request = httpx_mock.get_request()
    assert request is not None
    assert dict(request.url.params) == {"status": "succeeded"}


async def test_async_list_walks_two_pages(httpx_mock: HTTPXMock, async_resources: AsyncResources) -> None:
    httpx_mock.add_response(
        url=f"{URL}?customer_id=cus_1",
        json=page([intent("pi_1")], has_more=True, next_cursor="pi_1"),
    )
    httpx_mock.add_response(
        url=f"{URL}?customer_id=cus_1&starting_after=pi_1",
        json=page([intent("pi_2")], has_more=False, next_cursor=None),
    )

    first = await async_resources.payment_intents.list(customer_id="cus_1")

    assert [item.id async for item in first] == ["pi_1", "pi_2"]


async def test_async_create(httpx_mock: HTTPXMock, async_resources: AsyncResources) -> None:
    httpx_mock.add_response(method="POST", url=URL, json=example("PaymentIntentRequiresPaymentMethod"))

    created = await async_resources.payment_intents.create(amount=15000, currency="XOF")

    assert created.id == example("PaymentIntentRequiresPaymentMethod")["id"]
