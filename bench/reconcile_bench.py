"""Reconciliation figures: the pure engine on 10,000 rows, and `molam reconcile` end to end on 10,000 rows.

End to end = the CLI reading a 10,000-row CSV ledger, streaming 10,000 payment intents from a local sandbox
over HTTP (100 pages of 100 through auto-pagination), comparing, and writing the mismatch report. The sandbox's
database is seeded directly (see tests/cli/seed.py) so that the figure is the reconciliation, not the setup.
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from molam_sdk_ext import reconcile as engine
from molam_sdk_ext.money import from_minor_units

ROWS = 10_000


def pure_engine() -> list[float]:
    rng = random.Random(1)
    header = "order_id,payment_intent_id,amount,currency,status\n"
    lines, api = [header], []
    for i in range(ROWS):
        amount = rng.randint(1, 10**6)
        lines.append(f"o{i},pi_{i:08d},{from_minor_units(amount, 'GHS')},GHS,succeeded\n")
        api.append(engine.ApiRecord(f"pi_{i:08d}", amount + (i % 997 == 0), "GHS", "succeeded", i))
    text = "".join(lines)
    runs = []
    for _ in range(7):
        started = time.perf_counter()
        found = list(engine.reconcile(engine.read_ledger(io.StringIO(text)), iter(api)))
        runs.append(time.perf_counter() - started)
        assert len(found) == len([i for i in range(ROWS) if i % 997 == 0])
    return runs


def end_to_end() -> tuple[float, float]:
    from typer.testing import CliRunner

    from molam_sandbox.server import SandboxProcess
    from molam_sdk_ext.cli import app
    from tests.cli.seed import seed_payment_intents

    key = "sk_test_reconcile_bench"
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        started = time.perf_counter()
        intents = seed_payment_intents(tmp_path / "sandbox.db", key, ROWS)
        seeding = time.perf_counter() - started
        ledger = tmp_path / "ledger.csv"
        with ledger.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["order_id", "payment_intent_id", "amount", "currency", "status"])
            for n, intent in enumerate(intents):
                amount: Decimal = from_minor_units(intent["amount"] + (n % 1000 == 0), intent["currency"])
                writer.writerow([f"o{n}", intent["id"], amount, intent["currency"], intent["status"]])
        with SandboxProcess(db=tmp_path / "sandbox.db", log_path=tmp_path / "sandbox.log") as server:
            env = {"MOLAM_API_BASE": server.url, "MOLAM_API_KEY": key}
            started = time.perf_counter()
            result = CliRunner().invoke(app, ["reconcile", "--ledger", str(ledger), "--json"], env=env)
            elapsed = time.perf_counter() - started
        assert result.exit_code == 5, result.output
        assert '"total_mismatches": 10' in result.stdout
    return seeding, elapsed


def main() -> int:
    runs = pure_engine()
    print(f"pure engine, {ROWS:,} rows (parse CSV + compare): median {statistics.median(runs) * 1000:.0f} ms, "
          f"best {min(runs) * 1000:.0f} ms")  # fmt: skip
    seeding, elapsed = end_to_end()
    print(f"molam reconcile end to end, {ROWS:,} rows over HTTP (100 pages): {elapsed:.2f} s "
          f"({ROWS / elapsed:,.0f} payment intents/s); seeding the sandbox took {seeding:.2f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
