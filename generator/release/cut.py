"""`python -m generator release`: cut a release whose version and changelog follow the spec diff, gated on
everything `make test` checks.

    python -m generator release [--dry-run] [--base REF] [--version X.Y.Z] [--same-api-version REASON]
        [--skip-smoke] [--no-build-isolation] [--skip-gates] [--date YYYY-MM-DD] [--repo DIR] [--dist DIR]

1. The last release is the nearest annotated tag `vX.Y.Z` reachable from HEAD. The spec is compared with
   it (or with `--base`), through the breaking-change report (`python -m generator breaking --format
   json`, see `change_report`): that report's JSON is the only thing read, so every finding it carries,
   spec or SDK surface, reaches the version and the changelog.
2. The next version follows generator/release/semver.py (breaking -> major, addition -> minor, otherwise
   patch; one place to the right below 1.0.0). Without a tag this is the first release: the version written in
   molam_sdk_ext/__init__.py as it is, compared with `--base` or with an empty spec (the initial state).
3. It refuses (exit 1, nothing changed, one line per reason) unless, every check running even after one
   failed: HEAD is `main` (`check_branch`) with a clean working tree (`check_clean`); something was
   committed since the last release, whose version the version file still holds, and the tag is new;
   every breaking change is acknowledged in spec/breaking-acknowledged.yaml; a breaking change of the wire
   contract comes with a new `info.version` (the `Molam-Version`), or `--same-api-version REASON` says why
   not (`check_api_version`; the reason goes into the changelog); the generated code is what the spec
   generates (`check_generated`); and the gates pass (`default_gates`: `lint_gate`, `typecheck_gate`,
   `fast_test_gate`, the Makefile's `lint`, `typecheck` and a documented subset of the tests), each run
   by `run_gate` as subprocesses with the project's venv python.
4. Otherwise it writes the version (molam_sdk_ext/__init__.py, the one place), prepends a section to
   CHANGELOG.md (the notes under `## Unreleased` on top, then lines generated from the findings, see
   generator/release/changelog.py), removes the acknowledgements that matched nothing from
   spec/breaking-acknowledged.yaml (`prune_acks`, listed in the output), builds the sdist and wheel of
   molam-sdk (pyproject.toml) and molam-sandbox (packaging/sandbox), checks them (`twine check --strict`,
   names, versions, wheel contents), installs the two wheels into a fresh venv and runs
   generator/release/smoke_script.py there (imports, `molam --version`, a sandbox from that venv on a free
   loopback port, one payment intent through the SDK), then commits "Release X.Y.Z" and creates the
   annotated tag `vX.Y.Z`. The artifacts end up in dist/. If any step fails, the files are restored and
   nothing is committed or tagged.

`--dry-run` prints the plan (next version, the changelog section, the artifacts, the acknowledgements it
would prune, each gate's result and time, every refusal) and changes nothing; it runs the gates too, and
its exit status is 1 when the real release would refuse. `--skip-smoke` leaves out the fresh-venv step and
`--no-build-isolation` builds with this environment's hatchling instead of a fresh one per build (offline
and faster: for tests that cut several releases; the isolated build and the smoke step have their own
test). `--skip-gates` leaves out lint, mypy and the tests, for the tests of this command only (on copies
of the project that hold no tests): never the default, printed first and in the plan, and written into
the tag's message.
"""

from __future__ import annotations

import datetime as dt
import email.parser
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.release.changelog import (
    CHANGELOG_FILE,
    ApiNames,
    Change,
    ChangelogError,
    SectionInfo,
    render_section,
    unreleased_notes,
    with_release,
)
from generator.release.semver import (
    VERSION_FILE,
    Version,
    VersionError,
    next_version,
    read_version,
    write_version,
)
from generator.specdiff.acks import AckError, Acknowledgement, parse_acks, prune_acks
from generator.specdiff.rules import Bump

__all__ = [
    "ChangeReport",
    "Gate",
    "GateResult",
    "Plan",
    "ReleaseError",
    "artifact_names",
    "build_artifacts",
    "change_report",
    "check_api_version",
    "check_artifacts",
    "check_branch",
    "check_clean",
    "check_generated",
    "default_gates",
    "execute",
    "fast_test_gate",
    "lint_gate",
    "plan_release",
    "project_python",
    "run_gate",
    "smoke_test",
    "typecheck_gate",
]

