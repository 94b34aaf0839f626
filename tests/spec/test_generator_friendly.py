"""openapi-python-client 0.29.1 generates the whole spec without a warning (DESIGN.md 7)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.spec import REPO, SPEC_PATH

EXPECTED_MODULES = {
    "balances",
    "charges",
    "events",
    "merchant_onboarding",
    "payment_intents",
    "payouts",
    "refunds",
    "transfers",
    "wallets",
    "webhook_endpoints",
}


@pytest.mark.slow
def test_generates_every_endpoint_and_model_without_warnings(tmp_path: Path) -> None:
    # No post hooks: this checks the spec, not the formatting of the generated code.
    config = tmp_path / "config.yaml"
    config.write_text("post_hooks: []\n", encoding="utf-8")
    out = tmp_path / "client"
    generator = Path(sys.executable).with_name("openapi-python-client")
    command = [str(generator), "generate", "--path", str(SPEC_PATH), "--meta", "none", "--overwrite"]
    result = subprocess.run(
        [*command, "--output-path", str(out), "--config", str(config)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Warning" not in output, output
    assert {p.name for p in (out / "api").iterdir() if p.is_dir()} == EXPECTED_MODULES
    endpoints = {p.stem for p in (out / "api").glob("*/*.py") if p.stem != "__init__"}
    assert len(endpoints) == 35
    models = {p.stem for p in (out / "models").glob("*.py")}
    for name in ("payment_intent", "payout", "error_response", "payment_intent_succeeded_event_data"):
        assert name in models
