"""`python -m generator breaking`: inputs (file, git revision), acknowledgements, formats, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import cli
from tests.breaking.builders import Spec, base_spec, schema

REPO = Path(__file__).resolve().parents[2]


def _write(path: Path, spec: Spec) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def _broken() -> Spec:
    spec = base_spec()
    schema(spec, "PaymentIntent")["properties"].pop("created")
    schema(spec, "PaymentIntent")["required"].remove("created")
    schema(spec, "PaymentIntent")["properties"]["receipt_email"] = {"type": "string"}
    return spec


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path, Path]:
    """base.yaml, head.yaml (one breaking removal, one addition) and an empty ack file."""
    ack = tmp_path / "ack.yaml"
    ack.write_text("[]\n")
    return _write(tmp_path / "base.yaml", base_spec()), _write(tmp_path / "head.yaml", _broken()), ack


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.breaking(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_text_format_groups_by_severity_and_fails_on_breaking(
    pair: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, head, ack = pair
    status, out, _ = run(capsys, "--base", str(base), "--head", str(head), "--ack", str(ack))
    assert status == 1
    assert out.index("BREAKING (2)") < out.index("INFO (additive) (2)")
    assert "response-property-removed: PaymentIntent.created" in out
    assert "base: /components/schemas/PaymentIntent/properties/created" in out
    assert "semver bump needed: major" in out
    assert "FAIL: 2 unacknowledged breaking change(s)" in out


def test_identical_specs_pass(pair: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    base, _, ack = pair
    status, out, _ = run(capsys, "--base", str(base), "--head", str(base), "--ack", str(ack))
    assert status == 0
    assert "semver bump needed: none (0 breaking, 0 warning, 0 info); OK" in out


def test_json_format(pair: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    base, head, ack = pair
    status, out, _ = run(
        capsys, "--base", str(base), "--head", str(head), "--ack", str(ack), "--format", "json"
    )
    assert status == 1
    report = json.loads(out)
    assert report["verdict"] == "major"
    assert report["summary"] == {
        "breaking": 2,
        "warning": 0,
        "info": 2,
        "acknowledged": 0,
        "unacknowledged_breaking": 2,
        "failing": 2,
        "sdk_surface": 0,  # two spec files: no SDK code to compare
    }
    first = report["findings"][0]
    assert set(first) == {
        "rule", "severity", "bump", "message", "base_pointer", "head_pointer", "symbol",
        "operation", "operations", "acknowledged", "ack_reason", "source",
    }  # fmt: skip
    assert first["source"] == "spec"
    added = next(item for item in report["findings"] if item["rule"] == "response-property-added")
    assert added["base_pointer"] is None
    assert added["head_pointer"] == "/components/schemas/PaymentIntent/properties/receipt_email"
    assert added["symbol"] == "PaymentIntent.receipt_email"
    assert added["operation"] == {
        "kind": "operation",
        "method": "GET",
        "path": "/v1/connect/payment_intents",
        "operation_id": "list_payment_intents",
    }


def test_markdown_format_gives_the_verdict_first_and_one_row_per_finding(
    pair: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, head, ack = pair
    status, out, _ = run(
        capsys, "--base", str(base), "--head", str(head), "--ack", str(ack), "--format", "markdown"
    )
    assert status == 1
    assert out.startswith("**❌ Breaking-change check failed: 2 unacknowledged breaking change(s)**")
    assert "semver bump: **major**" in out.splitlines()[0]
    assert "| Rule | Change | SDK symbol | Operations | Location | Acknowledged |" in out
    rows = [line for line in out.splitlines() if line.startswith("| `")]
    assert len(rows) == 4
    assert any("`response-property-removed`" in row and "`PaymentIntent.created`" in row for row in rows)
    assert "spec/breaking-acknowledged.yaml" in out


def test_acknowledged_breaking_changes_pass_and_are_still_shown(
    pair: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, head, ack = pair
    ack.write_text(
        yaml.safe_dump(
            [
                {"rule": "response-property-removed", "symbol": "PaymentIntent.created", "reason": "v2"},
                {
                    "rule": "webhook-payload-property-removed",
                    "pointer": "/components/schemas/PaymentIntent/properties/created",
                    "reason": "v2",
                },
                {"rule": "operation-removed", "symbol": "molam.nothing.here", "reason": "stale"},
            ]
        )
    )
    status, out, _ = run(capsys, "--base", str(base), "--head", str(head), "--ack", str(ack))
    assert status == 0
    assert "response-property-removed [acknowledged]" in out
    # One summary line for the entries that matched nothing, however many there are.
    assert "note: 1 acknowledgement(s) matched nothing in this comparison" in out
    assert "molam.nothing.here" not in out
    assert "semver bump needed: major" in out  # still a major release
    status, out, _ = run(
        capsys, "--base", str(base), "--head", str(head), "--ack", str(ack), "--format", "json"
    )
    assert json.loads(out)["summary"]["acknowledged"] == 2


def test_output_file(
    pair: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, head, ack = pair
    target = tmp_path / "comment.md"
    status, out, _ = run(
        capsys,
        "--base",
        str(base),
        "--head",
        str(head),
        "--ack",
        str(ack),
        "--format",
        "markdown",
        "--output",
        str(target),
    )
    assert status == 1 and out == ""
    assert target.read_text().startswith("**❌ Breaking-change check failed")


def test_input_errors_exit_2(
    pair: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, head, ack = pair
    bad_ack = tmp_path / "bad.yaml"
    bad_ack.write_text("- rule: nope\n  symbol: x\n  reason: y\n")
    assert run(capsys, "--base", str(base), "--head", str(head), "--ack", str(bad_ack))[0] == 2
    swagger = tmp_path / "swagger.yaml"
    swagger.write_text("swagger: '2.0'\n")
    status, _, err = run(capsys, "--base", str(swagger), "--head", str(head), "--ack", str(ack))
    assert status == 2 and "not an OpenAPI 3.x document" in err
    status, _, err = run(
        capsys, "--base", str(base), "--head", str(tmp_path / "missing.yaml"), "--ack", str(ack)
    )
    assert status == 2


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose first commit has no spec and whose second commit has the base spec."""
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    (root / "README").write_text("x\n")
    _git(root, "add", "README")
    _git(root, "commit", "-q", "-m", "no spec yet")
    _write(root / "spec" / "molam.yaml", base_spec())
    _git(root, "add", "spec/molam.yaml")
    _git(root, "commit", "-q", "-m", "spec")
    _write(root / "spec" / "molam.yaml", _broken())  # the working tree is the head
    return root


