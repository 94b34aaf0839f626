"""Regenerate molam_sdk/ and the sandbox's pydantic models from the spec (`python -m generator generate`).

Everything happens in a temporary staging tree first (openapi-python-client and datamodel-code-generator in
process, then the pinned ruff over the whole tree with generator/ruff.toml), so a failure leaves the
committed tree untouched. The staging tree then replaces molam_sdk/ and molam_sandbox/models.py,
only when something changed. The output depends only on the spec, templates/ and generator/ (pinned tool
versions): no timestamps, no absolute paths, no hash-order dependence.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import multiprocessing
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import GenerationError
from .event_types import apply_event_types
from .layout import (
    CONFIG_PATH,
    GENERATED_FILES_HEADER,
    PACKAGE_DIR,
    REPO_ROOT,
    SANDBOX_MODELS,
    TEMPLATE_DIR,
    generated_files,
)
from .tree_diff import compare_trees

__all__ = ["generate_tree", "install", "load_spec"]


def generate_tree(spec: Path, staging: Path) -> list[str]:
    """Write the generated files for `spec` under `staging` (molam_sdk/..., molam_sandbox/models.py).

    Returns the generator's warnings; raises `GenerationError` when the spec cannot be generated. The
    sandbox models are rendered in a forked worker while this process renders molam_sdk/ (two cores halve
    the wall time); where fork is unavailable both run here, one after the other.
    """
    from .project import build_sdk, load_config
    from .sandbox_models import render_sandbox_models

    _check_toolchain()
    # EventType follows the webhooks in what is rendered, whatever the file says (see generator.codegen.event_types).
    raw_spec = apply_event_types(load_spec(spec))
    config = load_config(CONFIG_PATH, spec, staging / PACKAGE_DIR)
    with _worker() as worker:
        pending = (
            worker.submit(render_sandbox_models, raw_spec, header=GENERATED_FILES_HEADER) if worker else None
        )
        _, warnings = build_sdk(
            raw_spec=raw_spec, config=config, template_dir=TEMPLATE_DIR, header=GENERATED_FILES_HEADER
        )
        if pending is not None:
            source, notes = pending.result()
        else:
            source, notes = render_sandbox_models(raw_spec, header=GENERATED_FILES_HEADER)
    models_path = staging / SANDBOX_MODELS
    models_path.parent.mkdir(parents=True, exist_ok=True)
    models_path.write_text(source, encoding="utf-8")
    warnings = [*warnings, *notes]
    for path in generated_files(staging):
        text = (staging / path).read_text(encoding="utf-8")
        if not text.startswith(GENERATED_FILES_HEADER):
            (staging / path).write_text(f"{GENERATED_FILES_HEADER}\n{text}", encoding="utf-8")
    for hook in config.post_hooks:
        _run_hook(hook, cwd=staging)
    leftovers = [p for p in staging.rglob("*") if p.name in {"__pycache__", ".ruff_cache"}]
    for leftover in leftovers:
        shutil.rmtree(leftover, ignore_errors=True)
    if not generated_files(staging):
        raise GenerationError("nothing was generated")
    return warnings


@contextlib.contextmanager
def _worker() -> Iterator[concurrent.futures.Executor | None]:
    """A one-process pool forked from this one (the parsed spec is shared for free), or None without fork."""
    if "fork" not in multiprocessing.get_all_start_methods() or os.environ.get("MOLAM_GENERATE_SERIAL"):
        yield None
        return
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        yield pool


def install(staging: Path, root: Path) -> list[str]:
    """Make `root` hold the staged generated files; return the paths that changed (nothing when up to date).

    molam_sdk/ is swapped as a whole: the new tree is copied next to it, then two renames exchange them, so
    readers see the old or the new package, never a half-written one. models.py is replaced with os.replace.
    """
    differences = compare_trees(expected=staging, actual=root)
    if not differences:
        return []
    changed_paths = sorted({d.path for d in differences})
    package_changed = any(path.startswith(f"{PACKAGE_DIR.as_posix()}/") for path in changed_paths)
    if package_changed:
        target = root / PACKAGE_DIR
        fresh = root / f".{PACKAGE_DIR.name}.new-{os.getpid()}"
        old = root / f".{PACKAGE_DIR.name}.old-{os.getpid()}"
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(staging / PACKAGE_DIR, fresh)
        try:
            if target.exists():
                target.rename(old)
            fresh.rename(target)
        finally:
            shutil.rmtree(fresh, ignore_errors=True)
            shutil.rmtree(old, ignore_errors=True)
    if SANDBOX_MODELS.as_posix() in changed_paths:
        destination = root / SANDBOX_MODELS
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(f".{destination.name}.new-{os.getpid()}")
        shutil.copyfile(staging / SANDBOX_MODELS, partial)
        os.replace(partial, destination)
    return changed_paths


#: The generators whose exact versions decide the output bytes (pinned in pyproject.toml's `dev` extra).
TOOLS = ("openapi-python-client", "datamodel-code-generator", "ruff")


def _check_toolchain() -> None:
    """Refuse to generate with other tool versions than pyproject.toml pins: the bytes would differ."""
    import tomllib
    from importlib.metadata import PackageNotFoundError, version

    try:
        project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return  # no project file (a copy of the generator elsewhere): nothing to compare with
    pins: dict[str, str] = {}
    for extra in project.get("project", {}).get("optional-dependencies", {}).values():
        for requirement in extra:
            name, _, pinned = str(requirement).partition("==")
            if pinned and name.strip().lower() in TOOLS:
                pins[name.strip().lower()] = pinned.strip()
    for tool, pinned in sorted(pins.items()):
        try:
            installed = version(tool)
        except PackageNotFoundError:
            installed = "not installed"
        if installed != pinned:
            raise GenerationError(
                f"{tool} {installed} is installed but pyproject.toml pins {pinned}: pip install {tool}=={pinned}"
            )


def load_spec(spec: Path) -> dict[str, Any]:
    """The spec as plain data.

    PyYAML's C loader: about ten times faster than the pure-Python ruamel loader openapi-python-client uses
    on its own, and the same data for an OpenAPI document (YAML 1.1 quirks such as bare `no` meaning false
    are why enum values and dates must be quoted in the spec anyway).
    """
    import yaml

    try:
        data = yaml.load(spec.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as error:
        raise GenerationError(f"cannot read the spec {spec}: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise GenerationError(f"{spec} is not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise GenerationError(f"{spec} is not an OpenAPI document (top level is not a mapping)")
    version = data.get("info", {}).get("version") if isinstance(data.get("info"), dict) else None
    if version is not None and not isinstance(version, str):
        raise GenerationError(f'{spec}: info.version must be a string; quote it (e.g. "2025-01-15")')
    return data


def _run_hook(command: str, *, cwd: Path) -> None:
    """Run a post hook from config.yaml with the pinned tools of this virtualenv.

    `ruff` means this environment's ruff (never whatever is first on PATH), and the path after `--config`
    is relative to the repository, so the hook behaves the same from any working directory.
    """
    import shlex

    argv = shlex.split(command)
    if argv and argv[0] == "ruff":
        argv[0] = _ruff_binary()
    for index, arg in enumerate(argv[:-1]):
        if arg == "--config":
            argv[index + 1] = str(REPO_ROOT / argv[index + 1])
    completed = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        output = (completed.stderr or completed.stdout).strip()
        raise GenerationError(f"post hook failed: {command}\n{output[:4000]}")


def _ruff_binary() -> str:
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    return os.fsdecode(find_ruff_bin())
