# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `transfers` resource: Molam Ma transfers (`tr_`) move funds between two wallets.

`Transfers` and `AsyncTransfers` share one request builder per operation and return parsed models (list methods
return pages that walk across pages); `TransfersWithRawResponse` and `AsyncTransfersWithRawResponse` wrap their
methods to return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, overload
from urllib.parse import quote

import httpx

from ..models.transfer import Transfer
from ..models.transfer_list import TransferList
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
    body_payload,
    check_integers,
    check_path_parameter,
    missing_argument,
    options,
    parse,
    refuse_fields_with_body,
    to_json,
)

if TYPE_CHECKING:
    from ..models.create_transfer_request import CreateTransferRequest
    from ..models.metadata import Metadata

__all__ = ["AsyncTransfers", "AsyncTransfersWithRawResponse", "Transfers", "TransfersWithRawResponse"]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
    wallet: str | Unset,
) -> Request:
    """The request for `list` (GET /v1/ma/transfers), shared by the sync and async classes."""
    _params: dict[str, Any] = {}
    if limit is not UNSET and limit is not None:
        _params["limit"] = limit
    if starting_after is not UNSET and starting_after is not None:
        _params["starting_after"] = starting_after
    if wallet is not UNSET and wallet is not None:
        _params["wallet"] = wallet
    check_integers(_params, ("limit",))
    return Request(
        "GET",
        "/v1/ma/transfers",
        params=_params,
    )


def _create_request(
    *,
    from_wallet: str | Unset,
    to_wallet: str | Unset,
    amount: int | Unset,
    currency: str | Unset,
    description: str | Unset,
    metadata: Metadata | Mapping[str, Any] | Unset,
    body: CreateTransferRequest | None,
) -> Request:
    """The request for `create` (POST /v1/ma/transfers), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        if from_wallet is UNSET:
            raise missing_argument("from_wallet")
        if to_wallet is UNSET:
            raise missing_argument("to_wallet")
        if amount is UNSET:
            raise missing_argument("amount")
        if currency is UNSET:
            raise missing_argument("currency")
        _payload: dict[str, Any] = {
            "from_wallet": from_wallet,
            "to_wallet": to_wallet,
            "amount": amount,
            "currency": currency,
        }
        if description is not UNSET:
            _payload["description"] = description
        if metadata is not UNSET:
            _payload["metadata"] = to_json(metadata)
    else:
        refuse_fields_with_body(
            ("from_wallet", from_wallet),
            ("to_wallet", to_wallet),
            ("amount", amount),
            ("currency", currency),
            ("description", description),
            ("metadata", metadata),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.create_transfer_request import CreateTransferRequest as _Body

        _payload = body_payload(body, _Body)
    check_integers(_payload, ("amount",))
    return Request(
        "POST",
        "/v1/ma/transfers",
        json=_payload,
    )


def _retrieve_request(
    *,
    id: str,
) -> Request:
    """The request for `retrieve` (GET /v1/ma/transfers/{id}), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "GET",
        f"/v1/ma/transfers/{quote(str(id), safe='')}",
    )


class Transfers(SyncResource):
    """Transfers operations."""

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        wallet: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Transfer]:
        """List transfers.

        Lists transfers, newest first, optionally only those in or out of one wallet.

        `GET /v1/ma/transfers`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            wallet: Only transfers where this wallet is the source or the destination.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as a `SyncPage` of `Transfer`: iterate it to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> TransferList:
            response = self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    wallet=wallet,
                ),
                request_options,
            )
            return parse(TransferList.from_dict, response, "TransferList")

        return SyncPage(fetch(starting_after), fetch)

    @overload
    def create(
        self,
        *,
        from_wallet: str,
        to_wallet: str,
        amount: int,
        currency: str,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transfer: ...

    @overload
    def create(
        self,
        *,
        body: CreateTransferRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transfer: ...

    def create(
        self,
        *,
        from_wallet: str | Unset = UNSET,
        to_wallet: str | Unset = UNSET,
        amount: int | Unset = UNSET,
        currency: str | Unset = UNSET,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateTransferRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transfer:
        """Create a transfer.

        Moves `amount` of `currency` from one wallet to another. Fails with `400 insufficient_funds` rather
        than letting the source wallet go negative.

        `POST /v1/ma/transfers`

        Args:
            from_wallet: Required. The wallet to debit.
            to_wallet: Required. The wallet to credit.
            amount: Required. Amount to move, in the currency's minor unit.
            currency: Required. Three-letter ISO 4217 currency code, upper case.
            description: Your description of the transfer.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateTransferRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Transfer`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _create_request(
                from_wallet=from_wallet,
                to_wallet=to_wallet,
                amount=amount,
                currency=currency,
                description=description,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Transfer.from_dict, response, "Transfer")

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transfer:
        """Retrieve a transfer.

        Retrieves a transfer by id.

        `GET /v1/ma/transfers/{id}`

        Args:
            id: The transfer's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Transfer`.

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
        return parse(Transfer.from_dict, response, "Transfer")


class AsyncTransfers(AsyncResource):
    """Transfers operations, async."""

    async def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        wallet: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPage[Transfer]:
        """List transfers.

        Lists transfers, newest first, optionally only those in or out of one wallet.

        `GET /v1/ma/transfers`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            wallet: Only transfers where this wallet is the source or the destination.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as an `AsyncPage` of `Transfer`: iterate it with `async for` to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> TransferList:
            response = await self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    wallet=wallet,
                ),
                request_options,
            )
            return parse(TransferList.from_dict, response, "TransferList")

        return AsyncPage(await fetch(starting_after), fetch)

    @overload
    async def create(
        self,
        *,
        from_wallet: str,
        to_wallet: str,
        amount: int,
        currency: str,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transfer: ...

    @overload
    async def create(
        self,
        *,
        body: CreateTransferRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transfer: ...

    async def create(
        self,
        *,
        from_wallet: str | Unset = UNSET,
        to_wallet: str | Unset = UNSET,
        amount: int | Unset = UNSET,
        currency: str | Unset = UNSET,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateTransferRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transfer:
        """Create a transfer.

        Moves `amount` of `currency` from one wallet to another. Fails with `400 insufficient_funds` rather
        than letting the source wallet go negative.

        `POST /v1/ma/transfers`

        Args:
            from_wallet: Required. The wallet to debit.
            to_wallet: Required. The wallet to credit.
            amount: Required. Amount to move, in the currency's minor unit.
            currency: Required. Three-letter ISO 4217 currency code, upper case.
            description: Your description of the transfer.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateTransferRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Transfer`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _create_request(
                from_wallet=from_wallet,
                to_wallet=to_wallet,
                amount=amount,
                currency=currency,
                description=description,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Transfer.from_dict, response, "Transfer")

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transfer:
        """Retrieve a transfer.

        Retrieves a transfer by id.

        `GET /v1/ma/transfers/{id}`

        Args:
            id: The transfer's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Transfer`.

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
        return parse(Transfer.from_dict, response, "Transfer")


class TransfersWithRawResponse:
    """The `Transfers` methods, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: Transfers) -> None:
        self._resource = resource
        self.list = to_raw_page_wrapper(resource.list, TransferList)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class AsyncTransfersWithRawResponse:
    """The `AsyncTransfers` methods, async, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: AsyncTransfers) -> None:
        self._resource = resource
        self.list = async_to_raw_page_wrapper(resource.list, TransferList)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
