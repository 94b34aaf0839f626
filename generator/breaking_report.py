"""`python -m generator breaking`: report spec changes that break existing SDK users.

    python -m generator breaking --base <git-ref | file> [--head spec/molam.yaml]
        [--format text|json|markdown|github|junit] [--fail-on breaking|warning|never]
        [--ack spec/breaking-acknowledged.yaml] [--output FILE] [--no-surface] [--ref-root DIR]

`--base` names a file when one exists at that path, otherwise a git revision whose
`spec/molam.yaml` (see `--spec-path`) is the base; when that revision has no spec the command says so
and succeeds. With a git revision the report also holds the SDK surface findings: the public names and
signatures of `molam_sdk` and `molam_sdk_ext` in the working tree against that revision's own code
(generator.surface.compare), in the same report and under the same acknowledgements (with a file as
`--base` there is no base code, and the report says the surface check was skipped). Exit status (see
EXIT_CODES): 0 passed, 1 failed by policy (`--fail-on`: an unacknowledged breaking finding by default),
2 usage or input error. A `$ref` is
followed only to a file inside the spec's directory (or `--ref-root`): a URL, an absolute path or a path
leaving it is an input error naming the ref (exit 2), since a head spec may come from a pull request.
The spec comparison itself lives in `generator.specdiff` (pure, no I/O).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from generator.specdiff.acks import AckError, Acknowledgement, apply_acks, load_acks
from generator.specdiff.compare import compare
from generator.specdiff.findings import Finding
from generator.specdiff.lines import SpecLines
from generator.specdiff.load import SpecSourceError, load_base, load_file
from generator.specdiff.render import RENDERERS, Report, is_sdk
from generator.specdiff.rules import Bump

DEFAULT_SPEC = "spec/molam.yaml"
DEFAULT_ACK = "spec/breaking-acknowledged.yaml"
FAIL_ON = ("breaking", "warning", "never")
EXIT_CODES = """exit status:
  0  passed: nothing fails the --fail-on policy (the report may still list findings)
  1  failed by policy: an unacknowledged breaking change (--fail-on breaking, the default), or also an
     unacknowledged warning (--fail-on warning); never with --fail-on never
  2  usage or input error: a bad option, a spec or acknowledgement file that cannot be read or parsed,
     a $ref leaving the spec's directory, an unknown git revision"""


def _acks(option: str | None) -> list[Acknowledgement]:
    if option is not None:
        return load_acks(Path(option))
    default = Path(DEFAULT_ACK)
    return load_acks(default) if default.is_file() else []


def run(args: argparse.Namespace) -> tuple[Report, int]:
    """Load, compare (spec, then SDK surface for a git base), acknowledge; the report and the exit status."""
    acks = _acks(args.ack)
    base = load_base(args.base, Path(args.repo), args.spec_path, args.ref_root)
    sdk: list[Finding] = []
    notes: list[str] = []
    fail_on = getattr(args, "fail_on", "breaking")
    if not args.no_surface and not Path(args.base).is_file():
        sdk, notes = surface_findings(Path(args.repo), args.base)
    elif not args.no_surface:
        notes.append(
            f"SDK surface check skipped: --base {args.base} is a file, so there is no base code to compare "
            "(give a git revision to compare the SDK's public names too)"
        )
    if base is None:
        notes.insert(0, f"no base spec: {args.base}:{args.spec_path} does not exist; nothing to compare")
        findings, unused = apply_acks(tuple(sorted(sdk, key=lambda item: item.sort_key)), acks)
        report = Report(f"{args.base}:{args.spec_path}", args.head, findings, _verdict(Bump.NONE, sdk), unused,
                        "\n".join(notes), fail_on, _locator(Path(args.head), Path(args.repo)))  # fmt: skip
        return report, 1 if report.failing else 0
    head = load_file(Path(args.head), args.ref_root)
    comparison = compare(
        base.data,
        head.data,
        base_files=base.files,
        head_files=head.files,
        base_entry=base.entry,
        head_entry=head.entry,
    )
    sdk = _not_described_by_spec(sdk, comparison.findings, notes)
    every = tuple(sorted([*comparison.findings, *sdk], key=lambda item: item.sort_key))
    findings, unused = apply_acks(every, acks)
    if args.no_surface or Path(args.base).is_file():
        # Entries for SDK surface findings cannot match when the surface was not compared: not stale
        # (`make release` prunes what this report calls unused).
        unused = [ack for ack in unused if not ack.rule.startswith("sdk-")]
    verdict = _verdict(comparison.verdict, sdk)
    report = Report(
        base.label,
        head.label,
        findings,
        verdict,
        unused,
        "\n".join(notes) or None,
        fail_on,
        _locator(Path(args.head), Path(args.repo)),
    )
    return report, 1 if report.failing else 0


