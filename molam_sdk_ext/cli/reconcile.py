"""`molam reconcile`: compare a merchant's CSV ledger with the payment intents the API reports.

The API side is streamed through auto-pagination (pages of 100) into the pure `molam_sdk_ext.reconcile` engine,
with a progress bar on stderr; the ledger is indexed by payment intent id. With `--since`, ledger rows the
listing did not cover are looked up one by one, so a row older than the window is compared, not reported
missing. Mismatches are printed and written to a CSV file; the exit code is 5 when there is at least one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from molam_sdk_ext import reconcile as engine
from molam_sdk_ext.errors import NotFoundError

from .exit_codes import ExitCode
from .output import format_money
from .params import given, parse_since
from .state import CliState, JsonOption, get_state

__all__ = ["reconcile"]

#: How many mismatches are shown on screen (all of them are always written to the file).
SHOWN = 50
KIND_ORDER = {kind.value: i for i, kind in enumerate(engine.MismatchKind)}


def _status_map(entries: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in entries or []:
        ledger, sep, api = entry.partition("=")
        if not sep or not ledger.strip() or not api.strip():
            raise typer.BadParameter(f"{entry!r} is not LEDGER_STATUS=API_STATUS", param_hint="--status-map")
        out[ledger.strip()] = api.strip()
    return out


def _api_records(state: CliState, since: int | None) -> Iterator[engine.ApiRecord]:
    for intent in state.client().payment_intents.list(limit=100, created_gte=given(since)):
        yield engine.ApiRecord.from_intent(intent)


def _lookup(state: CliState, payment_intent_id: str) -> engine.ApiRecord | None:
    try:
        return engine.ApiRecord.from_intent(state.client().payment_intents.retrieve(payment_intent_id))
    except NotFoundError:
        return None


def _sort_key(m: engine.Mismatch) -> tuple[int, int, str]:
    return (KIND_ORDER[m.kind.value], m.line if m.line is not None else 1 << 62, m.payment_intent_id or "")


def reconcile(
    ctx: typer.Context,
    ledger: Annotated[
        Path,
        typer.Option(
            "--ledger",
            exists=True,
            dir_okay=False,
            readable=True,
            help="CSV with columns order_id, payment_intent_id, amount, currency, status (extra columns ignored).",
            show_default=False,
        ),
    ],
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Only API payment intents created at or after this date (2025-01-15, an ISO time, or 7d).",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            dir_okay=False,
            help="Where to write the mismatches (default: LEDGER.mismatches.csv).",
            show_default=False,
        ),
    ] = None,
    minor_units: Annotated[
        bool,
        typer.Option("--minor-units", help="Ledger amounts are integer minor units (default: major units)."),
    ] = False,
    status_map: Annotated[
        list[str] | None,
        typer.Option(
            "--status-map", help="Map a ledger status to an API one, e.g. paid=succeeded (repeatable)."
        ),
    ] = None,
    lookup: Annotated[
        bool,
        typer.Option(
            "--lookup/--no-lookup",
            help="With --since, look up ledger rows the listing did not cover (by id).",
        ),
    ] = True,
    json_output: JsonOption = False,
) -> None:
    """Compare a ledger with the API: missing on either side, amount, currency or status differs. Exit 5 on any mismatch."""
    state = get_state(ctx, json_output)
    since_ts = parse_since(since) if since is not None else None
    aliases = _status_map(status_map)
    out_path = out or ledger.with_name(f"{ledger.stem}.mismatches.csv")
    output = state.output
    reconciler = engine.Reconciler(since=since_ts, status_aliases=aliases)
    found: list[engine.Mismatch] = []

    with ledger.open(newline="", encoding="utf-8-sig") as handle:
        try:
            for item in engine.read_ledger(handle, minor_units=minor_units):
                mismatch = reconciler.add(item)
                if mismatch is not None:
                    found.append(mismatch)
        except ValueError as exc:  # a header without the needed columns
            raise typer.BadParameter(str(exc), param_hint="--ledger") from None
    rows = reconciler.pending_count

    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("ledger rows matched"),
        TimeElapsedColumn(),
        console=output.err,
        transient=True,
        disable=state.json or not output.err.is_terminal,
    )
    with progress:
        task = progress.add_task("Scanning payment intents", total=rows)
        for record in _api_records(state, since_ts):
            found.extend(reconciler.observe(record))
            progress.update(
                task,
                completed=reconciler.matched_count,
                description=f"Scanned {reconciler.api_count:,} payment intents",
            )
        if lookup and since_ts is not None:
            leftovers = reconciler.unmatched()
            progress.update(task, description=f"Looking up {len(leftovers):,} rows outside the listing")
            for row in leftovers:
                found.extend(reconciler.resolve(row, _lookup(state, row.payment_intent_id)))
                progress.update(task, completed=reconciler.matched_count)
        found.extend(reconciler.finish())

    found.sort(key=_sort_key)
    with out_path.open("w", newline="", encoding="utf-8") as handle:
        engine.write_mismatches(found, handle)
    summary = reconciler.summary()

    if state.json:
        output.json(
            {
                "summary": summary.as_dict(),
                "mismatches": [m.as_dict() for m in found],
                "output": str(out_path),
            }
        )
    else:
        _print_report(state, summary, found, out_path)
    if found:
        raise typer.Exit(int(ExitCode.MISMATCHES))


def _amount(value: int | None, currency: str | None) -> str:
    return format_money(value, currency) if value is not None else ""


def _print_report(
    state: CliState, summary: engine.ReconcileSummary, found: list[engine.Mismatch], out_path: Path
) -> None:
    console = state.output.out
    if found:
        table = Table(title=f"Mismatches ({len(found):,})", title_justify="left")
        for header in ("kind", "payment intent", "order", "line", "ledger", "API"):
            table.add_column(header, overflow="fold")
        for m in found[:SHOWN]:
            ledger_side = " ".join(
                p for p in (_amount(m.ledger_amount, m.ledger_currency), m.ledger_status or "") if p
            )
            if m.kind is engine.MismatchKind.INVALID_LEDGER_ROW:
                ledger_side = m.detail  # why the row was refused: its amount cannot be shown
            api_side = " ".join(p for p in (_amount(m.api_amount, m.api_currency), m.api_status or "") if p)
            table.add_row(
                Text(m.kind.value),
                Text(m.payment_intent_id or ""),
                Text(m.order_id or ""),
                Text("" if m.line is None else str(m.line)),
                Text(ledger_side or "-"),
                Text(api_side or "-"),
            )
        console.print(table)
        if len(found) > SHOWN:
            state.output.note(f"... and {len(found) - SHOWN:,} more in {out_path}")
    kinds = ", ".join(f"{kind} {count:,}" for kind, count in summary.mismatches.items()) or "none"
    console.print(
        f"Ledger rows: {summary.ledger_rows:,}  API payment intents: {summary.api_records:,}  "
        f"matched: {summary.matched:,}  mismatches: {summary.total_mismatches:,} ({kinds})"
    )
    console.print(
        Text(f"Mismatches written to {out_path}" if found else f"No mismatch. (Empty report: {out_path})")
    )
