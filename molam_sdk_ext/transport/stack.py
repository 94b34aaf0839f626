"""The SDK's transport stack. Its order is stated once, in `LAYERS` (`TransportStack.layers()`), outermost
first: idempotency -> observability -> retry -> circuit breaker -> the base transport (httpx's own, or the
caller's). `wrap` and `wrap_async` build it from that tuple, and a test holds every description of the order
(this package's docstring, docs/DESIGN.md, the README) to it.

Idempotency comes first so that the key a POST goes out with (the caller's or a new one) is already on the
request when observability reports the call to the hooks and the logs, and so that every retry reuses it.

A `TransportStack` holds the parts every layer shares (retry policy, per-host breakers, hooks, telemetry) and
wraps any number of base transports with them: a caller's client may route URLs to several transports
(proxies), and each one gets the same stack over the same breakers.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

import attrs
import httpx

from ..observability.hooks import Hooks
from ..observability.telemetry import TelemetryRecorder
from .breaker import AsyncCircuitBreakerTransport, BreakerRegistry, CircuitBreakerTransport
from .deadline import bound_to_deadline
from .idempotency_key import AsyncIdempotencyTransport, IdempotencyTransport
from .observe import AsyncObservabilityTransport, ObservabilityTransport, retry_listener
from .retry import AsyncRetryTransport, RetryPolicy, RetryTransport

__all__ = ["LAYERS", "TransportStack"]

LAYERS = ("idempotency", "observability", "retry", "circuit breaker")
"""The layers of the stack, outermost first; the base transport is under the last one."""


@attrs.frozen
class TransportStack:
    """The shared parts of the stack. `breakers=None` turns circuit breaking off; `telemetry=None` the header.

    `sleep`, `async_sleep` (default `asyncio.sleep`) and `clock` are injectable so tests run retries without
    waiting.
    """

    policy: RetryPolicy = attrs.field(factory=RetryPolicy)
    breakers: BreakerRegistry | None = attrs.field(factory=BreakerRegistry)
    hooks: Hooks = attrs.field(factory=Hooks)
    telemetry: TelemetryRecorder | None = attrs.field(factory=TelemetryRecorder)
    sleep: Callable[[float], None] = attrs.field(default=time.sleep, eq=False)
    async_sleep: Callable[[float], Awaitable[None]] | None = attrs.field(default=None, eq=False)
    clock: Callable[[], float] = attrs.field(default=time.monotonic, eq=False)

    def layers(self) -> tuple[str, ...]:
        """The layers `wrap` puts around a base transport, outermost first (the circuit breaker only when
        `breakers` is set)."""
        return tuple(name for name in LAYERS if name != "circuit breaker" or self.breakers is not None)

    def wrap(self, base: httpx.BaseTransport) -> httpx.BaseTransport:
        """`base` under the whole stack (httpx's own transport also made to hold each call's deadline)."""
        transport: httpx.BaseTransport = self._build(base, asynchronous=False)
        return transport

    def wrap_async(self, base: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        """`base` under the whole async stack (httpx's own transport also made to hold each call's deadline)."""
        transport: httpx.AsyncBaseTransport = self._build(base, asynchronous=True)
        return transport

    def _build(self, base: Any, *, asynchronous: bool) -> Any:
        bound_to_deadline(base)
        transport = base
        for name in reversed(self.layers()):
            sync_layer, async_layer = _LAYER_CLASSES[name]
            layer: Callable[..., Any] = async_layer if asynchronous else sync_layer
            transport = layer(transport, **self._options(name, asynchronous))
        return transport

    def _options(self, name: str, asynchronous: bool) -> dict[str, Any]:
        """The shared parts one layer is built with (the same for its sync and async forms but the sleep)."""
        if name == "circuit breaker":
            return {"registry": self.breakers}
        if name == "retry":
            sleep = self.async_sleep if asynchronous else self.sleep
            return {
                "policy": self.policy,
                "sleep": sleep,
                "clock": self.clock,
                "on_retry": retry_listener(self.hooks),
            }
        if name == "observability":
            return {"hooks": self.hooks, "telemetry": self.telemetry}
        return {}


_LAYER_CLASSES: dict[str, tuple[type, type]] = {
    "idempotency": (IdempotencyTransport, AsyncIdempotencyTransport),
    "observability": (ObservabilityTransport, AsyncObservabilityTransport),
    "retry": (RetryTransport, AsyncRetryTransport),
    "circuit breaker": (CircuitBreakerTransport, AsyncCircuitBreakerTransport),
}
"""Each layer of `LAYERS`: its sync and its async transport."""
