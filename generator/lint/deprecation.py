"""The one-line deprecation note of a deprecated spec node, as warnings, docstrings and the changelog quote it."""

from __future__ import annotations

import re
from typing import Final

#: A deprecation note names its replacement: "Use `x` instead", "replaced by `y`", "superseded by ...".
REPLACEMENT: Final = re.compile(r"\b(instead|use|replaced by|superseded by)\b", re.IGNORECASE)
#: Where a description splits into sentences: after a full stop, `!` or `?` and a space (a dotted name in
#: backquotes, `molam.payouts.list`, has no space after its dots).
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+")


def deprecation_note(text: str) -> str:
    """One line for a deprecation warning: the sentence of `text` (a deprecated node's description) naming the
    replacement ("Use `x` instead."), else its first sentence. A warning printed in a log or shown by an IDE
    must say what to do, not repeat the whole description (the docstring keeps that). The changelog's
    Deprecated lines quote the same sentence (generator/release/changelog.py), so users read one text everywhere."""
    sentences = [part for part in _SENTENCE_END.split(" ".join(text.split())) if part]
    if not sentences:
        return "Deprecated."
    return next((part for part in sentences if REPLACEMENT.search(part)), sentences[0])
