"""How a tree of generated files differs from the expected one: changed, missing and extra files, with diffs.

`python -m generator check` compares a fresh generation with the repository through it, and `generate` uses
it to install only what changed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .layout import generated_files

__all__ = ["Difference", "compare_trees", "report"]

#: Diff lines shown per file; the rest is summarised (regenerate to see everything).
MAX_DIFF_LINES = 40


@dataclass(frozen=True)
class Difference:
    """One generated file that is not as the spec makes it: `kind` is "changed", "missing" or "extra"."""

    path: str
    kind: str
    diff: tuple[str, ...] = ()


def report(differences: list[Difference]) -> str:
    """The text `check` prints for `differences`: one line per file, then the (truncated) diffs."""
    lines = [f"check: {len(differences)} generated file(s) differ from the spec; run `make generate`:"]
    lines += [f"  {difference.kind}: {difference.path}" for difference in differences]
    for difference in differences:
        if difference.diff:
            lines += ["", *difference.diff]
    return "\n".join(lines)


def compare_trees(*, expected: Path, actual: Path) -> list[Difference]:
    """How the generated files under `actual` differ from those under `expected` (both roots of a repo)."""
    wanted = {path.as_posix(): path for path in generated_files(expected)}
    present = {path.as_posix(): path for path in generated_files(actual)}
    differences: list[Difference] = []
    for name in sorted(wanted.keys() | present.keys()):
        if name not in present:
            differences.append(Difference(name, "missing"))
        elif name not in wanted:
            differences.append(Difference(name, "extra"))
        else:
            new = (expected / wanted[name]).read_bytes()
            old = (actual / present[name]).read_bytes()
            if new != old:
                differences.append(Difference(name, "changed", _diff(name, old, new)))
    return differences


def _diff(name: str, old: bytes, new: bytes) -> tuple[str, ...]:
    lines = list(
        difflib.unified_diff(
            old.decode("utf-8", "replace").splitlines(),
            new.decode("utf-8", "replace").splitlines(),
            fromfile=f"{name} (committed)",
            tofile=f"{name} (generated)",
            lineterm="",
            n=2,
        )
    )
    if not lines:  # same text, different bytes (line endings, encoding)
        return (f"--- {name}: differs in bytes only (line endings or encoding)",)
    if len(lines) > MAX_DIFF_LINES:
        hidden = len(lines) - MAX_DIFF_LINES
        lines = [*lines[:MAX_DIFF_LINES], f"... ({hidden} more diff lines in {name})"]
    return tuple(lines)
