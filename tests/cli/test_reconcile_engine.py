"""The pure reconcile engine on fake data: every mismatch kind, streaming order, and a 10,000-row ledger."""

from __future__ import annotations

import io
import random
from decimal import Decimal

import pytest

from molam_sdk_ext.reconcile import (
    MISMATCH_FIELDS,
    ApiRecord,
    LedgerRow,
    Mismatch,
    MismatchKind,
    Reconciler,
    read_ledger,
    reconcile,
    write_mismatches,
)

EXPONENTS = {"XOF": 0, "GHS": 2, "USD": 2, "KWD": 3}


def to_minor(value: Decimal, currency: str) -> int:
    """A stand-in for molam_sdk_ext.money in these pure tests (exact, refuses extra precision)."""
    scaled = value.scaleb(EXPONENTS[currency])
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} has more decimals than {currency} allows")
    return int(scaled)


def row(
    pi: str, amount: int = 1000, currency: str = "GHS", status: str = "succeeded", line: int = 2
) -> LedgerRow:
    return LedgerRow(f"order_{pi}", pi, amount, currency, status, line)


def rec(
    pi: str, amount: int = 1000, currency: str = "GHS", status: str = "succeeded", created: int = 100
) -> ApiRecord:
    return ApiRecord(pi, amount, currency, status, created)


def kinds(mismatches: list[Mismatch]) -> list[tuple[str, str | None]]:
    return sorted((m.kind.value, m.payment_intent_id) for m in mismatches)


def test_agreeing_sides_give_no_mismatch() -> None:
    out = list(reconcile([row("pi_1"), row("pi_2", line=3)], [rec("pi_2"), rec("pi_1")]))
    assert out == []


def test_every_kind_is_reported_once() -> None:
    ledger = [
        row("pi_ok", line=2),
        row("pi_amount", amount=999, line=3),
        row("pi_status", status="failed", line=4),
        row("pi_currency", currency="USD", line=5),
        row("pi_gone", line=6),
        row("pi_ok", line=7),  # duplicate of line 2
    ]
    api = [rec("pi_ok"), rec("pi_amount"), rec("pi_status"), rec("pi_currency"), rec("pi_extra")]
    out = list(reconcile(ledger, api))
    assert kinds(out) == [
        ("amount_differs", "pi_amount"),
        ("currency_differs", "pi_currency"),
        ("duplicate_in_ledger", "pi_ok"),
        ("missing_in_api", "pi_gone"),
        ("missing_in_ledger", "pi_extra"),
        ("status_differs", "pi_status"),
    ]
    by_kind = {m.kind: m for m in out}
    amount = by_kind[MismatchKind.AMOUNT_DIFFERS]
    assert (amount.ledger_amount, amount.api_amount, amount.line, amount.order_id) == (
        999,
        1000,
        3,
        "order_pi_amount",
    )
    assert by_kind[MismatchKind.DUPLICATE_IN_LEDGER].line == 7
    assert "line 2" in by_kind[MismatchKind.DUPLICATE_IN_LEDGER].detail


def test_amount_and_status_can_both_differ_but_currency_hides_amount() -> None:
    both = list(reconcile([row("pi_1", amount=5, status="canceled")], [rec("pi_1")]))
    assert kinds(both) == [("amount_differs", "pi_1"), ("status_differs", "pi_1")]
    cur = list(reconcile([row("pi_1", amount=5, currency="XOF")], [rec("pi_1")]))
    assert kinds(cur) == [("currency_differs", "pi_1")]


def test_status_is_case_insensitive_and_aliases_apply() -> None:
    assert list(reconcile([row("pi_1", status=" SUCCEEDED ")], [rec("pi_1")])) == []
    assert (
        list(reconcile([row("pi_1", status="paid")], [rec("pi_1")], status_aliases={"Paid": "succeeded"}))
        == []
    )
    assert kinds(list(reconcile([row("pi_1", status="paid")], [rec("pi_1")]))) == [("status_differs", "pi_1")]


def test_records_seen_twice_are_not_reported_twice() -> None:
    out = list(reconcile([row("pi_1")], [rec("pi_1"), rec("pi_1"), rec("pi_x"), rec("pi_x")]))
    assert kinds(out) == [("missing_in_ledger", "pi_x")]


def test_since_ignores_older_unlisted_records_but_compares_listed_ones() -> None:
    ledger = [row("pi_old", amount=1, line=2)]
    api = [rec("pi_old", created=10), rec("pi_older_unlisted", created=5), rec("pi_new_unlisted", created=50)]
    out = list(reconcile(ledger, api, since=20))
    assert kinds(out) == [("amount_differs", "pi_old"), ("missing_in_ledger", "pi_new_unlisted")]


def test_lookup_settles_rows_outside_the_stream() -> None:
    known = {"pi_before_window": rec("pi_before_window", status="canceled", created=1)}
    looked_up: list[str] = []

    def lookup(pi: str) -> ApiRecord | None:
        looked_up.append(pi)
        return known.get(pi)

    ledger = [row("pi_before_window", line=2), row("pi_unknown", line=3), row("pi_streamed", line=4)]
    out = list(reconcile(ledger, [rec("pi_streamed")], since=50, lookup=lookup))
    assert looked_up == ["pi_before_window", "pi_unknown"]
    assert kinds(out) == [("missing_in_api", "pi_unknown"), ("status_differs", "pi_before_window")]


