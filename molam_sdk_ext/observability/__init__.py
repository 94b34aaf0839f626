"""Observability: the redacting ``molam`` logger, hooks, and client telemetry.

Prometheus metrics and OpenTelemetry spans plug in as hooks (extras ``prometheus`` / ``otel``).
"""

from __future__ import annotations

from .hooks import Hooks, RequestEvent, ResponseEvent
from .logs import LOGGER_NAME, configure_logging, get_logger
from .redaction import RedactingFilter, mask_secret, redact
from .telemetry import TelemetryRecorder, user_agent

__all__ = [
    "LOGGER_NAME",
    "Hooks",
    "RedactingFilter",
    "RequestEvent",
    "ResponseEvent",
    "TelemetryRecorder",
    "configure_logging",
    "get_logger",
    "mask_secret",
    "redact",
    "user_agent",
]
