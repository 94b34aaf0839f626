"""`python -m generator surface`: dump and check the public surface of fixture packages."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import breaking_report as breaking
from generator import cli
from generator.surface import collect as surface
from generator.surface import compare as surface_diff

CORE = '''
"""Core module of the fixture package."""
from __future__ import annotations

import enum
import functools
import logging
from typing import Annotated, Any

import attrs

from .base import Base

LIMIT: int = 10
VERSION = "1.0"
_PRIVATE = 1
logger = logging.getLogger(__name__)
_SENTINEL = object()


class Color(enum.Enum):
    """An enum."""

    RED = "red"
    BLUE = "blue"


@attrs.define
class Money:
    """An attrs class."""

    amount: int
    currency: str = "XOF"

    def double(self, factor: int = 2) -> Money:
        """A method."""
        return Money(self.amount * factor, self.currency)

    @property
    def label(self) -> str:
        """A property."""
        return f"{self.amount} {self.currency}"

    @classmethod
    def zero(cls, currency: str) -> Money:
        """A classmethod."""
        return cls(0, currency)

    def _hidden(self) -> None:
        """Private."""


class Client(Base):
    """A plain class inheriting a method from our own base class and one from Exception-free object."""

    timeout: float

    def __init__(self, key: str, *, retries: int = 3, default: Any = _SENTINEL) -> None:
        self.key = key

    async def fetch(self, path: str) -> bytes:
        """A coroutine method."""
        return b""

    @functools.cached_property
    def session(self) -> str:
        """A cached property."""
        return self.key

    @staticmethod
    def version() -> str:
        """A staticmethod."""
        return VERSION


def convert(amount: int, currency: str, *, strict: bool = True) -> Money:
    """A function."""
    return Money(amount, currency)


def described(x: Annotated[int, Meta("text, with [brackets]")]) -> None:  # noqa: F821
    """A string annotation with Annotated metadata."""


async def aconvert(amount: int) -> Money:
    """A coroutine function."""
    return Money(amount)
'''

BASE = '''
"""Base classes (no `from __future__ import annotations`: annotations are objects here)."""
from typing import Annotated, Literal


class Base:
    """Our own base class."""

    def close(self) -> None:
        """Inherited by Client."""


def limited(x: Annotated[int, "a description that is not API"], mode: Literal["a", "b"] = "a") -> list[int | None]:
    """Annotated metadata is dropped from the dump."""
    return [x]


class Generic:
    """Registered under a non-identifier name, as pydantic does for parametrized generics."""


globals()["Generic[int]"] = Generic
'''

INIT = '''
"""Fixture package."""
from .core import Client, Money, convert

__all__ = ["Client", "Money", "convert"]
'''

EXTRA = '''
"""Needs an optional dependency that is not installed."""
import molam_surface_test_missing_dependency  # noqa: F401

VALUE = 1
'''


@pytest.fixture
def package(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A fresh fixture package on sys.path (unique name: imports are cached per process)."""
    name = f"surfpkg_{uuid.uuid4().hex[:8]}"
    root = tmp_path / name
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text(textwrap.dedent(INIT))
    (root / "core.py").write_text(textwrap.dedent(CORE))
    (root / "base.py").write_text(textwrap.dedent(BASE))
    (root / "extra.py").write_text(textwrap.dedent(EXTRA))
    (root / "_private.py").write_text("def hidden() -> None:\n    '''x'''\n")
    (root / "sub" / "__init__.py").write_text("'''Sub package.'''\n")
    (root / "sub" / "tools.py").write_text(
        "'''Tools.'''\n\ndef helper(x: int) -> int:\n    '''x'''\n    return x\n"
    )
    sys.path.insert(0, str(tmp_path))
    importlib.invalidate_caches()
    try:
        yield name, root
    finally:
        sys.path.remove(str(tmp_path))
        for module in [module for module in sys.modules if module == name or module.startswith(name + ".")]:
            del sys.modules[module]


def _reload(name: str) -> None:
    for module in [module for module in sys.modules if module == name or module.startswith(name + ".")]:
        del sys.modules[module]
    importlib.invalidate_caches()


