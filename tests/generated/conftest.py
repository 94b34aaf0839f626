"""Fixtures for the generated-code tests: requesters over mocked httpx clients (pytest-httpx)."""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from molam_sdk.resources import AsyncRawResources, AsyncResources, SyncRawResources, SyncResources

from .requester import AUTHORIZATION, BASE_URL, AsyncHttpxRequester, HttpxRequester


@pytest.fixture(scope="session")
def tls_context() -> ssl.SSLContext:
    """httpx's default TLS context (certifi's roots), built once: each build costs 30 ms of CPU, and the clients
    below only read it (as `molam_sdk_ext` clients share theirs)."""
    return httpx.create_ssl_context()


@pytest.fixture
def requester(tls_context: ssl.SSLContext) -> Iterator[HttpxRequester]:
    """A sync requester sending to https://api.molam.com with a test key (mock it with `httpx_mock`)."""
    headers = {"Authorization": AUTHORIZATION}
    with httpx.Client(base_url=BASE_URL, headers=headers, verify=tls_context) as client:
        yield HttpxRequester(client)


@pytest.fixture
async def async_requester(tls_context: ssl.SSLContext) -> AsyncIterator[AsyncHttpxRequester]:
    """The async twin of `requester`."""
    headers = {"Authorization": AUTHORIZATION}
    async with httpx.AsyncClient(base_url=BASE_URL, headers=headers, verify=tls_context) as client:
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
