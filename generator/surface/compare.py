"""The SDK surface check: the public surface of the head compared with the base revision's, classified.

The base surface is never read from a file the head may have rewritten (`make generate` rewrites
spec/sdk-surface.txt): the base revision's `molam_sdk` and `molam_sdk_ext` are extracted with `git archive`
into a temporary directory and dumped by `python -m generator surface --json` in a fresh interpreter whose
import path starts there; the head (the working tree) is dumped the same way, so both sides are described by
the same code. Only `molam_sdk` and `molam_sdk_ext` count (private modules and names are never walked; the
sandbox is its own package).

Each difference becomes a `Finding` (rule ids `sdk-*` in generator.specdiff.rules), once per change (not again
for each package re-exporting the name; in `make breaking`, not at all when a spec finding already names the
generated symbol), so the spec findings and
the SDK findings share one report, one verdict and one acknowledgement file (by symbol, `module:qualname`,
where `*` matches any run of characters: `molam_sdk.api*`). Additive: new modules, names, enum members,
optional arguments, a widened argument type. Breaking: removed or renamed names and modules, a new required
argument, a removed argument or one that became required, reordered positional arguments, changed types
(fields, returns, constants, enum values), a changed kind (method -> property). A changed default is a warning.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.specdiff.findings import Finding, finding
from generator.surface.annotation_text import walk
from generator.surface.collect import DEFAULT_PACKAGES, Surface

__all__ = [
    "SurfaceSourceError",
    "base_surface",
    "compare_surfaces",
    "covered_by_spec",
    "dump_surface",
    "head_surface",
    "one_per_change",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
_CALLABLE = re.compile(
    r"^(async function|async method|function|method|staticmethod|classmethod)(\(.*)$", re.S
)
_CLASS = re.compile(r"^class\((?P<bases>[^()]*)\) ?(?P<sig>.*)$", re.S)
_EMPTY = object()


class SurfaceSourceError(Exception):
    """A revision's surface could not be produced (git failed, or the dump crashed)."""


# --- producing surfaces ----------------------------------------------------------------------------------


def dump_surface(path_first: Path, packages: tuple[str, ...] = DEFAULT_PACKAGES) -> Surface:
    """The surface of `packages` as importable from `path_first` (searched before anything installed)."""
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join([str(path_first), str(REPO_ROOT)])}
    environ.pop("MOLAM_LOG", None)  # a dump imports modules; it needs no debug logging
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "surface", "--json", "--packages", *packages],
        cwd=path_first,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        data = json.loads(completed.stdout)
    except ValueError:
        raise SurfaceSourceError(
            f"surface dump of {path_first} failed: {(completed.stderr or completed.stdout).strip()[-2000:]}"
        ) from None
    return Surface(entries=data["entries"], skipped=data["skipped"], errors=data["errors"])


def head_surface(repo: Path) -> Surface:
    """The working tree's surface."""
    return dump_surface(repo.resolve())


def base_surface(repo: Path, ref: str) -> Surface | None:
    """The surface of revision `ref` (None when it has none of the SDK packages)."""
    present = _packages_at(repo, ref)
    if not present:
        return None
    with tempfile.TemporaryDirectory(prefix="molam-surface-base-") as tmp:
        archive = Path(tmp) / "base.tar"
        git = subprocess.run(
            ["git", "-C", str(repo), "archive", "--format=tar", f"--output={archive}", ref, "--", *present],
            capture_output=True,
            text=True,
            check=False,
        )
        if git.returncode != 0:
            raise SurfaceSourceError(f"git archive {ref} failed: {git.stderr.strip()}")
        tree = Path(tmp) / "tree"
        tree.mkdir()
        with tarfile.open(archive) as tar:
            tar.extractall(tree, filter="data")
        return dump_surface(tree, present)


def _packages_at(repo: Path, ref: str) -> tuple[str, ...]:
    listed = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "--name-only", ref, "--", *DEFAULT_PACKAGES],
        capture_output=True,
        text=True,
        check=False,
    )
    if listed.returncode != 0:
        raise SurfaceSourceError(f"git ls-tree {ref} failed: {listed.stderr.strip()}")
    names = set(listed.stdout.split())
    return tuple(package for package in DEFAULT_PACKAGES if package in names)


