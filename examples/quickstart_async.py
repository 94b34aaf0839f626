"""Quickstart (async): three payments at once with `AsyncMolam`, then every payment with `async for`.

Run it against the local sandbox (no account needed)::

    molam sandbox                                   # terminal 1
    export MOLAM_API_KEY=sk_test_quickstart MOLAM_API_BASE=http://127.0.0.1:12111
    python examples/quickstart_async.py             # terminal 2
"""

from __future__ import annotations

import asyncio

from molam_sdk_ext import AsyncMolam, from_minor_units, to_minor_units


async def pay(molam: AsyncMolam, amount: str, currency: str, method: str) -> str:
    """Create and confirm one payment; return a line describing it."""
    intent = await molam.payment_intents.create(
        amount=to_minor_units(amount, currency), currency=currency, payment_method=method, confirm=True
    )
    return f"{intent.id}: {intent.status} ({from_minor_units(intent.amount, currency)} {currency})"


async def main() -> None:
    """Pay three times concurrently (one connection pool), then list everything with auto-pagination."""
    async with AsyncMolam() as molam:  # MOLAM_API_KEY and MOLAM_API_BASE come from the environment
        lines = await asyncio.gather(
            pay(molam, "15000", "XOF", "pm_orange_money"),
            pay(molam, "150.00", "GHS", "pm_card_visa"),
            pay(molam, "25000.00", "NGN", "pm_wave"),
        )
        for line in lines:
            print(f"payment {line}")
        count = 0
        async for _intent in await molam.payment_intents.list(limit=2):  # fetches pages of 2 as needed
            count += 1
        print(f"{count} payment intents in this account")


if __name__ == "__main__":
    asyncio.run(main())
