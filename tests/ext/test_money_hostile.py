"""The money parser under hostile input: every bad amount is a `ValidationError` at once, never a spin.

Each property runs with a per-example time budget (hypothesis `deadline=`): before the fix,
``"1e-999999999"`` and ``"0E+999999999999999999"`` spun for seconds to forever (``10**shift`` was computed
before the range check), ``"1" + "0" * 100000`` raised a bare `ValueError`, and ``"١٢٣"`` and ``"1_000"`` were
accepted. The budget is far above what a conversion costs (microseconds) and far below a spin.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st

from molam_sdk_ext.cli.params import parse_amount
from molam_sdk_ext.errors import ValidationError
from molam_sdk_ext.money import MAX_MINOR_UNITS, exponent, to_minor_units

BUDGET = settings(deadline=dt.timedelta(milliseconds=250), max_examples=300)
CURRENCIES = st.sampled_from(["XOF", "USD", "KWD", "GHS"])

# Numbers as people and attackers write them: huge or tiny exponents, long digit runs, signs, points.
_EXPONENTS = st.one_of(st.integers(-30, 30), st.integers(-(10**24), 10**24))
NUMERIC_TEXT = st.builds(
    lambda sign, digits, point, exp: (
        f"{sign}{digits}{point}e{exp}" if exp is not None else f"{sign}{digits}{point}"
    ),
    st.sampled_from(["", "+", "-"]),
    st.from_regex(r"[0-9]{1,60}", fullmatch=True),
    st.sampled_from(["", ".", ".5", ".05", ".000", ".0001"]),
    st.none() | _EXPONENTS,
)
HOSTILE_TEXT = st.one_of(
    NUMERIC_TEXT,
    st.text(max_size=60),
    st.sampled_from(
        [
            "1e-999999999",
            "0E+999999999999999999",
            "1" + "0" * 100000,
            "0." + "0" * 100000 + "1",
            "١٢٣",
            "1_000",
            "\uff11\uff12\uff13",  # fullwidth digits
            "1,000.00",
            "Infinity",
            "-NaN",
            "sNaN",
            "",
            " ",
        ]
    ),
)


def _exact_minor(text: str, places: int) -> int | None:
    """The reference: exact rational arithmetic, for texts small enough to compute that way."""
    value = Fraction(Decimal(text)) * 10**places
    if value.denominator != 1 or value < 0 or value > MAX_MINOR_UNITS:
        return None
    return int(value)


@pytest.mark.slow
@BUDGET
@given(text=HOSTILE_TEXT, currency=CURRENCIES)
def test_any_text_is_an_exact_amount_or_a_validation_error(text: str, currency: str) -> None:
    try:
        minor = to_minor_units(text, currency)
    except ValidationError as error:
        assert error.param == "amount"
        return
    assert isinstance(minor, int) and 0 <= minor <= MAX_MINOR_UNITS
    assert text.strip().isascii() and "_" not in text
    assert minor == _exact_minor(text.strip(), exponent(currency))


@pytest.mark.slow
@BUDGET
@given(
    sign=st.integers(0, 1),
    digits=st.lists(st.integers(0, 9), min_size=1, max_size=60),
    exp=st.integers(-(10**17), 10**17),  # about the most a Decimal can hold
    currency=CURRENCIES,
)
def test_any_decimal_is_bounded_before_arithmetic(
    sign: int, digits: list[int], exp: int, currency: str
) -> None:
    value = Decimal((sign, tuple(digits), exp))
    try:
        minor = to_minor_units(value, currency)
    except ValidationError as error:
        assert error.param == "amount"
        return
    assert 0 <= minor <= MAX_MINOR_UNITS
    assert Fraction(minor, 10 ** exponent(currency)) == Fraction(value)


@pytest.mark.slow
@BUDGET
@given(text=HOSTILE_TEXT, currency=CURRENCIES)
def test_cli_amount_is_bounded_too(text: str, currency: str) -> None:
    try:
        minor = parse_amount(text, currency)
    except typer.BadParameter:
        return
    assert 0 < minor <= MAX_MINOR_UNITS


@pytest.mark.parametrize("text", ["١٢٣", "1_000", "\uff11\uff12\uff13", "1" + "0" * 100000])
def test_refused_forms(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        to_minor_units(text, "USD")
    assert info.value.param == "amount"


@pytest.mark.slow
def test_cli_refuses_a_spinning_amount_at_once() -> None:
    """The real `molam` process: the amount is refused as a usage error (exit 2) before any request."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "molam_sdk_ext.cli",
            "--api-base",
            "http://127.0.0.1:9",
            "payments",
            "create",
            "--amount",
            "1e-999999999",
            "--currency",
            "USD",
            "--payment-method",
            "pm_card_visa",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert "--amount" in done.stderr