SPEC_FILE = "spec/molam.yaml"
SANDBOX_PROJECT = "packaging/sandbox"
ACK_FILE = "spec/breaking-acknowledged.yaml"
#: The "initial state" a first release is compared with when no `--base` is given: a spec with nothing.
EMPTY_SPEC = "openapi: 3.1.0\ninfo: {title: nothing released yet, version: ''}\npaths: {}\n"
#: The distributions a release builds: (name in file names, project directory relative to the root).
DISTRIBUTIONS = (("molam_sdk", "."), ("molam_sandbox", SANDBOX_PROJECT))
#: Top-level entries each wheel may hold besides its .dist-info (the SDK wheel never ships the sandbox).
WHEEL_PACKAGES = {"molam_sdk": {"molam_sdk", "molam_sdk_ext"}, "molam_sandbox": {"molam_sandbox"}}
#: Never in a wheel: openapi-python-client's own client (no retries, breaker or idempotency) and tests.
UNSHIPPED = ("molam_sdk/api/", "molam_sdk/client.py", "molam_sdk_ext/sandbox/")


class ReleaseError(Exception):
    """A step of the release failed or cannot run; the message says which and why."""


# --- the breaking-change report: the one interface to the comparison ----------------------------------


@dataclass(frozen=True, slots=True)
class ChangeReport:
    """What the release reads from `python -m generator breaking --format json`."""

    verdict: Bump
    changes: tuple[Change, ...]
    base_label: str
    note: str | None = None
    #: Entries of spec/breaking-acknowledged.yaml that matched no finding: the release prunes them.
    unused_acks: tuple[Acknowledgement, ...] = ()

    @property
    def blocking(self) -> tuple[Change, ...]:
        """Breaking changes nobody acknowledged: the release refuses while there is one."""
        return tuple(change for change in self.changes if change.breaking and not change.acknowledged)

    def count(self, severity: str) -> int:
        """How many changes have `severity` (`breaking`, `warning`, `info`)."""
        return sum(1 for change in self.changes if change.severity == severity)

    @property
    def breaking_wire(self) -> tuple[Change, ...]:
        """Breaking changes of the wire contract (the spec), acknowledged or not: clients pinned to the API
        version see them, so they need a new `info.version` (see `check_api_version`)."""
        return tuple(change for change in self.changes if change.breaking and change.wire)


def parse_report(document: Any) -> ChangeReport:
    """Read the report's JSON. Findings are taken from `findings` and from any `findings` list one level
    down (a section such as the SDK surface's), so a new kind of finding needs no change here."""
    if not isinstance(document, dict) or not isinstance(document.get("findings"), list):
        raise ReleaseError("the breaking-change report has no `findings` list")
    raw: list[Any] = list(document["findings"])
    for value in document.values():
        if isinstance(value, dict) and isinstance(value.get("findings"), list):
            raw += value["findings"]
    try:
        changes = tuple(Change.from_json(item) for item in raw)
        verdict = Bump(document.get("verdict", "none"))
        bumps = [Bump(change.bump) for change in changes]
        unused = tuple(parse_acks(document.get("unused_acknowledgements") or [], "unused_acknowledgements"))
    except (ChangelogError, ValueError) as exc:  # AckError is a ValueError
        raise ReleaseError(f"unreadable breaking-change report: {exc}") from exc
    verdict = max([verdict, *bumps], key=lambda bump: bump.rank)
    return ChangeReport(verdict, changes, str(document.get("base", "")), document.get("note"), unused)


def change_report(repo: Path, base: str) -> ChangeReport:
    """The breaking-change report of `repo`'s spec against `base` (a git revision or a spec file)."""
    command = [sys.executable, "-m", "generator", "breaking", "--base", base, "--format", "json"]
    command += ["--head", SPEC_FILE, "--repo", "."]
    result = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):  # 1 only says a breaking change is unacknowledged
        raise ReleaseError(f"the breaking-change report failed: {result.stderr.strip() or result.stdout}")
    try:
        return parse_report(json.loads(result.stdout))
    except json.JSONDecodeError as exc:
        raise ReleaseError(f"the breaking-change report is not JSON: {exc}") from exc


# --- git --------------------------------------------------------------------------------------------------


