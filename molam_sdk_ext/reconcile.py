"""Reconcile a merchant's ledger with the payment intents the API reports: a pure, streaming comparison.

The ledger (order id, payment intent id, amount, currency, status) is indexed by payment intent id; the API side
is *streamed* through a `Reconciler`, one payment intent at a time, so a list of any length is walked with
auto-pagination without ever being held in memory. Nothing here does I/O: the caller feeds records in and
gets `Mismatch` values out, which keeps the logic testable on fake data and shareable by sync and async drivers::

    reconciler = Reconciler(since=since_unix)
    for item in read_ledger(open("ledger.csv", newline="")):
        mismatch = reconciler.add(item)          # invalid or duplicate rows come back at once
    for intent in molam.payment_intents.list(limit=100):
        mismatches += reconciler.observe(ApiRecord.from_intent(intent))
    for row in reconciler.unmatched():            # optional: look each leftover up by id
        mismatches += reconciler.resolve(row, lookup(row.payment_intent_id))
    mismatches += reconciler.finish()             # whatever is still unmatched is missing in the API

Mismatch kinds: a ledger row the API does not know (`missing_in_api`), an API payment intent the ledger does not
list (`missing_in_ledger`), and for a pair found on both sides `currency_differs` (amounts are then not compared),
`amount_differs`, `status_differs`. Ledger problems are reported too: `invalid_ledger_row`, `duplicate_in_ledger`.
"""

from __future__ import annotations

import csv
import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import IO, Any

import attrs

from molam_sdk_ext.money import MAX_MINOR_UNITS, parse_amount, parse_minor_units, to_minor_units

__all__ = [
    "LEDGER_COLUMNS",
    "MISMATCH_FIELDS",
    "ApiRecord",
    "LedgerRow",
    "Mismatch",
    "MismatchKind",
    "ReconcileSummary",
    "Reconciler",
    "read_ledger",
    "reconcile",
    "write_mismatches",
]


class MismatchKind(enum.StrEnum):
    """What is wrong with one payment between the ledger and the API."""

    MISSING_IN_API = "missing_in_api"
    MISSING_IN_LEDGER = "missing_in_ledger"
    CURRENCY_DIFFERS = "currency_differs"
    AMOUNT_DIFFERS = "amount_differs"
    STATUS_DIFFERS = "status_differs"
    DUPLICATE_IN_LEDGER = "duplicate_in_ledger"
    INVALID_LEDGER_ROW = "invalid_ledger_row"


@attrs.frozen
class LedgerRow:
    """One row of the merchant's ledger; `amount` is in the currency's minor unit, `line` is 1-based."""

    order_id: str
    payment_intent_id: str
    amount: int
    currency: str
    status: str
    line: int = 0


@attrs.frozen
class ApiRecord:
    """What the comparison needs of one payment intent as the API reports it."""

    id: str
    amount: int
    currency: str
    status: str
    created: int | None = None

    @classmethod
    def from_intent(cls, intent: Any) -> ApiRecord:
        """Build from a generated `PaymentIntent` model or from its JSON dict (duck-typed, lenient on enums)."""

        def get(name: str) -> Any:
            return intent.get(name) if isinstance(intent, Mapping) else getattr(intent, name, None)

        created = get("created")
        return cls(
            id=str(get("id")),
            amount=int(get("amount")),
            currency=str(_enum_value(get("currency"))).upper(),
            status=str(_enum_value(get("status"))),
            created=int(created)
            if isinstance(created, int | float) and not isinstance(created, bool)
            else None,
        )


@attrs.frozen
class Mismatch:
    """One difference between the ledger and the API. Amounts are minor units; `line` is the ledger line."""

    kind: MismatchKind
    payment_intent_id: str | None
    order_id: str | None = None
    line: int | None = None
    ledger_amount: int | None = None
    api_amount: int | None = None
    ledger_currency: str | None = None
    api_currency: str | None = None
    ledger_status: str | None = None
    api_status: str | None = None
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        """A flat, JSON-ready dict with the fields of `MISMATCH_FIELDS`."""
        return {name: (str(value) if name == "kind" else value) for name, value in attrs.asdict(self).items()}


