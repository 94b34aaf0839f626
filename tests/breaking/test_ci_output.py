"""The check as a CI gate: --fail-on and its exit codes, GitHub annotations on spec lines, JUnit XML, the
pull-request comment (verdict first, under 60 KB, a pasteable acknowledgement), acknowledgement globs
and locations, the unused-acknowledgement summary, and the note when the surface check is skipped."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.specdiff.render import MARKDOWN_BUDGET
from tests.breaking.builders import Spec, base_spec, schema


def _write(path: Path, spec: Spec) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = cli.breaking(list(argv))
    return status, capsys.readouterr().out


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    """base.yaml; head.yaml with a breaking removal, a warning (an enum value a reader may not know) and an
    addition; an empty acknowledgement file."""
    head = base_spec()
    schema(head, "PaymentIntent")["properties"].pop("capture_method")
    schema(head, "PaymentIntentStatus")["enum"].append("disputed")
    schema(head, "PaymentIntent")["properties"]["receipt_email"] = {"type": "string"}
    ack = tmp_path / "ack.yaml"
    ack.write_text("[]\n")
    return _write(tmp_path / "base.yaml", base_spec()), _write(tmp_path / "head.yaml", head), ack


def test_fail_on_decides_the_exit_status(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, head, ack = files
    common = ("--base", str(base), "--head", str(head), "--ack", str(ack))
    assert _run(capsys, *common)[0] == 1
    assert _run(capsys, *common, "--fail-on", "never")[0] == 0
    ack.write_text(
        yaml.safe_dump(
            [{"rule": "*-property-removed", "pointer": "/components/schemas/PaymentIntent/*", "reason": "v2"}]
        )
    )
    assert _run(capsys, *common)[0] == 0  # the glob acknowledges the removal everywhere it is seen
    status, out = _run(capsys, *common, "--fail-on", "warning")
    assert status == 1  # the enum value added on the read side (response, webhook) is a warning
    assert "FAIL: 2 unacknowledged breaking change(s) or warning(s)" in out
    with pytest.raises(SystemExit) as usage:
        cli.breaking([*common, "--fail-on", "sometimes"])
    assert usage.value.code == 2


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.breaking(["--help"])
    out = capsys.readouterr().out
    assert "0  passed" in out and "1  failed by policy" in out and "2  usage or input error" in out


def test_github_annotations_point_at_the_changed_spec_lines(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, head, ack = files
    monkeypatch.chdir(head.parent)
    status, out = _run(
        capsys, "--base", str(base), "--head", str(head), "--ack", str(ack), "--format", "github"
    )
    assert status == 1
    lines = head.read_text().splitlines()
    errors = [line for line in out.splitlines() if line.startswith("::error ")]
    assert errors and all(line.startswith("::error file=head.yaml,line=") for line in errors)
    removed = next(line for line in errors if "title=response-property-removed" in line)
    number = int(re.search(r"line=(\d+)", removed)[1])  # type: ignore[index]
    # The property is gone from the head: the annotation lands on the object that lost it.
    assert lines[number - 1].strip() == "properties:"
    assert "  PaymentIntent:" in "\n".join(lines[max(0, number - 15) : number])
    warning = next(line for line in out.splitlines() if line.startswith("::warning "))
    number = int(re.search(r"line=(\d+)", warning)[1])  # type: ignore[index]
    assert lines[number - 1].strip() == "- disputed"  # the added enum value itself
    assert out.splitlines()[-1].startswith("semver bump needed: major")


def test_github_annotations_name_the_file_of_a_multi_file_spec(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "none.yaml").write_text("[]\n")
    for side, max_length in (("base", 64), ("head", 32)):
        root = tmp_path / side
        (root / "schemas").mkdir(parents=True)
        entry = base_spec()
        entry["components"]["schemas"]["Customer"] = {"$ref": "schemas/customer.yaml"}
        schema(entry, "PaymentIntent")["properties"]["customer"] = {"$ref": "#/components/schemas/Customer"}
        _write(root / "openapi.yaml", entry)
        customer = {"type": "object", "properties": {"name": {"type": "string", "maxLength": max_length}}}
        (root / "schemas" / "customer.yaml").write_text(yaml.safe_dump(customer), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out = _run(
        capsys, "--base", "base/openapi.yaml", "--head", "head/openapi.yaml", "--ack", str(tmp_path / "none.yaml"),
        "--format", "github", "--fail-on", "never",
    )  # fmt: skip
    assert status == 0
    notices = [line for line in out.splitlines() if line.startswith("::")]
    assert notices == []  # a narrowed response constraint is informational: nothing to annotate
    status, out = _run(
        capsys, "--base", "head/openapi.yaml", "--head", "base/openapi.yaml", "--format", "github",
        "--ack", str(tmp_path / "none.yaml"),
    )  # fmt: skip
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == 2  # widened on the read side: the response and the webhook payload
    annotation = annotations[0]
    assert all(line.startswith("::warning file=base/schemas/customer.yaml,line=") for line in annotations)
    line = int(re.search(r"line=(\d+)", annotation)[1])  # type: ignore[index]
    assert "maxLength" in (tmp_path / "base" / "schemas" / "customer.yaml").read_text().splitlines()[line - 1]


def test_junit_report_fails_the_findings_that_fail_the_check(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, head, ack = files
    _, out = _run(capsys, "--base", str(base), "--head", str(head), "--ack", str(ack), "--format", "junit")
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    failed = [case for case in cases if case.find("failure") is not None]
    assert len(cases) == int(suite.get("tests", "0")) >= 3
    assert [case.get("classname") for case in failed] == [
        "breaking.response-property-removed",
        "breaking.webhook-payload-property-removed",
    ]
    _, out = _run(
        capsys,
        "--base",
        str(base),
        "--head",
        str(head),
        "--ack",
        str(ack),
        "--format",
        "junit",
        "--fail-on",
        "warning",
    )
    assert ET.fromstring(out).find("testsuite").get("failures") == "4"  # type: ignore[union-attr]


def test_markdown_puts_breaking_first_collapses_additions_and_gives_the_entry_to_paste(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, head, ack = files
    common = ("--base", str(base), "--head", str(head), "--ack", str(ack))
    status, out = _run(capsys, *common, "--format", "markdown")
    assert status == 1
    assert out.splitlines()[0].startswith("**❌ Breaking-change check failed")
    assert (
        out.index("Breaking (2)") < out.index("Warnings (2)") < out.index("<details><summary>🔵 Additive (")
    )
    snippet = out.split("```yaml\n", 1)[1].split("```", 1)[0]
    entries = yaml.safe_load(snippet)
    assert [entry["rule"] for entry in entries] == [
        "response-property-removed",
        "webhook-payload-property-removed",
    ]
    for entry in entries:
        entry["reason"] = "v2 drops capture_method"
    ack.write_text(yaml.safe_dump(entries))
    assert _run(capsys, *common)[0] == 0  # the pasted entry acknowledges exactly that change
    status, out = _run(capsys, *common, "--format", "markdown")
    assert out.startswith("**✅ Breaking-change check passed: every breaking change acknowledged**")


@pytest.mark.slow
def test_markdown_stays_under_60_kb_whatever_the_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "none.yaml").write_text("[]\n")
    base, head = base_spec(), base_spec()
    for index in range(1500):
        base["components"]["schemas"][f"Model{index}"] = {
            "type": "object",
            "properties": {"a": {"type": "string"}},
        }
        base["paths"][f"/v1/things_{index}"] = {
            "get": {"operationId": f"get_thing_{index}", "responses": {"200": {"description": "ok"}}}
        }
    status, out = _run(
        capsys, "--base", str(_write(tmp_path / "b.yaml", base)), "--head", str(_write(tmp_path / "h.yaml", head)),
        "--ack", str(tmp_path / "none.yaml"), "--format", "markdown",
    )  # fmt: skip
    assert status == 1
    assert len(out.encode()) < 60_000 and MARKDOWN_BUDGET < 60_000
    assert out.startswith("**❌ Breaking-change check failed: 1500 unacknowledged breaking change(s)**")
    assert "more finding(s) left out" in out


def test_a_file_base_says_the_surface_check_was_skipped(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, head, ack = files
    _, out = _run(capsys, "--base", str(base), "--head", str(head), "--ack", str(ack))
    assert "SDK surface check skipped: --base" in out
    _, out = _run(capsys, "--base", str(base), "--head", str(head), "--ack", str(ack), "--no-surface")
    assert "SDK surface check skipped" not in out


def test_acknowledgement_rules_must_match_a_known_rule(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, head, ack = files
    ack.write_text(yaml.safe_dump([{"rule": "*-no-such-rule", "pointer": "/x", "reason": "r"}]))
    status = cli.breaking(["--base", str(base), "--head", str(head), "--ack", str(ack)])
    assert status == 2
    assert "a glob matching one" in capsys.readouterr().err


def test_sdk_entries_are_not_called_unused_when_the_surface_was_not_compared(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, head, ack = files
    ack.write_text(
        yaml.safe_dump(
            [
                {"rule": "sdk-name-removed", "symbol": "molam_sdk.x:y", "reason": "moved"},
                {"rule": "operation-removed", "pointer": "/paths/~1nothing/get", "reason": "stale"},
            ]
        )
    )
    _, out = _run(capsys, "--base", str(base), "--head", str(head), "--ack", str(ack), "--format", "json")
    # Only the spec entry is stale: `make release` must not prune the SDK one on a spec-only run.
    assert [entry["rule"] for entry in json.loads(out)["unused_acknowledgements"]] == ["operation-removed"]
