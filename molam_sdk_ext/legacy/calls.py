"""What each legacy entry point means in the modern API: one decision, shared by the sync and async clients.

A legacy call becomes a *plan*: a generator that yields the modern calls to make (`Call`: a resource, a
method, arguments), receives each one's result, and returns what the legacy method returns. The plans do no
I/O; `MolamClient` runs them against a `Molam`, `MolamAsyncClient` against an `AsyncMolam`, so both make the
same requests with the same idempotency keys, retries and errors. Almost every plan is one call; SDK B's
refund in major units without a currency is two (the payment intent is retrieved to learn its currency).

The configuration class selects the call shapes: a client made with `Config` takes SDK A's arguments
(keywords, minor-unit ints, ``payment_method`` second when confirming), one made with `ClientConfig` takes
SDK B's (a request model first, the idempotency key second). An entry point only one SDK had takes that
SDK's shape on either client.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Generator, Mapping
from typing import Any, TypeAlias

import attrs

from molam_sdk.models import PaymentIntent, PaymentIntentList, Refund

from ..money import normalise_currency
from .amounts import major_to_minor, minor_units
from .exceptions import LegacyArgumentError, ValidationError, legacy_errors
from .models import MerchantOnboardingCreate, PaymentIntentCreate, PayoutCreate, RefundCreate

__all__ = ["ENTRY_POINTS", "Call", "Defaults", "EntryPoint", "Plan", "plan_for"]


@attrs.frozen
class Call:
    """One modern call: ``molam.<resource>.<method>(*args, **kwargs)``."""

    resource: str
    method: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = attrs.field(factory=dict)


Plan: TypeAlias = Generator[Call, Any, Any]
"""Yields `Call`s, is sent each one's result, returns the legacy method's result."""


@attrs.frozen
class Defaults:
    """What the plans need from the legacy configuration."""

    default_currency: str
    webhook_secret: str | None = attrs.field(default=None, repr=False)


def _given(**fields: Any) -> dict[str, Any]:
    """The fields that were given (SDK A and B left None out of the body)."""
    return {name: value for name, value in fields.items() if value is not None}


def _currency(value: object) -> str:
    with legacy_errors():
        return normalise_currency(value)  # type: ignore[arg-type]  # any type: refused there with a message


def _capture_method(capture: object) -> dict[str, str]:
    """SDK A/B's ``capture`` flag: False -> manual capture, True -> automatic, None -> the API's default."""
    if capture is None:
        return {}
    if not isinstance(capture, bool):
        raise ValidationError("capture must be True, False or None.", param="capture")
    return {"capture_method": "automatic" if capture else "manual"}


def _model(value: object, cls: type[Any], method: str) -> None:
    if not isinstance(value, cls):
        raise LegacyArgumentError(
            f"{method}() on a client made with ClientConfig (SDK B) takes a {cls.__name__} first, "
            f"not {type(value).__name__}.",
            param="payload",
        )


def _keyed(resource: str, method: str, args: tuple[Any, ...], key: str | None, **fields: Any) -> Call:
    """A call that may carry the caller's idempotency key (None: the SDK makes one), after `fields`."""
    return Call(resource, method, args, {**fields, "idempotency_key": key})


def _one_call(describe: Callable[..., Call]) -> Callable[..., Plan]:
    """The plan of a legacy method that is one modern call: make the call `describe` returns, return its result.

    The plan keeps `describe`'s signature (`plan_for` binds the caller's arguments against it).
    """

    @functools.wraps(describe)
    def plan(*args: Any, **kwargs: Any) -> Plan:
        return (yield describe(*args, **kwargs))

    return plan


_INTENT_FIELDS = (
    "customer_id",
    "merchant_id",
    "description",
    "metadata",
    "return_url",
    "cancel_url",
    "payment_method",
)
"""The optional fields of a new payment intent both SDKs pass through as they are (`payment_method`: not
in SDK B's API, an addition of its `PaymentIntentCreate` here)."""


def _create_intent(
    amount: int, currency: str, capture: object, key: str | None, fields: Mapping[str, Any]
) -> Call:
    """Both SDKs' new payment intent: `capture` -> its capture method, optional `fields` only when given."""
    return _keyed(
        "payment_intents",
        "create",
        (),
        key,
        amount=amount,
        currency=currency,
        **_capture_method(capture),
        **_given(**fields),
    )


