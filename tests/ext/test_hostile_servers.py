"""Against a real socket server that misbehaves (tests/fixtures/hostile_server.py): the call's deadline holds
whatever the server does, and a body larger than the cap is refused, gzip bombs included.

The time bounds asserted here are correctness bounds with a wide margin (deadline + 3 s), not speed figures:
before the fix these calls were still waiting after 30 to 120 seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from molam_sdk_ext import APITimeoutError, AsyncMolam, Molam, ResponseTooLargeError
from tests.fixtures.hostile_server import HostileServer
from tests.support.transport import TEST_KEY

MARGIN = 3.0  # seconds past the deadline still counted as "held": generous, so a busy machine cannot fail it


def _client(url: str, **options: object) -> Molam:
    return Molam(api_key=TEST_KEY, base_url=url, telemetry=False, circuit_breaker=False, **options)  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["drip", "drip_body"])
def test_total_deadline_holds_against_a_trickling_server(
    hostile_server: type[HostileServer], mode: str
) -> None:
    server = hostile_server(mode)
    with _client(server.url, total_timeout=4, timeout=2) as molam:
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as info:
            molam.payment_intents.retrieve("pi_drip")
        elapsed = time.monotonic() - started
    assert elapsed < 4 + MARGIN
    assert elapsed >= 3.5  # the total deadline ended it (two attempts of at most 2 s), not something else
    assert "total deadline of 4 s" in str(info.value)
    assert server.served == 2  # the first attempt's own 2 s ran out, one retry, then the deadline


@pytest.mark.slow
async def test_total_deadline_holds_async(hostile_server: type[HostileServer]) -> None:
    server = hostile_server("drip")
    async with AsyncMolam(
        api_key=TEST_KEY,
        base_url=server.url,
        total_timeout=4,
        timeout=2,
        telemetry=False,
        circuit_breaker=False,
    ) as molam:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            await molam.payment_intents.retrieve("pi_drip")
        elapsed = time.monotonic() - started
    assert 3.5 <= elapsed < 4 + MARGIN


@pytest.mark.slow
def test_per_attempt_timeout_is_a_whole_attempt_bound(hostile_server: type[HostileServer]) -> None:
    server = hostile_server("drip_body")
    with _client(server.url, timeout=2, max_retries=0) as molam:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            molam.payment_intents.retrieve("pi_drip")
        assert time.monotonic() - started < 2 + MARGIN


@pytest.mark.slow
def test_cli_timeout_holds(hostile_server: type[HostileServer]) -> None:
    server = hostile_server("drip")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOLAM_")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "molam_sdk_ext.cli",
            "--api-base",
            server.url,
            "--timeout",
            "2",
            "--max-retries",
            "0",
            "payments",
            "get",
            "pi_drip",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    ended = time.monotonic()
    assert done.returncode == 3, done.stderr
    assert "timed out" in done.stderr
    # Timed from the CLI's connection, not its launch: the interpreter's start-up is not the call's, and on a
    # loaded machine it alone took over 10 s.
    assert server.first_accepted is not None
    assert ended - server.first_accepted < 2 + MARGIN


def test_body_larger_than_the_cap_is_refused_before_reading(hostile_server: type[HostileServer]) -> None:
    server = hostile_server("large", size=5_000_000)
    with (
        _client(server.url, max_response_bytes=1_000_000) as molam,
        pytest.raises(ResponseTooLargeError) as info,
    ):
        molam.payment_intents.retrieve("pi_big")
    assert info.value.limit == 1_000_000 and info.value.request_id == "req_hostile"
    assert server.served == 1  # not retried: the same request would get the same answer


def test_unsized_body_stops_at_the_cap(hostile_server: type[HostileServer]) -> None:
    server = hostile_server("large_unsized", size=5_000_000)
    with _client(server.url, max_response_bytes=1_000_000) as molam, pytest.raises(ResponseTooLargeError):
        molam.payment_intents.retrieve("pi_big")


@pytest.mark.slow
def test_gzip_bomb_is_counted_inflated_against_the_default_cap(hostile_server: type[HostileServer]) -> None:
    server = hostile_server("gzip_bomb", size=64 * 1024 * 1024)  # ~64 KB on the wire
    with _client(server.url) as molam:  # default cap: 10 MiB
        assert molam.settings.max_response_bytes == 10 * 1024 * 1024
        with pytest.raises(ResponseTooLargeError):
            molam.payment_intents.retrieve("pi_bomb")


async def test_async_cap(hostile_server: type[HostileServer]) -> None:
    server = hostile_server("large_unsized", size=3_000_000)
    async with AsyncMolam(api_key=TEST_KEY, base_url=server.url, max_response_bytes=100_000) as molam:
        with pytest.raises(ResponseTooLargeError):
            await molam.payment_intents.retrieve("pi_big")
