"""What each distribution ships: the SDK wheel holds molam_sdk and molam_sdk_ext only; the sandbox is its own.

The wheels are built the way a release builds them (`python -m build`, hatchling), without network access.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.packaging import Distributions

pytestmark = pytest.mark.slow  # builds the SDK's and the sandbox's distributions

REPO_ROOT = Path(__file__).resolve().parents[2]


def build_wheel(project: Path, out: Path) -> zipfile.ZipFile:
    """Build the wheel of the project in `project` into `out` and open it."""
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(project)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = out.glob("*.whl")
    return zipfile.ZipFile(wheel)


@pytest.fixture(scope="module")
def sdk_wheel(sdk_distributions: Distributions) -> zipfile.ZipFile:
    return zipfile.ZipFile(sdk_distributions.wheel)


@pytest.fixture(scope="module")
def sandbox_wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    return build_wheel(REPO_ROOT / "packaging" / "sandbox", tmp_path_factory.mktemp("sandbox"))


def packages(wheel: zipfile.ZipFile) -> set[str]:
    return {
        name.split("/", 1)[0] for name in wheel.namelist() if not name.split("/", 1)[0].endswith(".dist-info")
    }


def test_the_sdk_wheel_holds_the_sdk_only(sdk_wheel: zipfile.ZipFile) -> None:
    names = sdk_wheel.namelist()
    assert packages(sdk_wheel) == {"molam_sdk", "molam_sdk_ext"}
    assert not [n for n in names if n.startswith("molam_sdk/api/") or n == "molam_sdk/client.py"]
    assert not [n for n in names if "/tests/" in n or n.startswith("tests/")]
    # No server code: at most the one-release alias module that says where the sandbox went.
    assert not [n for n in names if n.startswith("molam_sandbox/") or "/sandbox/" in n]
    assert "molam_sdk_ext/sandbox.py" in names
    assert "molam_sdk/py.typed" in names and "molam_sdk_ext/py.typed" in names


def test_the_sandbox_wheel_holds_the_server_and_plugs_into_the_cli(sandbox_wheel: zipfile.ZipFile) -> None:
    assert packages(sandbox_wheel) == {"molam_sandbox"}
    names = sandbox_wheel.namelist()
    assert "molam_sandbox/models.py" in names and "molam_sandbox/demo.py" in names
    assert "molam_sandbox/_spec/molam.yaml" in names  # the spec its engine serves
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    text = sandbox_wheel.read(entry_points).decode()
    assert "[molam.cli]" in text and "molam_sandbox.cli:register" in text
    (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    assert "Requires-Dist: molam-sdk" in sandbox_wheel.read(metadata).decode()


def test_the_old_module_path_says_where_the_sandbox_went() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "molam_sdk_ext.sandbox", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 0
    assert "moved to the molam_sandbox package" in result.stderr
    assert "--port" in result.stdout  # the real server's usage: the alias runs it
