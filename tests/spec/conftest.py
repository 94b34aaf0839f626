"""Fixtures for the spec tests: the real spec, loaded once, and a way to lint a mutated copy of it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import cli
from generator.lint import linter as lint
from tests.support.spec import SPEC_PATH, LintRun


@pytest.fixture(scope="session")
def _loaded_spec() -> dict[str, Any]:
    spec = lint.load_spec(SPEC_PATH)
    assert isinstance(spec, dict)
    return spec


@pytest.fixture
def spec(_loaded_spec: dict[str, Any]) -> dict[str, Any]:
    """A private deep copy of spec/molam.yaml that a test may mutate."""
    return copy.deepcopy(_loaded_spec)


@pytest.fixture
def run_lint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[[dict[str, Any]], LintRun]:
    """Write a document to a YAML file, run `python -m generator lint --spec FILE`, return (status, lines)."""

    def run(document: dict[str, Any]) -> LintRun:
        path = tmp_path / "molam.yaml"
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text = yaml.dump(document, Dumper=dumper, sort_keys=False, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        capsys.readouterr()
        status = cli.lint(["--spec", str(path)])
        return status, capsys.readouterr().out.splitlines()

    return run
