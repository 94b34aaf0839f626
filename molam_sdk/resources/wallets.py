# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `wallets` resource: Molam Ma wallets (`wal_`) hold stored value in one or more currencies.

`Wallets` and `AsyncWallets` share one request builder per operation and return parsed models (list methods
return pages that walk across pages); `WalletsWithRawResponse` and `AsyncWalletsWithRawResponse` wrap their
methods to return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx

from ..models.wallet import Wallet
from ..models.wallet_balance import WalletBalance
from ..models.wallet_list import WalletList
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
    check_integers,
    check_path_parameter,
    options,
    parse,
)

__all__ = ["AsyncWallets", "AsyncWalletsWithRawResponse", "Wallets", "WalletsWithRawResponse"]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
) -> Request:
    """The request for `list` (GET /v1/ma/wallets), shared by the sync and async classes."""
    _params: dict[str, Any] = {}
    if limit is not UNSET and limit is not None:
        _params["limit"] = limit
    if starting_after is not UNSET and starting_after is not None:
        _params["starting_after"] = starting_after
    check_integers(_params, ("limit",))
    return Request(
        "GET",
        "/v1/ma/wallets",
        params=_params,
    )


def _retrieve_request(
    *,
    id: str,
) -> Request:
    """The request for `retrieve` (GET /v1/ma/wallets/{id}), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "GET",
        f"/v1/ma/wallets/{quote(str(id), safe='')}",
    )


def _balance_request(
    *,
    id: str,
) -> Request:
    """The request for `balance` (GET /v1/ma/wallets/{id}/balance), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "GET",
        f"/v1/ma/wallets/{quote(str(id), safe='')}/balance",
    )


class Wallets(SyncResource):
    """Wallets operations."""

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Wallet]:
        """List wallets.

        Lists the wallets you can access, newest first.

        `GET /v1/ma/wallets`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as a `SyncPage` of `Wallet`: iterate it to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> WalletList:
            response = self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                ),
                request_options,
            )
            return parse(WalletList.from_dict, response, "WalletList")

        return SyncPage(fetch(starting_after), fetch)

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Wallet:
        """Retrieve a wallet.

        Retrieves a wallet by id.

        `GET /v1/ma/wallets/{id}`

        Args:
            id: The wallet's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Wallet`.

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
        return parse(Wallet.from_dict, response, "Wallet")

    def balance(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WalletBalance:
        """Retrieve a wallet's balance.

        Returns the wallet's available and pending amounts per currency. A wallet balance never goes
        negative.

        `GET /v1/ma/wallets/{id}/balance`

        Args:
            id: The wallet's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `WalletBalance`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _balance_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(WalletBalance.from_dict, response, "WalletBalance")


class AsyncWallets(AsyncResource):
    """Wallets operations, async."""

    async def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPage[Wallet]:
        """List wallets.

        Lists the wallets you can access, newest first.

        `GET /v1/ma/wallets`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as an `AsyncPage` of `Wallet`: iterate it with `async for` to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> WalletList:
            response = await self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                ),
                request_options,
            )
            return parse(WalletList.from_dict, response, "WalletList")

        return AsyncPage(await fetch(starting_after), fetch)

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Wallet:
        """Retrieve a wallet.

        Retrieves a wallet by id.

        `GET /v1/ma/wallets/{id}`

        Args:
            id: The wallet's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `Wallet`.

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
        return parse(Wallet.from_dict, response, "Wallet")

    async def balance(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WalletBalance:
        """Retrieve a wallet's balance.

        Returns the wallet's available and pending amounts per currency. A wallet balance never goes
        negative.

        `GET /v1/ma/wallets/{id}/balance`

        Args:
            id: The wallet's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `WalletBalance`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _balance_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(WalletBalance.from_dict, response, "WalletBalance")


class WalletsWithRawResponse:
    """The `Wallets` methods, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: Wallets) -> None:
        self._resource = resource
        self.list = to_raw_page_wrapper(resource.list, WalletList)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.balance = to_raw_response_wrapper(resource.balance)


class AsyncWalletsWithRawResponse:
    """The `AsyncWallets` methods, async, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: AsyncWallets) -> None:
        self._resource = resource
        self.list = async_to_raw_page_wrapper(resource.list, WalletList)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.balance = async_to_raw_response_wrapper(resource.balance)
