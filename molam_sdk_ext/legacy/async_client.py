"""`MolamAsyncClient`: SDK A's asynchronous client, forwarding every call to an `AsyncMolam`.

::

    async with MolamAsyncClient(Config(api_key="sk_test_...")) as client:
        payment = await client.create_payment_intent(amount=2500, currency="USD")

The same call shapes as `MolamClient` (the configuration class selects SDK A's or SDK B's), each method a
coroutine; the same plans (`molam_sdk_ext.legacy.calls`) decide what each call sends.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from molam_sdk.models import MerchantOnboarding, PaymentIntent, PaymentIntentList, Payout, Refund

from ..client import AsyncMolam
from ..closing import AsyncClosing
from .base import LegacyClientBase
from .calls import Plan
from .exceptions import legacy_errors

__all__ = ["MolamAsyncClient"]

T = TypeVar("T")


class MolamAsyncClient(LegacyClientBase, AsyncClosing):
    """SDK A's ``MolamAsyncClient`` (and SDK B's shapes, with a `ClientConfig`): every method is a coroutine.

    Results are the modern models: attributes (``intent.id``) as SDK B's, and read like dicts
    (``intent["id"]``, ``page["data"]``) as SDK A's. Amounts in results are integer minor units.
    """

    _modern = AsyncMolam
    _molam: AsyncMolam
    _await = "await "

    @property
    def molam(self) -> AsyncMolam:
        """The modern client every call goes through (same pool, breaker and hooks)."""
        return self._molam

    async def _run(self, plan: Plan, result: type[T]) -> T:
        with legacy_errors():
            try:
                call = next(plan)
                while True:
                    method = getattr(getattr(self._molam, call.resource), call.method)
                    call = plan.send(await method(*call.args, **call.kwargs))
            except StopIteration as done:
                return cast(T, done.value)

    async def _call(
        self, method: str, args: tuple[Any, ...], kwargs: Mapping[str, Any], result: type[T]
    ) -> T:
        return await self._run(self._plan(method, args, kwargs), result)

    async def create_payment_intent(self, *args: Any, **kwargs: Any) -> PaymentIntent:
        """SDK A: ``(amount, currency=None, customer_id=None, merchant_id=None, description=None,
        metadata=None, capture=None, return_url=None, cancel_url=None, idempotency_key=None)``, amount in minor
        units; SDK B: ``(PaymentIntentCreate(...), idempotency_key=None)``. ``capture=False``: manual capture."""
        return await self._call("create_payment_intent", args, kwargs, PaymentIntent)

    async def retrieve_payment_intent(self, *args: Any, **kwargs: Any) -> PaymentIntent:
        """``(payment_intent_id)``."""
        return await self._call("retrieve_payment_intent", args, kwargs, PaymentIntent)

    async def confirm_payment_intent(self, *args: Any, **kwargs: Any) -> PaymentIntent:
        """SDK A: ``(payment_intent_id, payment_method=None, idempotency_key=None)``; SDK B: ``(intent_id,
        idempotency_key=None, *, payment_method=None)``."""
        return await self._call("confirm_payment_intent", args, kwargs, PaymentIntent)

    async def cancel_payment_intent(self, *args: Any, **kwargs: Any) -> PaymentIntent:
        """``(payment_intent_id, idempotency_key=None)``."""
        return await self._call("cancel_payment_intent", args, kwargs, PaymentIntent)

    async def list_payment_intents(self, *args: Any, **kwargs: Any) -> PaymentIntentList:
        """``(limit=10, offset=0, customer_id=None, status=None, starting_after=None)``: one page, read like
        SDK A's dict (``page["data"]``, ``page["has_more"]``). Only ``offset=0``: the API pages by cursor."""
        return await self._call("list_payment_intents", args, kwargs, PaymentIntentList)

    async def create_refund(self, *args: Any, **kwargs: Any) -> Refund:
        """SDK A: ``(charge_id, amount=None, reason=None, metadata=None, idempotency_key=None)``; SDK B:
        ``(RefundCreate(...), idempotency_key=None)``."""
        return await self._call("create_refund", args, kwargs, Refund)

    async def retrieve_refund(self, *args: Any, **kwargs: Any) -> Refund:
        """``(refund_id)``."""
        return await self._call("retrieve_refund", args, kwargs, Refund)

    async def create_payout(self, *args: Any, **kwargs: Any) -> Payout:
        """SDK A: ``(origin_module, origin_entity_id, amount, currency, beneficiary, metadata=None,
        idempotency_key=None)``, amount in minor units; SDK B: ``(PayoutCreate(...), idempotency_key=None)``."""
        return await self._call("create_payout", args, kwargs, Payout)

    async def retrieve_payout(self, *args: Any, **kwargs: Any) -> Payout:
        """``(payout_id)``."""
        return await self._call("retrieve_payout", args, kwargs, Payout)

    async def create_merchant_onboarding(self, *args: Any, **kwargs: Any) -> MerchantOnboarding:
        """SDK B: ``(MerchantOnboardingCreate(...), idempotency_key=None)``."""
        return await self._call("create_merchant_onboarding", args, kwargs, MerchantOnboarding)

    async def close(self) -> None:
        """Close the connection pool."""
        await self._molam.close()