def _git(repo: Path, *args: str, check: bool = True) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise ReleaseError(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout.rstrip() if result.returncode == 0 else ""


def last_release(repo: Path) -> Version | None:
    """The version of the nearest annotated `vX.Y.Z` tag reachable from HEAD, or None before the first."""
    tag = _git(repo, "describe", "--abbrev=0", "--match", "v[0-9]*.[0-9]*.[0-9]*", "HEAD", check=False)
    if not tag:
        return None
    try:
        return Version.parse(tag)
    except VersionError as exc:
        raise ReleaseError(f"the last release tag {tag!r} is not vX.Y.Z: {exc}") from exc


def _spec_data(text: str | None) -> Any:
    """A spec's text parsed (None when there is none or it is not YAML)."""
    if text is None:
        return None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None


def _api_version(data: Any) -> str | None:
    """`info.version` of a parsed spec."""
    info = data.get("info") if isinstance(data, dict) else None
    version = info.get("version") if isinstance(info, dict) else None
    return version if isinstance(version, str) and version else None


# --- the checks: cheap ones on git and the generated code, then the gates (lint, mypy, tests) ---------------

#: The branch releases are cut from.
RELEASE_BRANCH = "main"
#: `ruff format --check` targets: the Makefile's `lint` target.
FORMAT_PATHS = ("molam_sdk_ext", "molam_sandbox", "generator", "tests")
#: `mypy --strict` targets of the Makefile's `typecheck` target, checked in one run with examples/*.py; each
#: examples/*/ project gets its own run (two Django projects both have a manage.py).
TYPECHECK_PATHS = ("molam_sdk", "molam_sdk_ext", "molam_sandbox", "generator", "bench", "tests")
#: The release's fast test gate (README "Releases" says why it is enough): what a spec change reaches.
TEST_GATE_PATHS = ("tests/drill", "tests/cli", "tests/sandbox", "tests/generated", "tests/spec")
#: A gate that runs longer than this has hung: it fails rather than holding the release forever.
GATE_TIMEOUT = 1800.0
#: Lines of a gate's output that name one problem each, most telling first: pytest's `FAILED` / `ERROR`
#: summary lines (its tracebacks also hold `path:line:` lines), then `path:line: ...` (mypy, ruff, the spec
#: lint, ruff's concise output), then older ruff's `Would reformat:`.
_PROBLEM_LINES = (
    re.compile(r"^(FAILED|ERROR) "),
    re.compile(r"^\S+:\d+(:\d+)?: "),
    re.compile(r"^Would reformat: "),
)


def check_branch(repo: Path) -> list[str]:
    """A release is cut from `main`, never from a feature branch or a detached HEAD."""
    branch = _git(repo, "symbolic-ref", "-q", "--short", "HEAD", check=False)
    if branch == RELEASE_BRANCH:
        return []
    where = f"on branch {branch}" if branch else "detached"
    return [f"HEAD is {where}: release from `{RELEASE_BRANCH}` (git switch {RELEASE_BRANCH})"]


def check_clean(repo: Path) -> list[str]:
    """The release commits exactly what was tested: no uncommitted or untracked change may be around."""
    status = _git(repo, "status", "--porcelain", "--untracked-files=normal")
    if not status:
        return []
    lines = status.splitlines()
    shown = ", ".join(line[3:] for line in lines[:5]) + (
        f" (+{len(lines) - 5} more)" if len(lines) > 5 else ""
    )
    return [f"the working tree has uncommitted changes: {shown}; release from a clean checkout"]


def check_generated(repo: Path) -> list[str]:
    """`python -m generator check`: the committed generated code is what the spec generates."""
    drift = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=repo, capture_output=True, text=True, check=False
    )
    if drift.returncode == 0:
        return []
    return ["the generated code is not what the spec generates: run `make generate` and commit"]


def check_api_version(
    report: ChangeReport,
    api_version: str,
    previous_api_version: str | None,
    base: str,
    same_api_version: str | None = None,
) -> list[str]:
    """A breaking change of the wire contract needs a new API version (`info.version`, sent as
    `Molam-Version`): clients pinned to the old one would otherwise see it change under them. Refuses when
    the spec's breaking findings are not empty and `info.version` is the base's, unless `same_api_version`
    gives the reason it may stay (it is printed in the changelog). The SDK acknowledgements in
    spec/breaking-acknowledged.yaml do not count: they accept the break for Python callers, not for the wire.
    """
    wire = report.breaking_wire
    if not wire or previous_api_version != api_version or same_api_version:
        return []
    first = wire[0]
    more = f" (+{len(wire) - 1} more)" if len(wire) > 1 else ""
    return [
        f"breaking wire change since {base} ({first.rule}: {first.symbol}{more}) with the same API version "
        f"{api_version}: change info.version in {SPEC_FILE} (the Molam-Version clients pin), or release "
        f"with --same-api-version REASON (make release SAME_API_VERSION='...') saying why clients pinned to "
        f"{api_version} are not broken"
    ]


