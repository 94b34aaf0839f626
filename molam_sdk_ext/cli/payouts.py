"""`molam payouts create|get|list|cancel`: money out to a bank account or a mobile money wallet."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from molam_sdk.models.mobile_money_provider import MobileMoneyProvider as Provider
from molam_sdk.models.origin_module import OriginModule
from molam_sdk.models.payout_status import PayoutStatus

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

__all__ = ["app", "beneficiary_from_options"]

app = typer.Typer(help="Pay out to bank accounts and mobile money wallets.", no_args_is_help=True)

FIELDS = (
    "id",
    "status",
    "amount",
    "currency",
    "origin_module",
    "origin_entity_id",
    "beneficiary",
    "description",
    "failure_code",
    "failure_message",
    "arrival_date",
    "metadata",
    "created",
)
COLUMNS = (
    Column("id", "id"),
    Column("amount", "amount"),
    Column("status", "status"),
    Column("origin", "origin_entity_id"),
    Column("beneficiary", "beneficiary"),
    Column("created", "created"),
)


PayoutId = Annotated[str, typer.Argument(help="The payout id (po_...).", show_default=False)]


def beneficiary_from_options(
    *,
    provider: str | None,
    msisdn: str | None,
    bank_code: str | None,
    account_number: str | None,
    account_holder: str,
) -> dict[str, Any]:
    """The `beneficiary` body field from the command's options (mobile money or bank account, not both)."""
    mobile = provider is not None or msisdn is not None
    bank = bank_code is not None or account_number is not None
    if mobile == bank:
        raise typer.BadParameter(
            "give either --mobile-money PROVIDER --msisdn +221... or --bank-code CODE --account-number N",
            param_hint="--mobile-money",
        )
    if mobile:
        if provider is None or msisdn is None:
            raise typer.BadParameter(
                "mobile money needs both --mobile-money and --msisdn", param_hint="--msisdn"
            )
        return {
            "type": "mobile_money",
            "provider": provider,
            "msisdn": msisdn,
            "account_holder": account_holder,
        }
    if bank_code is None or account_number is None:
        raise typer.BadParameter(
            "a bank account needs --bank-code and --account-number", param_hint="--bank-code"
        )
    return {
        "type": "bank_account",
        "bank_code": bank_code,
        "account_number": account_number,
        "account_holder": account_holder,
    }


@app.command("create")
def create(
    ctx: typer.Context,
    amount: Annotated[
        str, typer.Option("--amount", help="Amount in major units, e.g. 2500.", show_default=False)
    ],
    currency: Annotated[str, typer.Option("--currency", help="ISO 4217 code, e.g. XOF.", show_default=False)],
    origin_entity_id: Annotated[
        str,
        typer.Option(
            "--from", help="The merchant, wallet or treasury account paying (its id).", show_default=False
        ),
    ],
    account_holder: Annotated[
        str, typer.Option("--account-holder", help="The beneficiary's name.", show_default=False)
    ],
    origin_module: Annotated[
        OriginModule, typer.Option("--origin-module", help="ma: --from is a wallet; else a Treasury balance.")
    ] = OriginModule.CONNECT,
    provider: Annotated[
        Provider | None, typer.Option("--mobile-money", help="Mobile money operator.", show_default=False)
    ] = None,
    msisdn: Annotated[
        str | None,
        typer.Option("--msisdn", help="Mobile money number, E.164 (+221771234567).", show_default=False),
    ] = None,
    bank_code: Annotated[str | None, typer.Option("--bank-code", show_default=False)] = None,
    account_number: Annotated[str | None, typer.Option("--account-number", show_default=False)] = None,
    description: Annotated[str | None, typer.Option("--description", show_default=False)] = None,
    metadata: MetadataOption = None,
    idempotency_key: IdempotencyKeyOption = None,
    json_output: JsonOption = False,
) -> None:
    """Pay out to a mobile money wallet (`--mobile-money wave --msisdn +221...`) or a bank account."""
    state = get_state(ctx, json_output)
    code = parse_currency(currency)
    beneficiary = beneficiary_from_options(
        provider=provider.value if provider else None,
        msisdn=msisdn,
        bank_code=bank_code,
        account_number=account_number,
        account_holder=account_holder,
    )
    payout = state.client().payouts.create(
        origin_module=origin_module,
        origin_entity_id=origin_entity_id,
        amount=parse_amount(amount, code),
        currency=code,
        beneficiary=beneficiary,
        description=given(description),
        metadata=given(parse_metadata(metadata)),
        idempotency_key=idempotency_key,
    )
    state.output.object(payout, title="Payout created", fields=FIELDS)


@app.command("get")
def get(ctx: typer.Context, payout_id: PayoutId, json_output: JsonOption = False) -> None:
    """Show one payout."""
    state = get_state(ctx, json_output)
    state.output.object(state.client().payouts.retrieve(payout_id), title="Payout", fields=FIELDS)


@app.command("cancel")
def cancel(
    ctx: typer.Context,
    payout_id: PayoutId,
    idempotency_key: IdempotencyKeyOption = None,
    json_output: JsonOption = False,
) -> None:
    """Cancel a payout that is still pending."""
    state = get_state(ctx, json_output)
    payout = state.client().payouts.cancel(payout_id, idempotency_key=idempotency_key)
    state.output.object(payout, title="Payout canceled", fields=FIELDS)


@app.command("list")
def list_(
    ctx: typer.Context,
    limit: LimitOption = 10,
    status: Annotated[PayoutStatus | None, typer.Option("--status", show_default=False)] = None,
    json_output: JsonOption = False,
) -> None:
    """List payouts, newest first."""
    state = get_state(ctx, json_output)
    page = state.client().payouts.list(limit=page_size(limit), status=given(status))
    items, more = take(page, limit)
    state.output.table(items, COLUMNS, title="Payouts", has_more=more)
