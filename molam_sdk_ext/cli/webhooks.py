"""`molam webhooks listen|trigger`: receive the sandbox's webhooks locally, and make it send one."""

from __future__ import annotations

import contextlib
import secrets
from typing import Annotated, Any

import typer
from rich.text import Text

from molam_sdk.models.event_type import EventType
from molam_sdk_ext.webhooks import WebhookVerifier

from .exit_codes import ExitCode
from .forwarder import Delivery, WebhookForwarder
from .output import to_jsonable
from .sandbox_routes import sandbox_request
from .state import CliState, JsonOption, get_state

__all__ = ["app"]

app = typer.Typer(help="Forward webhooks to a local app, and trigger test events.", no_args_is_help=True)

#: Every event type the API sends today (a listener asks for all of them unless told otherwise).
EVENT_TYPES: tuple[str, ...] = tuple(event_type.value for event_type in EventType)


def _print_delivery(state: CliState, delivery: Delivery) -> None:
    if state.json:
        state.output.json(delivery.as_dict(), lines=True)
        return
    what = f"{delivery.event_type or '?'} {delivery.event_id or ''}".strip()
    if not delivery.verified:
        line = Text(f"<-- {what}: rejected, signature verification failed ({delivery.reason})", style="red")
    elif delivery.app_status is None:
        line = Text(f"--> {what}: your app was unreachable ({delivery.app_error})", style="red")
    else:
        style = "green" if delivery.ok else "yellow"
        line = Text(f"--> {what}: [{delivery.app_status}] in {delivery.duration_ms:.0f} ms", style=style)
    state.output.out.print(line)


@app.command("listen")
def listen(
    ctx: typer.Context,
    forward_to: Annotated[
        str,
        typer.Option(
            "--forward-to",
            help="Your app's webhook URL, e.g. http://127.0.0.1:8000/webhooks.",
            show_default=False,
        ),
    ],
    forward_secret: Annotated[
        str | None,
        typer.Option(
            "--forward-secret",
            envvar="MOLAM_FORWARD_SECRET",
            help="The secret your app verifies with (default: a new one, printed at start).",
            show_default=False,
        ),
    ] = None,
    forward_kid: Annotated[
        str, typer.Option("--forward-kid", help="Key id sent with the signature.")
    ] = "cli",
    events: Annotated[
        list[str] | None,
        typer.Option(
            "--events", "-e", help="Event types to receive (repeatable; default: all).", show_default=False
        ),
    ] = None,
    max_events: Annotated[
        int | None,
        typer.Option(
            "--max-events", min=1, help="Stop after forwarding this many events.", show_default=False
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Receive webhooks from the API, verify them, and forward them re-signed to your local app.

    With --json, prints one JSON object per line: first {"ready": true, ...}, then one per delivery.
    Registers a temporary webhook endpoint pointing at a listener on a free loopback port (so the API must run
    on this machine: the local sandbox), prints each delivery and your app's answer, and deletes the endpoint
    when it stops (Ctrl-C or --max-events).
    """
    state = get_state(ctx, json_output)
    generated = forward_secret is None
    secret = forward_secret or "whsec_" + secrets.token_urlsafe(24)
    forwarder = WebhookForwarder(
        forward_to=forward_to,
        forward_secret=secret,
        forward_kid=forward_kid,
        on_delivery=lambda delivery: _print_delivery(state, delivery),
        max_events=max_events,
    )
    client = state.client()
    endpoint_id: str | None = None
    rejected = False
    try:
        listener_url = forwarder.start()
        endpoint = client.webhook_endpoints.create(
            url=listener_url,
            enabled_events=list(events or EVENT_TYPES),
            description="molam webhooks listen (temporary)",
        )
        endpoint_id = str(endpoint.id)
        forwarder.set_verifier(WebhookVerifier(str(endpoint.secret)))
        ready: dict[str, Any] = {
            "ready": True,
            "endpoint": endpoint_id,
            "listening_on": listener_url,
            "forward_to": forward_to,
        }
        if generated:
            ready["forward_secret"] = secret
        if state.json:
            state.output.json(ready, lines=True)
        else:
            state.output.say(
                f"Ready. Forwarding webhooks to {forward_to} (endpoint {endpoint_id}).", style="bold"
            )
            if generated:
                state.output.say(f"Your app's webhook secret for this session: {secret}")
            state.output.note(
                "Ctrl-C to stop." if max_events is None else f"Stopping after {max_events} event(s)."
            )
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how an open-ended listen ends: normally
            forwarder.wait()
    finally:
        forwarder.stop()
        rejected = any(not d.verified for d in forwarder.deliveries)
        if endpoint_id is not None:
            try:
                client.webhook_endpoints.delete(endpoint_id)
            except Exception as exc:  # leaving a temporary endpoint behind must not hide the real outcome
                state.output.note(
                    f"could not delete the temporary endpoint {endpoint_id}: {exc}", style="yellow"
                )
    if not state.json:
        state.output.note(f"Forwarded {forwarder.forwarded} event(s).")
    if rejected:
        raise typer.Exit(int(ExitCode.VERIFICATION))


@app.command("trigger")
def trigger(
    ctx: typer.Context,
    event_type: Annotated[
        str, typer.Argument(help="e.g. payment_intent.succeeded, payout.paid.", show_default=False)
    ],
    json_output: JsonOption = False,
) -> None:
    """Make the sandbox produce an event of EVENT_TYPE (with the objects behind it) and deliver it."""
    state = get_state(ctx, json_output)
    result = sandbox_request(state, "POST", "/_sandbox/events/trigger", json={"type": event_type})
    data = to_jsonable(result)
    if state.json:
        state.output.json(data)
        return
    event = data.get("event", data) if isinstance(data, dict) else {}
    state.output.say(
        f"Triggered {event.get('type', event_type)} {event.get('id', '')}".rstrip(), style="bold"
    )
