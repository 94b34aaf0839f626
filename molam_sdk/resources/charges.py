# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `charges` resource: Molam Connect charges (`ch_`) record each attempt to move funds for a payment intent.

`Charges` and `AsyncCharges` share one request builder per operation and return parsed models (list methods
return pages that walk across pages); `ChargesWithRawResponse` and `AsyncChargesWithRawResponse` wrap their
methods to return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ..models.charge import Charge
from ..models.charge_list import ChargeList
from ..models.refund import Refund
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
    from ..models.metadata import Metadata
    from ..models.refund_charge_request import RefundChargeRequest
    from ..models.refund_reason import RefundReason, RefundReasonLiteral

__all__ = ["AsyncCharges", "AsyncChargesWithRawResponse", "Charges", "ChargesWithRawResponse"]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
    payment_intent: str | Unset,
) -> Request:
    """The request for `list` (GET /v1/connect/charges), shared by the sync and async classes."""
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
        "/v1/connect/charges",
        params=_params,
    )


def _retrieve_request(
    *,
    id: str,
) -> Request:
    """The request for `retrieve` (GET /v1/connect/charges/{id}), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "GET",
        f"/v1/connect/charges/{quote(str(id), safe='')}",
    )


def _refund_request(
    *,
    id: str,
    amount: int | Unset,
    reason: RefundReason | RefundReasonLiteral | Unset,
    metadata: Metadata | Mapping[str, Any] | Unset,
    body: RefundChargeRequest | None,
) -> Request:
    """The request for `refund` (POST /v1/connect/charges/{id}/refund), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        _fields: dict[str, Any] = {}
        if amount is not UNSET:
            _fields["amount"] = amount
        if reason is not UNSET:
            _fields["reason"] = to_json(reason)
        if metadata is not UNSET:
            _fields["metadata"] = to_json(metadata)
        _payload: dict[str, Any] | None = _fields or None
    else:
        refuse_fields_with_body(
            ("amount", amount),
            ("reason", reason),
            ("metadata", metadata),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.refund_charge_request import RefundChargeRequest as _Body

        _payload = body_payload(body, _Body)
    check_path_parameter("id", id)
    check_integers(_payload, ("amount",))
    return Request(
        "POST",
        f"/v1/connect/charges/{quote(str(id), safe='')}/refund",
        json=_payload,
    )


class Charges(SyncResource):
    """Charges operations."""

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
    ) -> SyncPage[Charge]:
        """List charges.

        Lists charges, newest first, optionally only those of one payment intent.

        `GET /v1/connect/charges`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            payment_intent: Only objects that belong to this payment intent.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as a `SyncPage` of `Charge`: iterate it to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> ChargeList:
            response = self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    payment_intent=payment_intent,
                ),
                request_options,
            )
            return parse(ChargeList.from_dict, response, "ChargeList")

        return SyncPage(fetch(starting_after), fetch)

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Charge:
        """Retrieve a charge.

        Retrieves a charge by id.

        `GET /v1/connect/charges/{id}`

        Args:
            id: The charge's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Charge`.

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
        return parse(Charge.from_dict, response, "Charge")

    def refund(
        self,
        id: str,
        *,
        amount: int | Unset = UNSET,
        reason: RefundReason | RefundReasonLiteral | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: RefundChargeRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Refund:
        """Refund a charge.

        Refunds a charge, fully by default or partially with `amount`. Returns the refund that was created.
        A refund never exceeds the captured amount minus what was already refunded.

        `POST /v1/connect/charges/{id}/refund`

        Args:
            id: The charge's id.
            amount: Amount to refund in the currency's minor unit; defaults to everything still refundable.
            reason: Why the payment is refunded.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `RefundChargeRequest`, instead of the field arguments (not both).
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
            _refund_request(
                id=id,
                amount=amount,
                reason=reason,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Refund.from_dict, response, "Refund")


class AsyncCharges(AsyncResource):
    """Charges operations, async."""

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
    ) -> AsyncPage[Charge]:
        """List charges.

        Lists charges, newest first, optionally only those of one payment intent.

        `GET /v1/connect/charges`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            payment_intent: Only objects that belong to this payment intent.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as an `AsyncPage` of `Charge`: iterate it with `async for` to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> ChargeList:
            response = await self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    payment_intent=payment_intent,
                ),
                request_options,
            )
            return parse(ChargeList.from_dict, response, "ChargeList")

        return AsyncPage(await fetch(starting_after), fetch)

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Charge:
        """Retrieve a charge.

        Retrieves a charge by id.

        `GET /v1/connect/charges/{id}`

        Args:
            id: The charge's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Charge`.

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
        return parse(Charge.from_dict, response, "Charge")

    async def refund(
        self,
        id: str,
        *,
        amount: int | Unset = UNSET,
        reason: RefundReason | RefundReasonLiteral | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: RefundChargeRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Refund:
        """Refund a charge.

        Refunds a charge, fully by default or partially with `amount`. Returns the refund that was created.
        A refund never exceeds the captured amount minus what was already refunded.

        `POST /v1/connect/charges/{id}/refund`

        Args:
            id: The charge's id.
            amount: Amount to refund in the currency's minor unit; defaults to everything still refundable.
            reason: Why the payment is refunded.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `RefundChargeRequest`, instead of the field arguments (not both).
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
            _refund_request(
                id=id,
                amount=amount,
                reason=reason,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Refund.from_dict, response, "Refund")


class ChargesWithRawResponse:
    """The `Charges` methods, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: Charges) -> None:
        self._resource = resource
        self.list = to_raw_page_wrapper(resource.list, ChargeList)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.refund = to_raw_response_wrapper(resource.refund)


class AsyncChargesWithRawResponse:
    """The `AsyncCharges` methods, async, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: AsyncCharges) -> None:
        self._resource = resource
        self.list = async_to_raw_page_wrapper(resource.list, ChargeList)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.refund = async_to_raw_response_wrapper(resource.refund)
