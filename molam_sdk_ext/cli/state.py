"""What every `molam` command shares: the global options, the output mode and one lazily built client.

With nothing configured the CLI talks to the local sandbox (`http://127.0.0.1:12111`) with a built-in test key,
so a newcomer can run `molam sandbox` in one terminal and `molam payments list` in another. Any other API base
needs a real key (`--api-key` or `MOLAM_API_KEY`): the built-in key is never sent anywhere but loopback.
"""

from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING, Annotated

import attrs
import typer

from .output import Output

if TYPE_CHECKING:
    from molam_sdk_ext.client import Molam

__all__ = ["DEFAULT_API_BASE", "DEFAULT_TEST_KEY", "CliState", "JsonOption", "get_state"]

DEFAULT_API_BASE = "http://127.0.0.1:12111"
#: A sandbox test key (any `sk_test_` key of 8+ characters works there); used only against loopback.
DEFAULT_TEST_KEY = "sk_test_molam_cli_sandbox"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

#: The `--json` flag every command takes (also accepted before the command: `molam --json payments list`).
JsonOption = Annotated[
    bool,
    typer.Option("--json", help="Print machine-readable JSON on stdout (errors too).", show_default=False),
]


def is_loopback(url: str) -> bool:
    """True when `url` points at this machine."""
    try:
        host = urllib.parse.urlsplit(url).hostname
    except ValueError:
        return False
    return host in LOOPBACK_HOSTS


@attrs.define
class CliState:
    """The global options of one `molam` invocation (`ctx.obj`)."""

    api_key: str | None = attrs.field(default=None, repr=False)
    api_base: str | None = None
    timeout: float | None = None
    max_retries: int | None = None
    json: bool = False
    debug: bool = False
    _client: Molam | None = attrs.field(default=None, repr=False)

    @property
    def base(self) -> str:
        """The API base URL in use (the local sandbox when none was configured)."""
        return (self.api_base or DEFAULT_API_BASE).rstrip("/")

    @property
    def uses_default_sandbox(self) -> bool:
        """True when nothing was configured and the CLI talks to the local sandbox."""
        return self.api_base is None or self.base == DEFAULT_API_BASE

    def key(self) -> str:
        """The API key: the configured one, or the built-in test key for a loopback API base."""
        if self.api_key:
            return self.api_key
        if is_loopback(self.base):
            return DEFAULT_TEST_KEY
        raise typer.BadParameter(
            f"no API key for {self.base}: pass --api-key or set MOLAM_API_KEY "
            "(only a local sandbox works without one)",
            param_hint="--api-key",
        )

    @property
    def output(self) -> Output:
        """The printer for this invocation's mode."""
        return Output(json_mode=self.json)

    def client(self) -> Molam:
        """The `Molam` client for these settings, built on first use and closed when the command ends."""
        if self._client is None:
            from molam_sdk_ext.client import Molam

            # None leaves a setting to the environment, then the defaults (ClientOptions).
            self._client = Molam(
                api_key=self.key(), base_url=self.base, timeout=self.timeout, max_retries=self.max_retries
            )
        return self._client

    def close(self) -> None:
        """Close the client, if one was built."""
        client, self._client = self._client, None
        if client is not None:
            client.close()


def get_state(ctx: typer.Context, json_output: bool = False) -> CliState:
    """The invocation's `CliState`; a command's own `--json` switches JSON mode on."""
    state = ctx.find_object(CliState)
    if state is None:  # a sub-app invoked on its own (tests): defaults
        state = CliState()
        ctx.obj = state
    if json_output:
        state.json = True
    return state