#: Column order of the mismatch file written by `write_mismatches` (and of `Mismatch.as_dict`).
MISMATCH_FIELDS: tuple[str, ...] = tuple(field.name for field in attrs.fields(Mismatch))


@attrs.frozen
class ReconcileSummary:
    """Counts after a run: rows read, API records seen, pairs matched, and mismatches per kind."""

    ledger_rows: int
    api_records: int
    matched: int
    mismatches: Mapping[str, int]

    @property
    def total_mismatches(self) -> int:
        """Mismatches of every kind together."""
        return sum(self.mismatches.values())

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "ledger_rows": self.ledger_rows,
            "api_records": self.api_records,
            "matched": self.matched,
            "total_mismatches": self.total_mismatches,
            "mismatches": dict(self.mismatches),
        }


class Reconciler:
    """Streaming comparison of ledger rows (indexed) with API records (streamed); see the module docstring.

    `since` (unix seconds) is the window the API was asked for: an API record created before it is compared when
    the ledger lists it and ignored otherwise, so a server that does not filter by date changes nothing.
    `status_aliases` maps ledger vocabulary to API statuses (``{"paid": "succeeded"}``); statuses are compared
    case-insensitively.
    """

    def __init__(self, *, since: int | None = None, status_aliases: Mapping[str, str] | None = None) -> None:
        self._since = since
        self._aliases = {k.strip().lower(): v.strip().lower() for k, v in (status_aliases or {}).items()}
        self._pending: dict[str, LedgerRow] = {}
        # Ids already paired or reported: a record seen twice (pages that overlap) is not reported twice.
        self._done: set[str] = set()
        self._counts: Counter[str] = Counter()
        self._ledger_rows = 0
        self._api_records = 0
        self._matched = 0

    @property
    def pending_count(self) -> int:
        """Ledger rows not paired with an API record yet."""
        return len(self._pending)

    @property
    def matched_count(self) -> int:
        """Ledger rows paired with an API record so far."""
        return self._matched

    @property
    def api_count(self) -> int:
        """API records observed so far (duplicates included)."""
        return self._api_records

    def add(self, item: LedgerRow | Mismatch) -> Mismatch | None:
        """Index one ledger row (or pass through a reading error); returns a mismatch for a bad or repeated row."""
        self._ledger_rows += 1
        if isinstance(item, Mismatch):
            return self._count(item)
        if item.payment_intent_id in self._pending:
            first = self._pending[item.payment_intent_id]
            detail = f"also on line {first.line} (order {first.order_id})"
            return self._count(_of_row(MismatchKind.DUPLICATE_IN_LEDGER, item, detail))
        self._pending[item.payment_intent_id] = item
        return None

    def observe(self, record: ApiRecord) -> list[Mismatch]:
        """Compare one API record with its ledger row; returns the mismatches it reveals (often none)."""
        self._api_records += 1
        return self._apply(record)

    def _apply(self, record: ApiRecord) -> list[Mismatch]:
        row = self._pending.pop(record.id, None)
        if row is not None:
            self._done.add(record.id)
            self._matched += 1
            return [self._count(m) for m in compare(row, record, self._aliases)]
        if record.id in self._done:
            return []
        if self._since is not None and record.created is not None and record.created < self._since:
            return []
        self._done.add(record.id)
        detail = "the API reports this payment intent; the ledger has no row for it"
        return [
            self._count(
                Mismatch(MismatchKind.MISSING_IN_LEDGER, record.id, **_api_side(record), detail=detail)
            )
        ]

    def unmatched(self) -> list[LedgerRow]:
        """Ledger rows no API record has matched yet (in ledger order): candidates for a lookup by id."""
        return sorted(self._pending.values(), key=lambda row: row.line)

    def resolve(self, row: LedgerRow, record: ApiRecord | None) -> list[Mismatch]:
        """Settle an unmatched row with the result of looking its id up: None means the API does not know it."""
        if self._pending.get(row.payment_intent_id) is not row:
            return []
        if record is None:
            del self._pending[row.payment_intent_id]
            self._done.add(row.payment_intent_id)
            return [self._count(_missing_in_api(row))]
        if record.id != row.payment_intent_id:
            raise ValueError(f"lookup for {row.payment_intent_id} returned {record.id}")
        return self._apply(record)

    def finish(self) -> list[Mismatch]:
        """Report every still-unmatched ledger row as missing in the API."""
        rows = self.unmatched()
        self._pending.clear()
        out = []
        for row in rows:
            self._done.add(row.payment_intent_id)
            out.append(self._count(_missing_in_api(row)))
        return out

    def summary(self) -> ReconcileSummary:
        """The counts so far."""
        ordered = {kind.value: self._counts[kind.value] for kind in MismatchKind if self._counts[kind.value]}
        return ReconcileSummary(self._ledger_rows, self._api_records, self._matched, ordered)

    def _count(self, mismatch: Mismatch) -> Mismatch:
        self._counts[mismatch.kind.value] += 1
        return mismatch


