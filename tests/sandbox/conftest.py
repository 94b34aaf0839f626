"""Fixtures for the sandbox tests: clients bound to a fresh account, a webhook receiver (tests/support has the
receiver itself and `wait_for`, the polling)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from molam_sdk_ext.client import Molam
from tests.fixtures.sandbox import SandboxHandle
from tests.support.receivers import WebhookReceiver


@pytest.fixture
def api_key(sandbox: SandboxHandle) -> str:
    """A fresh test key: a fresh account, so tests never see each other's objects."""
    return sandbox.new_api_key()


@pytest.fixture
def api(sandbox: SandboxHandle, api_key: str) -> Iterator[httpx.Client]:
    """Raw HTTP to the session sandbox as a fresh account (for headers, faults, sandbox-only routes)."""
    with httpx.Client(
        base_url=sandbox.url, headers={"Authorization": f"Bearer {api_key}"}, timeout=10.0, trust_env=False
    ) as client:
        yield client


@pytest.fixture
def molam(sandbox: SandboxHandle, api_key: str) -> Iterator[Molam]:
    """The SDK client on the session sandbox as the same fresh account as `api`; no retries (errors surface)."""
    with Molam(api_key=api_key, base_url=sandbox.url, max_retries=0, telemetry=False) as client:
        yield client


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    """A webhook receiver on a free loopback port."""
    server = WebhookReceiver()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    """A client that behaves like a browser on a hosted page: no API key, no automatic redirects (tests check
    them). tests/support/pages.py reads and posts the page's form."""
    with httpx.Client(timeout=10.0, trust_env=False, follow_redirects=False) as client:
        yield client
