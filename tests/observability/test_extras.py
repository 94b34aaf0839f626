"""Each extra stands alone: spans without prometheus-client, metrics without OpenTelemetry, clear hints otherwise."""

from __future__ import annotations

import subprocess
import sys

BLOCK = "import sys; sys.modules[{name!r}] = None; "  # makes `import name` fail as if it were not installed


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_spans_work_without_prometheus_client() -> None:
    code = BLOCK.format(name="prometheus_client") + (
        "from molam_sdk_ext.observability.otel import MolamTracing; from molam_sdk_ext.observability.hooks import Hooks; "
        "MolamTracing().instrument(Hooks()); print('ok')"
    )
    result = run(code)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_metrics_without_prometheus_client_say_which_extra() -> None:
    result = run(
        BLOCK.format(name="prometheus_client")
        + "from molam_sdk_ext.observability.prometheus import MolamMetrics; MolamMetrics()"
    )
    assert result.returncode != 0 and "pip install 'molam-sdk[prometheus]'" in result.stderr


def test_metrics_work_without_opentelemetry() -> None:
    code = BLOCK.format(name="opentelemetry") + (
        "from prometheus_client import CollectorRegistry; "
        "from molam_sdk_ext.observability.prometheus import MolamMetrics; MolamMetrics(CollectorRegistry()); print('ok')"
    )
    result = run(code)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_spans_without_opentelemetry_say_which_extra() -> None:
    result = run(BLOCK.format(name="opentelemetry") + "import molam_sdk_ext.observability.otel")
    assert result.returncode != 0 and "pip install 'molam-sdk[otel]'" in result.stderr
