"""The `molam` command line (typer + rich). Entry point: `molam = molam_sdk_ext.cli:main`."""

from __future__ import annotations

from .app import app, main

__all__ = ["app", "main"]
