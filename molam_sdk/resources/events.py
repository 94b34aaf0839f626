# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `events` resource: Events (`evt_`) record changes to your objects; they are what webhooks deliver.

`Events` and `AsyncEvents` share one request builder per operation and return parsed models (list methods
return pages that walk across pages); `EventsWithRawResponse` and `AsyncEventsWithRawResponse` wrap their
methods to return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx

from ..models.event import Event
from ..models.event_list import EventList
from ..pagination import AsyncPage, SyncPage
from ..raw_response import (
    async_to_raw_page_wrapper,
    async_to_raw_response_wrapper,
    to_raw_page_wrapper,
    to_raw_response_wrapper,
)
from ..requester import Request
from ..resource import AsyncResource, SyncResource
from ..types import UNSET, Unset
from ._request import (
    check_integers,
    check_path_parameter,
    options,
    parse,
)

__all__ = ["AsyncEvents", "AsyncEventsWithRawResponse", "Events", "EventsWithRawResponse"]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
    type: str | Unset,
) -> Request:
    """The request for `list` (GET /v1/events), shared by the sync and async classes."""
    _params: dict[str, Any] = {}
    if limit is not UNSET and limit is not None:
        _params["limit"] = limit
    if starting_after is not UNSET and starting_after is not None:
        _params["starting_after"] = starting_after
    if type is not UNSET and type is not None:
        _params["type"] = type
    check_integers(_params, ("limit",))
    return Request(
        "GET",
        "/v1/events",
        params=_params,
    )


def _retrieve_request(
    *,
    id: str,
) -> Request:
    """The request for `retrieve` (GET /v1/events/{id}), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "GET",
        f"/v1/events/{quote(str(id), safe='')}",
    )


class Events(SyncResource):
    """Events operations."""

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        type: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Event]:
        """List events.

        Lists events of the last 30 days, newest first, optionally only one type.

        `GET /v1/events`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            type: The `type` parameter.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as a `SyncPage` of `Event`: iterate it to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> EventList:
            response = self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    type=type,
                ),
                request_options,
            )
            return parse(EventList.from_dict, response, "EventList")

        return SyncPage(fetch(starting_after), fetch)

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Event:
        """Retrieve an event.

        Retrieves an event by id (events are kept for 30 days).

        `GET /v1/events/{id}`

        Args:
            id: The event's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Event`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _retrieve_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Event.from_dict, response, "Event")


class AsyncEvents(AsyncResource):
    """Events operations, async."""

    async def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        type: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPage[Event]:
        """List events.

        Lists events of the last 30 days, newest first, optionally only one type.

        `GET /v1/events`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            type: The `type` parameter.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as an `AsyncPage` of `Event`: iterate it with `async for` to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> EventList:
            response = await self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    type=type,
                ),
                request_options,
            )
            return parse(EventList.from_dict, response, "EventList")

        return AsyncPage(await fetch(starting_after), fetch)

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Event:
        """Retrieve an event.

        Retrieves an event by id (events are kept for 30 days).

        `GET /v1/events/{id}`

        Args:
            id: The event's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Event`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _retrieve_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Event.from_dict, response, "Event")


class EventsWithRawResponse:
    """The `Events` methods, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: Events) -> None:
        self._resource = resource
        self.list = to_raw_page_wrapper(resource.list, EventList)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class AsyncEventsWithRawResponse:
    """The `AsyncEvents` methods, async, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: AsyncEvents) -> None:
        self._resource = resource
        self.list = async_to_raw_page_wrapper(resource.list, EventList)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
