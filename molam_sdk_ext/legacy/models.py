"""SDK B's request models (its pydantic ``*Create`` classes), checked when made, amounts in major units.

Each is built with keyword arguments, as SDK B's were, and checked at once: the amount is converted to the
API's integer minor units (`minor_units`) with `molam_sdk_ext.legacy.amounts.major_to_minor`, so an amount
that is not exact in the currency's minor unit (``100.555`` USD) fails here, before any call. What the
modern API has no place for is refused with a `ValidationError` saying what to do instead, never dropped:
``payment_methods`` (confirm with one ``payment_method`` instead) and a beneficiary given as an account id
(the API takes the beneficiary itself). ``ClientConfig`` lived in SDK B's ``models`` module and is
re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from .amounts import major_amount, major_to_minor
from .config import ClientConfig
from .deprecation import warn_once
from .exceptions import ValidationError, legacy_errors

__all__ = ["ClientConfig", "MerchantOnboardingCreate", "PaymentIntentCreate", "PayoutCreate", "RefundCreate"]

Amount = float | int | Decimal | str
"""A major-unit amount as SDK B took it (a float most of the time)."""

# warn_once -> __attrs_post_init__ -> the attrs-generated __init__ -> the caller.
_STACKLEVEL = 4


def _currency(value: object) -> str:
    from ..money import normalise_currency

    with legacy_errors():
        return normalise_currency(value)  # type: ignore[arg-type]  # checked there, any type


@attrs.define(kw_only=True)
class PaymentIntentCreate:
    """SDK B's payment intent request: ``PaymentIntentCreate(amount=100.50, currency="USD")``.

    ``capture=False`` asks for manual capture (``capture_method="manual"``), ``True`` for automatic; left
    out, the API's default (automatic) applies. `payment_method` (not in SDK B) attaches the payment method
    that `confirm_payment_intent(intent.id)` then confirms with. `minor_units` is the amount the API receives.
    """

    amount: Amount
    currency: str
    capture: bool | None = None
    customer_id: str | None = None
    merchant_id: str | None = None
    description: str | None = None
    metadata: dict[str, Any] | None = None
    return_url: str | None = None
    cancel_url: str | None = None
    payment_methods: list[str] | None = None
    payment_method: str | None = None
    minor_units: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        warn_once(
            "PaymentIntentCreate",
            "molam.payment_intents.create(amount=to_minor_units('100.50', 'USD'), currency='USD', ...)",
            stacklevel=_STACKLEVEL,
        )
        self.currency = _currency(self.currency)
        self.minor_units = major_to_minor(self.amount, self.currency)
        if self.payment_methods is not None:
            raise ValidationError(
                "payment_methods has no equivalent: the API takes one payment_method, given when "
                "confirming (confirm_payment_intent / molam.payment_intents.confirm(id, payment_method=...)).",
                param="payment_methods",
            )


@attrs.define(kw_only=True)
class RefundCreate:
    """SDK B's refund request: ``RefundCreate(payment_id="pi_...", amount=10.00, reason=...)``.

    Without `amount` the whole remaining amount is refunded. A major-unit `amount` needs the payment's
    currency: give `currency` (new, optional), or the client retrieves the payment intent once to learn it.
    """

    payment_id: str
    amount: Amount | None = None
    reason: str | None = None
    metadata: dict[str, Any] | None = None
    currency: str | None = None
    minor_units: int | None = attrs.field(init=False, default=None)

    def __attrs_post_init__(self) -> None:
        warn_once(
            "RefundCreate",
            "molam.refunds.create(payment_intent=..., amount=to_minor_units(..., currency), reason=...)",
            stacklevel=_STACKLEVEL,
        )
        if self.currency is not None:
            self.currency = _currency(self.currency)
            if self.amount is not None:
                self.minor_units = major_to_minor(self.amount, self.currency)
        elif self.amount is not None:
            major_amount(self.amount)  # a number now; exact in the currency once the client knows it
        if not isinstance(self.payment_id, str) or not self.payment_id:
            raise ValidationError("payment_id must be the payment intent's id (pi_...).", param="payment_id")


@attrs.define(kw_only=True)
class PayoutCreate:
    """SDK B's payout request: ``PayoutCreate(amount=500.00, currency="USD", beneficiary={...},
    origin_module="connect", origin_entity="merch_123")``.

    `beneficiary` must be the beneficiary itself (``{"type": "bank_account", "bank_code": ...,
    "account_number": ..., "account_holder": ...}`` or ``{"type": "mobile_money", "provider": ..., "msisdn":
    ..., "account_holder": ...}``); SDK B's beneficiary account id has no equivalent in the API.
    """

    amount: Amount
    currency: str
    beneficiary: Mapping[str, Any] | str
    origin_module: str
    origin_entity: str
    description: str | None = None
    metadata: dict[str, Any] | None = None
    minor_units: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        warn_once(
            "PayoutCreate",
            "molam.payouts.create(origin_module=..., origin_entity_id=..., amount=<minor units>, currency=..., "
            "beneficiary={...})",
            stacklevel=_STACKLEVEL,
        )
        self.currency = _currency(self.currency)
        self.minor_units = major_to_minor(self.amount, self.currency)
        if not isinstance(self.beneficiary, Mapping):
            raise ValidationError(
                "beneficiary must be the beneficiary itself, e.g. {'type': 'bank_account', 'bank_code': ..., "
                "'account_number': ..., 'account_holder': ...} or {'type': 'mobile_money', 'provider': ..., "
                "'msisdn': ..., 'account_holder': ...}: the API has no stored beneficiary ids.",
                param="beneficiary",
            )


@attrs.define(kw_only=True)
class MerchantOnboardingCreate:
    """SDK B's onboarding request: ``MerchantOnboardingCreate(business_name=..., business_type=...,
    country=..., currency=..., email=..., phone=...)``.

    `currency` is checked but not sent: the API settles in the country's currency and has no such field.
    """

    business_name: str
    business_type: str
    country: str
    currency: str
    email: str
    phone: str | None = None
    metadata: dict[str, Any] | None = None

    def __attrs_post_init__(self) -> None:
        warn_once(
            "MerchantOnboardingCreate",
            "molam.merchant_onboarding.create(business_name=..., country=..., email=..., business_type=...)",
            stacklevel=_STACKLEVEL,
        )
        self.currency = _currency(self.currency)
