# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `webhook_endpoints` resource: Webhook endpoints (`we_`) receive signed events over HTTPS.

`WebhookEndpoints` and `AsyncWebhookEndpoints` share one request builder per operation and return parsed models (list methods
return pages that walk across pages); `WebhookEndpointsWithRawResponse` and `AsyncWebhookEndpointsWithRawResponse` wrap their
methods to return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, overload
from urllib.parse import quote

import httpx

from ..models.deleted_webhook_endpoint import DeletedWebhookEndpoint
from ..models.webhook_delivery_list import WebhookDeliveryList
from ..models.webhook_endpoint import WebhookEndpoint
from ..models.webhook_endpoint_list import WebhookEndpointList
from ..models.webhook_endpoint_with_secret import WebhookEndpointWithSecret
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
    from ..models.create_webhook_endpoint_request import CreateWebhookEndpointRequest
    from ..models.event_type import EventType, EventTypeLiteral
    from ..models.metadata import Metadata
    from ..models.rotate_webhook_endpoint_secret_request import RotateWebhookEndpointSecretRequest
    from ..models.update_webhook_endpoint_request import UpdateWebhookEndpointRequest
    from ..models.webhook_delivery import WebhookDelivery
    from ..models.webhook_endpoint_status import WebhookEndpointStatus, WebhookEndpointStatusLiteral

__all__ = [
    "AsyncWebhookEndpoints",
    "AsyncWebhookEndpointsWithRawResponse",
    "WebhookEndpoints",
    "WebhookEndpointsWithRawResponse",
]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
) -> Request:
    """The request for `list` (GET /v1/webhook_endpoints), shared by the sync and async classes."""
    _params: dict[str, Any] = {}
    if limit is not UNSET and limit is not None:
        _params["limit"] = limit
    if starting_after is not UNSET and starting_after is not None:
        _params["starting_after"] = starting_after
    check_integers(_params, ("limit",))
    return Request(
        "GET",
        "/v1/webhook_endpoints",
        params=_params,
    )


def _create_request(
    *,
    url: str | Unset,
    enabled_events: Sequence[EventType | EventTypeLiteral] | Unset,
    description: str | Unset,
    api_version: str | Unset,
    metadata: Metadata | Mapping[str, Any] | Unset,
    body: CreateWebhookEndpointRequest | None,
) -> Request:
    """The request for `create` (POST /v1/webhook_endpoints), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        if url is UNSET:
            raise missing_argument("url")
        if enabled_events is UNSET:
            raise missing_argument("enabled_events")
        _payload: dict[str, Any] = {
            "url": url,
            "enabled_events": to_json(enabled_events),
        }
        if description is not UNSET:
            _payload["description"] = description
        if api_version is not UNSET:
            _payload["api_version"] = api_version
        if metadata is not UNSET:
            _payload["metadata"] = to_json(metadata)
    else:
        refuse_fields_with_body(
            ("url", url),
            ("enabled_events", enabled_events),
            ("description", description),
            ("api_version", api_version),
            ("metadata", metadata),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.create_webhook_endpoint_request import CreateWebhookEndpointRequest as _Body

        _payload = body_payload(body, _Body)
    return Request(
        "POST",
        "/v1/webhook_endpoints",
        json=_payload,
    )


def _retrieve_request(
    *,
    id: str,
) -> Request:
    """The request for `retrieve` (GET /v1/webhook_endpoints/{id}), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "GET",
        f"/v1/webhook_endpoints/{quote(str(id), safe='')}",
    )


def _update_request(
    *,
    id: str,
    url: str | Unset,
    enabled_events: Sequence[EventType | EventTypeLiteral] | Unset,
    description: str | Unset,
    status: WebhookEndpointStatus | WebhookEndpointStatusLiteral | Unset,
    metadata: Metadata | Mapping[str, Any] | Unset,
    body: UpdateWebhookEndpointRequest | None,
) -> Request:
    """The request for `update` (POST /v1/webhook_endpoints/{id}), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        _payload: dict[str, Any] = {}
        if url is not UNSET:
            _payload["url"] = url
        if enabled_events is not UNSET:
            _payload["enabled_events"] = to_json(enabled_events)
        if description is not UNSET:
            _payload["description"] = description
        if status is not UNSET:
            _payload["status"] = to_json(status)
        if metadata is not UNSET:
            _payload["metadata"] = to_json(metadata)
    else:
        refuse_fields_with_body(
            ("url", url),
            ("enabled_events", enabled_events),
            ("description", description),
            ("status", status),
            ("metadata", metadata),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.update_webhook_endpoint_request import UpdateWebhookEndpointRequest as _Body

        _payload = body_payload(body, _Body)
    check_path_parameter("id", id)
    return Request(
        "POST",
        f"/v1/webhook_endpoints/{quote(str(id), safe='')}",
        json=_payload,
    )


def _delete_request(
    *,
    id: str,
) -> Request:
    """The request for `delete` (DELETE /v1/webhook_endpoints/{id}), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "DELETE",
        f"/v1/webhook_endpoints/{quote(str(id), safe='')}",
    )


