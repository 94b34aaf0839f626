"""The observability transport (under idempotency, so the key is on the request it reports): request ids, one
log line per call, hooks and the client telemetry header.

Log lines (logger ``molam``, redacted) carry the method, the path (never the query), the status, the duration,
the ``Molam-Request-Id`` and the number of attempts; never a header. INFO: one line per call and one per
retry; DEBUG adds a line when a call starts.
"""

from __future__ import annotations

import logging
import time

import httpx

from ..observability.hooks import Hooks, RequestEvent, ResponseEvent
from ..observability.logs import get_logger
from ..observability.telemetry import TELEMETRY_HEADER, TelemetryRecorder
from .idempotency_key import IDEMPOTENCY_KEY_EXTENSION
from .layer import AsyncLayer, Layer
from .retry import ATTEMPT_EXTENSION, RetryEvent, RetryListener

__all__ = ["AsyncObservabilityTransport", "ObservabilityTransport", "retry_listener"]

REQUEST_ID_HEADER = "molam-request-id"

_log = get_logger()


class _Observer:
    """What the sync and async transports do around a call; only the call itself differs."""

    __slots__ = ("hooks", "telemetry")

    def __init__(self, hooks: Hooks | None, telemetry: TelemetryRecorder | None) -> None:
        self.hooks = hooks
        self.telemetry = telemetry

    def observe(self, request: httpx.Request) -> _Call:
        """Start observing one call: ``with`` the result around sending it, setting its `response`."""
        return _Call(self, request, self.start(request))

    def start(self, request: httpx.Request) -> float:
        telemetry = self.telemetry
        if telemetry is not None:
            value = telemetry.header_value()
            if value is not None:
                request.headers[TELEMETRY_HEADER] = value
        hooks = self.hooks
        if hooks is not None and hooks.request:
            hooks.emit_request(
                RequestEvent(
                    method=request.method,
                    url=str(request.url),
                    path=request.url.path,
                    idempotency_key=_idempotency_key(request),
                )
            )
        if _log.isEnabledFor(logging.DEBUG):
            _log.debug("molam request start: %s %s", request.method, request.url.path)
        return time.perf_counter()

    def finished(self, request: httpx.Request, started: float, response: httpx.Response) -> None:
        duration = time.perf_counter() - started
        request_id = response.headers.get(REQUEST_ID_HEADER)
        if self.telemetry is not None:
            self.telemetry.record(request_id, duration)
        attempts: int = request.extensions.get(ATTEMPT_EXTENSION, 1)
        if _log.isEnabledFor(logging.INFO):
            _log.info(
                "molam %s %s -> %d in %.1f ms (request_id=%s, attempts=%d)",
                request.method,
                request.url.path,
                response.status_code,
                duration * 1000,
                request_id,
                attempts,
            )
        self._ended(request, duration, attempts, response.status_code, request_id, None)

    def failed(self, request: httpx.Request, started: float, error: BaseException) -> None:
        duration = time.perf_counter() - started
        attempts: int = request.extensions.get(ATTEMPT_EXTENSION, 1)
        if _log.isEnabledFor(logging.INFO):
            _log.info(
                "molam %s %s failed: %s after %.1f ms (attempts=%d)",
                request.method,
                request.url.path,
                type(error).__name__,
                duration * 1000,
                attempts,
            )
        self._ended(request, duration, attempts, None, None, type(error).__name__)

    def _ended(
        self,
        request: httpx.Request,
        duration: float,
        attempts: int,
        status: int | None,
        request_id: str | None,
        error: str | None,
    ) -> None:
        hooks = self.hooks
        if hooks is not None and hooks.response:
            hooks.emit_response(
                ResponseEvent(
                    method=request.method,
                    url=str(request.url),
                    path=request.url.path,
                    status=status,
                    duration=duration,
                    request_id=request_id,
                    attempts=attempts,
                    idempotency_key=_idempotency_key(request),
                    error=error,
                )
            )


class _Call:
    """One observed call: reported as finished (with the `response` set inside the ``with``) or failed."""

    __slots__ = ("observer", "request", "response", "started")

    response: httpx.Response

    def __init__(self, observer: _Observer, request: httpx.Request, started: float) -> None:
        self.observer = observer
        self.request = request
        self.started = started

    def __enter__(self) -> _Call:
        return self

    def __exit__(self, exc_type: object, error: BaseException | None, tb: object) -> None:
        if error is None:
            self.observer.finished(self.request, self.started, self.response)
        else:
            self.observer.failed(self.request, self.started, error)


def _idempotency_key(request: httpx.Request) -> str | None:
    key: str | None = request.extensions.get(IDEMPOTENCY_KEY_EXTENSION) or request.headers.get(
        "idempotency-key"
    )
    return key


def retry_listener(hooks: Hooks | None) -> RetryListener:
    """The `on_retry` callback of the retry transport: logs each retry and runs the retry hooks."""

    def on_retry(event: RetryEvent) -> None:
        if _log.isEnabledFor(logging.INFO):
            _log.info(
                "molam retrying %s %s: attempt %d ended with %s (%s); next attempt in %.3f s (request_id=%s)",
                event.method,
                httpx.URL(event.url).path,
                event.attempt,
                event.status if event.status is not None else event.error,
                event.reason,
                event.delay,
                event.request_id,
            )
        if hooks is not None and hooks.retry:
            hooks.emit_retry(event)

    return on_retry


class ObservabilityTransport(Layer):
    """Logs, runs hooks and adds the telemetry header (its only owner) around each call sent through `inner`."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        hooks: Hooks | None = None,
        telemetry: TelemetryRecorder | None = None,
    ) -> None:
        super().__init__(inner)
        self._observer = _Observer(hooks, telemetry)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request` through `inner`, observing it."""
        with self._observer.observe(request) as call:
            call.response = self.inner.handle_request(request)
        return call.response


class AsyncObservabilityTransport(AsyncLayer):
    """The async twin of `ObservabilityTransport`."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        *,
        hooks: Hooks | None = None,
        telemetry: TelemetryRecorder | None = None,
    ) -> None:
        super().__init__(inner)
        self._observer = _Observer(hooks, telemetry)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request` through `inner`, observing it."""
        with self._observer.observe(request) as call:
            call.response = await self.inner.handle_async_request(request)
        return call.response