def _locator(head: Path, repo: Path) -> Callable[[Finding], tuple[str, int] | None]:
    """Where a finding is in the checked-out files, for annotations: its head location, else (removed)
    the nearest ancestor of its base location still in the head spec; SDK findings at their module."""
    lines = SpecLines(head)

    def locate(item: Finding) -> tuple[str, int] | None:
        if is_sdk(item):
            module = item.symbol.split(":", 1)[0].split("(", 1)[0]
            parts = module.split(".")
            for end in range(len(parts), 0, -1):
                for candidate in (Path(*parts[:end]).with_suffix(".py"), Path(*parts[:end], "__init__.py")):
                    if (repo / candidate).is_file():
                        return candidate.as_posix(), 1
            return None
        location = item.head_pointer or item.base_pointer
        if location is None:
            return None
        path, line = lines.locate(location)
        return _shown(path), line

    return locate


def _shown(path: Path) -> str:
    """A path as annotations want it: relative to the working directory (the repository root in CI)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _not_described_by_spec(sdk: list[Finding], spec: tuple[Finding, ...], notes: list[str]) -> list[Finding]:
    """SDK findings on generated names a spec finding already describes are left out (one line per change)."""
    from generator.surface.compare import covered_by_spec

    symbols = {item.symbol for item in spec}
    kept = [item for item in sdk if not covered_by_spec(item.symbol, symbols)]
    if len(kept) < len(sdk):
        notes.append(
            f"SDK surface: {len(sdk) - len(kept)} change(s) of generated names described by the spec findings"
        )
    return kept


def _verdict(spec_verdict: Bump, sdk: list[Finding]) -> Bump:
    return max([spec_verdict, *(item.bump for item in sdk)], key=lambda bump: bump.rank)


def surface_findings(repo: Path, ref: str) -> tuple[list[Finding], list[str]]:
    """SDK surface findings of the working tree against revision `ref`, and notes for the report."""
    from generator.surface.compare import SurfaceSourceError, base_surface, compare_surfaces, head_surface

    try:
        base = base_surface(repo, ref)
        if base is None:
            return [], [f"SDK surface: {ref} has no molam_sdk or molam_sdk_ext; nothing to compare"]
        head = head_surface(repo)
    except SurfaceSourceError as exc:
        raise SpecSourceError(str(exc)) from exc
    findings, unjudged = compare_surfaces(base, head)
    notes = []
    if unjudged:
        shown = ", ".join(unjudged[:5]) + (" ..." if len(unjudged) > 5 else "")
        notes.append(
            f"SDK surface: {len(unjudged)} name(s) not judged (a module needs a missing extra): {shown}"
        )
    return findings, notes


def surface_only(ref: str, repo: Path, output_format: str, ack: str | None) -> int:
    """`python -m generator surface --base REF`: the SDK surface findings alone, in the breaking report's form."""
    try:
        findings, notes = surface_findings(repo, ref)
        acks = _acks(ack)
    except (SpecSourceError, AckError) as exc:
        print(f"surface: {exc}", file=sys.stderr)
        return 2
    marked, unused = apply_acks(tuple(sorted(findings, key=lambda item: item.sort_key)), acks)
    unused = [item for item in unused if item.rule.startswith("sdk-")]
    report = Report(f"{ref} (SDK surface)", "working tree", marked, _verdict(Bump.NONE, findings), unused,
                    "\n".join(notes) or None)  # fmt: skip
    sys.stdout.write(RENDERERS[output_format](report))
    return 1 if report.blocking else 0
