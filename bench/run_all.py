"""`make bench`: run every benchmark script in bench/ and print their tables one after the other.

Benchmarks are never tests (these machines are noisy): each script prints figures beside the peers it is
compared with, measured in the same run, and the targets of docs/DESIGN.md section 6.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    only = set(sys.argv[1:])
    scripts = sorted(p for p in HERE.glob("*_bench.py") if not only or p.stem in only)
    failed: list[str] = []
    for script in scripts:
        print(f"\n=== {script.stem} " + "=" * max(0, 70 - len(script.stem)), flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)
        print(
            f"--- {script.stem}: {time.perf_counter() - started:.1f} s, exit {result.returncode}", flush=True
        )
        if result.returncode != 0:
            failed.append(script.stem)
    if failed:
        print(f"\nbenchmarks that failed to run: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
