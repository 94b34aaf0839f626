"""The `molam sandbox` and `molam demo` commands, added to the `molam` CLI through the `molam.cli` entry point.

They live here, with the server they start, so that the SDK never imports the sandbox: `molam_sdk_ext.cli`
discovers them when this package is installed (``pip install molam-sdk[sandbox]``).
"""

from __future__ import annotations

import logging
import threading
from typing import Annotated

import typer

from molam_sdk_ext.cli.state import CliState, JsonOption, get_state

__all__ = ["demo", "register", "sandbox"]


def register(app: typer.Typer) -> None:
    """Add this package's commands to the `molam` CLI (the `molam.cli` entry point)."""
    app.command("sandbox", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(
        sandbox
    )
    app.command("demo")(demo)


def sandbox(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option("--host", help="Interface to listen on (keep loopback).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free port).")
    ] = 12111,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="SQLite file to keep state across restarts (default: $MOLAM_SANDBOX_DB, else memory).",
            show_default=False,
        ),
    ] = None,
    memory: Annotated[
        bool,
        typer.Option(
            "--memory", help="Keep state in memory only (the default), even with $MOLAM_SANDBOX_DB."
        ),
    ] = False,
    fault_rate: Annotated[
        float | None,
        typer.Option(
            "--fault-rate",
            min=0.0,
            max=1.0,
            help="Share of requests that fail on purpose.",
            show_default=False,
        ),
    ] = None,
    fault_kinds: Annotated[
        str | None,
        typer.Option(
            "--fault-kinds",
            help="Comma-separated: 500,502,503,429,slow,drop,commit_then_500,...",
            show_default=False,
        ),
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Seed for repeatable faults.", show_default=False)
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Start the local sandbox (a fake Molam API with test payment methods and webhooks). Ctrl-C stops it.

    Prints one line once it answers (with --json: {"ready": true, "url": ...}). Extra options are passed to
    `python -m molam_sandbox` unchanged.
    """
    from molam_sandbox.faults import parse_kinds
    from molam_sandbox.server import free_port

    state = get_state(ctx, json_output)
    if db is not None and memory:
        raise typer.BadParameter("choose --db or --memory, not both", param_hint="--db")
    if fault_kinds is not None:
        # Checked here so the error is this command's, not the usage of the server it would start.
        try:
            parse_kinds(fault_kinds)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--fault-kinds") from None
    port = port or free_port(host)
    args = ["--host", host, "--port", str(port)]
    # Neither: the server's own default (memory, or $MOLAM_SANDBOX_DB), so both commands agree.
    args += ["--db", db] if db is not None else ["--memory"] if memory else []
    if fault_rate is not None:
        args += ["--fault-rate", str(fault_rate)]
    if fault_kinds is not None:
        args += ["--fault-kinds", fault_kinds]
    if seed is not None:
        args += ["--seed", str(seed)]
    args += list(ctx.args)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"
    # In this process (not a child), so that Ctrl-C reaches one process and ends it without a traceback.
    from molam_sandbox.__main__ import main as serve

    announcer = threading.Thread(target=_announce, args=(state, url), name="sandbox-ready", daemon=True)
    announcer.start()
    try:
        code = serve(args)
    except KeyboardInterrupt:
        code = 0
    raise typer.Exit(code)


def _announce(state: CliState, url: str) -> None:
    """Print the ready line once the server answers (scripts wait for it, with --json)."""
    from molam_sandbox.server import SandboxStartError, wait_healthy

    logging.getLogger("httpx").setLevel(logging.WARNING)  # our health polls are not the user's requests
    try:
        wait_healthy(url, timeout=60.0)
    except SandboxStartError:
        return  # the server's own log says why
    if state.json:
        state.output.json({"ready": True, "url": url}, lines=True)
    else:
        state.output.say(
            f"Sandbox ready at {url}. Use any test key (sk_test_ + 8 characters). Ctrl-C stops it."
        )


def demo(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """Run the whole checkout flow (pay, webhook, refund, payout, transfer, list) and print a summary.

    Without --api-base a sandbox is started on a free loopback port and stopped at the end.
    """
    from molam_sandbox import demo as flow

    state = get_state(ctx, json_output)
    code = flow.run(api_base=state.api_base, api_key=state.api_key, json_mode=state.json)
    if code:
        raise typer.Exit(code)
