"""The transports under `Molam` and `AsyncMolam`, and the pure decisions they share.

The stack, outermost first (`TransportStack.layers()`, stated once in `stack.LAYERS`):
idempotency -> observability -> retry -> circuit breaker -> the base transport.
That is `IdempotencyTransport` (the one owner of the key header), `ObservabilityTransport`, `RetryTransport`
(obeying a `RetryPolicy`), `CircuitBreakerTransport` (one `CircuitBreaker` per host), then httpx's transport.
Each has an async twin.
"""

from __future__ import annotations

from .breaker import (
    AsyncCircuitBreakerTransport,
    BreakerConfig,
    BreakerRegistry,
    BreakerState,
    BreakerStateChange,
    CircuitBreaker,
    CircuitBreakerTransport,
)
from .idempotency_key import AsyncIdempotencyTransport, IdempotencyTransport, new_idempotency_key
from .observe import AsyncObservabilityTransport, ObservabilityTransport
from .retry import AsyncRetryTransport, RetryDecision, RetryEvent, RetryPolicy, RetryTransport
from .stack import TransportStack

__all__ = [
    "AsyncCircuitBreakerTransport",
    "AsyncIdempotencyTransport",
    "AsyncObservabilityTransport",
    "AsyncRetryTransport",
    "BreakerConfig",
    "BreakerRegistry",
    "BreakerState",
    "BreakerStateChange",
    "CircuitBreaker",
    "CircuitBreakerTransport",
    "IdempotencyTransport",
    "ObservabilityTransport",
    "RetryDecision",
    "RetryEvent",
    "RetryPolicy",
    "RetryTransport",
    "TransportStack",
    "new_idempotency_key",
]
