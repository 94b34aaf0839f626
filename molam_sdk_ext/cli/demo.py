"""`molam demo`: the checkout flow of `make demo`, against a fresh local sandbox or `--api-base`."""

from __future__ import annotations

import typer

from .state import JsonOption, get_state

__all__ = ["demo"]


def demo(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """Run the whole checkout flow (pay, webhook, refund, payout, transfer, list) and print a summary.

    Without --api-base a sandbox is started on a free loopback port and stopped at the end.
    """
    from molam_sdk_ext import demo as flow

    state = get_state(ctx, json_output)
    code = flow.run(api_base=state.api_base, api_key=state.api_key, json_mode=state.json)
    if code:
        raise typer.Exit(code)