def test_dump_lists_public_names_with_signatures(package: tuple[str, Path]) -> None:
    name, _ = package
    found = surface.collect([name])
    entries = found.entries
    assert (
        entries[f"{name}:convert"]
        == "function(amount: 'int', currency: 'str', *, strict: 'bool' = True) -> 'Money'"
    )
    assert entries[f"{name}.core:aconvert"] == "async function(amount: 'int') -> 'Money'"
    assert entries[f"{name}.core:Money"].startswith("class() (amount: 'int', currency: 'str' = 'XOF')")
    assert entries[f"{name}.core:Money.amount"] == "field: int"
    assert entries[f"{name}.core:Money.currency"] == "field: str"
    assert entries[f"{name}.core:Money.double"] == "method(self, factor: 'int' = 2) -> 'Money'"
    assert entries[f"{name}.core:Money.label"] == "property"
    assert entries[f"{name}.core:Money.zero"] == "classmethod(cls, currency: 'str') -> 'Money'"
    assert entries[f"{name}.core:Color.RED"] == "= 'red'"
    assert (
        entries[f"{name}.core:Client"]
        == f"class({name}.base.Base) (key: 'str', *, retries: 'int' = 3, default: 'Any' = <object object>) -> 'None'"
    )
    assert entries[f"{name}.core:Client.close"] == "method(self) -> None"  # inherited from our base
    assert entries[f"{name}.core:Client.fetch"] == "async method(self, path: 'str') -> 'bytes'"
    assert entries[f"{name}.core:Client.version"] == "staticmethod() -> 'str'"
    assert entries[f"{name}.core:Client.timeout"] == "attribute: float"
    assert entries[f"{name}.core:Client.session"] == "property"
    assert entries[f"{name}.core:LIMIT"] == "int"
    assert entries[f"{name}.core:VERSION"] == "str"
    assert entries[f"{name}.sub.tools:helper"] == "function(x: int) -> int"
    assert (
        entries[f"{name}.base:limited"]
        == "function(x: int, mode: Literal['a', 'b'] = 'a') -> list[int | None]"
    )
    assert not any("Generic[int]" in key for key in entries)
    assert entries[f"{name}.core:described"] == "function(x: \"int\") -> 'None'"
    keys = " ".join(entries)
    assert entries[f"{name}.core:logger"] == "logging.Logger"  # public by name, described by type
    for absent in ("_PRIVATE", "_SENTINEL", "_hidden", "_private", "Any", "attrs", "enum", "logging"):
        assert f":{absent}" not in keys and f".{absent} " not in keys, absent
    assert f"{name}.core:Base" not in entries  # imported, not defined there
    assert set(found.skipped) == {f"{name}.extra"}
    assert "molam_surface_test_missing_dependency" in found.skipped[f"{name}.extra"]


def test_dump_is_deterministic_and_round_trips(package: tuple[str, Path]) -> None:
    name, _ = package
    first = surface.render(surface.collect([name]))
    _reload(name)
    second = surface.render(surface.collect([name]))
    assert first == second
    assert " at 0x" not in first
    lines = [line for line in first.splitlines() if not line.startswith("#")]
    assert lines == sorted(lines)
    assert surface.parse(first).entries == surface.collect([name]).entries


def test_missing_package_is_skipped_not_fatal() -> None:
    found = surface.collect(["molam_surface_no_such_package"])
    assert list(found.skipped) == ["molam_surface_no_such_package"]
    assert found.entries == {}


def _findings(base: surface.Surface, head: surface.Surface) -> dict[str, tuple[str, str]]:
    """symbol -> (rule, severity) of a comparison."""
    found, _ = surface_diff.compare_surfaces(base, head)
    return {item.symbol: (item.rule, str(item.severity)) for item in found}


ADDED_FUNCTION = '\n\ndef added(x: int) -> int:\n    """New."""\n    return x\n'


