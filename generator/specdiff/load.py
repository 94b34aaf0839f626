"""Reading specs: from a file, or from `git show <ref>:<path>` for the base of a comparison.

A spec may be split over several files: the entry document `$ref`s relative files. Each loaded spec
carries a loader for those files (read from the same directory, or from the same git revision), which
the comparison calls when it follows such a ref.
"""

from __future__ import annotations

import json
import posixpath
import subprocess
from collections.abc import Callable
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
    files: Callable[[str], Any] | None = None
    entry: str = ""


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


def parse_part(text: str) -> Any:
    """Parse one file of a multi-file spec (YAML or JSON, any shape); None when it cannot be parsed."""
    try:
        return json.loads(text) if text.lstrip().startswith(("{", "[")) else yaml.load(text, Loader=_Loader)
    except (ValueError, yaml.YAMLError):
        return None


def directory_files(directory: Path) -> Callable[[str], Any]:
    """A loader for the files a spec in `directory` refers to (None for a missing or unreadable file)."""

    def load(relative: str) -> Any:
        try:
            return parse_part((directory / relative).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None

    return load


def load_file(path: Path) -> LoadedSpec:
    """Read a spec file (and, on demand, the files it `$ref`s next to it)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecSourceError(f"{path}: {exc.strerror or exc}") from exc
    loaded = parse_spec(text, str(path))
    return LoadedSpec(loaded.data, loaded.label, directory_files(path.parent), path.name)


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
    loaded = parse_spec(shown.stdout, f"{ref}:{spec_path}")
    reader = _BlobReader(repo, commit, posixpath.dirname(spec_path))
    return LoadedSpec(loaded.data, loaded.label, reader.load, posixpath.basename(spec_path))


class _BlobReader:
    """Files of one revision read through one `git cat-file --batch` (a multi-file spec has hundreds)."""

    def __init__(self, repo: Path, commit: str, directory: str) -> None:
        self.repo, self.commit, self.directory = repo, commit, directory
        self._process: subprocess.Popen[bytes] | None = None

    def load(self, relative: str) -> Any:
        """The parsed file at `relative` (to the entry's directory) in that revision, or None."""
        path = posixpath.normpath(posixpath.join(self.directory, relative))
        if path.startswith("../") or "\n" in path:
            return None
        if self._process is None:
            self._process = subprocess.Popen(
                ["git", "-C", str(self.repo), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(f"{self.commit}:{path}\n".encode())
        stdin.flush()
        header = stdout.readline().split()
        if len(header) != 3 or header[1] != b"blob":
            return None
        body = stdout.read(int(header[2]) + 1)[:-1]
        try:
            return parse_part(body.decode("utf-8"))
        except UnicodeDecodeError:
            return None

    def __del__(self) -> None:
        process = self._process
        if process is None:
            return
        if process.poll() is None:
            process.kill()
            process.wait()
        # The pipes too: a killed process leaves them open, and the suite runs with ResourceWarning as an error.
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()


def load_base(base: str, repo: Path, spec_path: str) -> LoadedSpec | None:
    """`--base`: a file when one exists at that path, otherwise a git revision (None: no spec there)."""
    candidate = Path(base)
    if candidate.is_file():
        return load_file(candidate)
    return load_git(repo, base, spec_path)
