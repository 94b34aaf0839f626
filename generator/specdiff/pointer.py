"""RFC 6901 JSON pointers: build them, split them, follow them, and read `$ref`s as locations.

A location is a JSON pointer into the entry document (`/components/schemas/Pet`), or, for a spec split
over several files, `relative/path.yaml#/pointer` into another file (the path relative to the entry
document's directory, normalized). Findings carry locations, so they always name the file a node is in.
"""

from __future__ import annotations

import posixpath
from typing import Any
from urllib.parse import unquote


def escape(token: str) -> str:
    """Escape one reference token (`~` then `/`, in that order, as RFC 6901 requires)."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """Undo `escape`."""
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: str | int) -> str:
    """Append reference tokens to a pointer."""
    return pointer + "".join("/" + escape(str(token)) for token in tokens)


def split(pointer: str) -> list[str]:
    """The unescaped reference tokens of a pointer (`""` is the whole document)."""
    if not pointer:
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [unescape(token) for token in pointer[1:].split("/")]


def follow(root: Any, pointer: str) -> Any:
    """The node a pointer names; `LookupError` when it names nothing."""
    node = root
    for token in split(pointer):
        if isinstance(node, dict):
            if token not in node:
                raise LookupError(pointer)
            node = node[token]
        elif isinstance(node, list):
            if not token.isdigit() or int(token) >= len(node):
                raise LookupError(pointer)
            node = node[int(token)]
        else:
            raise LookupError(pointer)
    return node


def ref_target(ref: object) -> str | None:
    """The pointer a local `$ref` (`#/components/...`) names, or None for external or malformed refs."""
    if not isinstance(ref, str) or not ref.startswith("#"):
        return None
    pointer = unquote(ref[1:])
    return pointer if pointer == "" or pointer.startswith("/") else None


def split_location(location: str) -> tuple[str, str]:
    """(file, pointer) of a location; the entry document is file `""`."""
    if location == "" or location.startswith("/"):
        return "", location
    file, _, pointer = location.partition("#")
    return file, pointer


def make_location(file: str, pointer: str) -> str:
    """The location of `pointer` in `file` (`""`: the entry document)."""
    return pointer if file == "" else f"{file}#{pointer}"


def ref_location(ref: object, file: str = "", entry: str = "") -> str | None:
    """The location a `$ref` written in `file` names: local (`#/...`) or a relative file (`a.yaml#/...`).

    `entry` is the entry document's own file name, so that a file referring back to it lands in `""`.
    None for URLs, absolute paths and malformed refs.
    """
    if not isinstance(ref, str):
        return None
    target, sep, fragment = ref.partition("#")
    pointer = unquote(fragment) if sep else ""
    if pointer and not pointer.startswith("/"):
        return None
    if not target:
        return make_location(file, pointer)
    if "://" in target or target.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(file), unquote(target)))
    return make_location("" if path == entry else path, pointer)
