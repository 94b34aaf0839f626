"""`molam reconcile` against the sandbox: planted mismatches are found exactly, on 30 rows and on 10,000."""

from __future__ import annotations

import csv
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from molam_sdk_ext.cli.exit_codes import ExitCode
from molam_sdk_ext.money import from_minor_units
from tests.support.cli import Cli

from .seed import seed_payment_intents


def write_ledger(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=["order_id", "payment_intent_id", "amount", "currency", "status"]
        )
        writer.writeheader()
        writer.writerows(rows)
    return path


def ledger_row(intent: dict[str, Any], order: str) -> dict[str, Any]:
    """The merchant's view of an intent: amount in major units, as an accountant writes it."""
    major = from_minor_units(intent["amount"], intent["currency"])
    return {
        "order_id": order,
        "payment_intent_id": intent["id"],
        "amount": str(major),
        "currency": intent["currency"],
        "status": intent["status"],
    }


def plant(
    rows: list[dict[str, Any]], intents: list[dict[str, Any]], rng: random.Random, n: int
) -> tuple[list[dict[str, Any]], set[tuple[str, str]]]:
    """Plant `n` mismatches of each kind; return the new ledger and the (kind, payment intent id) expected."""
    expected: set[tuple[str, str]] = set()
    victims = rng.sample(range(len(rows)), 4 * n)
    drop: set[int] = set()
    for k, index in enumerate(victims):
        row, intent = rows[index], intents[index]
        kind = k % 4
        if kind == 0:  # the ledger recorded a different amount (one minor unit more)
            row["amount"] = str(from_minor_units(intent["amount"] + 1, intent["currency"]))
            expected.add(("amount_differs", intent["id"]))
        elif kind == 1:  # the ledger thinks it was refunded / failed
            row["status"] = "canceled" if intent["status"] != "canceled" else "succeeded"
            expected.add(("status_differs", intent["id"]))
        elif kind == 2:  # the ledger lost the row
            drop.add(index)
            expected.add(("missing_in_ledger", intent["id"]))
        else:  # the ledger has a payment the API never saw
            row["payment_intent_id"] = f"pi_ghost{k:08d}"
            expected.add(("missing_in_api", row["payment_intent_id"]))
            expected.add(("missing_in_ledger", intent["id"]))
    return [r for i, r in enumerate(rows) if i not in drop], expected


def found(report: dict[str, Any]) -> set[tuple[str, str]]:
    return {(m["kind"], m["payment_intent_id"]) for m in report["mismatches"]}


@pytest.fixture
def small(cli: Cli) -> Iterator[list[dict[str, Any]]]:
    """30 payment intents on the test's account, as JSON dicts."""
    with cli.client() as molam:
        intents = []
        for i in range(30):
            currency = "GHS" if i % 3 else "XOF"
            if i % 2:
                created = molam.payment_intents.create(
                    amount=1000 + i, currency=currency, payment_method="pm_card_visa", confirm=True
                )
            else:
                created = molam.payment_intents.create(amount=1000 + i, currency=currency)
            intents.append(created.to_dict())
    yield intents


def test_a_matching_ledger_exits_0(cli: Cli, small: list[dict[str, Any]], tmp_path: Path) -> None:
    ledger = write_ledger(tmp_path / "ledger.csv", [ledger_row(i, f"o{n}") for n, i in enumerate(small)])
    run = cli("reconcile", "--ledger", str(ledger))
    assert run.exit_code == 0, run.stdout + run.stderr
    assert "No mismatch" in run.stdout and "matched: 30" in run.stdout
    assert (tmp_path / "ledger.mismatches.csv").read_text().count("\n") == 1  # header only


