"""`python -m generator COMMAND`: generate, check, lint, breaking, surface, release.

Each command lives in its own module; this file only dispatches, so `python -m generator lint`
does not pay for importing openapi-python-client.
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "generate": ("generator.generate", "regenerate molam_sdk/ and the sandbox models from spec/molam.yaml"),
    "check": ("generator.check", "fail when the committed generated code differs from a fresh generation"),
    "lint": ("generator.lint", "validate the spec and our own rules, printing each violation's JSON pointer"),
    "breaking": ("generator.breaking", "report spec changes that break existing users, with the semver bump"),
    "surface": ("generator.surface", "dump or compare the public API surface of molam_sdk and molam_sdk_ext"),
    "release": (
        "generator.release",
        "cut a release: version and changelog from the spec diff, build, check, tag",
    ),
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"} or args[0] not in COMMANDS:
        print("usage: python -m generator COMMAND [options]\n\ncommands:")
        for name, (_, help_text) in COMMANDS.items():
            print(f"  {name:<10} {help_text}")
        return 0 if args and args[0] in {"-h", "--help"} else 2
    module = importlib.import_module(COMMANDS[args[0]][0])
    result: int = module.main(args[1:])
    return result


if __name__ == "__main__":
    sys.exit(main())
