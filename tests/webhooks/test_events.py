"""construct_event: verification plus typed parsing of every event type, unknown types, unusable bodies."""

from __future__ import annotations

import json

import pytest

import molam_sdk.models as models
from molam_sdk_ext.errors import SignatureVerificationError
from molam_sdk_ext.webhooks import (
    EVENT_TYPES,
    UnknownEvent,
    WebhookVerifier,
    construct_event,
    event_from_dict,
    sign,
)
from tests.webhooks.support import KID, SECRET, delivery, example_event, example_types

OBJECT_MODELS = {
    "payment_intent": models.PaymentIntent,
    "charge": models.Charge,
    "refund": models.Refund,
    "payout": models.Payout,
    "transfer": models.Transfer,
    "merchant.onboarding": models.MerchantOnboarding,
}


def object_model(event_type: str) -> type:
    return OBJECT_MODELS[event_type.rsplit(".", 1)[0]]


def test_every_event_type_has_a_model_and_a_spec_example() -> None:
    assert sorted(EVENT_TYPES) == example_types()
    assert set(EVENT_TYPES) == {t.value for t in models.EventType}


@pytest.mark.parametrize("event_type", sorted(EVENT_TYPES))
def test_each_event_type_parses_into_its_generated_model(event_type: str) -> None:
    source = example_event(event_type)
    body, headers = delivery(source)
    event = construct_event(body, headers, {KID: SECRET})
    assert type(event) is EVENT_TYPES[event_type]
    assert (
        type(event).__name__ == "".join(p.title() for p in event_type.replace("_", ".").split(".")) + "Event"
    )
    assert (event.id, event.type, event.created, event.livemode) == (
        source["id"],
        event_type,
        source["created"],
        source["livemode"],
    )
    obj = event.data.object
    assert isinstance(obj, object_model(event_type))
    assert obj.id == source["data"]["object"]["id"]
    # The typed object round-trips to the JSON it came from (nothing lost or invented).
    assert obj.to_dict() == source["data"]["object"]


def test_payment_intent_fields_are_typed() -> None:
    body, headers = delivery(example_event("payment_intent.succeeded"))
    event = construct_event(body, headers, SECRET)
    assert isinstance(event, models.PaymentIntentSucceededEvent)
    intent = event.data.object
    assert intent.amount == 15000 and isinstance(intent.amount, int)
    assert intent.currency == "XOF"
    assert intent.status == models.PaymentIntentStatus.SUCCEEDED


def test_unknown_event_type_keeps_the_raw_object() -> None:
    source = {
        "id": "evt_new1",
        "object": "event",
        "type": "wallet.frozen",
        "created": 1736935262,
        "api_version": "2025-01-15",
        "livemode": False,
        "data": {"object": {"id": "wal_1", "object": "wallet", "reason": "kyc"}},
    }
    body, headers = delivery(source)
    event = construct_event(body, headers, SECRET)
    assert isinstance(event, UnknownEvent)
    assert (event.id, event.type, event.created, event.api_version, event.livemode) == (
        "evt_new1",
        "wallet.frozen",
        1736935262,
        "2025-01-15",
        False,
    )
    assert event.data.object == {"id": "wal_1", "object": "wallet", "reason": "kyc"}
    assert event.raw == source


def test_unknown_event_tolerates_a_sparse_envelope() -> None:
    event = event_from_dict({"id": "evt_x", "type": "future.thing", "created": True, "data": []})
    assert isinstance(event, UnknownEvent)
    assert event.created is None and event.livemode is None and event.data.object == {}


@pytest.mark.parametrize(
    "headers",
    [
        lambda h: {"Molam-Signature": h},
        lambda h: {"molam-signature": h},
        lambda h: {"MOLAM-SIGNATURE": h},
        lambda h: {"Content-Type": "application/json", "mOlAm-SiGnAtUrE": h},
        lambda h: h,
        lambda h: h.encode(),
    ],
)
def test_header_lookup_is_case_insensitive(headers: object) -> None:
    body, signed = delivery(example_event("refund.processed"))
    event = construct_event(body, headers(signed["Molam-Signature"]), SECRET)  # type: ignore[operator]
    assert isinstance(event, models.RefundProcessedEvent)


