"""examples/fastapi_celery and examples/django_celery run as a reader runs them: the web app, a Celery worker
and beat as processes, Redis as the broker, PostgreSQL as the inbox; the sandbox pays and sends the webhooks.

A payment's webhook reaches the app, is recorded in the inbox and acknowledged, and a worker marks the order.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from molam_sdk.models import EventType
from molam_sdk_ext.stores import webhook_inbox_from_url
from tests.support import free_port, wait_for
from tests.support.accounts import Account

from .apps import EXAMPLES


@contextmanager
def processes(commands: list[list[str]], cwd: Path, env: dict[str, str], logs: Path) -> Iterator[None]:
    """Run each command (its output in ``logs/<n>.log``) for the duration of the block."""
    procs = []
    try:
        for n, command in enumerate(commands):
            with open(logs / f"{n}.log", "wb") as out:
                procs.append(
                    subprocess.Popen(
                        command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out
                    )
                )
        yield
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def order_status(url: str, order_id: str) -> str | None:
    """The order's status as the app shows it; None while the app does not answer."""
    try:
        answer = httpx.get(f"{url}/orders/{order_id}", timeout=2)
    except httpx.HTTPError:
        return None
    return str(answer.json()["status"]) if answer.status_code == 200 else ""


def wait_or_show_logs(condition: Callable[[], bool], what: str, logs: Path) -> None:
    """Wait up to 60 s for `condition`; on timeout fail with `what` and the processes' logs."""
    try:
        wait_for(condition, timeout=60, interval=0.2)
    except AssertionError:
        raise AssertionError(
            f"{what}; logs:\n" + "\n".join(p.read_text() for p in logs.glob("*.log"))
        ) from None


def pay_and_wait_for_the_order(account: Account, url: str, order_id: str, logs: Path) -> str:
    """Pay for `order_id` in the sandbox once the app answers; return the payment id once it shows the order
    paid."""
    # As a reader does: the shop is up before anyone pays. Paying first raced the app's start-up against the
    # sandbox's delivery backoff, whose later retries come tens of seconds apart on a loaded machine.
    wait_or_show_logs(lambda: order_status(url, order_id) is not None, "the app never answered", logs)
    with account.client() as molam:
        intent = molam.payment_intents.create(
            amount=15000,
            currency="GHS",
            payment_method="pm_card_visa",
            confirm=True,
            metadata={"order_id": order_id},
            idempotency_key=f"celery-example-{order_id}",
        )
    wait_or_show_logs(lambda: order_status(url, order_id) == "paid", "order not paid", logs)
    return str(intent.id)


def environment(
    account: Account, secret: str, redis_url: str, inbox_url: str, tmp_path: Path
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOLAM_", "DJANGO_", "CELERY_"))}
    return env | {
        "MOLAM_WEBHOOK_SECRET": secret,
        "MOLAM_INBOX_URL": inbox_url,
        "CELERY_BROKER_URL": redis_url,
        "SHOP_DB": str(tmp_path / "shop.db"),
        "PYTHONPATH": os.pathsep.join([str(EXAMPLES.parent), env.get("PYTHONPATH", "")]),
        "PYTHONUNBUFFERED": "1",
    }


def register(account: Account, url: str) -> str:
    with account.client() as molam:
        endpoint = molam.webhook_endpoints.create(
            url=f"{url}/webhooks/molam",
            enabled_events=[EventType.PAYMENT_INTENT_SUCCEEDED, EventType.PAYMENT_INTENT_FAILED],
        )
    return str(endpoint.secret)


def celery(*args: str) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "shop", *args, "-l", "WARNING"]


@pytest.mark.slow
@pytest.mark.parametrize("example", ["fastapi_celery", "django_celery"])
def test_the_order_is_paid_by_a_celery_worker(
    example: str, account: Account, redis_url: str, postgres_store_url: str, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = environment(account, register(account, url), redis_url, postgres_store_url, tmp_path)
    project = EXAMPLES / example
    if example == "django_celery":
        subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=project, env=env, check=True)
        web = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    else:
        web = [sys.executable, "-m", "uvicorn", "shop:web", "--port", str(port), "--log-level", "warning"]
    worker = celery("worker", "-P", "solo", "--without-gossip", "--without-mingle")
    beat = celery("beat", "-s", str(tmp_path / "beat-schedule"))
    with processes([web, worker, beat], project, env, tmp_path):
        intent_id = pay_and_wait_for_the_order(account, url, "1042", tmp_path)
    inbox = webhook_inbox_from_url(postgres_store_url)
    try:
        stats = inbox.stats()
    finally:
        inbox.close()  # type: ignore[attr-defined]
    assert stats.counts["processed"] >= 1 and stats.pending == 0 and stats.counts["dead"] == 0
    assert intent_id.startswith("pi_")
