"""`molam webhooks trigger|listen` and `molam events list|get` against the sandbox.

`webhooks listen` runs as a real subprocess (Ctrl-C-able, printing JSON Lines) and forwards to the Flask example
app served on a loopback port: the acceptance path "a triggered event reaches a running example app, which
verifies it".
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from molam_sdk.events import EVENT_TYPES
from molam_sdk_ext.cli.exit_codes import ExitCode
from molam_sdk_ext.webhooks import sign
from tests.support import wait_for
from tests.support.cli import Cli

from ..examples.apps import load_example, serve_wsgi

FORWARD_SECRET = "whsec_cli_forwarding_secret_for_tests"


class Listener:
    """`molam webhooks listen ... --json` in a subprocess; its JSON lines arrive on a queue."""

    def __init__(self, cli: Cli, *args: str) -> None:
        env = dict(os.environ, MOLAM_API_BASE=cli.base, MOLAM_API_KEY=cli.key, PYTHONUNBUFFERED="1")
        cmd = [sys.executable, "-m", "molam_sdk_ext.cli", "webhooks", "listen", "--json", *args]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.lines: queue.Queue[dict[str, Any]] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.strip():
                self.lines.put(json.loads(line))

    def next(self, timeout: float = 20.0) -> dict[str, Any]:
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            self.proc.kill()
            stderr = self.proc.stderr.read() if self.proc.stderr else ""
            raise AssertionError(f"no output from listen; stderr: {stderr}") from None

    def wait(self, timeout: float = 20.0) -> int:
        return self.proc.wait(timeout=timeout)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@contextlib.contextmanager
def listening(cli: Cli, *args: str) -> Iterator[Listener]:
    listener = Listener(cli, *args)
    try:
        yield listener
    finally:
        listener.stop()


def test_trigger_makes_the_sandbox_produce_the_event(cli: Cli) -> None:
    event = cli.ok("webhooks", "trigger", "payout.paid")
    assert event["type"] == "payout.paid" and event["id"].startswith("evt_")
    assert event["data"]["object"]["status"] == "paid"
    human = cli("webhooks", "trigger", "payment_intent.succeeded")
    assert human.exit_code == 0 and "Triggered payment_intent.succeeded evt_" in human.stdout


def test_an_unknown_type_is_a_usage_error_listing_the_registry(cli: Cli) -> None:
    """The choices are the generated registry's event types: refused before anything is sent."""
    for args in (("webhooks", "trigger"), ("events", "list", "--type")):
        run = cli(*args, "payment_intent.exploded")
        assert run.exit_code == ExitCode.USAGE, run.stderr
        assert "payment_intent.exploded" in run.stderr and EVENT_TYPES[-1] in run.stderr


def test_events_list_and_get(cli: Cli) -> None:
    triggered = cli.ok("webhooks", "trigger", "transfer.completed")
    listed = cli.ok("events", "list", "--type", "transfer.completed")
    assert [e["id"] for e in listed["data"]] == [triggered["id"]]
    event = cli.ok("events", "get", triggered["id"])
    assert event["data"]["object"]["object"] == "transfer"
    table = cli("events", "list")
    assert table.exit_code == 0 and triggered["id"] in table.stdout
    assert cli("events", "get", "evt_nope").exit_code == ExitCode.API_ERROR


@pytest.mark.slow
def test_listen_forwards_a_triggered_event_to_the_flask_example_which_verifies_it(cli: Cli) -> None:
    flask_example = load_example("flask_webhooks.py")
    app = flask_example.create_app(FORWARD_SECRET)
    with serve_wsgi(app) as app_url, listening(
        cli,
        "--forward-to", f"{app_url}/webhooks/molam", "--forward-secret", FORWARD_SECRET,
        "--events", "payment_intent.succeeded", "--max-events", "1",
    ) as listener:  # fmt: skip
        ready = listener.next()
        assert ready["ready"] is True and ready["endpoint"].startswith("we_")
        assert "forward_secret" not in ready  # the user gave it: never echoed
        event = cli.ok("webhooks", "trigger", "payment_intent.succeeded")
        delivery = listener.next()
        assert delivery == {**delivery, "event_id": event["id"], "event_type": "payment_intent.succeeded"}
        assert delivery["verified"] is True and delivery["app_status"] == 200 and delivery["ok"] is True
        assert listener.wait() == 0
        handled = httpx.get(f"{app_url}/events").json()
        assert [h["event"] for h in handled] == [event["id"]]
        assert handled[0]["object"] == event["data"]["object"]["id"]
    with cli.client() as molam:  # the temporary endpoint is gone
        assert molam.webhook_endpoints.list().data == []


