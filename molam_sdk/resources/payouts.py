# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `payouts` resource: Molam Treasury payouts (`po_`) send funds to a bank account or a mobile money wallet.

`Payouts` and `AsyncPayouts` share one request builder per operation and return parsed models (list methods
return pages that walk across pages); `PayoutsWithRawResponse` and `AsyncPayoutsWithRawResponse` wrap their
methods to return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, overload
from urllib.parse import quote

import httpx

from ..models.payout import Payout
from ..models.payout_list import PayoutList
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
    from ..models.bank_account_beneficiary import BankAccountBeneficiary
    from ..models.create_payout_request import CreatePayoutRequest
    from ..models.metadata import Metadata
    from ..models.mobile_money_beneficiary import MobileMoneyBeneficiary
    from ..models.origin_module import OriginModule, OriginModuleLiteral
    from ..models.payout_status import PayoutStatus, PayoutStatusLiteral

__all__ = ["AsyncPayouts", "AsyncPayoutsWithRawResponse", "Payouts", "PayoutsWithRawResponse"]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
    status: PayoutStatus | PayoutStatusLiteral | Unset,
) -> Request:
    """The request for `list` (GET /v1/treasury/payouts), shared by the sync and async classes."""
    _params: dict[str, Any] = {}
    if limit is not UNSET and limit is not None:
        _params["limit"] = limit
    if starting_after is not UNSET and starting_after is not None:
        _params["starting_after"] = starting_after
    if status is not UNSET and status is not None:
        _params["status"] = to_json(status)
    check_integers(_params, ("limit",))
    return Request(
        "GET",
        "/v1/treasury/payouts",
        params=_params,
    )


def _create_request(
    *,
    origin_module: OriginModule | OriginModuleLiteral | Unset,
    origin_entity_id: str | Unset,
    amount: int | Unset,
    currency: str | Unset,
    beneficiary: BankAccountBeneficiary | MobileMoneyBeneficiary | Mapping[str, Any] | Unset,
    description: str | Unset,
    metadata: Metadata | Mapping[str, Any] | Unset,
    body: CreatePayoutRequest | None,
) -> Request:
    """The request for `create` (POST /v1/treasury/payouts), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        if origin_module is UNSET:
            raise missing_argument("origin_module")
        if origin_entity_id is UNSET:
            raise missing_argument("origin_entity_id")
        if amount is UNSET:
            raise missing_argument("amount")
        if currency is UNSET:
            raise missing_argument("currency")
        if beneficiary is UNSET:
            raise missing_argument("beneficiary")
        _payload: dict[str, Any] = {
            "origin_module": to_json(origin_module),
            "origin_entity_id": origin_entity_id,
            "amount": amount,
            "currency": currency,
            "beneficiary": to_json(beneficiary),
        }
        if description is not UNSET:
            _payload["description"] = description
        if metadata is not UNSET:
            _payload["metadata"] = to_json(metadata)
    else:
        refuse_fields_with_body(
            ("origin_module", origin_module),
            ("origin_entity_id", origin_entity_id),
            ("amount", amount),
            ("currency", currency),
            ("beneficiary", beneficiary),
            ("description", description),
            ("metadata", metadata),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.create_payout_request import CreatePayoutRequest as _Body

        _payload = body_payload(body, _Body)
    check_integers(_payload, ("amount",))
    return Request(
        "POST",
        "/v1/treasury/payouts",
        json=_payload,
    )


def _retrieve_request(
    *,
    id: str,
) -> Request:
    """The request for `retrieve` (GET /v1/treasury/payouts/{id}), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "GET",
        f"/v1/treasury/payouts/{quote(str(id), safe='')}",
    )


