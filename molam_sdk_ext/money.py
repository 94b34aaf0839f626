"""Money: `Decimal` amounts <-> integer minor units, by the currency's ISO 4217 exponent. Never a float.

The API takes integers in the currency's minor unit: ``15000`` XOF is 15,000 F CFA (exponent 0),
``2500000`` NGN is 25,000.00 naira (exponent 2), ``1500`` KWD is 1.500 dinar (exponent 3)::

    to_minor_units(Decimal("25000.00"), "NGN")   # 2500000
    to_minor_units("19.99", "USD")                # 1999
    from_minor_units(15000, "XOF")                # Decimal("15000")
    Money(Decimal("10.50"), "EUR").minor_units    # 1050

Refused with `ValidationError` before anything is sent: floats (``param="amount"``, also a `TypeError`),
negative, NaN or infinite amounts, amounts more precise than the currency allows (``10.005`` USD, ``100.5``
XOF), and unknown currencies or currencies without a minor unit such as gold (``param="currency"``).

Hostile input costs microseconds, never a spin: a string is matched against a plain ASCII pattern (digits
``0-9``, one optional point, an optional exponent; no ``_`` separators, no other scripts'
digits, at most `MAX_AMOUNT_TEXT` characters) before `Decimal` sees it, and the magnitude of any `Decimal`
(``Decimal("1e-999999999")``) is bounded by its adjusted exponent, read in O(1), before any arithmetic that
grows with it.
"""

from __future__ import annotations

import decimal
import functools
import re
from decimal import Decimal

import attrs

from .errors import ValidationError

__all__ = [
    "AmountTypeError",
    "Money",
    "exponent",
    "from_minor_units",
    "parse_amount",
    "parse_minor_units",
    "to_minor_units",
]

_CODE = re.compile(r"[A-Z]{3}")
# Enough digits for any amount the API can carry (int64 minor units) at any ISO 4217 exponent.
_CONTEXT = decimal.Context(prec=40, traps=[decimal.InvalidOperation, decimal.Inexact])
#: Longest amount text accepted: 19 integer digits, a point and 4 decimals fit with room to spare.
MAX_AMOUNT_TEXT = 40
# ASCII only (re.ASCII, and explicit [0-9]): `Decimal` itself would take "١٢٣", "1_000" and "Infinity".
_AMOUNT_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
#: The largest adjusted exponent (power of ten of the leading digit) of an amount that can fit in int64.
_MAX_ADJUSTED = 18


class AmountTypeError(ValidationError, TypeError):
    """An amount of the wrong type (a float, a bool, ...): also a `TypeError`."""


_UNKNOWN = -1
#: The API's amounts are signed 64-bit integers.
MAX_MINOR_UNITS = 2**63 - 1


@functools.cache
def _exponent_of(code: str) -> int | None:
    # iso4217 parses its XML table on import (tens of ms): load it only when money is first converted.
    import iso4217

    try:
        currency = iso4217.Currency(code)
    except ValueError:
        return _UNKNOWN
    result: int | None = currency.exponent
    return result


def exponent(currency: str) -> int:
    """The number of decimals of `currency`'s minor unit (XOF 0, USD 2, KWD 3).

    Raises `ValidationError(param="currency")` for unknown codes and for currencies without a minor unit.
    """
    code = normalise_currency(currency)
    found = _exponent_of(code)
    if found == _UNKNOWN:
        raise ValidationError(f"Unknown currency {code!r}: expected an ISO 4217 code.", param="currency")
    if found is None:
        raise ValidationError(
            f"Currency {code!r} has no minor unit (ISO 4217 'N.A.'), so it cannot be charged.",
            param="currency",
        )
    return found


def normalise_currency(currency: str) -> str:
    """`currency` as an upper-case three-letter code, or `ValidationError(param="currency")`."""
    if not isinstance(currency, str):
        raise ValidationError(
            f"currency must be a three-letter ISO 4217 code, got {type(currency).__name__}.", param="currency"
        )
    code = currency.strip().upper()
    if not _CODE.fullmatch(code):
        raise ValidationError(
            f"currency must be a three-letter ISO 4217 code, got {currency!r}.", param="currency"
        )
    return code


def _as_decimal(amount: Decimal | str | int) -> Decimal:
    if isinstance(amount, bool) or not isinstance(amount, Decimal | str | int):
        hint = (
            " (floats cannot hold money exactly: use Decimal('19.99') or '19.99')"
            if isinstance(amount, float)
            else ""
        )
        raise AmountTypeError(
            f"amount must be a Decimal, a str or an int, not {type(amount).__name__}{hint}.", param="amount"
        )
    if isinstance(amount, int):
        return Decimal(amount)
    if isinstance(amount, str):
        text = amount.strip()
        if len(text) > MAX_AMOUNT_TEXT:
            raise ValidationError(
                f"amount is not a number of at most {MAX_AMOUNT_TEXT} characters.", param="amount"
            )
        if not _AMOUNT_TEXT.fullmatch(text):
            raise ValidationError(
                f"amount {text!r} is not a number (ASCII digits with an optional decimal point; no separators).",
                param="amount",
            )
        try:
            value = Decimal(text)
        except decimal.DecimalException:  # an exponent beyond what Decimal can hold at all
            raise ValidationError("amount is out of range.", param="amount") from None
    else:
        value = amount
    if not value.is_finite():
        raise ValidationError("amount must be a finite number (not NaN or infinity).", param="amount")
    return value


