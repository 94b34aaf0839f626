"""`python -m generator surface [--write|--check]`: the public API surface of the SDK packages.

The surface is one line per public name: `module:qualname descriptor`, sorted, where the descriptor is
`class(<bases>) <constructor signature>`, `function<signature>`, `method<signature>`, `field: <type>`,
`property`, `= <enum value>` or the type of a constant. Public names are `__all__` when a module defines
it, else the names not starting with `_` that the module itself defines (not its imports). Private
modules (`_x`) are not walked. A module that needs a missing optional extra (django, redis...) is
recorded as skipped instead of failing the dump; `--check` does not count its names as removed.

Without an option the surface is printed; `--write` stores it in spec/sdk-surface.txt (a record for
reviewers, never compared with itself); `--json` prints it for another process (the surface check dumps
each revision in its own interpreter); `--base REF` compares the working tree's surface with revision
REF's, classified additive or breaking (generator.surface.compare; `make breaking` includes the same findings in
the spec report).
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import functools
import importlib
import inspect
import pkgutil
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs

from generator.surface.annotation_text import walk

DEFAULT_PACKAGES = ("molam_sdk", "molam_sdk_ext")
DEFAULT_FILE = "spec/sdk-surface.txt"
HEADER = "# Public API surface. Regenerate with: python -m generator surface --write"
_ADDRESS = re.compile(r" at 0x[0-9A-Fa-f]+")
_PATH_IN_PARENS = re.compile(r"\s*\([^()]*[/\\][^()]*\)")


@dataclass(slots=True)
class Surface:
    """Entries (`module:qualname` -> descriptor), modules skipped for a missing dependency, and import errors."""

    entries: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def _clean(text: str) -> str:
    """Drop memory addresses from reprs (sentinel defaults) so the dump is deterministic."""
    return _ADDRESS.sub("", text)


class _Text:
    """Stands in for an annotation inside `inspect.Signature` so it prints as our normalized text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _signature(obj: Callable[..., Any]) -> str:
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return "(...)"

    def text(value: Any) -> Any:
        # String annotations (`from __future__ import annotations`) print quoted, as Python shows them.
        return (
            value if value is inspect.Parameter.empty or isinstance(value, str) else _Text(_annotation(value))
        )

    def default(value: Any) -> Any:
        # A set's repr follows the process's hash seed: print its members sorted, so every run agrees.
        if isinstance(value, (set, frozenset)):
            members = ", ".join(sorted(repr(member) for member in value))
            return _Text(f"{type(value).__name__}({{{members}}})" if value else f"{type(value).__name__}()")
        kind = type(value)
        if _ours(kind, DEFAULT_PACKAGES) and not isinstance(value, enum.Enum):
            # A sentinel of ours (UNSET): named by its type, whatever its repr says in this revision.
            return _Text(f"<{_type_name(kind)}>")
        return value

    parameters = [
        item.replace(annotation=text(item.annotation), default=default(item.default))
        for item in signature.parameters.values()
    ]
    normalized = signature.replace(parameters=parameters, return_annotation=text(signature.return_annotation))
    return _strip_annotated(_clean(str(normalized))).replace("\n", "\\n")


def _type_name(obj: Any) -> str:
    module = getattr(obj, "__module__", None)
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or repr(obj)
    # `typing` names print bare, as string annotations (`from __future__ import annotations`) spell them:
    # `Any` and `typing.Any` are one type, and a module gaining that import must not look like a change.
    return str(name) if module in (None, "builtins", "typing") else f"{module}.{name}"


def _strip_annotated(text: str) -> str:
    """`Annotated[X, meta...]` -> `X` inside annotation text (string annotations cannot be introspected)."""
    marker = "Annotated["
    search_from = 0
    while (start := text.find(marker, search_from)) != -1:
        comma = end = -1
        for index, char, depth in walk(text, start + len(marker), depth=1):
            if depth == 0:
                end = index
                break
            if char == "," and depth == 1 and comma < 0:
                comma = index
        if end < 0:  # unbalanced: leave the rest alone
            break
        first = text[start + len(marker) : comma if comma >= 0 else end].strip()
        prefix = start - len("typing.") if text[:start].endswith("typing.") else start
        text = text[:prefix] + first + text[end + 1 :]
        search_from = prefix
    return text