@dataclass(frozen=True, slots=True)
class Gate:
    """One gate of the release: commands run in the repository with the project's python (`python ARGS`,
    modules only, so the venv's own tools run); it passes when every command exits 0."""

    name: str
    commands: tuple[tuple[str, ...], ...]
    #: How a person reruns the gate to see everything it found (the release prints one line).
    rerun: str
    env: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class GateResult:
    """How one gate went: its refusal line when it failed, and how long it took."""

    name: str
    seconds: float
    problem: str | None = None

    @property
    def passed(self) -> bool:
        """True when every command of the gate exited 0."""
        return self.problem is None


def lint_gate(check_paths: Sequence[str] = (".",), format_paths: Sequence[str] = FORMAT_PATHS) -> Gate:
    """`make lint`: the spec's own rules, `ruff check` over `check_paths` (the whole tree) and `ruff format
    --check` over `format_paths`."""
    return Gate(
        "lint",
        (
            ("-m", "generator", "lint"),
            ("-m", "ruff", "check", "--output-format", "concise", *check_paths),
            ("-m", "ruff", "format", "--check", "--output-format", "concise", *format_paths),
        ),
        "make lint",
    )


def typecheck_gate(
    repo: Path, paths: Sequence[str] = TYPECHECK_PATHS, examples: Sequence[str] | None = None
) -> Gate:
    """`make typecheck`: `mypy --strict` over `paths` and examples/*.py in one run, then each examples/*/
    project in its own. `examples` replaces the example files and projects (the release's tests give
    `()` to check a small tree)."""
    if examples is None:
        examples = [
            path.relative_to(repo).as_posix() + ("/" if path.is_dir() else "")
            for path in sorted((repo / "examples").glob("*"))
            if path.suffix == ".py" or (path.is_dir() and not path.name.startswith(("_", ".")))
        ]
    files = tuple(path for path in examples if not path.endswith("/"))
    projects = [path for path in examples if path.endswith("/")]
    commands = [("-m", "mypy", "--strict", *paths, *files)]
    commands += [("-m", "mypy", "--strict", project) for project in projects]
    return Gate("mypy --strict", tuple(commands), "make typecheck")


def fast_test_gate(paths: Sequence[str] = TEST_GATE_PATHS) -> Gate:
    """The fast test gate: pytest over `paths`, with debug logging as `make pytest` runs it (the secret
    audit then checks every record). `-rfE` names each failed test in the summary the refusal quotes."""
    command = ("-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider", *paths)
    return Gate("tests", (command,), "python -m pytest " + " ".join(paths), {"MOLAM_LOG": "debug"})


def default_gates(repo: Path) -> tuple[Gate, ...]:
    """The gates a release runs, cheapest first: lint, mypy --strict, the fast test gate."""
    return (lint_gate(), typecheck_gate(repo), fast_test_gate())


def project_python(repo: Path) -> str:
    """The project's venv python (`<repo>/.venv/bin/python`, what `make` uses), else the running one."""
    venv = repo / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def run_gate(gate: Gate, repo: Path, python: str) -> GateResult:
    """Run `gate`'s commands in `repo` with `python`, all of them even after a failure (each may name a
    different problem); the refusal line quotes the first failing command's first problem."""
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(gate.env)
    started = time.monotonic()
    failures: list[str] = []
    for command in gate.commands:
        try:
            result = subprocess.run(
                [python, *command], cwd=repo, env=env, capture_output=True, text=True, timeout=GATE_TIMEOUT
            )
        except subprocess.TimeoutExpired:
            failures.append(f"`{' '.join(command[1:3])}` ran longer than {GATE_TIMEOUT:.0f} s")
            continue
        if result.returncode != 0:
            failures.append(_first_problem(result.stdout + "\n" + result.stderr))
    seconds = time.monotonic() - started
    if not failures:
        return GateResult(gate.name, seconds)
    more = f"; {len(failures) - 1} more command(s) failed" if len(failures) > 1 else ""
    return GateResult(gate.name, seconds, f"{gate.name} failed: {failures[0]}{more} (rerun: {gate.rerun})")


