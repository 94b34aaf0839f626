"""A throw-away git repository holding the parts of this project a release needs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
#: What `python -m generator release` reads, generates, builds and checks.
PARTS = (
    "spec",
    "generator",
    "templates",
    "molam_sdk",
    "molam_sdk_ext",
    "molam_sandbox",
    "packaging",
    "pyproject.toml",
    "README.md",
    "CHANGELOG.md",
    ".gitignore",
)
_JUNK = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


class Repo:
    """A copy of the project in its own git repository, with helpers to edit, regenerate and release it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        for part in PARTS:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, path / part, ignore=_JUNK)
            else:
                shutil.copy2(source, path / part)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.email", "release-test@molam.invalid")
        self.git("config", "user.name", "Release Test")
        self.git("config", "commit.gpgsign", "false")
        self.git("config", "tag.gpgsign", "false")

    def git(self, *args: str) -> str:
        """Run git in the repository; its stdout."""
        return subprocess.run(
            ["git", *args], cwd=self.path, check=True, capture_output=True, text=True
        ).stdout.strip()

    def commit(self, message: str) -> None:
        """Commit everything."""
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def spec(self) -> dict[str, Any]:
        """The spec as data."""
        loaded: dict[str, Any] = yaml.safe_load((self.path / "spec/molam.yaml").read_text())
        return loaded

    def write_spec(self, spec: dict[str, Any]) -> None:
        """Write the spec and regenerate the code from it, as `make generate` does."""
        (self.path / "spec/molam.yaml").write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))
        self.run("generate")

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """`python -m generator ARGS` in the repository (its own copy of the generator)."""
        result = subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=self.path,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"generator {args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
            )
        return result

    def read(self, relative: str) -> str:
        """A file's text."""
        return (self.path / relative).read_text()

    def state(self) -> tuple[str, str, str, str]:
        """HEAD, the tags, `git status` and the changelog: what a refused or dry release must not change."""
        return (
            self.git("rev-parse", "HEAD"),
            self.git("tag", "-l"),
            self.git("status", "--porcelain"),
            self.read("CHANGELOG.md"),
        )
