"""Root pytest configuration: the plugins that start real servers, derive each test's tier markers, and audit
the whole run for secrets. Fixtures live in conftest.py files; what tests import lives in tests/support."""

pytest_plugins: list[str] = [
    "tests.fixtures.tiers",
    "tests.fixtures.servers",
    "tests.fixtures.sandbox",
    "tests.fixtures.secret_audit",
    "tests.fixtures.hostile_server",
    "tests.fixtures.conformance",
]
