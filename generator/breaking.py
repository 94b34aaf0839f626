"""`python -m generator breaking`: report spec changes that break existing SDK users.

    python -m generator breaking --base <git-ref | file> [--head spec/molam.yaml]
        [--format text|json|markdown] [--ack spec/breaking-acknowledged.yaml] [--output FILE] [--no-surface]
        [--ref-root DIR]

`--base` names a file when one exists at that path, otherwise a git revision whose
`spec/molam.yaml` (see `--spec-path`) is the base; when that revision has no spec the command says so
and succeeds. With a git revision the report also holds the SDK surface findings: the public names and
signatures of `molam_sdk` and `molam_sdk_ext` in the working tree against that revision's own code
(generator.surface_diff), in the same report and under the same acknowledgements. Exit status: 0 when
every breaking finding is acknowledged, 1 when one is not, 2 on usage or input errors. A `$ref` is
followed only to a file inside the spec's directory (or `--ref-root`): a URL, an absolute path or a path
leaving it is an input error naming the ref (exit 2), since a head spec may come from a pull request.
The spec comparison itself lives in `generator.specdiff` (pure, no I/O).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.specdiff.acks import AckError, Acknowledgement, apply_acks, load_acks
from generator.specdiff.compare import compare
from generator.specdiff.findings import Finding
from generator.specdiff.load import SpecSourceError, load_base, load_file
from generator.specdiff.render import RENDERERS, Report
from generator.specdiff.rules import Bump

DEFAULT_SPEC = "spec/molam.yaml"
DEFAULT_ACK = "spec/breaking-acknowledged.yaml"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator breaking",
        description="Report spec changes that break existing users, with the semver bump they need.",
    )
    parser.add_argument(
        "--base", required=True, help="base spec: a file, or a git revision (reads <rev>:--spec-path)"
    )
    parser.add_argument("--head", default=DEFAULT_SPEC, help=f"head spec file (default {DEFAULT_SPEC})")
    parser.add_argument(
        "--format", choices=sorted(RENDERERS), default="text", help="output format (default text)"
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
    if not args.no_surface and not Path(args.base).is_file():
        sdk, notes = surface_findings(Path(args.repo), args.base)
    if base is None:
        notes.insert(0, f"no base spec: {args.base}:{args.spec_path} does not exist; nothing to compare")
        findings, unused = apply_acks(tuple(sorted(sdk, key=lambda item: item.sort_key)), acks)
        report = Report(f"{args.base}:{args.spec_path}", args.head, findings, _verdict(Bump.NONE, sdk), unused,
                        "\n".join(notes))  # fmt: skip
        return report, 1 if report.blocking else 0
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
    verdict = _verdict(comparison.verdict, sdk)
    report = Report(base.label, head.label, findings, verdict, unused, "\n".join(notes) or None)
    return report, 1 if report.blocking else 0


def _not_described_by_spec(sdk: list[Finding], spec: tuple[Finding, ...], notes: list[str]) -> list[Finding]:
    """SDK findings on generated names a spec finding already describes are left out (one line per change)."""
    from generator.surface_diff import covered_by_spec

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
    from generator.surface_diff import SurfaceSourceError, base_surface, compare_surfaces, head_surface

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


def main(argv: list[str]) -> int:
    """Entry point used by `python -m generator breaking`."""
    args = _parser().parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
