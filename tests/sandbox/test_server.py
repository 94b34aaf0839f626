"""Starting the sandbox: in a thread of this process, and the command line's errors."""

from __future__ import annotations

import socket
import subprocess
import sys

import httpx
import pytest

from molam_sandbox.__main__ import build_parser
from molam_sandbox.app import create_app
from molam_sandbox.faults import FaultConfig, FaultKind
from molam_sandbox.server import run_in_thread

pytestmark = pytest.mark.integration


def test_run_in_thread_serves_the_api_and_drops() -> None:
    app = create_app(faults=FaultConfig(rate=0.0))
    with (
        run_in_thread(app) as url,
        httpx.Client(base_url=url, headers={"Authorization": "Bearer sk_test_inthread01"}) as api,
    ):
        created = api.post("/v1/connect/payment_intents", json={"amount": 1, "currency": "XOF"})
        assert created.status_code == 200
        assert api.get(f"/v1/connect/payment_intents/{created.json()['id']}").json() == created.json()
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):  # a close or a reset
            api.get("/v1/ma/wallets", headers={"Molam-Sandbox-Fault": FaultKind.DROP.value})
        assert api.get("/v1/ma/wallets").status_code == 200  # a new connection is fine


def test_parser_defaults_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args([])
    assert (args.host, args.port, args.memory, args.fault_rate) == ("127.0.0.1", 12111, False, 0.0)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--fault-kinds", "500,earthquake"])
    assert "unknown fault kind 'earthquake'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--db", "x.db", "--memory"])


@pytest.mark.slow
def test_port_in_use_is_a_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "molam_sandbox", "--memory", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert "Address already in use" in result.stderr and "Traceback" not in result.stderr
