"""Fixtures for the legacy tests: a fresh deprecation registry per test, the environment SDK A read, and a
real HTTP receiver for the sandbox's webhook deliveries."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from molam_sdk_ext.legacy import deprecation
from tests.fixtures.sandbox import SandboxHandle
from tests.support.receivers import DeliveryReceiver


@pytest.fixture(autouse=True)
def fresh_deprecations() -> Iterator[None]:
    """Each test sees every entry point warn once again."""
    deprecation.reset()
    yield
    deprecation.reset()


@pytest.fixture
def legacy_env(sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch) -> str:
    """The variables SDK A's `Config()` reads, pointing at the sandbox with a fresh account; returns the key."""
    key = sandbox.new_api_key()
    for name in ("MOLAM_WEBHOOK_SECRET", "MOLAM_DEFAULT_CURRENCY", "MOLAM_TIMEOUT", "MOLAM_MAX_RETRIES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MOLAM_API_KEY", key)
    monkeypatch.setenv("MOLAM_API_BASE", sandbox.url)
    return key


@pytest.fixture
def receiver() -> Iterator[DeliveryReceiver]:
    """A webhook receiver on a free loopback port."""
    server = DeliveryReceiver()
    try:
        yield server
    finally:
        server.close()
