# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `refunds` resource: Molam Connect refunds (`re_`) return captured funds to the customer.

Four classes share one request builder per operation: `Refunds` and `AsyncRefunds` return parsed models
(list methods return pages that walk across pages); `RefundsWithRawResponse` and
`AsyncRefundsWithRawResponse` return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from molam_sdk_ext.pagination import AsyncPage, SyncPage
from molam_sdk_ext.requester import AsyncResource, RawResponse, SyncResource

from ..api.refunds import (
    create_refund,
    list_refunds,
    retrieve_refund,
)
from ..models import (
    CreateRefundRequest,
    Metadata,
    Refund,
    RefundList,
    RefundReason,
)
from ..types import UNSET, Unset
from ._request import build_body, options, parse, unset_if_none

__all__ = ["AsyncRefunds", "AsyncRefundsWithRawResponse", "Refunds", "RefundsWithRawResponse"]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
    payment_intent: str | Unset,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `list` (GET /v1/connect/refunds), shared by the sync and async classes."""
    kwargs = list_refunds._get_kwargs(
        limit=limit,
        starting_after=starting_after,
        payment_intent=payment_intent,
        molam_version=unset_if_none(molam_version),
    )
    return kwargs


def _create_request(
    *,
    body: CreateRefundRequest | None,
    fields: Mapping[str, Any],
    idempotency_key: str | None,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `create` (POST /v1/connect/refunds), shared by the sync and async classes."""
    kwargs = create_refund._get_kwargs(
        body=build_body(
            CreateRefundRequest.from_dict,
            body,
            fields,
            (),
        ),
        idempotency_key=unset_if_none(idempotency_key),
        molam_version=unset_if_none(molam_version),
    )
    return kwargs


