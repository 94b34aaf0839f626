"""`python -m generator COMMAND`: every command of the generator, and nothing else.

Each command parses its options, calls the library (generator.codegen, generator.lint, generator.specdiff,
generator.surface, generator.release), prints and returns the exit status. The library is imported inside
the command that needs it: `python -m generator breaking` runs with only PyYAML installed (the CI action)
and `lint` does not pay for openapi-python-client. Nothing in the library imports this module, so a
command's options never tie two library modules together.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

#: How many updated paths `generate` lists before summarising the rest.
SHOWN_PATHS = 20


def _relative(path: Path, root: Path) -> str:
    """`path` relative to `root` when it is below it (shorter lines), else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def generate(argv: list[str]) -> int:
    """Regenerate into `--root` (the repository by default); print what changed and how long it took."""
    from generator.codegen.errors import GenerationError
    from generator.codegen.event_types import sync_spec_file
    from generator.codegen.generate import generate_tree, install, load_spec
    from generator.codegen.layout import DEFAULT_SPEC, PACKAGE_DIR, REPO_ROOT, SANDBOX_MODELS

    parser = argparse.ArgumentParser(prog="python -m generator generate", description=COMMANDS["generate"][1])
    parser.add_argument(
        "--spec", type=Path, default=None, help="the OpenAPI document (default: spec/molam.yaml)"
    )
    parser.add_argument(
        "--root", type=Path, default=REPO_ROOT, help="where molam_sdk/ is written (default: repo)"
    )
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    spec: Path = (args.spec or root / DEFAULT_SPEC).resolve()
    started = time.perf_counter()
    try:
        if sync_spec_file(spec, load_spec(spec)):
            print(f"generate: {_relative(spec, root)}: EventType enum rewritten from the webhooks")
        with tempfile.TemporaryDirectory(prefix="molam-generate-") as staging:
            warnings = generate_tree(spec, Path(staging))
            changed = install(Path(staging), root)
    except (GenerationError, ValueError) as error:
        print(f"generate: {error}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"generate: warning: {warning}", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    state = f"{len(changed)} path(s) updated" if changed else "already up to date"
    print(
        f"generate: {PACKAGE_DIR}/ and {SANDBOX_MODELS} from {_relative(spec, root)}: {state} ({elapsed:.2f} s)"
    )
    for path in changed[:SHOWN_PATHS]:
        print(f"  updated {path}")
    if len(changed) > SHOWN_PATHS:
        print(f"  ... and {len(changed) - SHOWN_PATHS} more")
    return 0


def check(argv: list[str]) -> int:
    """Exit 0 when the committed generated files are up to date with the spec, 1 (with a diff) otherwise.

    Regenerates into a temporary directory (nothing in the repository is touched) and compares it, byte
    for byte, with molam_sdk/ and molam_sandbox/models.py.
    """
    from generator.codegen.errors import GenerationError
    from generator.codegen.generate import generate_tree
    from generator.codegen.layout import DEFAULT_SPEC, REPO_ROOT
    from generator.codegen.tree_diff import compare_trees, report

    parser = argparse.ArgumentParser(prog="python -m generator check", description=COMMANDS["check"][1])
    parser.add_argument(
        "--spec", type=Path, default=None, help="the OpenAPI document (default: spec/molam.yaml)"
    )
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="the tree to check (default: the repo)")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    spec: Path = (args.spec or root / DEFAULT_SPEC).resolve()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="molam-check-") as staging:
            generate_tree(spec, Path(staging))
            differences = compare_trees(expected=Path(staging), actual=root)
    except GenerationError as error:
        print(f"check: cannot generate: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    if not differences:
        print(f"check: generated code is up to date ({elapsed:.2f} s)")
        return 0
    print(report(differences))
    return 1


def lint(argv: list[str]) -> int:
    """Lint the spec; print one line per violation; 1 if any, else 0 with a summary; 2 when unreadable."""
    from generator.lint.linter import DEFAULT_SPEC, RULES, lint_spec, load_spec, short_reason
    from generator.specdiff.load import SpecParseError, SpecSourceError

    parser = argparse.ArgumentParser(prog="python -m generator lint", description=COMMANDS["lint"][1])
    parser.add_argument(
        "--spec", type=Path, default=DEFAULT_SPEC, help="spec to check (default spec/molam.yaml)"
    )
    parser.add_argument(
        "--ref-root",
        type=Path,
        default=None,
        help="directory file $refs may name (default: the spec's directory); anything outside is an error",
    )
    parser.add_argument("--list-rules", action="store_true", help="print the rule ids and exit")
    args = parser.parse_args(argv)
    if args.list_rules:
        for rule, text in RULES.items():
            print(f"{rule:<26} {text}")
        return 0
    started = time.perf_counter()
    shown = _relative(args.spec, Path.cwd())
    try:
        spec = load_spec(args.spec, args.ref_root)
    except SpecParseError as exc:
        print(f": yaml-invalid: {short_reason(exc.reason)}")
        print(f"{shown}: 1 violation")
        return 1
    except SpecSourceError as exc:  # unreadable, an alias bomb, a $ref outside the root: one line, exit 2
        print(f"lint: {exc}", file=sys.stderr)
        return 2
    try:
        result = lint_spec(spec)
    except RecursionError:  # the last guard: one line, never a 2,000-line traceback
        print(f"lint: {shown}: nested or self-referring too deeply to check", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    for violation in result.violations:
        print(violation)
    if result.violations:
        count = len(result.violations)
        print(f"{shown}: {count} violation{'s' if count != 1 else ''} ({elapsed:.2f} s)")
        return 1
    print(
        f"{shown}: OK - {result.operations} operations, {result.webhooks} webhooks, {result.schemas} schemas, "
        f"{result.examples} examples validated in {elapsed:.2f} s"
    )
    return 0


def _breaking_parser() -> argparse.ArgumentParser:
    from generator.breaking_report import DEFAULT_ACK, DEFAULT_SPEC, EXIT_CODES, FAIL_ON
    from generator.specdiff.render import RENDERERS

    parser = argparse.ArgumentParser(
        prog="python -m generator breaking",
        description="Report spec changes that break existing users, with the semver bump they need.",
        epilog=EXIT_CODES + "\n\nIn CI: docs/CI.md (GitHub Actions, GitLab CI, pre-commit).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--base", required=True, help="base spec: a file, or a git revision (reads <rev>:--spec-path)"
    )
    parser.add_argument("--head", default=DEFAULT_SPEC, help=f"head spec file (default {DEFAULT_SPEC})")
    parser.add_argument(
        "--format",
        choices=sorted(RENDERERS),
        default="text",
        help="output format (default text); markdown: a pull-request comment under 60 KB; github: workflow "
        "annotations on the changed spec lines; junit: a JUnit XML report",
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="breaking",
        help="what makes the exit status 1: an unacknowledged breaking change (default), also an "
        "unacknowledged warning, or never (report only)",
    )
    parser.add_argument(
        "--ack", default=None, help=f"acknowledgement file (default {DEFAULT_ACK} when present)"
    )
    parser.add_argument(
        "--spec-path", default=DEFAULT_SPEC, help="spec path inside the repository, for a git --base"
    )
    parser.add_argument(
        "--repo", default=".", help="git repository for a git --base (default: current directory)"
    )
    parser.add_argument("--output", default=None, help="write the report to this file instead of stdout")
    parser.add_argument(
        "--no-surface", action="store_true", help="skip the SDK surface comparison (spec findings only)"
    )
    parser.add_argument(
        "--ref-root",
        type=Path,
        default=None,
        help="directory $refs may reach (default: each spec's own directory; for a git --base, the same "
        "directory of that revision)",
    )
    return parser


def breaking(argv: list[str]) -> int:
    """Report spec changes (and, against a git revision, SDK surface changes) that break existing users.

    Exit status: 0 passed, 1 failed by policy (`--fail-on`), 2 usage or input error (generator.breaking_report).
    """
    from generator.breaking_report import run
    from generator.specdiff.acks import AckError
    from generator.specdiff.load import SpecSourceError
    from generator.specdiff.render import RENDERERS

    args = _breaking_parser().parse_args(argv)
    try:
        report, status = run(args)
    except (SpecSourceError, AckError) as exc:
        print(f"breaking: {exc}", file=sys.stderr)
        return 2
    text = RENDERERS[args.format](report)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return status


def surface(argv: list[str]) -> int:
    """Print, write or compare the public API surface of the SDK packages (generator.surface.collect)."""
    from generator.surface.collect import DEFAULT_FILE, DEFAULT_PACKAGES

    parser = argparse.ArgumentParser(prog="python -m generator surface", description=COMMANDS["surface"][1])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help=f"write the surface file ({DEFAULT_FILE})")
    mode.add_argument("--json", action="store_true", help="print entries, skipped modules and errors as JSON")
    mode.add_argument(
        "--base", help="compare with the surface of this git revision (its own code, never the surface file)"
    )
    parser.add_argument("--file", default=DEFAULT_FILE, help=f"surface file (default {DEFAULT_FILE})")
    parser.add_argument("--packages", nargs="+", default=list(DEFAULT_PACKAGES), help="packages to walk")
    parser.add_argument("--repo", default=".", help="git repository for --base (default: current directory)")
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="--base report"
    )
    parser.add_argument(
        "--ack", default=None, help="acknowledgement file (default spec/breaking-acknowledged.yaml)"
    )
    args = parser.parse_args(argv)
    if args.base:
        from generator.breaking_report import surface_only

        return surface_only(args.base, Path(args.repo), args.format, args.ack)
    from generator.surface.collect import collect, render

    found = collect(args.packages)
    if args.json:
        import json

        document = {"entries": found.entries, "skipped": found.skipped, "errors": found.errors}
        sys.stdout.write(json.dumps(document, sort_keys=True) + "\n")
        return 0
    for name, error in sorted(found.errors.items()):
        print(f"surface: cannot import {name}: {error}", file=sys.stderr)
    path = Path(args.file)
    text = render(found)
    if args.write:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"surface: wrote {len(found.entries)} entries to {path}")
    else:
        sys.stdout.write(text)
    return 1 if found.errors else 0


