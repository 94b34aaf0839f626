# Generated from spec/molam.yaml by `make generate`; do not edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_payment_intent_request import CreatePaymentIntentRequest
from ...models.error_response import ErrorResponse
from ...models.payment_intent import PaymentIntent
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreatePaymentIntentRequest,
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
        "url": "/v1/connect/payment_intents",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PaymentIntent | None:
    if response.status_code == 200:
        response_200 = PaymentIntent.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

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
) -> Response[ErrorResponse | PaymentIntent]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreatePaymentIntentRequest,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> Response[ErrorResponse | PaymentIntent]:
    """Create a payment intent

     Creates a payment intent for `amount` in `currency` (minor units). Pass `confirm: true` together
    with
    a `payment_method` to create and confirm in one call. With `capture_method: manual` the funds are
    only authorised and must be captured later with `capture`.

    Args:
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (CreatePaymentIntentRequest): Parameters to create a payment intent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PaymentIntent]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        molam_version=molam_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreatePaymentIntentRequest,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> ErrorResponse | PaymentIntent | None:
    """Create a payment intent

     Creates a payment intent for `amount` in `currency` (minor units). Pass `confirm: true` together
    with
    a `payment_method` to create and confirm in one call. With `capture_method: manual` the funds are
    only authorised and must be captured later with `capture`.

    Args:
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (CreatePaymentIntentRequest): Parameters to create a payment intent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PaymentIntent
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        molam_version=molam_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreatePaymentIntentRequest,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> Response[ErrorResponse | PaymentIntent]:
    """Create a payment intent

     Creates a payment intent for `amount` in `currency` (minor units). Pass `confirm: true` together
    with
    a `payment_method` to create and confirm in one call. With `capture_method: manual` the funds are
    only authorised and must be captured later with `capture`.

    Args:
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (CreatePaymentIntentRequest): Parameters to create a payment intent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PaymentIntent]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        molam_version=molam_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreatePaymentIntentRequest,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> ErrorResponse | PaymentIntent | None:
    """Create a payment intent

     Creates a payment intent for `amount` in `currency` (minor units). Pass `confirm: true` together
    with
    a `payment_method` to create and confirm in one call. With `capture_method: manual` the funds are
    only authorised and must be captured later with `capture`.

    Args:
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (CreatePaymentIntentRequest): Parameters to create a payment intent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PaymentIntent
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            molam_version=molam_version,
        )
    ).parsed
