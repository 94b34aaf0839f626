"""Root pytest configuration: the plugins that start real servers, and the whole-run secret audit."""

pytest_plugins: list[str] = [
    "tests.fixtures.servers",
    "tests.fixtures.sandbox",
    "tests.fixtures.secret_audit",
    "tests.fixtures.hostile_server",
    "tests.fixtures.conformance",
]
