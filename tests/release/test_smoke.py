"""The release's build, artifact checks and fresh-venv smoke test, on this repository as it is.

The two-release test skips the smoke step (`--skip-smoke`); this runs it once: both wheels installed in a
new venv (dependencies from pip's cache or the registry), imported from there, `molam --version`, a
sandbox started from that venv on a free loopback port and one payment intent created through the SDK.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import molam_sdk
from generator.release.cut import ReleaseError, artifact_names, build_artifacts, check_artifacts, smoke_test
from generator.release.semver import read_version

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_build_check_and_smoke_the_current_tree(tmp_path: Path) -> None:
    version = read_version(ROOT)
    paths = build_artifacts(ROOT, tmp_path / "dist")
    assert sorted(path.name for path in paths) == sorted(artifact_names(version))
    check_artifacts(paths, version)

    wheels = [path for path in paths if path.suffix == ".whl"]
    result = smoke_test(wheels, version, molam_sdk.API_VERSION, tmp_path)
    assert result["version"] == str(version)
    assert result["cli"] == f"molam {version} (API version {molam_sdk.API_VERSION})"
    assert result["payment_intent"].startswith("pi_") and result["status"] == "succeeded"
    assert result["sandbox"].startswith("http://127.0.0.1:")

    # the checks are real: a wheel carrying the sandbox inside the SDK is refused
    sdk_wheel = next(path for path in wheels if path.name.startswith("molam_sdk-"))
    with zipfile.ZipFile(sdk_wheel, "a") as wheel:
        wheel.writestr("molam_sandbox/__init__.py", "")
    with pytest.raises(ReleaseError, match=r"holds .*molam_sandbox"):
        check_artifacts(paths, version)