def to_minor_units(amount: Decimal | str | int, currency: str) -> int:
    """`amount` (in major units: ``Decimal("19.99")``, ``"19.99"`` or ``19``) as an integer of minor units."""
    value = _as_decimal(amount)
    if value < 0:
        raise ValidationError("amount must not be negative.", param="amount")
    places = exponent(currency)
    if value.is_zero():
        return 0  # whatever its exponent: 0E+999999999 is zero
    # The magnitude first, in O(1): nothing below ever works on a number larger than int64 or finer than
    # 40 significant digits, whatever exponent the input carried.
    adjusted = value.adjusted()
    if adjusted > _MAX_ADJUSTED:
        raise ValidationError("amount is too large.", param="amount")
    if adjusted < -places:
        raise _too_precise(value, currency, places)
    try:
        # Exact or refused: the context traps Inexact, so no digit is ever rounded away.
        whole = value.scaleb(places, _CONTEXT).to_integral_exact(context=_CONTEXT)
    except decimal.Inexact:
        raise _too_precise(value, currency, places) from None
    minor = int(whole)
    if minor > MAX_MINOR_UNITS:
        raise ValidationError("amount is too large.", param="amount")
    return minor


def _too_precise(value: Decimal, currency: str, places: int) -> ValidationError:
    # A long value is not quoted back: its digits say nothing more than "too precise".
    shown = f" {value}" if len(str(value)) <= MAX_AMOUNT_TEXT else ""
    return ValidationError(
        f"amount{shown} has more decimals than {normalise_currency(currency)} allows ({places}).",
        param="amount",
    )


def parse_amount(amount: Decimal | str | int) -> Decimal:
    """`amount` as a `Decimal` checked like every amount, whatever its unit: the text rules of `to_minor_units`,
    finite, not negative, and no larger than int64 (its magnitude read in O(1), so ``"1e999999999"`` is refused
    in microseconds). `ValidationError(param="amount")` otherwise."""
    value = _as_decimal(amount)
    if value < 0:
        raise ValidationError("amount must not be negative.", param="amount")
    if not value.is_zero() and value.adjusted() > _MAX_ADJUSTED:
        raise ValidationError("amount is too large.", param="amount")
    return value


def parse_minor_units(amount: Decimal | str | int) -> int:
    """An amount already in minor units (``"15000"``, a ledger cell, a CLI argument) as an int from 0 to int64.

    The same parser as `to_minor_units` (ASCII digits, no separators, bounded length and magnitude); a value
    with a fractional part (``"1.5"``) is refused, ``"1500.0"`` is 1500. `ValidationError(param="amount")`.
    """
    value = parse_amount(amount)
    if value.is_zero():
        return 0
    try:
        # Bounded above: at most 19 integer digits. Below, a fraction is refused before any arithmetic.
        if value.adjusted() < 0:
            raise decimal.Inexact
        whole = value.to_integral_exact(context=_CONTEXT)
    except decimal.Inexact:
        shown = f" {value}" if len(str(value)) <= MAX_AMOUNT_TEXT else ""
        raise ValidationError(
            f"amount{shown} is not a whole number of minor units.", param="amount"
        ) from None
    minor = int(whole)
    if minor > MAX_MINOR_UNITS:
        raise ValidationError("amount is too large.", param="amount")
    return minor


def from_minor_units(minor: int, currency: str) -> Decimal:
    """An integer of minor units as a `Decimal` in major units with the currency's decimals (``Decimal("10.50")``)."""
    if isinstance(minor, bool) or not isinstance(minor, int):
        raise AmountTypeError(f"minor units must be an int, not {type(minor).__name__}.", param="amount")
    if minor < 0:
        raise ValidationError("amount must not be negative.", param="amount")
    if minor > MAX_MINOR_UNITS:
        raise ValidationError("amount is too large.", param="amount")
    places = exponent(currency)
    return Decimal(minor).scaleb(-places, _CONTEXT)


@attrs.frozen
class Money:
    """An amount in a currency, checked on creation: non-negative, finite, no finer than the minor unit.

    ``Money("19.99", "usd")`` holds ``Decimal("19.99")`` and ``"USD"``; `minor_units` is what the API takes.
    """

    amount: Decimal = attrs.field(converter=_as_decimal)
    currency: str = attrs.field(converter=normalise_currency)

    def __attrs_post_init__(self) -> None:
        to_minor_units(self.amount, self.currency)  # validates sign, precision and currency

    @property
    def minor_units(self) -> int:
        """The amount as an integer in the currency's minor unit."""
        return to_minor_units(self.amount, self.currency)

    @property
    def exponent(self) -> int:
        """The currency's number of decimals."""
        return exponent(self.currency)

    @classmethod
    def from_minor_units(cls, minor: int, currency: str) -> Money:
        """The `Money` for an API amount (integer minor units)."""
        return cls(from_minor_units(minor, currency), currency)

    def __str__(self) -> str:
        return f"{self.amount:.{self.exponent}f} {self.currency}"
