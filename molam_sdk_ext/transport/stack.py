"""The SDK's transport stack, outermost first: idempotency, observability, retry, circuit breaker, then the
real transport (httpx's own, or the caller's).

Idempotency comes first so that the key a POST goes out with (the caller's or a new one) is already on the
request when observability reports the call to the hooks and the logs.

A `TransportStack` holds the parts every layer shares (retry policy, per-host breakers, hooks, telemetry) and
wraps any number of base transports with them: a caller's client may route URLs to several transports
(proxies), and each one gets the same stack over the same breakers.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import attrs
import httpx

from ..observability.hooks import Hooks
from ..observability.telemetry import TelemetryRecorder
from .breaker import AsyncCircuitBreakerTransport, BreakerRegistry, CircuitBreakerTransport
from .deadline import bound_to_deadline
from .idempotency_key import AsyncIdempotencyTransport, IdempotencyTransport
from .observe import AsyncObservabilityTransport, ObservabilityTransport, retry_listener
from .retry import AsyncRetryTransport, RetryPolicy, RetryTransport

__all__ = ["TransportStack"]


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

    def wrap(self, base: httpx.BaseTransport) -> httpx.BaseTransport:
        """`base` under the whole stack (httpx's own transport also made to hold each call's deadline)."""
        bound_to_deadline(base)
        transport = base
        if self.breakers is not None:
            transport = CircuitBreakerTransport(transport, self.breakers)
        transport = RetryTransport(
            transport, self.policy, sleep=self.sleep, clock=self.clock, on_retry=retry_listener(self.hooks)
        )
        transport = ObservabilityTransport(transport, hooks=self.hooks, telemetry=self.telemetry)
        return IdempotencyTransport(transport)

    def wrap_async(self, base: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        """`base` under the whole async stack (httpx's own transport also made to hold each call's deadline)."""
        bound_to_deadline(base)
        transport = base
        if self.breakers is not None:
            transport = AsyncCircuitBreakerTransport(transport, self.breakers)
        transport = AsyncRetryTransport(
            transport,
            self.policy,
            sleep=self.async_sleep,
            clock=self.clock,
            on_retry=retry_listener(self.hooks),
        )
        transport = AsyncObservabilityTransport(transport, hooks=self.hooks, telemetry=self.telemetry)
        return AsyncIdempotencyTransport(transport)