def _annotation(value: Any) -> str:
    """An annotation as text; `Annotated[X, ...]` is X (field metadata such as descriptions is not API)."""
    if isinstance(value, str):
        return _strip_annotated(value)
    if value is None or value is type(None):
        return "None"
    origin, args = typing.get_origin(value), typing.get_args(value)
    if origin is typing.Annotated:
        return _annotation(args[0])
    if isinstance(value, type) and not args:
        return _type_name(value)
    if origin is typing.Literal:
        return f"Literal[{', '.join(repr(arg) for arg in args)}]"
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_annotation(arg) for arg in args)
    if origin is not None and args:
        head = _type_name(origin) if isinstance(origin, type) else repr(origin).replace("typing.", "")
        return f"{head}[{', '.join(_annotation(arg) for arg in args)}]"
    return _clean(repr(value)).replace("typing.", "")


def iter_module_names(package: str, surface: Surface) -> Iterator[str]:
    """`package` and its public submodules, depth first; unimportable packages are recorded and not descended."""
    yield package
    module = sys.modules.get(package)
    path = getattr(module, "__path__", None)
    if module is None or path is None:
        return
    for info in sorted(pkgutil.iter_modules(path), key=lambda item: item.name):
        if info.name.startswith("_"):
            continue
        name = f"{package}.{info.name}"
        if _import(name, surface) is None:
            continue
        yield from iter_module_names(name, surface) if info.ispkg else iter([name])


def _reason(exc: BaseException) -> str:
    """`Type: message` without file paths (they differ between machines; the dump must not)."""
    return _PATH_IN_PARENS.sub("", f"{type(exc).__name__}: {exc}")


def _import(name: str, surface: Surface) -> ModuleType | None:
    if name in surface.skipped or name in surface.errors:
        return None
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        surface.skipped[name] = _reason(exc)
    except Exception as exc:  # a real bug in the module: reported, and it fails --write/--check
        surface.errors[name] = _reason(exc)
    return None


def _defined_names(module: ModuleType) -> set[str]:
    """Names bound by assignments at the top level of the module's source (constants, aliases)."""
    source = getattr(module, "__file__", None)
    if not source or not source.endswith(".py"):
        return set()
    try:
        tree = ast.parse(Path(source).read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return set()
    names: set[str] = set()
    statements: list[ast.stmt] = list(tree.body)
    while statements:
        node = statements.pop()
        if isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.If | ast.Try):
            statements.extend(node.body)
            statements.extend(node.orelse)
        elif type(node).__name__ == "TypeAlias":  # `type X = ...` (Python 3.12+)
            names.add(getattr(getattr(node, "name", None), "id", ""))
    return names


def public_names(module: ModuleType) -> list[str]:
    """The module's public names: `__all__`, else what it defines itself."""
    declared = getattr(module, "__all__", None)
    if declared is not None:
        return sorted(
            {str(name) for name in declared if str(name).isidentifier() and not str(name).startswith("_")}
        )
    assigned = _defined_names(module)
    names = []
    for name, obj in vars(module).items():
        # Not identifiers: names pydantic registers for parametrized generics (`RootModel[str]`).
        if name.startswith("_") or not name.isidentifier() or inspect.ismodule(obj):
            continue
        is_code = inspect.isclass(obj) or inspect.isfunction(obj) or inspect.isbuiltin(obj)
        if (is_code and getattr(obj, "__module__", None) == module.__name__) or (
            not is_code and name in assigned
        ):
            names.append(name)
    return sorted(names)


def _ours(cls: type, roots: Sequence[str]) -> bool:
    module = getattr(cls, "__module__", "") or ""
    return any(module == root or module.startswith(root + ".") for root in roots)


