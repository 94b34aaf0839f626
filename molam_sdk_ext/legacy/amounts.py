"""The earlier SDKs' amounts -> the API's integer minor units, never through float arithmetic.

- SDK A already took integers in the currency's minor unit (``2500`` = 25.00 USD): they pass through
  unchanged; anything else (a float, a bool, a str) is refused.
- SDK B took major units, usually as a float (``100.50`` = 100.50 USD). The float is read as the shortest
  decimal that round-trips to it (``repr``: ``100.5``, what the caller wrote) and converted with
  `molam_sdk_ext.money.to_minor_units`; an amount that is not a whole number of minor units
  (``100.555`` USD, ``0.1 + 0.2``, ``1500.5`` XOF) is refused, never rounded.

Every refusal is a `ValidationError` (``param="amount"``) raised before anything is sent.
"""

from __future__ import annotations

from decimal import Decimal

from molam_sdk.errors import ValidationError as _RealValidationError

from ..money import normalise_currency, to_minor_units
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
    if amount < 0:
        raise ValidationError(f"{param} must not be negative.", param=param)
    return amount


def major_amount(amount: object, *, param: str = "amount") -> Decimal:
    """SDK B's major-unit `amount` as the `Decimal` the caller wrote (a float is read through ``repr``, the
    shortest decimal that round-trips to it); refused unless a finite, positive number."""
    if isinstance(amount, bool) or not isinstance(amount, float | int | Decimal | str):
        raise ValidationError(
            f"{param} must be a number in major units (100.50), not {type(amount).__name__}.", param=param
        )
    try:
        value = Decimal(repr(amount)) if isinstance(amount, float) else Decimal(str(amount).strip())
    except ArithmeticError:  # decimal.InvalidOperation: a str that is not a number
        raise ValidationError(f"{param} {amount!r} is not a number.", param=param) from None
    if not value.is_finite():
        raise ValidationError(f"{param} must be a finite number.", param=param)
    if value <= 0:
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
        raise ValidationError(
            f"{param} {amount!r} {code} cannot be sent: {exc.message} SDK B took major units; the API takes "
            f"integer minor units, so the amount must be exact to the {code} minor unit (nothing is rounded).",
            param=param,
        ) from None
