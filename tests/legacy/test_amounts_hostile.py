"""The legacy amount path goes through the one money parser (issue 21, item 9).

SDK B's models converted a str amount with ``Decimal(str(amount))``, which reads other scripts' digits and
``_`` separators: ``PaymentIntentCreate(amount=<"100" in Arabic-Indic digits>, currency="XOF")`` was sent as
100 and ``"1_000"`` USD as 100000; a 100,000-character amount was echoed whole in the error message. Every
legacy amount now goes through `molam_sdk_ext.money.parse_amount` / `parse_minor_units`, so it refuses
exactly what they refuse.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest

from molam_sdk.errors import ValidationError as RealValidationError
from molam_sdk_ext.legacy import PaymentIntentCreate, PayoutCreate, RefundCreate
from molam_sdk_ext.legacy.amounts import major_to_minor, minor_units
from molam_sdk_ext.legacy.exceptions import ValidationError
from molam_sdk_ext.money import MAX_AMOUNT_TEXT, parse_amount

BENEFICIARY = {"type": "mobile_money", "provider": "orange", "msisdn": "+221770000000", "account_holder": "A"}
HUGE = "9" * 100_000

MAKERS: dict[str, Callable[[Any, str], object]] = {
    "PaymentIntentCreate": lambda amount, currency: PaymentIntentCreate(amount=amount, currency=currency),
    "PayoutCreate": lambda amount, currency: PayoutCreate(
        amount=amount,
        currency=currency,
        beneficiary=BENEFICIARY,
        origin_module="connect",
        origin_entity="m_1",
    ),
    "RefundCreate": lambda amount, currency: RefundCreate(
        payment_id="pi_1", amount=amount, currency=currency
    ),
    "RefundCreate without currency": lambda amount, currency: RefundCreate(payment_id="pi_1", amount=amount),
}

# Text the one parser refuses: other scripts' digits, separators, words, and lengths it never reads.
HOSTILE_TEXT = [
    "\u0661\u0660\u0660",  # Arabic-Indic digits
    "\u0967\u0966\u0966",  # Devanagari
    "\uff11\uff10\uff10",  # fullwidth
    "1_000",
    "1 000",
    "1,000",
    "Infinity",
    "NaN",
    "0x10",
    "",
    HUGE,
    "1" + "0" * MAX_AMOUNT_TEXT,
]


@pytest.fixture(autouse=True)
def _no_deprecation_noise() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        yield


@pytest.mark.parametrize("make", list(MAKERS.values()), ids=list(MAKERS))
@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=lambda text: f"{text[:12]!r}x{len(text)}")
def test_every_legacy_model_refuses_what_the_money_parser_refuses(
    make: Callable[[Any, str], object], text: str
) -> None:
    with pytest.raises(RealValidationError):
        parse_amount(text)  # the premise: the one parser refuses it
    currency = "USD" if text == "1_000" else "XOF"
    with pytest.raises(ValidationError) as refused:
        make(text, currency)
    assert refused.value.param == "amount"
    assert len(str(refused.value)) < 400  # never the 100,000 characters back
    if len(text) > MAX_AMOUNT_TEXT:
        assert text not in str(refused.value)


def test_the_issue_s_examples() -> None:
    with pytest.raises(ValidationError, match="not a number"):
        PaymentIntentCreate(amount="\u0661\u0660\u0660", currency="XOF")
    with pytest.raises(ValidationError, match="not a number"):
        PaymentIntentCreate(amount="1_000", currency="USD")
    with pytest.raises(ValidationError) as huge:
        PaymentIntentCreate(amount=HUGE, currency="XOF")
    assert len(str(huge.value)) < 400
    # What SDK B users wrote still works, to the exact minor unit.
    assert PaymentIntentCreate(amount=100.50, currency="USD").minor_units == 10050
    assert PaymentIntentCreate(amount=" 1500 ", currency="XOF").minor_units == 1500
    assert PaymentIntentCreate(amount=Decimal("19.99"), currency="usd").minor_units == 1999
    assert PaymentIntentCreate(amount="1e3", currency="XOF").minor_units == 1000


@pytest.mark.parametrize(
    "amount",
    [
        Decimal(HUGE),  # far beyond int64
        Decimal("0." + "1" * 100_000),  # far finer than any minor unit
        Decimal("1e-999999999"),
        10**5000,
        1e300,
    ],
    ids=["huge_decimal", "fine_decimal", "tiny_exponent", "huge_int", "huge_float"],
)
def test_huge_or_fine_numbers_are_refused_quickly_and_never_quoted(amount: Any) -> None:
    started = time.perf_counter()
    with pytest.raises(ValidationError) as refused:
        major_to_minor(amount, "USD")
    assert time.perf_counter() - started < 1.0
    assert refused.value.param == "amount" and len(str(refused.value)) < 400


def test_sdk_a_minor_units_go_through_the_same_bounds() -> None:
    assert minor_units(2500) == 2500
    assert minor_units(2**63 - 1) == 2**63 - 1
    for bad in (2**63, 10**5000, -1):
        with pytest.raises(ValidationError) as refused:
            minor_units(bad, param="amount_to_capture")
        assert refused.value.param == "amount_to_capture"
        assert str(refused.value).startswith("amount_to_capture ") and len(str(refused.value)) < 200
    for wrong in ("2500", 25.0, True, Decimal(2500)):
        with pytest.raises(ValidationError):
            minor_units(wrong)
