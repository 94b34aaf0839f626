"""The sandbox's tunable behaviour (delays, webhook retry schedule, public URL), fixed at start."""

from __future__ import annotations

import os

import attrs

__all__ = [
    "STRICT_RESPONSES_ENV",
    "Env",
    "SandboxSettings",
    "strict_responses_from_environment",
]

STRICT_RESPONSES_ENV = "MOLAM_SANDBOX_STRICT_RESPONSES"


def strict_responses_from_environment() -> bool:
    """Whether ``MOLAM_SANDBOX_STRICT_RESPONSES`` asks for response validation (``1``, ``true``, ``yes``)."""
    return os.environ.get(STRICT_RESPONSES_ENV, "").strip().lower() in ("1", "true", "yes", "on")


@attrs.frozen
class SandboxSettings:
    """Knobs of the simulated world; the defaults suit tests and demos (everything settles within seconds)."""

    public_url: str = "http://127.0.0.1:12111"
    processing_delay: float = 1.0
    """Seconds a `pm_card_processing` payment stays `processing` before it succeeds."""
    refund_delay: float = 0.5
    """Seconds a refund stays `pending` before it succeeds (or fails, for `pm_card_refund_fail`)."""
    payout_delay: float | None = None
    """Seconds per payout step (pending -> in_transit -> paid); None: payouts move only via /_sandbox."""
    onboarding_delay: float | None = None
    """Seconds per onboarding step (pending -> in_review -> decided); None: only via /_sandbox."""
    webhook_max_attempts: int = 5
    webhook_backoff: float = 0.5
    """Delay before the second attempt; each later one doubles it (0.5, 1, 2, 4 s ...)."""
    webhook_backoff_max: float = 60.0
    webhook_timeout: float = 5.0
    webhook_concurrency: int = 16
    tick_interval: float = 0.1
    """How often the background worker runs due transitions and deliveries."""
    idempotency_lock_timeout: float = 60.0
    """Seconds after which a claimed Idempotency-Key whose request never finished (a crash) may run again."""
    strict_responses: bool = attrs.field(factory=lambda: strict_responses_from_environment())
    """Validate every response against the spec (a mismatch is a 500 naming it): ``--strict-responses``, or
    ``MOLAM_SANDBOX_STRICT_RESPONSES=1`` (the test suite and CI set it)."""

    def __attrs_post_init__(self) -> None:
        if self.webhook_max_attempts < 1:
            raise ValueError("webhook_max_attempts must be >= 1")
        for name in (
            "processing_delay",
            "refund_delay",
            "webhook_backoff",
            "webhook_timeout",
            "tick_interval",
            "idempotency_lock_timeout",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0")


@attrs.frozen
class Env:
    """What a domain operation needs besides its input: the time, the settings and the API version."""

    now: float
    settings: SandboxSettings
    api_version: str
    """The version of the spec being served (its ``info.version``): what objects and events are rendered in."""

    @property
    def ts(self) -> int:
        """`now` as integer unix seconds (the API's `created`)."""
        return int(self.now)
