"""The generated resources sending through Molam / AsyncMolam (MockTransport): models, pages, raw responses."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from molam_sdk_ext import AsyncMolam, Molam, RawResponse, SyncPage
from molam_sdk_ext.errors import NotFoundError, ValidationError
from molam_sdk_ext.money import Money
from tests.support.transport import TEST_KEY


def intent(n: int = 1, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": f"pi_{n:06d}",
        "object": "payment_intent",
        "amount": 15000,
        "amount_received": 0,
        "currency": "XOF",
        "status": "requires_payment_method",
        "capture_method": "automatic",
        "payment_method": None,
        "customer_id": "cus_8Jd3Xe1Mr5Yq",
        "merchant_id": "mer_7Hc2Wd9Lq4Zp",
        "description": "Commande 1042 - Boutique Teranga",
        "metadata": {"order_id": str(n)},
        "return_url": "https://boutique-teranga.sn/checkout/complete",
        "cancel_url": "https://boutique-teranga.sn/checkout/cancel",
        "redirect_url": None,
        "client_secret": f"pi_{n:06d}_secret_x",
        "latest_charge": None,
        "last_payment_error": None,
        "cancellation_reason": None,
        "created": 1736935200,
        "livemode": False,
    }
    body.update(changes)
    return body


class FakeAPI:
    """Just enough of the payment intents API: create, retrieve, list with cursors (25 objects)."""

    def __init__(self) -> None:
        self.items = [intent(n) for n in range(1, 26)]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        headers = {"Molam-Request-Id": f"req_{len(self.requests)}"}
        path = request.url.path
        if request.method == "POST" and path == "/v1/connect/payment_intents":
            sent = json.loads(request.content)
            return httpx.Response(
                200, json=intent(99, **sent), headers={**headers, "Idempotent-Replayed": "true"}
            )
        if request.method == "GET" and path == "/v1/connect/payment_intents":
            limit = int(request.url.params.get("limit", "10"))
            after = request.url.params.get("starting_after")
            start = 0 if after is None else [i["id"] for i in self.items].index(after) + 1
            page = self.items[start : start + limit]
            more = start + limit < len(self.items)
            return httpx.Response(
                200,
                json={
                    "object": "list",
                    "data": page,
                    "has_more": more,
                    "next_cursor": page[-1]["id"] if more else None,
                },
                headers=headers,
            )
        if request.method == "GET" and path.startswith("/v1/connect/payment_intents/pi_"):
            found = [i for i in self.items if i["id"] == path.rsplit("/", 1)[1]]
            if found:
                return httpx.Response(200, json=found[0], headers=headers)
        return httpx.Response(
            404,
            json={
                "error": {"type": "not_found_error", "code": "resource_missing", "message": "No such object."}
            },
        )


def test_create_retrieve_list_and_raw() -> None:
    api = FakeAPI()
    with Molam(TEST_KEY, transport=httpx.MockTransport(api)) as molam:
        price = Money("15000", "XOF")
        created = molam.payment_intents.create(
            amount=price.minor_units,
            currency=price.currency,
            metadata={"order_id": "A1"},
            idempotency_key="order-A1",
        )
        assert created.id == "pi_000099"
        assert created.amount == 15000
        assert api.requests[0].headers["idempotency-key"] == "order-A1"
        assert json.loads(api.requests[0].content)["metadata"] == {"order_id": "A1"}

        fetched = molam.payment_intents.retrieve("pi_000003")
        assert fetched.id == "pi_000003"

        page = molam.payment_intents.list(limit=10)
        assert isinstance(page, SyncPage)
        ids = [item.id for item in page]
        assert ids == [f"pi_{n:06d}" for n in range(1, 26)]

        raw = molam.with_raw_response.payment_intents.create(amount=1, currency="XOF")
        assert isinstance(raw, RawResponse)
        assert raw.status_code == 200 and raw.idempotent_replayed and raw.request_id
        assert raw.parsed.amount == 1
        assert raw.http_response.request.headers["idempotency-key"].startswith("molam_")

        with pytest.raises(NotFoundError) as info:
            molam.payment_intents.retrieve("pi_missing")
        assert info.value.code == "resource_missing"


def test_invalid_arguments_fail_before_sending() -> None:
    api = FakeAPI()
    with Molam(TEST_KEY, transport=httpx.MockTransport(api)) as molam:
        with pytest.raises(ValidationError):
            molam.payment_intents.create(currency="XOF")  # type: ignore[call-overload]
        with pytest.raises(ValidationError):
            Money(Decimal("100.5"), "XOF")
    assert api.requests == []


async def test_async_resources() -> None:
    api = FakeAPI()
    async with AsyncMolam(TEST_KEY, transport=httpx.MockTransport(api)) as molam:
        created = await molam.payment_intents.create(amount=500, currency="XOF")
        assert created.amount == 500
        page = await molam.payment_intents.list(limit=7)
        ids = [item.id async for item in page]
        assert len(ids) == 25
        raw = await molam.with_raw_response.payment_intents.retrieve("pi_000001")
        assert raw.parsed.id == "pi_000001"
        with pytest.raises(NotFoundError):
            await molam.payment_intents.retrieve("pi_nope")


def test_every_namespace_is_present() -> None:
    names = [
        "payment_intents", "charges", "refunds", "wallets", "transfers", "payouts",
        "balances", "merchant_onboarding", "events", "webhook_endpoints",
    ]  # fmt: skip
    with Molam(TEST_KEY, transport=httpx.MockTransport(FakeAPI())) as molam:
        for name in names:
            assert getattr(molam, name)._requester is molam
            assert getattr(molam.with_raw_response, name)._resource._requester is molam
        copy = molam.with_options(max_retries=0)
        assert copy.payment_intents._requester is copy
