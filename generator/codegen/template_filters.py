"""Text filters the templates apply to spec strings: Python string literals and docstring sentences."""

from __future__ import annotations

import json


def python_literal(value: str) -> str:
    """`value` as a double-quoted Python string literal (JSON string escapes are valid Python escapes)."""
    return json.dumps(str(value))


def sentence(text: str) -> str:
    """`text` ending with a full stop (summaries in the spec usually have none), for docstring first lines."""
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?", ":")) else f"{text}."
