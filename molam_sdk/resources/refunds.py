# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `refunds` resource: Molam Connect refunds (`re_`) return captured funds to the customer.

`Refunds` and `AsyncRefunds` share one request builder per operation and return parsed models (list methods
return pages that walk across pages); `RefundsWithRawResponse` and `AsyncRefundsWithRawResponse` wrap their
methods to return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ..models.refund import Refund
from ..models.refund_list import RefundList
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
    options,
    parse,
    refuse_fields_with_body,
    to_json,
)

if TYPE_CHECKING:
    from ..models.create_refund_request import CreateRefundRequest
    from ..models.metadata import Metadata
    from ..models.refund_reason import RefundReason, RefundReasonLiteral

__all__ = ["AsyncRefunds", "AsyncRefundsWithRawResponse", "Refunds", "RefundsWithRawResponse"]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
    payment_intent: str | Unset,
) -> Request:
    """The request for `list` (GET /v1/connect/refunds), shared by the sync and async classes."""
    _params: dict[str, Any] = {}
    if limit is not UNSET and limit is not None:
        _params["limit"] = limit
    if starting_after is not UNSET and starting_after is not None:
        _params["starting_after"] = starting_after
    if payment_intent is not UNSET and payment_intent is not None:
        _params["payment_intent"] = payment_intent
    check_integers(_params, ("limit",))
    return Request(
        "GET",
        "/v1/connect/refunds",
        params=_params,
    )


def _create_request(
    *,
    payment_intent: str | Unset,
    charge: str | Unset,
    amount: int | Unset,
    reason: RefundReason | RefundReasonLiteral | Unset,
    metadata: Metadata | Mapping[str, Any] | Unset,
    body: CreateRefundRequest | None,
) -> Request:
    """The request for `create` (POST /v1/connect/refunds), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        _payload: dict[str, Any] = {}
        if payment_intent is not UNSET:
            _payload["payment_intent"] = payment_intent
        if charge is not UNSET:
            _payload["charge"] = charge
        if amount is not UNSET:
            _payload["amount"] = amount
        if reason is not UNSET:
            _payload["reason"] = to_json(reason)
        if metadata is not UNSET:
            _payload["metadata"] = to_json(metadata)
    else:
        refuse_fields_with_body(
            ("payment_intent", payment_intent),
            ("charge", charge),
            ("amount", amount),
            ("reason", reason),
            ("metadata", metadata),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.create_refund_request import CreateRefundRequest as _Body

        _payload = body_payload(body, _Body)
    check_integers(_payload, ("amount",))
    return Request(
        "POST",
        "/v1/connect/refunds",
        json=_payload,
    )


def _retrieve_request(
    *,
    id: str,
) -> Request:
    """The request for `retrieve` (GET /v1/connect/refunds/{id}), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "GET",
        f"/v1/connect/refunds/{quote(str(id), safe='')}",
    )


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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> RefundList:
            response = self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    payment_intent=payment_intent,
                ),
                request_options,
            )
            return parse(RefundList.from_dict, response, "RefundList")

        return SyncPage(fetch(starting_after), fetch)

    def create(
        self,
        *,
        payment_intent: str | Unset = UNSET,
        charge: str | Unset = UNSET,
        amount: int | Unset = UNSET,
        reason: RefundReason | RefundReasonLiteral | Unset = UNSET,
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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _create_request(
                payment_intent=payment_intent,
                charge=charge,
                amount=amount,
                reason=reason,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Refund.from_dict, response, "Refund")

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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _retrieve_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Refund.from_dict, response, "Refund")


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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> RefundList:
            response = await self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    payment_intent=payment_intent,
                ),
                request_options,
            )
            return parse(RefundList.from_dict, response, "RefundList")

        return AsyncPage(await fetch(starting_after), fetch)

    async def create(
        self,
        *,
        payment_intent: str | Unset = UNSET,
        charge: str | Unset = UNSET,
        amount: int | Unset = UNSET,
        reason: RefundReason | RefundReasonLiteral | Unset = UNSET,
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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _create_request(
                payment_intent=payment_intent,
                charge=charge,
                amount=amount,
                reason=reason,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Refund.from_dict, response, "Refund")

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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _retrieve_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Refund.from_dict, response, "Refund")


class RefundsWithRawResponse:
    """The `Refunds` methods, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: Refunds) -> None:
        self._resource = resource
        self.list = to_raw_page_wrapper(resource.list, RefundList)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class AsyncRefundsWithRawResponse:
    """The `AsyncRefunds` methods, async, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: AsyncRefunds) -> None:
        self._resource = resource
        self.list = async_to_raw_page_wrapper(resource.list, RefundList)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
