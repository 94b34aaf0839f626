# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `events` resource: Events (`evt_`) record changes to your objects; they are what webhooks deliver.

Four classes share one request builder per operation: `Events` and `AsyncEvents` return parsed models
(list methods return pages that walk across pages); `EventsWithRawResponse` and
`AsyncEventsWithRawResponse` return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx

from molam_sdk_ext.pagination import AsyncPage, SyncPage
from molam_sdk_ext.requester import AsyncResource, RawResponse, SyncResource

from ..models.event import Event
from ..models.event_list import EventList
from ..types import UNSET, Unset
from ._request import options, parse

__all__ = ["AsyncEvents", "AsyncEventsWithRawResponse", "Events", "EventsWithRawResponse"]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
    type: str | Unset,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `list` (GET /v1/events), shared by the sync and async classes."""
    headers: dict[str, str] = {}
    if molam_version is not None:
        headers["Molam-Version"] = molam_version
    kwargs: dict[str, Any] = {"method": "get", "url": "/v1/events", "headers": headers}
    params: dict[str, Any] = {}
    if limit is not UNSET and limit is not None:
        params["limit"] = limit
    if starting_after is not UNSET and starting_after is not None:
        params["starting_after"] = starting_after
    if type is not UNSET and type is not None:
        params["type"] = type
    kwargs["params"] = params
    return kwargs


def _retrieve_request(
    *,
    id: str,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `retrieve` (GET /v1/events/{id}), shared by the sync and async classes."""
    headers: dict[str, str] = {}
    if molam_version is not None:
        headers["Molam-Version"] = molam_version
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/v1/events/{quote(str(id), safe='')}",
        "headers": headers,
    }
    return kwargs


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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> EventList:
            response = self._requester.request(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    type=type,
                    molam_version=molam_version,
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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _retrieve_request(
                id=id,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(Event.from_dict, response, "Event")


class EventsWithRawResponse(SyncResource):
    """Events operations, returning `RawResponse` objects."""

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
    ) -> RawResponse[EventList]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `EventList`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _list_request(
                limit=limit,
                starting_after=starting_after,
                type=type,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(EventList.from_dict, response, "EventList"))

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Event]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `Event`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _retrieve_request(
                id=id,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(Event.from_dict, response, "Event"))


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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> EventList:
            response = await self._requester.request(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    type=type,
                    molam_version=molam_version,
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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _retrieve_request(
                id=id,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(Event.from_dict, response, "Event")


class AsyncEventsWithRawResponse(AsyncResource):
    """Events operations, async, returning `RawResponse` objects."""

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
    ) -> RawResponse[EventList]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `EventList`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _list_request(
                limit=limit,
                starting_after=starting_after,
                type=type,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(EventList.from_dict, response, "EventList"))

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Event]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `Event`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _retrieve_request(
                id=id,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(Event.from_dict, response, "Event"))