def _rotate_secret_request(
    *,
    id: str,
    grace_period_seconds: int | Unset,
    body: RotateWebhookEndpointSecretRequest | None,
) -> Request:
    """The request for `rotate_secret` (POST /v1/webhook_endpoints/{id}/rotate_secret), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        _fields: dict[str, Any] = {}
        if grace_period_seconds is not UNSET:
            _fields["grace_period_seconds"] = grace_period_seconds
        _payload: dict[str, Any] | None = _fields or None
    else:
        refuse_fields_with_body(
            ("grace_period_seconds", grace_period_seconds),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.rotate_webhook_endpoint_secret_request import (
            RotateWebhookEndpointSecretRequest as _Body,
        )

        _payload = body_payload(body, _Body)
    check_path_parameter("id", id)
    check_integers(_payload, ("grace_period_seconds",))
    return Request(
        "POST",
        f"/v1/webhook_endpoints/{quote(str(id), safe='')}/rotate_secret",
        json=_payload,
    )


def _list_deliveries_request(
    *,
    id: str,
    limit: int | Unset,
    starting_after: str | Unset,
) -> Request:
    """The request for `list_deliveries` (GET /v1/webhook_endpoints/{id}/deliveries), shared by the sync and async classes."""
    _params: dict[str, Any] = {}
    if limit is not UNSET and limit is not None:
        _params["limit"] = limit
    if starting_after is not UNSET and starting_after is not None:
        _params["starting_after"] = starting_after
    check_path_parameter("id", id)
    check_integers(_params, ("limit",))
    return Request(
        "GET",
        f"/v1/webhook_endpoints/{quote(str(id), safe='')}/deliveries",
        params=_params,
    )


class WebhookEndpoints(SyncResource):
    """WebhookEndpoints operations."""

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[WebhookEndpoint]:
        """List webhook endpoints.

        Lists webhook endpoints, newest first. Secrets are never listed.

        `GET /v1/webhook_endpoints`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as a `SyncPage` of `WebhookEndpoint`: iterate it to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> WebhookEndpointList:
            response = self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                ),
                request_options,
            )
            return parse(WebhookEndpointList.from_dict, response, "WebhookEndpointList")

        return SyncPage(fetch(starting_after), fetch)

    @overload
    def create(
        self,
        *,
        url: str,
        enabled_events: Sequence[EventType | EventTypeLiteral],
        description: str | Unset = UNSET,
        api_version: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointWithSecret: ...

    @overload
    def create(
        self,
        *,
        body: CreateWebhookEndpointRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointWithSecret: ...

    def create(
        self,
        *,
        url: str | Unset = UNSET,
        enabled_events: Sequence[EventType | EventTypeLiteral] | Unset = UNSET,
        description: str | Unset = UNSET,
        api_version: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateWebhookEndpointRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointWithSecret:
        """Create a webhook endpoint.

        Registers an HTTPS URL that receives the `enabled_events`. The response is the only time the signing
        `secret` is shown: store it, keyed by `kid`.

        `POST /v1/webhook_endpoints`

        Args:
            url: Required. The HTTPS URL to post events to (at most 2048 characters).
            enabled_events: Required. The event types to deliver.
            description: Your description of the endpoint.
            api_version: Render events in this API version instead of the account's default.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateWebhookEndpointRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `WebhookEndpointWithSecret`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _create_request(
                url=url,
                enabled_events=enabled_events,
                description=description,
                api_version=api_version,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(WebhookEndpointWithSecret.from_dict, response, "WebhookEndpointWithSecret")

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpoint:
        """Retrieve a webhook endpoint.

        Retrieves a webhook endpoint by id (without its secret).

        `GET /v1/webhook_endpoints/{id}`

        Args:
            id: The webhook endpoint's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `WebhookEndpoint`.

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
        return parse(WebhookEndpoint.from_dict, response, "WebhookEndpoint")

    def update(
        self,
        id: str,
        *,
        url: str | Unset = UNSET,
        enabled_events: Sequence[EventType | EventTypeLiteral] | Unset = UNSET,
        description: str | Unset = UNSET,
        status: WebhookEndpointStatus | WebhookEndpointStatusLiteral | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: UpdateWebhookEndpointRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpoint:
        """Update a webhook endpoint.

        Changes the URL, the enabled events, the description, the status or the metadata.

        `POST /v1/webhook_endpoints/{id}`

        Args:
            id: The webhook endpoint's id.
            url: The HTTPS URL to post events to (at most 2048 characters).
            enabled_events: The event types to deliver (replaces the current list).
            description: Your description of the endpoint.
            status: Whether events are delivered to the endpoint.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `UpdateWebhookEndpointRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `WebhookEndpoint`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _update_request(
                id=id,
                url=url,
                enabled_events=enabled_events,
                description=description,
                status=status,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(WebhookEndpoint.from_dict, response, "WebhookEndpoint")

    def delete(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DeletedWebhookEndpoint:
        """Delete a webhook endpoint.

        Deletes a webhook endpoint. Pending deliveries to it are abandoned.

        `DELETE /v1/webhook_endpoints/{id}`

        Args:
            id: The webhook endpoint's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `DeletedWebhookEndpoint`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _delete_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(DeletedWebhookEndpoint.from_dict, response, "DeletedWebhookEndpoint")

    def rotate_secret(
        self,
        id: str,
        *,
        grace_period_seconds: int | Unset = UNSET,
        body: RotateWebhookEndpointSecretRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointWithSecret:
        """Rotate a webhook endpoint's signing secret.

        Creates a new signing secret with a new `kid`. The previous secret stays valid for
        `grace_period_seconds` (default 86400): during that window each delivery carries one `v1` signature
        per active secret, so receivers can roll their configuration without dropping events.

        `POST /v1/webhook_endpoints/{id}/rotate_secret`

        Args:
            id: The webhook endpoint's id.
            grace_period_seconds: How long the previous secret stays valid, in seconds (0 revokes it at once; at most 7 days).
            body: The whole request body as a `RotateWebhookEndpointSecretRequest`, instead of the field arguments
                (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `WebhookEndpointWithSecret`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _rotate_secret_request(
                id=id,
                grace_period_seconds=grace_period_seconds,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(WebhookEndpointWithSecret.from_dict, response, "WebhookEndpointWithSecret")

    def list_deliveries(
        self,
        id: str,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[WebhookDelivery]:
        """List a webhook endpoint's deliveries.

        Lists delivery attempts to this endpoint, newest first, with the response each one got.

        `GET /v1/webhook_endpoints/{id}/deliveries`

        Args:
            id: The webhook endpoint's id.
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as a `SyncPage` of `WebhookDelivery`: iterate it to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> WebhookDeliveryList:
            response = self._send(
                _list_deliveries_request(
                    id=id,
                    limit=limit,
                    starting_after=cursor,
                ),
                request_options,
            )
            return parse(WebhookDeliveryList.from_dict, response, "WebhookDeliveryList")

        return SyncPage(fetch(starting_after), fetch)


class AsyncWebhookEndpoints(AsyncResource):
    """WebhookEndpoints operations, async."""

    async def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPage[WebhookEndpoint]:
        """List webhook endpoints.

        Lists webhook endpoints, newest first. Secrets are never listed.

        `GET /v1/webhook_endpoints`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as an `AsyncPage` of `WebhookEndpoint`: iterate it with `async for` to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> WebhookEndpointList:
            response = await self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                ),
                request_options,
            )
            return parse(WebhookEndpointList.from_dict, response, "WebhookEndpointList")

        return AsyncPage(await fetch(starting_after), fetch)

    @overload
    async def create(
        self,
        *,
        url: str,
        enabled_events: Sequence[EventType | EventTypeLiteral],
        description: str | Unset = UNSET,
        api_version: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointWithSecret: ...

    @overload
    async def create(
        self,
        *,
        body: CreateWebhookEndpointRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointWithSecret: ...

    async def create(
        self,
        *,
        url: str | Unset = UNSET,
        enabled_events: Sequence[EventType | EventTypeLiteral] | Unset = UNSET,
        description: str | Unset = UNSET,
        api_version: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: CreateWebhookEndpointRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointWithSecret:
        """Create a webhook endpoint.

        Registers an HTTPS URL that receives the `enabled_events`. The response is the only time the signing
        `secret` is shown: store it, keyed by `kid`.

        `POST /v1/webhook_endpoints`

        Args:
            url: Required. The HTTPS URL to post events to (at most 2048 characters).
            enabled_events: Required. The event types to deliver.
            description: Your description of the endpoint.
            api_version: Render events in this API version instead of the account's default.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `CreateWebhookEndpointRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `WebhookEndpointWithSecret`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _create_request(
                url=url,
                enabled_events=enabled_events,
                description=description,
                api_version=api_version,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(WebhookEndpointWithSecret.from_dict, response, "WebhookEndpointWithSecret")

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpoint:
        """Retrieve a webhook endpoint.

        Retrieves a webhook endpoint by id (without its secret).

        `GET /v1/webhook_endpoints/{id}`

        Args:
            id: The webhook endpoint's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `WebhookEndpoint`.

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
        return parse(WebhookEndpoint.from_dict, response, "WebhookEndpoint")

    async def update(
        self,
        id: str,
        *,
        url: str | Unset = UNSET,
        enabled_events: Sequence[EventType | EventTypeLiteral] | Unset = UNSET,
        description: str | Unset = UNSET,
        status: WebhookEndpointStatus | WebhookEndpointStatusLiteral | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: UpdateWebhookEndpointRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpoint:
        """Update a webhook endpoint.

        Changes the URL, the enabled events, the description, the status or the metadata.

        `POST /v1/webhook_endpoints/{id}`

        Args:
            id: The webhook endpoint's id.
            url: The HTTPS URL to post events to (at most 2048 characters).
            enabled_events: The event types to deliver (replaces the current list).
            description: Your description of the endpoint.
            status: Whether events are delivered to the endpoint.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `UpdateWebhookEndpointRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `WebhookEndpoint`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _update_request(
                id=id,
                url=url,
                enabled_events=enabled_events,
                description=description,
                status=status,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(WebhookEndpoint.from_dict, response, "WebhookEndpoint")

    async def delete(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DeletedWebhookEndpoint:
        """Delete a webhook endpoint.

        Deletes a webhook endpoint. Pending deliveries to it are abandoned.

        `DELETE /v1/webhook_endpoints/{id}`

        Args:
            id: The webhook endpoint's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `DeletedWebhookEndpoint`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _delete_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(DeletedWebhookEndpoint.from_dict, response, "DeletedWebhookEndpoint")

    async def rotate_secret(
        self,
        id: str,
        *,
        grace_period_seconds: int | Unset = UNSET,
        body: RotateWebhookEndpointSecretRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointWithSecret:
        """Rotate a webhook endpoint's signing secret.

        Creates a new signing secret with a new `kid`. The previous secret stays valid for
        `grace_period_seconds` (default 86400): during that window each delivery carries one `v1` signature
        per active secret, so receivers can roll their configuration without dropping events.

        `POST /v1/webhook_endpoints/{id}/rotate_secret`

        Args:
            id: The webhook endpoint's id.
            grace_period_seconds: How long the previous secret stays valid, in seconds (0 revokes it at once; at most 7 days).
            body: The whole request body as a `RotateWebhookEndpointSecretRequest`, instead of the field arguments
                (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `WebhookEndpointWithSecret`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _rotate_secret_request(
                id=id,
                grace_period_seconds=grace_period_seconds,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(WebhookEndpointWithSecret.from_dict, response, "WebhookEndpointWithSecret")

    async def list_deliveries(
        self,
        id: str,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPage[WebhookDelivery]:
        """List a webhook endpoint's deliveries.

        Lists delivery attempts to this endpoint, newest first, with the response each one got.

        `GET /v1/webhook_endpoints/{id}/deliveries`

        Args:
            id: The webhook endpoint's id.
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as an `AsyncPage` of `WebhookDelivery`: iterate it with `async for` to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> WebhookDeliveryList:
            response = await self._send(
                _list_deliveries_request(
                    id=id,
                    limit=limit,
                    starting_after=cursor,
                ),
                request_options,
            )
            return parse(WebhookDeliveryList.from_dict, response, "WebhookDeliveryList")

        return AsyncPage(await fetch(starting_after), fetch)


class WebhookEndpointsWithRawResponse:
    """The `WebhookEndpoints` methods, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: WebhookEndpoints) -> None:
        self._resource = resource
        self.list = to_raw_page_wrapper(resource.list, WebhookEndpointList)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.update = to_raw_response_wrapper(resource.update)
        self.delete = to_raw_response_wrapper(resource.delete)
        self.rotate_secret = to_raw_response_wrapper(resource.rotate_secret)
        self.list_deliveries = to_raw_page_wrapper(resource.list_deliveries, WebhookDeliveryList)


class AsyncWebhookEndpointsWithRawResponse:
    """The `AsyncWebhookEndpoints` methods, async, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: AsyncWebhookEndpoints) -> None:
        self._resource = resource
        self.list = async_to_raw_page_wrapper(resource.list, WebhookEndpointList)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.update = async_to_raw_response_wrapper(resource.update)
        self.delete = async_to_raw_response_wrapper(resource.delete)
        self.rotate_secret = async_to_raw_response_wrapper(resource.rotate_secret)
        self.list_deliveries = async_to_raw_page_wrapper(resource.list_deliveries, WebhookDeliveryList)
