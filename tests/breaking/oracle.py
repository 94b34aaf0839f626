"""The verification oracle: is every finding of a comparison true in the documents it names?

Written independently of the checker (it shares no code with `generator.specdiff` beyond the finding type):
a finding names a location in the base and/or the head document (`base_pointer`, `head_pointer`: a JSON
pointer into the entry document, or `relative/file.yaml#/pointer` into another file of a multi-file spec).
The oracle resolves both (following `$ref`s, local and to relative files, when a pointer runs through one)
and checks that they say what the rule says:

- a removal (`*-removed`): the location exists in the base; the head no longer holds the same thing there
  (the head location, when given, is the container that no longer holds it: an enum, a union, a list);
- an addition (`*-added`): the reverse;
- a change (everything else): the locations given exist, and when both are given they differ (compared
  with `$ref`s followed and annotations such as `description` or `title` ignored).

`verify` returns the problems (empty when every finding holds); `install` wraps the comparison function so
that every comparison any test makes is verified (see conftest.py).
"""

from __future__ import annotations

import functools
import posixpath
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from generator.specdiff.findings import Comparison, Finding

Files = Callable[[str], Any]
"""Maps a file path relative to the entry document's directory ('' is the entry) to its parsed content."""

ANNOTATIONS = frozenset(
    {"description", "summary", "title", "example", "examples", "$comment", "externalDocs"}
)
_MISSING = object()
# Removal/addition rules whose pointers name lists of alternatives rather than the thing itself.
_CHANGE_DESPITE_SUFFIX = frozenset({"security-requirement-added", "security-requirement-removed"})


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


@dataclass
class Side:
    """One document of a comparison: its entry root and, for a multi-file spec, a loader for other files."""

    root: Any
    files: Files | None = None
    entry: str = ""
    _cache: dict[str, Any] = field(default_factory=dict)

    def file(self, name: str) -> Any:
        """The parsed content of one file ('' is the entry document); `_MISSING` when unknown."""
        if name == "":
            return self.root
        if name not in self._cache:
            loaded = None if self.files is None else self.files(name)
            self._cache[name] = _MISSING if loaded is None else loaded
        return self._cache[name]

    def ref(self, ref: str, file: str) -> tuple[str, str]:
        """(file, pointer) a `$ref` written in `file` names."""
        target, _, fragment = ref.partition("#")
        if target:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(file), unquote(target)))
            target = "" if target == self.entry else target
        else:
            target = file
        return target, unquote(fragment)

    def resolve(self, location: str) -> tuple[Any, str]:
        """(node, file) at a finding location, following `$ref`s met on the way; `_MISSING` when absent."""
        file, sep, pointer = location.partition("#")
        if not sep:
            file, pointer = "", location
        return self._walk(file, pointer, 0)

    def _walk(self, file: str, pointer: str, depth: int) -> tuple[Any, str]:
        node = self.file(file)
        if node is _MISSING or depth > 50:
            return _MISSING, file
        if pointer and not pointer.startswith("/"):
            return _MISSING, file
        tokens = [_unescape(token) for token in pointer[1:].split("/")] if pointer else []
        for token in tokens:
            while isinstance(node, dict) and token not in node and isinstance(node.get("$ref"), str):
                node, file = self._deref(node, file, depth)
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                return _MISSING, file
        return node, file

    def _deref(self, node: dict[str, Any], file: str, depth: int) -> tuple[Any, str]:
        target_file, pointer = self.ref(node["$ref"], file)
        return self._walk(target_file, pointer, depth + 1)

    def deref(self, node: Any, file: str) -> tuple[Any, str]:
        """Follow a chain of `$ref`s (siblings other than annotations keep the node as it is)."""
        for _ in range(50):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                break
            if not ANNOTATIONS.issuperset(set(node) - {"$ref"}):
                break
            node, file = self._deref(node, file, 0)
        return node, file


# Mappings keyed by names (a property called `description` is not an annotation).
NAME_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "paths",
        "webhooks",
        "schemas",
        "responses",
        "parameters",
        "headers",
        "content",
        "securitySchemes",
        "requestBodies",
        "callbacks",
        "links",
        "encoding",
        "$defs",
        "definitions",
        "dependentSchemas",
        "mapping",
    }
)


def same(a: Side, a_node: Any, a_file: str, b: Side, b_node: Any, b_file: str) -> bool:
    """Deep equality of two nodes with `$ref`s followed and annotations ignored (cycles assumed equal)."""
    return _same(a, a_node, a_file, b, b_node, b_file, set(), False)


