"""Seeding a sandbox database directly (the sandbox's own domain functions, one transaction), for large tests.

Creating 10,000 payment intents over HTTP takes minutes; through the sandbox's own plug-in
(`molam_sandbox.plugins.invoke`) in a single SQLite transaction it takes about a second, and the objects are exactly what the API would have made. The
sandbox is then started on that file and everything the test checks goes over real HTTP.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

CURRENCIES = ("XOF", "GHS", "NGN", "USD", "KWD")


def seed_payment_intents(db_path: Path, api_key: str, count: int, *, seed: int = 7) -> list[dict[str, Any]]:
    """Create `count` payment intents for `api_key`'s account in the sandbox database at `db_path`.

    About a third are confirmed with pm_card_visa (succeeded), a few declined (failed is not stored: the
    intent returns to requires_payment_method), the rest left unconfirmed. Returns their documents, oldest first.
    """
    from molam_sandbox.auth import account_for_key
    from molam_sandbox.plugins import invoke
    from molam_sandbox.settings import Env, SandboxSettings
    from molam_sandbox.spec import load_api
    from molam_sandbox.state import Database

    rng = random.Random(seed)
    settings = SandboxSettings()
    account = account_for_key(api_key)
    start = int(time.time()) - count - 60
    docs: list[dict[str, Any]] = []
    api = load_api()
    db = Database(str(db_path), tables={t: r.prefix for t, r in api.by_table.items()})
    try:
        with db.transaction() as tx:
            for i in range(count):
                params: dict[str, Any] = {
                    "amount": rng.randint(1, 5_000_000),
                    "currency": rng.choice(CURRENCIES),
                }
                if i % 3 == 0:
                    params.update(payment_method="pm_card_visa", confirm=True)
                params["metadata"] = {"order_id": f"ord_{i:05d}"}
                env = Env(start + i, settings, api.api_version)
                docs.append(invoke(api, tx, account, env, "create_payment_intent", params))
    finally:
        db.close()
    return docs
