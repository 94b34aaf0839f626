"""Two releases cut from two spec revisions in a throw-away repository (issue 14).

Starting from v1.0.0: a new optional response field is a minor release (1.1.0); removing it is a major
one (2.0.0), refused until the removal is acknowledged. Each release writes the version, prepends its
changelog section (hand-written notes on top, the changed symbols below), builds and checks the four
artifacts, commits and tags. The fresh-venv smoke step is skipped here (`--skip-smoke`), the builds use
this venv's hatchling (`--no-build-isolation`) and the gates do not run (`--skip-gates`: this copy holds no
tests, bench or examples to check): tests/release/test_smoke.py runs the first two as a release does,
tests/release/test_gates.py the gates.
"""

from __future__ import annotations

import pytest

from generator.release.changelog import NOTES_HINT
from generator.release.semver import Version, read_version, write_version

from .repo import Repo

# The tests build on each other (the second release follows the first, in one module-scoped repository):
# serial, so make test runs them in its one-process pass, in file order.
pytestmark = pytest.mark.serial

DATE = "2026-12-06"
WALLET_OPS = "GET /v1/ma/wallets, GET /v1/ma/wallets/{id}"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """The project at version 1.0.0, released (tag v1.0.0)."""
    repo = Repo(tmp_path_factory.mktemp("release-repo"))
    write_version(repo.path, Version(1, 0, 0))
    (repo.path / "CHANGELOG.md").write_text(
        f"# Changelog\n\nOur releases.\n\n## Unreleased\n\n{NOTES_HINT}\n\n## 1.0.0 - 2026-01-01\n\nFirst.\n"
    )
    repo.commit("Release 1.0.0")
    repo.git("tag", "-a", "v1.0.0", "-m", "molam-sdk 1.0.0")
    return repo


def release(repo: Repo, *args: str) -> tuple[int, str]:
    dist = str(repo.path.parent / f"{repo.path.name}-dist")
    options = ["--skip-smoke", "--no-build-isolation", "--skip-gates", "--date", DATE, "--dist", dist]
    result = repo.run("release", *options, *args, check=False)
    return result.returncode, result.stdout + result.stderr


@pytest.mark.slow
def test_a_new_optional_field_is_a_minor_release(repo: Repo) -> None:
    spec = repo.spec()
    spec["components"]["schemas"]["Wallet"]["properties"]["nickname"] = {
        "type": ["string", "null"],
        "maxLength": 100,
        "description": "A name the owner gave the wallet.",
    }
    repo.write_spec(spec)
    changelog = repo.read("CHANGELOG.md").replace(
        "-->\n", "-->\n\nWallets can have a nickname: show it in your dashboard.\n", 1
    )
    (repo.path / "CHANGELOG.md").write_text(changelog)
    repo.commit("Wallet.nickname")

    before = repo.state()
    status, output = release(repo, "--dry-run")
    assert status == 0, output
    assert "next version:  1.1.0" in output
    assert f"- `Wallet.nickname`: new field ({WALLET_OPS})." in output
    assert "molam_sandbox-1.1.0-py3-none-any.whl" in output
    assert repo.state() == before  # a dry run changes nothing

    status, output = release(repo)
    assert status == 0, output
    assert read_version(repo.path) == Version(1, 1, 0)
    assert repo.git("cat-file", "-t", "v1.1.0") == "tag"  # annotated
    assert repo.git("describe", "--exact-match", "HEAD") == "v1.1.0"
    assert repo.git("status", "--porcelain") == ""
    assert repo.git("log", "-1", "--format=%s") == "Release 1.1.0"
    section = repo.read("CHANGELOG.md").split("## 1.1.0 - 2026-12-06\n", 1)[1]
    api_version = repo.spec()["info"]["version"]
    assert section.startswith(
        f"\nAPI version `{api_version}` (the default `Molam-Version`). Changes since v1.0.0.\n\n"
        "Wallets can have a nickname: show it in your dashboard.\n\n### Added\n\n"
        f"- `Wallet.nickname`: new field ({WALLET_OPS}).\n"
    )
    assert "Wallets can have a nickname" not in repo.read("CHANGELOG.md").split("## 1.1.0")[0]
    dist = sorted(p.name for p in (repo.path.parent / f"{repo.path.name}-dist").iterdir())
    assert dist == [
        "molam_sandbox-1.1.0-py3-none-any.whl",
        "molam_sandbox-1.1.0.tar.gz",
        "molam_sdk-1.1.0-py3-none-any.whl",
        "molam_sdk-1.1.0.tar.gz",
    ]
    assert "molam-sdk 1.1.0 (API version" in repo.git("tag", "-l", "--format=%(contents)", "v1.1.0")