def _first_problem(output: str) -> str:
    """One line out of a failing command's output: its first problem line and how many there are, else its
    last line (a crash, a summary)."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for pattern in _PROBLEM_LINES:
        problems = [line for line in lines if pattern.match(line)]
        if problems:
            more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
            return problems[0][:300] + more
    return lines[-1][:300] if lines else "it failed without any output"


# --- the plan ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Plan:
    """Everything a release will do, computed without changing anything."""

    repo: Path
    previous: Version | None
    base: str | None
    version: Version
    report: ChangeReport
    api_version: str
    section: str
    changelog: str
    problems: list[str] = field(default_factory=list)
    #: How each gate went; empty when they were skipped (`gates_skipped`).
    gates: list[GateResult] = field(default_factory=list)
    #: True when the gates did not run (`--skip-gates`): printed loudly and written into the tag.
    gates_skipped: bool = False
    #: The reason the API version stays the same across breaking wire changes, when that applies.
    same_api_version: str | None = None
    #: Acknowledgements that matched nothing, and the acknowledgement file without them (None: unchanged).
    stale_acks: tuple[Acknowledgement, ...] = ()
    pruned_acks: str | None = None
    #: Lines the plan prints that are neither a refusal nor part of the release (an unneeded flag).
    notes: list[str] = field(default_factory=list)

    @property
    def compared_with(self) -> str:
        """The base as the changelog names it."""
        if self.base is None:
            return "the initial state (first release)"
        return self.base if self.previous and self.base == self.previous.tag else f"`{self.base}`"

    @property
    def files(self) -> list[str]:
        """The files the release commit changes."""
        return [VERSION_FILE, CHANGELOG_FILE, *([ACK_FILE] if self.pruned_acks is not None else [])]

    @property
    def artifacts(self) -> list[str]:
        """The file names the release builds into dist/."""
        return artifact_names(self.version)


def artifact_names(version: Version) -> list[str]:
    """sdist and wheel file names of both distributions."""
    return [
        name
        for dist, _ in DISTRIBUTIONS
        for name in (f"{dist}-{version}.tar.gz", f"{dist}-{version}-py3-none-any.whl")
    ]


def plan_release(
    repo: Path,
    base: str | None = None,
    requested: Version | None = None,
    date: str | None = None,
    *,
    gates: Sequence[Gate] | None = None,
    same_api_version: str | None = None,
    log: Callable[[str], None] = lambda line: None,
) -> Plan:
    """Compute the release of `repo`'s HEAD: version, changelog section and every reason to refuse.

    Every check runs, even after one refused, so a plan lists every reason at once: the branch, a clean
    tree, the tools, the versions, the breaking-change report (unacknowledged breaks, and a break of the
    wire with the same API version), the generated code, then the `gates` (`default_gates` when None, none
    at all when empty: the plan then says loudly that they were skipped), run with the project's python.
    """
    if not (repo / ".git").exists():
        raise ReleaseError(f"{repo} is not a git repository")
    problems = [*check_branch(repo), *check_clean(repo)]
    for module in ("build", "twine"):
        if importlib.util.find_spec(module) is None:
            problems.append(f"`{module}` is not installed: `pip install -e '.[dev]'` (make setup)")

    previous = last_release(repo)
    declared = read_version(repo)
    if previous is None:
        version = requested or declared
        if requested is not None and requested != declared:
            problems.append(
                f"the first release is the version in {VERSION_FILE} ({declared}), not {requested}"
            )
    else:
        if declared != previous:
            problems.append(
                f"{VERSION_FILE} says {declared} but the last release is {previous.tag}: only the release "
                f"writes the version (use --version to choose one); restore {previous}"
            )
        if _git(repo, "rev-list", "--count", f"{previous.tag}..HEAD") == "0":
            problems.append(f"nothing to release: HEAD is {previous.tag}")
    base = base or (previous.tag if previous else None)

    with _base_spec(repo, base) as compared:
        report = change_report(repo, compared)
    if previous is not None:
        try:
            version = next_version(previous, report.verdict, requested)
        except VersionError as exc:
            problems.append(str(exc))
            version = previous.bump(report.verdict)
    if _git(repo, "rev-parse", "-q", "--verify", f"refs/tags/{version.tag}", check=False):
        problems.append(f"the tag {version.tag} already exists")
    for change in report.blocking:
        problems.append(
            f"unacknowledged breaking change: {change.rule}: {change.symbol}: {change.message} "
            f"(acknowledge it in {ACK_FILE} with a reason: the reason becomes the migration hint)"
        )

    head_spec = _spec_data((repo / SPEC_FILE).read_text(encoding="utf-8"))
    base_spec = _spec_data(_git(repo, "show", f"{base}:{SPEC_FILE}", check=False) or None) if base else None
    api_version = _api_version(head_spec)
    if api_version is None:
        raise ReleaseError(f"{SPEC_FILE} has no info.version")
    previous_api = _api_version(base_spec)
    same_api = check_api_version(report, api_version, previous_api, base or "the initial state")
    notes: list[str] = []
    if same_api and not same_api_version:
        problems += same_api
    elif not same_api and same_api_version is not None:
        # Not a refusal: the flag is harmless, but its reason must not reach the changelog.
        notes.append(
            "--same-api-version is not needed (no breaking wire change, or info.version changed): "
            "its reason is left out of the changelog"
        )
        same_api_version = None
    problems += check_generated(repo)
    stale, pruned = report.unused_acks, None
    if stale:
        try:
            pruned = prune_acks((repo / ACK_FILE).read_text(encoding="utf-8"), stale, ACK_FILE)
        except (OSError, AckError) as exc:
            problems.append(f"cannot prune the stale acknowledgements: {exc}")

    results: list[GateResult] = []
    python = project_python(repo)
    for gate in default_gates(repo) if gates is None else gates:
        first, more = " ".join(gate.commands[0]), len(gate.commands) - 1
        log(f"gate {gate.name}: running python {first[:160]}" + (f" (+{more} more)" if more else ""))
        result = run_gate(gate, repo, python)
        log(f"gate {gate.name}: {'passed' if result.passed else 'FAILED'} in {result.seconds:.1f} s")
        results.append(result)
        if result.problem:
            problems.append(result.problem)

    path = repo / CHANGELOG_FILE
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    plan = Plan(repo, previous, base, version, report, api_version, "", "", problems)
    plan.gates, plan.gates_skipped = results, gates is not None and not gates
    plan.same_api_version, plan.stale_acks, plan.pruned_acks, plan.notes = (
        same_api_version,
        stale,
        pruned,
        notes,
    )
    info = SectionInfo(
        version=str(version),
        date=date or dt.date.today().isoformat(),
        api_version=api_version,
        previous_api_version=previous_api,
        compared_with=plan.compared_with,
        same_api_version=same_api_version,
    )
    # The findings name what changed; the specs say which method an operation is and what a
    # deprecation's replacement is, so the lines can name the calls users write.
    names = ApiNames.from_specs(base_spec, head_spec)
    plan.section = render_section(info, report.changes, unreleased_notes(current), names)
    plan.changelog = with_release(current, plan.section)
    return plan


@contextmanager
def _base_spec(repo: Path, base: str | None) -> Iterator[str]:
    """`base` itself, or the path of an empty spec (the initial state) while the block runs."""
    if base is not None:
        yield base
        return
    with tempfile.TemporaryDirectory(prefix="molam-release-") as folder:
        empty = Path(folder) / "initial.yaml"
        empty.write_text(EMPTY_SPEC, encoding="utf-8")
        yield str(empty)


def describe(plan: Plan, dry_run: bool) -> str:
    """The plan as people read it."""
    report = plan.report
    counts = ", ".join(f"{report.count(s)} {s}" for s in ("breaking", "warning", "info"))
    acknowledged = sum(1 for change in report.changes if change.acknowledged)
    lines = [
        "release plan" + (" (dry run: nothing is changed)" if dry_run else ""),
        f"  last release:  {plan.previous.tag if plan.previous else 'none (this is the first release)'}",
        f"  compared with: {plan.compared_with}",
        f"  spec changes:  {report.verdict} ({counts}; {acknowledged} acknowledged)",
        f"  next version:  {plan.version} (written to {VERSION_FILE})",
        f"  API version:   {plan.api_version} (molam_sdk.API_VERSION, the default Molam-Version)",
        *(
            [f"                 unchanged across breaking wire changes: {plan.same_api_version}"]
            if plan.same_api_version
            else []
        ),
        f"  changelog:     this section goes on top of {CHANGELOG_FILE}:",
        "",
        plan.section.rstrip(),
        "",
        "  artifacts (dist/):",
        *(f"    {name}" for name in plan.artifacts),
        "  checks:        twine check --strict; file names, versions and wheel contents;",
        "                 a fresh venv with both wheels: imports, `molam --version`, a sandbox from that venv",
        "                 on a free loopback port, one payment intent through the SDK",
        f'  git:           commit "Release {plan.version}" ({", ".join(plan.files)}), '
        f"annotated tag {plan.version.tag}",
        *_describe_acks(plan),
        *_describe_gates(plan),
        *(f"  note:          {note}" for note in plan.notes),
    ]
    if plan.problems:
        lines += ["", "the release refuses:" if not dry_run else "the release would refuse:"]
        lines += [f"  - {problem}" for problem in plan.problems]
    return "\n".join(lines) + "\n"


#: What the plan prints when the gates did not run; the tag message carries it too.
SKIPPED_GATES = "!!! GATES SKIPPED (--skip-gates): lint, mypy --strict and the tests did NOT run; this release is NOT gated"


def _describe_gates(plan: Plan) -> list[str]:
    if plan.gates_skipped:
        return ["", SKIPPED_GATES, ""]
    lines = ["  gates:"]
    for result in plan.gates:
        lines.append(
            f"    {result.name:<14} {'passed' if result.passed else 'FAILED':<7}{result.seconds:7.1f} s"
        )
    return lines


def _describe_acks(plan: Plan) -> list[str]:
    if not plan.stale_acks:
        return []
    lines = [
        f"  stale acknowledgements: {len(plan.stale_acks)} entr{'y' if len(plan.stale_acks) == 1 else 'ies'} "
        f"of {ACK_FILE} matched nothing since {plan.compared_with}; the release commit removes them:"
    ]
    lines += [f"    - {ack.rule}: {ack.pointer or ack.symbol}" for ack in plan.stale_acks]
    return lines


# --- build, check, smoke ---------------------------------------------------------------------------------


def build_artifacts(repo: Path, out: Path, isolation: bool = True) -> list[Path]:
    """Build the sdist and wheel of both distributions into `out`.

    `python -m build` makes each wheel from its sdist (which proves the sdist is complete), each in an
    isolated environment (unless `isolation` is False); the two distributions build side by side (an
    isolated build mostly waits on pip).
    """
    out.mkdir(parents=True, exist_ok=True)
    flags = [] if isolation else ["--no-isolation"]
    builds = [
        (
            project,
            subprocess.Popen(
                [sys.executable, "-m", "build", *flags, "--outdir", str(out / name), str(repo / project)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            ),
        )
        for name, project in DISTRIBUTIONS
    ]
    failures = []
    for project, process in builds:
        output, _ = process.communicate()
        if process.returncode != 0:
            failures.append(f"building {project} failed:\n{output[-3000:]}")
    if failures:
        raise ReleaseError("\n".join(failures))
    return sorted(
        (path for name, _ in DISTRIBUTIONS for path in (out / name).iterdir()), key=lambda p: p.name
    )


def check_artifacts(paths: Sequence[Path], version: Version) -> None:
    """`twine check --strict`, exactly the expected files, the version in each, and each wheel's contents."""
    names = sorted(path.name for path in paths)
    if names != sorted(artifact_names(version)):
        raise ReleaseError(f"built {names}, expected {sorted(artifact_names(version))}")
    twine = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    if twine.returncode != 0:
        raise ReleaseError(f"twine check failed:\n{twine.stdout}{twine.stderr}")
    for path in paths:
        if path.suffix == ".whl":
            _check_wheel(path, version)


