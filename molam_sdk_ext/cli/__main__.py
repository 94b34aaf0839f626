"""`python -m molam_sdk_ext.cli ...` runs the `molam` command."""

from __future__ import annotations

from . import main

main()