@pytest.mark.slow
def test_removing_it_is_a_major_release_refused_until_acknowledged(repo: Repo) -> None:
    spec = repo.spec()
    del spec["components"]["schemas"]["Wallet"]["properties"]["nickname"]
    spec["info"]["version"] = "2026-12-01"  # a breaking wire change needs a new API version (test_gates.py)
    repo.write_spec(spec)
    repo.commit("drop Wallet.nickname (API version 2026-12-01)")

    before = repo.state()
    status, output = release(repo)
    assert status == 1, output
    assert "unacknowledged breaking change: response-property-removed: Wallet.nickname" in output
    assert "next version:  2.0.0" in output
    assert repo.state() == before  # refused: nothing written, committed or tagged
    assert read_version(repo.path) == Version(1, 1, 0)

    (repo.path / "spec/breaking-acknowledged.yaml").write_text(
        "- rule: response-property-removed\n"
        "  symbol: Wallet.nickname\n"
        "  reason: show `Wallet.name` instead; nicknames were never shown to payers\n"
    )
    repo.commit("acknowledge the removal of Wallet.nickname")
    status, output = release(repo)
    assert status == 0, output
    assert read_version(repo.path) == Version(2, 0, 0)
    assert repo.git("describe", "--exact-match", "HEAD") == "v2.0.0"
    changelog = repo.read("CHANGELOG.md")
    assert (
        f"### Breaking\n\n- `Wallet.nickname`: field removed ({WALLET_OPS}). "
        "Migration: show `Wallet.name` instead; nicknames were never shown to payers.\n"
    ) in changelog
    assert (
        "## 2.0.0 - 2026-12-06\n\nAPI version `2026-12-01` (the default `Molam-Version`), was `" in changelog
    )
    assert changelog.index("## 2.0.0 - 2026-12-06") < changelog.index("## 1.1.0 - 2026-12-06")
    assert changelog.endswith("## 1.0.0 - 2026-01-01\n\nFirst.\n")
    assert f"- `Wallet.nickname`: new field ({WALLET_OPS})." in changelog  # 1.1.0's section is kept


@pytest.mark.slow
def test_nothing_to_release_and_a_hand_edited_version_are_refused(repo: Repo) -> None:
    write_version(repo.path, Version(7, 0, 0))
    try:
        status, output = release(repo, "--dry-run")
    finally:
        repo.git("checkout", "--", "molam_sdk_ext/__init__.py")
    assert status == 1
    assert "nothing to release: HEAD is v2.0.0" in output
    assert "molam_sdk_ext/__init__.py says 7.0.0 but the last release is v2.0.0" in output
    assert "the working tree has uncommitted changes: molam_sdk_ext/__init__.py" in output
    assert not (repo.path / "dist").exists()  # artifacts went to --dist only


@pytest.mark.slow
def test_a_failing_step_restores_everything(repo: Repo) -> None:
    """A build that fails after the version and the changelog were written leaves no trace."""
    spec = repo.spec()
    spec["components"]["schemas"]["Wallet"]["properties"]["label"] = {"type": ["string", "null"]}
    repo.write_spec(spec)
    project = repo.path / "packaging/sandbox/pyproject.toml"
    project.write_text(project.read_text().replace('name = "molam-sandbox"', 'name = "molam sandbox!"'))
    repo.commit("Wallet.label, and a sandbox project hatch cannot build")

    before = repo.state()
    status, output = release(repo)
    assert status == 1, output
    assert "next version:  2.1.0" in output
    assert "building packaging/sandbox failed" in output
    assert "nothing was committed or tagged" in output
    assert repo.state() == before
    assert read_version(repo.path) == Version(2, 0, 0)
