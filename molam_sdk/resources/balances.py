# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `balances` resource: Molam Treasury balances per currency (available, pending, reserved).

Four classes share one request builder per operation: `Balances` and `AsyncBalances` return parsed models
(list methods return pages that walk across pages); `BalancesWithRawResponse` and
`AsyncBalancesWithRawResponse` return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from molam_sdk_ext.requester import AsyncResource, RawResponse, SyncResource

from ..models.balance import Balance
from ._request import options, parse

__all__ = ["AsyncBalances", "AsyncBalancesWithRawResponse", "Balances", "BalancesWithRawResponse"]


def _retrieve_request(
    *,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `retrieve` (GET /v1/treasury/balances), shared by the sync and async classes."""
    headers: dict[str, str] = {}
    if molam_version is not None:
        headers["Molam-Version"] = molam_version
    kwargs: dict[str, Any] = {"method": "get", "url": "/v1/treasury/balances", "headers": headers}
    return kwargs


class Balances(SyncResource):
    """Balances operations."""

    def retrieve(
        self,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Balance:
        """Retrieve the Treasury balance.

        Returns the account's available, pending and reserved amounts per currency. Treasury endpoints may
        require mutual TLS (see `create_payout`).

        `GET /v1/treasury/balances`

        Args:
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Balance`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _retrieve_request(
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(Balance.from_dict, response, "Balance")


class BalancesWithRawResponse(SyncResource):
    """Balances operations, returning `RawResponse` objects."""

    def retrieve(
        self,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Balance]:
        """Retrieve the Treasury balance.

        Returns the account's available, pending and reserved amounts per currency. Treasury endpoints may
        require mutual TLS (see `create_payout`).

        `GET /v1/treasury/balances`

        Args:
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `Balance`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _retrieve_request(
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(Balance.from_dict, response, "Balance"))


class AsyncBalances(AsyncResource):
    """Balances operations, async."""

    async def retrieve(
        self,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Balance:
        """Retrieve the Treasury balance.

        Returns the account's available, pending and reserved amounts per currency. Treasury endpoints may
        require mutual TLS (see `create_payout`).

        `GET /v1/treasury/balances`

        Args:
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Balance`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _retrieve_request(
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(Balance.from_dict, response, "Balance")


class AsyncBalancesWithRawResponse(AsyncResource):
    """Balances operations, async, returning `RawResponse` objects."""

    async def retrieve(
        self,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Balance]:
        """Retrieve the Treasury balance.

        Returns the account's available, pending and reserved amounts per currency. Treasury endpoints may
        require mutual TLS (see `create_payout`).

        `GET /v1/treasury/balances`

        Args:
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            A `RawResponse` with the HTTP response and `parsed`, the `Balance`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _retrieve_request(
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(Balance.from_dict, response, "Balance"))