def test_listen_generates_a_secret_and_rejects_forged_deliveries_with_exit_4(cli: Cli) -> None:
    received: list[bytes] = []

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        received.append(environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)))
        start_response("204 No Content", [])
        return []

    with (
        serve_wsgi(app) as app_url,
        listening(
            cli, "--forward-to", app_url, "--events", "refund.processed", "--max-events", "1"
        ) as listener,
    ):
        ready = listener.next()
        assert ready["forward_secret"].startswith("whsec_")
        forged = b'{"id": "evt_forged", "type": "refund.processed"}'
        answer = httpx.post(
            ready["listening_on"],
            content=forged,
            headers={"Molam-Signature": sign(forged, "whsec_wrong", "k1")},
        )
        assert answer.status_code == 400
        rejected = listener.next()
        assert rejected["verified"] is False and rejected["reason"] == "signature_mismatch"
        cli.ok("webhooks", "trigger", "refund.processed")
        forwarded = listener.next()
        assert forwarded["ok"] is True and forwarded["app_status"] == 204
        assert listener.wait() == ExitCode.VERIFICATION
    assert len(received) == 1 and json.loads(received[0])["id"] == forwarded["event_id"]


def test_listen_reports_an_unreachable_app(cli: Cli) -> None:
    from tests.support import free_port

    with listening(
        cli,
        "--forward-to",
        f"http://127.0.0.1:{free_port()}/hook",
        "--events",
        "payout.failed",
        "--max-events",
        "1",
    ) as listener:
        listener.next()
        cli.ok("webhooks", "trigger", "payout.failed")
        delivery = listener.next()
        assert (
            delivery["verified"] is True
            and delivery["app_status"] is None
            and "ConnectError" in delivery["app_error"]
        )
        assert listener.wait() == 0


def test_listen_human_output(cli: Cli) -> None:
    received: list[int] = []

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        received.append(1)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    env = dict(
        os.environ, MOLAM_API_BASE=cli.base, MOLAM_API_KEY=cli.key, PYTHONUNBUFFERED="1", COLUMNS="200"
    )
    with serve_wsgi(app) as app_url:
        cmd = [sys.executable, "-m", "molam_sdk_ext.cli", "webhooks", "listen", "--forward-to", app_url]
        cmd += ["--events", "charge.refunded", "--max-events", "1"]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        try:
            assert proc.stdout is not None
            first = proc.stdout.readline()
            assert first.startswith("Ready. Forwarding webhooks to")
            assert "webhook secret for this session: whsec_" in proc.stdout.readline()
            cli.ok("webhooks", "trigger", "charge.refunded")
            out, err = proc.communicate(timeout=20)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert proc.returncode == 0
    assert "--> charge.refunded evt_" in out and "[200]" in out
    assert "Forwarded 1 event(s)." in err
    wait_for(lambda: received)


def test_ctrl_c_stops_listen_cleanly_and_deletes_its_endpoint(cli: Cli) -> None:
    import signal

    env = dict(os.environ, MOLAM_API_BASE=cli.base, MOLAM_API_KEY=cli.key, PYTHONUNBUFFERED="1")
    cmd = [sys.executable, "-m", "molam_sdk_ext.cli", "webhooks", "listen", "--json"]
    cmd += ["--forward-to", "http://127.0.0.1:9/unused"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
    )
    try:
        assert proc.stdout is not None
        ready = json.loads(proc.stdout.readline())
        with cli.client() as molam:
            assert [e.id for e in molam.webhook_endpoints.list()] == [ready["endpoint"]]
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
    with cli.client() as molam:
        assert molam.webhook_endpoints.list().data == []
