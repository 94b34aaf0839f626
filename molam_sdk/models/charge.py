# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.charge_status import ChargeStatus
from ..models.metadata import Metadata
from ..types import JsonFields


@_attrs_define
class Charge(JsonFields):
    """One attempt to move funds for a payment intent.

    Attributes:
        id (str): Unique identifier, prefixed `ch_`.
        object (Literal['charge']): Always `charge`.
        amount (int): Amount charged, in the currency's minor unit.
        amount_captured (int): Amount captured, in the currency's minor unit.
        amount_refunded (int): Amount refunded so far, in the currency's minor unit.
        currency (str): Three-letter ISO 4217 currency code, upper case.
        status (ChargeStatus): Outcome of a charge.
        payment_intent (str): The payment intent (`pi_`) this charge belongs to.
        payment_method (None | str): The payment method (`pm_`) charged.
        customer_id (None | str): The customer charged, if known.
        description (None | str): Copied from the payment intent.
        captured (bool): Whether the funds were captured.
        refunded (bool): Whether the charge was refunded in full.
        failure_code (None | str): Why the charge failed, as a code.
        failure_message (None | str): Why the charge failed, in words.
        metadata (Metadata): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40
            characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
        created (int): Creation time, Unix seconds.
        livemode (bool): `true` for production objects, `false` for sandbox objects.
    """

    id: str
    object: Literal["charge"]
    amount: int
    amount_captured: int
    amount_refunded: int
    currency: str
    status: ChargeStatus
    payment_intent: str
    payment_method: str | None
    customer_id: str | None
    description: str | None
    captured: bool
    refunded: bool
    failure_code: str | None
    failure_message: str | None
    metadata: Metadata
    created: int
    livemode: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "id": "id",
        "object": "object",
        "amount": "amount",
        "amount_captured": "amount_captured",
        "amount_refunded": "amount_refunded",
        "currency": "currency",
        "status": "status",
        "payment_intent": "payment_intent",
        "payment_method": "payment_method",
        "customer_id": "customer_id",
        "description": "description",
        "captured": "captured",
        "refunded": "refunded",
        "failure_code": "failure_code",
        "failure_message": "failure_message",
        "metadata": "metadata",
        "created": "created",
        "livemode": "livemode",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        id = self.id

        object = self.object

        amount = self.amount

        amount_captured = self.amount_captured

        amount_refunded = self.amount_refunded

        currency = self.currency

        status = self.status.value

        payment_intent = self.payment_intent

        payment_method: str | None
        payment_method = self.payment_method

        customer_id: str | None
        customer_id = self.customer_id

        description: str | None
        description = self.description

        captured = self.captured

        refunded = self.refunded

        failure_code: str | None
        failure_code = self.failure_code

        failure_message: str | None
        failure_message = self.failure_message

        metadata = self.metadata.to_dict()

        created = self.created

        livemode = self.livemode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object,
                "amount": amount,
                "amount_captured": amount_captured,
                "amount_refunded": amount_refunded,
                "currency": currency,
                "status": status,
                "payment_intent": payment_intent,
                "payment_method": payment_method,
                "customer_id": customer_id,
                "description": description,
                "captured": captured,
                "refunded": refunded,
                "failure_code": failure_code,
                "failure_message": failure_message,
                "metadata": metadata,
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

            object: Literal["charge"] = d.pop("object")
            if object != "charge":
                raise ValueError(f"object must match const 'charge', got '{object}'")

            amount = d.pop("amount")

            amount_captured = d.pop("amount_captured")

            amount_refunded = d.pop("amount_refunded")

            currency = d.pop("currency")

            status = ChargeStatus(d.pop("status"))

            payment_intent = d.pop("payment_intent")

            payment_method: str | None = d.pop("payment_method")

            customer_id: str | None = d.pop("customer_id")

            description: str | None = d.pop("description")

            captured = d.pop("captured")

            refunded = d.pop("refunded")

            failure_code: str | None = d.pop("failure_code")

            failure_message: str | None = d.pop("failure_message")

            metadata = Metadata.from_dict(d.pop("metadata"))

            created = d.pop("created")

            livemode = d.pop("livemode")

        except KeyError as missing:
            raise MissingFieldError("Charge", str(missing.args[0])) from None

        charge = cls(
            id=id,
            object=object,
            amount=amount,
            amount_captured=amount_captured,
            amount_refunded=amount_refunded,
            currency=currency,
            status=status,
            payment_intent=payment_intent,
            payment_method=payment_method,
            customer_id=customer_id,
            description=description,
            captured=captured,
            refunded=refunded,
            failure_code=failure_code,
            failure_message=failure_message,
            metadata=metadata,
            created=created,
            livemode=livemode,
        )

        charge.additional_properties = d
        return charge

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