def test_git_ref_base(repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ack = tmp_path / "ack.yaml"
    ack.write_text("[]\n")
    head = str(repo / "spec" / "molam.yaml")
    status, out, _ = run(
        capsys, "--base", "HEAD", "--head", head, "--repo", str(repo), "--ack", str(ack), "--format", "json"
    )
    assert status == 1
    report = json.loads(out)
    assert report["base"] == "HEAD:spec/molam.yaml"
    assert {item["rule"] for item in report["findings"]} == {
        "response-property-removed",
        "webhook-payload-property-removed",
        "response-property-added",
        "webhook-payload-property-added",
    }


def test_git_ref_without_spec_reports_no_base(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ack = tmp_path / "ack.yaml"
    ack.write_text("[]\n")
    head = str(repo / "spec" / "molam.yaml")
    status, out, _ = run(capsys, "--base", "HEAD~1", "--head", head, "--repo", str(repo), "--ack", str(ack))
    assert status == 0
    assert "no base spec" in out


def test_unknown_git_ref_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ack = tmp_path / "ack.yaml"
    ack.write_text("[]\n")
    status, _, err = run(
        capsys,
        "--base",
        "no-such-branch",
        "--head",
        str(repo / "spec" / "molam.yaml"),
        "--repo",
        str(repo),
        "--ack",
        str(ack),
    )
    assert status == 2
    assert "neither a file nor a git revision" in err


def test_module_entry_point(pair: tuple[Path, Path, Path]) -> None:
    base, head, ack = pair
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "breaking",
            "--base",
            str(base),
            "--head",
            str(head),
            "--ack",
            str(ack),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "BREAKING (2)" in done.stdout
