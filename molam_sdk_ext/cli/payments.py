"""`molam payments create|get|confirm|capture|cancel|list`: payment intents."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from molam_sdk.models.cancellation_reason import CancellationReason
from molam_sdk.models.capture_method import CaptureMethod
from molam_sdk.types import UNSET

from .listing import page_size, take
from .output import Column
from .params import (
    IdempotencyKeyOption,
    LimitOption,
    MetadataOption,
    given,
    parse_amount,
    parse_currency,
    parse_metadata,
)
from .state import JsonOption, get_state

__all__ = ["app"]

app = typer.Typer(help="Create, confirm, capture, cancel and list payment intents.", no_args_is_help=True)

FIELDS = (
    "id",
    "status",
    "amount",
    "amount_received",
    "currency",
    "capture_method",
    "payment_method",
    "customer_id",
    "description",
    "metadata",
    "latest_charge",
    "last_payment_error",
    "redirect_url",
    "cancellation_reason",
    "created",
)
COLUMNS = (
    Column("id", "id"),
    Column("amount", "amount"),
    Column("status", "status"),
    Column("method", "payment_method"),
    Column("customer", "customer_id"),
    Column("created", "created"),
)


PaymentIntentId = Annotated[str, typer.Argument(help="The payment intent id (pi_...).", show_default=False)]


def show(ctx: typer.Context, intent: Any, title: str) -> None:
    """Print a payment intent, with a hint when it waits for the customer."""
    state = get_state(ctx)
    state.output.object(intent, title=title, fields=FIELDS)
    status = str(getattr(getattr(intent, "status", None), "value", getattr(intent, "status", "")))
    if status == "requires_action":
        state.output.note("The customer must complete an action (3-D Secure or a mobile money prompt).")


@app.command("create")
def create(
    ctx: typer.Context,
    amount: Annotated[
        str, typer.Option("--amount", help="Amount in major units, e.g. 150.00.", show_default=False)
    ],
    currency: Annotated[str, typer.Option("--currency", help="ISO 4217 code, e.g. GHS.", show_default=False)],
    payment_method: Annotated[
        str | None,
        typer.Option("--payment-method", help="e.g. pm_card_visa, pm_orange_money.", show_default=False),
    ] = None,
    confirm: Annotated[
        bool, typer.Option("--confirm", help="Confirm at once (needs --payment-method).")
    ] = False,
    capture_method: Annotated[
        CaptureMethod | None,
        typer.Option("--capture-method", help="manual: authorise now, capture later.", show_default=False),
    ] = None,
    customer_id: Annotated[str | None, typer.Option("--customer", show_default=False)] = None,
    description: Annotated[str | None, typer.Option("--description", show_default=False)] = None,
    metadata: MetadataOption = None,
    return_url: Annotated[str | None, typer.Option("--return-url", show_default=False)] = None,
    idempotency_key: IdempotencyKeyOption = None,
    json_output: JsonOption = False,
) -> None:
    """Create a payment intent (amount in major units: `--amount 150.00 --currency GHS`)."""
    state = get_state(ctx, json_output)
    code = parse_currency(currency)
    if confirm and not payment_method:
        raise typer.BadParameter("--confirm needs --payment-method", param_hint="--confirm")
    intent = state.client().payment_intents.create(
        amount=parse_amount(amount, code),
        currency=code,
        payment_method=given(payment_method),
        confirm=True if confirm else UNSET,
        capture_method=given(capture_method),
        customer_id=given(customer_id),
        description=given(description),
        metadata=given(parse_metadata(metadata)),
        return_url=given(return_url),
        idempotency_key=idempotency_key,
    )
    show(ctx, intent, "Payment intent created")


@app.command("get")
def get(ctx: typer.Context, intent_id: PaymentIntentId, json_output: JsonOption = False) -> None:
    """Show one payment intent."""
    state = get_state(ctx, json_output)
    show(ctx, state.client().payment_intents.retrieve(intent_id), "Payment intent")


@app.command("confirm")
def confirm(
    ctx: typer.Context,
    intent_id: PaymentIntentId,
    payment_method: Annotated[
        str | None, typer.Option("--payment-method", help="e.g. pm_card_visa.", show_default=False)
    ] = None,
    return_url: Annotated[str | None, typer.Option("--return-url", show_default=False)] = None,
    idempotency_key: IdempotencyKeyOption = None,
    json_output: JsonOption = False,
) -> None:
    """Confirm a payment intent with a payment method."""
    state = get_state(ctx, json_output)
    intent = state.client().payment_intents.confirm(
        intent_id,
        payment_method=given(payment_method),
        return_url=given(return_url),
        idempotency_key=idempotency_key,
    )
    show(ctx, intent, "Payment intent confirmed")


@app.command("capture")
def capture(
    ctx: typer.Context,
    intent_id: PaymentIntentId,
    amount: Annotated[
        str | None,
        typer.Option(
            "--amount", help="Major units to capture (default: all authorised).", show_default=False
        ),
    ] = None,
    idempotency_key: IdempotencyKeyOption = None,
    json_output: JsonOption = False,
) -> None:
    """Capture an authorised payment intent (`--capture-method manual`), fully or partly."""
    state = get_state(ctx, json_output)
    client = state.client()
    amount_to_capture = None
    if amount is not None:
        currency = str(client.payment_intents.retrieve(intent_id).currency)
        amount_to_capture = parse_amount(amount, currency)
    intent = client.payment_intents.capture(
        intent_id, amount_to_capture=given(amount_to_capture), idempotency_key=idempotency_key
    )
    show(ctx, intent, "Payment intent captured")


@app.command("cancel")
def cancel(
    ctx: typer.Context,
    intent_id: PaymentIntentId,
    reason: Annotated[CancellationReason | None, typer.Option("--reason", show_default=False)] = None,
    idempotency_key: IdempotencyKeyOption = None,
    json_output: JsonOption = False,
) -> None:
    """Cancel a payment intent that has not succeeded."""
    state = get_state(ctx, json_output)
    intent = state.client().payment_intents.cancel(
        intent_id,
        cancellation_reason=given(reason),
        idempotency_key=idempotency_key,
    )
    show(ctx, intent, "Payment intent canceled")


@app.command("list")
def list_(
    ctx: typer.Context,
    limit: LimitOption = 10,
    status: Annotated[
        str | None, typer.Option("--status", help="e.g. succeeded.", show_default=False)
    ] = None,
    customer_id: Annotated[str | None, typer.Option("--customer", show_default=False)] = None,
    json_output: JsonOption = False,
) -> None:
    """List payment intents, newest first (walks pages up to --limit)."""
    state = get_state(ctx, json_output)
    page = state.client().payment_intents.list(
        limit=page_size(limit), status=given(status), customer_id=given(customer_id)
    )
    items, more = take(page, limit)
    state.output.table(items, COLUMNS, title="Payment intents", has_more=more)
