"""Fixtures for the generated-code tests: requesters over mocked httpx clients (pytest-httpx)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from molam_sdk.resources import AsyncRawResources, AsyncResources, SyncRawResources, SyncResources

from .requester import AUTHORIZATION, BASE_URL, AsyncHttpxRequester, HttpxRequester


@pytest.fixture
def requester() -> Iterator[HttpxRequester]:
    """A sync requester sending to https://api.molam.com with a test key (mock it with `httpx_mock`)."""
    with httpx.Client(base_url=BASE_URL, headers={"Authorization": AUTHORIZATION}) as client:
        yield HttpxRequester(client)


@pytest.fixture
async def async_requester() -> AsyncIterator[AsyncHttpxRequester]:
    """The async twin of `requester`."""
    async with httpx.AsyncClient(base_url=BASE_URL, headers={"Authorization": AUTHORIZATION}) as client:
        yield AsyncHttpxRequester(client)


@pytest.fixture
def resources(requester: HttpxRequester) -> SyncResources:
    """Every generated sync resource, sending through `requester`."""
    return SyncResources(requester)


@pytest.fixture
def raw_resources(requester: HttpxRequester) -> SyncRawResources:
    """Every generated sync resource returning `RawResponse`s."""
    return SyncRawResources(requester)


@pytest.fixture
def async_resources(async_requester: AsyncHttpxRequester) -> AsyncResources:
    """Every generated async resource."""
    return AsyncResources(async_requester)


@pytest.fixture
def async_raw_resources(async_requester: AsyncHttpxRequester) -> AsyncRawResources:
    """Every generated async resource returning `RawResponse`s."""
    return AsyncRawResources(async_requester)
