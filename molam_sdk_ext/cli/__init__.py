"""The `molam` command line (typer + rich). Entry point: `molam = molam_sdk_ext.cli:main`.

The command's dependencies are the `cli` extra, not the SDK's, but the console script is installed with every
`pip install molam-sdk`: without the extra, `main` prints one line naming it instead of a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

#: Top-level modules of the `cli` extra (typer brings click): when one is missing the command cannot start.
CLI_DEPENDENCIES = frozenset({"typer", "click", "rich"})
MISSING_EXTRA = "molam: the command line needs the cli extra: pip install 'molam-sdk[cli]'"

_run: Callable[[list[str] | None], None] | None
try:
    from .app import app
    from .app import main as _run
except ModuleNotFoundError as exc:
    if (exc.name or "").partition(".")[0] not in CLI_DEPENDENCIES:
        raise
    _run = None

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `molam` console script; without the `cli` extra, one line naming it and exit 2."""
    if _run is None:
        print(MISSING_EXTRA, file=sys.stderr)
        raise SystemExit(2)  # 2: a usage or configuration error, like every other such `molam` failure
    _run(argv)
