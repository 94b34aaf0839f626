"""The earlier SDKs' amounts -> the API's integer minor units, never through float arithmetic.

- SDK A already took integers in the currency's minor unit (``2500`` = 25.00 USD): they pass through
  unchanged once `molam_sdk_ext.money.parse_minor_units` has checked them (0 to int64); anything else (a
  float, a bool, a str) is refused.
- SDK B took major units, usually as a float (``100.50`` = 100.50 USD). The float is read as the shortest
  decimal that round-trips to it (``repr``: ``100.5``, what the caller wrote); that text, a str, an int or a
  `Decimal` then goes through the one money parser, `molam_sdk_ext.money.parse_amount` (ASCII digits only: no
  ``"1_000"``, no Arabic-Indic digits; bounded length and magnitude) and `molam_sdk_ext.money.to_minor_units`; an amount
  that is not a whole number of minor units (``100.555`` USD, ``0.1 + 0.2``, ``1500.5`` XOF) is refused, never
  rounded.

Every refusal is a `ValidationError` (``param="amount"``, or the argument's own name) raised before anything
is sent; its message never quotes a long amount back.
"""

from __future__ import annotations

from decimal import Decimal

from molam_sdk.errors import ValidationError as _RealValidationError

from ..money import normalise_currency, parse_amount, parse_minor_units, to_minor_units
from .exceptions import ValidationError

__all__ = ["major_amount", "major_to_minor", "minor_units"]


def minor_units(amount: object, *, param: str = "amount") -> int:
    """SDK A's `amount`: an int of minor units, returned unchanged; refused with `ValidationError` otherwise."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError(
            f"{param} must be an int in the currency's minor unit (2500 is 25.00 USD, 15000 is 15000 XOF), "
            f"not {type(amount).__name__}.",
            param=param,
        )
    try:
        return parse_minor_units(amount)
    except _RealValidationError as exc:  # negative, or beyond int64
        raise ValidationError(_named(exc.message, param), param=param) from None


def _named(message: str, param: str) -> str:
    """The money parser's `message` (about "amount") speaking of `param` instead."""
    return param + message[len("amount") :] if message.startswith("amount") else message


def major_amount(amount: object, *, param: str = "amount") -> Decimal:
    """SDK B's major-unit `amount` as the `Decimal` the caller wrote, through the one money parser
    (`molam_sdk_ext.money.parse_amount`; a float is read through ``repr``, the shortest decimal that
    round-trips to it); refused unless a finite, positive number of at most int64 magnitude."""
    if isinstance(amount, bool) or not isinstance(amount, float | int | Decimal | str):
        raise ValidationError(
            f"{param} must be a number in major units (100.50), not {type(amount).__name__}.", param=param
        )
    try:
        # repr of a float is ASCII digits, a point and an exponent ("1e+16"), or "nan"/"inf" (refused there).
        value = parse_amount(repr(amount) if isinstance(amount, float) else amount)
    except _RealValidationError as exc:
        raise ValidationError(_named(exc.message, param), param=param) from None
    if value.is_zero():
        raise ValidationError(f"{param} must be positive.", param=param)
    return value


def major_to_minor(amount: object, currency: str, *, param: str = "amount") -> int:
    """SDK B's `amount` in major units (a float, int, `Decimal` or str) as exact minor units of `currency`.

    Raises `ValidationError` for a non-positive or non-finite amount, an unknown currency, or an amount with
    more decimals than the currency has (it would have to be rounded: money is never rounded silently).
    """
    value = major_amount(amount, param=param)
    try:
        return to_minor_units(value, currency)
    except _RealValidationError as exc:
        if exc.param == "currency":
            raise ValidationError(exc.message, param="currency") from None
        code = normalise_currency(currency)
        # The parser's message shows the value only when it is short; the caller's `amount` is never quoted.
        raise ValidationError(
            f"{code} {_named(exc.message, param)} SDK B took major units; the API takes integer minor units, "
            f"so the amount must be exact to the {code} minor unit (nothing is rounded).",
            param=param,
        ) from None
