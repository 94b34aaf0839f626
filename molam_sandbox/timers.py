"""Scheduled transitions (a processing payment settling, a refund settling, a payout moving on...).

Due timers run from the background worker every tick, and for the calling account at the start of each of
its requests, so a client polling an object sees the transition as soon as it is due, whatever the worker's
timing. Each timer runs in its own savepoint: one failing transition never blocks the others.
"""

from __future__ import annotations

from collections.abc import Callable

from molam_sandbox import onboarding, payments, payouts, webhook_endpoints
from molam_sandbox.settings import Env
from molam_sandbox.state import Database, Tx
from molam_sdk_ext.observability.logs import get_logger

__all__ = ["ACTIONS", "run_due_timers"]

logger = get_logger("molam.sandbox")  # redacting, like every SDK logger

ACTIONS: dict[str, Callable[[Tx, str, str, Env], None]] = {
    "payment_intent.settle": payments.settle_payment_intent,
    "refund.settle": payments.settle_refund,
    "payout.advance": payouts.auto_advance_payout,
    "onboarding.advance": onboarding.auto_advance_onboarding,
    "webhook_endpoint.expire_secret": webhook_endpoints.expire_previous_secret,
}


def run_due_timers(db: Database, env: Env, account: str | None = None) -> int:
    """Run the timers due at ``env.now`` (of `account`, or of every account); return how many ran."""
    with db.read() as tx:
        if not tx.has_due_timers(env.now, account):
            return 0
    ran = 0
    with db.transaction() as tx:
        for timer in tx.take_due_timers(env.now, account):
            action = ACTIONS.get(timer.action)
            if action is None:
                continue
            try:
                with tx.savepoint():
                    action(tx, timer.account, timer.object_id, env)
                ran += 1
            except Exception:
                logger.exception("scheduled transition %s of %s failed", timer.action, timer.object_id)
    return ran
