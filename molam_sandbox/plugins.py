"""The business plug-ins: which operations do more than the engine's conventions, and what they call.

Each entry ties one operationId to a rule of the simulated world (the payment intent state machine, refunds
capped at what was captured, transfers that never overdraw, payouts holding funds, onboarding review, webhook
secrets). Every other operation of the spec, including ones added later, is served by the engine alone.
"""

from __future__ import annotations

from typing import Any

from molam_sandbox import onboarding, payments, payouts, wallets, webhook_endpoints
from molam_sandbox.engine import Call, Plugins

__all__ = ["PLUGINS"]

Doc = dict[str, Any]

PLUGINS = Plugins()
"""The sandbox's plug-ins, registered below."""

_write, _read = PLUGINS.write, PLUGINS.read


def _id(call: Call) -> str:
    assert call.id is not None  # operations on an object always have one (the engine checked it)
    return call.id


# -- Connect: the payment intent state machine, charges and capped refunds -----------------------------------


@_write("create_payment_intent")
def _create_payment_intent(c: Call) -> Doc:
    return payments.create_payment_intent(c.tx, c.account, c.params, c.env)


@_write("update_payment_intent")
def _update_payment_intent(c: Call) -> Doc:
    return payments.update_payment_intent(c.tx, c.account, _id(c), c.params, c.env)


@_write("confirm_payment_intent")
def _confirm_payment_intent(c: Call) -> Doc:
    return payments.confirm_payment_intent(c.tx, c.account, _id(c), c.params, c.env)


@_write("capture_payment_intent")
def _capture_payment_intent(c: Call) -> Doc:
    return payments.capture_payment_intent(c.tx, c.account, _id(c), c.params, c.env)


@_write("cancel_payment_intent")
def _cancel_payment_intent(c: Call) -> Doc:
    return payments.cancel_payment_intent(c.tx, c.account, _id(c), c.params, c.env)


@_write("refund_charge")
def _refund_charge(c: Call) -> Doc:
    return payments.refund_charge(c.tx, c.account, _id(c), c.params, c.env)


@_write("create_refund")
def _create_refund(c: Call) -> Doc:
    return payments.create_refund(c.tx, c.account, c.params, c.env)


# -- Ma: wallets never go negative ---------------------------------------------------------------------------


@_read("retrieve_wallet_balance")
def _wallet_balance(c: Call) -> Doc:
    return wallets.wallet_balance(c.tx, c.account, _id(c))


@_write("create_transfer")
def _create_transfer(c: Call) -> Doc:
    return wallets.create_transfer(c.tx, c.account, c.params, c.env)



# -- Treasury: payouts hold their funds until paid, failed or canceled ---------------------------------------


@_write("create_payout")
def _create_payout(c: Call) -> Doc:
    return payouts.create_payout(c.tx, c.account, c.params, c.env)


@_write("cancel_payout")
def _cancel_payout(c: Call) -> Doc:
    return payouts.cancel_payout(c.tx, c.account, _id(c), c.env)


@_read("retrieve_balance")
def _balance(c: Call) -> Doc:
    return payouts.retrieve_balance(c.tx, c.account)


# -- Merchants: onboarding review ----------------------------------------------------------------------------


@_write("create_merchant_onboarding")
def _create_onboarding(c: Call) -> Doc:
    return onboarding.create_onboarding(c.tx, c.account, c.params, c.env)


# -- Webhook endpoints: loopback targets, secrets shown once, rotation with a grace period --------------------


@_write("create_webhook_endpoint")
def _create_endpoint(c: Call) -> Doc:
    return webhook_endpoints.create_endpoint(c.tx, c.account, c.params, c.env)


@_write("update_webhook_endpoint")
def _update_endpoint(c: Call) -> Doc:
    return webhook_endpoints.update_endpoint(c.tx, c.account, _id(c), c.params, c.env)


@_write("delete_webhook_endpoint")
def _delete_endpoint(c: Call) -> Doc:
    return webhook_endpoints.delete_endpoint(c.tx, c.account, _id(c))


@_write("rotate_webhook_endpoint_secret")
def _rotate_secret(c: Call) -> Doc:
    return webhook_endpoints.rotate_secret(c.tx, c.account, _id(c), c.params, c.env)
