"""The few hand-written conveniences on top of the generated resource commands.

Everything else about `molam <group> <command>` comes from the spec (`molam_sdk.commands`). What is here only
adds names or maps friendlier flags onto the generated command's body; it never replaces a field. An alias
whose field is no longer in the spec is skipped (and `tests/cli/test_generated_commands.py` says so), so a
spec change can never be blocked, or silently redirected, by this file.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

import typer

from molam_sdk.models.mobile_money_provider import MobileMoneyProvider

__all__ = [
    "COMMAND_ALIASES",
    "EXTENSIONS",
    "FIELD_ALIASES",
    "GROUP_ALIASES",
    "OPTION_ALIASES",
    "VALIDATORS",
    "Extension",
]

#: Other names of a group: the CLI's first release called payment intents `payments`.
GROUP_ALIASES: Mapping[str, str] = {"payments": "payment-intents"}
#: Other names of a command in every group that has the target (`molam payouts get po_...`).
COMMAND_ALIASES: Mapping[str, str] = {"get": "retrieve"}
#: Extra option names for a field wherever it appears (`-m order_id=1042`).
FIELD_ALIASES: Mapping[str, tuple[str, ...]] = {"metadata": ("-m",)}
#: Extra option names for one field of one command: (group, command, field) -> names. Shorter spellings the
#: documentation and scripts use; the spec's own `--customer-id` etc. always work too.
OPTION_ALIASES: Mapping[tuple[str, str, str], tuple[str, ...]] = {
    ("payment-intents", "create", "customer_id"): ("--customer",),
    ("payment-intents", "list", "customer_id"): ("--customer",),
    ("payment-intents", "capture", "amount_to_capture"): ("--amount",),
    ("payment-intents", "cancel", "cancellation_reason"): ("--reason",),
    ("payouts", "create", "origin_entity_id"): ("--from",),
    ("transfers", "create", "from_wallet"): ("--from",),
    ("transfers", "create", "to_wallet"): ("--to",),
}


def _event_types_only(value: Any) -> Any:
    from .webhooks import event_types_only

    return event_types_only(value)


#: Option callbacks checking a value before anything is sent: (group, command, field) -> callback. The event
#: type filter is a plain string in the spec; an unknown type would only ever list nothing.
VALIDATORS: Mapping[tuple[str, str, str], Callable[[Any], Any]] = {
    ("events", "list", "type"): _event_types_only,
}


@dataclass(frozen=True)
class Extension:
    """Extra options of one generated command and how they fill its body (`apply(extra values, fields)`).

    `field` is the body field they produce; the extension is left out when the spec no longer has it.
    """

    field: str
    parameters: tuple[inspect.Parameter, ...]
    apply: Callable[[Mapping[str, Any], dict[str, Any]], None]


def _option(name: str, annotation: Any) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=None)


def _payout_beneficiary(values: Mapping[str, Any], fields: dict[str, Any]) -> None:
    """`--mobile-money P --msisdn N` or `--bank-code C --account-number N`, with `--account-holder`, as the
    payout's `beneficiary` object (one kind, not both); nothing when none of the flags is given."""
    provider: MobileMoneyProvider | None = values.get("e_provider")
    msisdn, bank_code = values.get("e_msisdn"), values.get("e_bank_code")
    account_number, holder = values.get("e_account_number"), values.get("e_account_holder")
    if all(v is None for v in (provider, msisdn, bank_code, account_number, holder)):
        return
    if "beneficiary" in fields:
        raise typer.BadParameter(
            "give the beneficiary with flags or with --data, not both", param_hint="--data"
        )
    mobile = provider is not None or msisdn is not None
    bank = bank_code is not None or account_number is not None
    if mobile == bank:
        raise typer.BadParameter(
            "give either --mobile-money PROVIDER --msisdn +221... or --bank-code CODE --account-number N",
            param_hint="--mobile-money",
        )
    if holder is None:
        raise typer.BadParameter("the beneficiary needs --account-holder", param_hint="--account-holder")
    if mobile:
        if provider is None or msisdn is None:
            raise typer.BadParameter(
                "mobile money needs both --mobile-money and --msisdn", param_hint="--msisdn"
            )
        fields["beneficiary"] = {
            "type": "mobile_money",
            "provider": provider.value,
            "msisdn": msisdn,
            "account_holder": holder,
        }
        return
    if bank_code is None or account_number is None:
        raise typer.BadParameter(
            "a bank account needs --bank-code and --account-number", param_hint="--bank-code"
        )
    fields["beneficiary"] = {
        "type": "bank_account",
        "bank_code": bank_code,
        "account_number": account_number,
        "account_holder": holder,
    }


def _flag(name: str, flag: str, kind: Any, help_text: str) -> inspect.Parameter:
    """An extra option `flag` (shown in its own help panel), passed to the extension as `name`."""
    option = typer.Option(flag, help=help_text, show_default=False, rich_help_panel="Beneficiary")
    return _option(name, Annotated[kind | None, option])


#: Friendlier flags for nested bodies: (group, command) -> extension.
EXTENSIONS: Mapping[tuple[str, str], Extension] = {
    ("payouts", "create"): Extension(
        field="beneficiary",
        parameters=(
            _flag(
                "e_provider",
                "--mobile-money",
                MobileMoneyProvider,
                "Mobile money operator of the beneficiary.",
            ),
            _flag("e_msisdn", "--msisdn", str, "Mobile money number, E.164 (+221771234567)."),
            _flag("e_bank_code", "--bank-code", str, "The beneficiary's bank."),
            _flag("e_account_number", "--account-number", str, "The bank account number."),
            _flag("e_account_holder", "--account-holder", str, "The beneficiary's name."),
        ),
        apply=_payout_beneficiary,
    ),
}
