"""Using the check from another repository: the CI script the GitHub Action runs (scripts/breaking-ci),
in a throw-away git repository, and the pre-commit hook through `pre-commit try-repo`.

Both run as another team would: in their own repository (a temporary one here, with a spec at
`api/openapi.yaml`, no Molam code), with this repository's checker reached through the script's path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.breaking.builders import base_spec, schema

REPO = Path(__file__).resolve().parents[2]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",  # python3 with PyYAML first
        "HOME": str(tmp_path),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    env.update(extra)
    return env


@pytest.fixture
def team_repo(tmp_path: Path) -> Path:
    """A team's repository: api/openapi.yaml committed, then a commit that removes a response property."""
    repo = tmp_path / "team"
    (repo / "api").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    spec = repo / "api" / "openapi.yaml"
    spec.write_text(yaml.safe_dump(base_spec(), sort_keys=False), encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    head = base_spec()
    schema(head, "PaymentIntent")["properties"].pop("capture_method")
    spec.write_text(yaml.safe_dump(head, sort_keys=False), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "drop capture_method")
    return repo


def _action(repo: Path, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    summary = tmp_path / "summary.md"
    settings = {
        "SPEC": "api/openapi.yaml",
        "BASE_REF": "HEAD~1",
        "ACK": "api/accepted.yaml",
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "PYTHON": sys.executable,
    }
    variables = _env(tmp_path, **{**settings, **env})
    return subprocess.run(
        ["bash", str(REPO / "scripts" / "breaking-ci")],
        cwd=repo,
        env=variables,
        capture_output=True,
        text=True,
    )


@pytest.mark.slow
def test_the_action_script_annotates_summarizes_and_fails_then_passes_once_acknowledged(
    team_repo: Path, tmp_path: Path
) -> None:
    done = _action(team_repo, tmp_path)
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    assert errors and all(line.startswith("::error file=api/openapi.yaml,line=") for line in errors)
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("**❌ Breaking-change check failed")
    assert (team_repo / ".breaking-report" / "breaking.xml").read_text().startswith("<?xml")
    # The team pastes the suggested entries, with their reason, and the check passes.
    entries = yaml.safe_load(summary.split("```yaml\n", 1)[1].split("```", 1)[0])
    for entry in entries:
        entry["reason"] = "capture_method moves to the capture call"
    (team_repo / "api" / "accepted.yaml").write_text(yaml.safe_dump(entries), encoding="utf-8")
    done = _action(team_repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert [line for line in done.stdout.splitlines() if line.startswith("::error")] == []


@pytest.mark.slow
def test_the_action_script_reports_policy_and_input_errors_by_exit_code(
    team_repo: Path, tmp_path: Path
) -> None:
    assert _action(team_repo, tmp_path, FAIL_ON="never").returncode == 0
    bad = _action(team_repo, tmp_path, BASE_REF="no-such-revision")
    assert bad.returncode == 2
    assert "no-such-revision" in bad.stderr


def _hook_repo(tmp_path: Path) -> Path:
    """This repository's hook, as a git repository of its own (what `rev:` would fetch)."""
    hooks = tmp_path / "hooks"
    shutil.copytree(REPO / "generator", hooks / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    (hooks / "scripts").mkdir()
    shutil.copy2(REPO / "scripts" / "breaking-hook", hooks / "scripts" / "breaking-hook")
    shutil.copy2(REPO / ".pre-commit-hooks.yaml", hooks / ".pre-commit-hooks.yaml")
    _git(hooks, "init", "-q", "-b", "main")
    _git(hooks, "add", ".")
    _git(hooks, "commit", "-q", "-m", "hooks")
    return hooks


@pytest.mark.slow
@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is in the dev extra")
def test_the_pre_commit_hook_blocks_a_breaking_spec_change(team_repo: Path, tmp_path: Path) -> None:
    hooks = _hook_repo(tmp_path)
    spec = team_repo / "api" / "openapi.yaml"
    head = yaml.safe_load(spec.read_text(encoding="utf-8"))
    schema(head, "PaymentIntent")["properties"].pop("currency")  # a breaking change, not yet committed
    spec.write_text(yaml.safe_dump(head, sort_keys=False), encoding="utf-8")
    _git(team_repo, "add", ".")
    command = [str(PRE_COMMIT), "try-repo", str(hooks), "openapi-breaking", "--all-files", "--verbose"]
    env = _env(tmp_path)
    done = subprocess.run(command, cwd=team_repo, env=env, capture_output=True, text=True)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "response-property-removed" in done.stdout  # found as an OpenAPI document among the files
    _git(team_repo, "checkout", "-q", "--", ".")
    _git(team_repo, "reset", "-q", "--hard")
    done = subprocess.run(command, cwd=team_repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert os.path.isdir(env["PRE_COMMIT_HOME"])
