# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The contract between the generated resources and the client that sends their requests.

A resource method knows the API: path, parameters, body, response model. It describes the request as a
`Request` and the call's own settings as `RequestOptions`, and hands both to a `SyncRequester` or
`AsyncRequester`, which owns everything about *sending*: base URL, auth and version headers, the idempotency
key, the transport stack (retries, circuit breaker, observability) and turning non-2xx answers into typed
errors. The SDK's clients (`Molam`, `AsyncMolam`) are requesters; a test can be one too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

import attrs

if TYPE_CHECKING:
    import httpx

__all__ = ["AsyncRequester", "Request", "RequestOptions", "SyncRequester"]


@attrs.frozen
class Request:
    """One API operation's request, as the generated resource builds it (nothing about the call or client).

    `url` is the path (``/v1/...``) with its parameters filled in and percent-escaped; `params` the query
    parameters given; `json` the JSON body (None: no body); `headers` the operation's own header parameters.
    """

    method: str
    url: str
    params: Mapping[str, Any] | None = None
    json: Any = None
    headers: Mapping[str, str] | None = None


@attrs.frozen
class RequestOptions:
    """Per-call settings that are not part of the API operation itself.

    `idempotency_key` is the caller's key for a POST (None: the client makes one per call and reuses it on
    every retry); `molam_version` overrides the client's pinned `Molam-Version`; `timeout` the client's
    timeout for this call (seconds or an `httpx.Timeout`); `max_retries` the retry budget (0 disables
    retries); `extra_headers` are added last and win over the SDK's own headers.
    """

    idempotency_key: str | None = None
    molam_version: str | None = None
    timeout: float | httpx.Timeout | None = None
    max_retries: int | None = None
    extra_headers: Mapping[str, str] | None = None


class SyncRequester(Protocol):
    """Sends the requests of the generated sync resources."""

    def request(self, request: Request, options: RequestOptions) -> httpx.Response:
        """Send `request` and return the 2xx response; raise a `MolamError` subclass for anything else."""
        ...


class AsyncRequester(Protocol):
    """The async twin of `SyncRequester`."""

    async def request(self, request: Request, options: RequestOptions) -> httpx.Response:
        """Send `request` and return the 2xx response; raise a `MolamError` subclass for anything else."""
        ...
