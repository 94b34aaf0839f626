"""The httpx clients under `Molam` / `AsyncMolam`: the SDK's own, or a caller's wrapped with the SDK's stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import httpx

from .config import ConfigurationError
from .transport.idempotency_key import AsyncIdempotencyTransport, IdempotencyTransport

__all__ = ["make_stateless", "wrap_callers_client"]

T = TypeVar("T", httpx.BaseTransport, httpx.AsyncBaseTransport)


def wrap_callers_client(client: httpx.Client | httpx.AsyncClient, wrap: Callable[[T], T]) -> None:
    """Put the SDK stack over every transport of a caller's client (its default one and its mounts).

    The caller's other settings (proxies, limits, event hooks) are kept, and the caller keeps ownership.
    """
    if isinstance(client._transport, IdempotencyTransport | AsyncIdempotencyTransport):
        raise ConfigurationError(
            "This http_client already carries a Molam client's transport stack; share that client with "
            "with_options(...) instead of wrapping it twice (retries would multiply).",
            param="http_client",
        )
    client._transport = wrap(client._transport)  # type: ignore[arg-type]
    client._mounts = {
        pattern: None if mounted is None else wrap(mounted)  # type: ignore[arg-type]
        for pattern, mounted in client._mounts.items()
    }


class _NoCookies(httpx.Cookies):
    """A cookie jar that keeps nothing: the API is stateless (bearer keys), and copies made by `with_options`
    with other keys must never share a cookie. Also saves httpx's per-response cookie parsing."""

    def extract_cookies(self, response: httpx.Response) -> None:
        """Ignore the response's cookies."""


def make_stateless(client: httpx.Client | httpx.AsyncClient) -> None:
    """Give a client the SDK made itself a cookie jar that keeps nothing (httpx has no public switch)."""
    if isinstance(getattr(client, "_cookies", None), httpx.Cookies):
        client._cookies = _NoCookies()
