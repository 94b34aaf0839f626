"""Building the SDK's distributions the way a release builds them, for the packaging tests.

`python -m build` makes the sdist, then the wheel from that sdist (so the wheel proves the sdist is
complete); `--no-isolation` uses this venv's hatchling, so no network is needed for the build itself.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["REPO_ROOT", "Distributions", "build_distributions"]

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Distributions:
    """The built sdist and wheel of one project."""

    sdist: Path
    wheel: Path


def build_distributions(project: Path, out: Path) -> Distributions:
    """Build the sdist and (from it) the wheel of the project in `project` into `out`."""
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(project)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return Distributions(sdist=sdist, wheel=wheel)
