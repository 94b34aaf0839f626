"""SDK A's snippets (issue 15), import line changed to `molam_sdk_ext.legacy`, against the real sandbox."""

from __future__ import annotations

import pytest

from molam_sdk_ext import Molam
from molam_sdk_ext.errors import APIError, PaymentError, SignatureVerificationError
from molam_sdk_ext.errors import ValidationError as RealValidationError
from molam_sdk_ext.legacy import Config, MolamAsyncClient, MolamClient
from molam_sdk_ext.legacy.exceptions import ApiError, SignatureError, ValidationError
from molam_sdk_ext.legacy.utils.webhook import verify_signature
from tests.fixtures.sandbox import SandboxHandle
from tests.support.receivers import DeliveryReceiver

pytestmark = [pytest.mark.integration, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

BANK_ACCOUNT = {
    "type": "bank_account",
    "bank_code": "123456",
    "account_number": "9876543210",
    "account_holder": "Jane Doe",
}


def test_payment_intents_read_like_dicts(legacy_env: str) -> None:
    client = MolamClient(Config(api_key=legacy_env))  # the base URL comes from MOLAM_API_BASE
    payment = client.create_payment_intent(
        amount=2500, currency="USD", description="Order #12345", metadata={"order_id": "12345"}
    )
    print(payment["id"])
    assert payment["id"].startswith("pi_") and payment.id == payment["id"]
    assert payment["amount"] == 2500 and payment["currency"] == "USD"
    assert payment["metadata"]["order_id"] == "12345" and payment["status"] == "requires_payment_method"
    assert "status" in payment and payment.get("no_such_field") is None

    pid = payment["id"]
    assert client.retrieve_payment_intent(payment["id"])["id"] == pid
    assert client.confirm_payment_intent(pid, payment_method="pm_card_visa")["status"] == "succeeded"
    other = client.create_payment_intent(amount=900, currency="USD")
    assert client.cancel_payment_intent(other["id"])["status"] == "canceled"
    succeeded = client.list_payment_intents(limit=10, status="succeeded")
    assert [p["id"] for p in succeeded["data"]] == [pid] and succeeded["has_more"] is False


def test_manual_capture_idempotency_and_filtered_list(legacy_env: str) -> None:
    client = MolamClient(Config(api_key=legacy_env))
    first = client.create_payment_intent(
        amount=2500,
        currency="USD",
        customer_id="cust_123",
        capture=False,  # manual capture
        return_url="https://shop.example/return",
        cancel_url="https://shop.example/cancel",
        idempotency_key="order-12345",
    )
    assert first["capture_method"] == "manual" and first["customer_id"] == "cust_123"
    assert first["return_url"] == "https://shop.example/return"
    again = client.create_payment_intent(
        amount=2500,
        currency="USD",
        customer_id="cust_123",
        capture=False,
        return_url="https://shop.example/return",
        cancel_url="https://shop.example/cancel",
        idempotency_key="order-12345",
    )
    assert again["id"] == first["id"]  # the same key replays the first answer: no second payment

    confirmed = client.confirm_payment_intent(payment_intent_id=first["id"], payment_method="pm_card_visa")
    assert confirmed["status"] == "requires_capture"  # authorised only, as capture=False asked
    automatic = client.create_payment_intent(amount=700, currency="USD", customer_id="cust_123", capture=True)
    assert automatic["capture_method"] == "automatic"
    client.confirm_payment_intent(automatic["id"], "pm_card_visa")  # SDK A's positional payment_method
    client.create_payment_intent(
        amount=300, currency="USD", customer_id="cust_other", payment_method="pm_card_visa"
    )

    payments = client.list_payment_intents(limit=10, offset=0, customer_id="cust_123", status="succeeded")
    seen = []
    for p in payments["data"]:
        print(p["id"], p["amount"])
        seen.append((p["id"], p["amount"]))
    assert seen == [(automatic["id"], 700)]


def test_offset_is_refused_with_the_way_forward(legacy_env: str) -> None:
    client = MolamClient(Config(api_key=legacy_env))
    with pytest.raises(ValidationError, match="starting_after") as info:
        client.list_payment_intents(limit=10, offset=10)
    assert info.value.errors == {"offset": info.value.message} and info.value.param == "offset"
    for i in range(3):
        client.create_payment_intent(amount=100 + i, currency="XOF")
    first = client.list_payment_intents(limit=2)
    rest = client.list_payment_intents(limit=2, starting_after=first["data"][-1]["id"])
    ids = [p["id"] for p in first["data"]] + [p["id"] for p in rest["data"]]
    assert first["has_more"] is True and rest["has_more"] is False and len(set(ids)) == 3


def test_refunds_and_payouts(legacy_env: str) -> None:
    client = MolamClient(Config(api_key=legacy_env))
    paid = client.create_payment_intent(amount=2500, currency="USD")
    paid = client.confirm_payment_intent(paid["id"], payment_method="pm_card_visa")
    refund = client.create_refund(
        charge_id=paid["latest_charge"], amount=1000, reason="requested_by_customer"
    )
    rid = refund["id"]
    assert refund["amount"] == 1000 and refund["reason"] == "requested_by_customer"
    assert client.retrieve_refund(rid)["id"] == rid

    payout = client.create_payout(
        origin_module="connect",
        origin_entity_id="merch_123",
        amount=50000,
        currency="USD",
        beneficiary=BANK_ACCOUNT,
    )
    poid = payout["id"]
    assert payout["amount"] == 50000 and payout["beneficiary"]["account_holder"] == "Jane Doe"
    assert client.retrieve_payout(poid)["status"] == payout["status"]


def test_config_from_arguments_and_environment(
    legacy_env: str, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = Config(
        api_key=legacy_env, api_base=sandbox.url, webhook_secret="whsec_abc", timeout=30, max_retries=3
    )
    assert (config.api_base, config.timeout, config.max_retries) == (sandbox.url, 30.0, 3)
    assert legacy_env not in repr(config) and "whsec_abc" not in repr(config)
    monkeypatch.setenv("MOLAM_WEBHOOK_SECRET", "whsec_from_env")
    monkeypatch.setenv("MOLAM_DEFAULT_CURRENCY", "xof")
    monkeypatch.setenv("MOLAM_MAX_RETRIES", "1")
    from_env = Config()
    assert from_env.api_key == legacy_env and from_env.api_base == sandbox.url
    assert (from_env.webhook_secret, from_env.default_currency, from_env.max_retries) == (
        "whsec_from_env",
        "XOF",
        1,
    )
    client = MolamClient(from_env)
    assert client.molam.settings.max_retries == 1
    assert client.create_payment_intent(amount=1500)["currency"] == "XOF"  # Config.default_currency

    monkeypatch.delenv("MOLAM_API_KEY")
    with pytest.raises(ValidationError) as missing:
        Config()
    assert isinstance(missing.value, ValueError) and missing.value.errors == {
        "api_key": missing.value.message
    }
    with pytest.raises(ValidationError):
        Config(api_key="pk_wrong_prefix")


def test_errors_keep_the_old_attributes(legacy_env: str) -> None:
    client = MolamClient(Config(api_key=legacy_env))
    intent = client.create_payment_intent(amount=2500, currency="USD")
    try:
        client.confirm_payment_intent(intent["id"], payment_method="pm_card_declined")
    except ApiError as e:
        assert e.status_code == 402 and e.payload["error"]["code"] == "card_declined"
        assert e.request_id is not None and e.request_id.startswith("req_")
        caught = e
    else:
        pytest.fail("a declined card must raise ApiError")
    assert (
        isinstance(caught, PaymentError) and isinstance(caught, APIError) and caught.code == "card_declined"
    )

    with pytest.raises(ApiError) as missing:
        client.retrieve_payment_intent("pi_does_not_exist")
    assert missing.value.status_code == 404 and missing.value.payload["error"]["type"] == "not_found_error"

    try:
        client.create_payment_intent(amount=25.00, currency="USD")  # a float: SDK A took ints of cents
    except ValidationError as e:
        assert e.errors == {"amount": e.message} and "minor unit" in e.message
    else:
        pytest.fail("a float amount must raise ValidationError")
    with pytest.raises(ValidationError) as currency:
        client.create_payment_intent(amount=100, currency="US")
    assert isinstance(currency.value, RealValidationError) and currency.value.errors == {
        "currency": currency.value.message
    }


@pytest.mark.slow
def test_retries_and_idempotency_are_the_modern_stack(sandbox_factory: object) -> None:
    """Under injected 5xx and 429 faults every legacy create succeeds exactly once (retried with one key)."""
    faulty = sandbox_factory(fault_rate=0.35, fault_kinds=["500", "503", "429", "commit_then_500"], seed=7)  # type: ignore[operator]
    key = faulty.new_api_key()
    client = MolamClient(Config(api_key=key, api_base=faulty.url, max_retries=6))
    ids = {client.create_payment_intent(amount=100 + i, currency="XOF")["id"] for i in range(8)}
    with Molam(key, base_url=faulty.url, max_retries=8) as molam:
        on_server = {p.id for p in molam.payment_intents.list(limit=100)}
    assert len(ids) == 8 and on_server == ids


def _endpoint(key: str, base_url: str, url: str) -> str:
    with Molam(key, base_url=base_url) as molam:
        endpoint = molam.webhook_endpoints.create(url=url, enabled_events=["payment_intent.succeeded"])
    return endpoint.secret


def test_webhook_verification(legacy_env: str, sandbox: SandboxHandle, receiver: DeliveryReceiver) -> None:
    secret = _endpoint(legacy_env, sandbox.url, receiver.url)
    client = MolamClient(
        Config(api_key=legacy_env, api_base=sandbox.url, webhook_secret=secret, timeout=30, max_retries=3)
    )
    paid = client.create_payment_intent(amount=2500, currency="USD", payment_method="pm_card_visa")
    client.confirm_payment_intent(paid["id"])
    (delivery,) = receiver.wait_for(1)
    signature_header, raw_body = delivery.signature, delivery.body

    assert client.verify_webhook_signature(signature_header, raw_body) is True  # uses Config.webhook_secret

    def get_secret(kid: str) -> str | None:
        return secret

    assert verify_signature(signature_header, raw_body, get_secret) is True
    with pytest.raises(SignatureError) as tampered:
        client.verify_webhook_signature(signature_header, raw_body.replace(b"2500", b"2501"))
    assert tampered.value.reason == "signature_mismatch" and isinstance(
        tampered.value, SignatureVerificationError
    )
    with pytest.raises(SignatureError) as unknown:
        verify_signature(signature_header, raw_body, lambda kid: "")  # SDK A's "no secret for this kid"
    assert unknown.value.reason == "unknown_kid"
    with pytest.raises(SignatureError) as stale:
        verify_signature(signature_header, raw_body, get_secret, tolerance_ms=1)
    assert stale.value.reason == "timestamp_outside_tolerance"  # genuine, but older than 1 ms
    no_secret = MolamClient(Config(api_key=legacy_env, api_base=sandbox.url))
    with pytest.raises(SignatureError, match="MOLAM_WEBHOOK_SECRET"):
        no_secret.verify_webhook_signature(signature_header, raw_body)


async def test_async_client(legacy_env: str, sandbox: SandboxHandle, receiver: DeliveryReceiver) -> None:
    secret = _endpoint(legacy_env, sandbox.url, receiver.url)
    async with MolamAsyncClient(Config(api_key=legacy_env, webhook_secret=secret)) as client:
        payment = await client.create_payment_intent(
            amount=2500, currency="USD", description="Order #12345", metadata={"order_id": "12345"}
        )
        assert payment["metadata"]["order_id"] == "12345"
        assert (await client.retrieve_payment_intent(payment["id"]))["id"] == payment["id"]
        paid = await client.confirm_payment_intent(payment["id"], payment_method="pm_card_visa")
        assert paid["status"] == "succeeded"
        manual = await client.create_payment_intent(
            amount=2500, currency="USD", customer_id="cust_123", capture=False, idempotency_key="order-12345"
        )
        assert (await client.cancel_payment_intent(manual["id"]))["status"] == "canceled"
        payments = await client.list_payment_intents(limit=10, offset=0, status="succeeded")
        assert [p["id"] for p in payments["data"]] == [paid["id"]]
        refund = await client.create_refund(charge_id=paid["latest_charge"], amount=1000)
        assert (await client.retrieve_refund(refund["id"]))["amount"] == 1000
        payout = await client.create_payout(
            origin_module="connect",
            origin_entity_id="merch_123",
            amount=50000,
            currency="USD",
            beneficiary=BANK_ACCOUNT,
        )
        assert (await client.retrieve_payout(payout["id"]))["id"] == payout["id"]
        with pytest.raises(ApiError) as declined:
            intent = await client.create_payment_intent(amount=10, currency="USD")
            await client.confirm_payment_intent(intent["id"], payment_method="pm_card_declined")
        assert declined.value.status_code == 402
        with pytest.raises(ValidationError, match="starting_after"):
            await client.list_payment_intents(offset=5)
        (delivery,) = receiver.wait_for(1)
        assert client.verify_webhook_signature(delivery.signature, delivery.body) is True
