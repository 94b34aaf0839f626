"""The CLI tests' tools: `Cli` runs `molam` in-process (typer's CliRunner) as one sandbox account, `Run` is
what one invocation did."""

from __future__ import annotations

import json
from typing import Any

import attrs
from typer.testing import CliRunner

from molam_sdk_ext.cli import app
from molam_sdk_ext.client import Molam

__all__ = ["Cli", "Run"]


@attrs.define
class Run:
    """The outcome of one `molam` invocation."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    def json(self) -> Any:
        """stdout parsed as JSON."""
        return json.loads(self.stdout)


@attrs.define
class Cli:
    """`molam` wired to the test sandbox with an API key (hence a sandbox account) of its own."""

    base: str
    key: str
    runner: CliRunner = attrs.field(factory=CliRunner)

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Run:
        """Run `molam ARGS...`; MOLAM_API_BASE and MOLAM_API_KEY point at the sandbox unless `env` says otherwise."""
        environ = {"MOLAM_API_BASE": self.base, "MOLAM_API_KEY": self.key, "COLUMNS": "200"}
        environ.update(env or {})
        result = self.runner.invoke(app, list(args), env=environ)
        return Run(result.exit_code, result.stdout, result.stderr, result.exception)

    def ok(self, *args: str) -> Any:
        """Run with `--json`, insist on exit code 0, return the parsed output."""
        run = self(*args, "--json")
        assert run.exit_code == 0, (run.exit_code, run.stdout, run.stderr, run.exception)
        return run.json()

    def client(self) -> Molam:
        """An SDK client on the same account, to arrange data or check what a command did."""
        return Molam(api_key=self.key, base_url=self.base, max_retries=0)
