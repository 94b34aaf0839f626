# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.cancellation_reason import CancellationReason
from ..models.capture_method import CaptureMethod
from ..models.last_payment_error import LastPaymentError
from ..models.metadata import Metadata
from ..models.payment_intent_status import PaymentIntentStatus
from ..types import JsonFields, redacted_repr


@_attrs_define
class PaymentIntent(JsonFields):
    """A payment from a customer, tracked from creation to success or failure.

    Attributes:
        id (str): Unique identifier, prefixed `pi_`.
        object (Literal['payment_intent']): Always `payment_intent`.
        amount (int): Amount to collect, in the currency's minor unit (15000 XOF is 15,000 F CFA; 2500000 NGN is
            25,000.00 naira).
        amount_received (int): Amount collected so far, in the currency's minor unit.
        currency (str): Three-letter ISO 4217 currency code, upper case.
        status (PaymentIntentStatus): Where a payment intent is in its life: `requires_payment_method` ->
            `requires_confirmation` ->
            (`requires_action`) -> `processing` -> (`requires_capture`) -> `succeeded`; or `canceled` / `failed`.
        capture_method (CaptureMethod): `automatic` captures on success; `manual` only authorises until you call
            `capture`.
        payment_method (None | str): The id of the payment method (`pm_`) to charge, once one is attached.
        customer_id (None | str): The customer paying, if known.
        merchant_id (None | str): The connected merchant receiving the funds, when you act on behalf of one.
        description (None | str): Your description of the payment, shown to the customer on receipts.
        metadata (Metadata): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40
            characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
        return_url (None | str): Where the customer returns after completing a redirect.
        cancel_url (None | str): Where the customer returns after abandoning a redirect.
        redirect_url (None | str): Where to send the customer while the payment waits for them, null otherwise: Molam
            Checkout, the
            hosted page where the customer chooses a payment method (`requires_payment_method`, and
            `requires_action` after a confirm without a payment method), or the step the customer must complete
            (`requires_action`, for example 3-D Secure). The URL holds an unguessable token, different from
            `client_secret`, that lets the customer's browser see and pay this one intent without an API key:
            treat it like a secret link. The customer comes back to `return_url` (or `cancel_url`) with
            `?payment_intent=<id>` added.
        client_secret (None | str): Secret for client-side confirmation; do not log or store it.
        latest_charge (None | str): The id of the latest charge (`ch_`).
        last_payment_error (LastPaymentError | None): Why the last payment attempt failed, if it did.
        cancellation_reason (CancellationReason | None): Why the payment intent was canceled, when `status` is
            `canceled`.
        created (int): Creation time, Unix seconds.
        livemode (bool): `true` for production objects, `false` for sandbox objects.
    """

    id: str
    object: Literal["payment_intent"]
    amount: int
    amount_received: int
    currency: str
    status: PaymentIntentStatus
    capture_method: CaptureMethod
    payment_method: str | None
    customer_id: str | None
    merchant_id: str | None
    description: str | None
    metadata: Metadata
    return_url: str | None
    cancel_url: str | None
    redirect_url: str | None
    client_secret: str | None
    latest_charge: str | None
    last_payment_error: LastPaymentError | None
    cancellation_reason: CancellationReason | None
    created: int
    livemode: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "id": "id",
        "object": "object",
        "amount": "amount",
        "amount_received": "amount_received",
        "currency": "currency",
        "status": "status",
        "capture_method": "capture_method",
        "payment_method": "payment_method",
        "customer_id": "customer_id",
        "merchant_id": "merchant_id",
        "description": "description",
        "metadata": "metadata",
        "return_url": "return_url",
        "cancel_url": "cancel_url",
        "redirect_url": "redirect_url",
        "client_secret": "client_secret",
        "latest_charge": "latest_charge",
        "last_payment_error": "last_payment_error",
        "cancellation_reason": "cancellation_reason",
        "created": "created",
        "livemode": "livemode",
    }

    def __repr__(self) -> str:
        """The fields, with client_secret shown as '***' (never logged)."""
        return redacted_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        id = self.id

        object = self.object

        amount = self.amount

        amount_received = self.amount_received

        currency = self.currency

        status = self.status.value

        capture_method = self.capture_method.value

        payment_method: str | None
        payment_method = self.payment_method

        customer_id: str | None
        customer_id = self.customer_id

        merchant_id: str | None
        merchant_id = self.merchant_id

        description: str | None
        description = self.description

        metadata = self.metadata.to_dict()

        return_url: str | None
        return_url = self.return_url

        cancel_url: str | None
        cancel_url = self.cancel_url

        redirect_url: str | None
        redirect_url = self.redirect_url

        client_secret: str | None
        client_secret = self.client_secret

        latest_charge: str | None
        latest_charge = self.latest_charge

        last_payment_error: dict[str, Any] | None
        if isinstance(self.last_payment_error, LastPaymentError):
            last_payment_error = self.last_payment_error.to_dict()
        else:
            last_payment_error = self.last_payment_error

        cancellation_reason: str | None
        if isinstance(self.cancellation_reason, CancellationReason):
            cancellation_reason = self.cancellation_reason.value
        else:
            cancellation_reason = self.cancellation_reason

        created = self.created

        livemode = self.livemode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object,
                "amount": amount,
                "amount_received": amount_received,
                "currency": currency,
                "status": status,
                "capture_method": capture_method,
                "payment_method": payment_method,
                "customer_id": customer_id,
                "merchant_id": merchant_id,
                "description": description,
                "metadata": metadata,
                "return_url": return_url,
                "cancel_url": cancel_url,
                "redirect_url": redirect_url,
                "client_secret": client_secret,
                "latest_charge": latest_charge,
                "last_payment_error": last_payment_error,
                "cancellation_reason": cancellation_reason,
                "created": created,
                "livemode": livemode,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse decoded JSON leniently: unknown fields land in `additional_properties`, unknown enum values
        become pseudo-members, and a missing required field raises `MissingFieldError` naming the model and
        the field.
        """
        d = dict(src_dict)
        # Required fields are popped plainly: the only KeyError in this block is a missing one (nested models
        # raise MissingFieldError themselves), reported once below instead of a check per field.
        try:
            id = d.pop("id")

            object: Literal["payment_intent"] = d.pop("object")
            if object != "payment_intent":
                raise ValueError(f"object must match const 'payment_intent', got '{object}'")

            amount = d.pop("amount")

            amount_received = d.pop("amount_received")

            currency = d.pop("currency")

            status = PaymentIntentStatus(d.pop("status"))

            capture_method = CaptureMethod(d.pop("capture_method"))

            payment_method: str | None = d.pop("payment_method")

            customer_id: str | None = d.pop("customer_id")

            merchant_id: str | None = d.pop("merchant_id")

            description: str | None = d.pop("description")

            metadata = Metadata.from_dict(d.pop("metadata"))

            return_url: str | None = d.pop("return_url")

            cancel_url: str | None = d.pop("cancel_url")

            redirect_url: str | None = d.pop("redirect_url")

            client_secret: str | None = d.pop("client_secret")

            latest_charge: str | None = d.pop("latest_charge")

            def _parse_last_payment_error(data: Any) -> LastPaymentError | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    last_payment_error_type_0 = LastPaymentError.from_dict(data)

                    return last_payment_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(LastPaymentError | None, data)

            last_payment_error = _parse_last_payment_error(d.pop("last_payment_error"))

            def _parse_cancellation_reason(data: Any) -> CancellationReason | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    cancellation_reason_type_0 = CancellationReason(data)

                    return cancellation_reason_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(CancellationReason | None, data)

            cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason"))

            created = d.pop("created")

            livemode = d.pop("livemode")

        except KeyError as missing:
            raise MissingFieldError("PaymentIntent", str(missing.args[0])) from None

        payment_intent = cls(
            id=id,
            object=object,
            amount=amount,
            amount_received=amount_received,
            currency=currency,
            status=status,
            capture_method=capture_method,
            payment_method=payment_method,
            customer_id=customer_id,
            merchant_id=merchant_id,
            description=description,
            metadata=metadata,
            return_url=return_url,
            cancel_url=cancel_url,
            redirect_url=redirect_url,
            client_secret=client_secret,
            latest_charge=latest_charge,
            last_payment_error=last_payment_error,
            cancellation_reason=cancellation_reason,
            created=created,
            livemode=livemode,
        )

        payment_intent.additional_properties = d
        return payment_intent

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
