"""Quickstart (sync): take a payment, refund part of it, and list recent payments.

Run it against the local sandbox (no account needed)::

    molam sandbox                                   # terminal 1 (or: python -m molam_sandbox)
    export MOLAM_API_KEY=sk_test_quickstart MOLAM_API_BASE=http://127.0.0.1:12111
    python examples/quickstart_sync.py              # terminal 2

Amounts are integers in the currency's minor unit; `to_minor_units` converts what a person types.
"""

from __future__ import annotations

import uuid

from molam_sdk_ext import Molam, PaymentError, from_minor_units, to_minor_units


def main() -> None:
    """Create and confirm a payment, refund 40.00 of it, then walk the five newest payments."""
    with Molam() as molam:  # MOLAM_API_KEY and MOLAM_API_BASE come from the environment
        order_id = uuid.uuid4().hex[:8]
        amount = to_minor_units("150.00", "GHS")  # 15000
        intent = molam.payment_intents.create(
            amount=amount,
            currency="GHS",
            payment_method="pm_card_visa",
            confirm=True,
            description=f"Order {order_id}",
            metadata={"order_id": order_id},
            idempotency_key=f"order-{order_id}",  # retrying this call can never charge twice
        )
        print(f"payment {intent.id}: {intent.status} ({from_minor_units(intent.amount, 'GHS')} GHS)")

        refund = molam.refunds.create(payment_intent=intent.id, amount=to_minor_units("40.00", "GHS"))
        print(f"refund {refund.id}: {refund.status} ({from_minor_units(refund.amount, 'GHS')} GHS)")

        try:
            molam.payment_intents.create(
                amount=amount, currency="GHS", payment_method="pm_card_declined", confirm=True
            )
        except PaymentError as exc:  # a decline: HTTP 402 with a code, and the request id for support
            print(f"declined as expected: {exc.code} (HTTP {exc.status}, request {exc.request_id})")

        for recent in molam.payment_intents.list(limit=2).auto_paging_iter(limit=5):  # pages of 2, 5 items
            print(
                f"  {recent.id} {recent.status} {from_minor_units(recent.amount, recent.currency)} {recent.currency}"
            )


if __name__ == "__main__":
    main()
