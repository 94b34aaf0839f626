"""The fast YAML path (generator.specdiff.fastyaml) builds exactly what PyYAML builds, or declines.

Checked on every YAML file of the corpus (each distinct file of the multi-file history), this
repository's spec, a generated Plaid-sized spec, scalars on which YAML 1.1 and JSON disagree, and
random documents. Documents are compared as JSON text, so 1, 1.0 and true are told apart.
"""

from __future__ import annotations

import hashlib
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.specdiff import fastyaml
from generator.specdiff.load import parse_document
from tests.breaking.synthetic import plaid_like

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "breaking" / "corpus"

pytestmark = pytest.mark.skipif(not fastyaml.available(), reason="rapidyaml is in the dev extra")


def _text(data: Any) -> str:
    return json.dumps(data, default=repr)


def _same_or_declined(text: str) -> bool:
    """True when the fast path built PyYAML's document (False: it declined); fails when they differ."""
    fast = fastyaml.load(text)
    if fast is fastyaml.DECLINED:
        return False
    assert _text(fast) == _text(yaml.load(text, Loader=yaml.CSafeLoader))
    return True


def _corpus_yaml() -> list[str]:
    """Every distinct YAML file in the corpus archives."""
    seen: dict[str, str] = {}
    for archive in sorted(CORPUS.glob("*.tar.xz")):
        with tarfile.open(archive, mode="r:xz") as tar:
            for member in tar.getmembers():
                if member.isfile() and member.name.endswith((".yaml", ".yml")):
                    handle = tar.extractfile(member)
                    assert handle is not None
                    text = handle.read().decode("utf-8")
                    seen.setdefault(hashlib.sha256(text.encode()).hexdigest(), text)
    return list(seen.values())


@pytest.mark.slow
def test_every_corpus_yaml_file_builds_the_same_document() -> None:
    texts = _corpus_yaml()
    taken = sum(_same_or_declined(text) for text in texts)
    assert len(texts) > 500
    # Most files take the fast path; those that do not use YAML 1.1 forms (dates in examples, `off`).
    assert taken > 0.8 * len(texts), (taken, len(texts))


@pytest.mark.slow
def test_this_repository_spec_and_a_generated_plaid_shaped_spec_take_the_fast_path() -> None:
    spec = (REPO / "spec" / "molam.yaml").read_text(encoding="utf-8")
    # A smaller instance than `make bench` reads (3 MB there): the same shapes, a fraction of the time.
    generated = yaml.dump(plaid_like(0, operations=60, shared=150), Dumper=yaml.CSafeDumper, sort_keys=False)
    assert _same_or_declined(spec)
    assert _same_or_declined(generated)
    assert _text(parse_document(generated, "generated")) == _text(
        yaml.load(generated, Loader=yaml.CSafeLoader)
    )


@pytest.mark.parametrize(
    "text",
    [
        "a: yes\n",
        "a: off\n",
        "a: ~\n",
        "a: 2020-01-01\n",
        "created: 2020-07-21T18:37:44Z\n",
        "a: 0o17\n",
        "a: 010\n",
        "a: 1_000\n",
        "a: 12:30\n",
        "a: 1e3\n",
        "a: 1.5e3\n",
        "a: +5\n",
        "a: .5\n",
        "a: .inf\n",
        "a: NaN\n",
        "a: Infinity\n",
        "a: True\n",
        "a: [yes, 1e3, '2', 3]\n",
        "a: {on: 1}\n",
        "a: [\n  yes\n]\n",
        "yes: 1\n",
        "x:\n  '200': 1\n  200: 2\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: 1\n---\nb: 2\n",
        "? a\n: b\n",
        "a:\n  - |\n    text\n  - on\n",
        "a:\n  - b: |\n      on\n    c: off\n",
        "a: 'x\n  on'\nb: on\n",
        "'0':\n- !!null 'null'\n",
        "a:\n  - &y\n    b: 1\n",
        "'0':\n- ? '\x85    '\n  : null\n",
        "a: 'line\u2028break'\n",
        "a: [inf, nan, Infinity, -inf]\nb: inf\n",
    ],
)
def test_scalars_yaml_11_reads_otherwise_are_never_misread(text: str) -> None:
    fast = fastyaml.load(text)
    if fast is not fastyaml.DECLINED:
        assert _text(fast) == _text(yaml.safe_load(text))


def test_plain_integer_keys_become_integers_and_quoted_ones_stay_strings() -> None:
    assert fastyaml.load("r:\n  200:\n    d: ok\n  '404': nf\n") == {"r": {200: {"d": "ok"}, "404": "nf"}}
    assert fastyaml.load("a: 'it''s'\nb: \"\\u00e9\"\nc: |\n  on\n  2020-01-01\n") == {
        "a": "it's",
        "b": "é",
        "c": "on\n2020-01-01\n",
    }


def test_invalid_yaml_is_left_to_pyyaml() -> None:
    for text in ("a: b: c\n", "a: [1, 2\n", "a: 'x\n", "\ta: 1\n", "a:\n  - 1\n  b: 2\n"):
        assert fastyaml.load(text) is fastyaml.DECLINED


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=20),
    st.sampled_from(
        ["yes", "off", "~", "2020-01-01", "1e3", "0o7", "010", "1_0", ".5", "+1", "- x", "a: b", "#x"]
    ),
)
_documents = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.one_of(st.text(max_size=8), st.integers(0, 999)), inner, max_size=4)
    ),
    max_leaves=20,
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(
    document=st.dictionaries(st.text(max_size=8), _documents, min_size=1, max_size=4),
    flow=st.booleans(),
    width=st.sampled_from([20, 60, 1000]),
    style=st.sampled_from([None, "'", '"']),
)
def test_random_documents_build_what_pyyaml_builds(
    document: dict[str, Any], flow: bool, width: int, style: str | None
) -> None:
    text = yaml.safe_dump(
        document, default_flow_style=flow, allow_unicode=width != 60, width=width, default_style=style
    )
    _same_or_declined(text)


_plain = st.from_regex(r"\A[A-Za-z0-9_.+\-/()\[\]{}*&!%@`~=<>?;|,:'\" #\\]{1,10}\Z")


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(tokens=st.lists(_plain, min_size=1, max_size=4), keyed=st.booleans())
def test_hand_written_plain_scalars_read_as_pyyaml_reads_them(tokens: list[str], keyed: bool) -> None:
    """Scalars as people write them (unquoted, any punctuation): the same value, or declined; and what
    PyYAML refuses is never accepted (declined, so that PyYAML reports the error)."""
    text = "".join(
        (f"k{index}: {token}\n" if keyed else f"- {token}\n") for index, token in enumerate(tokens)
    )
    try:
        expected = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        assert fastyaml.load(text) is fastyaml.DECLINED
        return
    fast = fastyaml.load(text)
    if fast is not fastyaml.DECLINED:
        assert _text(fast) == _text(expected)


def test_yaml_11_dates_and_booleans_written_plain_are_restored() -> None:
    text = "a: 2020-01-01\nb: [yes, 2020-01-02]\nc:\n- ~\n- on\n"
    assert fastyaml.load(text) == yaml.safe_load(text)
    # The same text quoted elsewhere (a string) or as a block scalar: the counts differ, declined.
    assert fastyaml.load("a: 2020-01-01\nb: '2020-01-01'\n") is fastyaml.DECLINED
    assert fastyaml.load("a: yes\nb: |-\n  yes\n") is fastyaml.DECLINED