def _same(
    a: Side, x: Any, xf: str, b: Side, y: Any, yf: str, seen: set[tuple[int, int]], named: bool
) -> bool:
    x, xf = a.deref(x, xf)
    y, yf = b.deref(y, yf)
    key = (id(x), id(y))
    if key in seen:
        return True
    if isinstance(x, dict) and isinstance(y, dict):
        seen.add(key)
        ignored = frozenset() if named else ANNOTATIONS
        xs = {k for k in x if k not in ignored}
        ys = {k for k in y if k not in ignored}
        if xs != ys:
            return False
        if "$ref" in xs and not named:  # a $ref with meaningful siblings: compare the targets too
            tx, txf = a._deref(x, xf, 0)
            ty, tyf = b._deref(y, yf, 0)
            if not _same(a, tx, txf, b, ty, tyf, seen, False):
                return False
            xs = xs - {"$ref"}
        return all(_same(a, x[k], xf, b, y[k], yf, seen, not named and k in NAME_MAPS) for k in xs)
    if isinstance(x, list) and isinstance(y, list):
        seen.add(key)
        return len(x) == len(y) and all(
            _same(a, p, xf, b, q, yf, seen, False) for p, q in zip(x, y, strict=True)
        )
    if isinstance(x, bool) or isinstance(y, bool):
        return type(x) is type(y) and x == y
    return bool(x == y)


def kind(rule: str) -> str:
    """`removal`, `addition`, `rename` or `change`."""
    if rule in _CHANGE_DESPITE_SUFFIX:
        return "change"
    if rule.endswith("-renamed") and rule != "operation-renamed":
        return "rename"
    if rule.endswith("-removed"):
        return "removal"
    if rule.endswith("-added"):
        return "addition"
    return "change"


def _members(side: Side, node: Any, file: str) -> list[tuple[Any, str]]:
    """What a container location holds: list items, enum values, a const, union variants, or itself."""
    node, file = side.deref(node, file)
    if isinstance(node, list):
        return [(item, file) for item in node]
    if isinstance(node, dict):
        out: list[tuple[Any, str]] = []
        if isinstance(node.get("enum"), list):
            out += [(item, file) for item in node["enum"]]
        if "const" in node:
            out.append((node["const"], file))
        for keyword in ("oneOf", "anyOf"):
            if isinstance(node.get(keyword), list):
                out += [(item, file) for item in node[keyword]]
        return out or [(node, file)]
    return [(node, file)]


def _same_member(a: Side, x: Any, xf: str, b: Side, y: Any, yf: str) -> bool:
    """Two union members / list entries are the same: the same component when both are `$ref`s (two
    components with equal content are still two models), else equal content."""
    if (
        isinstance(x, dict)
        and isinstance(y, dict)
        and isinstance(x.get("$ref"), str)
        and isinstance(y.get("$ref"), str)
    ):
        return _target(a, x, xf) == _target(b, y, yf)
    return same(a, x, xf, b, y, yf)


def _target(side: Side, node: dict[str, Any], file: str) -> tuple[str, str]:
    """Where a `$ref` chain ends, as (file, pointer)."""
    for _ in range(50):
        target_file, pointer = side.ref(node["$ref"], file)
        found, found_file = side._walk(target_file, pointer, 0)
        if not (isinstance(found, dict) and isinstance(found.get("$ref"), str)):
            return target_file, pointer
        node, file = found, found_file
    return file, node["$ref"]


def _hidden(side: Side, node: Any, file: str, rule: str) -> bool:
    """A property still written but no longer carried in this direction (readOnly in requests...)."""
    node, file = side.deref(node, file)
    if not isinstance(node, dict):
        return False
    if rule.startswith("request-"):
        return node.get("readOnly") is True
    if rule.startswith(("response-", "webhook-payload-")):
        return node.get("writeOnly") is True
    return False


def _gone(rule: str, src: Side, location: str, dst: Side, container: str | None) -> str | None:
    """Why `location` (in `src`) is NOT gone from `dst`, or None when it is (the removal/addition holds)."""
    node, file = src.resolve(location)
    if node is _MISSING:
        return f"{location} does not exist in the document it should be in"
    if container is not None:
        held, held_file = dst.resolve(container)
        if held is _MISSING:
            return f"container {container} does not exist in the other document"
        for member, member_file in _members(dst, held, held_file):
            if _same_member(src, node, file, dst, member, member_file):
                return f"{location} is still held by {container}"
        return None
    there, there_file = dst.resolve(location)
    if there is _MISSING or _hidden(dst, there, there_file, rule):
        return None
    if location.rsplit("/", 1)[-1].isdigit():  # a list entry: another entry may now sit at its index
        return (
            f"{location} holds the same thing in both"
            if same(src, node, file, dst, there, there_file)
            else None
        )
    return f"{location} still exists in the other document"


