"""`MolamClient`: the earlier SDKs' synchronous client, forwarding every call to a `Molam`.

::

    client = MolamClient(Config(api_key="sk_test_..."))                       # SDK A's call shapes
    payment = client.create_payment_intent(amount=2500, currency="USD", capture=False)
    payment["id"], payment.id                                                  # both work

    client = MolamClient(ClientConfig(api_key=..., mtls_cert=..., mtls_key=...))   # SDK B's call shapes
    intent = client.create_payment_intent(PaymentIntentCreate(amount=100.50, currency="USD"),
                                          idempotency_key="order-123")

Same transport stack, idempotency keys, retries, circuit breaker and errors as `Molam` (errors arrive as
classes that are both the real one and the legacy one: `molam_sdk_ext.legacy.exceptions`). `molam` is the
modern client behind it, for moving call sites over one at a time. Each method warns once
(`DeprecationWarning`) naming its modern replacement.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from molam_sdk.models import MerchantOnboarding, PaymentIntent, PaymentIntentList, Payout, Refund

from ..client import Molam
from ..closing import Closing
from .base import LegacyClientBase
from .calls import Plan
from .exceptions import legacy_errors

__all__ = ["MolamClient"]

T = TypeVar("T")


class MolamClient(LegacyClientBase, Closing):
    """SDK A's and SDK B's ``MolamClient``: `config` (a `Config` or a `ClientConfig`) selects the call shapes.

    Results are the modern models: attributes (``intent.id``) as SDK B's, and read like dicts
    (``intent["id"]``, ``page["data"]``) as SDK A's. Amounts in results are integer minor units.
    """

    _molam: Molam

    @property
    def molam(self) -> Molam:
        """The modern client every call goes through (same pool, breaker and hooks)."""
        return self._molam

    def _run(self, plan: Plan, result: type[T]) -> T:
        with legacy_errors():
            try:
                call = next(plan)
                while True:
                    method = getattr(getattr(self._molam, call.resource), call.method)
                    call = plan.send(method(*call.args, **call.kwargs))
            except StopIteration as done:
                return cast(T, done.value)

    def _call(self, method: str, args: tuple[Any, ...], kwargs: Mapping[str, Any], result: type[T]) -> T:
        return self._run(self._plan(method, args, kwargs), result)

    def create_payment_intent(self, *args: Any, **kwargs: Any) -> PaymentIntent:
        """SDK A: ``(amount, currency=None, customer_id=None, merchant_id=None, description=None,
        metadata=None, capture=None, return_url=None, cancel_url=None, idempotency_key=None)``, amount in minor
        units; SDK B: ``(PaymentIntentCreate(...), idempotency_key=None)``. ``capture=False``: manual capture."""
        return self._call("create_payment_intent", args, kwargs, PaymentIntent)

    def retrieve_payment_intent(self, *args: Any, **kwargs: Any) -> PaymentIntent:
        """``(payment_intent_id)``."""
        return self._call("retrieve_payment_intent", args, kwargs, PaymentIntent)

    def confirm_payment_intent(self, *args: Any, **kwargs: Any) -> PaymentIntent:
        """SDK A: ``(payment_intent_id, payment_method=None, idempotency_key=None)``; SDK B: ``(intent_id,
        idempotency_key=None, *, payment_method=None)``."""
        return self._call("confirm_payment_intent", args, kwargs, PaymentIntent)

    def cancel_payment_intent(self, *args: Any, **kwargs: Any) -> PaymentIntent:
        """``(payment_intent_id, idempotency_key=None)``."""
        return self._call("cancel_payment_intent", args, kwargs, PaymentIntent)

    def list_payment_intents(self, *args: Any, **kwargs: Any) -> PaymentIntentList:
        """``(limit=10, offset=0, customer_id=None, status=None, starting_after=None)``: one page, read like
        SDK A's dict (``page["data"]``, ``page["has_more"]``). Only ``offset=0``: the API pages by cursor."""
        return self._call("list_payment_intents", args, kwargs, PaymentIntentList)

    def create_refund(self, *args: Any, **kwargs: Any) -> Refund:
        """SDK A: ``(charge_id, amount=None, reason=None, metadata=None, idempotency_key=None)``; SDK B:
        ``(RefundCreate(...), idempotency_key=None)``."""
        return self._call("create_refund", args, kwargs, Refund)

    def retrieve_refund(self, *args: Any, **kwargs: Any) -> Refund:
        """``(refund_id)``."""
        return self._call("retrieve_refund", args, kwargs, Refund)

    def create_payout(self, *args: Any, **kwargs: Any) -> Payout:
        """SDK A: ``(origin_module, origin_entity_id, amount, currency, beneficiary, metadata=None,
        idempotency_key=None)``, amount in minor units; SDK B: ``(PayoutCreate(...), idempotency_key=None)``."""
        return self._call("create_payout", args, kwargs, Payout)

    def retrieve_payout(self, *args: Any, **kwargs: Any) -> Payout:
        """``(payout_id)``."""
        return self._call("retrieve_payout", args, kwargs, Payout)

    def create_merchant_onboarding(self, *args: Any, **kwargs: Any) -> MerchantOnboarding:
        """SDK B: ``(MerchantOnboardingCreate(...), idempotency_key=None)``."""
        return self._call("create_merchant_onboarding", args, kwargs, MerchantOnboarding)

    def close(self) -> None:
        """Close the connection pool."""
        self._molam.close()
