"""`python -m generator COMMAND`: the commands live in generator.cli."""

from __future__ import annotations

import sys

from generator.cli import main

if __name__ == "__main__":
    sys.exit(main())
