"""Scale of the breaking-change check on the largest spec of its test corpus (openai-openapi, ~3.4 MB JSON).

For each consecutive pair of revisions in tests/breaking/corpus/openai-openapi.tar.xz, one fresh process
loads both documents and compares them: seconds to load, seconds to compare, and the process's peak
resident memory (the two parsed documents included; the interpreter's own baseline shown beside it).
The issue's figure for the same spec was about 1.2 s per comparison.

Run: `.venv/bin/python bench/breaking_bench.py`. A measurement, not a test: exit status 0.
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ARCHIVE = ROOT / "tests" / "breaking" / "corpus" / "openai-openapi.tar.xz"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def one_pair(base: str, head: str) -> dict[str, float]:
    """Load and compare one pair in this process; the figures as a dict."""
    from generator.specdiff.compare import compare
    from generator.specdiff.load import load_file

    baseline = _peak_mb()
    started = time.perf_counter()
    old, new = load_file(Path(base)), load_file(Path(head))
    loaded = time.perf_counter()
    result = compare(old.data, new.data)
    done = time.perf_counter()
    return {
        "load_s": loaded - started,
        "compare_s": done - loaded,
        "peak_mb": _peak_mb(),
        "baseline_mb": baseline,
        "findings": len(result.findings),
        "operations": sum(
            1 for item in new.data.get("paths", {}).values() for key in item if key in _METHODS
        ),
        "schemas": len(new.data.get("components", {}).get("schemas", {})),
        "size_mb": Path(head).stat().st_size / 1e6,
    }


_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--pair":
        print(json.dumps(one_pair(sys.argv[2], sys.argv[3])))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(ARCHIVE, mode="r:xz") as tar:
            tar.extractall(tmp, filter="data")
        manifest = json.loads((Path(tmp) / "MANIFEST.json").read_text(encoding="utf-8"))
        files = [str(Path(tmp) / item["dir"] / manifest["entry"]) for item in manifest["revisions"]]
        rows = []
        for base, head in itertools.pairwise(files):
            out = subprocess.run(
                [sys.executable, __file__, "--pair", base, head], capture_output=True, text=True, check=True
            )
            rows.append(json.loads(out.stdout))
    first = rows[-1]
    print(
        f"corpus spec: {manifest['source']} ({first['size_mb']:.1f} MB JSON, {first['operations']} operations, "
        f"{first['schemas']} component schemas), {len(rows)} consecutive pairs"
    )
    print(f"{'pair':>4}  {'findings':>8}  {'load s':>7}  {'compare s':>9}  {'peak RSS MB':>11}")
    for index, row in enumerate(rows, start=1):
        print(
            f"{index:>4}  {row['findings']:>8}  {row['load_s']:>7.2f}  {row['compare_s']:>9.2f}  "
            f"{row['peak_mb']:>11.0f}"
        )
    compare_s = statistics.median(row["compare_s"] for row in rows)
    peak = max(row["peak_mb"] for row in rows)
    baseline = statistics.median(row["baseline_mb"] for row in rows)
    print(
        f"breaking check, largest corpus spec: {compare_s:.2f} s per pair to compare (median; "
        f"+{statistics.median(row['load_s'] for row in rows):.2f} s to load both), peak memory {peak:.0f} MB "
        f"per pair (interpreter and imports alone: {baseline:.0f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
