"""The root `molam` command: global options, the command groups, and the error handling every command shares.

Errors end a command with one clear line on stderr (or a JSON object on stdout with `--json`) that carries the
request id, and with a documented exit code (`molam --help`); `--debug` adds the traceback before that line and
changes nothing else (the exit code is the same with or without it).
"""

from __future__ import annotations

import sys
import traceback
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .exit_codes import EXIT_CODES_HELP, ExitCode
from .state import DEFAULT_API_BASE, CliState, JsonOption

__all__ = ["app", "main"]


class MolamGroup(TyperGroup):
    """The root group: turns any exception escaping a command into an error line and an exit code."""

    def list_commands(self, ctx: Any) -> list[str]:
        """The hand-written commands, then one group per tag of the spec (`molam_sdk.commands`)."""
        from . import resource_commands

        own = list(super().list_commands(ctx))
        return own + [name for name in resource_commands.group_names() if name not in own]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """A hand-written command, else the generated group of that name or alias (built on first use)."""
        from . import resource_commands

        command = super().get_command(ctx, cmd_name)
        return command if command is not None else resource_commands.build_group(cmd_name)

    def invoke(self, ctx: Any) -> Any:
        """Run the command; report a failure the `molam` way instead of with a traceback."""
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except Exception as exc:
            state = ctx.find_object(CliState) or CliState()
            if state.debug:
                # The traceback as well, never instead: a script's exit code must not depend on --debug.
                traceback.print_exception(exc, file=sys.stderr)
            code = state.output.error(exc, api_base=_hinted_base(state, exc))
            raise typer.Exit(int(code)) from None


def _hinted_base(state: CliState, exc: Exception) -> str:
    from molam_sdk_ext.errors import APIConnectionError

    if isinstance(exc, APIConnectionError) and state.uses_default_sandbox:
        return f"{state.base} (is the local sandbox running? start it with `molam sandbox`)"
    return state.base


app = typer.Typer(
    name="molam",
    cls=MolamGroup,
    help="Molam from the command line: payments, refunds, payouts, wallets, events, webhooks and reconciliation.\n\n"
    f"With nothing configured it talks to the local sandbox at {DEFAULT_API_BASE} (start it with `molam sandbox`).",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals may hold the API key
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        # The one place the version is written (a release sets it); package metadata can be stale in an
        # editable install. The API version is the default `Molam-Version` the SDK was generated for.
        import molam_sdk

        from .. import __version__

        typer.echo(f"molam {__version__} (API version {molam_sdk.API_VERSION})")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            envvar="MOLAM_API_KEY",
            help="Secret key (sk_test_... / sk_live_...). Default: a test key, for a loopback API base only.",
            show_default=False,
        ),
    ] = None,
    api_base: Annotated[
        str | None,
        typer.Option(
            "--api-base",
            envvar="MOLAM_API_BASE",
            help=f"API base URL. Default: the local sandbox, {DEFAULT_API_BASE}.",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", min=0.1, help="Seconds per request attempt.", show_default=False),
    ] = None,
    max_retries: Annotated[
        int | None, typer.Option("--max-retries", min=0, help="Retries per request.", show_default=False)
    ] = None,
    json_output: JsonOption = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback of an error.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Molam from the command line."""
    state = CliState(
        api_key=api_key,
        api_base=api_base,
        timeout=timeout,
        max_retries=max_retries,
        json=json_output,
        debug=debug,
    )
    ctx.obj = state
    ctx.call_on_close(state.close)


#: Entry-point group through which installed packages add commands (molam_sandbox adds `sandbox` and `demo`).
PLUGIN_GROUP = "molam.cli"
#: Commands a plugin package provides, and the extra that installs it, for a helpful message when it is absent.
_PLUGIN_COMMANDS = {"sandbox": "sandbox", "demo": "sandbox"}


def _register() -> None:
    from importlib.metadata import entry_points

    from . import reconcile, webhooks

    # One group per tag of the spec (payment-intents, refunds, payouts, ...) comes from MolamGroup, generated.
    app.add_typer(webhooks.app, name="webhooks")
    app.command("reconcile")(reconcile.reconcile)
    provided: set[str] = set()
    for entry in entry_points(group=PLUGIN_GROUP):
        before = {command.name for command in app.registered_commands}
        entry.load()(app)
        provided |= {str(command.name) for command in app.registered_commands} - {str(n) for n in before}
    for name, extra in _PLUGIN_COMMANDS.items():
        if name not in provided:
            app.command(
                name,
                context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
                help=f"Needs the {extra} extra: pip install 'molam-sdk[{extra}]'.",
            )(_missing_plugin(name, extra))


def _missing_plugin(name: str, extra: str) -> Any:
    def command() -> None:
        typer.echo(
            f"`molam {name}` comes with the local sandbox package: pip install 'molam-sdk[{extra}]'", err=True
        )
        raise typer.Exit(int(ExitCode.USAGE))

    return command


_register()


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `molam` console script."""
    app(args=argv if argv is not None else sys.argv[1:], prog_name="molam")
