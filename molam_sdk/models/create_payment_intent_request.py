# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.capture_method import CaptureMethod
from ..models.metadata import Metadata
from ..types import UNSET, Unset


@_attrs_define
class CreatePaymentIntentRequest:
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

    # Read like the decoded JSON: `intent["id"]`, `"status" in intent`, `intent.get("metadata")`, for declared
    # fields (by their JSON name) and unknown ones alike. Attribute access stays the typed way; these look the
    # name up in `_json_fields` and never touch parsing. No `__len__`: a model with every optional field unset
    # must stay truthy.
    def __getitem__(self, key: str) -> Any:
        """The field named `key` in the JSON (declared or unknown); `KeyError` when the payload had none."""
        name = self._json_fields.get(key)
        if name is None:
            return self.additional_properties[key]
        value = getattr(self, name)
        if isinstance(value, Unset):
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        name = self._json_fields.get(key)
        if name is not None:
            setattr(self, name, value)
            return
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        if key in self._json_fields:
            raise TypeError(
                f"{key!r} is a declared field of CreatePaymentIntentRequest: assign it rather than delete it"
            )
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        name = self._json_fields.get(key)
        if name is None:
            return key in self.additional_properties
        return not isinstance(getattr(self, name), Unset)

    def get(self, key: str, default: Any = None) -> Any:
        """The field named `key` in the JSON, or `default` when absent (as `dict.get`)."""
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self) -> list[str]:
        """The JSON names present: the declared fields that are set, then the unknown ones."""
        present = [
            key for key, name in self._json_fields.items() if not isinstance(getattr(self, name), Unset)
        ]
        present.extend(self.additional_properties)
        return present

    def items(self) -> list[tuple[str, Any]]:
        """The (JSON name, value) pairs present, values as the typed attributes hold them."""
        return [(key, self[key]) for key in self.keys()]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())
