"""Leases: a claim held by one delivery's random token and renewed by a heartbeat while its handler runs.

Why, and the limits (a worker frozen for a whole ``lock_timeout`` loses its claim; the fenced completion then
answers ``lease_lost``): docs/WEBHOOKS_AT_SCALE.md, "Leases".
"""

from __future__ import annotations

import asyncio
import secrets
import threading
from collections.abc import Awaitable, Callable

import attrs

from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.stores.webhook_events import WebhookEventStore
from molam_sdk_ext.webhooks.outcomes import describe_error

__all__ = [
    "MIN_HEARTBEAT_INTERVAL",
    "Heartbeat",
    "Lease",
    "heartbeat_interval",
    "new_holder",
    "on_renewal",
    "renew_until_cancelled",
]

# Through get_logger so that a store's error text is redacted like every SDK line.
logger = get_logger("molam.webhooks")

MIN_HEARTBEAT_INTERVAL = 0.05
"""Seconds: the heartbeat never renews more often than this, whatever the store's ``lock_timeout``."""


@attrs.frozen
class Lease:
    """A claim held by `holder` and renewed every `interval` seconds while the handler runs."""

    event_id: str
    holder: str
    interval: float


def heartbeat_interval(lock_timeout: float) -> float:
    """How often a lease is renewed: three times per ``lock_timeout``, so two renewals in a row may fail (a
    slow store, a short pause) before another worker can take the claim over."""
    return max(MIN_HEARTBEAT_INTERVAL, lock_timeout / 3)


def new_holder() -> str:
    """A fresh lease token (random: it fences one claim, and names nothing)."""
    return secrets.token_hex(12)


def on_renewal(lease: Lease, renewed: bool | None, error: BaseException | None) -> bool:
    """The heartbeat's decision after one renewal (`renewed`: the store's answer, None when it raised):
    whether to go on renewing. A lost lease cannot be won back; a store error may be passing."""
    if error is not None:
        logger.warning(
            "webhook %s: lease renewal failed (will retry): %s", lease.event_id, describe_error(error)
        )
        return True
    if not renewed:
        logger.warning(
            "webhook %s: lease lost while the handler runs (another worker took the event over)",
            lease.event_id,
        )
        return False
    return True


class Heartbeat:
    """Renews a lease from a daemon thread while a block of sync code runs (`with Heartbeat(store, lease):`)."""

    def __init__(self, store: WebhookEventStore, lease: Lease) -> None:
        self._store = store
        self._lease = lease
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"molam-lease-{lease.event_id}", daemon=True)

    def _run(self) -> None:
        lease = self._lease
        while not self._stop.wait(lease.interval):
            renewed: bool | None = None
            error: BaseException | None = None
            try:
                renewed = self._store.renew(lease.event_id, lease.holder)
            except Exception as e:
                error = e
            if not on_renewal(lease, renewed, error):
                return

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


async def renew_until_cancelled(lease: Lease, renew: Callable[[], Awaitable[bool]]) -> None:
    """The asyncio heartbeat: ``await renew()`` every interval until cancelled or the lease is lost."""
    while True:
        await asyncio.sleep(lease.interval)
        renewed: bool | None = None
        error: BaseException | None = None
        try:
            renewed = await renew()
        except Exception as e:
            error = e
        if not on_renewal(lease, renewed, error):
            return