# --- SDK A: keyword arguments, amounts in minor units, results read like dicts ---------------------------------


@_one_call
def create_payment_intent_a(
    defaults: Defaults,
    amount: object,
    currency: str | None = None,
    customer_id: str | None = None,
    merchant_id: str | None = None,
    description: str | None = None,
    metadata: Mapping[str, str] | None = None,
    capture: bool | None = None,
    return_url: str | None = None,
    cancel_url: str | None = None,
    idempotency_key: str | None = None,
    payment_method: str | None = None,
) -> Call:
    """SDK A's ``create_payment_intent``; `currency` defaults to `Config.default_currency`."""
    if isinstance(amount, PaymentIntentCreate):
        raise LegacyArgumentError(
            "create_payment_intent() on a client made with Config (SDK A) takes keyword arguments; make the "
            "client with ClientConfig (SDK B) to pass a PaymentIntentCreate.",
            param="payload",
        )
    fields = {
        "customer_id": customer_id,
        "merchant_id": merchant_id,
        "description": description,
        "metadata": metadata,
        "return_url": return_url,
        "cancel_url": cancel_url,
        "payment_method": payment_method,
    }
    minor = minor_units(amount)  # checked before the currency, as SDK A did
    return _create_intent(
        minor, _currency(currency or defaults.default_currency), capture, idempotency_key, fields
    )


@_one_call
def retrieve_payment_intent(defaults: Defaults, payment_intent_id: str) -> Call:
    """Both SDKs' ``retrieve_payment_intent``."""
    return Call("payment_intents", "retrieve", (payment_intent_id,))


@_one_call
def confirm_payment_intent_a(
    defaults: Defaults,
    payment_intent_id: str,
    payment_method: str | None = None,
    idempotency_key: str | None = None,
) -> Call:
    """SDK A's ``confirm_payment_intent(payment_intent_id, payment_method=None, idempotency_key=None)``."""
    method = _given(payment_method=payment_method)
    return _keyed("payment_intents", "confirm", (payment_intent_id,), idempotency_key, **method)


@_one_call
def cancel_payment_intent(
    defaults: Defaults, payment_intent_id: str, idempotency_key: str | None = None
) -> Call:
    """Both SDKs' ``cancel_payment_intent(id, idempotency_key=None)``."""
    return _keyed("payment_intents", "cancel", (payment_intent_id,), idempotency_key)


def list_payment_intents(
    defaults: Defaults,
    limit: int = 10,
    offset: int = 0,
    customer_id: str | None = None,
    status: str | None = None,
    starting_after: str | None = None,
) -> Plan:
    """SDK A's ``list_payment_intents``: one page, read like the dict SDK A returned (``page["data"]``).

    The API pages by cursor, not by offset: ``offset=0`` (SDK A's default) is the first page; any other
    offset is refused rather than answered with the wrong page. `starting_after` (an id) is the way on.
    """
    if isinstance(offset, bool) or not isinstance(offset, int) or offset != 0:
        raise ValidationError(
            f"offset={offset!r} has no equivalent: the API pages by cursor, not by position. Pass "
            "starting_after=<the id of the last payment intent of the previous page> (or its next_cursor), "
            "or iterate molam.payment_intents.list(...), which walks every page for you.",
            param="offset",
        )
    page = yield Call(
        "payment_intents",
        "list",
        kwargs=_given(limit=limit, customer_id=customer_id, status=status, starting_after=starting_after),
    )
    envelope: PaymentIntentList = page.envelope
    return envelope


@_one_call
def create_refund_a(
    defaults: Defaults,
    charge_id: str,
    amount: int | None = None,
    reason: str | None = None,
    metadata: Mapping[str, str] | None = None,
    idempotency_key: str | None = None,
) -> Call:
    """SDK A's ``create_refund(charge_id, amount=None, ...)``: a refund of the charge (all of it without
    `amount`)."""
    minor = None if amount is None else minor_units(amount)
    fields = _given(amount=minor, reason=reason, metadata=metadata)
    return _keyed("charges", "refund", (charge_id,), idempotency_key, **fields)


