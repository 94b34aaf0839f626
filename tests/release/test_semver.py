"""Release version rules (generator/release/semver.py): the bump a change needs, 0.x, and the one version file."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.release.semver import Version, VersionError, next_version, read_version, write_version
from generator.specdiff.rules import Bump


@pytest.mark.parametrize(
    ("previous", "bump", "expected"),
    [
        ("1.4.2", Bump.MAJOR, "2.0.0"),
        ("1.4.2", Bump.MINOR, "1.5.0"),
        ("1.4.2", Bump.PATCH, "1.4.3"),
        ("1.4.2", Bump.NONE, "1.4.3"),  # no spec change: the hand-written code changed, still a patch
        # 0.x: one place to the right; a breaking change never hides in a patch
        ("0.1.4", Bump.MAJOR, "0.2.0"),
        ("0.1.4", Bump.MINOR, "0.1.5"),
        ("0.1.4", Bump.PATCH, "0.1.5"),
        ("0.1.4", Bump.NONE, "0.1.5"),
    ],
)
def test_bump(previous: str, bump: Bump, expected: str) -> None:
    assert str(Version.parse(previous).bump(bump)) == expected


def test_an_explicit_version_may_go_further_never_lower() -> None:
    assert next_version(Version(0, 9, 1), Bump.MINOR, Version(1, 0, 0)) == Version(1, 0, 0)
    with pytest.raises(VersionError, match=r"0\.9\.2 is below 0\.10\.0"):
        next_version(Version(0, 9, 1), Bump.MAJOR, Version(0, 9, 2))


@pytest.mark.parametrize("text", ["1.2", "1.2.3rc1", "01.2.3", "1.2.3.4", "", "v"])
def test_only_release_versions_parse(text: str) -> None:
    with pytest.raises(VersionError):
        Version.parse(text)


def test_the_version_file_changes_in_one_line(tmp_path: Path) -> None:
    init = tmp_path / "molam_sdk_ext" / "__init__.py"
    init.parent.mkdir()
    init.write_text('"""Doc."""\n\n#: The version.\n__version__ = "0.1.0"\n\nx = "__version__"\n')
    assert read_version(tmp_path) == Version(0, 1, 0)
    write_version(tmp_path, Version(0, 2, 0))
    assert init.read_text() == '"""Doc."""\n\n#: The version.\n__version__ = "0.2.0"\n\nx = "__version__"\n'
    init.write_text('__version__ = "0.1.0"\n__version__ = "0.2.0"\n')
    with pytest.raises(VersionError, match="exactly one line"):
        read_version(tmp_path)


@pytest.mark.slow  # runs `molam --version` in a fresh interpreter
def test_the_repository_version_is_read_by_every_consumer() -> None:
    """The package, `molam --version` and the User-Agent all say what the version file says."""
    import subprocess
    import sys

    import molam_sdk
    import molam_sdk_ext
    from molam_sdk_ext.observability.telemetry import user_agent

    root = Path(__file__).resolve().parents[2]
    version = str(read_version(root))
    assert molam_sdk_ext.__version__ == version
    assert user_agent().startswith(f"molam-python/{version} ")
    cli = subprocess.run(
        [sys.executable, "-m", "molam_sdk_ext.cli", "--version"], capture_output=True, text=True, timeout=60
    )
    assert cli.stdout.strip() == f"molam {version} (API version {molam_sdk.API_VERSION})"
