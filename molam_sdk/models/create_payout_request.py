# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.bank_account_beneficiary import BankAccountBeneficiary
from ..models.metadata import Metadata
from ..models.mobile_money_beneficiary import MobileMoneyBeneficiary
from ..models.origin_module import OriginModule
from ..types import UNSET, JsonFields, Unset


@_attrs_define
class CreatePayoutRequest(JsonFields):
    """Parameters to create a payout.

    Attributes:
        origin_module (OriginModule): The Molam product whose balance funds a payout.
        origin_entity_id (str): The merchant, wallet or treasury account whose balance funds the payout.
        amount (int): Amount to pay out, in the currency's minor unit.
        currency (str): Three-letter ISO 4217 currency code, upper case.
        beneficiary (BankAccountBeneficiary | MobileMoneyBeneficiary | dict[str, Any]): Who receives the funds; `type`
            tells which kind.
        description (str | Unset): Your description of the payout.
        metadata (Metadata | Unset): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most
            40 characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
    """

    origin_module: OriginModule
    origin_entity_id: str
    amount: int
    currency: str
    beneficiary: BankAccountBeneficiary | MobileMoneyBeneficiary | dict[str, Any]
    description: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "origin_module": "origin_module",
        "origin_entity_id": "origin_entity_id",
        "amount": "amount",
        "currency": "currency",
        "beneficiary": "beneficiary",
        "description": "description",
        "metadata": "metadata",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        origin_module = self.origin_module.value

        origin_entity_id = self.origin_entity_id

        amount = self.amount

        currency = self.currency

        beneficiary: dict[str, Any]
        beneficiary = self.beneficiary if isinstance(self.beneficiary, dict) else self.beneficiary.to_dict()

        description = self.description

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "origin_module": origin_module,
                "origin_entity_id": origin_entity_id,
                "amount": amount,
                "currency": currency,
                "beneficiary": beneficiary,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

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
            origin_module = OriginModule(d.pop("origin_module"))

            origin_entity_id = d.pop("origin_entity_id")

            amount = d.pop("amount")

            currency = d.pop("currency")

            def _parse_beneficiary(
                data: Any,
            ) -> BankAccountBeneficiary | MobileMoneyBeneficiary | dict[str, Any]:
                if not isinstance(data, dict):
                    raise TypeError(f"beneficiary: expected an object, got {data.__class__.__name__}")
                # The discriminator picks the variant. A value this client does not know (a variant the API added later)
                # is kept as the plain dict rather than raising, so parsing the enclosing object never breaks.
                kind = data.get("type")
                if kind == "bank_account":
                    return BankAccountBeneficiary.from_dict(data)
                if kind == "mobile_money":
                    return MobileMoneyBeneficiary.from_dict(data)
                return data

            beneficiary = _parse_beneficiary(d.pop("beneficiary"))

            description = d.pop("description", UNSET)

            _metadata = d.pop("metadata", UNSET)
            metadata: Metadata | Unset
            metadata = UNSET if isinstance(_metadata, Unset) else Metadata.from_dict(_metadata)

        except KeyError as missing:
            raise MissingFieldError("CreatePayoutRequest", str(missing.args[0])) from None

        create_payout_request = cls(
            origin_module=origin_module,
            origin_entity_id=origin_entity_id,
            amount=amount,
            currency=currency,
            beneficiary=beneficiary,
            description=description,
            metadata=metadata,
        )

        create_payout_request.additional_properties = d
        return create_payout_request

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
