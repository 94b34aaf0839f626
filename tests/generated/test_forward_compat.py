"""The generated models tolerate what a newer API sends: new enum values, new fields, new union variants."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from molam_sdk.errors import MissingFieldError
from molam_sdk.models import (
    BankAccountBeneficiary,
    MobileMoneyBeneficiary,
    PaymentIntent,
    PaymentIntentStatus,
    Payout,
)

from .spec_cases import load_spec, resolve

SPEC = load_spec()


def example(name: str) -> dict[str, Any]:
    """A deep copy of components/examples/<name>.value from the spec."""
    value: dict[str, Any] = resolve(SPEC, {"$ref": f"#/components/examples/{name}"})["value"]
    return copy.deepcopy(value)


def test_unknown_status_is_kept_and_sent_back_unchanged() -> None:
    data = example("PaymentIntentSucceeded")
    data["status"] = "requires_biometric_check"

    intent = PaymentIntent.from_dict(data)

    assert intent.status == "requires_biometric_check"
    assert intent.status.value == "requires_biometric_check"
    assert intent.status.is_unknown
    assert intent.status.name == "UNKNOWN"
    assert isinstance(intent.status, PaymentIntentStatus)
    assert intent.to_dict() == data


def test_known_status_is_a_regular_member() -> None:
    intent = PaymentIntent.from_dict(example("PaymentIntentSucceeded"))

    assert intent.status is PaymentIntentStatus.SUCCEEDED
    assert not intent.status.is_unknown
    assert str(intent.status) == "succeeded"


def test_unknown_values_do_not_join_the_enum() -> None:
    before = list(PaymentIntentStatus)
    PaymentIntentStatus("brand_new_status")
    assert list(PaymentIntentStatus) == before
    assert "brand_new_status" not in PaymentIntentStatus.__members__


def test_non_string_value_is_still_refused() -> None:
    with pytest.raises(ValueError):
        PaymentIntentStatus(42)  # type: ignore[arg-type]


def test_unknown_fields_are_kept_and_round_trip() -> None:
    data = example("PaymentIntentSucceeded")
    data["risk_score"] = 12
    data["installments"] = {"count": 3, "plan": ["a", "b"]}

    intent = PaymentIntent.from_dict(data)

    assert intent.additional_properties == {
        "risk_score": 12,
        "installments": {"count": 3, "plan": ["a", "b"]},
    }
    assert intent["risk_score"] == 12
    assert intent.to_dict() == data


def test_known_beneficiary_variants_are_picked_by_the_discriminator() -> None:
    bank = Payout.from_dict(example("PayoutPendingBankAccount"))
    mobile = Payout.from_dict(example("PayoutPendingOrangeMoney"))

    assert isinstance(bank.beneficiary, BankAccountBeneficiary)
    assert isinstance(mobile.beneficiary, MobileMoneyBeneficiary)
    assert bank.to_dict() == example("PayoutPendingBankAccount")


def test_unknown_beneficiary_type_is_kept_as_a_dict() -> None:
    data = example("PayoutPendingOrangeMoney")
    data["beneficiary"] = {"type": "crypto_wallet", "address": "0xabc", "network": "celo"}

    payout = Payout.from_dict(data)

    assert payout.beneficiary == {"type": "crypto_wallet", "address": "0xabc", "network": "celo"}
    assert payout.to_dict() == data


def test_missing_required_field_names_the_model_and_the_field() -> None:
    data = example("PaymentIntentSucceeded")
    del data["amount"]

    with pytest.raises(MissingFieldError) as caught:
        PaymentIntent.from_dict(data)

    assert caught.value.model == "PaymentIntent"
    assert caught.value.field == "amount"
    assert "PaymentIntent" in str(caught.value) and "'amount'" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_a_variant_missing_a_required_field_is_reported_not_swallowed() -> None:
    data = example("PayoutPendingBankAccount")
    del data["beneficiary"]["account_number"]

    with pytest.raises(MissingFieldError) as caught:
        Payout.from_dict(data)

    assert (caught.value.model, caught.value.field) == ("BankAccountBeneficiary", "account_number")


def test_metadata_reads_like_a_dict() -> None:
    from molam_sdk.models import Metadata

    metadata = Metadata.from_dict({"order_id": "1042", "channel": "web"})
    assert metadata.get("order_id") == "1042" and metadata.get("missing") is None
    assert metadata.get("missing", "x") == "x"
    assert (
        dict(metadata.items()) == {"order_id": "1042", "channel": "web"} == {k: metadata[k] for k in metadata}
    )
    assert list(metadata.keys()) == ["order_id", "channel"] and len(metadata) == 2
    assert not Metadata.from_dict({})  # empty metadata is falsy, as an empty dict is