def test_summary_counts() -> None:
    r = Reconciler()
    for item in [row("pi_1", line=2), row("pi_2", amount=1, line=3), row("pi_1", line=4)]:
        r.add(item)
    for record in [rec("pi_1"), rec("pi_2"), rec("pi_3")]:
        r.observe(record)
    r.finish()
    s = r.summary()
    assert (s.ledger_rows, s.api_records, s.matched, s.total_mismatches) == (3, 3, 2, 3)
    assert s.as_dict()["mismatches"] == {
        "missing_in_ledger": 1,
        "amount_differs": 1,
        "duplicate_in_ledger": 1,
    }


def test_api_record_from_model_or_dict() -> None:
    class Status:
        value = "requires_capture"

    class Intent:
        id = "pi_9"
        amount = 1500
        currency = "ghs"
        status = Status()
        created = 1700000000

    assert ApiRecord.from_intent(Intent()) == ApiRecord("pi_9", 1500, "GHS", "requires_capture", 1700000000)
    d = {"id": "pi_9", "amount": 1500, "currency": "GHS", "status": "succeeded"}
    assert ApiRecord.from_intent(d) == ApiRecord("pi_9", 1500, "GHS", "succeeded", None)


def test_read_ledger_parses_major_units_and_flags_bad_rows() -> None:
    text = (
        "Order ID,Payment Intent,Amount,Currency,Status,Note\n"
        "o1,pi_1,150.00,GHS,succeeded,first\n"
        "o2,pi_2,15000,xof,succeeded,\n"
        "o3,pi_3,1.2345,KWD,succeeded,\n"  # too precise for KWD
        "o4,pi_4,abc,GHS,succeeded,\n"
        "o5,,1.00,GHS,succeeded,\n"
        "\n"
        "o6,pi_6,1.5,GHSX,succeeded,\n"
        "o7,pi_7,0.125,KWD,failed\n"
    )
    items = list(read_ledger(io.StringIO(text), to_minor=to_minor))
    good = [i for i in items if isinstance(i, LedgerRow)]
    bad = [i for i in items if isinstance(i, Mismatch)]
    assert good == [
        LedgerRow("o1", "pi_1", 15000, "GHS", "succeeded", 2),
        LedgerRow("o2", "pi_2", 15000, "XOF", "succeeded", 3),
        LedgerRow("o7", "pi_7", 125, "KWD", "failed", 9),
    ]
    assert [(m.kind, m.line) for m in bad] == [(MismatchKind.INVALID_LEDGER_ROW, n) for n in (4, 5, 6, 8)]
    assert "not a number" in bad[1].detail and "empty payment_intent_id" in bad[2].detail


def test_read_ledger_minor_units_and_missing_columns() -> None:
    items = list(
        read_ledger(
            ["payment_intent_id,order_id,amount,currency,status", "pi_1,o1,150,GHS,ok"], minor_units=True
        )
    )
    assert items == [LedgerRow("o1", "pi_1", 150, "GHS", "ok", 2)]
    bad = list(
        read_ledger(
            ["payment_intent_id,order_id,amount,currency,status", "pi_1,o1,1.5,GHS,ok"], minor_units=True
        )
    )
    assert isinstance(bad[0], Mismatch) and "whole number" in bad[0].detail
    with pytest.raises(ValueError, match="lacks column"):
        list(read_ledger(["id,amount"]))
    assert list(read_ledger([])) == []


def test_write_mismatches_round_trip() -> None:
    buf = io.StringIO()
    m = Mismatch(MismatchKind.AMOUNT_DIFFERS, "pi_1", order_id="o1", line=2, ledger_amount=1, api_amount=2)
    assert write_mismatches([m], buf) == 1
    header, line = buf.getvalue().splitlines()
    assert header.split(",") == list(MISMATCH_FIELDS)
    assert line.startswith("amount_differs,pi_1,o1,2,1,2,")


def test_ten_thousand_rows_find_exactly_the_planted_mismatches() -> None:
    rng = random.Random(20250115)
    currencies = ["XOF", "GHS", "USD", "KWD"]
    api: list[ApiRecord] = []
    ledger: list[LedgerRow] = []
    for i in range(10_000):
        pi = f"pi_{i:06d}"
        currency = rng.choice(currencies)
        amount = rng.randint(1, 10**6)
        status = rng.choice(["succeeded", "requires_capture", "canceled"])
        api.append(ApiRecord(pi, amount, currency, status, 1000 + i))
        ledger.append(LedgerRow(f"ord_{i}", pi, amount, currency, status, i + 2))
    planted: set[tuple[str, str]] = set()
    victims = rng.sample(range(10_000), 40)
    for n, idx in enumerate(victims):
        r = ledger[idx]
        kind = n % 4
        if kind == 0:
            ledger[idx] = LedgerRow(
                r.order_id, r.payment_intent_id, r.amount + 1, r.currency, r.status, r.line
            )
            planted.add(("amount_differs", r.payment_intent_id))
        elif kind == 1:
            ledger[idx] = LedgerRow(r.order_id, r.payment_intent_id, r.amount, r.currency, "failed", r.line)
            planted.add(("status_differs", r.payment_intent_id))
        elif kind == 2:
            api = [a for a in api if a.id != r.payment_intent_id]
            planted.add(("missing_in_api", r.payment_intent_id))
        else:
            ledger[idx] = None  # type: ignore[call-overload]
            planted.add(("missing_in_ledger", r.payment_intent_id))
    rng.shuffle(api)  # the API's order is not the ledger's
    out = list(reconcile((r for r in ledger if r is not None), iter(api)))
    assert set(kinds(out)) == planted
    assert len(out) == len(planted) == 40
