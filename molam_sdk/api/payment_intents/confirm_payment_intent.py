# Generated from spec/molam.yaml by `make generate`; do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.confirm_payment_intent_request import ConfirmPaymentIntentRequest
from ...models.error_response import ErrorResponse
from ...models.payment_intent import PaymentIntent
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: ConfirmPaymentIntentRequest | Unset = UNSET,
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
        "url": "/v1/connect/payment_intents/{id}/confirm".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
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
) -> Response[ErrorResponse | PaymentIntent]:
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
    body: ConfirmPaymentIntentRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> Response[ErrorResponse | PaymentIntent]:
    """Confirm a payment intent

     Confirms that the customer intends to pay with `payment_method` (or the one already attached). The
    intent moves to `processing`, `requires_action` (send the customer to `redirect_url`, for example to
    approve an Orange Money or Wave payment), `requires_capture` (manual capture) or `succeeded`. A
    declined
    payment is a `402 payment_error` and the intent returns to `requires_payment_method`.

    Args:
        id (str): The payment intent's id.
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (ConfirmPaymentIntentRequest | Unset): Parameters to confirm a payment intent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PaymentIntent]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
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
    body: ConfirmPaymentIntentRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> ErrorResponse | PaymentIntent | None:
    """Confirm a payment intent

     Confirms that the customer intends to pay with `payment_method` (or the one already attached). The
    intent moves to `processing`, `requires_action` (send the customer to `redirect_url`, for example to
    approve an Orange Money or Wave payment), `requires_capture` (manual capture) or `succeeded`. A
    declined
    payment is a `402 payment_error` and the intent returns to `requires_payment_method`.

    Args:
        id (str): The payment intent's id.
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (ConfirmPaymentIntentRequest | Unset): Parameters to confirm a payment intent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PaymentIntent
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        molam_version=molam_version,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConfirmPaymentIntentRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> Response[ErrorResponse | PaymentIntent]:
    """Confirm a payment intent

     Confirms that the customer intends to pay with `payment_method` (or the one already attached). The
    intent moves to `processing`, `requires_action` (send the customer to `redirect_url`, for example to
    approve an Orange Money or Wave payment), `requires_capture` (manual capture) or `succeeded`. A
    declined
    payment is a `402 payment_error` and the intent returns to `requires_payment_method`.

    Args:
        id (str): The payment intent's id.
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (ConfirmPaymentIntentRequest | Unset): Parameters to confirm a payment intent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PaymentIntent]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
        molam_version=molam_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConfirmPaymentIntentRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    molam_version: str | Unset = UNSET,
) -> ErrorResponse | PaymentIntent | None:
    """Confirm a payment intent

     Confirms that the customer intends to pay with `payment_method` (or the one already attached). The
    intent moves to `processing`, `requires_action` (send the customer to `redirect_url`, for example to
    approve an Orange Money or Wave payment), `requires_capture` (manual capture) or `succeeded`. A
    declined
    payment is a `402 payment_error` and the intent returns to `requires_payment_method`.

    Args:
        id (str): The payment intent's id.
        idempotency_key (str | Unset): Makes the POST safe to retry; same key and body within 24 h
            replays the first response.
        molam_version (str | Unset): The API version (a date) this request is written against.
            Defaults to the account's pinned version.
        body (ConfirmPaymentIntentRequest | Unset): Parameters to confirm a payment intent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PaymentIntent
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            molam_version=molam_version,
        )
    ).parsed
