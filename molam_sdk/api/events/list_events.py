# Generated from spec/molam.yaml by `make generate`; do not edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.event_list import EventList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 10,
    starting_after: str | Unset = UNSET,
    type: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(molam_version, Unset):
        headers["Molam-Version"] = molam_version

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["starting_after"] = starting_after

    params["type"] = type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | EventList | None:
    if response.status_code == 200:
        response_200 = EventList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | EventList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    starting_after: str | Unset = UNSET,
    type: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> Response[ErrorResponse | EventList]:
    """List events

     Lists events of the last 30 days, newest first, optionally only one type.

    Args:
        limit (int | Unset): How many objects to return, between 1 and 100. Default: 10.
        starting_after (str | Unset): A cursor for pagination; the id of the last object of the
            previous page (or its `next_cursor`).
        type (str | Unset):
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | EventList]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        type=type,
        molam_version=molam_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    starting_after: str | Unset = UNSET,
    type: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> ErrorResponse | EventList | None:
    """List events

     Lists events of the last 30 days, newest first, optionally only one type.

    Args:
        limit (int | Unset): How many objects to return, between 1 and 100. Default: 10.
        starting_after (str | Unset): A cursor for pagination; the id of the last object of the
            previous page (or its `next_cursor`).
        type (str | Unset):
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | EventList
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        type=type,
        molam_version=molam_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    starting_after: str | Unset = UNSET,
    type: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> Response[ErrorResponse | EventList]:
    """List events

     Lists events of the last 30 days, newest first, optionally only one type.

    Args:
        limit (int | Unset): How many objects to return, between 1 and 100. Default: 10.
        starting_after (str | Unset): A cursor for pagination; the id of the last object of the
            previous page (or its `next_cursor`).
        type (str | Unset):
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | EventList]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        type=type,
        molam_version=molam_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    starting_after: str | Unset = UNSET,
    type: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> ErrorResponse | EventList | None:
    """List events

     Lists events of the last 30 days, newest first, optionally only one type.

    Args:
        limit (int | Unset): How many objects to return, between 1 and 100. Default: 10.
        starting_after (str | Unset): A cursor for pagination; the id of the last object of the
            previous page (or its `next_cursor`).
        type (str | Unset):
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | EventList
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            type=type,
            molam_version=molam_version,
        )
    ).parsed
