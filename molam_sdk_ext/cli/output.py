"""How the `molam` command prints: rich tables for people, plain JSON with `--json` for scripts.

Results go to stdout; notes, progress and errors go to stderr, so `molam ... --json | jq` always gets clean JSON.
Amounts are shown in major units with the currency's ISO 4217 exponent (`GHS 1,500.00`, `XOF 15,000`), while
`--json` prints exactly what the API returned (integer minor units).

Human output never passes API data to the terminal raw: control and format characters (ESC, NUL, newlines,
bidirectional overrides) are shown escaped (`\x1b`), so a description cannot move the cursor, recolour the
screen or forge a line (`printable`). JSON output escapes them as JSON does.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from molam_sdk_ext.errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    CircuitOpenError,
    SignatureVerificationError,
    ValidationError,
)

from .exit_codes import ExitCode, exit_code_for

__all__ = ["Column", "Output", "describe_error", "format_money", "format_time", "printable", "to_jsonable"]

#: Fields holding an amount in the object's `currency` (shown in major units in tables).
MONEY_FIELDS = frozenset(
    {
        "amount",
        "amount_received",
        "amount_captured",
        "amount_refunded",
        "amount_capturable",
        "amount_to_capture",
    }
)
TIME_FIELDS = frozenset({"created", "arrival_date", "updated", "expires_at"})


def printable(text: str) -> str:
    """`text` with every character that is not printable (control, format, line separators) escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def to_jsonable(value: Any) -> Any:
    """A JSON-ready copy of an SDK model (via its `to_dict()`), mapping, sequence, enum, Decimal or date."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_jsonable(to_dict())
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if attrs.has(type(value)):
        return to_jsonable(attrs.asdict(value, recurse=False))
    return value


def format_money(amount: object, currency: object) -> str:
    """`GHS 1,500.00` from (150000, "GHS"); the raw value when it cannot be formatted."""
    if not isinstance(amount, int) or isinstance(amount, bool) or not isinstance(currency, str):
        return "" if amount is None else str(amount)
    from molam_sdk_ext import money

    try:
        major = money.from_minor_units(amount, currency)
    except Exception:  # an unknown currency is shown raw rather than failing the whole command
        return f"{currency} {amount} (minor units)"
    return f"{currency} {major:,}"


def format_time(value: object) -> str:
    """Unix seconds as `2025-01-15 10:20:30Z`; anything else as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(value, dt.UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    return "" if value is None else str(value)


@attrs.frozen
class Column:
    """One column of a list table: its header and the field it shows (money and times are formatted)."""

    header: str
    field: str


def _cell(row: Mapping[str, Any], field: str) -> str:
    return printable(_cell_text(row, field))


def _cell_text(row: Mapping[str, Any], field: str) -> str:
    value = row.get(field)
    if field in MONEY_FIELDS:
        return format_money(value, row.get("currency"))
    if field in TIME_FIELDS:
        return format_time(value)
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return ", ".join(str(v) for v in value)
    if isinstance(value, list) and value and all(_is_money(v) for v in value):
        # Balances per currency ([{"currency": "XOF", "amount": 250000}]): `XOF 250,000, GHS 1.00`.
        return ", ".join(format_money(v["amount"], v["currency"]) for v in value)
    if isinstance(value, Mapping | list):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    if value is None:
        return ""
    return str(value)


def _is_money(value: object) -> bool:
    return (
        isinstance(value, Mapping)
        and set(value) == {"currency", "amount"}
        and isinstance(value["currency"], str)
        and isinstance(value["amount"], int)
    )


def describe_error(exc: BaseException, *, api_base: str | None = None) -> dict[str, Any]:
    """A JSON-ready description of the error that ended a command (never holds a credential)."""
    info: dict[str, Any] = {"kind": type(exc).__name__, "exit_code": int(exit_code_for(exc))}
    if isinstance(exc, APIError):
        info.update(
            message=exc.message,
            status=exc.status,
            type=exc.type,
            code=exc.code,
            param=exc.param,
            request_id=exc.request_id,
        )
    elif isinstance(exc, APITimeoutError):
        info["message"] = f"the request to {api_base or 'the API'} timed out"
    elif isinstance(exc, APIConnectionError):
        info["message"] = f"could not connect to {api_base or 'the API'}: {exc.message}"
    elif isinstance(exc, SignatureVerificationError):
        info.update(message=exc.message, reason=exc.reason)
    elif isinstance(exc, ValidationError):
        info.update(message=exc.message, param=exc.param)
    elif isinstance(exc, typer.TyperException):
        format_message = getattr(exc, "format_message", None)
        info["message"] = format_message() if callable(format_message) else str(exc)
    elif isinstance(exc, CircuitOpenError):
        info.update(message=str(exc), retry_in=exc.retry_in)
    else:
        info["message"] = f"unexpected {type(exc).__name__}: {exc}"
    return info


def error_line(info: Mapping[str, Any]) -> str:
    """The single line a person sees for an error: message, then status, type, code, param and request id."""
    details = []
    if info.get("status") is not None:
        details.append(" ".join(str(p) for p in ("HTTP", info["status"], info.get("type")) if p))
    for key in ("code", "param", "reason", "request_id"):
        if info.get(key):
            details.append(f"{key}={info[key]}")
    text = f"error: {info['message']}"
    if details:
        text += f" ({', '.join(details)})"
    return printable(text)  # the message and the codes may come from the API


def _console(file: Any) -> Console:
    # Made per print, on the current sys.stdout/sys.stderr, so that test runners swapping them see the output.
    console = Console(file=file, highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 160  # piped or logged: whole ids on one line rather than folded at 80 columns
    return console


class Output:
    """Prints one command's results and messages in the mode chosen with `--json`."""

    def __init__(self, *, json_mode: bool = False) -> None:
        self.json_mode = json_mode

    @property
    def out(self) -> Console:
        """The console for results (stdout)."""
        return _console(sys.stdout)

    @property
    def err(self) -> Console:
        """The console for notes, progress and errors (stderr)."""
        return _console(sys.stderr)

    def json(self, data: Any, *, lines: bool = False) -> None:
        """Print `data` as indented JSON on stdout; with `lines`, as one compact line (JSON Lines streams)."""
        indent = None if lines else 2
        typer.echo(json.dumps(to_jsonable(data), indent=indent, ensure_ascii=False))

    def note(self, message: str, *, style: str = "dim") -> None:
        """A side remark on stderr (kept out of stdout so JSON stays parseable)."""
        self.err.print(Text(printable(message), style=style))

    def say(self, message: str, *, style: str | None = None, wrap: bool = True) -> None:
        """A line of human output on stdout (not printed with `--json`); ``wrap=False`` keeps it on one line
        whatever the terminal's width (a URL to copy)."""
        if not self.json_mode:
            self.out.print(Text(printable(message), style=style or ""), soft_wrap=not wrap)

    def object(self, obj: Any, *, title: str | None = None, fields: Sequence[str] | None = None) -> None:
        """One API object: a field/value table, or its JSON."""
        data = to_jsonable(obj)
        if self.json_mode:
            self.json(data)
            return
        if not isinstance(data, Mapping):
            self.out.print(Text(printable(str(data))))
            return
        table = Table(title=title, show_header=False, title_justify="left", box=None, pad_edge=False)
        table.add_column("field", style="bold")
        table.add_column("value", overflow="fold")
        for key in fields or list(data):
            if key in data and data[key] is not None and key != "object":
                table.add_row(
                    Text(printable(str(key))), Text(_cell(data, key))
                )  # Text: API data is never markup
        self.out.print(table)

    def table(
        self,
        items: Sequence[Any],
        columns: Sequence[Column],
        *,
        title: str | None = None,
        has_more: bool = False,
        object_name: str = "list",
    ) -> None:
        """A list of API objects: a table, or `{"object": "list", "data": [...], "has_more": ...}`."""
        rows = [to_jsonable(item) for item in items]
        if self.json_mode:
            self.json({"object": object_name, "data": rows, "has_more": has_more})
            return
        table = Table(title=title, title_justify="left")
        for column in columns:
            table.add_column(column.header, overflow="fold")
        for row in rows:
            table.add_row(*(Text(_cell(row, c.field)) for c in columns))
        self.out.print(table)
        more = " (more available: raise --limit)" if has_more else ""
        self.note(f"{len(rows)} shown{more}")

    def error(self, exc: BaseException, *, api_base: str | None = None) -> ExitCode:
        """Report the error that ended the command (one line, or JSON on stdout); return its exit code."""
        info = describe_error(exc, api_base=api_base)
        if self.json_mode:
            self.json({"error": info})
        else:
            self.err.print(Text(error_line(info), style="bold red"), soft_wrap=True)
        return exit_code_for(exc)
