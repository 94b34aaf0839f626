# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `merchant_onboarding` resource: Merchant onboarding applications (`mo_`) for Molam Connect.

Four classes share one request builder per operation: `MerchantOnboarding` and `AsyncMerchantOnboarding` return parsed models
(list methods return pages that walk across pages); `MerchantOnboardingWithRawResponse` and
`AsyncMerchantOnboardingWithRawResponse` return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, overload

import httpx

from molam_sdk_ext.requester import AsyncResource, RawResponse, SyncResource

from ..api.merchant_onboarding import (
    create_merchant_onboarding,
    retrieve_merchant_onboarding,
)
from ..models import (
    BusinessType,
    CreateMerchantOnboardingRequest,
    Metadata,
)
from ..models import (
    MerchantOnboarding as MerchantOnboardingModel,
)
from ..types import UNSET, Unset
from ._request import build_body, options, parse, unset_if_none

__all__ = [
    "AsyncMerchantOnboarding",
    "AsyncMerchantOnboardingWithRawResponse",
    "MerchantOnboarding",
    "MerchantOnboardingWithRawResponse",
]


def _create_request(
    *,
    body: CreateMerchantOnboardingRequest | None,
    fields: Mapping[str, Any],
    idempotency_key: str | None,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `create` (POST /v1/merchants/onboarding), shared by the sync and async classes."""
    kwargs = create_merchant_onboarding._get_kwargs(
        body=build_body(
            CreateMerchantOnboardingRequest.from_dict,
            body,
            fields,
            ("business_name", "country", "email", "business_type"),
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
    """The request for `retrieve` (GET /v1/merchants/onboarding/{id}), shared by the sync and async classes."""
    kwargs = retrieve_merchant_onboarding._get_kwargs(
        id=id,
        molam_version=unset_if_none(molam_version),
    )
    return kwargs


class MerchantOnboarding(SyncResource):
    """MerchantOnboarding operations."""

    @overload
    def create(
        self,
        *,
        business_name: str,
        country: str,
        email: str,
        business_type: BusinessType | str,
        phone: str | Unset = UNSET,
        website: str | Unset = UNSET,
        return_url: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> MerchantOnboardingModel: ...

    @overload
    def create(
        self,
        *,
        body: CreateMerchantOnboardingRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> MerchantOnboardingModel: ...

    def create(
        self,
        *,
        business_name: str | Unset = UNSET,
        country: str | Unset = UNSET,
        email: str | Unset = UNSET,
        business_type: BusinessType | str | Unset = UNSET,
        phone: str | Unset = UNSET,
        website: str | Unset = UNSET,
        return_url: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateMerchantOnboardingRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> MerchantOnboardingModel:
        """Start a merchant onboarding.

        Starts onboarding a merchant onto Molam Connect. Send the merchant to `onboarding_url` to upload the
        documents listed in `requirements`; `merchant.onboarding.updated` events report each status change.

        `POST /v1/merchants/onboarding`

        Args:
            business_name: Required. The registered business name.
            country: Required. ISO 3166-1 alpha-2 country of registration, upper case.
            email: Required. The contact email for the account.
            business_type: Required. The legal form of the business.
            phone: The contact phone number, E.164.
            website: The business's website.
            return_url: Where to send the merchant after they finish on `onboarding_url`.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateMerchantOnboardingRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `MerchantOnboardingModel`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _create_request(
                body=body,
                fields={
                    "business_name": business_name,
                    "country": country,
                    "email": email,
                    "business_type": business_type,
                    "phone": phone,
                    "website": website,
                    "return_url": return_url,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(MerchantOnboardingModel.from_dict, response)

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> MerchantOnboardingModel:
        """Retrieve a merchant onboarding.

        Retrieves an onboarding application by id.

        `GET /v1/merchants/onboarding/{id}`

        Args:
            id: The onboarding application's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `MerchantOnboardingModel`.

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
        return parse(MerchantOnboardingModel.from_dict, response)


class MerchantOnboardingWithRawResponse(SyncResource):
    """MerchantOnboarding operations, returning `RawResponse` objects."""

    @overload
    def create(
        self,
        *,
        business_name: str,
        country: str,
        email: str,
        business_type: BusinessType | str,
        phone: str | Unset = UNSET,
        website: str | Unset = UNSET,
        return_url: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[MerchantOnboardingModel]: ...

    @overload
    def create(
        self,
        *,
        body: CreateMerchantOnboardingRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[MerchantOnboardingModel]: ...

    def create(
        self,
        *,
        business_name: str | Unset = UNSET,
        country: str | Unset = UNSET,
        email: str | Unset = UNSET,
        business_type: BusinessType | str | Unset = UNSET,
        phone: str | Unset = UNSET,
        website: str | Unset = UNSET,
        return_url: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateMerchantOnboardingRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[MerchantOnboardingModel]:
        """Start a merchant onboarding.

        Starts onboarding a merchant onto Molam Connect. Send the merchant to `onboarding_url` to upload the
        documents listed in `requirements`; `merchant.onboarding.updated` events report each status change.

        `POST /v1/merchants/onboarding`

        Args:
            business_name: Required. The registered business name.
            country: Required. ISO 3166-1 alpha-2 country of registration, upper case.
            email: Required. The contact email for the account.
            business_type: Required. The legal form of the business.
            phone: The contact phone number, E.164.
            website: The business's website.
            return_url: Where to send the merchant after they finish on `onboarding_url`.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateMerchantOnboardingRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `MerchantOnboardingModel`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _create_request(
                body=body,
                fields={
                    "business_name": business_name,
                    "country": country,
                    "email": email,
                    "business_type": business_type,
                    "phone": phone,
                    "website": website,
                    "return_url": return_url,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(MerchantOnboardingModel.from_dict, response))

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[MerchantOnboardingModel]:
        """Retrieve a merchant onboarding.

        Retrieves an onboarding application by id.

        `GET /v1/merchants/onboarding/{id}`

        Args:
            id: The onboarding application's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `MerchantOnboardingModel`.

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
        return RawResponse(http_response=response, parsed=parse(MerchantOnboardingModel.from_dict, response))


class AsyncMerchantOnboarding(AsyncResource):
    """MerchantOnboarding operations, async."""

    @overload
    async def create(
        self,
        *,
        business_name: str,
        country: str,
        email: str,
        business_type: BusinessType | str,
        phone: str | Unset = UNSET,
        website: str | Unset = UNSET,
        return_url: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> MerchantOnboardingModel: ...

    @overload
    async def create(
        self,
        *,
        body: CreateMerchantOnboardingRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> MerchantOnboardingModel: ...

    async def create(
        self,
        *,
        business_name: str | Unset = UNSET,
        country: str | Unset = UNSET,
        email: str | Unset = UNSET,
        business_type: BusinessType | str | Unset = UNSET,
        phone: str | Unset = UNSET,
        website: str | Unset = UNSET,
        return_url: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateMerchantOnboardingRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> MerchantOnboardingModel:
        """Start a merchant onboarding.

        Starts onboarding a merchant onto Molam Connect. Send the merchant to `onboarding_url` to upload the
        documents listed in `requirements`; `merchant.onboarding.updated` events report each status change.

        `POST /v1/merchants/onboarding`

        Args:
            business_name: Required. The registered business name.
            country: Required. ISO 3166-1 alpha-2 country of registration, upper case.
            email: Required. The contact email for the account.
            business_type: Required. The legal form of the business.
            phone: The contact phone number, E.164.
            website: The business's website.
            return_url: Where to send the merchant after they finish on `onboarding_url`.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateMerchantOnboardingRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `MerchantOnboardingModel`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _create_request(
                body=body,
                fields={
                    "business_name": business_name,
                    "country": country,
                    "email": email,
                    "business_type": business_type,
                    "phone": phone,
                    "website": website,
                    "return_url": return_url,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(MerchantOnboardingModel.from_dict, response)

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> MerchantOnboardingModel:
        """Retrieve a merchant onboarding.

        Retrieves an onboarding application by id.

        `GET /v1/merchants/onboarding/{id}`

        Args:
            id: The onboarding application's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `MerchantOnboardingModel`.

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
        return parse(MerchantOnboardingModel.from_dict, response)


class AsyncMerchantOnboardingWithRawResponse(AsyncResource):
    """MerchantOnboarding operations, async, returning `RawResponse` objects."""

    @overload
    async def create(
        self,
        *,
        business_name: str,
        country: str,
        email: str,
        business_type: BusinessType | str,
        phone: str | Unset = UNSET,
        website: str | Unset = UNSET,
        return_url: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[MerchantOnboardingModel]: ...

    @overload
    async def create(
        self,
        *,
        body: CreateMerchantOnboardingRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[MerchantOnboardingModel]: ...

    async def create(
        self,
        *,
        business_name: str | Unset = UNSET,
        country: str | Unset = UNSET,
        email: str | Unset = UNSET,
        business_type: BusinessType | str | Unset = UNSET,
        phone: str | Unset = UNSET,
        website: str | Unset = UNSET,
        return_url: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateMerchantOnboardingRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[MerchantOnboardingModel]:
        """Start a merchant onboarding.

        Starts onboarding a merchant onto Molam Connect. Send the merchant to `onboarding_url` to upload the
        documents listed in `requirements`; `merchant.onboarding.updated` events report each status change.

        `POST /v1/merchants/onboarding`

        Args:
            business_name: Required. The registered business name.
            country: Required. ISO 3166-1 alpha-2 country of registration, upper case.
            email: Required. The contact email for the account.
            business_type: Required. The legal form of the business.
            phone: The contact phone number, E.164.
            website: The business's website.
            return_url: Where to send the merchant after they finish on `onboarding_url`.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateMerchantOnboardingRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `MerchantOnboardingModel`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _create_request(
                body=body,
                fields={
                    "business_name": business_name,
                    "country": country,
                    "email": email,
                    "business_type": business_type,
                    "phone": phone,
                    "website": website,
                    "return_url": return_url,
                    "metadata": metadata,
                },
                idempotency_key=idempotency_key,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(MerchantOnboardingModel.from_dict, response))

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[MerchantOnboardingModel]:
        """Retrieve a merchant onboarding.

        Retrieves an onboarding application by id.

        `GET /v1/merchants/onboarding/{id}`

        Args:
            id: The onboarding application's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `MerchantOnboardingModel`.

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
        return RawResponse(http_response=response, parsed=parse(MerchantOnboardingModel.from_dict, response))