def _check_wheel(path: Path, version: Version) -> None:
    dist = path.name.split("-")[0]
    info = f"{dist}-{version}.dist-info"
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
        metadata = email.parser.Parser().parsestr(wheel.read(f"{info}/METADATA").decode("utf-8"))
    tops = {name.split("/")[0] for name in names}
    unexpected = tops - WHEEL_PACKAGES[dist] - {info}
    if unexpected or not WHEEL_PACKAGES[dist] <= tops:
        raise ReleaseError(f"{path.name} holds {sorted(tops)}; expected {sorted(WHEEL_PACKAGES[dist])}")
    stray = [name for name in names if name.startswith(UNSHIPPED) or "/tests/" in name]
    if stray:
        raise ReleaseError(f"{path.name} ships what it must not: {', '.join(stray[:5])}")
    if metadata["Version"] != str(version):
        raise ReleaseError(f"{path.name} says version {metadata['Version']}")
    if dist == "molam_sandbox" and f"molam-sdk=={version}" not in (metadata.get_all("Requires-Dist") or []):
        raise ReleaseError(f"{path.name} does not require molam-sdk=={version}")


def smoke_test(wheels: Sequence[Path], version: Version, api_version: str, workdir: Path) -> dict[str, Any]:
    """Install `wheels` into a fresh venv under `workdir` and run generator/release/smoke_script.py with it."""
    venv = workdir / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], "creating the smoke-test venv")
    python = venv / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "-q", *map(str, wheels)], "installing the wheels", workdir)
    script = Path(__file__).with_name("smoke_script.py")
    output = _run([str(python), str(script), str(version), api_version], "the smoke test", workdir)
    try:
        result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError) as exc:
        raise ReleaseError(f"the smoke test printed no result: {output!r}") from exc
    return result


