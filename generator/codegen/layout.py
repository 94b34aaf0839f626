"""Where generation reads and writes: the repository's template and config paths, the generated files.

`generate` writes them and `check` compares them; both ask this module which files are generated.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
GENERATOR_DIR = REPO_ROOT / "generator"
TEMPLATE_DIR = REPO_ROOT / "templates"
CONFIG_PATH = GENERATOR_DIR / "config.yaml"
DEFAULT_SPEC = Path("spec/molam.yaml")
PACKAGE_DIR = Path("molam_sdk")
SANDBOX_MODELS = Path("molam_sandbox/models.py")

#: First line of every generated file. Fixed text (never the --spec path) so output is comparable anywhere.
GENERATED_FILES_HEADER = "# Generated from spec/molam.yaml by `make generate`; do not edit."


def generated_files(root: Path) -> list[Path]:
    """The generated files under `root`, relative to it and sorted (caches and bytecode ignored)."""
    files = [SANDBOX_MODELS] if (root / SANDBOX_MODELS).is_file() else []
    package = root / PACKAGE_DIR
    if package.is_dir():
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                files.append(path.relative_to(root))
    return sorted(files, key=lambda p: p.as_posix())
