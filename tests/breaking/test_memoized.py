"""The memoized comparison (each pair of schema locations once) gives exactly the plain one's findings.

The plain comparison walks each operation's schemas separately and merges the findings afterwards; it is
the reference. Both run on real histories of the corpus (a large JSON spec, a multi-file YAML spec, an
OpenAPI 3.0 spec with `nullable`) and on generated Stripe- and Plaid-shaped specs, where one change in a
shared schema is reached from every operation.
"""

from __future__ import annotations

import itertools
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest

from generator.specdiff.compare import compare
from generator.specdiff.findings import Comparison
from generator.specdiff.load import load_file
from tests.breaking.synthetic import plaid_like, stripe_like

CORPUS = Path(__file__).resolve().parent / "corpus"


def _both(base: Path, head: Path) -> tuple[Comparison, Comparison]:
    results = []
    for memoize in (True, False):
        old, new = load_file(base), load_file(head)  # fresh documents: no cache shared between the two
        results.append(
            compare(
                old.data,
                new.data,
                base_files=old.files,
                head_files=new.files,
                base_entry=old.entry,
                head_entry=new.entry,
                memoize=memoize,
            )
        )
    return results[0], results[1]


# The pair of each history with the most findings (the plain comparison is the slow one).
PAIRS = {"openai-openapi": [2], "digitalocean-multifile": [3], "twilio-api-v2010": [2]}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PAIRS))
def test_memoized_and_plain_agree_on_real_histories(name: str, tmp_path: Path) -> None:
    with tarfile.open(CORPUS / f"{name}.tar.xz", mode="r:xz") as tar:
        tar.extractall(tmp_path, filter="data")
    manifest = json.loads((tmp_path / "MANIFEST.json").read_text(encoding="utf-8"))
    files = [tmp_path / item["dir"] / manifest["entry"] for item in manifest["revisions"]]
    pairs = list(itertools.pairwise(files))
    seen = 0
    for index in PAIRS[name]:
        memoized, plain = _both(*pairs[index])
        assert memoized.findings == plain.findings
        assert memoized.verdict == plain.verdict
        seen += len(memoized.findings)
    assert seen > 0


def _small_stripe(revision: int) -> dict[str, Any]:
    return stripe_like(revision, resources=30, details=120)


def _small_plaid(revision: int) -> dict[str, Any]:
    return plaid_like(revision, operations=80, shared=700)


@pytest.mark.slow
def test_memoized_and_plain_agree_on_generated_specs() -> None:
    for make in (_small_stripe, _small_plaid):
        memoized = compare(make(0), make(1))
        plain = compare(make(0), make(1), memoize=False)
        assert memoized.findings == plain.findings
        shared = [item for item in memoized.findings if len(item.operations) > 1]
        assert shared  # a change reached from several operations: one finding listing them
