# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.charge_status import ChargeStatus
from ..types import pop_required

if TYPE_CHECKING:
    from ..models.metadata import Metadata


@_attrs_define
class Charge:
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
        become pseudo-members, and a missing required field raises `MissingFieldError` (see `types.pop_required`).
        """
        from ..models.metadata import Metadata

        d = dict(src_dict)
        id = pop_required(d, "id", "Charge")

        object = cast(Literal["charge"], pop_required(d, "object", "Charge"))
        if object != "charge":
            raise ValueError(f"object must match const 'charge', got '{object}'")

        amount = pop_required(d, "amount", "Charge")

        amount_captured = pop_required(d, "amount_captured", "Charge")

        amount_refunded = pop_required(d, "amount_refunded", "Charge")

        currency = pop_required(d, "currency", "Charge")

        status = ChargeStatus(pop_required(d, "status", "Charge"))

        payment_intent = pop_required(d, "payment_intent", "Charge")

        def _parse_payment_method(data: Any) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        payment_method = _parse_payment_method(pop_required(d, "payment_method", "Charge"))

        def _parse_customer_id(data: Any) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        customer_id = _parse_customer_id(pop_required(d, "customer_id", "Charge"))

        def _parse_description(data: Any) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        description = _parse_description(pop_required(d, "description", "Charge"))

        captured = pop_required(d, "captured", "Charge")

        refunded = pop_required(d, "refunded", "Charge")

        def _parse_failure_code(data: Any) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        failure_code = _parse_failure_code(pop_required(d, "failure_code", "Charge"))

        def _parse_failure_message(data: Any) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        failure_message = _parse_failure_message(pop_required(d, "failure_message", "Charge"))

        metadata = Metadata.from_dict(pop_required(d, "metadata", "Charge"))

        created = pop_required(d, "created", "Charge")

        livemode = pop_required(d, "livemode", "Charge")

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

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
