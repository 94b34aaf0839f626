"""OpenTelemetry spans for Molam API calls (extra ``molam-sdk[otel]``).

One CLIENT span per logical call, retries included (each retry is a span event), subscribed to a client's
hooks::

    from molam_sdk_ext.observability.otel import MolamTracing

    MolamTracing().instrument(molam)          # uses the global tracer provider
    MolamTracing(tracer_provider=provider).instrument(amolam)

Span name ``"{method} {route}"`` (``POST /v1/connect/payment_intents/{id}/confirm``). Attributes follow the
HTTP client semantic conventions (``http.request.method``, ``url.full`` without its query, ``server.address``,
``server.port``, ``http.response.status_code``, ``error.type``, ``http.request.resend_count``) plus
``molam.request_id``, ``molam.attempts`` and ``molam.idempotency_key``. A status of 400 or more, or no
answer, marks the span as an error. Circuit breaker changes are span events on the call that caused them.

The span is made current for the duration of the call, so spans of instrumented code underneath (an
httpx instrumentation, for instance) become its children. Never recorded: headers, bodies, keys, amounts.
"""

from __future__ import annotations

import contextlib
import contextvars
import urllib.parse
from typing import TYPE_CHECKING, Any

try:
    from opentelemetry import context as otel_context
    from opentelemetry import trace
    from opentelemetry.trace import SpanKind, Status, StatusCode
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError(
        "molam_sdk_ext.observability.otel needs opentelemetry-api: pip install 'molam-sdk[otel]'"
    ) from exc

from .hooks import Hooks, RequestEvent, ResponseEvent
from .prometheus import _HasHooks, hooks_of, route_of

if TYPE_CHECKING:
    from ..transport.breaker import BreakerStateChange
    from ..transport.retry import RetryEvent

__all__ = ["INSTRUMENTATION_NAME", "MolamTracing"]

INSTRUMENTATION_NAME = "molam_sdk_ext"

# The span of the call in flight in this thread / task. Request and response hooks of one call run in the
# same context (the transport calls both), so a context variable pairs them without any shared table.
_current: contextvars.ContextVar[tuple[trace.Span, object] | None] = contextvars.ContextVar(
    "molam_otel_span", default=None
)


class MolamTracing:
    """Makes a span per Molam API call from a client's hooks."""

    def __init__(self, tracer_provider: trace.TracerProvider | None = None) -> None:
        from .telemetry import sdk_version

        self._tracer = trace.get_tracer(INSTRUMENTATION_NAME, sdk_version(), tracer_provider=tracer_provider)

    def __repr__(self) -> str:
        return "MolamTracing()"

    def instrument(self, target: Hooks | _HasHooks) -> None:
        """Subscribe to a client's (or a `Hooks` registry's) requests, responses, retries and breaker changes."""
        hooks = hooks_of(target)
        hooks.on_request(self.on_request)
        hooks.on_response(self.on_response)
        hooks.on_retry(self.on_retry)
        hooks.on_breaker_state_change(self.on_breaker_state_change)

    def on_request(self, event: RequestEvent) -> None:
        """Start the call's span and make it current."""
        stale = _current.get()
        if stale is not None:  # a call whose end was never reported (cancelled): close it, do not nest in it
            _finish(stale, error="abandoned")
        parts = urllib.parse.urlsplit(event.url)
        attributes: dict[str, Any] = {
            "http.request.method": event.method,
            "url.full": urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")),
            "url.path": event.path,
            "server.address": parts.hostname or "",
        }
        port = parts.port or (443 if parts.scheme == "https" else 80)
        attributes["server.port"] = port
        if event.idempotency_key:
            attributes["molam.idempotency_key"] = event.idempotency_key
        span = self._tracer.start_span(
            f"{event.method} {route_of(event.path)}", kind=SpanKind.CLIENT, attributes=attributes
        )
        token = otel_context.attach(trace.set_span_in_context(span))
        _current.set((span, token))

    def on_response(self, event: ResponseEvent) -> None:
        """End the call's span with its status, request id and attempt count."""
        current = _current.get()
        if current is None:
            return
        _current.set(None)
        span = current[0]
        span.set_attribute("molam.attempts", event.attempts)
        if event.attempts > 1:
            span.set_attribute("http.request.resend_count", event.attempts - 1)
        if event.request_id:
            span.set_attribute("molam.request_id", event.request_id)
        if event.status is not None:
            span.set_attribute("http.response.status_code", event.status)
        if event.error is not None:
            _finish(current, error=event.error)
        elif event.status is not None and event.status >= 400:
            _finish(current, error=str(event.status))
        else:
            _finish(current)

    def on_retry(self, event: RetryEvent) -> None:
        """Record a retry as an event on the call's span."""
        current = _current.get()
        if current is None:
            return
        attributes: dict[str, Any] = {"molam.attempt": event.attempt, "molam.retry.reason": event.reason}
        attributes["molam.retry.delay_s"] = event.delay
        if event.status is not None:
            attributes["http.response.status_code"] = event.status
        if event.error is not None:
            attributes["error.type"] = event.error
        if event.request_id:
            attributes["molam.request_id"] = event.request_id
        current[0].add_event("molam.retry", attributes)

    def on_breaker_state_change(self, event: BreakerStateChange) -> None:
        """Record a circuit breaker change on the span of the call that caused it."""
        current = _current.get()
        if current is None:
            return
        current[0].add_event(
            "molam.circuit_breaker",
            {
                "molam.breaker.host": event.host,
                "molam.breaker.old": str(event.old),
                "molam.breaker.new": str(event.new),
            },
        )


def _finish(current: tuple[trace.Span, object], *, error: str | None = None) -> None:
    span, token = current
    if error is not None:
        span.set_attribute("error.type", error)
        span.set_status(Status(StatusCode.ERROR))
    span.end()
    # Detaching from another context (a call abandoned in another task) is harmless here: the span ended.
    with contextlib.suppress(Exception):
        otel_context.detach(token)  # type: ignore[arg-type]