def test_planted_mismatches_are_printed_and_written(
    cli: Cli, small: list[dict[str, Any]], tmp_path: Path
) -> None:
    rows = [ledger_row(i, f"o{n}") for n, i in enumerate(small)]
    rows, expected = plant(rows, small, random.Random(3), 2)
    rows.append(dict(rows[0], order_id="o-dup"))  # and one duplicate line
    expected.add(("duplicate_in_ledger", rows[0]["payment_intent_id"]))
    ledger = write_ledger(tmp_path / "ledger.csv", rows)
    out = tmp_path / "report.csv"
    run = cli("reconcile", "--ledger", str(ledger), "--out", str(out), "--json")
    assert run.exit_code == ExitCode.MISMATCHES, run.stderr
    report = run.json()
    assert found(report) == expected
    assert report["summary"]["total_mismatches"] == len(expected)
    with out.open(newline="") as handle:
        written = {(r["kind"], r["payment_intent_id"]) for r in csv.DictReader(handle)}
    assert written == expected
    human = cli("reconcile", "--ledger", str(ledger), "--out", str(out))
    assert human.exit_code == ExitCode.MISMATCHES
    assert "amount_differs" in human.stdout and "missing_in_api" in human.stdout
    assert f"Mismatches written to {out}" in human.stdout.replace("\n", "")


def test_since_limits_the_listing_and_looks_older_rows_up(
    cli: Cli, small: list[dict[str, Any]], tmp_path: Path
) -> None:
    rows = [ledger_row(i, f"o{n}") for n, i in enumerate(small)]
    rows[0]["status"] = "failed"  # planted on a row that the listing below will not cover
    ledger = write_ledger(tmp_path / "ledger.csv", rows)
    future = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
    report = cli("reconcile", "--ledger", str(ledger), "--since", future, "--json")
    assert report.exit_code == ExitCode.MISMATCHES
    assert found(report.json()) == {("status_differs", small[0]["id"])}
    assert report.json()["summary"]["api_records"] == 0  # nothing listed: every row was looked up by id
    no_lookup = cli("reconcile", "--ledger", str(ledger), "--since", future, "--no-lookup", "--json").json()
    assert {m["kind"] for m in no_lookup["mismatches"]} == {"missing_in_api"}


def test_status_map_and_minor_units(cli: Cli, small: list[dict[str, Any]], tmp_path: Path) -> None:
    rows = []
    for n, intent in enumerate(small):
        status = "paid" if intent["status"] == "succeeded" else intent["status"]
        rows.append(dict(ledger_row(intent, f"o{n}"), amount=str(intent["amount"]), status=status))
    ledger = write_ledger(tmp_path / "ledger.csv", rows)
    args = ("reconcile", "--ledger", str(ledger), "--minor-units")
    assert cli(*args, "--status-map", "paid=succeeded").exit_code == 0
    assert cli(*args).exit_code == ExitCode.MISMATCHES
    assert cli(*args, "--status-map", "paid").exit_code == ExitCode.USAGE


def test_bad_ledgers_are_usage_errors(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,amount\npi_1,10\n")
    run = cli("reconcile", "--ledger", str(bad))
    assert run.exit_code == ExitCode.USAGE and "lacks column" in run.stderr
    assert cli("reconcile", "--ledger", str(tmp_path / "absent.csv")).exit_code == ExitCode.USAGE
    assert cli("reconcile", "--ledger", str(bad), "--since", "yesterday-ish").exit_code == ExitCode.USAGE


@pytest.mark.slow
def test_ten_thousand_rows_find_exactly_the_planted_mismatches(
    cli: Cli, tmp_path: Path, sandbox_factory: Any
) -> None:
    """The acceptance run: 10,000 payment intents streamed over HTTP (100 pages), 50 planted mismatches."""
    db = tmp_path / "sandbox.db"
    intents = seed_payment_intents(db, cli.key, 10_000)
    rows = [ledger_row(i, i["metadata"]["order_id"]) for i in intents]
    rng = random.Random(10_000)
    rows, expected = plant(rows, intents, rng, 10)
    rng.shuffle(rows)  # a ledger's order is not the API's
    ledger = write_ledger(tmp_path / "ledger.csv", rows)
    server = sandbox_factory(db=db)
    run = cli("reconcile", "--ledger", str(ledger), "--json", env={"MOLAM_API_BASE": server.url})
    assert run.exit_code == ExitCode.MISMATCHES, run.stderr
    report = run.json()
    assert found(report) == expected
    assert len(report["mismatches"]) == len(expected) == 50
    summary = report["summary"]
    assert summary["api_records"] == 10_000 and summary["ledger_rows"] == 10_000 - 10
    assert summary["matched"] == 10_000 - 20
