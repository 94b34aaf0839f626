"""Prometheus metrics for Molam API calls and webhook processing (extra ``molam-sdk[prometheus]``).

Subscribes to a client's hooks; nothing in the request path changes::

    from prometheus_client import start_http_server
    from molam_sdk_ext.observability.prometheus import MolamMetrics

    metrics = MolamMetrics()            # registers on prometheus_client's default registry
    metrics.instrument(molam)           # a Molam / AsyncMolam client, or its `hooks`
    metrics.instrument_processor(processor)   # a WebhookProcessor: webhook outcomes, via its on_result
    start_http_server(9100)

Series (with the default ``namespace="molam"``):

- ``molam_requests_total{method, route, status}``: logical calls (retries included in one call); `status` is the
  HTTP status, or ``error`` when no answer came (the ``error`` label then holds the exception class);
- ``molam_request_duration_seconds{method, route}``: histogram of call durations, retries and waits included;
- ``molam_retries_total{method, route, reason}``: retries, by reason (``status_503``, ``timeout``, ...);
- ``molam_circuit_breaker_state{host}``: 0 closed, 1 half-open, 2 open; and
  ``molam_circuit_breaker_transitions_total{host, state}``;
- ``molam_webhooks_total{type, outcome}``: processed deliveries by outcome (``processed``, ``duplicate``,
  ``invalid_signature``, ``handler_failed``, ...; in inbox mode ``received`` at the endpoint and the workers'
  outcomes, ``dead`` included);
- ``molam_webhook_handler_duration_seconds{type, outcome}``: histogram of handler run times (inline or in a
  worker), by outcome (``processed``, ``handler_failed``, ``dead``, ``lease_lost``);
- with ``instrument_inbox(inbox)``, read from the inbox at each scrape: ``molam_webhook_inbox_events{status}``
  (``received``, ``processing``, ``failed``, ``dead``, ``processed``) and
  ``molam_webhook_inbox_oldest_pending_seconds`` (0 when nothing is pending).

`route` is the path with object ids replaced by ``{id}`` (``/v1/connect/payment_intents/{id}/confirm``), so the
number of series stays bounded. No label ever holds a key, a secret, an amount or a customer identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .hooks import Hooks, ResponseEvent
from .logs import get_logger

if TYPE_CHECKING:
    from prometheus_client import CollectorRegistry
    from prometheus_client.metrics import MetricWrapperBase
    from prometheus_client.registry import Collector

    from ..stores.webhook_inbox import WebhookInbox
    from ..transport.breaker import BreakerStateChange
    from ..transport.retry import RetryEvent
    from ..webhooks.processor import ProcessResult, WebhookProcessor

__all__ = [
    "BREAKER_STATE_VALUES",
    "DEFAULT_BUCKETS",
    "DEFAULT_REGISTRY",
    "MolamMetrics",
    "hooks_of",
    "route_of",
]

#: Seconds; API calls take tens to hundreds of milliseconds, retries with backoff up to tens of seconds.
DEFAULT_BUCKETS: tuple[float, ...] = (
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
    60.0,
)
BREAKER_STATE_VALUES: Mapping[str, int] = {"closed": 0, "half_open": 1, "open": 2}

_logger = get_logger("molam.metrics")

P = TypeVar("P", bound="WebhookProcessor")
_M = TypeVar("_M", bound="MetricWrapperBase")


class _Default:
    """The marker for "prometheus_client's default registry" (None already means "do not register")."""

    def __repr__(self) -> str:
        return "DEFAULT_REGISTRY"


#: Register on prometheus_client's process-wide default registry (what `start_http_server` exposes).
DEFAULT_REGISTRY = _Default()

# An object id: a short lower-case prefix, an underscore, then 6+ letters and digits (pi_3Nf8kLm2aB9xQ7).
_ID_SEGMENT = re.compile(r"^[a-z]{1,5}_[A-Za-z0-9]{6,}$")


def route_of(path: str) -> str:
    """The path with every object id segment replaced by ``{id}``; the query string is dropped."""
    path = path.split("?", 1)[0]
    return "/".join("{id}" if _ID_SEGMENT.match(segment) else segment for segment in path.split("/"))


class _HasHooks(Protocol):
    @property
    def hooks(self) -> Hooks: ...


def hooks_of(target: Hooks | _HasHooks) -> Hooks:
    """The `Hooks` registry of a client (or the registry itself)."""
    if isinstance(target, Hooks):
        return target
    hooks = getattr(target, "hooks", None)
    if not isinstance(hooks, Hooks):
        raise TypeError("instrument() takes a Molam / AsyncMolam client or a Hooks registry")
    return hooks


class MolamMetrics:
    """The Molam metric families on one registry: `instrument` a client, `instrument_processor` webhooks.

    Make one per process and registry (a second one on the same registry is refused by prometheus_client).
    """

    def __init__(
        self,
        registry: CollectorRegistry | _Default | None = DEFAULT_REGISTRY,
        *,
        namespace: str = "molam",
        buckets: Sequence[float] = DEFAULT_BUCKETS,
    ) -> None:
        # Imported here, not at module level: `route_of` and `hooks_of` (used by the otel module too) must not
        # need the prometheus extra.
        try:
            from prometheus_client import REGISTRY, Counter, Gauge, Histogram
        except ImportError as exc:  # pragma: no cover - depends on the installed extras
            raise ImportError(
                "MolamMetrics needs prometheus-client: pip install 'molam-sdk[prometheus]'"
            ) from exc
        if isinstance(registry, _Default):
            registry = REGISTRY
        self.registry = registry

        def family(kind: type[_M], name: str, documentation: str, labels: list[str], **options: Any) -> _M:
            # Every family of this object lives under its namespace, on its registry.
            return kind(name, documentation, labels, namespace=namespace, registry=registry, **options)

        timings = tuple(buckets)
        self.requests = family(
            Counter,
            "requests",
            "Molam API calls (one per logical call, retries included), by status.",
            ["method", "route", "status", "error"],
        )
        self.request_duration = family(
            Histogram,
            "request_duration_seconds",
            "Duration of Molam API calls, retries and backoff waits included.",
            ["method", "route"],
            buckets=timings,
        )
        self.retries = family(
            Counter, "retries", "Retries of Molam API calls, by reason.", ["method", "route", "reason"]
        )
        self.breaker_state = family(
            Gauge,
            "circuit_breaker_state",
            "Circuit breaker state per host: 0 closed, 1 half-open, 2 open.",
            ["host"],
        )
        self.breaker_transitions = family(
            Counter,
            "circuit_breaker_transitions",
            "Circuit breaker state changes per host, by the state entered.",
            ["host", "state"],
        )
        self.webhooks = family(
            Counter,
            "webhooks",
            "Webhook deliveries processed, by event type and outcome.",
            ["type", "outcome"],
        )
        self.webhook_handler_duration = family(
            Histogram,
            "webhook_handler_duration_seconds",
            "Run time of webhook handlers (inline or in an inbox worker), by event type and outcome.",
            ["type", "outcome"],
            buckets=timings,
        )
        self.namespace = namespace

    def __repr__(self) -> str:
        return f"MolamMetrics(registry={type(self.registry).__name__})"

    # -- API calls ----------------------------------------------------------------------------------------

    def instrument(self, target: Hooks | _HasHooks) -> None:
        """Subscribe to a client's (or a `Hooks` registry's) responses, retries and breaker changes."""
        hooks = hooks_of(target)
        hooks.on_response(self.observe_response)
        hooks.on_retry(self.observe_retry)
        hooks.on_breaker_state_change(self.observe_breaker)

    def observe_response(self, event: ResponseEvent) -> None:
        """Count one finished call and record its duration."""
        route = route_of(event.path)
        status = str(event.status) if event.status is not None else "error"
        self.requests.labels(event.method, route, status, event.error or "").inc()
        self.request_duration.labels(event.method, route).observe(event.duration)

    def observe_retry(self, event: RetryEvent) -> None:
        """Count one retry."""
        self.retries.labels(event.method, route_of(_path_of(event.url)), event.reason).inc()

    def observe_breaker(self, event: BreakerStateChange) -> None:
        """Record a breaker's new state."""
        state = str(event.new)
        self.breaker_state.labels(event.host).set(BREAKER_STATE_VALUES.get(state, -1))
        self.breaker_transitions.labels(event.host, state).inc()

    # -- webhooks -----------------------------------------------------------------------------------------

    def observe_webhook(self, result: ProcessResult) -> None:
        """Count one processed delivery (a `WebhookProcessor` result) and its handler's run time."""
        self.webhooks.labels(result.event_type or "", result.outcome.value).inc()
        if result.handler_seconds is not None:
            self.webhook_handler_duration.labels(result.event_type or "", result.outcome.value).observe(
                result.handler_seconds
            )

    def instrument_inbox(self, inbox: WebhookInbox) -> Collector:
        """Expose the inbox's depth by status and its oldest pending age, read at each scrape; return the
        collector (``registry.unregister`` it to stop). One inbox per `MolamMetrics`: the names are fixed."""
        if self.registry is None:
            raise ValueError(
                "instrument_inbox needs a registry (this MolamMetrics was made with registry=None)"
            )
        collector = _InboxCollector(inbox, self.namespace)
        self.registry.register(collector)
        return collector

    def instrument_processor(self, processor: P) -> P:
        """Count every delivery of a `WebhookProcessor` (`process` and `aprocess`) and return the processor.

        Subscribes `observe_webhook` through `WebhookProcessor.on_result`: the processor is not wrapped, so it
        can be passed to the framework adapters as it is. Call it once per processor (twice counts twice).
        """
        processor.on_result(self.observe_webhook)
        return processor


