# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.capture_method import CaptureMethod
from ..models.metadata import Metadata
from ..types import UNSET, JsonFields, Unset


@_attrs_define
class CreatePaymentIntentRequest(JsonFields):
    """Parameters to create a payment intent.

    Attributes:
        amount (int): Amount to collect, in the currency's minor unit (15000 XOF is 15,000 F CFA; 2500000 NGN is
            25,000.00 naira).
        currency (str): Three-letter ISO 4217 currency code, upper case.
        capture_method (CaptureMethod | Unset): `automatic` captures on success; `manual` only authorises until you call
            `capture`.
        payment_method (str | Unset): The id of the payment method (`pm_`) to attach.
        confirm (bool | Unset): Confirm immediately (requires `payment_method`). Default: False.
        customer_id (str | Unset): The customer paying.
        merchant_id (str | Unset): The connected merchant receiving the funds.
        description (str | Unset): Your description of the payment.
        metadata (Metadata | Unset): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most
            40 characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
        return_url (str | Unset): Where the customer returns after completing a redirect.
        cancel_url (str | Unset): Where the customer returns after abandoning a redirect.
    """

    amount: int
    currency: str
    capture_method: CaptureMethod | Unset = UNSET
    payment_method: str | Unset = UNSET
    confirm: bool | Unset = False
    customer_id: str | Unset = UNSET
    merchant_id: str | Unset = UNSET
    description: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    return_url: str | Unset = UNSET
    cancel_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "amount": "amount",
        "currency": "currency",
        "capture_method": "capture_method",
        "payment_method": "payment_method",
        "confirm": "confirm",
        "customer_id": "customer_id",
        "merchant_id": "merchant_id",
        "description": "description",
        "metadata": "metadata",
        "return_url": "return_url",
        "cancel_url": "cancel_url",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        amount = self.amount

        currency = self.currency

        capture_method: str | Unset = UNSET
        if not isinstance(self.capture_method, Unset):
            capture_method = self.capture_method.value

        payment_method = self.payment_method

        confirm = self.confirm

        customer_id = self.customer_id

        merchant_id = self.merchant_id

        description = self.description

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        return_url = self.return_url

        cancel_url = self.cancel_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
            }
        )
        if capture_method is not UNSET:
            field_dict["capture_method"] = capture_method
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method
        if confirm is not UNSET:
            field_dict["confirm"] = confirm
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if merchant_id is not UNSET:
            field_dict["merchant_id"] = merchant_id
        if description is not UNSET:
            field_dict["description"] = description
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if return_url is not UNSET:
            field_dict["return_url"] = return_url
        if cancel_url is not UNSET:
            field_dict["cancel_url"] = cancel_url

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
            amount = d.pop("amount")

            currency = d.pop("currency")

            _capture_method = d.pop("capture_method", UNSET)
            capture_method: CaptureMethod | Unset
            capture_method = UNSET if isinstance(_capture_method, Unset) else CaptureMethod(_capture_method)

            payment_method = d.pop("payment_method", UNSET)

            confirm = d.pop("confirm", UNSET)

            customer_id = d.pop("customer_id", UNSET)

            merchant_id = d.pop("merchant_id", UNSET)

            description = d.pop("description", UNSET)

            _metadata = d.pop("metadata", UNSET)
            metadata: Metadata | Unset
            metadata = UNSET if isinstance(_metadata, Unset) else Metadata.from_dict(_metadata)

            return_url = d.pop("return_url", UNSET)

            cancel_url = d.pop("cancel_url", UNSET)

        except KeyError as missing:
            raise MissingFieldError("CreatePaymentIntentRequest", str(missing.args[0])) from None

        create_payment_intent_request = cls(
            amount=amount,
            currency=currency,
            capture_method=capture_method,
            payment_method=payment_method,
            confirm=confirm,
            customer_id=customer_id,
            merchant_id=merchant_id,
            description=description,
            metadata=metadata,
            return_url=return_url,
            cancel_url=cancel_url,
        )

        create_payment_intent_request.additional_properties = d
        return create_payment_intent_request

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
