"""The spec tests' constants: where the repository and its spec are, and what a lint run returns."""

from __future__ import annotations

from pathlib import Path

__all__ = ["REPO", "SPEC_PATH", "LintRun"]

#: The repository's root directory.
REPO = Path(__file__).resolve().parents[2]
#: spec/molam.yaml, the API's single source of truth.
SPEC_PATH = REPO / "spec" / "molam.yaml"

#: What linting a document returns: the exit status and the lines printed.
LintRun = tuple[int, list[str]]