def test_missing_header_in_mapping() -> None:
    body, _ = delivery(example_event("refund.processed"))
    with pytest.raises(SignatureVerificationError) as info:
        construct_event(body, {"Content-Type": "application/json"}, SECRET)
    assert info.value.reason == "missing_header"


def test_str_body_and_reused_verifier() -> None:
    body, headers = delivery(example_event("payout.paid"))
    verifier = WebhookVerifier({KID: SECRET})
    assert isinstance(construct_event(body.decode(), headers, verifier), models.PayoutPaidEvent)


def test_bad_signature_reason_passes_through() -> None:
    body, headers = delivery(example_event("payout.paid"), secret="whsec_wrong")
    with pytest.raises(SignatureVerificationError) as info:
        construct_event(body, headers, SECRET)
    assert info.value.reason == "signature_mismatch"


def test_tolerance_argument() -> None:
    body = json.dumps(example_event("payout.paid")).encode()
    header = sign(body, SECRET, KID, timestamp_ms=1_000)
    with pytest.raises(SignatureVerificationError) as info:
        construct_event(body, header, SECRET, tolerance=10, now=12.0)
    assert info.value.reason == "timestamp_outside_tolerance"
    assert construct_event(body, header, SECRET, tolerance=12, now=12.0).type == "payout.paid"


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"\xff\xfe",
        b"[1, 2]",
        b'"evt_1"',
        b"null",
        b'{"type": "payment_intent.succeeded"}',
        b'{"id": "evt_1"}',
        b'{"id": 7, "type": "payout.paid"}',
        b'{"id": "evt_1", "type": ""}',
        b"[" * 100_000,
    ],
)
def test_authentic_but_unusable_body_is_invalid_payload(body: bytes) -> None:
    with pytest.raises(SignatureVerificationError) as info:
        construct_event(body, sign(body, SECRET, KID), SECRET)
    assert info.value.reason == "invalid_payload"


def test_known_type_that_does_not_fit_its_model_is_invalid_payload() -> None:
    broken = example_event("payment_intent.succeeded")
    del broken["data"]["object"]["amount"]
    body, headers = delivery(broken)
    with pytest.raises(SignatureVerificationError) as info:
        construct_event(body, headers, SECRET)
    assert info.value.reason == "invalid_payload"
    assert broken["id"] in str(info.value)


def test_new_fields_and_enum_values_do_not_break_parsing() -> None:
    source = example_event("payment_intent.succeeded", brand_new_field={"x": 1})
    source["data"]["object"]["status"] = "some_future_status"
    source["data"]["object"]["another_new_field"] = "kept"
    body, headers = delivery(source)
    event = construct_event(body, headers, SECRET)
    assert isinstance(event, models.PaymentIntentSucceededEvent)
    assert event.data.object.id == source["data"]["object"]["id"]


def test_framework_header_objects_are_understood() -> None:
    from starlette.datastructures import Headers as StarletteHeaders
    from werkzeug.datastructures import Headers as WerkzeugHeaders

    body, headers = delivery(example_event("transfer.completed"))
    value = headers["Molam-Signature"]
    for container in (
        WerkzeugHeaders([("molam-signature", value)]),
        StarletteHeaders({"molam-signature": value}),
        StarletteHeaders(raw=[(b"molam-signature", value.encode())]),
    ):
        assert isinstance(construct_event(body, container, SECRET), models.TransferCompletedEvent)  # type: ignore[arg-type]


@pytest.mark.parametrize("headers", [[("Molam-Signature", "x")], 42, {"Molam-Signature": ["t=1"]}])
def test_things_that_are_not_headers_are_refused_as_malformed(headers: object) -> None:
    body, _ = delivery(example_event("transfer.completed"))
    with pytest.raises(SignatureVerificationError) as info:
        construct_event(body, headers, SECRET)  # type: ignore[arg-type]
    assert info.value.reason == "malformed_header"
