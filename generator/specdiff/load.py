"""Reading specs: from a file, or from `git show <ref>:<path>` for the base of a comparison."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is several times faster on a large spec
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment,unused-ignore]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class SpecSourceError(Exception):
    """A spec could not be read or is not an OpenAPI 3.x document."""


@dataclass(frozen=True, slots=True)
class LoadedSpec:
    """A parsed spec and where it came from (for the report)."""

    data: dict[str, Any]
    label: str


def parse_spec(text: str, label: str) -> LoadedSpec:
    """Parse YAML or JSON text and check that it is an OpenAPI 3.x document."""
    try:
        data = json.loads(text) if text.lstrip().startswith("{") else yaml.load(text, Loader=_Loader)
    except (ValueError, yaml.YAMLError) as exc:
        raise SpecSourceError(f"{label}: cannot parse: {exc}") from exc
    if not isinstance(data, dict):
        raise SpecSourceError(f"{label}: not a mapping")
    version = str(data.get("openapi", ""))
    if not version.startswith("3."):
        raise SpecSourceError(f"{label}: not an OpenAPI 3.x document (openapi: {version or 'missing'})")
    return LoadedSpec(data, label)


def load_file(path: Path) -> LoadedSpec:
    """Read a spec file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecSourceError(f"{path}: {exc.strerror or exc}") from exc
    return parse_spec(text, str(path))


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)


def load_git(repo: Path, ref: str, spec_path: str) -> LoadedSpec | None:
    """The spec at `ref:spec_path` (path relative to the repository root); None when the file is absent there."""
    try:
        verified = _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except OSError as exc:
        raise SpecSourceError(f"cannot run git: {exc}") from exc
    if verified.returncode != 0:
        raise SpecSourceError(f"--base {ref!r} is neither a file nor a git revision of {repo}")
    commit = verified.stdout.strip()
    if _git(repo, "cat-file", "-e", f"{commit}:{spec_path}").returncode != 0:
        return None
    shown = _git(repo, "show", f"{commit}:{spec_path}")
    if shown.returncode != 0:
        raise SpecSourceError(f"git show {ref}:{spec_path} failed: {shown.stderr.strip()}")
    return parse_spec(shown.stdout, f"{ref}:{spec_path}")


def load_base(base: str, repo: Path, spec_path: str) -> LoadedSpec | None:
    """`--base`: a file when one exists at that path, otherwise a git revision (None: no spec there)."""
    candidate = Path(base)
    if candidate.is_file():
        return load_file(candidate)
    return load_git(repo, base, spec_path)
