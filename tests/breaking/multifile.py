"""Helpers for multi-file specs: bundling with Redocly CLI, and comparing findings across layouts."""

from __future__ import annotations

import subprocess
from collections import Counter
from functools import cache
from pathlib import Path

from generator.specdiff.compare import compare
from generator.specdiff.findings import Comparison
from generator.specdiff.load import load_file

ROOT = Path(__file__).resolve().parents[2]


@cache
def redocly() -> str:
    """The `redocly` executable, installed by scripts/ensure-redocly when missing (an error, never a skip)."""
    done = subprocess.run(
        [str(ROOT / "scripts" / "ensure-redocly")], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"scripts/ensure-redocly failed:\n{done.stderr}")
    return done.stdout.strip().splitlines()[-1]


def _redocly_bundle(*args: str) -> None:
    done = subprocess.run(
        [redocly(), "bundle", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/local/bin:/usr/bin:/bin", "REDOCLY_TELEMETRY": "off", "CI": "true"},
    )
    if done.returncode != 0:
        raise RuntimeError(f"redocly bundle {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")


def bundle(entry: Path, output: Path) -> Path:
    """Bundle a multi-file spec into one file with Redocly CLI (an independent implementation of `$ref`)."""
    _redocly_bundle(str(entry), "--output", str(output))
    if not output.is_file():
        raise RuntimeError(f"redocly bundle {entry} wrote nothing")
    return output


def bundle_many(entries: list[Path], directory: Path) -> list[Path]:
    """Bundle several specs with one Redocly run (each entry is copied next to itself under a unique name,
    so its relative refs still resolve); the bundled files, in the order given."""
    copies = []
    for index, entry in enumerate(entries):
        copy = entry.with_name(f"bundle-input-{index:03d}{entry.suffix}")
        copy.write_bytes(entry.read_bytes())
        copies.append(copy)
    _redocly_bundle(*map(str, copies), "--output", str(directory))
    out = [directory / copy.name for copy in copies]
    missing = [path.name for path in out if not path.is_file()]
    if missing:
        raise RuntimeError(f"redocly bundle wrote no {missing}")
    return out


def compare_files(base: Path, head: Path) -> Comparison:
    """Compare two spec files, following their refs to other files."""
    old, new = load_file(base), load_file(head)
    return compare(
        old.data,
        new.data,
        base_files=old.files,
        head_files=new.files,
        base_entry=old.entry,
        head_entry=new.entry,
    )


# Rules about where a schema lives (a bundler moves files into components): not comparable across layouts.
LOCATION_RULES = ("model-added", "model-removed")


def layout_free(result: Comparison) -> Counter[tuple[str, str, str]]:
    """(rule, message, operation) per finding and affected operation, without pointers or symbols (they
    name files in a split spec and components in a bundled one)."""
    out: Counter[tuple[str, str, str]] = Counter()
    for item in result.findings:
        if item.rule in LOCATION_RULES or item.rule.startswith("model-"):
            continue
        message = (
            "" if "-variant-" in item.rule else item.message
        )  # variants are labelled by file or component
        for ref in item.operations or (None,):
            out[(item.rule, message, "" if ref is None else ref.label)] += 1
    return out
