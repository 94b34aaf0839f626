"""The release is gated on everything (issue 20, item 6), in a throw-away copy of the project.

A release refuses, naming the gate, when mypy --strict, the lint or the tests fail; when the wire contract
breaks under the same API version (`info.version`, sent as `Molam-Version`) unless `--same-api-version`
says why; from anywhere but `main`. Acknowledgements that matched nothing are pruned in the release commit
and listed. The gates run as subprocesses with the project's python; here they are pointed at small trees
(a red caller, a failing test, a stray import) so each test takes seconds, and the mypy one runs the real
`mypy --strict` gate on a real file. The full gates' commands are the Makefile's (test below).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import cli
from generator.release import cut as release
from generator.release.changelog import NOTES_HINT, Change
from generator.release.cut import (
    TEST_GATE_PATHS,
    ChangeReport,
    Gate,
    check_api_version,
    check_branch,
    fast_test_gate,
    lint_gate,
    plan_release,
    run_gate,
    typecheck_gate,
)
from generator.release.semver import Version, write_version
from generator.specdiff.rules import Bump

from .repo import ROOT, Repo

DATE = "2026-12-06"
API_VERSION = "2025-01-15"
#: The acknowledgement file's layout: a header, then groups of entries under a comment heading.
HEADER = "# Breaking changes we accept on purpose (see the README).\n\n"
NICKNAME_ACK = (
    "- rule: response-property-removed\n"
    "  pointer: /components/schemas/Wallet/properties/nickname\n"
    "  reason: show `Wallet.name` instead\n"
)
STALE_IN_GROUP = (
    "- rule: response-property-removed\n"
    "  pointer: /components/schemas/Wallet/properties/never_there\n"
    "  reason: a change that was reverted before any release\n"
)
STALE_GROUP = (
    "# Issue 11, shipped long ago:\n"
    "- rule: sdk-module-removed\n"
    "  symbol: molam_sdk_ext.long_gone\n"
    "  reason: released in an earlier version\n"
)


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """The project at 1.0.0, released (tag v1.0.0), whose wallets have a `nickname` to remove."""
    repo = Repo(tmp_path_factory.mktemp("gated-release"))
    write_version(repo.path, Version(1, 0, 0))
    (repo.path / "CHANGELOG.md").write_text(
        f"# Changelog\n\n## Unreleased\n\n{NOTES_HINT}\n\n## 1.0.0 - 2026-01-01\n"
    )
    (repo.path / release.ACK_FILE).write_text(HEADER)
    spec = repo.spec()
    spec["components"]["schemas"]["Wallet"]["properties"]["nickname"] = {"type": ["string", "null"]}
    repo.write_spec(spec)
    repo.commit("Release 1.0.0")
    repo.git("tag", "-a", "v1.0.0", "-m", "molam-sdk 1.0.0")
    return repo


@pytest.fixture
def repo(tagged: Repo) -> Iterator[Repo]:
    """The released project, back at v1.0.0 on `main` with no later tag, for each test."""
    tagged.git("checkout", "-q", "-f", "main")
    tagged.git("reset", "-q", "--hard", "v1.0.0")
    tagged.git("clean", "-q", "-fdx")
    for tag in tagged.git("tag", "-l").split():
        if tag != "v1.0.0":
            tagged.git("tag", "-d", tag)
    yield tagged


@pytest.fixture
def reuse_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """Within one test, the breaking-change report and the drift check of a commit are computed once: a
    second plan of the same HEAD (a dry run, then the release) reuses them. They take most of a plan's time
    (the SDK surface of two revisions, a regeneration); the gates and the release steps still run."""
    reports: dict[tuple[Path, str, str], ChangeReport] = {}
    drift: dict[tuple[Path, str], list[str]] = {}
    compute_report, compute_drift = release.change_report, release.check_generated

    def change_report(path: Path, base: str) -> ChangeReport:
        key = (path, release._git(path, "rev-parse", "HEAD"), base)
        if key not in reports:
            reports[key] = compute_report(path, base)
        return reports[key]

    def check_generated(path: Path) -> list[str]:
        key = (path, release._git(path, "rev-parse", "HEAD"))
        if key not in drift:
            drift[key] = compute_drift(path)
        return drift[key]

    monkeypatch.setattr(release, "change_report", change_report)
    monkeypatch.setattr(release, "check_generated", check_generated)


def drop_nickname(repo: Repo, api_version: str = API_VERSION) -> None:
    """A breaking wire change (a response field removed), regenerated; `info.version` as given."""
    spec = repo.spec()
    del spec["components"]["schemas"]["Wallet"]["properties"]["nickname"]
    spec["info"]["version"] = api_version
    repo.write_spec(spec)


def plan(repo: Repo, **options: Any) -> release.Plan:
    """The release plan with no gate (the gates have their own tests)."""
    return plan_release(repo.path, date=DATE, gates=(), **options)


# --- mypy, lint, tests ---------------------------------------------------------------------------------


RED_CALLER = '''"""A hand-written caller, as examples/ holds, of the release's version type."""