@_one_call
def retrieve_refund(defaults: Defaults, refund_id: str) -> Call:
    """Both SDKs' ``retrieve_refund``."""
    return Call("refunds", "retrieve", (refund_id,))


@_one_call
def create_payout_a(
    defaults: Defaults,
    origin_module: str,
    origin_entity_id: str,
    amount: int,
    currency: str,
    beneficiary: Mapping[str, Any],
    metadata: Mapping[str, str] | None = None,
    idempotency_key: str | None = None,
    description: str | None = None,
) -> Call:
    """SDK A's ``create_payout`` (amount in minor units; the beneficiary is the bank account or wallet)."""
    amount = minor_units(amount)
    return _create_payout(
        origin_module,
        origin_entity_id,
        amount,
        _currency(currency),
        beneficiary,
        idempotency_key,
        metadata=metadata,
        description=description,
    )


@_one_call
def retrieve_payout(defaults: Defaults, payout_id: str) -> Call:
    """Both SDKs' ``retrieve_payout``."""
    return Call("payouts", "retrieve", (payout_id,))


def _create_payout(
    module: str,
    entity: str,
    amount: int,
    currency: str,
    beneficiary: object,
    key: str | None,
    **optional: Any,
) -> Call:
    """Both SDKs' payout (SDK B's under /v1/treasury/payouts now), `optional` fields only when given."""
    return _keyed(
        "payouts",
        "create",
        (),
        key,
        origin_module=module,
        origin_entity_id=entity,
        amount=amount,
        currency=currency,
        beneficiary=beneficiary,
        **_given(**optional),
    )


# --- SDK B: a request model first, amounts in major units, results with attributes ----------------------------


@_one_call
def create_payment_intent_b(
    defaults: Defaults, payload: PaymentIntentCreate, idempotency_key: str | None = None
) -> Call:
    """SDK B's ``create_payment_intent(PaymentIntentCreate(...), idempotency_key=None)``."""
    _model(payload, PaymentIntentCreate, "create_payment_intent")
    fields = {name: getattr(payload, name) for name in _INTENT_FIELDS}
    return _create_intent(payload.minor_units, payload.currency, payload.capture, idempotency_key, fields)


@_one_call
def retrieve_payment_intent_b(defaults: Defaults, intent_id: str) -> Call:
    """SDK B's ``retrieve_payment_intent(intent_id)``."""
    return Call("payment_intents", "retrieve", (intent_id,))


@_one_call
def cancel_payment_intent_b(defaults: Defaults, intent_id: str, idempotency_key: str | None = None) -> Call:
    """SDK B's ``cancel_payment_intent(intent_id, idempotency_key=None)``."""
    return _keyed("payment_intents", "cancel", (intent_id,), idempotency_key)


@_one_call
def confirm_payment_intent_b(
    defaults: Defaults,
    intent_id: str,
    idempotency_key: str | None = None,
    *,
    payment_method: str | None = None,
) -> Call:
    """SDK B's ``confirm_payment_intent(intent_id, idempotency_key=None)``. The API needs a payment method
    to confirm with: one attached at creation, or `payment_method` here (SDK B had no such argument)."""
    method = _given(payment_method=payment_method)
    return _keyed("payment_intents", "confirm", (intent_id,), idempotency_key, **method)


def create_refund_b(defaults: Defaults, payload: RefundCreate, idempotency_key: str | None = None) -> Plan:
    """SDK B's ``create_refund(RefundCreate(...))``: a refund of the payment intent ``payload.payment_id``."""
    _model(payload, RefundCreate, "create_refund")
    amount = payload.minor_units
    if payload.amount is not None and amount is None:
        # A major-unit amount without its currency: the payment intent says which currency it is in.
        intent: PaymentIntent = yield Call("payment_intents", "retrieve", (payload.payment_id,))
        amount = major_to_minor(payload.amount, intent.currency)
    fields = _given(amount=amount, reason=payload.reason, metadata=payload.metadata)
    refund: Refund = yield _keyed(
        "refunds", "create", (), idempotency_key, payment_intent=payload.payment_id, **fields
    )
    return refund