def test_additions_are_additive(package: tuple[str, Path]) -> None:
    name, root = package
    base = surface.collect([name])
    assert _findings(base, surface.collect([name])) == {}
    core = root / "core.py"
    text = (
        core.read_text()
        .replace("def convert(amount: int, currency: str, *, strict: bool = True)",
                 "def convert(amount: int, currency: str, *, strict: bool = True, note: str | None = None)")
        .replace('    BLUE = "blue"', '    BLUE = "blue"\n    GREEN = "green"')
        .replace("def double(self, factor: int = 2)", "def double(self, factor: int | float = 2)")
    )  # fmt: skip
    core.write_text(text + ADDED_FUNCTION)
    (root / "newmod.py").write_text('"""New module."""\n\nVALUE = 1\n')
    _reload(name)
    assert _findings(base, surface.collect([name])) == {  # re-exported names: once, where users import them
        f"{name}:convert(note=)": ("sdk-optional-argument-added", "info"),
        f"{name}.core:Color.GREEN": ("sdk-name-added", "info"),
        f"{name}.core:added": ("sdk-name-added", "info"),
        f"{name}:Money.double(factor=)": ("sdk-argument-type-widened", "info"),
        f"{name}.newmod": ("sdk-module-added", "info"),
    }


def test_removals_renames_required_arguments_and_type_changes_are_breaking(package: tuple[str, Path]) -> None:
    name, root = package
    base = surface.collect([name])
    core = root / "core.py"
    text = (
        core.read_text()
        .replace("async def aconvert", "async def aconvert_amount")  # a rename
        .replace("def convert(amount: int, currency: str, *, strict: bool = True)",
                 "def convert(amount: int, currency: str, rate: int, *, strict: bool = False)")
        .replace('    amount: int\n    currency: str = "XOF"', '    amount: str\n    currency: str = "XOF"')
        .replace('    BLUE = "blue"', '    BLUE = "navy"')
        .replace("    def label(self) -> str:", "    def label_text(self) -> str:")
        .replace("    async def fetch(self, path: str)", "    def fetch(self, path: str)")
        .replace("def zero(cls, currency: str)", "def zero(cls, code: str)")
    )  # fmt: skip
    core.write_text(text)
    (root / "sub" / "tools.py").unlink()
    _reload(name)
    found = _findings(base, surface.collect([name]))
    expected = {
        "core:aconvert": ("sdk-name-removed", "breaking"),
        "core:aconvert_amount": ("sdk-name-added", "info"),
        "core:convert(rate=)": ("sdk-required-argument-added", "breaking"),
        "core:convert(strict=)": ("sdk-default-changed", "warning"),
        "core:Money.amount": ("sdk-type-changed", "breaking"),
        "core:Money(amount=)": ("sdk-type-changed", "breaking"),
        "core:Color.BLUE": ("sdk-type-changed", "breaking"),
        "core:Money.label": ("sdk-name-removed", "breaking"),
        "core:Money.label_text": ("sdk-name-added", "info"),
        "core:Client.fetch": ("sdk-kind-changed", "breaking"),
        "core:Money.zero(currency=)": ("sdk-argument-removed", "breaking"),
        "core:Money.zero(code=)": ("sdk-required-argument-added", "breaking"),
    }
    exported = {"convert", "Money", "Client"}  # re-exported by the package: reported there (once)

    def where(key: str) -> str:
        qualname = key.split(":", 1)[1]
        return f"{name}:{qualname}" if qualname.split(".")[0].split("(")[0] in exported else f"{name}.{key}"

    every = {where(key): value for key, value in expected.items()}
    every[f"{name}.sub.tools"] = ("sdk-module-removed", "breaking")
    assert found == every  # the module skipped for a missing dependency (extra) is not judged either way


def test_names_of_a_module_skipped_on_either_side_are_not_judged(package: tuple[str, Path]) -> None:
    name, root = package
    (root / "extra.py").write_text('"""Now importable."""\n\nVALUE = 1\n')
    _reload(name)
    importable = surface.collect([name])
    assert f"{name}.extra:VALUE" in importable.entries
    (root / "extra.py").write_text(textwrap.dedent(EXTRA))
    _reload(name)
    skipped = surface.collect([name])
    for base, head in ((importable, skipped), (skipped, importable)):
        found, unjudged = surface_diff.compare_surfaces(base, head)
        assert found == [] and unjudged == [f"{name}.extra"]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def _commit(repo: Path, message: str) -> None:
    _git(repo, "add", ".")
    _git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", message, "--allow-empty")


