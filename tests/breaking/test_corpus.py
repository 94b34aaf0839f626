"""The checker on real histories: consecutive revisions of public API descriptions, every finding verified.

tests/breaking/corpus/ holds three public descriptions with their git history (see MANIFEST.json in each
archive and build_corpus.py for how they were cut): a large single-file JSON (openai/openai-openapi, OpenAPI
3.1), a multi-file YAML (digitalocean/openapi, OpenAPI 3.0, trimmed to a few resource folders) and an
OpenAPI 3.0 JSON that uses `nullable` (twilio/twilio-oai, api v2010). Every consecutive pair is compared
with the verification oracle on (conftest.py): 0 false claims, 0 crashes. The finding counts are pinned, so
a change of behaviour on real specs shows up here. The multi-file history is also bundled by Redocly CLI
and must give the same findings, and as many, as the split files.

A Stripe-sized pair (4.4 MB of JSON, 426 operations, about 1,000 schemas) is generated rather than
stored (tests/breaking/synthetic.py: Stripe's own spec cannot be fetched here; the generator is
deterministic and a few kilobytes, where the spec would be hundreds of kilobytes compressed): one change
of each kind, each one finding however many operations reach it, every finding verified by the oracle.
"""

from __future__ import annotations

import itertools
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest

from generator.specdiff.compare import compare
from tests.breaking import oracle
from tests.breaking.multifile import LOCATION_RULES, bundle_many, compare_files, layout_free
from tests.breaking.synthetic import stripe_like

pytestmark = pytest.mark.corpus

CORPUS = Path(__file__).resolve().parent / "corpus"
# archive -> findings per consecutive pair (all verified true by the oracle)
EXPECTED = {
    "openai-openapi": [1, 16, 42, 2, 6, 1, 18, 0],
    # One finding per change: before, a change in a shared file was one finding per operation (5, 10).
    "digitalocean-multifile": [2, 0, 2, 7, 3, 2],
    "twilio-api-v2010": [2, 0, 8, 0, 2],
}


def _revisions(root: Path, name: str) -> list[Path]:
    """Extract one archive; the entry file of every revision, oldest first."""
    target = root / name
    with tarfile.open(CORPUS / f"{name}.tar.xz", mode="r:xz") as tar:
        tar.extractall(target, filter="data")
    manifest: dict[str, Any] = json.loads((target / "MANIFEST.json").read_text(encoding="utf-8"))
    return [target / item["dir"] / manifest["entry"] for item in manifest["revisions"]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every archive extracted once for the module."""
    root = tmp_path_factory.mktemp("corpus")
    return {name: _revisions(root, name) for name in EXPECTED}


def test_corpus_stays_small() -> None:
    sizes = {path.name: path.stat().st_size for path in CORPUS.glob("*.tar.xz")}
    assert set(sizes) == {f"{name}.tar.xz" for name in EXPECTED}
    assert sum(sizes.values()) < 2_000_000


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_consecutive_pair_holds_under_the_oracle(name: str, corpus: dict[str, list[Path]]) -> None:
    revisions = corpus[name]
    counts = []
    for base, head in itertools.pairwise(revisions):
        result = compare_files(base, head)  # the oracle wrapper raises on any false finding
        counts.append(len(result.findings))
    assert counts == EXPECTED[name]


@pytest.mark.slow
def test_multifile_history_split_and_bundled_agree(corpus: dict[str, list[Path]], tmp_path: Path) -> None:
    revisions = corpus["digitalocean-multifile"]
    bundled = bundle_many(revisions, tmp_path)
    before = oracle.STATS["findings"]
    for index in range(len(revisions) - 1):
        split = compare_files(revisions[index], revisions[index + 1])
        whole = compare_files(bundled[index], bundled[index + 1])
        where = (revisions[index].parts[-3], revisions[index + 1].parts[-3])
        assert layout_free(split) == layout_free(whole), where
        assert _count(split) == _count(whole), where  # one finding per change in either layout
    assert oracle.STATS["findings"] > before  # both layouts' findings went through the oracle


def _count(result: object) -> int:
    findings = getattr(result, "findings", ())
    return sum(
        1 for item in findings if item.rule not in LOCATION_RULES and not item.rule.startswith("model-")
    )


@pytest.mark.slow
def test_a_stripe_sized_pair_gives_one_finding_per_change() -> None:
    base, head = stripe_like(0), stripe_like(1)
    operations = sum(1 for item in head["paths"].values() for _ in item)
    assert operations > 400
    result = compare(base, head)  # verified by the oracle (conftest.py)
    by_rule = {(item.rule, item.base_pointer): item for item in result.findings}
    assert len(result.findings) == 12
    removed = by_rule[
        ("response-property-removed", "/components/schemas/resource_000/properties/description_text")
    ]
    assert len(removed.operations) > 400  # one finding, every operation that reaches it listed
    keys = [(item.rule, item.base_pointer, item.head_pointer) for item in result.findings]
    assert len(keys) == len(set(keys))
