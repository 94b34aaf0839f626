"""`molam transfers create`: move money between two wallets."""

from __future__ import annotations

from typing import Annotated

import typer

from .params import (
    IdempotencyKeyOption,
    MetadataOption,
    given,
    parse_amount,
    parse_currency,
    parse_metadata,
)
from .state import JsonOption, get_state

__all__ = ["app"]

app = typer.Typer(help="Transfers between wallets (Molam Ma).", no_args_is_help=True)

FIELDS = (
    "id",
    "status",
    "amount",
    "currency",
    "from_wallet",
    "to_wallet",
    "description",
    "failure_reason",
    "created",
)


@app.command("create")
def create(
    ctx: typer.Context,
    from_wallet: Annotated[
        str, typer.Option("--from", help="The wallet to debit (wal_...).", show_default=False)
    ],
    to_wallet: Annotated[
        str, typer.Option("--to", help="The wallet to credit (wal_...).", show_default=False)
    ],
    amount: Annotated[str, typer.Option("--amount", help="Amount in major units.", show_default=False)],
    currency: Annotated[str, typer.Option("--currency", help="ISO 4217 code.", show_default=False)],
    description: Annotated[str | None, typer.Option("--description", show_default=False)] = None,
    metadata: MetadataOption = None,
    idempotency_key: IdempotencyKeyOption = None,
    json_output: JsonOption = False,
) -> None:
    """Move money from one wallet to another (the source balance never goes negative)."""
    state = get_state(ctx, json_output)
    code = parse_currency(currency)
    transfer = state.client().transfers.create(
        from_wallet=from_wallet,
        to_wallet=to_wallet,
        amount=parse_amount(amount, code),
        currency=code,
        description=given(description),
        metadata=given(parse_metadata(metadata)),
        idempotency_key=idempotency_key,
    )
    state.output.object(transfer, title="Transfer created", fields=FIELDS)
