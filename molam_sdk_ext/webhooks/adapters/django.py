"""Django adapter: a CSRF-exempt, POST-only view that runs a `WebhookProcessor` (extra: ``molam-sdk[django]``).

::

    # urls.py
    from molam_sdk_ext.webhooks.adapters.django import webhook_view
    urlpatterns = [path("webhooks/molam", webhook_view(processor))]

`async_webhook_view` is the same for ASGI deployments and processors with an async store. Django bounds the
body it reads with ``DATA_UPLOAD_MAX_MEMORY_SIZE``; the processor then applies its own ``max_payload_bytes``.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from molam_sdk_ext.webhooks.processor import ProcessResult, WebhookProcessor

__all__ = ["async_webhook_view", "to_response", "webhook_view"]


def to_response(result: ProcessResult) -> HttpResponse:
    """The `HttpResponse` for a `ProcessResult` (status, JSON body, ``Retry-After`` when set)."""
    response = HttpResponse(result.body(), status=result.status_code, content_type="application/json")
    for name, value in result.headers().items():
        response[name] = value
    return response


def webhook_view(processor: WebhookProcessor) -> Callable[[HttpRequest], HttpResponse]:
    """A sync Django view (CSRF exempt, POST only) that processes Molam webhook deliveries."""

    @csrf_exempt
    @require_POST
    def molam_webhook(request: HttpRequest) -> HttpResponse:
        return to_response(processor.process(request.body, request.headers))

    return molam_webhook


def async_webhook_view(
    processor: WebhookProcessor,
) -> Callable[[HttpRequest], Coroutine[Any, Any, HttpResponse]]:
    """An async Django view (CSRF exempt, POST only) running `WebhookProcessor.aprocess`."""

    async def molam_webhook(request: HttpRequest) -> HttpResponse:
        if request.method != "POST":
            response = HttpResponse(status=405)
            response["Allow"] = "POST"
            return response
        return to_response(await processor.aprocess(request.body, request.headers))

    view: Callable[[HttpRequest], Coroutine[Any, Any, HttpResponse]] = csrf_exempt(molam_webhook)
    return view