def rules(argv: list[str]) -> int:
    """Print docs/BREAKING_RULES.md as the rule registry renders it, or `--write` it into `--root`."""
    from generator.specdiff.rules_doc import RULES_DOC, render_rules_doc

    parser = argparse.ArgumentParser(prog="python -m generator rules", description=COMMANDS["rules"][1])
    parser.add_argument("--write", action="store_true", help=f"write {RULES_DOC} instead of printing it")
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the repository (default: current directory)"
    )
    args = parser.parse_args(argv)
    text = render_rules_doc()
    if not args.write:
        sys.stdout.write(text)
        return 0
    path = args.root / RULES_DOC
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        print(f"rules: {RULES_DOC} is up to date")
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"rules: wrote {RULES_DOC}")
    return 0


def _release_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator release", description=COMMANDS["release"][1])
    parser.add_argument("--dry-run", action="store_true", help="print the plan and change nothing")
    parser.add_argument("--base", default=None, help="compare with this git revision instead of the last tag")
    parser.add_argument("--version", default=None, help="release this version (at least the computed one)")
    parser.add_argument("--skip-smoke", action="store_true", help="leave out the fresh-venv smoke test")
    parser.add_argument(
        "--no-build-isolation", action="store_true", help="build with this environment's hatchling (offline)"
    )
    parser.add_argument(
        "--same-api-version",
        metavar="REASON",
        default=None,
        help="release breaking wire changes under the same info.version; REASON goes into the changelog",
    )
    parser.add_argument(
        "--skip-gates",
        action="store_true",
        help="DO NOT run lint, mypy and the tests (for the tests of this command only; printed loudly)",
    )
    parser.add_argument("--date", default=None, help="the date in the changelog (default: today)")
    parser.add_argument("--repo", default=".", help="the repository (default: the current directory)")
    parser.add_argument("--dist", default=None, help="where the artifacts go (default: <repo>/dist)")
    return parser


