"""Every legacy entry point warns once, at the caller's line, naming the modern call; as errors, every call
raises. Plus the error conversion's own guarantees."""

from __future__ import annotations

import pickle
import subprocess
import sys
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from molam_sdk import models
from molam_sdk_ext import Molam
from molam_sdk_ext.errors import APIConnectionError, BadRequestError, PaymentError
from molam_sdk_ext.legacy import (
    ApiError,
    ClientConfig,
    Config,
    MerchantOnboardingCreate,
    MolamAsyncClient,
    MolamClient,
    PaymentIntentCreate,
    PayoutCreate,
    RefundCreate,
    SignatureError,
    ValidationError,
    construct_event,
    verify_molam_signature,
    verify_signature,
)
from molam_sdk_ext.legacy.exceptions import to_legacy
from molam_sdk_ext.webhooks import sign
from tests.fixtures.sandbox import SandboxHandle

BANK = {"type": "bank_account", "bank_code": "1", "account_number": "2", "account_holder": "Jane Doe"}


@pytest.fixture
def recorded() -> Iterator[list[warnings.WarningMessage]]:
    """Every warning, however often Python would show it (the once-only rule is ours, not the filter's)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def _deprecations(caught: list[warnings.WarningMessage]) -> Counter[str]:
    names: Counter[str] = Counter()
    for warning in caught:
        if issubclass(warning.category, DeprecationWarning) and "molam_sdk_ext.legacy." in str(
            warning.message
        ):
            assert warning.filename == __file__, (str(warning.message), warning.filename)  # the caller's line
            names[str(warning.message).split(" is deprecated")[0].removeprefix("molam_sdk_ext.legacy.")] += 1
    return names


def _sync_session(client: MolamClient) -> None:
    intent = client.create_payment_intent(amount=2500, currency="USD", payment_method="pm_card_visa")
    client.retrieve_payment_intent(intent["id"])
    paid = client.confirm_payment_intent(intent["id"])
    client.cancel_payment_intent(client.create_payment_intent(amount=5, currency="USD")["id"])
    client.list_payment_intents(limit=1)
    client.retrieve_refund(client.create_refund(charge_id=paid["latest_charge"], amount=1)["id"])
    payout = client.create_payout(
        origin_module="connect", origin_entity_id="m_1", amount=100, currency="USD", beneficiary=BANK
    )
    client.retrieve_payout(payout["id"])
    client.create_merchant_onboarding(
        MerchantOnboardingCreate(
            business_name="B", business_type="company", country="SN", currency="XOF", email="b@example.com"
        )
    )


async def _async_session(client: MolamAsyncClient) -> None:
    intent = await client.create_payment_intent(amount=2500, currency="USD", payment_method="pm_card_visa")
    await client.retrieve_payment_intent(intent["id"])
    paid = await client.confirm_payment_intent(intent["id"])
    await client.cancel_payment_intent((await client.create_payment_intent(amount=5, currency="USD"))["id"])
    await client.list_payment_intents(limit=1)
    await client.retrieve_refund(
        (await client.create_refund(charge_id=paid["latest_charge"], amount=1))["id"]
    )
    payout = await client.create_payout(
        origin_module="connect", origin_entity_id="m_1", amount=100, currency="USD", beneficiary=BANK
    )
    await client.retrieve_payout(payout["id"])


METHODS = [
    "create_payment_intent",
    "retrieve_payment_intent",
    "confirm_payment_intent",
    "cancel_payment_intent",
    "list_payment_intents",
    "create_refund",
    "retrieve_refund",
    "create_payout",
    "retrieve_payout",
]


@pytest.mark.integration
async def test_each_entry_point_warns_once(
    sandbox: SandboxHandle, recorded: list[warnings.WarningMessage]
) -> None:
    key = sandbox.new_api_key()
    secret = "whsec_legacy_test"
    body = b'{"id":"evt_1","object":"event","type":"brand.new","created":1,"data":{"object":{}}}'
    header = sign(body, secret, "k1")
    for _ in range(2):
        sync = MolamClient(Config(api_key=key, api_base=sandbox.url, webhook_secret=secret))
        _sync_session(sync)
        sync.verify_webhook_signature(header, body)
        MolamClient.verify_webhook_signature(header, body, lambda kid: secret)
        sync.construct_event(body, header, lambda kid: secret)
        async with MolamAsyncClient(Config(api_key=key, api_base=sandbox.url)) as client:
            await _async_session(client)
        ClientConfig(api_key=key, base_url=sandbox.url)
        PaymentIntentCreate(amount=1.5, currency="USD")
        RefundCreate(payment_id="pi_1", amount=1.0)
        PayoutCreate(amount=1.0, currency="USD", beneficiary=BANK, origin_module="connect", origin_entity="m")
        verify_signature(header, body, lambda kid: secret)
        verify_molam_signature(header, body, lambda kid: secret)
        construct_event(body, header, lambda kid: secret)
        sync.close()

    counts = _deprecations(recorded)
    expected = {
        "Config",
        "ClientConfig",
        "MolamClient",
        "MolamAsyncClient",
        "PaymentIntentCreate",
        "RefundCreate",
        "PayoutCreate",
        "MerchantOnboardingCreate",
        "verify_signature",
        "verify_molam_signature",
        "construct_event",
        "MolamClient.verify_webhook_signature",
        "MolamClient.construct_event",
        "MolamClient.create_merchant_onboarding",
        *(f"MolamClient.{name}" for name in METHODS),
        *(f"MolamAsyncClient.{name}" for name in METHODS),
    }
    assert set(counts) == expected
    assert set(counts.values()) == {1}  # each once, although every one was used at least twice
    messages = {str(w.message) for w in recorded}
    assert any("use molam.payment_intents.create(amount=<int minor units>" in m for m in messages)
    assert any("use await molam.payment_intents.list(" in m and "on AsyncMolam(...)" in m for m in messages)
    assert any("MolamClient.create_refund is deprecated: use molam.charges.refund(" in m for m in messages)
    assert all("docs/MIGRATING.md" in m for m in messages if "molam_sdk_ext.legacy." in m)


@pytest.mark.slow  # a fresh interpreter importing the SDK: about 1 s
def test_as_errors_every_old_call_raises() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        for _ in range(2):  # not only the first time: each remaining call site is found
            with pytest.raises(DeprecationWarning, match=r"PaymentIntentCreate is deprecated: use molam\."):
                PaymentIntentCreate(amount=1.5, currency="USD")
    script = (
        "from molam_sdk_ext.legacy import Config\n"
        "try:\n    Config(api_key='sk_test_abcdefgh', api_base='http://127.0.0.1:9')\n"
        "except DeprecationWarning as w:\n    print('raised:', w)\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", script],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("raised: molam_sdk_ext.legacy.Config is deprecated: use Molam(")


def test_converted_errors_are_both_classes_and_pickle() -> None:
    real = PaymentError(
        status=402, message="Declined", code="card_declined", request_id="req_1", body={"error": {}}
    )
    legacy = to_legacy(real)
    assert isinstance(legacy, PaymentError) and isinstance(legacy, ApiError)
    assert isinstance(legacy, ApiError) and legacy.status_code == 402 and legacy.payload == {"error": {}}
    assert type(legacy) is type(to_legacy(PaymentError(status=402, message="again")))  # one class per pair
    again = pickle.loads(pickle.dumps(legacy))
    assert type(again) is type(legacy) and again.request_id == "req_1" and str(again) == str(legacy)
    text_body = to_legacy(BadRequestError(status=400, message="x", body="<html>"))
    assert isinstance(text_body, ApiError) and text_body.payload == {"body": "<html>"}
    connection = APIConnectionError("down")
    assert to_legacy(connection) is connection  # no legacy counterpart: the real error, unchanged
    old_style = ApiError(
        "API returned 500", status_code=500, payload={"error": {"code": "boom"}}, request_id="r"
    )
    assert (old_style.status, old_style.code, old_style.status_code) == (500, "boom", 500)
    mine = ValidationError("bad", errors={"email": "invalid"})
    assert mine.errors == {"email": "invalid"} and mine.param == "email"
    signature = SignatureError("bad header")
    assert signature.reason == "unspecified" and pickle.loads(pickle.dumps(signature)).message == "bad header"


def test_results_are_the_modern_models(sandbox: SandboxHandle) -> None:
    """What a legacy call returns is what the modern call returns (same class, same data)."""
    key = sandbox.new_api_key()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        client = MolamClient(Config(api_key=key, api_base=sandbox.url))
        legacy = client.create_payment_intent(amount=2500, currency="USD", idempotency_key="same")
    with Molam(key, base_url=sandbox.url) as molam:
        modern = molam.payment_intents.create(amount=2500, currency="USD", idempotency_key="same")
    assert type(legacy) is models.PaymentIntent and legacy == modern


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda c: c.create_payment_intent(PaymentIntentCreate(amount=1.0, currency="USD")),
            "with ClientConfig",
        ),
        (lambda c: c.create_payment_intent(amount=True, currency="USD"), "minor unit"),
        (lambda c: c.create_payment_intent(2500, "USD", nonsense=1), "unexpected keyword"),
        (lambda c: c.create_payment_intent(amount=1, currency="USD", capture="no"), "capture"),
        (lambda c: c.list_payment_intents(offset="0"), "starting_after"),
        (
            lambda c: c.create_payout(
                PayoutCreate(
                    amount=1.0, currency="USD", beneficiary=BANK, origin_module="c", origin_entity="m"
                )
            ),
            "positional|missing",
        ),
    ],
)
def test_bad_arguments_are_validation_errors_before_sending(call: Callable[[Any], Any], message: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        client = MolamClient(Config(api_key="sk_test_never_sent", api_base="http://127.0.0.1:9"))
        with pytest.raises(ValidationError, match=message):
            call(client)  # port 9 is never reached: nothing was sent, or this would be a connection error
