"""The committed surface file (spec/sdk-surface.txt) is the code's surface: a change to a public name that
does not regenerate it (`make generate`) fails here, so the file a reviewer reads is never stale."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from generator.surface.collect import DEFAULT_FILE, DEFAULT_PACKAGES, collect, render

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow  # imports every public module of both packages: about 1.5 s
def test_the_committed_surface_file_is_the_code_s_surface() -> None:
    committed = (ROOT / DEFAULT_FILE).read_text(encoding="utf-8")
    found = collect(list(DEFAULT_PACKAGES))
    assert found.errors == {}, found.errors
    current = render(found)
    if current != committed:
        diff = "".join(
            list(
                difflib.unified_diff(
                    committed.splitlines(True), current.splitlines(True), DEFAULT_FILE, "code"
                )
            )[:40]
        )
        raise AssertionError(f"{DEFAULT_FILE} is stale: run `make generate` and commit it\n{diff}")
