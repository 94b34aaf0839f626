"""Root pytest configuration: registers the fixture plugins that start real servers."""

pytest_plugins: list[str] = [
    "tests.fixtures.servers",
    "tests.fixtures.sandbox",
]
