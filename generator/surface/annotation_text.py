"""Annotation text as the surface prints it (``dict[str, Annotated[int, Field(...)]]``): walking it by bracket
depth, outside quoted strings, which both the dump (`collect`) and the comparison (`compare`) need."""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["walk"]


def walk(
    text: str, start: int = 0, *, depth: int = 0, angles: bool = False
) -> Iterator[tuple[int, str, int]]:
    """``(index, char, depth)`` for each character of `text` from `start` that is not inside a quoted string,
    `depth` being the bracket depth once that character is counted (`depth` is where it starts).

    ``(``, ``[`` and ``{`` open, their pairs close; with `angles`, ``<`` and ``>`` too (reprs such as
    ``<class 'x'>``), except the ``>`` of an arrow ``->``. A backslash in a quoted string escapes the next
    character.
    """
    opens, closes = ("([{<", ")]}>") if angles else ("([{", ")]}")
    quote = ""
    index = start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        else:
            if char in opens:
                depth += 1
            elif char in closes and not (char == ">" and text[index - 1 : index] == "-"):
                depth -= 1
            yield index, char, depth
        index += 1