class _InboxCollector:
    """Reads `WebhookInbox.stats` when Prometheus scrapes (one query per scrape, nothing between)."""

    def __init__(self, inbox: WebhookInbox, namespace: str) -> None:
        self.inbox = inbox
        self.events = f"{namespace}_webhook_inbox_events"
        self.oldest = f"{namespace}_webhook_inbox_oldest_pending_seconds"

    def describe(self) -> list[Any]:
        """The families' names, without touching the inbox (registration must not query it)."""
        from prometheus_client.core import GaugeMetricFamily

        return [
            GaugeMetricFamily(self.events, "Webhook inbox events by status.", labels=["status"]),
            GaugeMetricFamily(self.oldest, "Age of the oldest webhook inbox event not done yet."),
        ]

    def collect(self) -> Iterator[Any]:
        """The current figures; nothing (and a warning) when the inbox cannot be read."""
        from prometheus_client.core import GaugeMetricFamily

        try:
            stats = self.inbox.stats()
        except Exception as exc:
            # A scrape must not fail because the store is down: the series go missing, which alerts can see.
            _logger.warning(
                "webhook inbox metrics: could not read the inbox: %s: %s", type(exc).__name__, exc
            )
            return
        events = GaugeMetricFamily(self.events, "Webhook inbox events by status.", labels=["status"])
        for status, count in stats.counts.items():
            events.add_metric([status], count)
        yield events
        yield GaugeMetricFamily(
            self.oldest,
            "Age of the oldest webhook inbox event not done yet.",
            value=stats.oldest_pending_age or 0.0,
        )


def _path_of(url: str) -> str:
    rest = url.split("://", 1)[-1]
    slash = rest.find("/")
    return rest[slash:] if slash >= 0 else "/"
