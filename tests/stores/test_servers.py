"""The server fixtures' own rules: a missing binary fails loudly (or skips only when allowed)."""

from __future__ import annotations

import pytest

from tests.fixtures import servers


def test_missing_redis_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda _: None)
    monkeypatch.setattr("os.access", lambda *_: False)
    with pytest.raises(servers.ServerUnavailable, match="Debian package `redis-server`"):
        servers.find_redis_server()


def test_missing_postgres_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda _: None)
    monkeypatch.setattr("glob.glob", lambda _: [])
    with pytest.raises(servers.ServerUnavailable, match="Debian package `postgresql`"):
        servers.find_postgres_bindir()


def test_postgres_prefers_the_newest_installed_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda _: None)
    dirs = ["/usr/lib/postgresql/9.6/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"]
    monkeypatch.setattr("glob.glob", lambda _: dirs)
    monkeypatch.setattr("os.access", lambda *_: True)
    assert str(servers.find_postgres_bindir()) == "/usr/lib/postgresql/16/bin"


def test_unavailable_fails_unless_skipping_is_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOLAM_ALLOW_SKIP_SERVERS", raising=False)
    with pytest.raises(pytest.fail.Exception, match="MOLAM_ALLOW_SKIP_SERVERS=1"):
        servers._unavailable("redis-server not found")
    monkeypatch.setenv("MOLAM_ALLOW_SKIP_SERVERS", "1")
    with pytest.raises(pytest.skip.Exception):
        servers._unavailable("redis-server not found")


def test_redis_server_stop_and_start_keep_the_port(redis_server: servers.RedisServer) -> None:
    port = redis_server.port
    redis_server.stop()
    stopped = not redis_server.running
    redis_server.start()
    assert stopped
    assert redis_server.running and redis_server.port == port
    redis_server.flushdb()


def test_a_taken_port_is_never_mistaken_for_our_server() -> None:
    import socket

    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        server = servers.RedisServer(port=taken)
        try:
            with pytest.raises(RuntimeError, match="redis-server failed to start"):
                server.start()
            server.start_on_a_free_port()
            assert server.running and server.port != taken
        finally:
            server.close()
