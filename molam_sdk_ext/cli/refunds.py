"""`molam refunds create|get|list`: refunds of payment intents and charges."""

from __future__ import annotations

from typing import Annotated

import typer

from molam_sdk.models.refund_reason import RefundReason

from .listing import page_size, take
from .output import Column
from .params import (
    IdempotencyKeyOption,
    LimitOption,
    MetadataOption,
    given,
    parse_amount,
    parse_metadata,
)
from .state import JsonOption, get_state

__all__ = ["app"]

app = typer.Typer(help="Refund payments, fully or partly, and list refunds.", no_args_is_help=True)


FIELDS = ("id", "status", "amount", "currency", "payment_intent", "charge", "reason", "metadata", "created")
COLUMNS = (
    Column("id", "id"),
    Column("amount", "amount"),
    Column("status", "status"),
    Column("payment intent", "payment_intent"),
    Column("reason", "reason"),
    Column("created", "created"),
)


@app.command("create")
def create(
    ctx: typer.Context,
    payment_intent: Annotated[
        str | None,
        typer.Option("--payment-intent", help="The payment intent to refund (pi_...).", show_default=False),
    ] = None,
    charge: Annotated[
        str | None, typer.Option("--charge", help="Or the charge to refund (ch_...).", show_default=False)
    ] = None,
    amount: Annotated[
        str | None,
        typer.Option(
            "--amount", help="Major units to refund (default: all that is refundable).", show_default=False
        ),
    ] = None,
    reason: Annotated[RefundReason | None, typer.Option("--reason", show_default=False)] = None,
    metadata: MetadataOption = None,
    idempotency_key: IdempotencyKeyOption = None,
    json_output: JsonOption = False,
) -> None:
    """Refund a payment intent or a charge (`--amount` in major units for a partial refund)."""
    state = get_state(ctx, json_output)
    if (payment_intent is None) == (charge is None):
        raise typer.BadParameter(
            "give exactly one of --payment-intent and --charge", param_hint="--payment-intent"
        )
    client = state.client()
    minor: int | None = None
    if amount is not None:
        # The amount is typed in major units: the currency (hence the exponent) is the payment's.
        source = (
            client.payment_intents.retrieve(payment_intent)
            if payment_intent is not None
            else client.charges.retrieve(str(charge))
        )
        minor = parse_amount(amount, str(source.currency))
    refund = client.refunds.create(
        payment_intent=given(payment_intent),
        charge=given(charge),
        amount=given(minor),
        reason=given(reason),
        metadata=given(parse_metadata(metadata)),
        idempotency_key=idempotency_key,
    )
    state.output.object(refund, title="Refund created", fields=FIELDS)


@app.command("get")
def get(
    ctx: typer.Context,
    refund_id: Annotated[str, typer.Argument(help="The refund id (re_...).", show_default=False)],
    json_output: JsonOption = False,
) -> None:
    """Show one refund."""
    state = get_state(ctx, json_output)
    state.output.object(state.client().refunds.retrieve(refund_id), title="Refund", fields=FIELDS)


@app.command("list")
def list_(
    ctx: typer.Context,
    limit: LimitOption = 10,
    payment_intent: Annotated[
        str | None,
        typer.Option("--payment-intent", help="Only refunds of this payment intent.", show_default=False),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """List refunds, newest first."""
    state = get_state(ctx, json_output)
    page = state.client().refunds.list(limit=page_size(limit), payment_intent=given(payment_intent))
    items, more = take(page, limit)
    state.output.table(items, COLUMNS, title="Refunds", has_more=more)