# --- reading descriptors -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parameter:
    """One parameter of a dumped signature."""

    name: str
    kind: str  # "positional" (positional-only or positional-or-keyword), "keyword", "*args", "**kwargs"
    annotation: str | None
    default: str | None  # the default's text, None when required
    position: int | None  # index among positional parameters


@dataclass(frozen=True, slots=True)
class Signature:
    """A dumped signature: its parameters by name and its return annotation."""

    parameters: dict[str, Parameter]
    returns: str | None


@dataclass(frozen=True, slots=True)
class Descriptor:
    """One surface entry read back: what kind of thing, and its signature or type."""

    kind: str  # class, function, method, ..., field, attribute, property, enum, constant
    signature: Signature | None = None
    bases: frozenset[str] = frozenset()
    type: str | None = None


def parse_descriptor(text: str) -> Descriptor:
    """Read one entry's descriptor (the right-hand side of a surface line)."""
    match = _CLASS.match(text)
    if match:
        bases = frozenset(b.strip() for b in _split(match["bases"]) if b.strip())
        return Descriptor("class", _signature(match["sig"]), bases)
    match = _CALLABLE.match(text)
    if match:
        return Descriptor(match[1], _signature(match[2]))
    for kind in ("field", "attribute"):
        if text.startswith(f"{kind}: "):
            return Descriptor(kind, type=_unquote(text[len(kind) + 2 :]))
    if text == "property":
        return Descriptor("property")
    if text.startswith("= "):
        return Descriptor("enum member", type=text[2:])
    return Descriptor("constant", type=text)


def _split(text: str, separator: str = ",") -> Iterator[str]:
    """`text` split at top-level `separator`s (outside brackets and quotes)."""
    start = 0
    for index, char, depth in walk(text, angles=True):
        if char == separator and depth == 0:
            yield text[start:index]
            start = index + 1
    yield text[start:]


