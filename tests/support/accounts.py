"""A sandbox account as the example tests use it: where it is, its key, a client and an environment."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from molam_sdk.models import EventType
from molam_sdk_ext.client import Molam

__all__ = ["Account"]


@attrs.frozen
class Account:
    """A fresh sandbox account: where it is, its key, and a client for arranging and checking."""

    base: str
    key: str

    def client(self) -> Molam:
        """A client on this account."""
        return Molam(api_key=self.key, base_url=self.base)

    def webhook_endpoint(self, url: str, events: Sequence[EventType]) -> str:
        """Register a webhook endpoint at `url` for `events` on this account; its secret (shown once)."""
        with self.client() as molam:
            return str(molam.webhook_endpoints.create(url=url, enabled_events=list(events)).secret)

    def env(self) -> dict[str, str]:
        """The environment an example reads its configuration from."""
        return {"MOLAM_API_BASE": self.base, "MOLAM_API_KEY": self.key}
