"""Regenerate the SDK from an edited copy of the spec into a temporary tree, and run user code against it.

`regenerate(mutate)` copies spec/molam.yaml, applies `mutate` to the parsed document, and does what
`make generate` does: rewrites the copy's EventType enum from its webhooks, then renders the whole generated
tree (molam_sdk/, the sandbox models) into a temporary directory with `generator.codegen.generate.generate_tree`.
`run(tree, code)` runs Python code in a fresh interpreter whose `molam_sdk` is that tree's (the hand-written
molam_sdk_ext comes from the repository, as it would for a user upgrading the generated package), and returns
what the code printed as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.codegen.event_types import sync_spec_file
from generator.codegen.generate import generate_tree

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "molam.yaml"

Spec = dict[str, Any]


def load_spec() -> Spec:
    """A fresh copy of the committed spec."""
    loaded: Spec = yaml.load(SPEC.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return loaded


def write_spec(spec: Spec, directory: Path) -> Path:
    """`spec` as spec/molam.yaml under `directory`."""
    path = directory / "spec" / "molam.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def regenerate(mutate: Callable[[Spec], object], directory: Path) -> tuple[Path, Path]:
    """Apply `mutate` to a copy of the spec and generate into `directory`/tree: (spec path, tree path)."""
    spec = load_spec()
    mutate(spec)
    spec_path = write_spec(spec, directory)
    # What `make generate` does: the spec's EventType enum rewritten from its webhooks, then the tree.
    sync_spec_file(spec_path, spec)
    tree = directory / "tree"
    tree.mkdir()
    generate_tree(spec_path, tree)
    return spec_path, tree


def schema(spec: Spec, name: str) -> dict[str, Any]:
    """A component schema of `spec`."""
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


def operation(spec: Spec, operation_id: str) -> dict[str, Any]:
    """The operation object with `operation_id`."""
    for item in spec["paths"].values():
        for method, op in item.items():
            if isinstance(op, dict) and op.get("operationId") == operation_id and method != "parameters":
                found: dict[str, Any] = op
                return found
    raise KeyError(operation_id)


def run(tree: Path | None, code: str, *, env: dict[str, str] | None = None) -> Any:
    """Run `code` in a fresh interpreter (with `tree`'s molam_sdk when given); parse its last stdout line."""
    environ = {**os.environ, **(env or {})}
    if tree is not None:
        environ["PYTHONPATH"] = os.pathsep.join([str(tree), str(ROOT)])
    completed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=environ,
        cwd=tree or ROOT,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    lines = completed.stdout.strip().splitlines()
    assert lines, completed.stderr[-4000:]
    return json.loads(lines[-1])
