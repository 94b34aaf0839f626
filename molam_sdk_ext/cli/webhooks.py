"""`molam webhooks listen|trigger`: receive the sandbox's webhooks locally, and make it send one.
`molam webhooks inbox|sweep|replay`: look after a webhook inbox processed by Celery workers."""

from __future__ import annotations

import contextlib
import importlib
import secrets
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.text import Text

from molam_sdk.events import EVENT_TYPES
from molam_sdk.models import EventType
from molam_sdk_ext.webhooks import WebhookVerifier

from .exit_codes import ExitCode
from .forwarder import Delivery, WebhookForwarder
from .output import printable, to_jsonable
from .sandbox_routes import sandbox_request
from .state import CliState, JsonOption, get_state

if TYPE_CHECKING:
    from molam_sdk_ext.stores.webhook_inbox import WebhookInbox
    from molam_sdk_ext.webhooks.processor import WebhookProcessor

__all__ = ["app", "event_types_only"]

app = typer.Typer(help="Forward webhooks to a local app, and trigger test events.", no_args_is_help=True)

_CHOICES_HELP = "One of: " + ", ".join(EVENT_TYPES) + "."


def event_types_only(value: Any) -> Any:
    """Option callback: every given value must be an event type of the generated registry (the spec's
    webhooks), refused as a usage error before anything is sent; the value is returned unchanged."""
    for item in value if isinstance(value, list) else [value]:
        if item is not None and item not in EVENT_TYPES:
            raise typer.BadParameter(f"{item!r} is not an event type. {_CHOICES_HELP}")
    return value


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
    line.plain = printable(line.plain)  # event ids, reasons and errors come from outside
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
            "--events",
            "-e",
            help="Event types to receive (repeatable; default: all).",
            callback=event_types_only,
            show_default=False,
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
            # Checked against EVENT_TYPES above; the parameter is typed by the spec's values, not `str`.
            enabled_events=[EventType(event) for event in events or EVENT_TYPES],
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
        # Ctrl-C is how an open-ended listen ends: normally. Armed before "ready" is announced, so a Ctrl-C
        # sent the moment a script sees that line cannot escape as an interruption.
        with contextlib.suppress(KeyboardInterrupt):
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
        str,
        typer.Argument(
            help=f"The event type. {_CHOICES_HELP}", callback=event_types_only, show_default=False
        ),
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


# --- the inbox (issue 16) ---------------------------------------------------------------------------------------

ProcessorOption = Annotated[
    str | None,
    typer.Option(
        "--processor",
        envvar="MOLAM_WEBHOOK_PROCESSOR",
        help="Your inbox processor as MODULE:ATTRIBUTE (like `celery -A`), e.g. shop.webhooks:processor.",
        show_default=False,
    ),
]


def _load_processor(spec: str | None) -> WebhookProcessor:
    """Import the merchant's processor (the one its web app and Celery workers use)."""
    from molam_sdk_ext.webhooks.processor import WebhookProcessor

    if not spec or ":" not in spec:
        raise typer.BadParameter("give --processor MODULE:ATTRIBUTE (or MOLAM_WEBHOOK_PROCESSOR)")
    module_name, _, attribute = spec.partition(":")
    if str(Path.cwd()) not in sys.path:  # like `celery -A`: the app's own modules, from where it is run
        sys.path.insert(0, str(Path.cwd()))
    try:
        found = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise typer.BadParameter(f"cannot load {spec}: {type(exc).__name__}: {exc}") from None
    if not isinstance(found, WebhookProcessor) or found.inbox is None:
        raise typer.BadParameter(f"{spec} is not a WebhookProcessor with an inbox (inbox= and dispatch=)")
    return found


@app.command("inbox")
def inbox_status(
    ctx: typer.Context,
    store_url: Annotated[
        str | None,
        typer.Option(
            "--store-url", envvar="MOLAM_STORE_URL", help="The inbox's store URL.", show_default=False
        ),
    ] = None,
    processor: ProcessorOption = None,
    json_output: JsonOption = False,
) -> None:
    """Count the inbox's events by status, and show how long the oldest pending one has waited."""
    state = get_state(ctx, json_output)
    inbox: WebhookInbox
    if processor:
        loaded = _load_processor(processor)
        assert loaded.inbox is not None
        inbox = loaded.inbox
    elif store_url:
        from molam_sdk_ext.stores import webhook_inbox_from_url

        try:
            inbox = webhook_inbox_from_url(store_url)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    else:
        raise typer.BadParameter("give --store-url (or MOLAM_STORE_URL) or --processor")
    stats = inbox.stats()
    age = stats.oldest_pending_age
    if state.json:
        state.output.json({"counts": dict(stats.counts), "pending": stats.pending, "oldest_pending_age": age})
        return
    for status, count in stats.counts.items():
        state.output.say(f"{status:<11} {count}")
    state.output.say(f"oldest pending: {'none' if age is None else f'{age:.1f} s'}")


@app.command("sweep")
def sweep(
    ctx: typer.Context,
    processor: ProcessorOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Enqueue at most this many.")] = 1000,
    json_output: JsonOption = False,
) -> None:
    """Enqueue the events no worker took: recorded while the broker was down, lost, or whose worker died."""
    state = get_state(ctx, json_output)
    enqueued = _load_processor(processor).sweep(limit)
    if state.json:
        state.output.json({"enqueued": enqueued})
    else:
        state.output.say(f"Enqueued {len(enqueued)} event(s).")


@app.command("replay")
def replay(
    ctx: typer.Context,
    event_id: Annotated[
        str | None, typer.Argument(help="The event to run again (evt_...).", show_default=False)
    ] = None,
    dead: Annotated[bool, typer.Option("--dead", help="Replay every dead event instead.")] = False,
    processor: ProcessorOption = None,
    json_output: JsonOption = False,
) -> None:
    """Run an event's handler again (EVENT_ID), or every dead event's (--dead), with a fresh retry budget."""
    state = get_state(ctx, json_output)
    if (event_id is None) == (not dead):
        raise typer.BadParameter("give either EVENT_ID or --dead")
    loaded = _load_processor(processor)
    if event_id is not None:
        if not loaded.replay(event_id):
            raise typer.BadParameter(f"{event_id} is not in the inbox, or it is running now")
        replayed = [event_id]
    else:
        replayed = loaded.replay_dead()
    if state.json:
        state.output.json({"replayed": replayed})
    else:
        state.output.say(f"Replayed {len(replayed)} event(s).")
        for replayed_id in replayed:
            state.output.say(f"  {replayed_id}")