def test_base_revision_is_dumped_from_its_own_code_never_from_the_surface_file(tmp_path: Path) -> None:
    """`--base REF` dumps REF's molam_sdk / molam_sdk_ext (git archive) and the working tree's, each in its
    own interpreter: a surface file rewritten in the head changes nothing."""
    repo = tmp_path / "repo"
    for package in ("molam_sdk", "molam_sdk_ext"):
        (repo / package).mkdir(parents=True)
    pay = '"""SDK."""\n\n\ndef pay(amount: int) -> int:\n    """Pay."""\n    return amount\n'
    (repo / "molam_sdk" / "__init__.py").write_text(pay)
    (repo / "molam_sdk_ext" / "__init__.py").write_text('"""Ext."""\n\nLIMIT = 1\n')
    _git(repo, "init", "-q")
    _commit(repo, "base")
    (repo / "molam_sdk" / "__init__.py").write_text(pay.replace("def pay", "def charge"))
    (repo / "spec").mkdir()
    (repo / "spec" / "sdk-surface.txt").write_text("whatever make generate wrote\n")
    found, notes = breaking.surface_findings(repo, "HEAD")
    assert {(item.rule, item.symbol) for item in found} == {
        ("sdk-name-removed", "molam_sdk:pay"),
        ("sdk-name-added", "molam_sdk:charge"),
    }
    assert notes == []
    empty = tmp_path / "empty"
    empty.mkdir()
    _git(empty, "init", "-q")
    _commit(empty, "none")
    assert breaking.surface_findings(empty, "HEAD") == (
        [],
        ["SDK surface: HEAD has no molam_sdk or molam_sdk_ext; nothing to compare"],
    )


def test_lazy_attribute_needing_a_missing_extra_is_skipped(package: tuple[str, Path]) -> None:
    name, root = package
    init = root / "__init__.py"
    init.write_text(
        init.read_text().replace('"convert"]', '"convert", "Lazy"]')
        + "\n\ndef __getattr__(attr: str) -> object:\n    import molam_surface_test_missing_dependency\n\n    return molam_surface_test_missing_dependency\n"
    )
    _reload(name)
    found = surface.collect([name])
    assert f"{name}:Lazy" in found.skipped
    assert f"{name}:Client" in found.entries


def test_import_error_other_than_missing_dependency_fails(package: tuple[str, Path], tmp_path: Path) -> None:
    name, root = package
    (root / "broken.py").write_text("raise RuntimeError('boom')\n")
    _reload(name)
    assert cli.surface(["--write", "--packages", name, "--file", str(tmp_path / "s.txt")]) == 1


@pytest.mark.slow
def test_set_defaults_print_sorted_whatever_the_hash_seed() -> None:
    """A frozenset default's repr follows the hash seed; the dump must not, or CI would flap."""
    code = (
        "from generator.surface.collect import _signature\n"
        "def f(methods=frozenset({'POST', 'PATCH', 'PUT', 'DELETE'})): ...\n"
        "print(_signature(f))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": str(seed), "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert outputs == {"(methods=frozenset({'DELETE', 'PATCH', 'POST', 'PUT'}))\n"}


def test_generated_names_a_spec_finding_describes_are_left_to_it() -> None:
    """`make breaking` keeps one line per change: the spec finding, for the generated names it covers."""
    spec = {"Wallet.nickname", "PayoutStatus", "molam.payouts.list(status=)", "molam.payouts.void"}
    covered = surface_diff.covered_by_spec
    assert covered("molam_sdk.models:Wallet.nickname", spec)
    assert covered("molam_sdk.models.wallet:Wallet(nickname=)", spec)
    assert covered("molam_sdk.models:PayoutStatus.RETURNED", spec)
    assert covered("molam_sdk.resources.payouts:AsyncPayouts.list(status=)", spec)
    assert covered("molam_sdk.resources.payouts:PayoutsWithRawResponse.void", spec)
    assert not covered("molam_sdk.resources.payouts:Payouts.cancel", spec)  # the rename's other half
    assert not covered("molam_sdk.models:Wallet.balance", spec)
    assert not covered("molam_sdk_ext.webhooks:EVENT_TYPES", spec)  # hand-written: always its own finding