def describe(key: str, obj: Any, roots: Sequence[str], out: dict[str, str], depth: int = 0) -> None:
    """Add the entries of one public object (a class adds one entry per public member)."""
    if inspect.isclass(obj):
        bases = ", ".join(_type_name(base) for base in obj.__bases__ if base is not object)
        out[key] = f"class({bases}) {_signature(obj)}"
        if depth < 3:
            _describe_members(key, obj, roots, out, depth)
    elif inspect.iscoroutinefunction(obj):
        out[key] = f"async function{_signature(obj)}"
    elif inspect.isfunction(obj) or inspect.isbuiltin(obj):
        out[key] = f"function{_signature(obj)}"
    else:
        out[key] = _type_name(type(obj))


def _describe_members(key: str, cls: type, roots: Sequence[str], out: dict[str, str], depth: int) -> None:
    if attrs.has(cls):
        for item in attrs.fields(cls):
            if not item.name.startswith("_"):
                out[f"{key}.{item.name}"] = f"field: {_annotation(item.type)}"
    elif dataclasses.is_dataclass(cls):
        for data_field in dataclasses.fields(cls):
            if not data_field.name.startswith("_"):
                out[f"{key}.{data_field.name}"] = f"field: {_annotation(data_field.type)}"
    if isinstance(cls, enum.EnumMeta):
        members: dict[str, enum.Enum] = dict(cls.__members__)
        for member_name, member in members.items():
            out[f"{key}.{member_name}"] = f"= {_clean(repr(member.value))}"
    for owner in reversed(cls.__mro__):
        if owner is cls or (owner is not object and _ours(owner, roots)):
            for name, value in vars(owner).get("__annotations__", {}).items():
                if not name.startswith("_") and f"{key}.{name}" not in out:
                    out[f"{key}.{name}"] = f"attribute: {_annotation(value)}"
    for name in sorted(dir(cls)):
        member_key = f"{key}.{name}"
        if name.startswith("_") or member_key in out:
            continue
        defining = next((klass for klass in cls.__mro__ if name in vars(klass)), None)
        if defining is None or (defining is not cls and not _ours(defining, roots)):
            continue
        raw = vars(defining)[name]
        if isinstance(raw, staticmethod):
            out[member_key] = f"staticmethod{_signature(raw.__func__)}"
        elif isinstance(raw, classmethod):
            out[member_key] = f"classmethod{_signature(raw.__func__)}"
        elif isinstance(raw, property | functools.cached_property):
            out[member_key] = "property"
        elif inspect.iscoroutinefunction(raw):
            out[member_key] = f"async method{_signature(raw)}"
        elif inspect.isfunction(raw):
            out[member_key] = f"method{_signature(raw)}"
        elif inspect.isclass(raw) and raw.__qualname__.startswith(cls.__qualname__ + "."):
            describe(member_key, raw, roots, out, depth + 1)
        elif not inspect.isclass(raw) and not callable(raw):
            out[member_key] = f"attribute: {_type_name(type(raw))}"


def collect(packages: Sequence[str]) -> Surface:
    """Import every public module of `packages` and describe its public names."""
    surface = Surface()
    for package in packages:
        if _import(package, surface) is None:
            continue
        for name in iter_module_names(package, surface):
            module = sys.modules[name]
            for public in public_names(module):
                key = f"{name}:{public}"
                try:
                    value = getattr(module, public)
                except ImportError as exc:  # a lazy attribute that needs a missing extra
                    surface.skipped[key] = _reason(exc)
                    continue
                except Exception as exc:
                    surface.errors[key] = _reason(exc)
                    continue
                describe(key, value, packages, surface.entries)
    return surface


def render(surface: Surface) -> str:
    """The deterministic text form."""
    lines = [HEADER]
    lines += [f"# skipped {name}: {reason}" for name, reason in sorted(surface.skipped.items())]
    lines += [f"{key} {value}" for key, value in sorted(surface.entries.items())]
    return "\n".join(lines) + "\n"


def parse(text: str) -> Surface:
    """Read the text form back."""
    surface = Surface()
    for line in text.splitlines():
        if line.startswith("# skipped "):
            name, _, reason = line[len("# skipped ") :].partition(": ")
            surface.skipped[name] = reason
        elif line and not line.startswith("#"):
            key, _, value = line.partition(" ")
            surface.entries[key] = value
    return surface
