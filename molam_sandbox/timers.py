"""Scheduled transitions (a processing payment settling, a refund settling, a payout moving on...).

Each business module registers the actions it schedules (`timer_action`). Due timers run from the background
worker every tick, and for the calling account at the start of each of its requests, so a client polling an
object sees the transition as soon as it is due, whatever the worker's timing. Each timer runs in its own
savepoint: one failing transition never blocks the others, and is never dropped either: its changes are rolled
back, the failure is logged, and it runs again `RETRY_DELAY` seconds later (a business rule that cannot apply,
such as a settlement that would overflow a balance, is for the action itself to turn into an outcome).
"""

from __future__ import annotations

from collections.abc import Callable

from molam_sandbox.settings import Env
from molam_sandbox.state import Database, Tx
from molam_sdk_ext.observability.logs import get_logger

__all__ = ["ACTIONS", "RETRY_DELAY", "TimerAction", "run_due_timers", "timer_action"]

logger = get_logger("molam.sandbox")  # redacting, like every SDK logger

TimerAction = Callable[[Tx, str, str, Env], None]
"""``action(tx, account, object_id, env)``: one scheduled transition."""

ACTIONS: dict[str, TimerAction] = {}
"""Action name -> what it runs, registered by the business modules at import."""

RETRY_DELAY = 5.0
"""Seconds before a transition that raised runs again."""


def timer_action(name: str) -> Callable[[TimerAction], TimerAction]:
    """Decorator: `name` (the action given to `Tx.schedule`) runs this function when due."""

    def register(function: TimerAction) -> TimerAction:
        if name in ACTIONS:
            raise ValueError(f"two timer actions named {name}")
        ACTIONS[name] = function
        return function

    return register


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
                # Kept, not dropped: a server with the module that registers it will run it.
                logger.error("no timer action %s (for %s); kept for later", timer.action, timer.object_id)
                tx.schedule(timer.account, timer.action, timer.object_id, env.now + RETRY_DELAY)
                continue
            try:
                with tx.savepoint():
                    action(tx, timer.account, timer.object_id, env)
                ran += 1
            except Exception:
                logger.exception(
                    "scheduled transition %s of %s failed; it runs again in %.0f s",
                    timer.action,
                    timer.object_id,
                    RETRY_DELAY,
                )
                tx.schedule(timer.account, timer.action, timer.object_id, env.now + RETRY_DELAY)
    return ran
