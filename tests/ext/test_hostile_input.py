"""Hostile and malformed input to the SDK: refused before anything is sent, always with a typed error.

Everything here runs against the real sandbox over HTTP (the `sandbox` fixture), so "refused before sending"
is checked where it matters: the object on the server is unchanged. Before these fixes, `update(pi.id +
"/confirm")` confirmed and charged the payment on the sandbox, `retrieve("")` surfaced an HTTP 307, and the
rest escaped as `TypeError` / `UnicodeEncodeError` / `ValueError`.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest

from molam_sdk.models.create_payment_intent_request import CreatePaymentIntentRequest
from molam_sdk_ext import AsyncMolam, ConfigurationError, Molam, MolamError, ValidationError
from molam_sdk_ext.errors import SignatureVerificationError
from molam_sdk_ext.stores import idempotency_store_from_url, webhook_event_store_from_url
from molam_sdk_ext.webhooks.signature import WebhookVerifier, sign


@pytest.fixture
def molam(sandbox: Any) -> Iterator[Molam]:
    with Molam(api_key=sandbox.new_api_key(), base_url=sandbox.url, max_retries=0) as client:
        yield client


def _intent(molam: Molam) -> Any:
    return molam.payment_intents.create(amount=1500, currency="USD", payment_method="pm_card_visa")


@pytest.mark.parametrize("suffix", ["/confirm", "/capture", "/../x"])
def test_an_id_with_a_slash_never_reaches_another_operation(molam: Molam, suffix: str) -> None:
    intent = _intent(molam)
    with pytest.raises(ValidationError) as info:
        molam.payment_intents.update(intent.id + suffix, description="x")
    assert info.value.param == "id"
    after = molam.payment_intents.retrieve(intent.id)
    assert after.status == intent.status == "requires_confirmation" and after.description != "x"


@pytest.mark.parametrize("bad", ["", ".", "..", "a/b"])
def test_every_operation_with_an_id_refuses_a_bad_one(molam: Molam, bad: str) -> None:
    """Each generated method taking a path parameter, on each resource: ValidationError naming it."""
    checked = 0
    for resource_name in dir(molam):
        resource = getattr(molam, resource_name, None)
        if resource_name.startswith("_") or not hasattr(resource, "_send"):
            continue
        for method_name, method in inspect.getmembers(resource, inspect.ismethod):
            if method_name.startswith("_"):
                continue
            parameters = list(inspect.signature(method).parameters.values())
            if not parameters or parameters[0].kind is not inspect.Parameter.POSITIONAL_OR_KEYWORD:
                continue
            with pytest.raises(ValidationError) as info:
                method(bad)
            assert info.value.param == parameters[0].name, (resource_name, method_name)
            checked += 1
    assert checked >= 15  # retrieve, update, confirm, capture, cancel, refund, balance, delete, rotate...


async def test_async_refuses_an_empty_id(sandbox: Any) -> None:
    async with AsyncMolam(api_key=sandbox.new_api_key(), base_url=sandbox.url) as molam:
        with pytest.raises(ValidationError) as info:
            await molam.payment_intents.retrieve("")
    assert info.value.param == "id"


@pytest.mark.parametrize("amount", [1.5, 1500.0, True, "1500", None])
def test_integer_money_fields_refuse_floats_bools_and_text(molam: Molam, amount: Any) -> None:
    before = len(list(molam.payment_intents.list(limit=100)))
    with pytest.raises(ValidationError) as info:
        molam.payment_intents.create(amount=amount, currency="USD", payment_method="pm_card_visa")
    assert info.value.param == "amount"
    assert len(list(molam.payment_intents.list(limit=100))) == before  # nothing reached the server


def test_integer_checks_cover_body_models_actions_and_queries(molam: Molam) -> None:
    with pytest.raises(ValidationError) as info:
        molam.payment_intents.create(body=CreatePaymentIntentRequest(amount=15.5, currency="USD"))  # type: ignore[arg-type]
    assert info.value.param == "amount"
    intent = _intent(molam)
    with pytest.raises(ValidationError) as info:
        molam.payment_intents.capture(intent.id, amount_to_capture=2.5)  # type: ignore[arg-type]
    assert info.value.param == "amount_to_capture"
    with pytest.raises(ValidationError) as info:
        molam.payment_intents.list(limit=2.5)  # type: ignore[arg-type]
    assert info.value.param == "limit"


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"idempotency_key": "commande-été-42"}, "idempotency_key"),
        ({"idempotency_key": "k" * 256}, "idempotency_key"),
        ({"idempotency_key": "line\nbreak"}, "idempotency_key"),
        ({"idempotency_key": ""}, "idempotency_key"),
        ({"extra_headers": {"Idempotency-Key": "clé"}}, "idempotency_key"),
        ({"extra_headers": {"X-Note": "naïve"}}, "extra_headers"),
        ({"molam_version": "2025-01-15é"}, "molam_version"),
        ({"description": "lone \ud800 surrogate"}, "description"),
        ({"metadata": {"a": object()}}, "metadata"),
        ({"metadata": {"nested": {"deep": [1, float("nan")]}}}, "metadata"),
        ({"metadata": {"\udcff": "key"}}, "metadata"),
    ],
)
def test_unencodable_requests_are_validation_errors(molam: Molam, kwargs: dict[str, Any], param: str) -> None:
    arguments: dict[str, Any] = {"amount": 1500, "currency": "USD", "payment_method": "pm_card_visa"}
    arguments.update(kwargs)
    with pytest.raises(ValidationError) as info:
        molam.payment_intents.create(**arguments)
    assert info.value.param == param
    assert "object at 0x" not in str(info.value)


async def test_async_unencodable_requests_are_validation_errors(sandbox: Any) -> None:
    async with AsyncMolam(api_key=sandbox.new_api_key(), base_url=sandbox.url) as molam:
        with pytest.raises(ValidationError) as info:
            await molam.payment_intents.create(amount=1500, currency="USD", idempotency_key="ключ")
        assert info.value.param == "idempotency_key"
        with pytest.raises(ValidationError) as info:
            await molam.payment_intents.create(amount=1500, currency="USD", metadata={"a": {1, 2}})
        assert info.value.param == "metadata"


@pytest.mark.parametrize("url", ["bogus://x", "sqlite:///:memory:", "no-scheme", "mysql://db/x"])
def test_a_bad_store_url_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("MOLAM_STORE_URL", url)
    with pytest.raises(ConfigurationError) as info:
        Molam(api_key="sk_test_hostile_input_1", base_url="http://127.0.0.1:9")
    assert isinstance(info.value, MolamError) and info.value.param == "store_url"
    # The store factories say so too (still a ValueError for callers that catch that).
    for factory in (webhook_event_store_from_url, idempotency_store_from_url):
        with pytest.raises(MolamError) as raised:
            factory(url)
        assert isinstance(raised.value, ValueError) and raised.value.param == "store_url"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("options", "param"),
    [
        ({"log": "verbose"}, "log"),
        ({"base_url": "http://127.0.0.1:12111/v1 x"}, "base_url"),
        ({"base_url": "https://api.molam.com/\x00"}, "base_url"),
        ({"base_url": "http://evil.localhost"}, "base_url"),
        ({"max_response_bytes": 0}, "max_response_bytes"),
    ],
)
def test_loose_configuration_is_refused(options: dict[str, Any], param: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        Molam(api_key="sk_test_hostile_input_1", **options)
    assert info.value.param == param


@pytest.mark.parametrize("returned", ["", 0, 42, b"whsec_bytes", ["whsec_x"], {"k": "v"}])
def test_a_secrets_callable_returning_garbage_fails_verification_only(returned: object) -> None:
    body = b'{"id": "evt_1"}'
    header = sign(body, "whsec_real_secret", kid="k1")
    verifier = WebhookVerifier(lambda kid: returned)  # type: ignore[arg-type,return-value]
    with pytest.raises(SignatureVerificationError) as info:
        verifier.verify(body, header)
    assert info.value.reason == "invalid_secret"


def test_client_secret_is_redacted_in_the_model_repr(molam: Molam) -> None:
    intent = _intent(molam)
    assert intent.client_secret  # the sandbox returns one
    assert intent.client_secret not in repr(intent)
    assert "client_secret='***'" in repr(intent) and intent.id in repr(intent)
    endpoint = molam.webhook_endpoints.create(url="http://127.0.0.1:9/hook", enabled_events=["payout.paid"])
    assert endpoint.secret and endpoint.secret not in repr(endpoint)