def _run(command: list[str], what: str, cwd: Path | None = None) -> str:
    # A clean environment for the venv: nothing of this repository's sys.path may leak into it.
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )
    if result.returncode != 0:
        raise ReleaseError(f"{what} failed:\n{(result.stdout + result.stderr)[-3000:]}")
    return result.stdout


# --- doing it ---------------------------------------------------------------------------------------------


def execute(plan: Plan, dist: Path, smoke: bool = True, isolation: bool = True, log: Any = print) -> None:
    """Carry out `plan` (which must have no problems); on any failure restore the files and re-raise."""
    if plan.problems:
        raise ReleaseError("the release refuses: " + "; ".join(plan.problems))
    repo = plan.repo
    changelog = repo / CHANGELOG_FILE
    saved = {
        relative: (repo / relative).read_text(encoding="utf-8") if (repo / relative).exists() else None
        for relative in plan.files
    }
    committed = False
    try:
        write_version(repo, plan.version)
        changelog.write_text(plan.changelog, encoding="utf-8")
        if plan.pruned_acks is not None:
            (repo / ACK_FILE).write_text(plan.pruned_acks, encoding="utf-8")
            log(f"pruned {len(plan.stale_acks)} stale acknowledgement(s) from {ACK_FILE}")
        with tempfile.TemporaryDirectory(prefix="molam-release-") as folder:
            staging = Path(folder) / "dist"
            log(f"building {', '.join(plan.artifacts)}")
            paths = build_artifacts(repo, staging, isolation)
            log("checking them (twine check --strict, names, versions, contents)")
            check_artifacts(paths, plan.version)
            if smoke:
                log("smoke test: fresh venv, both wheels, sandbox on a free loopback port, one call")
                wheels = [path for path in paths if path.suffix == ".whl"]
                result = smoke_test(wheels, plan.version, plan.api_version, Path(folder))
                log(
                    f"  {result['cli']}; {result['payment_intent']} {result['status']} on {result['sandbox']}"
                )
            _git(repo, "add", "--", *plan.files)
            _git(repo, "commit", "-q", "-m", f"Release {plan.version}", "--", *plan.files)
            committed = True
            message = f"molam-sdk {plan.version} (API version {plan.api_version})\n\n{plan.section}"
            if plan.gates_skipped:  # a release cut without its gates says so where it lives on
                message += f"\n{SKIPPED_GATES}\n"
            _git(repo, "tag", "-a", plan.version.tag, "-m", message)
            dist.mkdir(parents=True, exist_ok=True)
            for path in paths:
                shutil.copy2(path, dist / path.name)
    except BaseException:
        if committed:
            _git(repo, "reset", "-q", "--hard", "HEAD~1", check=False)
        for relative, text in saved.items():
            target = repo / relative
            if text is None:
                target.unlink(missing_ok=True)
            else:
                target.write_text(text, encoding="utf-8")
        _git(repo, "reset", "-q", "--", *saved, check=False)
        raise
