"""Pruning stale acknowledgements (generator.specdiff.acks.prune_acks): lines out, everything else kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.specdiff.acks import AckError, Acknowledgement, parse_acks, prune_acks

ROOT = Path(__file__).resolve().parents[2]


def entry(symbol: str, reason: str = "why") -> str:
    """One block entry of the file."""
    return f"- rule: sdk-name-removed\n  symbol: {symbol}\n  reason: {reason}\n"


def ack(symbol: str, reason: str = "why") -> Acknowledgement:
    """The same entry, as the breaking report lists it among `unused_acknowledgements`."""
    return Acknowledgement("sdk-name-removed", reason, symbol=symbol)


def test_an_entry_goes_and_its_group_heading_stays_while_the_group_has_entries() -> None:
    text = (
        "# header\n\n# Group A:\n" + entry("a1") + entry("a2") + "# Group B:\n" + entry("b1") + "# trailer\n"
    )
    assert (
        prune_acks(text, [ack("a1")])
        == "# header\n\n# Group A:\n" + entry("a2") + "# Group B:\n" + entry("b1") + "# trailer\n"
    )
    assert (
        prune_acks(text, [ack("a1"), ack("a2")]) == "# header\n\n# Group B:\n" + entry("b1") + "# trailer\n"
    )
    # the header is separated from the first group by a blank line: it never goes
    assert prune_acks(text, [ack("a1"), ack("a2"), ack("b1")]) == "# header\n\n# trailer\n"


def test_a_comment_between_entries_heads_the_next_group() -> None:
    text = entry("a1") + "  # about b1\n" + entry("b1")
    assert prune_acks(text, [ack("a1")]) == "  # about b1\n" + entry("b1")
    assert prune_acks(text, [ack("b1")]) == entry("a1")


def test_of_two_equal_entries_the_last_is_the_stale_one() -> None:
    """`apply_acks` uses the first entry that matches: an equal second one never matches anything."""
    text = entry("a1", "first") + entry("a1") + entry("b1") + entry("a1")
    assert prune_acks(text, [ack("a1")]) == entry("a1", "first") + entry("a1") + entry("b1")
    assert prune_acks(text, [ack("a1"), ack("a1")]) == entry("a1", "first") + entry("b1")


def test_the_mapping_form_and_quoted_multiline_values() -> None:
    text = (
        "acknowledged:\n"
        "  - rule: sdk-name-removed\n"
        '    symbol: "a*"\n'
        "    reason: >-\n"
        "      folded over\n"
        "      two lines\n"
        "  - rule: sdk-name-removed\n"
        "    symbol: b\n"
        "    reason: kept\n"
    )
    pruned = prune_acks(text, [Acknowledgement("sdk-name-removed", "folded over two lines", symbol="a*")])
    assert pruned == "acknowledged:\n  - rule: sdk-name-removed\n    symbol: b\n    reason: kept\n"
    assert prune_acks(pruned, [ack("b", "kept")]) == "acknowledged:\n"
    assert parse_acks(yaml.safe_load("acknowledged:\n")) == []


def test_what_cannot_be_pruned_by_line_is_an_error_naming_the_file() -> None:
    flow = (
        "[{rule: sdk-name-removed, symbol: a, reason: r}, {rule: sdk-name-removed, symbol: b, reason: r}]\n"
    )
    with pytest.raises(AckError, match=r"^spec/x.yaml: write one entry per block"):
        prune_acks(flow, [ack("a", "r")], "spec/x.yaml")
    with pytest.raises(AckError, match=r"no entry to prune for sdk-name-removed zzz"):
        prune_acks(entry("a1"), [ack("zzz")])
    assert prune_acks(entry("a1"), []) == entry("a1")


@pytest.mark.slow  # 8 YAML parses of the real file: 1 s
def test_the_project_file_prunes_to_the_same_entries_minus_the_stale_ones() -> None:
    """On the real file (comments, quoted patterns, groups): every subset leaves the rest, in order."""
    text = (ROOT / "spec" / "breaking-acknowledged.yaml").read_text()
    entries = parse_acks(yaml.safe_load(text))
    assert len(entries) > 3
    for stale in (entries[:1], entries[1::2], entries[-1:], entries):
        pruned = prune_acks(text, stale)
        assert parse_acks(yaml.safe_load(pruned)) == [item for item in entries if item not in stale]
        assert pruned.startswith(text.split("\n\n", 1)[0])  # the explanation on top stays
