# Generated from spec/molam.yaml by `make generate`; do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.payout import Payout
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(molam_version, Unset):
        headers["Molam-Version"] = molam_version

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/treasury/payouts/{id}/cancel".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Payout | None:
    if response.status_code == 200:
        response_200 = Payout.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

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
) -> Response[ErrorResponse | Payout]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> Response[ErrorResponse | Payout]:
    """Cancel a payout

     Cancels a payout that is still `pending`; the funds return to the origin balance. A payout already
    `in_transit` cannot be canceled (`400 payout_not_cancelable`).
    Treasury endpoints may require mutual TLS (see `create_payout`).

    Args:
        id (str): The payout's id.
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Payout]
    """

    kwargs = _get_kwargs(
        id=id,
        idempotency_key=idempotency_key,
        molam_version=molam_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> ErrorResponse | Payout | None:
    """Cancel a payout

     Cancels a payout that is still `pending`; the funds return to the origin balance. A payout already
    `in_transit` cannot be canceled (`400 payout_not_cancelable`).
    Treasury endpoints may require mutual TLS (see `create_payout`).

    Args:
        id (str): The payout's id.
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Payout
    """

    return sync_detailed(
        id=id,
        client=client,
        idempotency_key=idempotency_key,
        molam_version=molam_version,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> Response[ErrorResponse | Payout]:
    """Cancel a payout

     Cancels a payout that is still `pending`; the funds return to the origin balance. A payout already
    `in_transit` cannot be canceled (`400 payout_not_cancelable`).
    Treasury endpoints may require mutual TLS (see `create_payout`).

    Args:
        id (str): The payout's id.
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Payout]
    """

    kwargs = _get_kwargs(
        id=id,
        idempotency_key=idempotency_key,
        molam_version=molam_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> ErrorResponse | Payout | None:
    """Cancel a payout

     Cancels a payout that is still `pending`; the funds return to the origin balance. A payout already
    `in_transit` cannot be canceled (`400 payout_not_cancelable`).
    Treasury endpoints may require mutual TLS (see `create_payout`).

    Args:
        id (str): The payout's id.
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Payout
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            idempotency_key=idempotency_key,
            molam_version=molam_version,
        )
    ).parsed
