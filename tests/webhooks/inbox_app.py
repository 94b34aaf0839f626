"""The merchant app of the inbox tests, configured from the environment: one module imported by the receiver
(uvicorn ``tests.webhooks.inbox_app:web``), by the Celery workers and beat (``celery -A
tests.webhooks.inbox_app worker``), and by the test itself (to sweep, replay and inspect).

Handlers leave their traces in ``$MOLAM_TEST_EFFECTS`` (one line per event, appended atomically):
``started.log`` when a handler starts, ``runs.log`` when one finishes, ``completed.log`` when the completion
was recorded (from the result callback, which only sees ``processed`` after the fenced ``mark_processed``).
An event's ``metadata.mode`` picks its handler's behaviour: ``ok`` (the default), ``slow`` (sleeps
``$MOLAM_TEST_SLOW`` seconds) or ``fail`` (always raises, quoting a secret that must be redacted).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from celery import Celery
from starlette.applications import Starlette
from starlette.routing import Route

from molam_sdk_ext.stores import async_webhook_inbox_from_url, webhook_inbox_from_url
from molam_sdk_ext.webhooks import Outcome, ProcessResult, WebhookProcessor
from molam_sdk_ext.webhooks.adapters.starlette import webhook_endpoint
from molam_sdk_ext.webhooks.celery_dispatch import CeleryDispatch
from tests.webhooks.support import LEAKED_SECRET, SECRET
from tests.webhooks.workers import append_line

# Configured by tests/webhooks/celery_support.app_env: importing it elsewhere is a KeyError, on purpose.
EFFECTS = Path(os.environ["MOLAM_TEST_EFFECTS"])
SLOW = float(os.environ.get("MOLAM_TEST_SLOW", "3"))

app = Celery("molam_inbox_test", broker=os.environ["MOLAM_TEST_BROKER"])
app.conf.update(
    worker_prefetch_multiplier=1,  # a killed worker takes only the task it was running with it
    broker_connection_retry_on_startup=True,
    broker_connection_timeout=2,
    broker_transport_options={"visibility_timeout": 3600},  # the sweeper recovers, not the broker's timeout
    worker_hijack_root_logger=False,
    beat_schedule_filename=str(EFFECTS / "celerybeat-schedule"),
)

LOCK_TIMEOUT = float(os.environ.get("MOLAM_TEST_LOCK_TIMEOUT", "2"))
STALE_AFTER = float(os.environ.get("MOLAM_TEST_STALE_AFTER", "4"))
inbox = webhook_inbox_from_url(
    os.environ["MOLAM_TEST_INBOX"], lock_timeout=LOCK_TIMEOUT, stale_after=STALE_AFTER
)
processor = WebhookProcessor(
    SECRET,
    inbox=inbox,
    # The endpoint (Starlette, aprocess) records through the async form of the same inbox, on the event loop.
    async_inbox=async_webhook_inbox_from_url(
        os.environ["MOLAM_TEST_INBOX"], lock_timeout=LOCK_TIMEOUT, stale_after=STALE_AFTER
    ),
    dispatch=CeleryDispatch(
        app,
        max_retries=int(os.environ.get("MOLAM_TEST_MAX_RETRIES", "2")),
        retry_backoff=1,
        retry_backoff_max=1,
        sweep_every=float(os.environ.get("MOLAM_TEST_SWEEP_EVERY", "1")),
    ),
)


@processor.on("payment_intent.succeeded")
def handle(event: Any) -> None:
    """Record the start, behave as `metadata.mode` says, record the end."""
    mode = event.data.object.metadata.get("mode", "ok") if event.data.object.metadata else "ok"
    append_line(str(EFFECTS / "started.log"), f"{event.id} {os.getpid()}")
    if mode == "slow":
        time.sleep(SLOW)
    elif mode == "fail":
        raise RuntimeError(f"always fails, with {LEAKED_SECRET} in the message")
    append_line(str(EFFECTS / "runs.log"), f"{event.id} {os.getpid()}")


@processor.on_result
def completed(result: ProcessResult) -> None:
    """Count completions: only a recorded (fenced) completion reaches here as ``processed``."""
    if result.outcome is Outcome.PROCESSED:
        append_line(str(EFFECTS / "completed.log"), f"{result.event_id} {os.getpid()}")


web = Starlette(routes=[Route("/webhooks/molam", webhook_endpoint(processor), methods=["POST"])])