def _ledger_side(row: LedgerRow) -> dict[str, Any]:
    """A mismatch's fields that come from the ledger row."""
    return {
        "order_id": row.order_id,
        "line": row.line,
        "ledger_amount": row.amount,
        "ledger_currency": row.currency,
        "ledger_status": row.status,
    }


def _api_side(record: ApiRecord) -> dict[str, Any]:
    """A mismatch's fields that come from the API record."""
    return {"api_amount": record.amount, "api_currency": record.currency, "api_status": record.status}


def _of_row(kind: MismatchKind, row: LedgerRow, detail: str) -> Mismatch:
    """A mismatch about a ledger row alone (no API record to show)."""
    return Mismatch(kind, row.payment_intent_id, **_ledger_side(row), detail=detail)


def _missing_in_api(row: LedgerRow) -> Mismatch:
    return _of_row(
        MismatchKind.MISSING_IN_API, row, "the ledger lists this payment intent; the API does not know it"
    )


def compare(
    row: LedgerRow, record: ApiRecord, status_aliases: Mapping[str, str] | None = None
) -> list[Mismatch]:
    """The mismatches between a ledger row and the API record with the same id (an empty list when they agree)."""
    aliases = status_aliases or {}
    common = {**_ledger_side(row), **_api_side(record)}
    out: list[Mismatch] = []
    if row.currency.upper() != record.currency.upper():
        out.append(
            Mismatch(
                MismatchKind.CURRENCY_DIFFERS,
                record.id,
                detail=f"ledger {row.currency}, API {record.currency}",
                **common,
            )
        )
    elif row.amount != record.amount:
        out.append(
            Mismatch(
                MismatchKind.AMOUNT_DIFFERS,
                record.id,
                detail=f"ledger {row.amount}, API {record.amount} (minor units of {record.currency})",
                **common,
            )
        )
    ledger_status = row.status.strip().lower()
    ledger_status = aliases.get(ledger_status, ledger_status)
    if ledger_status != record.status.strip().lower():
        out.append(
            Mismatch(
                MismatchKind.STATUS_DIFFERS,
                record.id,
                detail=f"ledger {row.status!r}, API {record.status!r}",
                **common,
            )
        )
    return out


def reconcile(
    ledger: Iterable[LedgerRow | Mismatch],
    api: Iterable[ApiRecord],
    *,
    since: int | None = None,
    status_aliases: Mapping[str, str] | None = None,
    lookup: Callable[[str], ApiRecord | None] | None = None,
) -> Iterator[Mismatch]:
    """Run a whole comparison and yield mismatches as they are found (ledger problems first).

    `lookup(payment_intent_id)` (optional) is asked about each ledger row the stream did not cover, for instance
    because it is older than `since`; it returns None when the API does not know the id.
    """
    reconciler = Reconciler(since=since, status_aliases=status_aliases)
    for item in ledger:
        found = reconciler.add(item)
        if found is not None:
            yield found
    for record in api:
        yield from reconciler.observe(record)
    if lookup is not None:
        for row in reconciler.unmatched():
            yield from reconciler.resolve(row, lookup(row.payment_intent_id))
    yield from reconciler.finish()


# ----------------------------------------------------------------------------------------------- ledger files

#: Accepted header names per ledger field (case, spaces and dashes ignored). Extra columns are ignored.
LEDGER_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "order_id": ("order_id", "order", "orderid", "order_number", "reference"),
    "payment_intent_id": (
        "payment_intent_id",
        "payment_intent",
        "paymentintentid",
        "pi",
        "pi_id",
        "intent_id",
    ),
    "amount": ("amount",),
    "currency": ("currency",),
    "status": ("status", "state"),
}


