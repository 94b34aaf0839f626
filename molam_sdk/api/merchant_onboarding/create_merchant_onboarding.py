# Generated from spec/molam.yaml by `make generate`; do not edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_merchant_onboarding_request import CreateMerchantOnboardingRequest
from ...models.error_response import ErrorResponse
from ...models.merchant_onboarding import MerchantOnboarding
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateMerchantOnboardingRequest,
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
        "url": "/v1/merchants/onboarding",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | MerchantOnboarding | None:
    if response.status_code == 200:
        response_200 = MerchantOnboarding.from_dict(response.json())

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
) -> Response[ErrorResponse | MerchantOnboarding]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateMerchantOnboardingRequest,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> Response[ErrorResponse | MerchantOnboarding]:
    """Start a merchant onboarding

     Starts onboarding a merchant onto Molam Connect. Send the merchant to `onboarding_url` to upload the
    documents listed in `requirements`; `merchant.onboarding.updated` events report each status change.

    Args:
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (CreateMerchantOnboardingRequest): Parameters to start an onboarding application.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MerchantOnboarding]
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
    body: CreateMerchantOnboardingRequest,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> ErrorResponse | MerchantOnboarding | None:
    """Start a merchant onboarding

     Starts onboarding a merchant onto Molam Connect. Send the merchant to `onboarding_url` to upload the
    documents listed in `requirements`; `merchant.onboarding.updated` events report each status change.

    Args:
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (CreateMerchantOnboardingRequest): Parameters to start an onboarding application.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MerchantOnboarding
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
    body: CreateMerchantOnboardingRequest,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> Response[ErrorResponse | MerchantOnboarding]:
    """Start a merchant onboarding

     Starts onboarding a merchant onto Molam Connect. Send the merchant to `onboarding_url` to upload the
    documents listed in `requirements`; `merchant.onboarding.updated` events report each status change.

    Args:
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (CreateMerchantOnboardingRequest): Parameters to start an onboarding application.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MerchantOnboarding]
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
    body: CreateMerchantOnboardingRequest,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> ErrorResponse | MerchantOnboarding | None:
    """Start a merchant onboarding

     Starts onboarding a merchant onto Molam Connect. Send the merchant to `onboarding_url` to upload the
    documents listed in `requirements`; `merchant.onboarding.updated` events report each status change.

    Args:
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (CreateMerchantOnboardingRequest): Parameters to start an onboarding application.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MerchantOnboarding
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            molam_version=molam_version,
        )
    ).parsed
