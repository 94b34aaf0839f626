"""The business plug-ins: which operations do more than the engine's conventions.

Each business module registers its own plug-ins where it defines them (``@PLUGINS.write("create_payout")``,
`molam_sandbox.registry`): the payment intent state machine, refunds capped at what was captured, transfers
that never overdraw, payouts holding funds, onboarding review, webhook secrets. Importing them here is what
registers them; every other operation of the spec, including ones added later, is served by the engine alone.
`invoke` runs a plug-in outside a request, as the engine would (event triggers, seeding test databases).
"""

from __future__ import annotations

from typing import Any

from molam_sandbox import onboarding, payments, payouts, wallets, webhook_endpoints
from molam_sandbox.engine import Call
from molam_sandbox.registry import PLUGINS
from molam_sandbox.settings import Env
from molam_sandbox.spec import ApiSpec
from molam_sandbox.state import Tx

__all__ = ["BUSINESS_MODULES", "PLUGINS", "invoke"]

BUSINESS_MODULES = (onboarding, payments, payouts, wallets, webhook_endpoints)
"""The modules whose import registered the plug-ins (and their timer actions)."""


def invoke(
    api: ApiSpec,
    tx: Tx,
    account: str,
    env: Env,
    operation_id: str,
    params: dict[str, Any],
    object_id: str | None = None,
) -> dict[str, Any]:
    """Run the plug-in of `operation_id` with the body `params`, as the engine does; return its shaped answer."""
    op = api.by_id[operation_id]
    call = Call(tx=tx, account=account, env=env, op=op, id=object_id, params=params, path=op.path)
    doc = PLUGINS.writes[operation_id](call)
    return op.response.render(doc) if op.response is not None else doc