def _owner(side: Side, location: str, rule: str) -> str:
    """What a change compares: the node, or the schema a keyword belongs to, or (for a property that
    became required/optional) the object schema whose `required` list changed."""
    node, _ = side.resolve(location)
    parts = location.rsplit("/", 2)
    if "-property-became-" in rule and len(parts) == 3 and parts[1] == "properties":
        return parts[0]
    if not isinstance(node, dict) and "/" in location:
        return location.rsplit("/", 1)[0]
    return location


def _renamed(rule: str, base: Side, bp: str | None, head: Side, hp: str | None) -> str | None:
    """A rename: the old name is gone from the head, the new one is new, and what they hold is the same
    (for a parameter: the same `in` and schema; for a property: the same schema)."""
    if bp is None or hp is None:
        return "a rename without both locations"
    problem = _gone(rule, base, bp, head, None) or _gone(rule, head, hp, base, None)
    if problem is not None:
        return problem
    old, old_file = base.deref(*base.resolve(bp))
    new, new_file = head.deref(*head.resolve(hp))
    if rule.endswith("-parameter-renamed"):
        if not (isinstance(old, dict) and isinstance(new, dict)) or old.get("in") != new.get("in"):
            return f"{bp} and {hp} are not parameters in the same place"
        if old.get("name") == new.get("name"):
            return f"{bp} and {hp} have the same name"
        old, new = old.get("schema"), new.get("schema")
    if not same(base, old, old_file, head, new, new_file):
        return f"{bp} and {hp} do not hold the same schema"
    return None


def check(item: Finding, base: Side, head: Side) -> str | None:
    """Why `item` is false, or None when it holds."""
    rule, bp, hp = item.rule, item.base_pointer, item.head_pointer
    what = kind(rule)
    if what == "removal":
        if bp is None:
            return "a removal without a base location"
        return _gone(rule, base, bp, head, hp)
    if what == "addition":
        if hp is None:
            return "an addition without a head location"
        return _gone(rule, head, hp, base, bp)
    if what == "rename":
        return _renamed(rule, base, bp, head, hp)
    if bp is None and hp is None:
        return "a change without any location"
    if bp is not None and base.resolve(bp)[0] is _MISSING:
        return f"{bp} does not exist in the base"
    if hp is not None and head.resolve(hp)[0] is _MISSING:
        return f"{hp} does not exist in the head"
    if bp is not None and hp is not None:
        b_owner, h_owner = _owner(base, bp, rule), _owner(head, hp, rule)
        b_node, b_file = base.resolve(b_owner)
        h_node, h_file = head.resolve(h_owner)
        if same(base, b_node, b_file, head, h_node, h_file):
            return f"{b_owner} and {h_owner} are the same in both documents"
    return None


def verify(findings: tuple[Finding, ...] | list[Finding], base: Side, head: Side) -> list[str]:
    """One line per false finding (empty when all hold)."""
    out = []
    for item in findings:
        problem = check(item, base, head)
        if problem is not None:
            out.append(f"{item.rule} {item.symbol} [{item.base_pointer} -> {item.head_pointer}]: {problem}")
    return out


STATS = {"comparisons": 0, "findings": 0, "false": 0}


class FalseFindingError(AssertionError):
    """A comparison returned findings that its documents contradict."""


def checked_compare(real: Callable[..., Comparison]) -> Callable[..., Comparison]:
    """`real` (the comparison function) with every result verified by the oracle."""

    @functools.wraps(real)
    def wrapper(base: dict[str, Any], head: dict[str, Any], **kwargs: Any) -> Comparison:
        result = real(base, head, **kwargs)
        base_side = Side(base, kwargs.get("base_files"), entry=kwargs.get("base_entry", ""))
        head_side = Side(head, kwargs.get("head_files"), entry=kwargs.get("head_entry", ""))
        problems = verify(result.findings, base_side, head_side)
        STATS["comparisons"] += 1
        STATS["findings"] += len(result.findings)
        STATS["false"] += len(problems)
        if problems:
            raise FalseFindingError("false findings:\n  " + "\n  ".join(problems))
        return result

    wrapper.__wrapped_by_oracle__ = True  # type: ignore[attr-defined]
    return wrapper


def install() -> None:
    """Wrap `generator.specdiff.compare.compare` (and the names already bound to it) with the oracle."""
    import generator.specdiff.compare as module

    if getattr(module.compare, "__wrapped_by_oracle__", False):
        return
    real = module.compare
    wrapped = checked_compare(real)
    module.compare = wrapped
    for name in ("generator.breaking_report", "tests.breaking.builders"):
        loaded = sys.modules.get(name)
        if loaded is not None and getattr(loaded, "compare", None) is real:
            loaded.compare = wrapped  # type: ignore[attr-defined]
