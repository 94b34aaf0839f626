"""`python -m generator release`: cut a release whose version and changelog follow the spec diff.

    python -m generator release [--dry-run] [--base REF] [--version X.Y.Z] [--skip-smoke]
        [--no-build-isolation] [--date YYYY-MM-DD] [--repo DIR] [--dist DIR]

1. The last release is the nearest annotated tag `vX.Y.Z` reachable from HEAD. The spec is compared with
   it (or with `--base`), through the breaking-change report (`python -m generator breaking --format
   json`, see `change_report`): that report's JSON is the only thing read, so every finding it carries,
   spec or SDK surface, reaches the version and the changelog.
2. The next version follows generator/semver.py (breaking -> major, addition -> minor, otherwise patch;
   one place to the right below 1.0.0). Without a tag this is the first release: the version written in
   molam_sdk_ext/__init__.py as it is, compared with `--base` or with an empty spec (the initial state).
3. It refuses (exit 1, nothing changed) when: a breaking change is not acknowledged in
   spec/breaking-acknowledged.yaml; the working tree is not clean; the generated code is not what the
   spec generates; nothing was committed since the last release; the version file was edited by hand;
   the tag already exists.
4. Otherwise it writes the version (molam_sdk_ext/__init__.py, the one place), prepends a section to
   CHANGELOG.md (the notes under `## Unreleased` on top, then lines generated from the findings, see
   generator/changelog.py), builds the sdist and wheel of molam-sdk (pyproject.toml) and molam-sandbox
   (packaging/sandbox), checks them (`twine check --strict`, names, versions, wheel contents), installs the
   two wheels into a fresh venv and runs generator/release_smoke.py there (imports, `molam --version`, a
   sandbox from that venv on a free loopback port, one payment intent through the SDK), then commits
   "Release X.Y.Z" and creates the annotated tag `vX.Y.Z`. The artifacts end up in dist/. If any step
   fails, the two files are restored and nothing is committed or tagged.

`--dry-run` prints the plan (next version, the changelog section, the artifacts, every refusal) and changes
nothing; its exit status is 1 when the real release would refuse. `--skip-smoke` leaves out the fresh-venv
step and `--no-build-isolation` builds with this environment's hatchling instead of a fresh one per build
(offline and faster: for tests that cut several releases; the isolated build and the smoke step have their
own test).
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.parser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.changelog import (
    CHANGELOG_FILE,
    Change,
    ChangelogError,
    SectionInfo,
    render_section,
    unreleased_notes,
    with_release,
)
from generator.semver import VERSION_FILE, Version, VersionError, next_version, read_version, write_version
from generator.specdiff.rules import Bump

__all__ = [
    "ChangeReport",
    "Plan",
    "ReleaseError",
    "artifact_names",
    "build_artifacts",
    "change_report",
    "check_artifacts",
    "execute",
    "main",
    "plan_release",
    "smoke_test",
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

    @property
    def blocking(self) -> tuple[Change, ...]:
        """Breaking changes nobody acknowledged: the release refuses while there is one."""
        return tuple(change for change in self.changes if change.breaking and not change.acknowledged)

    def count(self, severity: str) -> int:
        """How many changes have `severity` (`breaking`, `warning`, `info`)."""
        return sum(1 for change in self.changes if change.severity == severity)


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
    except (ChangelogError, ValueError) as exc:
        raise ReleaseError(f"unreadable breaking-change report: {exc}") from exc
    verdict = max([verdict, *bumps], key=lambda bump: bump.rank)
    return ChangeReport(verdict, changes, str(document.get("base", "")), document.get("note"))


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


def _api_version(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    info = data.get("info") if isinstance(data, dict) else None
    version = info.get("version") if isinstance(info, dict) else None
    return version if isinstance(version, str) and version else None


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

    @property
    def compared_with(self) -> str:
        """The base as the changelog names it."""
        if self.base is None:
            return "the initial state (first release)"
        return self.base if self.previous and self.base == self.previous.tag else f"`{self.base}`"

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
    repo: Path, base: str | None = None, requested: Version | None = None, date: str | None = None
) -> Plan:
    """Compute the release of `repo`'s HEAD: version, changelog section and every reason to refuse."""
    problems: list[str] = []
    if not (repo / ".git").exists():
        raise ReleaseError(f"{repo} is not a git repository")
    status = _git(repo, "status", "--porcelain", "--untracked-files=normal")
    if status:
        lines = status.splitlines()
        shown = ", ".join(line[3:] for line in lines[:5]) + (
            f" (+{len(lines) - 5} more)" if len(lines) > 5 else ""
        )
        problems.append(f"the working tree has uncommitted changes: {shown}; release from a clean checkout")
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
    drift = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=repo, capture_output=True, text=True, check=False
    )
    if drift.returncode != 0:
        problems.append("the generated code is not what the spec generates: run `make generate` and commit")

    api_version = _api_version((repo / SPEC_FILE).read_text(encoding="utf-8"))
    if api_version is None:
        raise ReleaseError(f"{SPEC_FILE} has no info.version")
    previous_api = (
        _api_version(_git(repo, "show", f"{base}:{SPEC_FILE}", check=False) or None) if base else None
    )
    path = repo / CHANGELOG_FILE
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    plan = Plan(repo, previous, base, version, report, api_version, "", "", problems)
    info = SectionInfo(
        version=str(version),
        date=date or dt.date.today().isoformat(),
        api_version=api_version,
        previous_api_version=previous_api,
        compared_with=plan.compared_with,
    )
    plan.section = render_section(info, report.changes, unreleased_notes(current))
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
        f"  changelog:     this section goes on top of {CHANGELOG_FILE}:",
        "",
        plan.section.rstrip(),
        "",
        "  artifacts (dist/):",
        *(f"    {name}" for name in plan.artifacts),
        "  checks:        twine check --strict; file names, versions and wheel contents;",
        "                 a fresh venv with both wheels: imports, `molam --version`, a sandbox from that venv",
        "                 on a free loopback port, one payment intent through the SDK",
        f'  git:           commit "Release {plan.version}" ({VERSION_FILE}, {CHANGELOG_FILE}), '
        f"annotated tag {plan.version.tag}",
    ]
    if plan.problems:
        lines += ["", "the release refuses:" if not dry_run else "the release would refuse:"]
        lines += [f"  - {problem}" for problem in plan.problems]
    return "\n".join(lines) + "\n"


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
    """Install `wheels` into a fresh venv under `workdir` and run generator/release_smoke.py with it."""
    venv = workdir / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], "creating the smoke-test venv")
    python = venv / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "-q", *map(str, wheels)], "installing the wheels", workdir)
    script = Path(__file__).with_name("release_smoke.py")
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
        VERSION_FILE: (repo / VERSION_FILE).read_text(encoding="utf-8"),
        CHANGELOG_FILE: changelog.read_text(encoding="utf-8") if changelog.exists() else None,
    }
    committed = False
    try:
        write_version(repo, plan.version)
        changelog.write_text(plan.changelog, encoding="utf-8")
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
            _git(repo, "add", "--", VERSION_FILE, CHANGELOG_FILE)
            _git(repo, "commit", "-q", "-m", f"Release {plan.version}", "--", VERSION_FILE, CHANGELOG_FILE)
            committed = True
            message = f"molam-sdk {plan.version} (API version {plan.api_version})\n\n{plan.section}"
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator release", description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print the plan and change nothing")
    parser.add_argument("--base", default=None, help="compare with this git revision instead of the last tag")
    parser.add_argument("--version", default=None, help="release this version (at least the computed one)")
    parser.add_argument("--skip-smoke", action="store_true", help="leave out the fresh-venv smoke test")
    parser.add_argument(
        "--no-build-isolation", action="store_true", help="build with this environment's hatchling (offline)"
    )
    parser.add_argument("--date", default=None, help="the date in the changelog (default: today)")
    parser.add_argument("--repo", default=".", help="the repository (default: the current directory)")
    parser.add_argument("--dist", default=None, help="where the artifacts go (default: <repo>/dist)")
    return parser


def main(argv: list[str]) -> int:
    """Entry point of `python -m generator release`: 0 released (or a clean dry run), 1 refused or failed."""
    args = _parser().parse_args(argv)
    repo = Path(args.repo).resolve()
    try:
        requested = Version.parse(args.version) if args.version else None
        plan = plan_release(repo, args.base, requested, args.date)
    except (ReleaseError, VersionError) as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 1
    print(describe(plan, args.dry_run), end="", flush=True)
    if args.dry_run or plan.problems:
        return 1 if plan.problems else 0
    try:
        dist = Path(args.dist).resolve() if args.dist else repo / "dist"
        execute(plan, dist, smoke=not args.skip_smoke, isolation=not args.no_build_isolation)
    except ReleaseError as exc:
        print(
            f"release: {exc}\nnothing was committed or tagged; {VERSION_FILE} and {CHANGELOG_FILE} restored"
        )
        return 1
    print(
        f"released {plan.version.tag}: commit and annotated tag created, artifacts in "
        f"{args.dist or 'dist/'}; publish with `twine upload` and push the tag"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
