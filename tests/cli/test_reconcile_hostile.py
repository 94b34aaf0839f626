"""Hostile ledger cells (issue 21, item 3): every amount goes through the one money parser, in both units.

`1e999999999` used to make `int(Decimal(text))` run until killed; negative amounts, amounts above int64,
`_` separators and other scripts' digits were accepted as ledger rows. Each is now an `invalid_ledger_row`
in the report (text, `--json`, `--out`), and the rows after it are still compared.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from molam_sdk_ext.cli.exit_codes import ExitCode
from molam_sdk_ext.reconcile import LedgerRow, Mismatch, MismatchKind, read_ledger
from tests.support.cli import Cli

HEADER = "order_id,payment_intent_id,amount,currency,status"
# Each is refused in either unit; "1e99999" stands in for the bomb in process (the old parser took it as a
# 100,000-digit amount in milliseconds; `1e999999999` itself only runs in a subprocess with a timeout).
HOSTILE = [
    "-5",
    "9223372036854775808",
    "1e19",
    "1e99999",
    "1_000",
    "\u0661\u0660\u0660",  # Arabic-Indic 100: Decimal reads it, the API's parser must not
    "NaN",
    "Infinity",
    "0x10",
    "1" * 100_000,
]


def _ledger(cells: list[str], tail: str) -> list[str]:
    lines = [HEADER]
    lines += [f"o{n},pi_bad{n},{cell},XOF,succeeded" for n, cell in enumerate(cells)]
    return [*lines, tail]


@pytest.mark.parametrize("minor_units", [True, False], ids=["minor", "major"])
def test_hostile_amount_cells_are_invalid_rows_and_the_run_goes_on(minor_units: bool) -> None:
    items = list(read_ledger(_ledger(HOSTILE, "o9,pi_good,1500,XOF,succeeded"), minor_units=minor_units))
    bad, good = items[:-1], items[-1]
    assert [(m.kind, m.line) for m in bad if isinstance(m, Mismatch)] == [
        (MismatchKind.INVALID_LEDGER_ROW, n) for n in range(2, 2 + len(HOSTILE))
    ]
    assert good == LedgerRow("o9", "pi_good", 1500, "XOF", "succeeded", len(HOSTILE) + 2)
    for mismatch in bad:
        assert isinstance(mismatch, Mismatch) and len(mismatch.detail) < 200  # a long cell is not echoed


def test_a_custom_converter_only_sees_amounts_the_money_parser_accepted() -> None:
    seen: list[Decimal] = []

    def to_minor(value: Decimal, currency: str) -> int:
        seen.append(value)
        return int(value)

    items = list(read_ledger(_ledger(HOSTILE, "o9,pi_good,1500,XOF,succeeded"), to_minor=to_minor))
    # Only values that passed the text rules and the magnitude bound reach it; its result is bounded too.
    assert seen == [Decimal("9223372036854775808"), Decimal(1500)]
    assert sum(isinstance(item, Mismatch) for item in items) == len(HOSTILE)


def test_minor_units_keep_whole_numbers_and_refuse_fractions() -> None:
    lines = [
        HEADER,
        "o1,pi_1,1500.0,XOF,ok",
        "o2,pi_2,0,XOF,ok",
        "o3,pi_3,1e-999999999,XOF,ok",
        "o4,pi_4,1.5,XOF,ok",
    ]
    items = list(read_ledger(lines, minor_units=True))
    assert items[:2] == [
        LedgerRow("o1", "pi_1", 1500, "XOF", "ok", 2),
        LedgerRow("o2", "pi_2", 0, "XOF", "ok", 3),
    ]
    assert all(isinstance(m, Mismatch) and "whole number" in m.detail for m in items[2:])


@pytest.fixture
def intent(cli: Cli) -> Iterator[dict[str, Any]]:
    """One payment intent on the test's account (XOF, so its minor and major amounts are the same)."""
    with cli.client() as molam:
        yield molam.payment_intents.create(amount=1500, currency="XOF").to_dict()


def _write(path: Path, intent: dict[str, Any], cells: list[str]) -> Path:
    lines = _ledger(cells, f"o9,{intent['id']},{intent['amount']},XOF,{intent['status']}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _invalid_lines(rows: list[dict[str, Any]]) -> list[int]:
    return sorted(int(row["line"]) for row in rows if row["kind"] == "invalid_ledger_row")


def test_hostile_cells_are_reported_in_text_json_and_out_file(
    cli: Cli, intent: dict[str, Any], tmp_path: Path
) -> None:
    ledger = _write(tmp_path / "ledger.csv", intent, HOSTILE)
    out = tmp_path / "report.csv"
    expected = list(range(2, 2 + len(HOSTILE)))
    run = cli("reconcile", "--ledger", str(ledger), "--minor-units", "--out", str(out), "--json")
    assert run.exit_code == ExitCode.MISMATCHES, (run.stdout, run.stderr, run.exception)
    report = run.json()
    assert _invalid_lines(report["mismatches"]) == expected
    assert report["summary"]["matched"] == 1  # the good row after them was compared
    assert {m["kind"] for m in report["mismatches"]} == {"invalid_ledger_row"}
    with out.open(newline="", encoding="utf-8") as handle:
        assert _invalid_lines(list(csv.DictReader(handle))) == expected
    text = cli("reconcile", "--ledger", str(ledger), "--minor-units", "--out", str(out))
    assert text.exit_code == ExitCode.MISMATCHES
    assert text.stdout.count("invalid_ledger_row") == len(HOSTILE) + 1  # the table's rows and the summary
    assert "must not be negative" in text.stdout and "matched: 1" in text.stdout


def _molam(cli: Cli, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed `molam` console script in its own process (the hang this guards against is in-process)."""
    script = Path(sys.executable).parent / "molam"
    env = dict(os.environ, MOLAM_API_BASE=cli.base, MOLAM_API_KEY=cli.key, COLUMNS="200")
    # Before the fix this cell ran until killed: the timeout turns that into a failure, not a stuck suite.
    return subprocess.run([str(script), *args], capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.slow
@pytest.mark.parametrize("minor_units", [True, False], ids=["minor", "major"])
def test_the_molam_process_reports_an_exponent_bomb_cell_and_goes_on(
    cli: Cli, intent: dict[str, Any], tmp_path: Path, minor_units: bool
) -> None:
    cells = ["1e999999999", "-1500", "1_500"]
    ledger = _write(tmp_path / "ledger.csv", intent, cells)
    out = tmp_path / "report.csv"
    units = ["--minor-units"] if minor_units else []
    run = _molam(cli, "reconcile", "--ledger", str(ledger), *units, "--out", str(out), "--json")
    assert run.returncode == ExitCode.MISMATCHES, run.stderr
    report = json.loads(run.stdout)
    assert _invalid_lines(report["mismatches"]) == [2, 3, 4]
    assert "too large" in report["mismatches"][0]["detail"]
    assert report["summary"]["matched"] == 1
    with out.open(newline="", encoding="utf-8") as handle:
        assert _invalid_lines(list(csv.DictReader(handle))) == [2, 3, 4]
    text = _molam(cli, "reconcile", "--ledger", str(ledger), *units, "--out", str(out))
    assert text.returncode == ExitCode.MISMATCHES, text.stderr
    assert "amount is too large" in text.stdout and "matched: 1" in text.stdout
