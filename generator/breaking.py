"""`python -m generator breaking`: report spec changes that break existing SDK users.

    python -m generator breaking --base <git-ref | file> [--head spec/molam.yaml]
        [--format text|json|markdown] [--ack spec/breaking-acknowledged.yaml] [--output FILE]

`--base` names a file when one exists at that path, otherwise a git revision whose
`spec/molam.yaml` (see `--spec-path`) is the base; when that revision has no spec the command says so
and succeeds. Exit status: 0 when every breaking finding is acknowledged, 1 when one is not, 2 on
usage or input errors. The comparison itself lives in `generator.specdiff` (pure, no I/O).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.specdiff.acks import AckError, Acknowledgement, apply_acks, load_acks
from generator.specdiff.compare import compare
from generator.specdiff.load import SpecSourceError, load_base, load_file
from generator.specdiff.render import RENDERERS, Report

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
    return parser


def _acks(option: str | None) -> list[Acknowledgement]:
    if option is not None:
        return load_acks(Path(option))
    default = Path(DEFAULT_ACK)
    return load_acks(default) if default.is_file() else []


def run(args: argparse.Namespace) -> tuple[Report, int]:
    """Load, compare, acknowledge; the report and the exit status."""
    acks = _acks(args.ack)
    base = load_base(args.base, Path(args.repo), args.spec_path)
    if base is None:
        note = f"no base spec: {args.base}:{args.spec_path} does not exist; nothing to compare"
        return Report(base_label=f"{args.base}:{args.spec_path}", head_label=args.head, note=note), 0
    head = load_file(Path(args.head))
    comparison = compare(
        base.data,
        head.data,
        base_files=base.files,
        head_files=head.files,
        base_entry=base.entry,
        head_entry=head.entry,
    )
    findings, unused = apply_acks(comparison.findings, acks)
    report = Report(base.label, head.label, findings, comparison.verdict, unused)
    return report, 1 if report.blocking else 0


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