from generator.release.semver import Version


def next_minor(current: Version) -> str:
    """The next minor release's tag."""
    return current.bump  # a method, not the tag: mypy --strict says so
'''
GREEN_CALLER = RED_CALLER.replace(
    "import Version", "import Version\nfrom generator.specdiff.rules import Bump"
).replace("current.bump  # a method, not the tag: mypy --strict says so", "current.bump(Bump.MINOR).tag")


@pytest.mark.slow
def test_a_red_mypy_refuses_the_release_naming_mypy(
    repo: Repo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real `mypy --strict` gate, on a tree holding one red caller: refused, the line names mypy, the
    file and the error; nothing changes. Green once the caller is fixed."""
    (repo.path / "callers").mkdir()
    (repo.path / "callers" / "checkout.py").write_text(RED_CALLER)
    repo.commit("a caller with a type error")
    gates = (typecheck_gate(repo.path, paths=["callers"], examples=()),)
    monkeypatch.setattr(release, "default_gates", lambda path: gates)

    before = repo.state()
    status = cli.release(["--repo", str(repo.path), "--skip-smoke", "--no-build-isolation", "--date", DATE])
    output = capsys.readouterr()
    assert status == 1
    refusals = output.out.split("the release refuses:\n", 1)[1].splitlines()
    assert len(refusals) == 1, refusals  # the only reason: one line
    assert re.fullmatch(
        r"  - mypy --strict failed: callers/checkout\.py:8: error: Incompatible return value type "
        r'\(got "Callable\[.*\]", expected "str"\)  \[return-value\] \(rerun: make typecheck\)',
        refusals[0],
    ), refusals[0]
    assert re.search(r"    mypy --strict  FAILED +\d+\.\d s", output.out)
    assert "gate mypy --strict: FAILED" in output.err
    assert repo.state() == before

    (repo.path / "callers" / "checkout.py").write_text(GREEN_CALLER)
    repo.commit("the caller is fixed")
    green = run_gate(gates[0], repo.path, release.project_python(repo.path))
    assert green.passed, green.problem


@pytest.mark.slow
def test_a_failing_test_is_refused_naming_it(repo: Repo) -> None:
    """The test gate quotes pytest's summary line of the first failed test."""
    (repo.path / "checks").mkdir()
    (repo.path / "checks" / "test_totals.py").write_text(
        '"""A tiny suite."""\n\n\ndef test_sum() -> None:\n    assert sum([1, 2]) == 3\n\n\n'
        "def test_total() -> None:\n    assert sum([1, 2]) == 4\n"
    )
    result = run_gate(fast_test_gate(["checks/test_totals.py"]), repo.path, release.project_python(repo.path))
    assert not result.passed
    assert result.problem == (
        "tests failed: FAILED checks/test_totals.py::test_total - assert 3 == 4 "
        "(rerun: python -m pytest checks/test_totals.py)"
    )


@pytest.mark.slow
def test_a_lint_error_is_refused_naming_it(repo: Repo) -> None:
    """The lint gate (spec rules, ruff check, ruff format --check) quotes ruff's line."""
    (repo.path / "callers").mkdir()
    (repo.path / "callers" / "stray.py").write_text('"""Stray."""\n\nimport os\n')
    gate = lint_gate(check_paths=["callers"], format_paths=["callers"])
    result = run_gate(gate, repo.path, release.project_python(repo.path))
    assert (
        result.problem
        == "lint failed: callers/stray.py:3:8: F401 [*] `os` imported but unused (rerun: make lint)"
    )
    (repo.path / "callers" / "stray.py").write_text('"""Stray."""\n\nimport os\n\nSEP=os.sep\n')
    result = run_gate(gate, repo.path, release.project_python(repo.path))
    assert result.problem == (
        "lint failed: callers/stray.py:5:4: unformatted: File would be reformatted (rerun: make lint)"
    )
    (repo.path / "callers" / "stray.py").write_text('"""Stray."""\n\nimport os\n\nSEP = os.sep\n')
    assert run_gate(gate, repo.path, release.project_python(repo.path)).passed


def test_every_gate_runs_even_after_one_failed() -> None:
    """One run lists every reason: a gate's later commands run after an earlier one failed."""
    gate = Gate(
        "two", (("-c", "raise SystemExit('first: broken')"), ("-c", "print('x.py:1: second')")), "make two"
    )
    result = run_gate(gate, ROOT, release.project_python(ROOT))
    assert result.problem == "two failed: first: broken (rerun: make two)"
    gate = Gate(
        "two", (("-c", "pass"), ("-c", "print('x.py:1: a'); print('y.py:2: b'); raise SystemExit(1)")), "x"
    )
    assert (
        run_gate(gate, ROOT, release.project_python(ROOT)).problem
        == "two failed: x.py:1: a (+1 more) (rerun: x)"
    )


def test_the_gates_run_what_make_test_runs() -> None:
    """The mypy and lint gates run the Makefile's `typecheck` and `lint` commands, on the same paths; the
    test gate holds the drill and the CLI tests, and README "Releases" names exactly its paths."""
    makefile = (ROOT / "Makefile").read_text()
    typecheck = re.search(r"^typecheck:.*\n\t(.*)\n\t(.*)\n", makefile, re.MULTILINE)
    assert typecheck is not None
    one_run = typecheck[1].split("mypy --strict ", 1)[1].replace("$(wildcard examples/*.py)", "").split()
    files = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "examples").glob("*.py"))
    projects = sorted(
        path.relative_to(ROOT).as_posix() + "/"
        for path in (ROOT / "examples").glob("*/")
        if not path.name.startswith("_")  # the __pycache__ a test run leaves
    )
    assert "for project in $(EXAMPLE_PROJECTS)" in typecheck[2] and "mypy --strict $$project" in typecheck[2]
    gate = typecheck_gate(ROOT)
    assert gate.commands == (
        ("-m", "mypy", "--strict", *one_run, *files),
        *(("-m", "mypy", "--strict", project) for project in projects),
    )
    assert len(projects) >= 2  # the two Django projects: each in its own run

    lint = re.search(r"^lint:.*\n\t(.*)\n\t(.*)\n\t(.*)\n", makefile, re.MULTILINE)
    assert lint is not None
    spec_rules, check, fmt = lint_gate().commands
    assert lint[1].endswith("-m generator lint") and spec_rules == ("-m", "generator", "lint")
    assert lint[2].endswith("ruff check .") and check[-1] == "."
    assert lint[3].split("ruff format --check ", 1)[1].split() == list(fmt[fmt.index("concise") + 1 :])

    assert {"tests/drill", "tests/cli"} <= set(TEST_GATE_PATHS)
    readme = (ROOT / "README.md").read_text().split("## Releases", 1)[1].split("\n## ", 1)[0]
    assert f"pytest {' '.join(TEST_GATE_PATHS)}" in readme.replace("\n", " ")


@pytest.mark.slow
def test_a_release_is_cut_from_main(repo: Repo) -> None:
    """Not from a feature branch, not from a detached HEAD."""
    assert check_branch(repo.path) == []
    repo.git("switch", "-q", "-c", "feature")
    assert check_branch(repo.path) == ["HEAD is on branch feature: release from `main` (git switch main)"]
    repo.git("checkout", "-q", "--detach")
    assert check_branch(repo.path) == ["HEAD is detached: release from `main` (git switch main)"]


# --- a breaking wire change needs a new API version -------------------------------------------------------


def _change(rule: str, source: str, severity: str = "breaking") -> Change:
    return Change(rule, severity, "major", "changed", "Wallet.nickname", acknowledged=True, source=source)


def test_only_breaking_changes_of_the_wire_need_a_new_api_version() -> None:
    """An SDK-surface break (a renamed Python name) or a wire addition leaves `Molam-Version` alone."""
    python_only = ChangeReport(Bump.MAJOR, (_change("sdk-name-removed", "sdk"),), "v1.0.0")
    assert check_api_version(python_only, API_VERSION, API_VERSION, "v1.0.0") == []
    addition = ChangeReport(Bump.MINOR, (_change("response-property-added", "spec", "info"),), "v1.0.0")
    assert check_api_version(addition, API_VERSION, API_VERSION, "v1.0.0") == []
    wire = ChangeReport(Bump.MAJOR, (_change("response-property-removed", "spec"),) * 2, "v1.0.0")
    assert check_api_version(wire, API_VERSION, API_VERSION, "v1.0.0") == [
        "breaking wire change since v1.0.0 (response-property-removed: Wallet.nickname (+1 more)) with the "
        f"same API version {API_VERSION}: change info.version in spec/molam.yaml (the Molam-Version clients "
        "pin), or release with --same-api-version REASON (make release SAME_API_VERSION='...') saying why "
        f"clients pinned to {API_VERSION} are not broken"
    ]
    assert check_api_version(wire, "2026-06-01", API_VERSION, "v1.0.0") == []
    assert check_api_version(wire, API_VERSION, API_VERSION, "v1.0.0", "never sent by the API") == []
    assert check_api_version(wire, API_VERSION, None, "the initial state") == []  # the first release


@pytest.mark.slow
@pytest.mark.usefixtures("reuse_reports")
def test_a_breaking_wire_change_under_the_same_api_version_is_refused_until_acknowledged(repo: Repo) -> None:
    """Acknowledged for Python callers (spec/breaking-acknowledged.yaml) is not enough: the wire changed
    under the same `Molam-Version`. `--same-api-version REASON` accepts it and the changelog says why."""
    (repo.path / release.ACK_FILE).write_text(HEADER + NICKNAME_ACK)
    drop_nickname(repo)
    repo.commit("drop Wallet.nickname, acknowledged, same API version")

    refused = plan(repo)
    assert refused.problems == [
        "breaking wire change since v1.0.0 (response-property-removed: Wallet.nickname) with the same API "
        f"version {API_VERSION}: change info.version in spec/molam.yaml (the Molam-Version clients pin), or "
        "release with --same-api-version REASON (make release SAME_API_VERSION='...') saying why clients "
        f"pinned to {API_VERSION} are not broken"
    ]

    reason = "the API never sent nickname: the spec described a field that was not there"
    accepted = plan(repo, same_api_version=reason)
    assert accepted.problems == []
    assert accepted.section.splitlines()[2:5] == [
        f"API version `{API_VERSION}` (the default `Molam-Version`). Changes since v1.0.0.",
        "",
        f"The API version did not change despite the breaking changes below: {reason}.",
    ]
    assert f"unchanged across breaking wire changes: {reason}" in release.describe(accepted, dry_run=True)


# --- stale acknowledgements ---------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.usefixtures("reuse_reports")
def test_a_new_api_version_is_released_and_stale_acknowledgements_are_pruned(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    """A breaking wire change with a new `info.version` is released (no flag needed: one given anyway stays
    out of the changelog). The dry run lists the acknowledgements the release would prune; the release
    removes exactly those entries (and a heading left with no entry) in its own commit, keeps the one that
    matched, and says loudly that it skipped the gates."""
    acks = HEADER + "# Issue 99, this release:\n" + NICKNAME_ACK + STALE_IN_GROUP + STALE_GROUP
    (repo.path / release.ACK_FILE).write_text(acks)
    drop_nickname(repo, api_version="2026-06-01")
    repo.commit("drop Wallet.nickname in API version 2026-06-01")
    dist = str(repo.path.parent / "gated-dist")
    options = ["--repo", str(repo.path), "--skip-gates", "--skip-smoke", "--no-build-isolation"]
    options += ["--date", DATE, "--dist", dist]

    before = repo.state()
    assert cli.release(["--dry-run", "--same-api-version", "not needed", *options]) == 0
    dry = capsys.readouterr()
    assert (
        f"API version `2026-06-01` (the default `Molam-Version`), was `{API_VERSION}`. Changes since v1.0.0.\n"
    ) in dry.out
    assert "not needed" not in dry.out.split("  artifacts (dist/):")[0]  # the changelog section
    assert (
        "  note:          --same-api-version is not needed (no breaking wire change, or info.version changed): "
        "its reason is left out of the changelog\n"
    ) in dry.out
    assert (
        "  stale acknowledgements: 2 entries of spec/breaking-acknowledged.yaml matched nothing since v1.0.0; "
        "the release commit removes them:\n"
        "    - response-property-removed: /components/schemas/Wallet/properties/never_there\n"
        "    - sdk-module-removed: molam_sdk_ext.long_gone\n"
    ) in dry.out
    assert release.SKIPPED_GATES in dry.out and dry.err.startswith(release.SKIPPED_GATES)
    assert repo.state() == before  # listed, not pruned

    assert cli.release(options) == 0
    done = capsys.readouterr()
    assert "pruned 2 stale acknowledgement(s) from spec/breaking-acknowledged.yaml" in done.out
    assert done.out.rstrip().endswith(release.SKIPPED_GATES)
    assert repo.read(release.ACK_FILE) == HEADER + "# Issue 99, this release:\n" + NICKNAME_ACK
    assert repo.git("show", "--format=%s", "--name-only", "HEAD").splitlines() == [
        "Release 2.0.0",
        "",
        "CHANGELOG.md",
        "molam_sdk_ext/__init__.py",
        "spec/breaking-acknowledged.yaml",
    ]
    assert repo.git("status", "--porcelain") == ""
    assert release.SKIPPED_GATES in repo.git("tag", "-l", "--format=%(contents)", "v2.0.0")
    assert "Migration: show `Wallet.name` instead." in repo.read("CHANGELOG.md")


def test_make_typecheck_skips_the_bytecode_cache_of_examples(tmp_path: Path) -> None:
    """A test run leaves examples/__pycache__/ (`make test-fast` caches bytecode): `make typecheck` must not
    run mypy on it ("no .py files" fails the run), as the release's gate does not."""
    (tmp_path / "Makefile").write_text((ROOT / "Makefile").read_text())
    for project in ("examples/__pycache__", "examples/shop"):
        (tmp_path / project).mkdir(parents=True)
    printed = subprocess.run(
        ["make", "-s", "--eval=print-projects: ; @echo $(EXAMPLE_PROJECTS)", "print-projects"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert printed == ["examples/shop/"]
    assert [c[-1] for c in typecheck_gate(tmp_path).commands[1:]] == printed