def _retrieve_request(
    *,
    id: str,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `retrieve` (GET /v1/connect/refunds/{id}), shared by the sync and async classes."""
    kwargs = retrieve_refund._get_kwargs(
        id=id,
        molam_version=unset_if_none(molam_version),
    )
    return kwargs


class Refunds(SyncResource):
    """Refunds operations."""

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        payment_intent: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Refund]:
        """List refunds.

        Lists refunds, newest first, optionally only those of one payment intent.

        `GET /v1/connect/refunds`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            payment_intent: Only objects that belong to this payment intent.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as a `SyncPage` of `Refund`: iterate it to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> RefundList:
            response = self._requester.request(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    payment_intent=payment_intent,
                    molam_version=molam_version,
                ),
                request_options,
            )
            return parse(RefundList.from_dict, response)

        return SyncPage[Refund](fetch(starting_after), fetch)

    def create(
        self,
        *,
        payment_intent: str | Unset = UNSET,
        charge: str | Unset = UNSET,
        amount: int | Unset = UNSET,
        reason: RefundReason | str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateRefundRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Refund:
        """Create a refund.

        Refunds a payment. Give exactly one of `payment_intent` or `charge`. `amount` defaults to everything
        that is still refundable; a refund never exceeds the captured amount minus what was already
        refunded.

        `POST /v1/connect/refunds`

        Args:
            payment_intent: The payment intent to refund (its latest successful charge).
            charge: The charge to refund.
            amount: Amount to refund in the currency's minor unit; defaults to everything still refundable.
            reason: Why the payment is refunded.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateRefundRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Refund`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _create_request(
                body=body,
                fields={
                    "payment_intent": payment_intent,
                    "charge": charge,
                    "amount": amount,
                    "reason": reason,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(Refund.from_dict, response)

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Refund:
        """Retrieve a refund.

        Retrieves a refund by id.

        `GET /v1/connect/refunds/{id}`

        Args:
            id: The refund's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Refund`.

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
        return parse(Refund.from_dict, response)


class RefundsWithRawResponse(SyncResource):
    """Refunds operations, returning `RawResponse` objects."""

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        payment_intent: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[RefundList]:
        """List refunds.

        Lists refunds, newest first, optionally only those of one payment intent.

        `GET /v1/connect/refunds`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            payment_intent: Only objects that belong to this payment intent.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `RefundList`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _list_request(
                limit=limit,
                starting_after=starting_after,
                payment_intent=payment_intent,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(RefundList.from_dict, response))

    def create(
        self,
        *,
        payment_intent: str | Unset = UNSET,
        charge: str | Unset = UNSET,
        amount: int | Unset = UNSET,
        reason: RefundReason | str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateRefundRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Refund]:
        """Create a refund.

        Refunds a payment. Give exactly one of `payment_intent` or `charge`. `amount` defaults to everything
        that is still refundable; a refund never exceeds the captured amount minus what was already
        refunded.

        `POST /v1/connect/refunds`

        Args:
            payment_intent: The payment intent to refund (its latest successful charge).
            charge: The charge to refund.
            amount: Amount to refund in the currency's minor unit; defaults to everything still refundable.
            reason: Why the payment is refunded.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateRefundRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `Refund`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _create_request(
                body=body,
                fields={
                    "payment_intent": payment_intent,
                    "charge": charge,
                    "amount": amount,
                    "reason": reason,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(Refund.from_dict, response))

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Refund]:
        """Retrieve a refund.

        Retrieves a refund by id.

        `GET /v1/connect/refunds/{id}`

        Args:
            id: The refund's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `Refund`.

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
        return RawResponse(http_response=response, parsed=parse(Refund.from_dict, response))


class AsyncRefunds(AsyncResource):
    """Refunds operations, async."""

    async def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        payment_intent: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPage[Refund]:
        """List refunds.

        Lists refunds, newest first, optionally only those of one payment intent.

        `GET /v1/connect/refunds`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            payment_intent: Only objects that belong to this payment intent.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as an `AsyncPage` of `Refund`: iterate it with `async for` to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> RefundList:
            response = await self._requester.request(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    payment_intent=payment_intent,
                    molam_version=molam_version,
                ),
                request_options,
            )
            return parse(RefundList.from_dict, response)

        return AsyncPage[Refund](await fetch(starting_after), fetch)

    async def create(
        self,
        *,
        payment_intent: str | Unset = UNSET,
        charge: str | Unset = UNSET,
        amount: int | Unset = UNSET,
        reason: RefundReason | str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateRefundRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Refund:
        """Create a refund.

        Refunds a payment. Give exactly one of `payment_intent` or `charge`. `amount` defaults to everything
        that is still refundable; a refund never exceeds the captured amount minus what was already
        refunded.

        `POST /v1/connect/refunds`

        Args:
            payment_intent: The payment intent to refund (its latest successful charge).
            charge: The charge to refund.
            amount: Amount to refund in the currency's minor unit; defaults to everything still refundable.
            reason: Why the payment is refunded.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateRefundRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Refund`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _create_request(
                body=body,
                fields={
                    "payment_intent": payment_intent,
                    "charge": charge,
                    "amount": amount,
                    "reason": reason,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(Refund.from_dict, response)

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Refund:
        """Retrieve a refund.

        Retrieves a refund by id.

        `GET /v1/connect/refunds/{id}`

        Args:
            id: The refund's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Refund`.

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
        return parse(Refund.from_dict, response)


class AsyncRefundsWithRawResponse(AsyncResource):
    """Refunds operations, async, returning `RawResponse` objects."""

    async def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        payment_intent: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[RefundList]:
        """List refunds.

        Lists refunds, newest first, optionally only those of one payment intent.

        `GET /v1/connect/refunds`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            payment_intent: Only objects that belong to this payment intent.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `RefundList`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _list_request(
                limit=limit,
                starting_after=starting_after,
                payment_intent=payment_intent,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(RefundList.from_dict, response))

    async def create(
        self,
        *,
        payment_intent: str | Unset = UNSET,
        charge: str | Unset = UNSET,
        amount: int | Unset = UNSET,
        reason: RefundReason | str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateRefundRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Refund]:
        """Create a refund.

        Refunds a payment. Give exactly one of `payment_intent` or `charge`. `amount` defaults to everything
        that is still refundable; a refund never exceeds the captured amount minus what was already
        refunded.

        `POST /v1/connect/refunds`

        Args:
            payment_intent: The payment intent to refund (its latest successful charge).
            charge: The charge to refund.
            amount: Amount to refund in the currency's minor unit; defaults to everything still refundable.
            reason: Why the payment is refunded.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateRefundRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `Refund`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _create_request(
                body=body,
                fields={
                    "payment_intent": payment_intent,
                    "charge": charge,
                    "amount": amount,
                    "reason": reason,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(Refund.from_dict, response))

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Refund]:
        """Retrieve a refund.

        Retrieves a refund by id.

        `GET /v1/connect/refunds/{id}`

        Args:
            id: The refund's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `Refund`.

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
        return RawResponse(http_response=response, parsed=parse(Refund.from_dict, response))
