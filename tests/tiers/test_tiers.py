"""The tier markers of tests/fixtures/tiers.py, in a pytest session of their own (pytester): what each rule derives,
that ``-m "not redis"`` then leaves the test out, and that the run-time check fails a test that reaches a server
without its marker, or any test at all when ``MOLAM_TEST_FORBID_SERVERS`` names the server."""

from __future__ import annotations

import json

import pytest

pytest_plugins = ["pytester"]

INI = """
[pytest]
asyncio_default_fixture_loop_scope = function
markers =
    redis: r
    postgres: p
    celery: c
    browser: b
    sandbox: s
    slow: long
"""

# Stand-ins for the real server fixtures (tests/fixtures/servers.py): same names, no server behind them, so
# only the derivation is under test. `redis_url` hands out the server as the real one does, through the check.
CONFTEST = """
import pytest

from tests.fixtures.tiers import check_server_allowed


@pytest.fixture
def redis_url():
    check_server_allowed("redis")
    return "redis://127.0.0.1:1/0"


@pytest.fixture
def postgres_store_url():
    check_server_allowed("postgres")
    return "postgresql://nowhere/db"


@pytest.fixture
def sandbox():
    return object()


@pytest.fixture
def through_a_fixture(sandbox):
    return sandbox
"""


def _session(pytester: pytest.Pytester, source: str) -> None:
    pytester.makeini(INI)
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_example=source)


def _markers(pytester: pytest.Pytester) -> dict[str, set[str]]:
    """Test name -> its markers, as the collection hook left them (a conftest hook writes them down)."""
    pytester.makeconftest(
        CONFTEST
        + """
import json


def pytest_collection_finish(session):
    with open("markers.json", "w") as out:
        json.dump({i.name: sorted(m.name for m in i.iter_markers()) for i in session.items}, out)
"""
    )
    result = pytester.runpytest_inprocess("-p", "tests.fixtures.tiers", "--collect-only", "-q")
    assert result.ret == 0, result.stdout.str()
    data = json.loads((pytester.path / "markers.json").read_text())
    return {name: set(marks) for name, marks in data.items()}


def test_markers_come_from_fixtures_parameters_code_and_imports(pytester: pytest.Pytester) -> None:
    _session(
        pytester,
        """
import pytest
from celery import Celery
from tests.fixtures.servers import RedisServer


def test_fixture(redis_url):
    pass


def test_fixture_of_a_fixture(through_a_fixture):
    pass


@pytest.mark.parametrize("backend", ["memory", "postgres"])
def test_backend(backend, request):
    pass


@pytest.mark.parametrize("url", ["redis"])
def test_a_string_without_request(url):
    pass


def test_builds_a_server():
    RedisServer


def test_plain():
    pass
""",
    )
    markers = _markers(pytester)
    assert markers["test_fixture"] == {"redis", "celery"}  # the module imports Celery: all its tests
    assert markers["test_fixture_of_a_fixture"] == {"sandbox", "celery"}
    assert markers["test_backend[memory]"] == {"parametrize", "celery"}
    assert markers["test_backend[postgres]"] == {"parametrize", "postgres", "celery"}
    assert markers["test_a_string_without_request[redis]"] == {"parametrize", "celery"}
    assert markers["test_builds_a_server"] == {"redis", "celery"}
    assert markers["test_plain"] == {"celery"}


def test_not_redis_deselects_what_was_derived(pytester: pytest.Pytester) -> None:
    _session(
        pytester,
        """
def test_uses_redis(redis_url):
    pass


def test_needs_nothing():
    pass
""",
    )
    result = pytester.runpytest_inprocess("-p", "tests.fixtures.tiers", "-m", "not redis")
    result.assert_outcomes(passed=1, deselected=1)


def test_a_server_reached_without_its_marker_fails_the_test(pytester: pytest.Pytester) -> None:
    _session(
        pytester,
        """
from tests.fixtures.tiers import check_server_allowed


def _hidden():
    check_server_allowed("redis")  # a helper: nothing the collection hook reads names Redis


def test_hides_redis():
    _hidden()
""",
    )
    result = pytester.runpytest_inprocess("-p", "tests.fixtures.tiers")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*ServerForbidden*uses a redis server but is not marked `redis`*"])


def test_forbidden_servers_fail_even_a_marked_test(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    _session(
        pytester,
        """
def test_uses_postgres(postgres_store_url):
    pass


def test_uses_redis(redis_url):
    pass
""",
    )
    monkeypatch.setenv("MOLAM_TEST_FORBID_SERVERS", "postgres")
    result = pytester.runpytest_inprocess("-p", "tests.fixtures.tiers")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*a postgres server was to start for *test_uses_postgres*forbids it*"])
