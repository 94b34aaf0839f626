"""End to end with the local sandbox: it signs and delivers real events to a receiver built with each adapter
on a real loopback port; the receiver's handler sees typed events, and a secret rotation in the middle of the
stream rejects no delivery."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import httpx
import pytest

import molam_sdk.models as models
from molam_sdk_ext.webhooks import Outcome, ProcessResult, WebhookProcessor
from tests.support import wait_for
from tests.webhooks import receivers

pytestmark = pytest.mark.integration

PAYMENTS = 6  # payment intents created; the secret is rotated after the first half
WAIT = 30.0  # seconds to wait for the deliveries (they arrive in well under a second)


class RecordingProcessor(WebhookProcessor):
    """A WebhookProcessor that keeps every result, to prove no delivery was rejected."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.results: list[ProcessResult] = []
        self._lock = threading.Lock()

    def _record(self, result: ProcessResult) -> ProcessResult:
        with self._lock:
            self.results.append(result)
        return result

    def process(self, raw_body: Any, headers: Any) -> ProcessResult:
        return self._record(super().process(raw_body, headers))

    async def aprocess(self, raw_body: Any, headers: Any) -> ProcessResult:
        return self._record(await super().aprocess(raw_body, headers))


class Api:
    """Just enough of the Molam API over httpx (this test is about webhooks, not the client)."""

    def __init__(self, base_url: str, api_key: str) -> None:
        self.http = httpx.Client(
            base_url=base_url, headers={"Authorization": f"Bearer {api_key}"}, timeout=10, trust_env=False
        )

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self.http.post(path, json=body, headers={"Idempotency-Key": str(uuid.uuid4())})
        assert response.is_success, response.text
        doc: dict[str, Any] = response.json()
        return doc

    def get(self, path: str, **params: Any) -> dict[str, Any]:
        response = self.http.get(path, params=params)
        assert response.is_success, response.text
        doc: dict[str, Any] = response.json()
        return doc

    def paid_intent(self) -> str:
        intent = self.post("/v1/connect/payment_intents", {"amount": 15000, "currency": "XOF"})
        confirmed = self.post(
            f"/v1/connect/payment_intents/{intent['id']}/confirm", {"payment_method": "pm_card_visa"}
        )
        assert confirmed["status"] == "succeeded", confirmed
        return str(intent["id"])


@pytest.mark.parametrize("framework", receivers.FRAMEWORKS)
def test_sandbox_deliveries_with_a_mid_stream_secret_rotation(framework: str, sandbox: Any) -> None:
    api = Api(sandbox.url, sandbox.new_api_key())
    known: dict[str, str] = {}  # what the receiver knows, kid -> secret; changed while deliveries flow
    processor = RecordingProcessor(known.get)
    seen: dict[str, models.PaymentIntentSucceededEvent] = {}
    lock = threading.Lock()

    @processor.on("payment_intent.succeeded")
    def on_success(event: models.PaymentIntentSucceededEvent) -> None:
        with lock:
            seen[event.data.object.id] = event

    with receivers.serve(framework, processor) as url:
        endpoint = api.post(
            "/v1/webhook_endpoints", {"url": url, "enabled_events": ["payment_intent.succeeded"]}
        )
        known[endpoint["kid"]] = endpoint["secret"]

        intents = [api.paid_intent() for _ in range(PAYMENTS // 2)]

        # Rotate while deliveries may still be in flight. The sandbox now signs with both secrets; the receiver
        # still knows only the old kid, then learns the new one, then forgets the old one.
        rotated = api.post(
            f"/v1/webhook_endpoints/{endpoint['id']}/rotate_secret", {"grace_period_seconds": 3600}
        )
        assert rotated["kid"] != endpoint["kid"] and rotated["previous_kid"] == endpoint["kid"]
        intents.append(api.paid_intent())
        known[rotated["kid"]] = rotated["secret"]
        intents.append(api.paid_intent())
        wait_for(
            lambda: len(seen) == len(intents), timeout=WAIT, what="deliveries before dropping the old secret"
        )
        del known[endpoint["kid"]]
        intents.append(api.paid_intent())

        wait_for(lambda: set(seen) == set(intents), timeout=WAIT, what=f"{len(intents)} typed events")

    assert len(intents) == PAYMENTS
    for intent_id in intents:
        event = seen[intent_id]
        assert isinstance(event, models.PaymentIntentSucceededEvent)
        assert isinstance(event.data.object, models.PaymentIntent)
        assert event.data.object.status == models.PaymentIntentStatus.SUCCEEDED
        assert event.data.object.amount == 15000
    rejected = [r for r in processor.results if r.status_code >= 300]
    assert rejected == [], rejected
    assert all(r.outcome in (Outcome.PROCESSED, Outcome.DUPLICATE) for r in processor.results)

    # The sandbox's own record agrees: every attempt to this endpoint was answered 200.
    deliveries = api.get(f"/v1/webhook_endpoints/{endpoint['id']}/deliveries", limit=100)["data"]
    assert len({d["event_id"] for d in deliveries}) == PAYMENTS
    assert {d["response_status"] for d in deliveries} == {200}, deliveries
