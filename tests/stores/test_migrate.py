"""PostgreSQL migrations and the migrate / cleanup command."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest

from molam_sdk_ext import stores
from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.stores.migrate import apply_migrations, load_migrations, main

VERSIONS = [
    "0001_server_idempotency",
    "0002_received_webhooks",
    "0003_webhook_subscriptions",
    "0004_received_webhooks_lease",
    "0005_webhook_inbox",
]


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchall()
    return {r[0] for r in rows}


def test_packaged_migrations_are_numbered_in_order() -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == VERSIONS
    assert all(m.sql.strip() for m in migrations)


def test_apply_is_idempotent(postgres_url: str) -> None:
    assert apply_migrations(postgres_url) == VERSIONS
    assert _tables(postgres_url) == {
        "schema_migrations",
        "server_idempotency",
        "received_webhooks",
        "webhook_subscriptions",
        "webhook_subscription_secrets",
    }
    assert apply_migrations(postgres_url) == []
    with psycopg.connect(postgres_url) as conn:
        rows = conn.execute("SELECT version, checksum FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(m.version, m.checksum) for m in load_migrations()]


def test_concurrent_migrators_apply_each_file_once(postgres_url: str) -> None:
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: apply_migrations(postgres_url), range(4)))
    assert sorted(v for applied in results for v in applied) == VERSIONS


def test_an_edited_migration_is_refused(postgres_url: str) -> None:
    apply_migrations(postgres_url)
    with psycopg.connect(postgres_url) as conn:
        conn.execute("UPDATE schema_migrations SET checksum = 'x' WHERE version = %s", (VERSIONS[1],))
    with pytest.raises(StoreError, match=f"migration {VERSIONS[1]} was changed"):
        apply_migrations(postgres_url)


def test_subscription_tables_accept_a_rotation(postgres_store_url: str) -> None:
    with psycopg.connect(postgres_store_url) as conn:
        conn.execute(
            "INSERT INTO webhook_subscriptions (id, url, enabled_events) VALUES ('we_1', 'https://x', %s)",
            (["payment_intent.succeeded"],),
        )
        conn.execute(
            "INSERT INTO webhook_subscription_secrets (subscription_id, kid, secret) VALUES ('we_1', 'k1', 's')"
        )
        conn.execute(
            "INSERT INTO webhook_subscription_secrets (subscription_id, kid, secret, expires_at)"
            " VALUES ('we_1', 'k2', 's2', now() + interval '1 day')"
        )
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("INSERT INTO webhook_subscriptions (id, url) VALUES ('pi_1', 'https://x')")


def test_cli_migrates_then_reports_up_to_date(postgres_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--url", postgres_url]) == 0
    assert capsys.readouterr().out.splitlines() == [f"applied {v}" for v in VERSIONS]
    assert main(["--url", postgres_url]) == 0
    assert capsys.readouterr().out.strip() == "up to date"


@pytest.mark.slow
def test_cli_as_a_module(postgres_url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "molam_sdk_ext.stores.migrate", "--url", postgres_url],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "applied 0003_webhook_subscriptions" in done.stdout


def test_cli_url_from_environment(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MOLAM_STORE_URL", postgres_url)
    assert main([]) == 0
    assert "applied 0001_server_idempotency" in capsys.readouterr().out


def test_cli_errors(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("MOLAM_STORE_URL", raising=False)
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    assert main(["--url", "ftp://x", "--cleanup"]) == 2
    assert "unsupported store URL" in capsys.readouterr().err
    assert main(["--url", "postgresql://u:pw-secret@127.0.0.1:1/db"]) == 1
    err = capsys.readouterr().err
    assert "postgres store at postgresql://u@127.0.0.1:1/db failed" in err
    assert "pw-secret" not in err


def test_cli_non_postgres_has_nothing_to_migrate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--url", f"sqlite:///{tmp_path}/x.db"]) == 0
    assert "nothing to migrate" in capsys.readouterr().out


@pytest.mark.parametrize("backend", ["sqlite", "redis", "postgres"])
def test_cli_cleanup(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.support.stores import store_url

    url = store_url(request, backend, tmp_path)
    # Records written a day and a bit ago (by the stores' own clock) are expired now.
    past = stores.idempotency_store_from_url(url, clock=lambda: 1_000.0)
    past.begin("old-1", "fp")
    past.begin("old-2", "fp")
    stores.webhook_event_store_from_url(url, clock=lambda: 1_000.0).claim("evt_old")
    stores.idempotency_store_from_url(url).begin("fresh", "fp")
    assert main(["--url", url, "--cleanup"]) == 0
    assert capsys.readouterr().out.strip() == (
        "deleted 2 expired idempotency records and 1 expired webhook events"
    )
    assert (
        stores.idempotency_store_from_url(url).begin("fresh", "fp").outcome is stores.BeginOutcome.IN_PROGRESS
    )
