"""Money conversions: exponents from ISO 4217, strict refusals, and round trips (Hypothesis)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from molam_sdk_ext.errors import ValidationError
from molam_sdk_ext.money import (
    MAX_MINOR_UNITS,
    AmountTypeError,
    Money,
    exponent,
    from_minor_units,
    to_minor_units,
)

CURRENCIES = {
    "XOF": 0,
    "XAF": 0,
    "GNF": 0,
    "USD": 2,
    "EUR": 2,
    "NGN": 2,
    "GHS": 2,
    "KWD": 3,
    "BHD": 3,
    "TND": 3,
}


@pytest.mark.parametrize(("code", "places"), sorted(CURRENCIES.items()))
def test_exponents(code: str, places: int) -> None:
    assert exponent(code) == places
    assert exponent(code.lower()) == places


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [
        (Decimal("15000"), "XOF", 15000),
        ("25000.00", "NGN", 2500000),
        ("19.99", "USD", 1999),
        (Decimal("10.50"), "EUR", 1050),
        (Decimal("10.500"), "USD", 1050),
        (19, "USD", 1900),
        ("1.5", "KWD", 1500),
        ("0", "USD", 0),
        (" 7.25 ", "usd", 725),
        ("1E+2", "XOF", 100),
    ],
)
def test_to_minor_units(amount: Decimal | str | int, currency: str, minor: int) -> None:
    assert to_minor_units(amount, currency) == minor
    assert type(to_minor_units(amount, currency)) is int


def test_from_minor_units_keeps_the_currency_decimals() -> None:
    assert str(from_minor_units(1050, "USD")) == "10.50"
    assert str(from_minor_units(15000, "XOF")) == "15000"
    assert str(from_minor_units(1500, "KWD")) == "1.500"


@pytest.mark.parametrize("amount", [19.99, 1.0, float("nan"), True, None, [1], b"1"])
def test_non_decimal_types_are_refused(amount: object) -> None:
    with pytest.raises(AmountTypeError) as info:
        to_minor_units(amount, "USD")  # type: ignore[arg-type]
    assert info.value.param == "amount"
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, ValidationError)


@pytest.mark.parametrize(
    ("amount", "currency"),
    [
        (Decimal("10.005"), "USD"),
        (Decimal("100.5"), "XOF"),
        ("0.0001", "KWD"),
        ("-1", "USD"),
        (-5, "XOF"),
        (Decimal("NaN"), "USD"),
        (Decimal("sNaN"), "USD"),
        (Decimal("Infinity"), "USD"),
        ("-inf", "USD"),
        ("twelve", "USD"),
        ("", "USD"),
        ("1e40", "USD"),
        (str(MAX_MINOR_UNITS), "USD"),
        ("1." + "0" * 80 + "1", "USD"),
    ],
)
def test_bad_amounts_are_refused_with_param_amount(amount: Decimal | str | int, currency: str) -> None:
    with pytest.raises(ValidationError) as info:
        to_minor_units(amount, currency)
    assert info.value.param == "amount"


@pytest.mark.parametrize("currency", ["ZZZ", "US", "USDX", "", "12$", "XAU", "XTS", "XXX"])
def test_bad_currencies_are_refused_with_param_currency(currency: str) -> None:
    with pytest.raises(ValidationError) as info:
        to_minor_units("1", currency)
    assert info.value.param == "currency"


def test_metal_currencies_say_why() -> None:
    with pytest.raises(ValidationError, match="no minor unit"):
        exponent("XAU")


def test_from_minor_units_refuses_floats_and_negatives() -> None:
    with pytest.raises(AmountTypeError):
        from_minor_units(10.0, "USD")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        from_minor_units(-1, "USD")
    with pytest.raises(ValidationError):
        from_minor_units(MAX_MINOR_UNITS + 1, "USD")


def test_money_object() -> None:
    price = Money("19.99", "usd")
    assert price.amount == Decimal("19.99")
    assert price.currency == "USD"
    assert price.minor_units == 1999
    assert price.exponent == 2
    assert str(price) == "19.99 USD"
    assert Money.from_minor_units(15000, "XOF") == Money(Decimal("15000"), "XOF")
    assert str(Money(5, "KWD")) == "5.000 KWD"
    with pytest.raises(ValidationError):
        Money(Decimal("100.5"), "XOF")
    with pytest.raises(AmountTypeError):
        Money(1.5, "USD")  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        price.amount = Decimal(1)  # type: ignore[misc]


currencies = st.sampled_from(sorted(CURRENCIES))
minor_units = st.integers(min_value=0, max_value=MAX_MINOR_UNITS)


@given(minor=minor_units, currency=currencies)
def test_round_trip_from_minor(minor: int, currency: str) -> None:
    assert to_minor_units(from_minor_units(minor, currency), currency) == minor
    assert to_minor_units(str(from_minor_units(minor, currency)), currency) == minor


@given(
    amount=st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False, allow_infinity=False),
    currency=currencies,
)
def test_round_trip_from_decimal_or_refusal(amount: Decimal, currency: str) -> None:
    places = CURRENCIES[currency]
    exact = amount == amount.quantize(Decimal(1).scaleb(-places))
    if exact:
        minor = to_minor_units(amount, currency)
        assert from_minor_units(minor, currency) == amount
    else:
        with pytest.raises(ValidationError):
            to_minor_units(amount, currency)


@given(value=st.floats(allow_nan=True, allow_infinity=True))
def test_any_float_is_refused(value: float) -> None:
    with pytest.raises(AmountTypeError):
        to_minor_units(value, "USD")  # type: ignore[arg-type]
