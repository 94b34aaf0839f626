"""Hooks: your callbacks on every request, response, retry and circuit breaker change.

Register on a client (copies made by ``with_options`` share the registry)::

    @molam.hooks.on_response
    def record(event: ResponseEvent) -> None:
        metrics.observe(event.method, event.path, event.status, event.duration)

Events carry no headers, no body and no credentials. A hook that raises is logged and ignored: observing a
payment must never break it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from .logs import get_logger

if TYPE_CHECKING:  # the transports import this module, not the other way round
    from ..transport.breaker import BreakerStateChange
    from ..transport.retry import RetryEvent

__all__ = ["Hooks", "RequestEvent", "ResponseEvent"]

E = TypeVar("E")
F = TypeVar("F", bound=Callable[..., Any])

_log = get_logger()


@attrs.frozen
class RequestEvent:
    """A logical call is about to be sent (before any retry). `path` has no query string."""

    method: str
    url: str
    path: str
    idempotency_key: str | None


@attrs.frozen
class ResponseEvent:
    """A logical call ended: with an HTTP `status`, or with `error` (the exception's class name).

    `duration` is in seconds, retries and waits included; `attempts` counts the attempts made.
    """

    method: str
    url: str
    path: str
    status: int | None
    duration: float
    request_id: str | None
    attempts: int
    idempotency_key: str | None
    error: str | None = None


class Hooks:
    """The callbacks registered on a client. Each `on_*` method registers (and returns) its argument."""

    def __init__(self) -> None:
        self.request: list[Callable[[RequestEvent], None]] = []
        self.response: list[Callable[[ResponseEvent], None]] = []
        self.retry: list[Callable[[RetryEvent], None]] = []
        self.breaker_state_change: list[Callable[[BreakerStateChange], None]] = []

    def on_request(self, fn: Callable[[RequestEvent], None]) -> Callable[[RequestEvent], None]:
        """Register `fn` to run before each call is sent."""
        self.request.append(fn)
        return fn

    def on_response(self, fn: Callable[[ResponseEvent], None]) -> Callable[[ResponseEvent], None]:
        """Register `fn` to run after each call ends (answer or error)."""
        self.response.append(fn)
        return fn

    def on_retry(self, fn: Callable[[RetryEvent], None]) -> Callable[[RetryEvent], None]:
        """Register `fn` to run before each retry (it knows the reason and the wait)."""
        self.retry.append(fn)
        return fn

    def on_breaker_state_change(
        self, fn: Callable[[BreakerStateChange], None]
    ) -> Callable[[BreakerStateChange], None]:
        """Register `fn` to run when a host's circuit breaker changes state."""
        self.breaker_state_change.append(fn)
        return fn

    def emit_request(self, event: RequestEvent) -> None:
        """Run the request hooks."""
        _run(self.request, event)

    def emit_response(self, event: ResponseEvent) -> None:
        """Run the response hooks."""
        _run(self.response, event)

    def emit_retry(self, event: RetryEvent) -> None:
        """Run the retry hooks."""
        _run(self.retry, event)

    def emit_breaker_state_change(self, event: BreakerStateChange) -> None:
        """Run the breaker hooks."""
        _run(self.breaker_state_change, event)


def _run(callbacks: list[Callable[[E], None]], event: E) -> None:
    for callback in callbacks:
        try:
            callback(event)
        except Exception:
            _log.warning("molam hook %r raised; ignored", callback, exc_info=True)
