"""Load YAML about three times faster than PyYAML's C loader, building the same document, or decline.

PyYAML's C loader takes about 1.5 s of CPU for a 3 MB spec; rapidyaml (the `rapidyaml` distribution, a
C++ parser) parses the same text and writes it out as JSON in about 0.1 s, and `json.loads` reads that
back. The two disagree on plain (unquoted) scalars: PyYAML follows YAML 1.1 (`yes`, `on`, `~`,
`2020-01-01`, `0o17`, `1_000`, and a plain `200:` key is the integer 200), rapidyaml's JSON keeps most of
them as text (and writes `inf` as ".inf"). So `load` first finds, with regular expressions outside block
scalars and quoted values, the plain scalars whose meaning could differ, asks both parsers what each
distinct one means, converts plain integer keys back to integers and puts PyYAML's dates, booleans and
nulls back where the text was written plain (when the counts prove every such string came from a plain
occurrence). When anything else disagrees, or the text uses what this reading does not follow (anchors,
aliases, tags, reserved indicators, several documents, YAML 1.1 line breaks, a flow collection over
several lines), or rapidyaml is not installed, `load` returns `DECLINED` and the caller uses PyYAML,
which also reports any syntax error. tests/breaking/test_fastyaml.py checks that it builds what PyYAML
builds on every YAML file of the corpus, this repository's spec, generated documents, random documents
and hand-written plain scalars, and never accepts what PyYAML refuses.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import sys
from collections import Counter
from typing import Any, Final

import yaml

ryml: Any
try:
    import ryml  # type: ignore[import-untyped,no-redef,unused-ignore]
except ImportError:  # pragma: no cover - rapidyaml is in the dev extra; without it PyYAML does the work
    ryml = None

# Characters PyYAML (YAML 1.1) takes for line breaks inside scalars and rapidyaml (1.2) does not, and a
# byte-order mark: a text holding any of them is left to PyYAML.
_YAML11_BREAKS = ("\x85", "\u2028", "\u2029", "\ufeff")
DECLINED: Final = object()
"""What `load` returns when the text is left to PyYAML."""

# First characters of scalars a JSON reader may take for a number (or that rapidyaml may leave unquoted).
_NUMERIC_START = frozenset("-+.0123456789")
# A block scalar header (`key: |`, `- >-`): the lines below it that are more indented are its text.
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?")
_QUOTED = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^']|'')*'""")
_KEY = re.compile(
    r"""^(?P<indent>[ \t]*)(?:-[ \t]+)*(?P<key>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{},:&*!|>%@`][^#]*?|)[ \t]*:(?:[ \t]+|$)(?P<value>.*)$"""
)
_ITEM = re.compile(r"^(?P<indent>[ \t]*)-(?:[ \t]+|$)(?P<value>.*)$")
_FLOW_TOKEN = re.compile(
    r"""("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:|("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')|([^,\[\]{}]+)"""
)
_UNSUPPORTED_START = ("&", "*", "!", "%", "@", "`", "<<", "? ")
_INF_NAN = re.compile(r"(?i:inf|infinity|nan)")
_INTEGER_KEY = re.compile(r"-?(?:0|[1-9][0-9]*)")


def available() -> bool:
    """True when rapidyaml is installed (otherwise every `load` declines)."""
    return ryml is not None


def load(text: str) -> Any:
    """The document of `text` as PyYAML's SafeLoader builds it, or `DECLINED` (then use PyYAML)."""
    if ryml is None or not text.strip() or any(char in text for char in _YAML11_BREAKS):
        return DECLINED
    scan = _Scan(text)
    if not scan.ok:
        return DECLINED
    differing = _meanings(scan.values)
    if differing is None or _meanings(scan.plain_keys) != {}:
        return DECLINED
    # A plain value rapidyaml leaves as its text where PyYAML reads a date, a boolean or null (`2020-01-01`,
    # `yes`, `~`) is put back after loading, when every string equal to its text comes from one of its
    # plain occurrences (counted below); a quoted twin anywhere, or a block scalar of the same text, and
    # the counts differ: declined.
    for token in differing:
        if f"'{token}'" in text or f'"{token}"' in text:
            return DECLINED
    int_keys = {key for key in scan.plain_keys if _INTEGER_KEY.fullmatch(key)}
    if scan.plain_keys - int_keys or int_keys & scan.quoted_keys:
        return DECLINED  # a plain key PyYAML reads as a bool, float, date or null; or "200" both ways
    emitted = _emit_json(text.encode("utf-8"))
    if emitted is None:
        return DECLINED
    try:
        if int_keys:
            data = json.loads(
                emitted,
                parse_constant=_refuse,
                object_pairs_hook=lambda pairs: {
                    (int(key) if key in int_keys else key): value for key, value in pairs
                },
            )
        else:
            data = json.loads(emitted, parse_constant=_refuse)
    except (ValueError, RecursionError):
        return DECLINED
    if differing and _restore(data, differing) != {token: scan.counts[token] for token in differing}:
        return DECLINED
    return data


