"""The floor of the inbox benchmark: the least a durable webhook receiver can do, as a bare Starlette endpoint.

Verify the ``Molam-Signature`` HMAC (same scheme and tolerance as `WebhookVerifier`), parse the JSON, then
one Redis ``SET NX`` of the event id (the deduplication) and, for a new event, one ``LPUSH`` of it (the
hand-off), through redis.asyncio. Served by uvicorn exactly as the inbox receiver is::

    MOLAM_FLOOR_REDIS=redis://... MOLAM_FLOOR_SECRET=whsec_... uvicorn bench.webhook_floor_app:web

Not an SDK feature and not a test: bench/webhook_inbox_bench.py measures the inbox endpoint against it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time

import redis.asyncio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

TOLERANCE = 300.0
SECRET = os.environ["MOLAM_FLOOR_SECRET"].encode()
store = redis.asyncio.Redis.from_url(os.environ["MOLAM_FLOOR_REDIS"])


def verified(body: bytes, header: str | None) -> bool:
    """Whether `header` (``t=<ms>,v1=<hex>,...``) holds a valid, fresh HMAC-SHA256 of `body`."""
    if header is None:
        return False
    timestamp, signatures = None, []
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        if name == "t":
            timestamp = value
        elif name == "v1":
            signatures.append(value)
    if timestamp is None or not timestamp.isdigit() or abs(time.time() - int(timestamp) / 1000) > TOLERANCE:
        return False
    expected = hmac.new(SECRET, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(expected, signature) for signature in signatures)


async def receive(request: Request) -> Response:
    """Verify, parse, deduplicate, hand off, answer."""
    body = await request.body()
    if not verified(body, request.headers.get("molam-signature")):
        return Response(b'{"outcome":"invalid_signature"}', 400, media_type="application/json")
    try:
        event_id = json.loads(body)["id"]
    except (ValueError, KeyError, TypeError):
        return Response(b'{"outcome":"invalid_signature"}', 400, media_type="application/json")
    if await store.set(f"floor:event:{event_id}", b"1", nx=True, ex=86400):
        await store.lpush("floor:queue", event_id)
        outcome = "received"
    else:
        outcome = "duplicate"
    answer = json.dumps({"outcome": outcome, "event_id": event_id}).encode()
    return Response(answer, 200, media_type="application/json")


web = Starlette(routes=[Route("/webhooks/molam", receive, methods=["POST"])])