def _normalize_header(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def read_ledger(
    source: Iterable[str],
    *,
    minor_units: bool = False,
    to_minor: Callable[[Decimal, str], int] | None = None,
) -> Iterator[LedgerRow | Mismatch]:
    """Parse a CSV ledger lazily: yields a `LedgerRow` per good line, an `invalid_ledger_row` mismatch per bad one.

    `source` is an open text file (opened with ``newline=""``) or any iterable of lines; the first line is the
    header. Amounts are major units (``150.00``) converted with the currency's ISO 4217 exponent (or by
    `to_minor`), or minor-unit integers when `minor_units` is true. Either way the cell goes through the money
    parser (`molam_sdk_ext.money`): ASCII digits, no separators or sign, at most int64; any other cell is an
    `invalid_ledger_row`, found in microseconds. Money is never a float: amounts are parsed as `Decimal`.
    """
    reader = csv.reader(source)
    try:
        header = next(reader)
    except StopIteration:
        return
    positions: dict[str, int] = {}
    normalized = [_normalize_header(h) for h in header]
    for field_name, aliases in LEDGER_COLUMNS.items():
        for index, name in enumerate(normalized):
            if name in aliases:
                positions[field_name] = index
                break
    missing = [name for name in LEDGER_COLUMNS if name not in positions]
    if missing:
        raise ValueError(f"ledger header lacks column(s) {', '.join(missing)}; it has: {', '.join(header)}")
    for line_no, values in enumerate(reader, start=2):
        if not values or all(not v.strip() for v in values):
            continue
        cells = {name: (values[i].strip() if i < len(values) else "") for name, i in positions.items()}
        problem = _row_problem(cells)
        amount: int | None = None
        currency = cells["currency"].upper()
        if problem is None:
            try:
                amount = _parse_amount(cells["amount"], currency, minor_units, to_minor)
            except ValueError as exc:
                problem = str(exc)
        if problem is not None or amount is None:
            yield Mismatch(
                MismatchKind.INVALID_LEDGER_ROW,
                cells["payment_intent_id"] or None,
                order_id=cells["order_id"] or None,
                line=line_no,
                ledger_currency=currency or None,
                ledger_status=cells["status"] or None,
                detail=problem or "unreadable amount",
            )
            continue
        yield LedgerRow(
            order_id=cells["order_id"],
            payment_intent_id=cells["payment_intent_id"],
            amount=amount,
            currency=currency,
            status=cells["status"],
            line=line_no,
        )


def _row_problem(cells: Mapping[str, str]) -> str | None:
    for name in ("payment_intent_id", "amount", "currency", "status"):
        if not cells[name]:
            return f"empty {name}"
    currency = cells["currency"]
    if len(currency) != 3 or not currency.isalpha():
        return f"currency {currency!r} is not an ISO 4217 code"
    return None


def _parse_amount(
    text: str, currency: str, minor_units: bool, convert: Callable[[Decimal, str], int] | None
) -> int:
    # Every unit goes through the one money parser: bounded, ASCII-only, int64, so a hostile cell costs
    # microseconds and becomes an invalid row (its ValidationError is a ValueError) instead of a hang.
    if minor_units:
        return parse_minor_units(text)
    if convert is None:
        return to_minor_units(text, currency)
    minor = convert(parse_amount(text), currency)
    if not 0 <= minor <= MAX_MINOR_UNITS:  # the API's amounts are int64, whoever converted
        raise ValueError(f"amount {text!r} is {minor} minor units: out of range")
    return minor


def write_mismatches(mismatches: Iterable[Mismatch], out: IO[str]) -> int:
    """Write mismatches as CSV (header `MISMATCH_FIELDS`) to an open text file; returns how many were written."""
    writer = csv.DictWriter(out, fieldnames=list(MISMATCH_FIELDS), lineterminator="\n")
    writer.writeheader()
    count = 0
    for mismatch in mismatches:
        writer.writerow({k: ("" if v is None else v) for k, v in mismatch.as_dict().items()})
        count += 1
    return count


def _enum_value(value: Any) -> Any:
    return getattr(value, "value", value)