def _restore(data: Any, meanings: dict[str, Any]) -> dict[str, int]:
    """Replace, in place, every string value equal to a token of `meanings` by PyYAML's value for it; how
    many of each were replaced."""
    replaced = dict.fromkeys(meanings, 0)
    stack = [data]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in list(items):
            if isinstance(value, str):
                if value in meanings:
                    node[key] = meanings[value]
                    replaced[value] += 1
            elif isinstance(value, dict | list):
                stack.append(value)
    return replaced


def _refuse(token: str) -> Any:
    raise ValueError(f"not a JSON value: {token}")  # NaN and Infinity: YAML would say .nan and .inf


def _emit_json(data: bytes) -> str | None:
    """rapidyaml's JSON for one document; None when it refuses the text (PyYAML then says why)."""
    assert ryml is not None
    # rapidyaml prints its parse errors on file descriptor 2 before raising; PyYAML reports them again,
    # better, so they are silenced here (only for the duration of the call).
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        tree = ryml.parse_in_arena(data)
        node = tree.root_id()
        if tree.is_stream(node):
            if tree.num_children(node) != 1:
                return None
            node = tree.first_child(node)
        if tree.is_doc(node) and not tree.is_container(node) and not tree.has_val(node):
            return None  # an empty document (PyYAML: None)
        return str(ryml.emit_json_malloc(tree, node))
    except Exception:  # rapidyaml raises its own exception types (parse, visit depth): decline them all
        return None
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _meanings(tokens: set[str]) -> dict[str, Any] | None:
    """PyYAML's value for each plain scalar of `tokens` that rapidyaml's JSON reads as its bare text
    instead; None when another disagreement makes the fast path unusable (a number read otherwise,
    `1e3`, `0x1F`, a token either parser refuses)."""
    if not tokens:
        return {}
    ordered = sorted(tokens)
    document = "".join(f"- {token}\n" for token in ordered)
    try:
        expected = yaml.load(document, Loader=_LOADER)
    except yaml.YAMLError:
        return None
    emitted = _emit_json(document.encode("utf-8"))
    if emitted is None:
        return None
    try:
        actual = json.loads(emitted, parse_constant=_refuse)
    except ValueError:
        return None
    if not isinstance(expected, list) or not isinstance(actual, list) or len(expected) != len(actual):
        return None
    out: dict[str, Any] = {}
    for token, one, other in zip(ordered, expected, actual, strict=True):
        # Compared as JSON text: 1, 1.0 and true are three values (Python's == says two).
        if json.dumps(one, default=repr) == json.dumps(other, default=repr):
            continue
        if other != token or isinstance(one, str):
            return None
        out[token] = one
    return out


_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _may_differ(token: str) -> bool:
    """True for a plain scalar whose meaning PyYAML and rapidyaml's JSON might not share."""
    if not token:
        return False
    if token[0] in _NUMERIC_START or _INF_NAN.fullmatch(token):
        return True
    for _tag, pattern in yaml.SafeLoader.yaml_implicit_resolvers.get(token[0], ()):
        if pattern.match(token):
            return True  # PyYAML makes it a bool, null, number, date, merge key or value key
    return False