def release(argv: list[str]) -> int:
    """Cut a release (generator.release.cut): 0 released (or a clean dry run), 1 refused or failed."""
    from generator.release.cut import SKIPPED_GATES, ReleaseError, describe, execute, plan_release
    from generator.release.semver import Version, VersionError

    parser = _release_parser()
    args = parser.parse_args(argv)
    if args.same_api_version is not None and not args.same_api_version.strip():
        parser.error("--same-api-version needs a reason (it goes into the changelog)")
    repo = Path(args.repo).resolve()
    if args.skip_gates:
        print(SKIPPED_GATES, file=sys.stderr, flush=True)
    try:
        requested = Version.parse(args.version) if args.version else None
        plan = plan_release(
            repo,
            args.base,
            requested,
            args.date,
            gates=() if args.skip_gates else None,
            same_api_version=args.same_api_version,
            log=lambda line: print(line, file=sys.stderr, flush=True),
        )
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
        print(f"release: {exc}\nnothing was committed or tagged; {', '.join(plan.files)} restored")
        return 1
    print(
        f"released {plan.version.tag}: commit and annotated tag created, artifacts in "
        f"{args.dist or 'dist/'}; publish with `twine upload` and push the tag"
        + (f"\n{SKIPPED_GATES}" if plan.gates_skipped else "")
    )
    return 0


#: Command name -> (its function, the one line `python -m generator --help` shows).
COMMANDS: dict[str, tuple[Callable[[list[str]], int], str]] = {
    "generate": (generate, "regenerate molam_sdk/ and the sandbox models from spec/molam.yaml"),
    "check": (check, "fail when the committed generated code differs from a fresh generation"),
    "lint": (lint, "validate the spec and our own rules, printing each violation's JSON pointer"),
    "breaking": (breaking, "report spec changes that break existing users, with the semver bump"),
    "surface": (surface, "dump or compare the public API surface of molam_sdk and molam_sdk_ext"),
    "rules": (rules, "print or write docs/BREAKING_RULES.md, the breaking-change rules, from their registry"),
    "release": (release, "cut a release: version and changelog from the spec diff, build, check, tag"),
}


def main(argv: list[str] | None = None) -> int:
    """Run the command `argv[0]` names; the usage (exit 2, or 0 for --help) when there is none."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"} or args[0] not in COMMANDS:
        print("usage: python -m generator COMMAND [options]\n\ncommands:")
        for name, (_, help_text) in COMMANDS.items():
            print(f"  {name:<10} {help_text}")
        return 0 if args and args[0] in {"-h", "--help"} else 2
    command, _ = COMMANDS[args[0]]
    return command(args[1:])
