"""`molam events list|get`: the events Molam sent (or would send) to webhooks."""

from __future__ import annotations

from typing import Annotated

import typer

from .listing import page_size, take
from .output import Column, to_jsonable
from .params import LimitOption, given
from .state import JsonOption, get_state
from .webhooks import event_types_only

__all__ = ["app"]

app = typer.Typer(help="Events (what webhooks deliver).", no_args_is_help=True)

COLUMNS = (Column("id", "id"), Column("type", "type"), Column("created", "created"))


@app.command("list")
def list_(
    ctx: typer.Context,
    limit: LimitOption = 10,
    event_type: Annotated[
        str | None,
        typer.Option("--type", help="Only events of this type.", callback=event_types_only),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """List events, newest first."""
    state = get_state(ctx, json_output)
    page = state.client().events.list(limit=page_size(limit), type=given(event_type))
    items, more = take(page, limit)
    state.output.table(items, COLUMNS, title="Events", has_more=more)


@app.command("get")
def get(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="The event id (evt_...).", show_default=False)],
    json_output: JsonOption = False,
) -> None:
    """Show one event (the whole payload)."""
    state = get_state(ctx, json_output)
    event = state.client().events.retrieve(event_id)
    state.output.object(event, title="Event", fields=("id", "type", "created", "api_version", "livemode"))
    if not state.json:
        data = to_jsonable(event).get("data", {})
        state.output.out.print_json(data=data.get("object", data))  # the payload, whole and readable
