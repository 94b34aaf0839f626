"""`molam wallets balance|list`: Molam Ma wallets."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from .listing import page_size, take
from .output import Column, format_money, printable, to_jsonable
from .params import LimitOption
from .state import JsonOption, get_state

__all__ = ["app"]

app = typer.Typer(help="Wallet balances (Molam Ma).", no_args_is_help=True)

COLUMNS = (
    Column("id", "id"),
    Column("name", "name"),
    Column("owner", "owner_id"),
    Column("currencies", "currencies"),
    Column("status", "status"),
)


@app.command("balance")
def balance(
    ctx: typer.Context,
    wallet_id: Annotated[str, typer.Argument(help="The wallet id (wal_...).", show_default=False)],
    json_output: JsonOption = False,
) -> None:
    """Show a wallet's available and pending balance per currency."""
    state = get_state(ctx, json_output)
    result = state.client().wallets.balance(wallet_id)
    data: dict[str, Any] = to_jsonable(result)
    if state.json:
        state.output.json(data)
        return
    table = Table(title=Text(printable(f"Balance of {data.get('wallet', wallet_id)}")), title_justify="left")
    table.add_column("currency")
    table.add_column("available", justify="right")
    table.add_column("pending", justify="right")
    rows: dict[str, dict[str, Any]] = {}
    for kind in ("available", "pending"):
        for entry in data.get(kind) or []:
            rows.setdefault(entry["currency"], {})[kind] = entry["amount"]
    for currency, amounts in sorted(rows.items()):
        table.add_row(
            Text(printable(str(currency))),
            Text(format_money(amounts.get("available", 0), currency)),
            Text(format_money(amounts.get("pending", 0), currency)),
        )
    state.output.out.print(table)


@app.command("list")
def list_(ctx: typer.Context, limit: LimitOption = 10, json_output: JsonOption = False) -> None:
    """List wallets."""
    state = get_state(ctx, json_output)
    page = state.client().wallets.list(limit=page_size(limit))
    items, more = take(page, limit)
    state.output.table(items, COLUMNS, title="Wallets", has_more=more)
