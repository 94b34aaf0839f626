"""Request bodies are built straight from the keyword arguments: what each kind of value turns into on the wire."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from molam_sdk.models import (
    BankAccountBeneficiary,
    CaptureMethod,
    EventType,
    Metadata,
    OriginModule,
    PaymentIntentStatus,
)
from molam_sdk.resources import SyncResources
from molam_sdk.resources._request import to_json
from molam_sdk_ext.errors import ValidationError

from .test_payment_intents import example


def sent(httpx_mock: HTTPXMock) -> tuple[httpx.Request, Any]:
    request = httpx_mock.get_request()
    assert request is not None
    return request, json.loads(request.content) if request.content else None


def test_enums_models_and_mappings_become_json(httpx_mock: HTTPXMock, resources: SyncResources) -> None:
    httpx_mock.add_response(json=example("PayoutPendingBankAccount"))
    metadata = Metadata.from_dict({"order": "1043"})

    resources.payouts.create(
        origin_module=OriginModule.CONNECT,
        origin_entity_id="mer_1",
        amount=250000,
        currency="XOF",
        beneficiary=BankAccountBeneficiary(
            type="bank_account", bank_code="SN012", account_number="0001", account_holder="Awa Diop"
        ),
        metadata=metadata,
    )

    _, body = sent(httpx_mock)
    assert body == {
        "origin_module": "connect",
        "origin_entity_id": "mer_1",
        "amount": 250000,
        "currency": "XOF",
        "beneficiary": {
            "type": "bank_account",
            "bank_code": "SN012",
            "account_number": "0001",
            "account_holder": "Awa Diop",
        },
        "metadata": {"order": "1043"},
    }


def test_a_sequence_of_enums_literals_and_newer_values(
    httpx_mock: HTTPXMock, resources: SyncResources
) -> None:
    """Members, literal values and a value newer than this SDK (`EventType("wallet.frozen")`, the typed way
    to send one) all go on the wire as their values."""
    httpx_mock.add_response(json=example("WebhookEndpointCreated"))

    resources.webhook_endpoints.create(
        url="https://example.com/hooks",
        enabled_events=(EventType.CHARGE_REFUNDED, "payout.paid", EventType("wallet.frozen")),
    )

    _, body = sent(httpx_mock)
    assert body == {
        "url": "https://example.com/hooks",
        "enabled_events": [EventType.CHARGE_REFUNDED.value, "payout.paid", "wallet.frozen"],
    }


def test_an_explicit_none_is_sent_as_null(httpx_mock: HTTPXMock, resources: SyncResources) -> None:
    httpx_mock.add_response(json=example("PaymentIntentSucceeded"))

    resources.payment_intents.update("pi_1", description=None)  # type: ignore[arg-type]

    _, body = sent(httpx_mock)
    assert body == {"description": None}


def test_an_optional_body_is_left_out_when_nothing_is_given(
    httpx_mock: HTTPXMock, resources: SyncResources
) -> None:
    httpx_mock.add_response(json=example("PaymentIntentSucceeded"))

    resources.payment_intents.confirm("pi_1")

    request, body = sent(httpx_mock)
    assert body is None and request.content == b""


def test_a_required_body_with_no_field_given_is_an_empty_object(
    httpx_mock: HTTPXMock, resources: SyncResources
) -> None:
    httpx_mock.add_response(json=example("PaymentIntentSucceeded"))

    resources.payment_intents.update("pi_1")

    _, body = sent(httpx_mock)
    assert body == {}


def test_query_enums_are_sent_by_value(httpx_mock: HTTPXMock, resources: SyncResources) -> None:
    httpx_mock.add_response(json={"object": "list", "data": [], "has_more": False, "next_cursor": None})

    resources.payment_intents.list(status=PaymentIntentStatus("a_new_status"), limit=5)

    request, _ = sent(httpx_mock)
    assert dict(request.url.params) == {"status": "a_new_status", "limit": "5"}


def test_the_first_missing_required_field_is_named(resources: SyncResources) -> None:
    with pytest.raises(ValidationError) as caught:
        resources.payouts.create(origin_module="connect", amount=5)  # type: ignore[call-overload]
    assert caught.value.param == "origin_entity_id"


def test_fields_given_with_body_are_refused(resources: SyncResources) -> None:
    from molam_sdk.models import UpdatePaymentIntentRequest

    with pytest.raises(ValidationError) as caught:
        resources.payment_intents.update(
            "pi_1",
            body=UpdatePaymentIntentRequest(description="a"),
            metadata={"k": "v"},
        )
    assert caught.value.param == "metadata"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text", "text"),
        (7, 7),
        (True, True),
        (None, None),
        (CaptureMethod.MANUAL, "manual"),
        (CaptureMethod("later"), "later"),
        ({"a": CaptureMethod.AUTOMATIC, 1: [OriginModule.MA]}, {"a": "automatic", "1": ["ma"]}),
        (Metadata.from_dict({"k": "v"}), {"k": "v"}),
    ],
)
def test_to_json(value: Any, expected: Any) -> None:
    assert to_json(value) == expected
    json.dumps(to_json(value))  # and it really is JSON