def _unquote(text: str) -> str:
    """An annotation without the quotes string annotations print with, whitespace normalized."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return " ".join(text.split())


def _signature(text: str) -> Signature | None:
    text = text.strip()
    if not text.startswith("(") or text == "(...)":
        return None
    depth, close = 0, -1
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                close = index
                break
    if close < 0:
        return None
    inner, rest = text[1:close], text[close + 1 :].strip()
    returns = _unquote(rest[2:]) if rest.startswith("->") else None
    parameters: dict[str, Parameter] = {}
    keyword_only, position = False, 0
    for raw in _split(inner):
        part = raw.strip()
        if not part or part == "/":
            continue
        if part == "*":
            keyword_only = True
            continue
        head, _, default = (item.strip() for item in _partition_top(part, "="))
        name, _, annotation = (item.strip() for item in _partition_top(head, ":"))
        if name.startswith("**"):
            kind, name = "**kwargs", name[2:]
        elif name.startswith("*"):
            kind, name, keyword_only = "*args", name[1:], True
        else:
            kind = "keyword" if keyword_only else "positional"
        if name in {"self", "cls"} and not parameters:
            continue
        slot = position if kind == "positional" else None
        if kind == "positional":
            position += 1
        parameters[name] = Parameter(
            name, kind, _unquote(annotation) if annotation else None, default or None, slot
        )
    return Signature(parameters, returns)


def _partition_top(text: str, separator: str) -> tuple[str, str, str]:
    parts = list(_split(text, separator))
    if len(parts) == 1:
        return text, "", ""
    return parts[0], separator, separator.join(parts[1:])


# --- comparing ---------------------------------------------------------------------------------------------


def _union(annotation: str | None) -> frozenset[str] | None:
    return None if annotation is None else frozenset(part.strip() for part in _split(annotation, "|"))


def _widened(old: str | None, new: str | None) -> bool:
    """True when argument type `new` accepts everything `old` did (its union members include old's)."""
    old_members, new_members = _union(old), _union(new)
    if new_members is None or new_members & {"Any", "typing.Any", "object"}:
        return True
    return old_members is not None and old_members <= new_members


def _module(key: str) -> str:
    return key.partition(":")[0]


def compare_surfaces(base: Surface, head: Surface) -> tuple[list[Finding], list[str]]:
    """The findings between two surfaces, and the symbols not judged (their module is skipped on a side)."""
    unjudged_modules = set(base.skipped) | set(base.errors) | set(head.skipped) | set(head.errors)

    def unjudged(key: str) -> bool:
        return any(key == name or key.startswith((name + ".", name + ":")) for name in unjudged_modules)

    out: list[Finding] = []
    not_judged: list[str] = []
    base_modules = {_module(key) for key in base.entries}
    head_modules = {_module(key) for key in head.entries}
    for module in sorted(base_modules - head_modules):
        if unjudged(module):
            not_judged.append(module)
        else:
            count = sum(1 for key in base.entries if _module(key) == module)
            out.append(
                finding("sdk-module-removed", f"public module removed ({count} names)", None, None, module)
            )
    for module in sorted(head_modules - base_modules):
        if unjudged(module):
            not_judged.append(module)
        else:
            out.append(finding("sdk-module-added", "public module added", None, None, module))
    for key in sorted(base.entries.keys() | head.entries.keys()):
        if _module(key) not in base_modules & head_modules:
            continue
        old, new = base.entries.get(key), head.entries.get(key)
        if unjudged(key):
            if old != new:
                not_judged.append(key)
            continue
        if old is not None and new is None:
            if _parent_removed(key, base.entries, head.entries):
                continue  # reported once, at the class that went away
            what = parse_descriptor(old).kind
            out.append(finding("sdk-name-removed", f"{what} removed", None, None, key))
        elif new is not None and old is None:
            if _parent_removed(key, head.entries, base.entries):
                continue
            what = parse_descriptor(new).kind
            out.append(finding("sdk-name-added", f"{what} added", None, None, key))
        elif old is not None and new is not None and old != new:
            out.extend(_changed(key, parse_descriptor(old), parse_descriptor(new), old, new))
    return one_per_change(out), not_judged


def _parent_removed(key: str, present: dict[str, str], other: dict[str, str]) -> bool:
    """True when an enclosing name of `key` (`mod:Class` for `mod:Class.method`) is absent from `other`."""
    module, _, qualname = key.partition(":")
    parts = qualname.split(".")
    for end in range(1, len(parts)):
        parent = f"{module}:{'.'.join(parts[:end])}"
        if parent in present and parent not in other:
            return True
    return False


def _changed(key: str, old: Descriptor, new: Descriptor, old_text: str, new_text: str) -> list[Finding]:
    if old.kind != new.kind:  # method -> property, sync -> async...: every caller changes
        return [finding("sdk-kind-changed", f"{old.kind} became {new.kind}", None, None, key)]
    out: list[Finding] = []
    # A base class that moved (re-exported under its old path, so the same class) keeps its short name.
    moved = {base.rsplit(".", 1)[-1] for base in new.bases}
    gone = sorted(base for base in old.bases - new.bases if base.rsplit(".", 1)[-1] not in moved)
    if gone:
        out.append(finding("sdk-type-changed", f"no longer derives from {', '.join(gone)}", None, None, key))
    if old.type != new.type:
        out.append(
            finding("sdk-type-changed", f"type changed from {old.type} to {new.type}", None, None, key)
        )
    if old.signature is not None and new.signature is not None:
        out.extend(_signature_changes(key, old.signature, new.signature))
    elif old.signature != new.signature:  # one side could not be read as a signature: compare the texts
        message = f"changed from `{old_text}` to `{new_text}`"
        out.append(finding("sdk-type-changed", message, None, None, key))
    return out


def _signature_changes(key: str, old: Signature, new: Signature) -> list[Finding]:
    out: list[Finding] = []
    variadic_kw = any(p.kind == "**kwargs" for p in new.parameters.values())
    for name, before in old.parameters.items():
        after = new.parameters.get(name)
        symbol = f"{key}({name}=)"
        if after is None:
            if before.kind in {"*args", "**kwargs"} or not variadic_kw:
                out.append(finding("sdk-argument-removed", f"argument {name!r} removed", None, None, symbol))
            continue
        if before.default is not None and after.default is None and after.kind not in {"*args", "**kwargs"}:
            out.append(
                finding(
                    "sdk-argument-became-required", f"argument {name!r} became required", None, None, symbol
                )
            )
        elif before.default is None and after.default is not None:
            out.append(
                finding(
                    "sdk-argument-became-optional", f"argument {name!r} became optional", None, None, symbol
                )
            )
        elif before.default != after.default:
            message = f"default of {name!r} changed from {before.default} to {after.default}"
            out.append(finding("sdk-default-changed", message, None, None, symbol))
        if before.kind == "positional" and after.kind != "positional":
            out.append(
                finding(
                    "sdk-argument-kind-changed",
                    f"argument {name!r} is no longer positional",
                    None,
                    None,
                    symbol,
                )
            )
        elif before.kind != after.kind and before.kind != "positional":
            out.append(
                finding(
                    "sdk-argument-kind-changed",
                    f"argument {name!r}: {before.kind} -> {after.kind}",
                    None,
                    None,
                    symbol,
                )
            )
        elif before.position != after.position and before.kind == after.kind == "positional":
            message = f"argument {name!r} moved from position {before.position} to {after.position}"
            out.append(finding("sdk-argument-kind-changed", message, None, None, symbol))
        if before.annotation != after.annotation:
            text = f"type of {name!r} changed from {before.annotation} to {after.annotation}"
            rule = (
                "sdk-argument-type-widened"
                if _widened(before.annotation, after.annotation)
                else "sdk-type-changed"
            )
            out.append(finding(rule, text, None, None, symbol))
    for name, after in new.parameters.items():
        if name in old.parameters:
            continue
        symbol = f"{key}({name}=)"
        if after.default is None and after.kind not in {"*args", "**kwargs"}:
            out.append(
                finding(
                    "sdk-required-argument-added", f"required argument {name!r} added", None, None, symbol
                )
            )
        else:
            out.append(
                finding(
                    "sdk-optional-argument-added", f"optional argument {name!r} added", None, None, symbol
                )
            )
    if old.returns != new.returns:
        message = f"return type changed from {old.returns} to {new.returns}"
        out.append(finding("sdk-type-changed", message, None, None, key))
    return out


# --- one finding per change --------------------------------------------------------------------------------

_MODEL_MEMBER = re.compile(r"^(?P<cls>\w+)(?:\.(?P<attr>\w+)|\((?P<arg>\w+)=\))?$")
_RESOURCE_MEMBER = re.compile(r"^\w+\.(?P<method>\w+)(?P<arg>\(\w+=\))?$")


def covered_by_spec(symbol: str, spec_symbols: set[str]) -> bool:
    """True when SDK surface `symbol` is generated code whose change a spec finding already names (the spec
    finding says it in the API's terms): `molam_sdk.models...:Wallet.nickname` or `:Wallet(nickname=)` by
    `Wallet.nickname`, an enum member by its enum, `molam_sdk.resources.payouts:AsyncPayouts.list(status=)` by
    `molam.payouts.list(status=)`."""
    module, _, qualname = symbol.partition(":")
    if module == "molam_sdk.models" or module.startswith("molam_sdk.models."):
        match = _MODEL_MEMBER.match(qualname)
        if match is None:
            return False
        member = match["attr"] or match["arg"]
        return match["cls"] in spec_symbols or (
            member is not None and f"{match['cls']}.{member}" in spec_symbols
        )
    if module.startswith("molam_sdk.resources."):
        match = _RESOURCE_MEMBER.match(qualname)
        resource = module.rsplit(".", 1)[1]
        return match is not None and f"molam.{resource}.{match['method']}{match['arg'] or ''}" in spec_symbols
    return False


def one_per_change(findings: list[Finding]) -> list[Finding]:
    """Drop the copies a re-export makes: the same change of the same name reported under the defining module
    and under each package re-exporting it is kept once, under the shortest import path (the one users write)."""
    best: dict[tuple[str, str, str], Finding] = {}
    for item in findings:
        module, sep, qualname = item.symbol.partition(":")
        if not sep:  # a module finding
            best[(item.rule, item.symbol, item.message)] = item
            continue
        key = (item.rule, qualname, item.message)
        kept = best.get(key)
        if kept is None or len(module) < len(kept.symbol.partition(":")[0]):
            best[key] = item
    return sorted(best.values(), key=lambda item: item.symbol)
