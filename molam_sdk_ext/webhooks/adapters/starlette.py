"""Starlette and FastAPI adapter (extras: ``molam-sdk[sandbox]`` or ``molam-sdk[fastapi]``).

Starlette::

    app = Starlette(routes=[Route("/webhooks/molam", webhook_endpoint(processor), methods=["POST"])])

FastAPI (the same endpoint, or the dependency when the route wants the event itself)::

    app.add_api_route("/webhooks/molam", webhook_endpoint(processor), methods=["POST"])

    @app.post("/hooks/raw")
    async def hook(event: WebhookEvent = Depends(verified_event(verifier))) -> dict[str, str]:
        ...

For a processor in inbox mode, give it the async form of its inbox (``WebhookProcessor(secrets,
inbox=webhook_inbox_from_url(url), async_inbox=async_webhook_inbox_from_url(url), dispatch=...)``): the
endpoint then records on the event loop (redis.asyncio, psycopg's async connections) instead of in a worker
thread, and answers without waiting for the broker (docs/WEBHOOKS_AT_SCALE.md).

`verified_event` verifies and parses only: it does not deduplicate (a `WebhookProcessor` passed to it lends
its verifier). Use `webhook_endpoint` for exactly-once processing. The body is streamed and cut after
``max_payload_bytes + 1`` bytes, so an oversized delivery is never buffered whole.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from molam_sdk_ext.errors import SignatureVerificationError
from molam_sdk_ext.webhooks.events import WebhookEvent, parse_payload
from molam_sdk_ext.webhooks.processor import ProcessResult, WebhookProcessor
from molam_sdk_ext.webhooks.signature import SIGNATURE_HEADER, WebhookVerifier

__all__ = ["read_body", "to_response", "verified_event", "webhook_endpoint"]


async def read_body(request: Request, limit: int) -> bytes:
    """The raw request body, cut after `limit` + 1 bytes (enough for the size check to fail)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            break
    return b"".join(chunks)[: limit + 1]


def to_response(result: ProcessResult) -> Response:
    """The Starlette `Response` for a `ProcessResult`."""
    return Response(result.body(), status_code=result.status_code, headers=result.headers())


def webhook_endpoint(processor: WebhookProcessor) -> Callable[[Request], Awaitable[Response]]:
    """A Starlette/FastAPI endpoint (``request -> response``) that runs `WebhookProcessor.aprocess`."""

    async def molam_webhook(request: Request) -> Response:
        body = await read_body(request, processor.verifier.max_payload_bytes)
        return to_response(await processor.aprocess(body, request.headers))

    return molam_webhook


def verified_event(
    processor_or_verifier: WebhookProcessor | WebhookVerifier,
) -> Callable[[Request], Awaitable[WebhookEvent]]:
    """A FastAPI dependency giving the route the verified, typed event; HTTP 400 (with the reason) otherwise."""
    verifier = (
        processor_or_verifier.verifier
        if isinstance(processor_or_verifier, WebhookProcessor)
        else processor_or_verifier
    )

    async def molam_verified_event(request: Request) -> WebhookEvent:
        body = await read_body(request, verifier.max_payload_bytes)
        try:
            verifier.verify(body, request.headers.get(SIGNATURE_HEADER))
            return parse_payload(body)
        except SignatureVerificationError as e:
            raise HTTPException(status_code=400, detail=f"invalid_signature: {e.reason}") from None

    return molam_verified_event
