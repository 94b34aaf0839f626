"""Flask adapter: a blueprint (or a bare view) that runs a `WebhookProcessor` (extra: ``molam-sdk[flask]``).

::

    app.register_blueprint(make_webhook_blueprint(processor, url_rule="/webhooks/molam"))

The body is read from the raw input stream, at most ``max_payload_bytes + 1`` bytes, before Flask parses
anything: an oversized delivery is refused without being buffered whole.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, request

from molam_sdk_ext.webhooks.processor import ProcessResult, WebhookProcessor
from molam_sdk_ext.webhooks.signature import SIGNATURE_HEADER

__all__ = ["make_webhook_blueprint", "read_body", "to_response", "webhook_view"]


def read_body(limit: int) -> bytes:
    """The current request's raw body, cut after `limit` + 1 bytes (enough for the size check to fail)."""
    stream = request.stream
    chunks: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:
        chunk = stream.read(min(remaining, 65536))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def to_response(result: ProcessResult) -> Response:
    """The Flask `Response` for a `ProcessResult`."""
    return Response(result.body(), status=result.status_code, headers=result.headers())


def webhook_view(processor: WebhookProcessor) -> Callable[[], Response]:
    """A view function for ``app.add_url_rule(rule, view_func=..., methods=["POST"])``."""

    def molam_webhook() -> Response:
        body = read_body(processor.verifier.max_payload_bytes)
        return to_response(processor.process(body, request.headers.get(SIGNATURE_HEADER)))

    return molam_webhook


def make_webhook_blueprint(
    processor: WebhookProcessor, url_rule: str = "/webhooks/molam", *, name: str = "molam_webhooks"
) -> Blueprint:
    """A blueprint with one POST route at `url_rule` that processes Molam webhook deliveries."""
    blueprint = Blueprint(name, __name__)
    blueprint.add_url_rule(
        url_rule, endpoint="molam_webhook", view_func=webhook_view(processor), methods=["POST"]
    )
    return blueprint
