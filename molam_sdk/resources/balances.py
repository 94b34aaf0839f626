# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `balances` resource: Molam Treasury balances per currency (available, pending, reserved).

`Balances` and `AsyncBalances` share one request builder per operation and return parsed models (list methods
return pages that walk across pages); `BalancesWithRawResponse` and `AsyncBalancesWithRawResponse` wrap their
methods to return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from ..models.balance import Balance
from ..raw_response import (
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from ..requester import Request
from ..resource import AsyncResource, SyncResource
from ._request import options, parse

__all__ = ["AsyncBalances", "AsyncBalancesWithRawResponse", "Balances", "BalancesWithRawResponse"]


def _retrieve_request() -> Request:
    """The request for `retrieve` (GET /v1/treasury/balances), shared by the sync and async classes."""
    return Request(
        "GET",
        "/v1/treasury/balances",
    )


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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _retrieve_request(),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Balance.from_dict, response, "Balance")


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
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _retrieve_request(),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(Balance.from_dict, response, "Balance")


class BalancesWithRawResponse:
    """The `Balances` methods, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: Balances) -> None:
        self._resource = resource
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class AsyncBalancesWithRawResponse:
    """The `AsyncBalances` methods, async, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: AsyncBalances) -> None:
        self._resource = resource
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
