"""CPU seconds of the breaking-change check per pair of spec revisions, before and after, in one run.

Three specs, as docs/DESIGN.md section 6 names them (targets: CPU seconds per pair, load included):
- a Stripe-sized JSON spec (4.4 MB, 426 operations, ~1,000 schemas; target <= 2 s),
- a Plaid-sized YAML spec (3 MB; target <= 2 s),
- OpenAI's 3.4 MB JSON spec, the pairs of tests/breaking/corpus/openai-openapi.tar.xz (target <= 1 s).
Stripe's and Plaid's own specs cannot be fetched on these machines: the first two are generated
deterministically by tests/breaking/synthetic.py with their shapes (Stripe's expandable fields make
nearly every operation reach nearly every resource; Plaid's are Request/Response components over a web
of nested objects), and one change of each kind a release makes.

"before" is the plain comparison (each operation's schemas walked separately, `compare(memoize=False)`)
reading YAML with PyYAML's C loader; "after" is the memoized comparison reading YAML through
generator.specdiff.fastyaml. Each pair runs in a fresh process: CPU seconds (user + system) to load both
files and compare them, and the process's peak resident memory.

Run: `.venv/bin/python bench/breaking_bench.py` (part of `make bench`). A measurement, not a test.
"""

from __future__ import annotations

import itertools
import json
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ARCHIVE = ROOT / "tests" / "breaking" / "corpus" / "openai-openapi.tar.xz"
TARGETS = {"stripe-sized JSON": 2.0, "plaid-sized YAML": 2.0, "openai JSON": 1.0}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def one_pair(base: str, head: str, mode: str) -> dict[str, float]:
    """Load and compare one pair in this process ("before" or "after"); the figures as a dict."""
    import yaml

    from generator.specdiff import load
    from generator.specdiff.compare import compare

    if mode == "before":  # PyYAML's C loader for every YAML text, as before fastyaml
        load._load_yaml = lambda text: yaml.load(text, Loader=load._Loader)
    started = _cpu()
    old, new = load.load_file(Path(base)), load.load_file(Path(head))
    loaded = _cpu()
    result = compare(old.data, new.data, memoize=mode == "after")
    done = _cpu()
    return {
        "load_s": loaded - started,
        "total_s": done - started,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # Linux: KiB
        "findings": len(result.findings),
    }


def _run(base: Path, head: Path, mode: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--pair", str(base), str(head), mode],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(out.stdout)
    return figures


def _generated(directory: Path) -> dict[str, tuple[Path, Path]]:
    import yaml

    from tests.breaking.synthetic import plaid_like, stripe_like

    pairs: dict[str, tuple[Path, Path]] = {}
    stripe = [directory / f"stripe-{revision}.json" for revision in (0, 1)]
    for revision, path in enumerate(stripe):
        path.write_text(json.dumps(stripe_like(revision), indent=2), encoding="utf-8")
    pairs["stripe-sized JSON"] = (stripe[0], stripe[1])
    plaid = [directory / f"plaid-{revision}.yaml" for revision in (0, 1)]
    for revision, path in enumerate(plaid):
        text = yaml.dump(plaid_like(revision), Dumper=yaml.CSafeDumper, sort_keys=False, width=100)
        path.write_text(text, encoding="utf-8")
    pairs["plaid-sized YAML"] = (plaid[0], plaid[1])
    return pairs


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--pair":
        print(json.dumps(one_pair(sys.argv[2], sys.argv[3], sys.argv[4])))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        with tarfile.open(ARCHIVE, mode="r:xz") as tar:
            tar.extractall(directory / "openai", filter="data")
        manifest: dict[str, Any] = json.loads((directory / "openai" / "MANIFEST.json").read_text("utf-8"))
        openai = [directory / "openai" / item["dir"] / manifest["entry"] for item in manifest["revisions"]]
        scenarios = {name: [pair] for name, pair in _generated(directory).items()}
        scenarios["openai JSON"] = list(itertools.pairwise(openai))[-3:]  # three real consecutive pairs
        print(
            f"{'spec':<18} {'size MB':>7} {'mode':<6} {'findings':>8} {'load s':>7} {'CPU s':>6} {'peak MB':>8}"
        )
        verdicts = []
        for name, pairs in scenarios.items():
            size = pairs[0][1].stat().st_size / 1e6
            rows: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
            for base, head in pairs:
                for mode in ("before", "after"):
                    rows[mode].append(_run(base, head, mode))
            for mode in ("before", "after"):
                found = rows[mode]
                print(
                    f"{name:<18} {size:>7.1f} {mode:<6} {int(found[-1]['findings']):>8} "
                    f"{statistics.median(row['load_s'] for row in found):>7.2f} "
                    f"{statistics.median(row['total_s'] for row in found):>6.2f} "
                    f"{max(row['peak_mb'] for row in found):>8.0f}"
                )
            after = statistics.median(row["total_s"] for row in rows["after"])
            before = statistics.median(row["total_s"] for row in rows["before"])
            peak = max(row["peak_mb"] for row in rows["after"])
            status = "within" if after <= TARGETS[name] else "OVER"
            verdicts.append(
                f"breaking check, {name}: {after:.2f} s CPU per pair (before {before:.2f} s), peak {peak:.0f} MB; "
                f"target <= {TARGETS[name]:.0f} s: {status}"
            )
        print("\n".join(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
