"""`python -m generator check`: fail when the committed generated code is not what the spec generates.

Regenerates into a temporary directory (nothing in the repository is touched) and compares it, byte for
byte, with molam_sdk/ and molam_sandbox/models.py. On a difference it prints a short unified diff
per file (truncated) naming every changed, missing or extra file, and exits 1; otherwise exits 0.

    python -m generator check [--spec PATH] [--root DIR]
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Difference", "compare_trees", "main", "report"]

#: Diff lines shown per file; the rest is summarised (regenerate to see everything).
MAX_DIFF_LINES = 40


@dataclass(frozen=True)
class Difference:
    """One generated file that is not as the spec makes it: `kind` is "changed", "missing" or "extra"."""

    path: str
    kind: str
    diff: tuple[str, ...] = ()


def main(argv: list[str]) -> int:
    """Exit 0 when the committed generated files are up to date with the spec, 1 (with a diff) otherwise."""
    from .generate import DEFAULT_SPEC, REPO_ROOT, generate_tree
    from .sdk_project import GenerationError

    parser = argparse.ArgumentParser(prog="python -m generator check", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--spec", type=Path, default=None, help="the OpenAPI document (default: spec/molam.yaml)"
    )
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="the tree to check (default: the repo)")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    spec: Path = (args.spec or root / DEFAULT_SPEC).resolve()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="molam-check-") as staging:
            generate_tree(spec, Path(staging))
            differences = compare_trees(expected=Path(staging), actual=root)
    except GenerationError as error:
        print(f"check: cannot generate: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    if not differences:
        print(f"check: generated code is up to date ({elapsed:.2f} s)")
        return 0
    print(report(differences))
    return 1


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
    from .generate import generated_files

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