# Plain scalars whose meaning may depend on the parser: those starting like a number (or `~`, `<<`, `=`),
# the words PyYAML (YAML 1.1) reads as booleans or null, and inf/nan (rapidyaml writes a plain `inf` as
# ".inf"; PyYAML keeps the text).
_C = r"(?:[-+.0-9~<=][^\n#]*?|(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|(?i:inf|infinity|nan)))"
_CK = r"(?:[-+.0-9~<=][^\n:#]*?|(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|(?i:inf|infinity|nan)))"
# Every pattern starts with `:` or a newline (the scan reads "\n" + text), never with `^`: the regular
# expression engine then skips ahead to those characters instead of trying every position.
_VALUE = re.compile(rf"(?::[ \t]+|\n[ \t]*(?:-[ \t]+)+)({_C})[ \t]*(?:[ \t]#[^\n]*)?(?=\n|$)")
_PLAIN_KEY = re.compile(rf"\n[ \t]*(?:-[ \t]+)*(?!-[ \t])({_CK})[ \t]*:(?=[ \t\n]|$)")
_QUOTED_INT_KEY = re.compile(r"""(?:'(-?[0-9]+)'|"(-?[0-9]+)")[ \t]*:(?=[ \t\n]|$)""")
_FLOW_VALUE = re.compile(r"(?::[ \t]+|\n[ \t]*(?:-[ \t]+)*)([\[{][^\n]*)")
_BLOCK_START = re.compile(r"(?::[ \t]+|\n[ \t]*-[ \t]+)[|>][-+0-9]*[ \t]*(?:#[^\n]*)?(?=\n|$)")
_QUOTED_VALUE = re.compile(r"""(?::[ \t]+|\n[ \t]*(?:-[ \t]+)+)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')""")
# Anchors (`&a`), aliases (`*a`), tags (`!x`) and reserved indicators where a node starts; the rest at a
# line's start.
_NODE_PROPERTY = re.compile(
    r"[&*!@`\]},%|>]"
)  # `@`, a backquote, `]`, `}`, `,`, `%`: PyYAML refuses them there; `|`, `>`: unless a block header
# A value or item that is a bare `:` (PyYAML refuses it; rapidyaml reads a key).
_BARE_COLON = re.compile(r"\n[ \t]*(?:-[ \t]+)*:(?=[ \t\n]|$)|:[ \t]+:(?=[ \t\n]|$)")
_NODE_START = re.compile(r"(?:^[ \t]*(?:-[ \t]+)*|:[ \t]+)$")
# Inside a one-line flow collection a node also starts after `[`, `{` or `,` (elsewhere those are text:
# `tool_calls[*]` in a plain scalar is not an alias).
_EXPLICIT_START = re.compile(r"(?m)(?:^[ \t]*(?:-[ \t]+)+|:[ \t]+)$")
_FLOW_NODE_START = re.compile(r"[\[{,][ \t]*$")
_FLOW_LINE = re.compile(r"""[ \t]*(?:-[ \t]+)*(?:(?:"[^"]*"|'[^']*'|[^\s#'"\[{][^#]*?)[ \t]*:[ \t]+)?[\[{]""")
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*[ \t]*(?:#[^\n]*)?(?=\n|$)")
_LINE_START_UNSUPPORTED = re.compile(r"\n(?:[ \t]*(?:-[ \t]+)*\?(?:[ \t]|\n)|%|---|\.\.\.| *\t)")
_ENDS: dict[int, re.Pattern[str]] = {}


class _Scan:
    """The plain scalars of a YAML text whose meaning may depend on the parser, found by regular
    expressions (C speed: a 3 MB spec in a few tens of milliseconds) outside block scalars (`|`, `>`) and
    quoted values, whose text is never resolved.

    `values` and `plain_keys` hold the distinct tokens to check (a few hundred at most: numbers, versions,
    `true`); `quoted_keys` the quoted integer-like keys (a quoted `'200':` is a string, a plain `200:` an
    integer). `ok` is False for what the scan does not follow (anchors, aliases, tags, complex keys,
    directives, several documents, tabs in indentation, a flow collection spanning lines).
    """

    def __init__(self, text: str) -> None:
        self.values: set[str] = set()
        self.counts: Counter[str] = Counter()  # plain value occurrences, by token
        self.plain_keys: set[str] = set()
        self.quoted_keys: set[str] = set()
        self.ok = True
        if text.startswith("---\n"):
            text = "   " + text[3:]  # one leading document marker (positions kept)
        text = "\n" + text  # every line starts after a newline (see the patterns)
        skip = _regions(text)
        starts = [start for start, _ in skip]

        def outside(position: int) -> bool:
            index = bisect.bisect_right(starts, position) - 1
            return index < 0 or position >= skip[index][1]

        for match in _LINE_START_UNSUPPORTED.finditer(text):
            if outside(match.start() + 1):
                self.ok = False
                return
        for match in _BARE_COLON.finditer(text):
            if outside(match.end() - 1):
                self.ok = False
                return
        for match in _NODE_PROPERTY.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            prefix = text[line_start : match.start()]
            if match[0] in "&*!":
                starts_node = bool(_NODE_START.search(prefix)) or (
                    bool(_FLOW_NODE_START.search(prefix)) and bool(_FLOW_LINE.match(prefix))
                )
            else:
                # Reserved and flow indicators matter right after `- ` or `: ` in block context (a line
                # of bare indentation may continue a plain scalar, and in a flow `]` or `,` is structure).
                starts_node = bool(_EXPLICIT_START.search(prefix)) and not _FLOW_LINE.match(prefix)
                if match[0] in "|>" and _BLOCK_HEADER.match(text, match.start()):
                    continue  # a block scalar's header (`|`, `>-`, `|2`), which the regions account for
            if starts_node and outside(match.start()):
                self.ok = False
                return
        self.counts = Counter(m[1] for m in _VALUE.finditer(text) if outside(m.start(1)))
        self.values = set(self.counts)
        self.plain_keys = {m[1] for m in _PLAIN_KEY.finditer(text) if outside(m.start(1))}
        self.quoted_keys = {m[1] or m[2] for m in _QUOTED_INT_KEY.finditer(text) if outside(m.start())}
        for match in _FLOW_VALUE.finditer(text):
            if outside(match.start(1)):
                self._flow(match[1])
                if not self.ok:
                    return
        self.values = {token for token in self.values if _may_differ(token)}
        self.plain_keys = {token for token in self.plain_keys if _may_differ(token)}

    def _flow(self, text: str) -> None:
        """Tokens of a one-line flow collection (`[a, 1]`, `{a: 1, '2': b}`); one spanning lines is
        declined (its next lines would not be read)."""
        body = text.split(" #", 1)[0]
        bare = _QUOTED.sub("", body)
        if bare.count("[") != bare.count("]") or bare.count("{") != bare.count("}"):
            self.ok = False
            return
        for quoted_key, _quoted, plain in _FLOW_TOKEN.findall(body):
            if quoted_key:
                self.quoted_keys.add(_unquote(quoted_key))
                continue
            key, colon, rest = plain.partition(": ")
            if not colon and plain.rstrip().endswith(":"):
                key, colon, rest = plain.rstrip()[:-1], ":", ""
            for token, is_key in ((key.strip(), bool(colon)), (rest.strip(), False)):
                if token:
                    if is_key:
                        self.plain_keys.add(token)
                    else:
                        self.values.add(token)
                        self.counts[token] += 1


def _regions(text: str) -> list[tuple[int, int]]:
    """Sorted (start, end) spans whose text is not resolved: block scalars' lines and quoted values."""
    blocks: list[tuple[int, int]] = []
    position = 0
    while (match := _BLOCK_START.search(text, position)) is not None:
        line_start = text.rfind("\n", 0, match.start() + 1) + 1
        head = text[line_start : match.end() - len(match[0].lstrip(" \t:-\n"))]
        # The column of the key holding the block (`  key: |`, `  - key: |`), or of the `-` (`  - |`).
        keyed = head.strip(" -")
        column = len(head) - len(head.lstrip(" -" if keyed else " "))
        ends = _ENDS.get(column)
        if ends is None:  # the first later line indented no further than the key (or `-`) holding it
            ends = _ENDS[column] = re.compile(rf"\n(?= {{0,{column}}}[^ \n])")
        found = ends.search(text, match.end())
        blocks.append((match.end(), len(text) if found is None else found.start()))
        position = blocks[-1][1]  # a header inside a block scalar's text is text
    spans = list(blocks)
    starts = [start for start, _ in blocks]
    position = 0
    while (match := _QUOTED_VALUE.search(text, position)) is not None:
        index = bisect.bisect_right(starts, match.start(1)) - 1
        if index >= 0 and match.start(1) < blocks[index][1]:
            position = blocks[index][1]  # a quote inside a block scalar opens nothing
            continue
        spans.append((match.start(1), match.end(1)))
        position = match.end(1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _unquote(token: str) -> str:
    if token.startswith("'"):
        return token[1:-1].replace("''", "'")
    try:
        return str(json.loads(token))
    except ValueError:
        return token[1:-1]
