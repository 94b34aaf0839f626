"""Dependencies point one way: molam_sandbox -> molam_sdk_ext -> molam_sdk (DESIGN.md section 1)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    """Every module a Python file imports (absolute names; relative imports stay inside their package)."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def files_importing(package: str, forbidden: str) -> list[str]:
    """The files of `package` that import `forbidden` or one of its submodules."""
    offenders = []
    for path in sorted((REPO_ROOT / package).rglob("*.py")):
        if any(m == forbidden or m.startswith(f"{forbidden}.") for m in imported_modules(path)):
            offenders.append(path.relative_to(REPO_ROOT).as_posix())
    return offenders


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("molam_sdk", "molam_sdk_ext"),
        ("molam_sdk", "molam_sandbox"),
        ("molam_sdk_ext", "molam_sandbox"),
    ],
)
@pytest.mark.slow  # parses every module of the package: up to 1 s each
def test_no_file_imports_against_the_direction(package: str, forbidden: str) -> None:
    assert files_importing(package, forbidden) == []


@pytest.mark.slow  # a fresh interpreter importing the SDK: about 1 s
def test_the_generated_package_imports_alone() -> None:
    code = (
        "import sys, molam_sdk, molam_sdk.resources, molam_sdk.models\n"
        "from molam_sdk.resources import payment_intents\n"
        "assert not any(m.startswith(('molam_sdk_ext', 'molam_sandbox')) for m in sys.modules), sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True, timeout=60)


def test_ext_reexports_the_contract_classes_themselves() -> None:
    import molam_sdk.errors
    import molam_sdk.pagination
    import molam_sdk.raw_response
    import molam_sdk.requester
    import molam_sdk_ext

    assert molam_sdk_ext.MolamError is molam_sdk.errors.MolamError
    assert molam_sdk_ext.ValidationError is molam_sdk.errors.ValidationError
    assert molam_sdk_ext.ResponseParseError is molam_sdk.errors.ResponseParseError
    assert molam_sdk_ext.SyncPage is molam_sdk.pagination.SyncPage
    assert molam_sdk_ext.AsyncPage is molam_sdk.pagination.AsyncPage
    assert molam_sdk_ext.RawResponse is molam_sdk.raw_response.RawResponse
    assert molam_sdk_ext.RequestOptions is molam_sdk.requester.RequestOptions


def test_no_second_client_is_generated() -> None:
    assert not (REPO_ROOT / "molam_sdk" / "api").exists()
    assert not (REPO_ROOT / "molam_sdk" / "client.py").exists()
