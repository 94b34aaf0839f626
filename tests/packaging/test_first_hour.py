"""What a user meets first, from the built distributions: `pip install molam-sdk` in a fresh venv (no extra),
the `molam` command without its `cli` extra, the published metadata and the sdist's contents."""

from __future__ import annotations

import email.parser
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from molam_sdk_ext.cli import MISSING_EXTRA
from tests.support.packaging import REPO_ROOT, Distributions

pytestmark = pytest.mark.slow  # builds the distributions, then installs them into fresh venvs

#: The extras a user may install; the repository's own tools (dev, docs, bench) are dependency groups.
USER_EXTRAS = {
    "redis",
    "postgres",
    "sandbox",
    "cli",
    "django",
    "flask",
    "fastapi",
    "prometheus",
    "celery",
    "otel",
}


@pytest.fixture(scope="module")
def bare_venv(sdk_distributions: Distributions, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the SDK wheel and its runtime dependencies only (dependencies from pip's cache or
    the registry, as a user gets them); its bin directory."""
    venv = tmp_path_factory.mktemp("bare") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=120)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(sdk_distributions.wheel)],
        check=True,
        capture_output=True,
        timeout=300,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    return venv / "bin"


def _run(bin_dir: Path, *command: str) -> subprocess.CompletedProcess[str]:
    # A clean environment: nothing of this repository's sys.path may leak into the venv.
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "HOME": os.environ.get("HOME", "/")}
    return subprocess.run(
        [str(bin_dir / command[0]), *command[1:]],
        capture_output=True,
        text=True,
        env=env,
        cwd=bin_dir,
        timeout=120,
        check=False,
    )


def test_molam_without_the_cli_extra_says_which_extra_to_install(bare_venv: Path) -> None:
    gone = _run(bare_venv, "python", "-c", "import importlib.util as u; print(u.find_spec('typer'))")
    assert gone.stdout.strip() == "None", gone  # really installed without the extra
    for command in (("molam", "--help"), ("molam",), ("python", "-m", "molam_sdk_ext.cli", "--version")):
        result = _run(bare_venv, *command)
        assert result.returncode == 2, result
        assert result.stderr == MISSING_EXTRA + "\n"  # one line, no traceback
        assert result.stdout == ""
    assert "pip install 'molam-sdk[cli]'" in MISSING_EXTRA


def test_the_sdk_works_in_the_bare_venv(bare_venv: Path) -> None:
    """No extra is needed to import the clients (the CLI's absence breaks nothing else)."""
    code = "from molam_sdk_ext import Molam\nwith Molam(api_key='sk_test_first_hour') as molam: print('ok')"
    result = _run(bare_venv, "python", "-W", "error", "-c", code)
    assert (result.returncode, result.stdout) == (0, "ok\n"), result.stderr


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(archive.read(name).decode())


def test_published_metadata_has_a_license_and_only_user_extras(sdk_distributions: Distributions) -> None:
    metadata = _metadata(sdk_distributions.wheel)
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert set(metadata.get_all("Provides-Extra") or []) == USER_EXTRAS
    requirements = " ".join(metadata.get_all("Requires-Dist") or [])
    for tool in ("stripe", "pytest", "mypy", "ruff", "mkdocs", "openapi-python-client"):
        assert tool not in requirements
    with zipfile.ZipFile(sdk_distributions.wheel) as archive:
        assert any(n.endswith(".dist-info/licenses/LICENSE") for n in archive.namelist())


def test_the_sdist_holds_what_the_sdk_needs_only(sdk_distributions: Distributions) -> None:
    with tarfile.open(sdk_distributions.sdist) as archive:
        top = {name.split("/", 2)[1] for name in archive.getnames() if name.count("/") >= 1}
    assert top == {
        "molam_sdk",
        "molam_sdk_ext",
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        "pyproject.toml",
        "PKG-INFO",
        ".gitignore",  # hatchling adds the VCS ignore file to every sdist, unconditionally
    }


def test_the_sandbox_distribution_carries_the_same_license() -> None:
    """packaging/sandbox/LICENSE is a copy (license files must sit under the project's folder)."""
    assert (REPO_ROOT / "packaging" / "sandbox" / "LICENSE").read_bytes() == (
        REPO_ROOT / "LICENSE"
    ).read_bytes()


def test_twine_accepts_both_sdk_distributions(sdk_distributions: Distributions) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "twine",
            "check",
            "--strict",
            str(sdk_distributions.sdist),
            str(sdk_distributions.wheel),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2, result.stdout
