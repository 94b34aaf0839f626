"""RFC 6901 JSON pointers: build them, split them, follow them, and read local `$ref`s as pointers."""

from __future__ import annotations

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
