"""What every layer of the transport stack is: a transport that sends through the next one down (`inner`) and
closes it when it is closed. `Layer` for `httpx.Client`, `AsyncLayer` for `httpx.AsyncClient`; each layer adds
only its own ``handle_request`` / ``handle_async_request``."""

from __future__ import annotations

import httpx

__all__ = ["AsyncLayer", "Layer"]


class Layer(httpx.BaseTransport):
    """A sync transport wrapping `inner`, the next layer down (or httpx's own transport at the bottom)."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def close(self) -> None:
        """Close the wrapped transport."""
        self.inner.close()


class AsyncLayer(httpx.AsyncBaseTransport):
    """An async transport wrapping `inner`, the next layer down (or httpx's own transport at the bottom)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self.inner.aclose()
