"""`python -m generator lint` on hostile specs (issue 21, item 7): one clear line and a non-zero exit.

A YAML alias bomb used as an `enum` and an `example` used to be expanded (killed after 60 s) and a `$ref`
loop to end in a 2,000-line RecursionError traceback. Lint now reads through the breaking-change checker's
loader (`generator.specdiff.load`), which refuses bombs, recursive aliases and absurd nesting, and reports
each loop once as `ref-cycle` without following it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import cli
from generator.lint import linter as lint
from generator.specdiff.load import MAX_DEPTH, SpecSourceError, parse_document

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = "/components/schemas"


def _bomb(levels: int = 9) -> str:
    """A minimal spec whose `Bomb` schema's enum and example are 10**levels strings (a few hundred bytes)."""
    lines = ["openapi: 3.1.0", "info: {title: t, version: '1'}", "paths: {}", "x-laughs:"]
    lines.append("  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]")
    lines += [f"  - &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, levels + 1)]
    lines += ["components:", "  schemas:", "    Bomb:", "      type: array"]
    lines += [f"      enum: [*l{levels}]", f"      example: *l{levels}"]
    return "\n".join(lines) + "\n"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    # A subprocess with a timeout: before the fix these inputs ran until killed.
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=REPO, capture_output=True, text=True, timeout=60
    )


@pytest.mark.slow
def test_an_alias_bomb_as_enum_and_example_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(_bomb(), encoding="utf-8")
    done = _run("lint", "--spec", str(path))
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and "alias bomb" in done.stderr
    breaking = _run("breaking", "--base", str(path), "--head", str(path), "--no-surface")
    assert breaking.returncode == 2 and len(breaking.stderr.splitlines()) == 1, breaking.stderr


@pytest.mark.slow
def test_a_ref_cycle_is_one_violation_not_a_traceback(spec: dict[str, Any], tmp_path: Path) -> None:
    schemas = spec["components"]["schemas"]
    schemas["LoopA"] = {"$ref": "#/components/schemas/LoopB"}
    schemas["LoopB"] = {"$ref": "#/components/schemas/LoopA"}
    media = spec["components"]["responses"]["NotFound"]["content"]["application/json"]
    media.update(schema={"$ref": "#/components/schemas/LoopA"}, example={"a": 1})
    path = tmp_path / "molam.yaml"
    path.write_text(_dump(spec), encoding="utf-8")
    done = _run("lint", "--spec", str(path))
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stderr == ""
    cycles = [line for line in done.stdout.splitlines() if ": ref-cycle: " in line]
    assert cycles == [
        f"{SCHEMAS}/LoopA: ref-cycle: #{SCHEMAS}/LoopA -> #{SCHEMAS}/LoopB -> #{SCHEMAS}/LoopA: "
        "refers back to itself without nesting, never resolves"
    ]


def _dump(document: dict[str, Any]) -> str:
    import yaml

    return yaml.dump(document, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False)


LOOPS: list[tuple[str, dict[str, Any], str]] = [
    ("self-ref", {"Me": {"$ref": "#/components/schemas/Me"}}, f"{SCHEMAS}/Me"),
    ("allOf", {"Me": {"allOf": [{"$ref": "#/components/schemas/Me"}]}}, f"{SCHEMAS}/Me"),
    (
        "anyOf pair",
        {
            "A": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/B"}]},
            "B": {"oneOf": [{"$ref": "#/components/schemas/A"}]},
        },
        f"{SCHEMAS}/A",
    ),
    ("not", {"Me": {"not": {"$ref": "#/components/schemas/Me"}}}, f"{SCHEMAS}/Me"),
]


# No schema reaching a loop is handed to the validator: following one ran out of stack inside the Rust
# mapping under `referencing` in a pytest-xdist worker with coverage, a PanicException no `except` catches.
@pytest.mark.slow
@pytest.mark.parametrize(("schemas", "where"), [(s, w) for _, s, w in LOOPS], ids=[i for i, _, _ in LOOPS])
def test_loops_through_composition_are_found_and_never_followed(
    spec: dict[str, Any], schemas: dict[str, Any], where: str
) -> None:
    spec["components"]["schemas"].update(schemas)
    name = next(iter(schemas))
    holder = {"type": "object", "properties": {"x": {"$ref": f"#/components/schemas/{name}"}}}
    # An example on the looping schema itself and one below a nested property: neither may crash.
    spec["components"]["schemas"][name]["example"] = "a"
    spec["components"]["schemas"]["Holder"] = dict(holder, example={"x": "a"})
    violations = lint.lint_spec(spec).violations
    assert [(v.pointer, v.rule) for v in violations if v.rule == "ref-cycle"] == [(where, "ref-cycle")]
    # The loop is reported once, where it is; the example above it is not validated through it.
    assert [v for v in violations if v.rule == "example-invalid"] == []


@pytest.mark.slow  # lints the whole spec: about 1 s
def test_a_nested_recursion_is_not_a_cycle(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Node"] = {
        "type": "object",
        "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}},
        "example": {"children": [{"children": []}]},
    }
    rules = {v.rule for v in lint.lint_spec(spec).violations}
    assert "ref-cycle" not in rules and "example-invalid" not in rules


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("openapi: 3.1.0\nx: &a [1, *a]\n", "recursive"),
        ("openapi: 3.1.0\nx: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", "nested deeper"),
        ('{"openapi": "3.1.0", "x": ' + "[" * 50_000 + "]" * 50_000 + "}", "nested deeper"),
    ],
    ids=["recursive-alias", "deep-yaml", "deep-json"],
)
def test_recursive_aliases_and_absurd_nesting_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli.lint(["--spec", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.splitlines()) == 1 and message in captured.err


def test_ordinary_anchors_are_accepted() -> None:
    """Aliases that repeat a block a few times are normal YAML: only growth beyond the budget is refused."""
    block = "[" + ", ".join(str(n) for n in range(1000)) + "]"
    text = f"openapi: 3.1.0\nshared: &s {block}\nuses: [{', '.join(['*s'] * 50)}]\n"
    assert len(parse_document(text, "ok.yaml")["uses"]) == 50
    with pytest.raises(SpecSourceError, match="alias bomb"):
        parse_document(_bomb(levels=5), "bomb.yaml")
