# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `payouts` resource: Molam Treasury payouts (`po_`) send funds to a bank account or a mobile money wallet.

Four classes share one request builder per operation: `Payouts` and `AsyncPayouts` return parsed models
(list methods return pages that walk across pages); `PayoutsWithRawResponse` and
`AsyncPayoutsWithRawResponse` return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, overload

import httpx

from molam_sdk_ext.pagination import AsyncPage, SyncPage
from molam_sdk_ext.requester import AsyncResource, RawResponse, SyncResource

from ..api.payouts import (
    cancel_payout,
    create_payout,
    list_payouts,
    retrieve_payout,
)
from ..models import (
    BankAccountBeneficiary,
    CreatePayoutRequest,
    Metadata,
    MobileMoneyBeneficiary,
    OriginModule,
    Payout,
    PayoutList,
    PayoutStatus,
)
from ..types import UNSET, Unset
from ._request import build_body, options, parse, unset_if_none

__all__ = ["AsyncPayouts", "AsyncPayoutsWithRawResponse", "Payouts", "PayoutsWithRawResponse"]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
    status: PayoutStatus | str | Unset,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `list` (GET /v1/treasury/payouts), shared by the sync and async classes."""
    kwargs = list_payouts._get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status if isinstance(status, Unset) else PayoutStatus(status),
        molam_version=unset_if_none(molam_version),
    )
    return kwargs


def _create_request(
    *,
    body: CreatePayoutRequest | None,
    fields: Mapping[str, Any],
    idempotency_key: str | None,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `create` (POST /v1/treasury/payouts), shared by the sync and async classes."""
    kwargs = create_payout._get_kwargs(
        body=build_body(
            CreatePayoutRequest.from_dict,
            body,
            fields,
            ("origin_module", "origin_entity_id", "amount", "currency", "beneficiary"),
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
    """The request for `retrieve` (GET /v1/treasury/payouts/{id}), shared by the sync and async classes."""
    kwargs = retrieve_payout._get_kwargs(
        id=id,
        molam_version=unset_if_none(molam_version),
    )
    return kwargs


def _cancel_request(
    *,
    id: str,
    idempotency_key: str | None,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `cancel` (POST /v1/treasury/payouts/{id}/cancel), shared by the sync and async classes."""
    kwargs = cancel_payout._get_kwargs(
        id=id,
        idempotency_key=unset_if_none(idempotency_key),
        molam_version=unset_if_none(molam_version),
    )
    return kwargs


class Payouts(SyncResource):
    """Payouts operations."""

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        status: PayoutStatus | str | Unset = UNSET,
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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> PayoutList:
            response = self._requester.request(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    status=status,
                    molam_version=molam_version,
                ),
                request_options,
            )
            return parse(PayoutList.from_dict, response)

        return SyncPage[Payout](fetch(starting_after), fetch)

    @overload
    def create(
        self,
        *,
        origin_module: OriginModule | str,
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
        origin_module: OriginModule | str | Unset = UNSET,
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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _create_request(
                body=body,
                fields={
                    "origin_module": origin_module,
                    "origin_entity_id": origin_entity_id,
                    "amount": amount,
                    "currency": currency,
                    "beneficiary": beneficiary,
                    "description": description,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(Payout.from_dict, response)

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
        return parse(Payout.from_dict, response)

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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _cancel_request(
                id=id,
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(Payout.from_dict, response)


class PayoutsWithRawResponse(SyncResource):
    """Payouts operations, returning `RawResponse` objects."""

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        status: PayoutStatus | str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[PayoutList]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `PayoutList`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _list_request(
                limit=limit,
                starting_after=starting_after,
                status=status,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(PayoutList.from_dict, response))

    @overload
    def create(
        self,
        *,
        origin_module: OriginModule | str,
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
    ) -> RawResponse[Payout]: ...

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
    ) -> RawResponse[Payout]: ...

    def create(
        self,
        *,
        origin_module: OriginModule | str | Unset = UNSET,
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
    ) -> RawResponse[Payout]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `Payout`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _create_request(
                body=body,
                fields={
                    "origin_module": origin_module,
                    "origin_entity_id": origin_entity_id,
                    "amount": amount,
                    "currency": currency,
                    "beneficiary": beneficiary,
                    "description": description,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(Payout.from_dict, response))

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Payout]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `Payout`.

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
        return RawResponse(http_response=response, parsed=parse(Payout.from_dict, response))

    def cancel(
        self,
        id: str,
        *,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Payout]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `Payout`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _cancel_request(
                id=id,
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(Payout.from_dict, response))


class AsyncPayouts(AsyncResource):
    """Payouts operations, async."""

    async def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        status: PayoutStatus | str | Unset = UNSET,
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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> PayoutList:
            response = await self._requester.request(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    status=status,
                    molam_version=molam_version,
                ),
                request_options,
            )
            return parse(PayoutList.from_dict, response)

        return AsyncPage[Payout](await fetch(starting_after), fetch)

    @overload
    async def create(
        self,
        *,
        origin_module: OriginModule | str,
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
        origin_module: OriginModule | str | Unset = UNSET,
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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _create_request(
                body=body,
                fields={
                    "origin_module": origin_module,
                    "origin_entity_id": origin_entity_id,
                    "amount": amount,
                    "currency": currency,
                    "beneficiary": beneficiary,
                    "description": description,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(Payout.from_dict, response)

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
        return parse(Payout.from_dict, response)

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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _cancel_request(
                id=id,
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(Payout.from_dict, response)


class AsyncPayoutsWithRawResponse(AsyncResource):
    """Payouts operations, async, returning `RawResponse` objects."""

    async def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        status: PayoutStatus | str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[PayoutList]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `PayoutList`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _list_request(
                limit=limit,
                starting_after=starting_after,
                status=status,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(PayoutList.from_dict, response))

    @overload
    async def create(
        self,
        *,
        origin_module: OriginModule | str,
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
    ) -> RawResponse[Payout]: ...

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
    ) -> RawResponse[Payout]: ...

    async def create(
        self,
        *,
        origin_module: OriginModule | str | Unset = UNSET,
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
    ) -> RawResponse[Payout]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `Payout`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _create_request(
                body=body,
                fields={
                    "origin_module": origin_module,
                    "origin_entity_id": origin_entity_id,
                    "amount": amount,
                    "currency": currency,
                    "beneficiary": beneficiary,
                    "description": description,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(Payout.from_dict, response))

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Payout]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `Payout`.

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
        return RawResponse(http_response=response, parsed=parse(Payout.from_dict, response))

    async def cancel(
        self,
        id: str,
        *,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Payout]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `Payout`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _cancel_request(
                id=id,
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(Payout.from_dict, response))
