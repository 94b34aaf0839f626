"""The transport stack states its order once (`TransportStack.layers()`): the stack it builds, sync and async,
has that order, and every description of the order in the docs quotes it."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

import molam_sdk_ext.transport
from molam_sdk_ext.transport import (
    AsyncCircuitBreakerTransport,
    AsyncIdempotencyTransport,
    AsyncObservabilityTransport,
    AsyncRetryTransport,
    CircuitBreakerTransport,
    IdempotencyTransport,
    ObservabilityTransport,
    RetryTransport,
    TransportStack,
)
from molam_sdk_ext.transport.stack import LAYERS

ROOT = Path(__file__).resolve().parents[2]

NAMES: dict[type, str] = {
    IdempotencyTransport: "idempotency",
    AsyncIdempotencyTransport: "idempotency",
    ObservabilityTransport: "observability",
    AsyncObservabilityTransport: "observability",
    RetryTransport: "retry",
    AsyncRetryTransport: "retry",
    CircuitBreakerTransport: "circuit breaker",
    AsyncCircuitBreakerTransport: "circuit breaker",
}


def built_layers(transport: object) -> list[str]:
    """The layer names of a wrapped transport, outermost first, down to the base transport."""
    names = []
    while type(transport) in NAMES:
        names.append(NAMES[type(transport)])
        transport = transport.inner  # type: ignore[attr-defined]
    return names


def test_wrap_builds_the_stated_order() -> None:
    stack = TransportStack()
    assert stack.layers() == LAYERS == ("idempotency", "observability", "retry", "circuit breaker")
    base = httpx.MockTransport(lambda request: httpx.Response(200))
    assert built_layers(stack.wrap(base)) == list(stack.layers())
    assert built_layers(stack.wrap_async(base)) == list(stack.layers())


def test_without_breakers_the_breaker_layer_is_left_out() -> None:
    stack = TransportStack(breakers=None)
    assert stack.layers() == ("idempotency", "observability", "retry")
    base = httpx.MockTransport(lambda request: httpx.Response(200))
    assert built_layers(stack.wrap(base)) == ["idempotency", "observability", "retry"]


def test_the_docs_quote_the_stated_order() -> None:
    quoted = " -> ".join(LAYERS) + " -> the base transport"
    texts = {
        "molam_sdk_ext.transport docstring": molam_sdk_ext.transport.__doc__ or "",
        "docs/DESIGN.md": (ROOT / "docs" / "DESIGN.md").read_text(encoding="utf-8"),
        "README.md": (ROOT / "README.md").read_text(encoding="utf-8"),
    }
    for where, text in texts.items():
        flat = re.sub(r"\s+", " ", text)  # a quote may be wrapped over lines
        assert quoted in flat, f"{where} does not state the stack's order as {quoted!r}"


def test_the_design_data_flow_lists_the_layers_in_the_stated_order() -> None:
    design = (ROOT / "docs" / "DESIGN.md").read_text(encoding="utf-8")
    flow = design[design.index("Data flow of one call:") :]
    flow = flow[: flow.index("<- 2xx")]
    # Each layer's own line in the data flow ("idempotency (one key ...", "retry (backoff ..."), in order.
    positions = [re.search(rf"^\s+{name} \(", flow, re.MULTILINE) for name in LAYERS]
    assert all(positions), flow
    starts = [match.start() for match in positions if match]
    assert starts == sorted(starts), flow