@_one_call
def create_payout_b(defaults: Defaults, payload: PayoutCreate, idempotency_key: str | None = None) -> Call:
    """SDK B's ``create_payout(PayoutCreate(...))`` (now under /v1/treasury/payouts)."""
    _model(payload, PayoutCreate, "create_payout")
    p = payload
    return _create_payout(
        p.origin_module,
        p.origin_entity,
        p.minor_units,
        p.currency,
        p.beneficiary,
        idempotency_key,
        description=p.description,
        metadata=p.metadata,
    )


@_one_call
def create_merchant_onboarding(
    defaults: Defaults, payload: MerchantOnboardingCreate, idempotency_key: str | None = None
) -> Call:
    """SDK B's ``create_merchant_onboarding(MerchantOnboardingCreate(...))``."""
    _model(payload, MerchantOnboardingCreate, "create_merchant_onboarding")
    return _keyed(
        "merchant_onboarding",
        "create",
        (),
        idempotency_key,
        business_name=payload.business_name,
        country=payload.country,
        email=payload.email,
        business_type=payload.business_type,
        **_given(phone=payload.phone, metadata=payload.metadata),
    )


@attrs.frozen
class EntryPoint:
    """A legacy client method: its plan for each SDK's call shape, and the modern call that replaces it."""

    modern: str
    shapes: Mapping[str, Callable[..., Plan]]


ENTRY_POINTS: Mapping[str, EntryPoint] = {
    "create_payment_intent": EntryPoint(
        "molam.payment_intents.create(amount=<int minor units>, currency=..., capture_method='manual'|"
        "'automatic', idempotency_key=...)",
        {"a": create_payment_intent_a, "b": create_payment_intent_b},
    ),
    "retrieve_payment_intent": EntryPoint(
        "molam.payment_intents.retrieve(id)", {"a": retrieve_payment_intent, "b": retrieve_payment_intent_b}
    ),
    "confirm_payment_intent": EntryPoint(
        "molam.payment_intents.confirm(id, payment_method=...)",
        {"a": confirm_payment_intent_a, "b": confirm_payment_intent_b},
    ),
    "cancel_payment_intent": EntryPoint(
        "molam.payment_intents.cancel(id)", {"a": cancel_payment_intent, "b": cancel_payment_intent_b}
    ),
    "list_payment_intents": EntryPoint(
        "molam.payment_intents.list(limit=..., starting_after=..., customer_id=..., status=...)",
        {"a": list_payment_intents},
    ),
    "create_refund": EntryPoint(
        "molam.charges.refund(charge_id, amount=...) or molam.refunds.create(payment_intent=..., amount=...)",
        {"a": create_refund_a, "b": create_refund_b},
    ),
    "retrieve_refund": EntryPoint("molam.refunds.retrieve(id)", {"a": retrieve_refund}),
    "create_payout": EntryPoint(
        "molam.payouts.create(origin_module=..., origin_entity_id=..., amount=<int minor units>, currency=..., "
        "beneficiary={...})",
        {"a": create_payout_a, "b": create_payout_b},
    ),
    "retrieve_payout": EntryPoint("molam.payouts.retrieve(id)", {"a": retrieve_payout}),
    "create_merchant_onboarding": EntryPoint(
        "molam.merchant_onboarding.create(business_name=..., country=..., email=..., business_type=...)",
        {"b": create_merchant_onboarding},
    ),
}
"""Every legacy client method, by name."""


@functools.cache
def _signature(shape: Callable[..., Plan]) -> inspect.Signature:
    return inspect.signature(shape)


def plan_for(
    method: str, flavour: str, defaults: Defaults, args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> Plan:
    """The plan of legacy `method` called with `args` / `kwargs` on a client of `flavour` (``"a"``/``"b"``).

    Arguments that fit neither call shape raise `LegacyArgumentError` (a `ValidationError` and `TypeError`).
    """
    shapes = ENTRY_POINTS[method].shapes
    shape = shapes.get(flavour) or next(iter(shapes.values()))
    try:
        _signature(shape).bind(defaults, *args, **kwargs)
    except TypeError as exc:
        sdk = "SDK A (Config)" if flavour == "a" else "SDK B (ClientConfig)"
        raise LegacyArgumentError(f"{method}() with the call shape of {sdk}: {exc}.") from None
    return shape(defaults, *args, **kwargs)
