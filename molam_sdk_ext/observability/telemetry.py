"""Client telemetry and the User-Agent.

`Molam-Client-Telemetry` tells Molam how long the *previous* request took, as this client saw it, so the API
team can tell network time from server time. It holds exactly: that request's id and duration in
milliseconds, the SDK version and the Python version. No payment data, no PII. It is sent only once there
is a previous request to report, and never when disabled (``MOLAM_TELEMETRY_ENABLED=false`` or
``Molam(telemetry=False)``).
"""

from __future__ import annotations

import functools
import sys
from json.encoder import encode_basestring_ascii
from typing import Final

__all__ = ["TELEMETRY_HEADER", "TelemetryRecorder", "sdk_version", "user_agent"]

TELEMETRY_HEADER: Final = "Molam-Client-Telemetry"
#: A longer "request id" is not one of ours: it is not echoed back.
MAX_REQUEST_ID_LENGTH: Final = 200


def sdk_version() -> str:
    """The molam-sdk version (`molam_sdk_ext.__version__`; importlib.metadata would cost ~10 ms per process)."""
    from .. import __version__

    return __version__


def python_version() -> str:
    """The running Python's version, such as ``3.11.7``."""
    return sys.version.split()[0]


@functools.cache
def user_agent() -> str:
    """``molam-python/<sdk> python/<version> httpx/<version>``."""
    import httpx

    return f"molam-python/{sdk_version()} python/{python_version()} httpx/{httpx.__version__}"


class TelemetryRecorder:
    """Remembers the last request's id and duration; renders the header for the next request.

    Thread-safe without a lock: the last value is one string, replaced atomically.
    """

    __slots__ = ("_suffix", "_value")

    def __init__(self) -> None:
        self._value: str | None = None
        self._suffix = (
            f',"sdk_version":{encode_basestring_ascii(sdk_version())}'
            f',"python_version":{encode_basestring_ascii(python_version())}}}'
        )

    def record(self, request_id: str | None, duration: float) -> None:
        """Remember a finished request (ignored when the server sent no request id)."""
        if request_id and len(request_id) <= MAX_REQUEST_ID_LENGTH:
            # Rendered here, once per response, as compact JSON (the same text json.dumps would give).
            self._value = (
                f'{{"last_request_metrics":{{"request_id":{encode_basestring_ascii(request_id)},'
                f'"request_duration_ms":{round(duration * 1000)}}}{self._suffix}'
            )

    def header_value(self) -> str | None:
        """The header value to send now, or None when there is nothing to report yet."""
        return self._value
