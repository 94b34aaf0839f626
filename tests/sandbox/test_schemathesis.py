"""Schemathesis against the running sandbox with spec/molam.yaml: every operation conforms, no 500s."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.fixtures.sandbox import SandboxHandle

pytestmark = pytest.mark.integration

SPEC = Path(__file__).resolve().parents[2] / "spec" / "molam.yaml"
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "response_schema_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "negative_data_rejection",
    "unsupported_method",
    "ignored_auth",
    "use_after_free",
    "ensure_resource_availability",
]


def _operation_count() -> int:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    methods = {"get", "post", "put", "patch", "delete"}
    return sum(1 for item in spec["paths"].values() for method in item if method in methods)


@pytest.mark.slow
def test_schemathesis_passes_on_every_operation(sandbox: SandboxHandle, tmp_path: Path) -> None:
    operations = _operation_count()
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        str(SPEC),
        "--url",
        sandbox.url,
        "-H",
        f"Authorization: Bearer {sandbox.new_api_key()}",
        "--checks",
        ",".join(CHECKS),
        "--max-examples",
        "5",
        "--seed",
        "20250115",
        "--generation-database",
        "none",
        "--no-color",
        "--request-timeout",
        "10",
        "--report",
        "junit",
        "--report-junit-path",
        str(tmp_path / "schemathesis.xml"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-8000:]
    assert f"{operations} selected / {operations} total" in output, output[-3000:]
    assert re.search(r"\d+ generated, \d+ passed", output), output[-3000:]
    assert "Traceback" not in sandbox.read_log()
