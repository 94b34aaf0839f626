"""Hatch hooks of the `molam-sandbox` distribution (packaging/sandbox/pyproject.toml).

The sandbox's code lives at the repository's top level (`molam_sandbox/`), two folders up from this
file, and is released in lockstep with the SDK it is written against:

- the metadata hook pins `molam-sdk` to exactly this release's version (the sandbox imports the SDK's
  internals, so no other SDK version is known to work with it);
- the build hook puts `molam_sandbox/` into the wheel from wherever it is: the repository (a build from
  the source tree) or the root of an unpacked sdist (a wheel built from the sdist, as `python -m build`
  and pip do). A static `force-include` can name only one of the two.

When a wheel is built from the sdist, hatchling reads the version and dependencies from its PKG-INFO and
the metadata hook does not run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

#: What the sandbox needs besides the SDK itself.
RUNTIME_DEPENDENCIES = [
    "starlette>=0.40",
    "uvicorn>=0.30",
    "pydantic>=2.6",
    "jsonschema>=4.18",  # --strict-responses: every answer validated against the spec (referencing registries)
    "pyyaml>=6",
    "typer>=0.12",
    "rich>=13",
]


class LockstepDependencies(MetadataHookInterface):
    """`molam-sdk==<this version>` plus the sandbox's own runtime dependencies."""

    PLUGIN_NAME = "custom"

    def update(self, metadata: dict[str, Any]) -> None:
        metadata["dependencies"] = [f"molam-sdk=={metadata['version']}", *RUNTIME_DEPENDENCIES]


class SandboxPackage(BuildHookInterface):
    """Include `molam_sandbox/` from the repository or from the unpacked sdist."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":  # editable installs put the repository root on sys.path instead
            return
        root = Path(self.root)
        for candidate in (root.parent.parent / "molam_sandbox", root / "molam_sandbox"):
            if (candidate / "__init__.py").is_file():
                build_data["force_include"][str(candidate.resolve())] = "molam_sandbox"
                # The spec the engine serves at run time; an sdist already holds it in molam_sandbox/_spec.
                spec = candidate.parent / "spec" / "molam.yaml"
                if spec.is_file():
                    build_data["force_include"][str(spec.resolve())] = "molam_sandbox/_spec/molam.yaml"
                return
        raise FileNotFoundError(f"molam_sandbox/ is neither two folders above {root} nor inside it")