def _cancel_request(
    *,
    id: str,
) -> Request:
    """The request for `cancel` (POST /v1/treasury/payouts/{id}/cancel), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "POST",
        f"/v1/treasury/payouts/{quote(str(id), safe='')}/cancel",
    )


class Payouts(SyncResource):
    """Payouts operations."""

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        status: PayoutStatus | PayoutStatusLiteral | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Payout]:
        """List payouts.

        Lists payouts, newest first, optionally only those in one status. Treasury endpoints may require
        mutual TLS (see `create_payout`).

        `GET /v1/treasury/payouts`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            status: Where a payout is in its life.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as a `SyncPage` of `Payout`: iterate it to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> PayoutList:
            response = self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    status=status,
                ),
                request_options,
            )
            return parse(PayoutList.from_dict, response, "PayoutList")

        return SyncPage(fetch(starting_after), fetch)

    @overload
    def create(
        self,
        *,
        origin_module: OriginModule | OriginModuleLiteral,
        origin_entity_id: str,
        amount: int,
        currency: str,
        beneficiary: BankAccountBeneficiary | MobileMoneyBeneficiary | Mapping[str, Any],
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Payout: ...

    @overload
    def create(
        self,
        *,
        body: CreatePayoutRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Payout: ...

    def create(
        self,
        *,
        origin_module: OriginModule | OriginModuleLiteral | Unset = UNSET,
        origin_entity_id: str | Unset = UNSET,
        amount: int | Unset = UNSET,
        currency: str | Unset = UNSET,
        beneficiary: BankAccountBeneficiary | MobileMoneyBeneficiary | Mapping[str, Any] | Unset = UNSET,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreatePayoutRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Payout:
        """Create a payout.

        Pays `amount` of `currency` out of the balance of `origin_entity_id` (in `origin_module`) to a bank
        account or a mobile money wallet (`beneficiary.type`). The payout starts `pending`, moves to
        `in_transit` and ends `paid` or `failed`.

        Treasury endpoints may require mutual TLS: present the client certificate Molam issued for your
        account. Without it such accounts receive `403 permission_error` with code `mtls_required`.

        `POST /v1/treasury/payouts`

        Args:
            origin_module: Required. The Molam product whose balance funds a payout.
            origin_entity_id: Required. The merchant, wallet or treasury account whose balance funds the payout.
            amount: Required. Amount to pay out, in the currency's minor unit.
            currency: Required. Three-letter ISO 4217 currency code, upper case.
            beneficiary: Required. Who receives the funds; `type` tells which kind.
            description: Your description of the payout.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreatePayoutRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Payout`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _create_request(
                origin_module=origin_module,
                origin_entity_id=origin_entity_id,
                amount=amount,
                currency=currency,
                beneficiary=beneficiary,
                description=description,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Payout.from_dict, response, "Payout")

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Payout:
        """Retrieve a payout.

        Retrieves a payout by id. Treasury endpoints may require mutual TLS (see `create_payout`).

        `GET /v1/treasury/payouts/{id}`

        Args:
            id: The payout's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Payout`.

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
        return parse(Payout.from_dict, response, "Payout")

    def cancel(
        self,
        id: str,
        *,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Payout:
        """Cancel a payout.

        Cancels a payout that is still `pending`; the funds return to the origin balance. A payout already
        `in_transit` cannot be canceled (`400 payout_not_cancelable`).
        Treasury endpoints may require mutual TLS (see `create_payout`).

        `POST /v1/treasury/payouts/{id}/cancel`

        Args:
            id: The payout's id.
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Payout`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _cancel_request(
                id=id,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Payout.from_dict, response, "Payout")


class AsyncPayouts(AsyncResource):
    """Payouts operations, async."""

    async def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        status: PayoutStatus | PayoutStatusLiteral | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPage[Payout]:
        """List payouts.

        Lists payouts, newest first, optionally only those in one status. Treasury endpoints may require
        mutual TLS (see `create_payout`).

        `GET /v1/treasury/payouts`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            status: Where a payout is in its life.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as an `AsyncPage` of `Payout`: iterate it with `async for` to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> PayoutList:
            response = await self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    status=status,
                ),
                request_options,
            )
            return parse(PayoutList.from_dict, response, "PayoutList")

        return AsyncPage(await fetch(starting_after), fetch)

    @overload
    async def create(
        self,
        *,
        origin_module: OriginModule | OriginModuleLiteral,
        origin_entity_id: str,
        amount: int,
        currency: str,
        beneficiary: BankAccountBeneficiary | MobileMoneyBeneficiary | Mapping[str, Any],
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Payout: ...

    @overload
    async def create(
        self,
        *,
        body: CreatePayoutRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Payout: ...

    async def create(
        self,
        *,
        origin_module: OriginModule | OriginModuleLiteral | Unset = UNSET,
        origin_entity_id: str | Unset = UNSET,
        amount: int | Unset = UNSET,
        currency: str | Unset = UNSET,
        beneficiary: BankAccountBeneficiary | MobileMoneyBeneficiary | Mapping[str, Any] | Unset = UNSET,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreatePayoutRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Payout:
        """Create a payout.

        Pays `amount` of `currency` out of the balance of `origin_entity_id` (in `origin_module`) to a bank
        account or a mobile money wallet (`beneficiary.type`). The payout starts `pending`, moves to
        `in_transit` and ends `paid` or `failed`.

        Treasury endpoints may require mutual TLS: present the client certificate Molam issued for your
        account. Without it such accounts receive `403 permission_error` with code `mtls_required`.

        `POST /v1/treasury/payouts`

        Args:
            origin_module: Required. The Molam product whose balance funds a payout.
            origin_entity_id: Required. The merchant, wallet or treasury account whose balance funds the payout.
            amount: Required. Amount to pay out, in the currency's minor unit.
            currency: Required. Three-letter ISO 4217 currency code, upper case.
            beneficiary: Required. Who receives the funds; `type` tells which kind.
            description: Your description of the payout.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreatePayoutRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Payout`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _create_request(
                origin_module=origin_module,
                origin_entity_id=origin_entity_id,
                amount=amount,
                currency=currency,
                beneficiary=beneficiary,
                description=description,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Payout.from_dict, response, "Payout")

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Payout:
        """Retrieve a payout.

        Retrieves a payout by id. Treasury endpoints may require mutual TLS (see `create_payout`).

        `GET /v1/treasury/payouts/{id}`

        Args:
            id: The payout's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Payout`.

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
        return parse(Payout.from_dict, response, "Payout")

    async def cancel(
        self,
        id: str,
        *,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Payout:
        """Cancel a payout.

        Cancels a payout that is still `pending`; the funds return to the origin balance. A payout already
        `in_transit` cannot be canceled (`400 payout_not_cancelable`).
        Treasury endpoints may require mutual TLS (see `create_payout`).

        `POST /v1/treasury/payouts/{id}/cancel`

        Args:
            id: The payout's id.
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Payout`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _cancel_request(
                id=id,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Payout.from_dict, response, "Payout")


class PayoutsWithRawResponse:
    """The `Payouts` methods, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: Payouts) -> None:
        self._resource = resource
        self.list = to_raw_page_wrapper(resource.list, PayoutList)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.cancel = to_raw_response_wrapper(resource.cancel)


class AsyncPayoutsWithRawResponse:
    """The `AsyncPayouts` methods, async, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: AsyncPayouts) -> None:
        self._resource = resource
        self.list = async_to_raw_page_wrapper(resource.list, PayoutList)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.cancel = async_to_raw_response_wrapper(resource.cancel)
