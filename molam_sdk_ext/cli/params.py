"""Parsing of the option values the API commands share: money, metadata, list limits and dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Annotated, TypeVar

import typer

from molam_sdk.types import UNSET, Unset
from molam_sdk_ext.errors import ValidationError

__all__ = [
    "LimitOption",
    "given",
    "parse_amount",
    "parse_currency",
    "parse_key_values",
    "parse_since",
]

LimitOption = Annotated[
    int,
    typer.Option(
        "--limit", min=1, max=100_000, help="How many objects to show at most (pages are fetched as needed)."
    ),
]

_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


def parse_currency(text: str, param: str = "--currency") -> str:
    """An upper-case ISO 4217 code."""
    if not _CURRENCY.match(text.strip()):
        raise typer.BadParameter(f"{text!r} is not a three-letter ISO 4217 code", param_hint=param)
    return text.strip().upper()


def parse_amount(text: str, currency: str, param: str = "--amount") -> int:
    """Major units as typed (`150.00`) to integer minor units of `currency`; never through a float.

    The text goes to the SDK's own parser (`money.to_minor_units`): the same ASCII-only, bounded rules, so a
    hostile `--amount 1e-999999999` is refused at once, and `1_000` or `1,000` are refused rather than guessed.
    """
    from molam_sdk_ext import money

    try:
        minor: int = money.to_minor_units(text, currency)
    except ValidationError as exc:
        raise typer.BadParameter(exc.message, param_hint=param) from None
    if minor <= 0:
        raise typer.BadParameter(f"{text!r} must be a positive amount", param_hint=param)
    return minor


def parse_key_values(entries: Sequence[str], param: str = "--metadata") -> dict[str, str]:
    """`["order_id=1042", "channel=web"]` (a string map such as metadata, one option per entry) to a dict."""
    out: dict[str, str] = {}
    for entry in entries:
        key, sep, value = entry.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"{entry!r} is not KEY=VALUE", param_hint=param)
        out[key.strip()] = value
    return out


_RELATIVE = re.compile(r"^(\d+)([dhm])$")


def parse_since(text: str, now: dt.datetime | None = None) -> int:
    """Unix seconds from `2025-01-15`, `2025-01-15T10:00:00Z` (UTC when no zone is given) or `7d`/`12h`/`30m` ago."""
    text = text.strip()
    match = _RELATIVE.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        delta = {
            "d": dt.timedelta(days=amount),
            "h": dt.timedelta(hours=amount),
            "m": dt.timedelta(minutes=amount),
        }
        base = now or dt.datetime.now(dt.UTC)
        return int((base - delta[unit]).timestamp())
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise typer.BadParameter(
            f"{text!r} is not a date (2025-01-15, 2025-01-15T10:00:00Z, or 7d / 12h / 30m ago)",
            param_hint="--since",
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return int(when.timestamp())


T = TypeVar("T")


def given(value: T | None) -> T | Unset:
    """An option the user left out (None) as the SDK's "not given" (`UNSET`), so every command calls the
    resource methods with their own typed keyword arguments (checked by mypy against the generated
    signatures: a parameter the spec makes required, renames or retypes fails `make typecheck`)."""
    return UNSET if value is None else value
