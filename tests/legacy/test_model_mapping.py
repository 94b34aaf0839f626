"""Generated models read like the decoded JSON the earlier SDK A returned: `intent["id"]`, `"status" in intent`,
`intent.get("metadata")`, for declared fields by their JSON name and for unknown fields alike."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from molam_sdk import models
from molam_sdk.models import CreatePaymentIntentRequest, PaymentIntent, PaymentIntentList, PaymentIntentStatus
from molam_sdk.types import UNSET
from tests.generated.spec_cases import load_spec, resolve

SPEC = load_spec()


def example(name: str) -> dict[str, Any]:
    """A deep copy of components/examples/<name>.value from the spec."""
    value: dict[str, Any] = resolve(SPEC, {"$ref": f"#/components/examples/{name}"})["value"]
    return copy.deepcopy(value)


def test_declared_fields_by_json_name() -> None:
    data = example("PaymentIntentSucceeded")
    intent = PaymentIntent.from_dict(data)

    assert intent["id"] == intent.id == data["id"]
    assert intent["amount"] == data["amount"] and isinstance(intent["amount"], int)
    status = intent["status"]
    assert status == "succeeded"  # a str enum: compares like the string SDK A returned
    assert status is PaymentIntentStatus.SUCCEEDED
    assert intent["metadata"]["order_id"] == data["metadata"]["order_id"]
    assert intent["description"] == data["description"]
    assert "status" in intent and "id" in intent
    assert intent.get("metadata") is intent.metadata
    assert intent.get("no_such_field") is None and intent.get("no_such_field", 7) == 7
    with pytest.raises(KeyError):
        intent["no_such_field"]


def test_null_is_present_unset_is_absent() -> None:
    intent = PaymentIntent.from_dict(example("PaymentIntentSucceeded"))
    intent.description = None
    assert "description" in intent and intent["description"] is None  # JSON null: the key is there

    request = CreatePaymentIntentRequest(amount=1500, currency="USD")
    assert request.description is UNSET
    assert "description" not in request
    assert request.get("description", "none") == "none"
    with pytest.raises(KeyError):
        request["description"]
    assert request.keys() == list(request.to_dict()) == ["amount", "currency", "confirm"]  # confirm: default
    assert dict(request) == {"amount": 1500, "currency": "USD", "confirm": False}


def test_unknown_fields_read_the_same_way() -> None:
    data = example("PaymentIntentSucceeded")
    data["risk_score"] = 12
    intent = PaymentIntent.from_dict(data)

    assert intent["risk_score"] == 12 and "risk_score" in intent and intent.get("risk_score") == 12
    assert intent.keys()[-1] == "risk_score"
    assert set(intent.keys()) == set(data)
    assert dict(intent.items())["risk_score"] == 12


def test_writes_go_to_the_attribute_and_declared_fields_cannot_be_deleted() -> None:
    intent = PaymentIntent.from_dict(example("PaymentIntentSucceeded"))
    intent["description"] = "Commande 7"
    assert intent.description == "Commande 7" and "description" not in intent.additional_properties
    assert intent.to_dict()["description"] == "Commande 7"
    with pytest.raises(TypeError, match="declared field of PaymentIntent"):
        del intent["description"]
    intent["note"] = "x"
    del intent["note"]
    assert "note" not in intent and intent.additional_properties == {}


def test_list_envelopes_read_like_dicts() -> None:
    item = example("PaymentIntentSucceeded")
    page = PaymentIntentList.from_dict(
        {"object": "list", "data": [item], "has_more": False, "next_cursor": None}
    )
    assert page["has_more"] is False and page["next_cursor"] is None
    assert [p["id"] for p in page["data"]] == [item["id"]]


def test_every_spec_example_reads_back_as_its_own_json() -> None:
    """Every example of the spec, parsed: each JSON key reads back as its value, and no other key is there."""
    examples = SPEC["components"]["examples"]
    for name, entry in examples.items():
        parsed = _model_for(name).from_dict(copy.deepcopy(entry["value"]))
        dumped = parsed.to_dict()
        assert dumped == entry["value"], name
        assert set(parsed.keys()) == set(dumped), name
        for key, value in dumped.items():
            assert key in parsed, (name, key)
            assert _json(parsed[key]) == value, (name, key)
    assert len(examples) > 40


_NAMED_OTHERWISE = {
    "WebhookEndpointDeleted": models.DeletedWebhookEndpoint,
    "WebhookEndpointCreated": models.WebhookEndpointWithSecret,
    "WebhookEndpointRotated": models.WebhookEndpointWithSecret,
}


def _model_for(example_name: str) -> Any:
    """The model an example belongs to: the longest model name it starts with (`PaymentIntentListPage` ->
    `PaymentIntentList`); error examples are `ErrorResponse` bodies."""
    if example_name.startswith("Error"):
        return models.ErrorResponse
    if example_name in _NAMED_OTHERWISE:
        return _NAMED_OTHERWISE[example_name]
    names = [
        n for n in dir(models) if example_name.startswith(n) and hasattr(getattr(models, n), "from_dict")
    ]
    return getattr(models, max(names, key=len))


def _json(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [_json(item) for item in value]
    return getattr(value, "value", value)
