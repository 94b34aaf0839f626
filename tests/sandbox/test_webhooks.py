"""Events and webhooks over real HTTP: every state change is an event; deliveries are signed and retried."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from molam_sdk.events import EVENT_TYPES
from molam_sdk.models import EventType, EventTypeLiteral
from molam_sdk_ext.client import Molam
from molam_sdk_ext.errors import BadRequestError, NotFoundError, SignatureVerificationError
from molam_sdk_ext.webhooks.signature import WebhookVerifier, parse_signature_header
from tests.support.receivers import WebhookReceiver
from tests.support.waiting import wait_for

pytestmark = pytest.mark.integration


def test_state_changes_record_events(molam: Molam) -> None:
    pi = molam.payment_intents.create(amount=100, currency="XOF", capture_method="manual")
    pi = molam.payment_intents.confirm(pi.id, payment_method="pm_card_visa")
    molam.payment_intents.capture(pi.id)
    types = [e.type for e in molam.events.list()]
    assert types == [EventType.PAYMENT_INTENT_SUCCEEDED, EventType.PAYMENT_INTENT_REQUIRES_CAPTURE]
    event = molam.events.list(type="payment_intent.succeeded").data[0]
    assert event.id.startswith("evt_") and event.api_version and event.livemode is False
    assert event.data.object["status"] == "succeeded" and event.data.object["id"] == pi.id
    assert molam.events.retrieve(event.id).to_dict() == event.to_dict()
    with pytest.raises(NotFoundError):
        molam.events.retrieve("evt_nope")


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_every_event_type_can_be_triggered(api: httpx.Client, molam: Molam, event_type: str) -> None:
    response = api.post("/_sandbox/events/trigger", json={"type": event_type})
    assert response.status_code == 200, response.text
    event = response.json()
    assert event["type"] == event_type
    assert molam.events.retrieve(event["id"]).type == event_type


def test_trigger_needs_a_known_type(api: httpx.Client) -> None:
    assert api.post("/_sandbox/events/trigger", json={"type": "nope"}).json()["error"]["param"] == "type"


def test_endpoint_crud_and_secret_shown_once(molam: Molam, receiver: WebhookReceiver) -> None:
    created = molam.webhook_endpoints.create(
        url=receiver.url, enabled_events=["payment_intent.succeeded"], description="d", metadata={"team": "x"}
    )
    assert created.secret.startswith("whsec_") and created.kid and created.status == "enabled"
    fetched = molam.webhook_endpoints.retrieve(created.id)
    assert "secret" not in fetched.to_dict() and fetched.kid == created.kid
    updated = molam.webhook_endpoints.update(created.id, enabled_events=["payout.paid"], status="disabled")
    assert updated.enabled_events == ["payout.paid"] and updated.status == "disabled"
    assert [e.id for e in molam.webhook_endpoints.list()] == [created.id]
    deleted = molam.webhook_endpoints.delete(created.id)
    assert deleted.deleted is True and deleted.id == created.id
    with pytest.raises(NotFoundError):
        molam.webhook_endpoints.retrieve(created.id)
    with pytest.raises(NotFoundError):
        molam.webhook_endpoints.list_deliveries(created.id)


@pytest.mark.parametrize(
    "url", ["https://example.com/hooks", "http://10.0.0.1/hooks", "http://169.254.169.254/"]
)
def test_only_loopback_targets(molam: Molam, url: str) -> None:
    with pytest.raises(BadRequestError) as exc:
        molam.webhook_endpoints.create(url=url, enabled_events=["payout.paid"])
    assert exc.value.code == "url_not_allowed" and exc.value.param == "url"


def _endpoint(molam: Molam, receiver: WebhookReceiver, events: list[EventTypeLiteral] | None = None) -> Any:
    return molam.webhook_endpoints.create(
        url=receiver.url, enabled_events=events or ["payment_intent.succeeded"]
    )


def test_webhook_received_and_verified(molam: Molam, receiver: WebhookReceiver) -> None:
    endpoint = _endpoint(molam, receiver)
    pi = molam.payment_intents.create(
        amount=15000, currency="XOF", payment_method="pm_card_visa", confirm=True
    )
    molam.payment_intents.create(amount=1, currency="XOF")  # no event: nothing delivered for it
    delivery = wait_for(lambda: receiver.events("payment_intent.succeeded"))[0]
    verified = WebhookVerifier({endpoint.kid: endpoint.secret}).verify(
        delivery.body, delivery.headers["molam-signature"]
    )
    assert verified.kid == endpoint.kid
    event = delivery.json()
    assert event["object"] == "event" and event["data"]["object"]["id"] == pi.id
    assert molam.events.retrieve(event["id"]).to_dict()["data"]["object"]["status"] == "succeeded"
    with pytest.raises(SignatureVerificationError):
        WebhookVerifier({endpoint.kid: "whsec_wrong"}).verify(
            delivery.body, delivery.headers["molam-signature"]
        )
    attempts = wait_for(lambda: molam.webhook_endpoints.list_deliveries(endpoint.id).data)
    assert [(a.status, a.attempt, a.response_status, a.event_id) for a in attempts] == [
        ("succeeded", 1, 200, event["id"])
    ]
    assert len(receiver.received) == 1


def test_only_subscribed_and_enabled_endpoints_receive(molam: Molam, receiver: WebhookReceiver) -> None:
    other = WebhookReceiver()
    try:
        _endpoint(molam, receiver, ["payout.paid"])
        disabled = _endpoint(molam, other)
        molam.webhook_endpoints.update(disabled.id, status="disabled")
        _endpoint(molam, receiver, ["payment_intent.canceled"])
        molam.payment_intents.create(amount=5, currency="XOF", payment_method="pm_card_visa", confirm=True)
        molam.payment_intents.cancel(molam.payment_intents.create(amount=5, currency="XOF").id)
        wait_for(lambda: receiver.events("payment_intent.canceled"))
        assert [r.json()["type"] for r in receiver.received] == ["payment_intent.canceled"]
        assert other.received == []
    finally:
        other.close()


def test_retried_with_backoff_until_2xx(molam: Molam, receiver: WebhookReceiver) -> None:
    receiver.statuses = [500, 503]
    endpoint = _endpoint(molam, receiver)
    molam.payment_intents.create(amount=5, currency="XOF", payment_method="pm_card_visa", confirm=True)
    wait_for(lambda: len(receiver.received) == 3)
    deliveries = wait_for(
        lambda: molam.webhook_endpoints.list_deliveries(endpoint.id).data, lambda d: len(d) == 3
    )
    assert [(d.attempt, d.status, d.response_status) for d in deliveries] == [
        (3, "succeeded", 200),
        (2, "failed", 503),
        (1, "failed", 500),
    ]
    assert deliveries[1].next_retry_at is not None and deliveries[0].next_retry_at is None
    assert len({r.json()["id"] for r in receiver.received}) == 1  # the same event each time
    assert len({r.headers["molam-signature"] for r in receiver.received}) == 3  # signed afresh each time


@pytest.mark.slow
def test_timeouts_are_retried_and_attempts_bounded(sandbox_factory: Any, receiver: WebhookReceiver) -> None:
    server = sandbox_factory(
        extra_args=["--webhook-timeout", "0.2", "--webhook-backoff", "0.05", "--webhook-max-attempts", "3"]
    )
    receiver.delay = 0.5
    with Molam(api_key=server.api_key, base_url=server.url, max_retries=0, telemetry=False) as molam:
        endpoint = _endpoint(molam, receiver)
        molam.payment_intents.create(amount=5, currency="XOF", payment_method="pm_card_visa", confirm=True)
        deliveries = wait_for(
            lambda: molam.webhook_endpoints.list_deliveries(endpoint.id).data, lambda d: len(d) == 3
        )
    assert [(d.attempt, d.status, d.error, d.response_status) for d in deliveries] == [
        (3, "failed", "timeout", None),
        (2, "failed", "timeout", None),
        (1, "failed", "timeout", None),
    ]
    assert deliveries[0].next_retry_at is None


def test_rotation_signs_with_every_active_secret(molam: Molam, receiver: WebhookReceiver) -> None:
    endpoint = _endpoint(molam, receiver)
    rotated = molam.webhook_endpoints.rotate_secret(endpoint.id, grace_period_seconds=3600)
    assert rotated.kid != endpoint.kid and rotated.secret != endpoint.secret
    assert rotated.previous_kid == endpoint.kid and rotated.previous_secret_expires_at is not None
    molam.payment_intents.create(amount=5, currency="XOF", payment_method="pm_card_visa", confirm=True)
    delivery = wait_for(lambda: receiver.events("payment_intent.succeeded"))[0]
    header = delivery.headers["molam-signature"]
    assert [kid for kid, _ in parse_signature_header(header).signatures] == [rotated.kid, endpoint.kid]
    # A receiver that still only knows the old secret, and one that already switched, both accept it.
    assert WebhookVerifier({endpoint.kid: endpoint.secret}).verify(delivery.body, header).kid == endpoint.kid
    assert WebhookVerifier({rotated.kid: rotated.secret}).verify(delivery.body, header).kid == rotated.kid

    revoked = molam.webhook_endpoints.rotate_secret(endpoint.id, grace_period_seconds=0)
    assert revoked.previous_kid is None
    molam.payment_intents.create(amount=6, currency="XOF", payment_method="pm_card_visa", confirm=True)
    latest = wait_for(lambda: receiver.events("payment_intent.succeeded"), lambda e: len(e) == 2)[1]
    assert [kid for kid, _ in parse_signature_header(latest.headers["molam-signature"]).signatures] == [
        revoked.kid
    ]
    with pytest.raises(SignatureVerificationError):
        WebhookVerifier({rotated.kid: rotated.secret}).verify(latest.body, latest.headers["molam-signature"])
