# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The base classes of the generated resources: they hold the requester and send through it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .raw_response import record_response

if TYPE_CHECKING:
    import httpx

    from .requester import AsyncRequester, Request, RequestOptions, SyncRequester

__all__ = ["AsyncResource", "SyncResource"]


class SyncResource:
    """Base of every generated sync resource class."""

    def __init__(self, requester: SyncRequester) -> None:
        self._requester = requester

    def _send(self, request: Request, options: RequestOptions) -> httpx.Response:
        """Send through the requester; the response is also offered to a raw-response wrapper in progress."""
        response = self._requester.request(request, options)
        record_response(response)
        return response


class AsyncResource:
    """Base of every generated async resource class."""

    def __init__(self, requester: AsyncRequester) -> None:
        self._requester = requester

    async def _send(self, request: Request, options: RequestOptions) -> httpx.Response:
        """Send through the requester; the response is also offered to a raw-response wrapper in progress."""
        response = await self._requester.request(request, options)
        record_response(response)
        return response
