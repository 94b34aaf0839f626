"""Webhook delivery: POST each queued event to its endpoint, signed, and retry with backoff until it is taken.

The outbox (`webhook_outbox`) is filled in the same transaction that records the event, so an event is never
lost between commit and delivery, and a restart resumes pending deliveries (at-least-once, like the real
service: receivers deduplicate on the event id). Each attempt is recorded as a `WebhookDelivery`
(``list_webhook_endpoint_deliveries``). A 2xx answer is success; anything else, a timeout or a connection
error is retried after `webhook_backoff` * 2 ** (attempt - 1) seconds, up to `webhook_max_attempts`.

The body is the event JSON exactly as signed; ``Molam-Signature`` carries one ``v1``/``kid`` pair per active
secret of the endpoint (see `molam_sdk_ext.webhooks.signature.sign_with`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable

import httpx

from molam_sandbox.settings import SandboxSettings
from molam_sandbox.state import Database, OutboxItem
from molam_sandbox.webhook_endpoints import active_secrets, is_loopback_url
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.webhooks.signature import sign_with

__all__ = ["USER_AGENT", "WebhookDispatcher", "retry_delay"]

logger = get_logger("molam.sandbox")  # redacting, like every SDK logger

USER_AGENT = "Molam-Sandbox-Webhooks/1.0"


def retry_delay(settings: SandboxSettings, attempt: int) -> float:
    """Seconds to wait after failed attempt number `attempt` (1-based) before the next one."""
    return float(min(settings.webhook_backoff * 2 ** (attempt - 1), settings.webhook_backoff_max))


class WebhookDispatcher:
    """Runs due deliveries concurrently (bounded), from the sandbox's background task."""

    def __init__(
        self,
        db: Database,
        settings: SandboxSettings,
        *,
        clock: Callable[[], float] = time.time,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        # trust_env=False: never route deliveries through a proxy from the environment.
        self._client = client or httpx.AsyncClient(
            timeout=settings.webhook_timeout, trust_env=False, follow_redirects=False
        )
        self._semaphore = asyncio.Semaphore(settings.webhook_concurrency)
        self._inflight: set[int] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    async def dispatch_due(self) -> int:
        """Start every due delivery not already in flight; return how many were started."""
        with self._db.read() as tx:
            due = tx.due_deliveries(self._clock(), limit=200)
        started = 0
        for item in due:
            if item.seq in self._inflight:
                continue
            self._inflight.add(item.seq)
            task = asyncio.create_task(self._attempt(item))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            started += 1
        return started

    def next_due(self) -> float | None:
        """When the next queued delivery is due (None: nothing queued)."""
        with self._db.read() as tx:
            return tx.next_delivery_at()

    async def aclose(self) -> None:
        """Cancel deliveries in flight (they stay queued for the next start) and close the HTTP client."""
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._client.aclose()

    async def _attempt(self, item: OutboxItem) -> None:
        try:
            async with self._semaphore:
                await self._deliver(item)
        except Exception:
            logger.exception("webhook delivery %s failed unexpectedly", item.seq)
        finally:
            self._inflight.discard(item.seq)

    async def _deliver(self, item: OutboxItem) -> None:
        with self._db.read() as tx:
            endpoint = tx.get("webhook_endpoints", item.account, item.endpoint_id)
            event = tx.get("events", item.account, item.event_id)
        if endpoint is None or event is None or endpoint.doc["status"] != "enabled":
            # Deleted or disabled since the event was queued: the delivery is abandoned.
            with self._db.transaction() as tx:
                tx.finish_delivery(item.seq)
            return
        url = str(endpoint.doc["url"])
        payload = json.dumps(event.doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        status: int | None = None
        error: str | None = None
        if not is_loopback_url(url):
            error = "url_not_allowed"
        else:
            headers = {
                "Content-Type": "application/json",
                "User-Agent": USER_AGENT,
                "Molam-Signature": sign_with(payload, active_secrets(endpoint, self._clock())),
            }
            try:
                response = await self._client.post(url, content=payload, headers=headers)
                status = response.status_code
                if not 200 <= status < 300:
                    error = f"http_{status}"
            except httpx.TimeoutException:
                error = "timeout"
            except httpx.HTTPError as exc:
                error = f"connection_error: {type(exc).__name__}"
        self._record(item, status, error)

    def _record(self, item: OutboxItem, status: int | None, error: str | None) -> None:
        now = self._clock()
        next_retry_at: int | None = None
        with self._db.transaction() as tx:
            if error is None or item.attempt >= self._settings.webhook_max_attempts:
                tx.finish_delivery(item.seq)
            else:
                next_at = now + retry_delay(self._settings, item.attempt)
                tx.reschedule_delivery(item.seq, item.attempt + 1, next_at)
                next_retry_at = int(next_at + 0.999)
            tx.insert(
                "webhook_deliveries",
                item.account,
                {
                    "id": tx.new_id("webhook_deliveries"),
                    "object": "webhook_delivery",
                    "event_id": item.event_id,
                    "endpoint_id": item.endpoint_id,
                    "attempt": item.attempt,
                    "status": "succeeded" if error is None else "failed",
                    "response_status": status,
                    "error": error,
                    "created": int(now),
                    "next_retry_at": next_retry_at,
                },
            )
        level = logging.INFO if error is None else logging.WARNING
        logger.log(
            level,
            "webhook delivery event=%s endpoint=%s attempt=%d status=%s error=%s",
            item.event_id,
            item.endpoint_id,
            item.attempt,
            status,
            error,
        )
