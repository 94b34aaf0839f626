# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `wallets` resource: Molam Ma wallets (`wal_`) hold stored value in one or more currencies.

Four classes share one request builder per operation: `Wallets` and `AsyncWallets` return parsed models
(list methods return pages that walk across pages); `WalletsWithRawResponse` and
`AsyncWalletsWithRawResponse` return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx

from molam_sdk_ext.pagination import AsyncPage, SyncPage
from molam_sdk_ext.requester import AsyncResource, RawResponse, SyncResource

from ..models.wallet import Wallet
from ..models.wallet_balance import WalletBalance
from ..models.wallet_list import WalletList
from ..types import UNSET, Unset
from ._request import options, parse

__all__ = ["AsyncWallets", "AsyncWalletsWithRawResponse", "Wallets", "WalletsWithRawResponse"]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `list` (GET /v1/ma/wallets), shared by the sync and async classes."""
    headers: dict[str, str] = {}
    if molam_version is not None:
        headers["Molam-Version"] = molam_version
    kwargs: dict[str, Any] = {"method": "get", "url": "/v1/ma/wallets", "headers": headers}
    params: dict[str, Any] = {}
    if limit is not UNSET and limit is not None:
        params["limit"] = limit
    if starting_after is not UNSET and starting_after is not None:
        params["starting_after"] = starting_after
    kwargs["params"] = params
    return kwargs


def _retrieve_request(
    *,
    id: str,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `retrieve` (GET /v1/ma/wallets/{id}), shared by the sync and async classes."""
    headers: dict[str, str] = {}
    if molam_version is not None:
        headers["Molam-Version"] = molam_version
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/v1/ma/wallets/{quote(str(id), safe='')}",
        "headers": headers,
    }
    return kwargs


def _balance_request(
    *,
    id: str,
    molam_version: str | None,
) -> dict[str, Any]:
    """The request for `balance` (GET /v1/ma/wallets/{id}/balance), shared by the sync and async classes."""
    headers: dict[str, str] = {}
    if molam_version is not None:
        headers["Molam-Version"] = molam_version
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/v1/ma/wallets/{quote(str(id), safe='')}/balance",
        "headers": headers,
    }
    return kwargs


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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> WalletList:
            response = self._requester.request(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    molam_version=molam_version,
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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _balance_request(
                id=id,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(WalletBalance.from_dict, response, "WalletBalance")


class WalletsWithRawResponse(SyncResource):
    """Wallets operations, returning `RawResponse` objects."""

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[WalletList]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `WalletList`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _list_request(
                limit=limit,
                starting_after=starting_after,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(WalletList.from_dict, response, "WalletList"))

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Wallet]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `Wallet`.

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
        return RawResponse(http_response=response, parsed=parse(Wallet.from_dict, response, "Wallet"))

    def balance(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[WalletBalance]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `WalletBalance`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._requester.request(
            _balance_request(
                id=id,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(
            http_response=response, parsed=parse(WalletBalance.from_dict, response, "WalletBalance")
        )


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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> WalletList:
            response = await self._requester.request(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    molam_version=molam_version,
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
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _balance_request(
                id=id,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return parse(WalletBalance.from_dict, response, "WalletBalance")


class AsyncWalletsWithRawResponse(AsyncResource):
    """Wallets operations, async, returning `RawResponse` objects."""

    async def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[WalletList]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `WalletList`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _list_request(
                limit=limit,
                starting_after=starting_after,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(http_response=response, parsed=parse(WalletList.from_dict, response, "WalletList"))

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Wallet]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `Wallet`.

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
        return RawResponse(http_response=response, parsed=parse(Wallet.from_dict, response, "Wallet"))

    async def balance(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[WalletBalance]:
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
            A `RawResponse` with the HTTP response and `parsed`, the `WalletBalance`.

        Raises:
            molam_sdk_ext.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._requester.request(
            _balance_request(
                id=id,
                molam_version=molam_version,
            ),
            options(timeout, max_retries, extra_headers),
        )
        return RawResponse(
            http_response=response, parsed=parse(WalletBalance.from_dict, response, "WalletBalance")
        )
