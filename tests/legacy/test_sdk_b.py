"""SDK B's snippets (issue 15), import line changed to `molam_sdk_ext.legacy`, against the real sandbox and the
mTLS test server of tests/ext/test_tls.py."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from molam_sdk.requester import Request, RequestOptions
from molam_sdk_ext import Molam
from molam_sdk_ext.errors import APIConnectionError, ResponseParseError
from molam_sdk_ext.legacy import (
    ClientConfig,
    MerchantOnboardingCreate,
    MolamAsyncClient,
    MolamClient,
    PaymentIntentCreate,
    PayoutCreate,
    RefundCreate,
    SignatureError,
    ValidationError,
    WebhookVerificationError,
)
from molam_sdk_ext.legacy.webhooks import construct_event, verify_molam_signature
from tests.ext.test_tls import TLSFiles, mtls  # noqa: F401  # the existing mTLS server fixture
from tests.fixtures.sandbox import SandboxHandle
from tests.support.receivers import DeliveryReceiver

pytestmark = [pytest.mark.integration, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

ORANGE = {
    "type": "mobile_money",
    "provider": "orange_money",
    "msisdn": "+221771234567",
    "account_holder": "Awa",
}


def test_payment_intents_with_request_models(sandbox: SandboxHandle) -> None:
    client = MolamClient(ClientConfig(api_key=sandbox.new_api_key(), base_url=sandbox.url))
    intent = client.create_payment_intent(
        PaymentIntentCreate(amount=100.50, currency="USD"), idempotency_key="order-123"
    )
    assert intent.amount == 10050 and intent.currency == "USD"  # 100.50 USD in cents: exact, never a float
    replay = client.create_payment_intent(PaymentIntentCreate(amount=100.50, currency="USD"), "order-123")
    assert replay.id == intent.id  # same key, same body: the first answer, not a second payment

    # SDK B's documented flow confirms without a payment method: the customer chooses one on the hosted
    # checkout page, as the real API sends them there (issue 24).
    pending = client.confirm_payment_intent(intent.id)
    assert pending.status == "requires_action" and pending.payment_method is None
    assert isinstance(pending.redirect_url, str) and pending.redirect_url.startswith(f"{sandbox.url}/")
    page = httpx.get(pending.redirect_url, timeout=10)  # the page a browser opens: no API key needed
    assert page.status_code == 200 and "100.50" in page.text and 'data-testid="pay-card-success"' in page.text

    card = client.create_payment_intent(
        PaymentIntentCreate(
            amount=Decimal("19.99"), currency="usd", payment_method="pm_card_visa", capture=False
        )
    )
    assert card.amount == 1999 and card.capture_method == "manual"
    assert client.confirm_payment_intent(card.id).status == "requires_capture"
    assert client.retrieve_payment_intent(card.id).status == "requires_capture"
    assert client.cancel_payment_intent(card.id, "cancel-1").status == "canceled"
    xof = client.create_payment_intent(PaymentIntentCreate(amount=15000.0, currency="XOF"))
    assert xof.amount == 15000


@pytest.mark.parametrize(
    ("amount", "currency"),
    [(100.555, "USD"), (0.1 + 0.2, "USD"), (1500.5, "XOF"), (1.0005, "KWD"), (-5.0, "USD"), (0.0, "USD")],
)
def test_inexact_major_amounts_are_refused_before_sending(amount: float, currency: str) -> None:
    with pytest.raises(ValidationError) as info:
        PaymentIntentCreate(amount=amount, currency=currency)
    assert info.value.param == "amount" and info.value.errors == {"amount": info.value.message}


def test_refund_payout_onboarding(sandbox: SandboxHandle) -> None:
    client = MolamClient(ClientConfig(api_key=sandbox.new_api_key(), base_url=sandbox.url))
    paid = client.create_payment_intent(
        PaymentIntentCreate(amount=100.50, currency="USD", payment_method="pm_card_visa")
    )
    paid = client.confirm_payment_intent(paid.id)
    partial = client.create_refund(
        RefundCreate(payment_id=paid.id, amount=10.25, reason="requested_by_customer")
    )
    assert partial.amount == 1025 and partial.payment_intent == paid.id  # the currency came from the intent
    with_currency = client.create_refund(RefundCreate(payment_id=paid.id, amount=0.25, currency="USD"))
    assert with_currency.amount == 25
    assert client.retrieve_refund(partial.id).id == partial.id
    with pytest.raises(ValidationError, match="USD"):
        client.create_refund(
            RefundCreate(payment_id=paid.id, amount=1.001)
        )  # exact only once the currency is known

    payout = client.create_payout(
        PayoutCreate(
            amount=250.0,
            currency="XOF",
            beneficiary=ORANGE,
            origin_module="treasury",
            origin_entity="treasury_main",
        )
    )
    assert payout.amount == 250 and payout["beneficiary"]["type"] == "mobile_money"
    assert client.retrieve_payout(payout.id).id == payout.id
    with pytest.raises(ValidationError, match="beneficiary itself"):
        PayoutCreate(
            amount=5.0, currency="USD", beneficiary="ben_123", origin_module="connect", origin_entity="m"
        )

    onboarding = client.create_merchant_onboarding(
        MerchantOnboardingCreate(
            business_name="Boutique Awa",
            business_type="individual",
            country="SN",
            currency="XOF",
            email="awa@example.com",
        )
    )
    assert onboarding.id.startswith("mo_") and onboarding.status == "pending"
    with pytest.raises(ValidationError, match="payment_method"):
        PaymentIntentCreate(amount=1.0, currency="USD", payment_methods=["card"])


def test_webhook_verification(sandbox: SandboxHandle, receiver: DeliveryReceiver) -> None:
    key = sandbox.new_api_key()
    with Molam(key, base_url=sandbox.url) as molam:
        secret = molam.webhook_endpoints.create(
            url=receiver.url, enabled_events=["payment_intent.succeeded"]
        ).secret
    client = MolamClient(ClientConfig(api_key=key, base_url=sandbox.url))
    paid = client.create_payment_intent(
        PaymentIntentCreate(amount=12.0, currency="USD", payment_method="pm_card_visa")
    )
    client.confirm_payment_intent(paid.id)
    (delivery,) = receiver.wait_for(1)
    header, payload = delivery.signature, delivery.body

    assert MolamClient.verify_webhook_signature(header, payload, lambda kid: secret) is True
    assert verify_molam_signature(header, payload, lambda kid: secret) is True
    event = client.construct_event(payload, header, lambda kid: secret)
    assert event.type == "payment_intent.succeeded" and event["type"] == "payment_intent.succeeded"
    assert event["data"]["object"]["id"] == paid.id
    assert construct_event(payload, header, lambda kid: secret).id == event.id
    with pytest.raises(WebhookVerificationError) as forged:
        MolamClient.verify_webhook_signature(header, payload, lambda kid: "whsec_someone_else")
    assert isinstance(forged.value, SignatureError) and forged.value.reason == "signature_mismatch"
    with pytest.raises(ValidationError, match="get_secret"):
        MolamClient.verify_webhook_signature(header, payload)  # on the class the lookup is required


def test_mtls_configuration_presents_the_client_certificate(mtls: TLSFiles) -> None:  # noqa: F811
    config = ClientConfig(
        api_key="sk_test_legacy_mtls",
        base_url=mtls.url,
        verify_ssl=mtls.ca,  # a CA bundle path, as SDK B's requests session accepted
        mtls_cert=mtls.client_cert,
        mtls_key=mtls.client_key,
    )
    with MolamClient(config) as client:
        answer = client.molam.request(Request("GET", "/v1/treasury/balances"), RequestOptions()).json()
        assert answer == {"client": "merchant.molam.test", "auth": "Bearer sk_test_"}
        # A legacy call goes through the same TLS connection: the handshake passes, and this test server's
        # answer is not a payout, so the typed parse error (status 200) is what comes back.
        with pytest.raises(ResponseParseError) as parse:
            client.retrieve_payout("po_123")
        assert parse.value.status == 200

    without_certificate = ClientConfig(
        api_key="sk_test_legacy_mtls", base_url=mtls.url, verify_ssl=mtls.ca, max_retries=0
    )
    with MolamClient(without_certificate) as client, pytest.raises(APIConnectionError):
        client.retrieve_payout("po_123")
    with pytest.raises(ValidationError) as missing:
        ClientConfig(api_key="sk_test_legacy_mtls", mtls_cert="/nonexistent/cert.pem")
    assert missing.value.errors == {"client_cert": missing.value.message}


async def test_async_client_with_client_config(sandbox: SandboxHandle, mtls: TLSFiles) -> None:  # noqa: F811
    async with MolamAsyncClient(ClientConfig(api_key=sandbox.new_api_key(), base_url=sandbox.url)) as client:
        intent = await client.create_payment_intent(
            PaymentIntentCreate(amount=100.50, currency="USD", payment_method="pm_card_visa"),
            idempotency_key="order-123",
        )
        assert intent.amount == 10050
        assert (await client.confirm_payment_intent(intent.id)).status == "succeeded"
        refund = await client.create_refund(RefundCreate(payment_id=intent.id, amount=0.50))
        assert refund.amount == 50
    config = ClientConfig(
        api_key="sk_test_legacy_mtls",
        base_url=mtls.url,
        verify_ssl=mtls.ca,
        mtls_cert=mtls.client_cert,
        mtls_key=mtls.client_key,
    )
    async with MolamAsyncClient(config) as client:
        response = await client.molam.request(Request("GET", "/v1/treasury/balances"), RequestOptions())
        assert response.json()["client"] == "merchant.molam.test"


def test_unknown_event_types_read_like_dicts() -> None:
    from molam_sdk_ext.webhooks import UnknownEvent, sign

    body = (
        b'{"id":"evt_9","object":"event","type":"wallet.frozen","created":1,"data":{"object":{"id":"wal_1"}}}'
    )
    event = construct_event(body, sign(body, "whsec_x", "k1"), lambda kid: "whsec_x" if kid == "k1" else None)
    assert isinstance(event, UnknownEvent) and event.type == "wallet.frozen"
    assert (
        event["type"] == "wallet.frozen" and event["data"]["object"]["id"] == "wal_1" and "created" in event
    )
    with pytest.raises(SignatureError) as unknown_kid:
        construct_event(body, sign(body, "whsec_x", "k2"), lambda kid: "whsec_x" if kid == "k1" else None)
    assert unknown_kid.value.reason == "unknown_kid"
