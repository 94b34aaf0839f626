"""Client telemetry and the User-Agent.

`Molam-Client-Telemetry` tells Molam how long the *previous* request took, as this client saw it, so the API
team can tell network time from server time. It holds exactly: that request's id and duration in
milliseconds, the SDK version and the Python version. No payment data, no PII. It is sent only once there
is a previous request to report, and never when disabled (``MOLAM_TELEMETRY_ENABLED=false`` or
``Molam(telemetry=False)``).
"""

from __future__ import annotations

import functools
import json
import platform
from typing import Final

__all__ = ["TELEMETRY_HEADER", "TelemetryRecorder", "sdk_version", "user_agent"]

TELEMETRY_HEADER: Final = "Molam-Client-Telemetry"


@functools.cache
def sdk_version() -> str:
    """The installed molam-sdk version ("0+unknown" when running from a tree that is not installed)."""
    from importlib import metadata  # deferred: importlib.metadata costs milliseconds at import time

    try:
        return metadata.version("molam-sdk")
    except metadata.PackageNotFoundError:
        return "0+unknown"


@functools.cache
def user_agent() -> str:
    """``molam-python/<sdk> python/<version> httpx/<version>``."""
    import httpx

    return f"molam-python/{sdk_version()} python/{platform.python_version()} httpx/{httpx.__version__}"


class TelemetryRecorder:
    """Remembers the last request's id and duration; renders the header for the next request.

    Thread-safe without a lock: the last value is one tuple, replaced atomically.
    """

    __slots__ = ("_last",)

    def __init__(self) -> None:
        self._last: tuple[str, int] | None = None

    def record(self, request_id: str | None, duration: float) -> None:
        """Remember a finished request (ignored when the server sent no request id)."""
        if request_id:
            self._last = (request_id, round(duration * 1000))

    def header_value(self) -> str | None:
        """The header value to send now, or None when there is nothing to report yet."""
        last = self._last
        if last is None:
            return None
        return json.dumps(
            {
                "last_request_metrics": {"request_id": last[0], "request_duration_ms": last[1]},
                "sdk_version": sdk_version(),
                "python_version": platform.python_version(),
            },
            separators=(",", ":"),
        )
