"""The contract between the generated resource classes and the client that sends their requests.

Generated resources (`molam_sdk.resources.*`) know the API: paths, parameters, models. They build a request
description (a dict of `method`, `url`, `params`, `json`, `headers`) and hand it to a `SyncRequester` or
`AsyncRequester`, which owns everything about *sending* it: base URL, auth, the transport stack
(idempotency, retries, circuit breaker, observability) and turning non-2xx answers into typed errors.
`Molam` and `AsyncMolam` are requesters; a test can be one too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, Protocol, TypeVar

import attrs
import httpx

__all__ = [
    "MAX_RETRIES_EXTENSION",
    "AsyncRequester",
    "AsyncResource",
    "RawResponse",
    "RequestOptions",
    "SyncRequester",
    "SyncResource",
]

T = TypeVar("T")

#: httpx request extension through which a per-call retry budget reaches the retry transport.
MAX_RETRIES_EXTENSION = "molam_max_retries"


@attrs.frozen
class RequestOptions:
    """Per-call settings that are not part of the API operation itself.

    `timeout` overrides the client's timeout for this call (seconds or an `httpx.Timeout`);
    `max_retries` overrides the client's retry budget (0 disables retries); `extra_headers`
    are added last and win over the SDK's own headers.
    """

    timeout: float | httpx.Timeout | None = None
    max_retries: int | None = None
    extra_headers: Mapping[str, str] | None = None


class SyncRequester(Protocol):
    """Sends one request described by a generated resource method (`method`, `url`, `params`, `json`, `headers`)."""

    def request(self, kwargs: dict[str, Any], options: RequestOptions) -> httpx.Response:
        """Send it and return the 2xx response; raise a `MolamError` subclass for anything else."""
        ...


class AsyncRequester(Protocol):
    """The async twin of `SyncRequester`."""

    async def request(self, kwargs: dict[str, Any], options: RequestOptions) -> httpx.Response:
        """Send it and return the 2xx response; raise a `MolamError` subclass for anything else."""
        ...


class SyncResource:
    """Base of every generated sync resource class: holds the requester it sends through."""

    def __init__(self, requester: SyncRequester) -> None:
        self._requester = requester


class AsyncResource:
    """Base of every generated async resource class: holds the requester it sends through."""

    def __init__(self, requester: AsyncRequester) -> None:
        self._requester = requester


@attrs.frozen
class RawResponse(Generic[T]):
    """A parsed model together with the HTTP response it came from.

    Returned by `molam.with_raw_response.<resource>.<method>(...)`::

        raw = molam.with_raw_response.payment_intents.create(amount=15000, currency="XOF")
        raw.status_code, raw.request_id, raw.idempotent_replayed
        intent = raw.parsed
    """

    http_response: httpx.Response
    parsed: T

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (case-insensitive)."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The `Molam-Request-Id` the server gave this response: quote it to support."""
        request_id: str | None = self.http_response.headers.get("molam-request-id")
        return request_id

    @property
    def idempotent_replayed(self) -> bool:
        """True when the server replayed a stored response for a repeated idempotency key."""
        replayed: str = self.http_response.headers.get("idempotent-replayed", "")
        return replayed.lower() == "true"
