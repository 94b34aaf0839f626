"""Release versions: parsing, the next version a change needs, and the one place the version is written.

The rules (semantic versioning 2.0.0, release versions `X.Y.Z` only, no pre-releases):

- From 1.0.0 on: a breaking change bumps the major (1.4.2 -> 2.0.0), an addition the minor (-> 1.5.0),
  anything else the patch (-> 1.4.3).
- Below 1.0.0 (initial development): every bump moves one place right, as pip's `~=0.y.z` and Cargo's
  caret read 0.x versions: a breaking change bumps the minor (0.1.4 -> 0.2.0), an addition or a fix the
  patch (-> 0.1.5). Users pinning `molam-sdk~=0.1.0` get additions and fixes, never a breaking change.
- Leaving 0.x (1.0.0) is a decision, never computed: `python -m generator release --version 1.0.0`.
  An explicit version must be at least the computed one.
- A release whose spec did not change still bumps the patch: the hand-written code changed.

The version lives in one place, `__version__ = "X.Y.Z"` in molam_sdk_ext/__init__.py: hatch reads it for
both distributions (molam-sdk and molam-sandbox), `molam --version` and the User-Agent import it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.specdiff.rules import Bump

__all__ = ["VERSION_FILE", "Version", "VersionError", "next_version", "read_version", "write_version"]

#: The file holding `__version__`, relative to the repository root.
VERSION_FILE = "molam_sdk_ext/__init__.py"

_VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
_ASSIGNMENT = re.compile(r'^__version__ = "([^"\n]*)"$', re.MULTILINE)


class VersionError(ValueError):
    """A version string or the version file is not what a release can work with."""


@dataclass(frozen=True, order=True, slots=True)
class Version:
    """A release version `major.minor.patch` (ordered numerically)."""

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        """`1.2.3` (a leading `v`, as in a tag name, is accepted); `VersionError` for anything else."""
        match = _VERSION.fullmatch(text.removeprefix("v"))
        if match is None:
            raise VersionError(f"{text!r} is not a release version X.Y.Z (no pre-release or build parts)")
        return cls(int(match[1]), int(match[2]), int(match[3]))

    def bump(self, bump: Bump) -> Version:
        """The next version for a change of size `bump`, with the 0.x rule (see the module docstring)."""
        effective = bump if bump.rank >= Bump.PATCH.rank else Bump.PATCH
        if self.major == 0:  # initial development: one place to the right
            effective = Bump.MINOR if effective is Bump.MAJOR else Bump.PATCH
        if effective is Bump.MAJOR:
            return Version(self.major + 1, 0, 0)
        if effective is Bump.MINOR:
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)

    @property
    def tag(self) -> str:
        """The release tag: `v1.2.3`."""
        return f"v{self}"

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def next_version(previous: Version, bump: Bump, requested: Version | None = None) -> Version:
    """The version to release after `previous` for a change of size `bump`.

    `requested` (an explicit `--version`) wins when it is at least the computed version; a smaller one
    would hide a breaking change from users, so it is a `VersionError`.
    """
    computed = previous.bump(bump)
    if requested is None:
        return computed
    if requested < computed:
        raise VersionError(
            f"version {requested} is below {computed}, the least a {bump} change after {previous} needs"
        )
    return requested


def read_version(root: Path) -> Version:
    """The version written in `root`/molam_sdk_ext/__init__.py."""
    return Version.parse(_find(root)[1])


def write_version(root: Path, version: Version) -> None:
    """Write `version` into `root`/molam_sdk_ext/__init__.py (the only line that changes)."""
    text, _ = _find(root)
    (root / VERSION_FILE).write_text(_ASSIGNMENT.sub(f'__version__ = "{version}"', text), encoding="utf-8")


def version_in_text(text: str, source: str = VERSION_FILE) -> Version:
    """The version assigned in a copy of the version file (for example one read from a git revision)."""
    matches = _ASSIGNMENT.findall(text)
    if len(matches) != 1:
        raise VersionError(
            f'{source}: expected exactly one line `__version__ = "X.Y.Z"`, found {len(matches)}'
        )
    return Version.parse(matches[0])


def _find(root: Path) -> tuple[str, str]:
    path = root / VERSION_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise VersionError(f"{path}: {exc.strerror or exc}") from exc
    return text, str(version_in_text(text, str(path)))
