# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `merchant_onboarding` resource: Merchant onboarding applications (`mo_`) for Molam Connect.

`MerchantOnboarding` and `AsyncMerchantOnboarding` share one request builder per operation and return parsed models (list methods
return pages that walk across pages); `MerchantOnboardingWithRawResponse` and `AsyncMerchantOnboardingWithRawResponse` wrap their
methods to return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, overload
from urllib.parse import quote

import httpx

from ..models.merchant_onboarding import MerchantOnboarding as MerchantOnboardingModel
from ..raw_response import (
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from ..requester import Request
from ..resource import AsyncResource, SyncResource
from ..types import UNSET, Unset
from ._request import (
    body_payload,
    check_path_parameter,
    missing_argument,
    options,
    parse,
    refuse_fields_with_body,
    to_json,
)

if TYPE_CHECKING:
    from ..models.business_type import BusinessType, BusinessTypeLiteral
    from ..models.create_merchant_onboarding_request import CreateMerchantOnboardingRequest
    from ..models.metadata import Metadata

__all__ = [
    "AsyncMerchantOnboarding",
    "AsyncMerchantOnboardingWithRawResponse",
    "MerchantOnboarding",
    "MerchantOnboardingWithRawResponse",
]


def _create_request(
    *,
    business_name: str | Unset,
    country: str | Unset,
    email: str | Unset,
    business_type: BusinessType | BusinessTypeLiteral | Unset,
    phone: str | Unset,
    website: str | Unset,
    return_url: str | Unset,
    metadata: Metadata | Mapping[str, Any] | Unset,
    body: CreateMerchantOnboardingRequest | None,
) -> Request:
    """The request for `create` (POST /v1/merchants/onboarding), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        if business_name is UNSET:
            raise missing_argument("business_name")
        if country is UNSET:
            raise missing_argument("country")
        if email is UNSET:
            raise missing_argument("email")
        if business_type is UNSET:
            raise missing_argument("business_type")
        _payload: dict[str, Any] = {
            "business_name": business_name,
            "country": country,
            "email": email,
            "business_type": to_json(business_type),
        }
        if phone is not UNSET:
            _payload["phone"] = phone
        if website is not UNSET:
            _payload["website"] = website
        if return_url is not UNSET:
            _payload["return_url"] = return_url
        if metadata is not UNSET:
            _payload["metadata"] = to_json(metadata)
    else:
        refuse_fields_with_body(
            ("business_name", business_name),
            ("country", country),
            ("email", email),
            ("business_type", business_type),
            ("phone", phone),
            ("website", website),
            ("return_url", return_url),
            ("metadata", metadata),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.create_merchant_onboarding_request import CreateMerchantOnboardingRequest as _Body

        _payload = body_payload(body, _Body)
    return Request(
        "POST",
        "/v1/merchants/onboarding",
        json=_payload,
    )


def _retrieve_request(
    *,
    id: str,
) -> Request:
    """The request for `retrieve` (GET /v1/merchants/onboarding/{id}), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "GET",
        f"/v1/merchants/onboarding/{quote(str(id), safe='')}",
    )


class MerchantOnboarding(SyncResource):
    """MerchantOnboarding operations."""

    @overload
    def create(
        self,
        *,
        business_name: str,
        country: str,
        email: str,
        business_type: BusinessType | BusinessTypeLiteral,
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
        business_type: BusinessType | BusinessTypeLiteral | Unset = UNSET,
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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _create_request(
                business_name=business_name,
                country=country,
                email=email,
                business_type=business_type,
                phone=phone,
                website=website,
                return_url=return_url,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(MerchantOnboardingModel.from_dict, response, "MerchantOnboarding")

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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _retrieve_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(MerchantOnboardingModel.from_dict, response, "MerchantOnboarding")


class AsyncMerchantOnboarding(AsyncResource):
    """MerchantOnboarding operations, async."""

    @overload
    async def create(
        self,
        *,
        business_name: str,
        country: str,
        email: str,
        business_type: BusinessType | BusinessTypeLiteral,
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
        business_type: BusinessType | BusinessTypeLiteral | Unset = UNSET,
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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _create_request(
                business_name=business_name,
                country=country,
                email=email,
                business_type=business_type,
                phone=phone,
                website=website,
                return_url=return_url,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(MerchantOnboardingModel.from_dict, response, "MerchantOnboarding")

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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _retrieve_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(MerchantOnboardingModel.from_dict, response, "MerchantOnboarding")


class MerchantOnboardingWithRawResponse:
    """The `MerchantOnboarding` methods, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: MerchantOnboarding) -> None:
        self._resource = resource
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class AsyncMerchantOnboardingWithRawResponse:
    """The `AsyncMerchantOnboarding` methods, async, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: AsyncMerchantOnboarding) -> None:
        self._resource = resource
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
