"""`python -m generator generate` is reproducible, and `python -m generator check` catches drift."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.codegen.generate import install
from generator.codegen.layout import GENERATED_FILES_HEADER, SANDBOX_MODELS, generated_files
from generator.codegen.tree_diff import compare_trees, report

from .spec_cases import REPO_ROOT, SPEC_PATH

pytestmark = pytest.mark.slow  # regenerates the whole package into temporary trees


def run_generator(*args: str, hash_seed: str = "0", serial: bool = False) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ...` from the repository in a fresh interpreter."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    env.pop("MOLAM_GENERATE_SERIAL", None)
    if serial:
        env["MOLAM_GENERATE_SERIAL"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {path.as_posix(): (root / path).read_bytes() for path in generated_files(root)}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh generation of the spec into an empty root."""
    root = tmp_path_factory.mktemp("generated")
    result = run_generator("generate", "--root", str(root), "--spec", str(SPEC_PATH), hash_seed="1")
    assert result.returncode == 0, result.stderr
    return root


def test_two_runs_are_byte_identical(generated: Path, tmp_path: Path) -> None:
    # Another hash seed and a serial run: neither set ordering nor the worker process may change a byte.
    result = run_generator(
        "generate", "--root", str(tmp_path), "--spec", str(SPEC_PATH), hash_seed="4242", serial=True
    )
    assert result.returncode == 0, result.stderr

    first, second = tree_bytes(generated), tree_bytes(tmp_path)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_output_has_no_machine_specific_text(generated: Path) -> None:
    for name, content in tree_bytes(generated).items():
        text = content.decode()
        assert str(REPO_ROOT) not in text, name
        assert str(generated) not in text, name
        assert "\r\n" not in text, name


def test_every_generated_file_starts_with_the_header(generated: Path) -> None:
    files = tree_bytes(generated)
    assert "molam_sdk/py.typed" in files
    assert SANDBOX_MODELS.as_posix() in files
    assert any(name.startswith("molam_sdk/resources/") for name in files)
    for name, content in files.items():
        assert content.decode().split("\n", 1)[0] == GENERATED_FILES_HEADER, name


def test_the_committed_tree_is_up_to_date() -> None:
    result = run_generator("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "up to date" in result.stdout


def copy_tree(source: Path, destination: Path) -> Path:
    for name, content in tree_bytes(source).items():
        (destination / name).parent.mkdir(parents=True, exist_ok=True)
        (destination / name).write_bytes(content)
    return destination


def test_install_leaves_an_up_to_date_tree_alone(generated: Path, tmp_path: Path) -> None:
    root = copy_tree(generated, tmp_path / "tree")
    before = {path: (root / path).stat().st_mtime_ns for path in generated_files(root)}

    assert install(generated, root) == []
    assert {path: (root / path).stat().st_mtime_ns for path in generated_files(root)} == before


def test_install_replaces_the_package_and_drops_stale_files(generated: Path, tmp_path: Path) -> None:
    root = copy_tree(generated, tmp_path / "tree")
    (root / "molam_sdk/models/stale.py").write_text("x = 1\n")
    (root / SANDBOX_MODELS).write_text("old\n")

    changed = install(generated, root)

    assert changed == sorted(["molam_sdk/models/stale.py", SANDBOX_MODELS.as_posix()])
    assert tree_bytes(root) == tree_bytes(generated)
    assert sorted(p.name for p in root.iterdir()) == ["molam_sandbox", "molam_sdk"]  # no leftovers


def test_check_names_the_files_a_spec_change_affects(tmp_path: Path) -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text())
    spec["components"]["schemas"]["PaymentIntent"]["properties"]["loyalty_points"] = {
        "type": "integer",
        "description": "Points earned.",
    }
    changed_spec = tmp_path / "molam.yaml"
    changed_spec.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))

    result = run_generator("check", "--spec", str(changed_spec))

    assert result.returncode == 1
    assert "changed: molam_sdk/models/payment_intent.py" in result.stdout
    assert "changed: molam_sandbox/models.py" in result.stdout
    assert "+    loyalty_points: int | Unset = UNSET" in result.stdout  # the diff itself is shown
    assert "changed: molam_sdk/models/payment_intent_list.py" not in result.stdout


def test_check_reports_missing_extra_and_edited_files(generated: Path, tmp_path: Path) -> None:
    root = copy_tree(generated, tmp_path / "tree")
    (root / "molam_sdk/models/refund.py").unlink()
    (root / "molam_sdk/models/hand_written.py").write_text("x = 1\n")
    edited = root / "molam_sdk/resources/payment_intents.py"
    edited.write_text(edited.read_text().replace("def retrieve(", "def fetch(", 1))

    text = report(compare_trees(expected=generated, actual=root))

    assert "missing: molam_sdk/models/refund.py" in text
    assert "extra: molam_sdk/models/hand_written.py" in text
    assert "changed: molam_sdk/resources/payment_intents.py" in text
    assert "-    def fetch(" in text and "+    def retrieve(" in text
    assert len(text.splitlines()) < 80  # diffs are truncated per file


def test_a_broken_spec_fails_with_a_message_and_keeps_the_tree(generated: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo:\n  title: Molam API\n  version: 2025-01-15\npaths: {}\n")
    before = tree_bytes(generated)

    result = run_generator("generate", "--root", str(generated), "--spec", str(broken))

    assert result.returncode == 1
    assert "info.version must be a string" in result.stderr
    assert tree_bytes(generated) == before
