# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.bank_account_beneficiary import BankAccountBeneficiary
from ..models.metadata import Metadata
from ..models.mobile_money_beneficiary import MobileMoneyBeneficiary
from ..models.origin_module import OriginModule
from ..models.payout_status import PayoutStatus
from ..types import JsonFields


@_attrs_define
class Payout(JsonFields):
    """Funds sent from a Molam balance to a bank account or a mobile money wallet.

    Attributes:
        id (str): Unique identifier, prefixed `po_`.
        object (Literal['payout']): Always `payout`.
        origin_module (OriginModule): The Molam product whose balance funds a payout.
        origin_entity_id (str): The merchant, wallet or treasury account whose balance funds the payout.
        amount (int): Amount paid out, in the currency's minor unit.
        currency (str): Three-letter ISO 4217 currency code, upper case.
        beneficiary (BankAccountBeneficiary | MobileMoneyBeneficiary | dict[str, Any]): Who receives the funds; `type`
            tells which kind.
        status (PayoutStatus): Where a payout is in its life.
        description (None | str): Your description of the payout.
        failure_code (None | str): Why the payout failed, as a code (for example `invalid_msisdn`).
        failure_message (None | str): Why the payout failed, in words.
        arrival_date (int | None): When the funds are expected (or arrived), Unix seconds.
        metadata (Metadata): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40
            characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
        created (int): Creation time, Unix seconds.
        livemode (bool): `true` for production objects, `false` for sandbox objects.
    """

    id: str
    object: Literal["payout"]
    origin_module: OriginModule
    origin_entity_id: str
    amount: int
    currency: str
    beneficiary: BankAccountBeneficiary | MobileMoneyBeneficiary | dict[str, Any]
    status: PayoutStatus
    description: str | None
    failure_code: str | None
    failure_message: str | None
    arrival_date: int | None
    metadata: Metadata
    created: int
    livemode: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "id": "id",
        "object": "object",
        "origin_module": "origin_module",
        "origin_entity_id": "origin_entity_id",
        "amount": "amount",
        "currency": "currency",
        "beneficiary": "beneficiary",
        "status": "status",
        "description": "description",
        "failure_code": "failure_code",
        "failure_message": "failure_message",
        "arrival_date": "arrival_date",
        "metadata": "metadata",
        "created": "created",
        "livemode": "livemode",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        id = self.id

        object = self.object

        origin_module = self.origin_module.value

        origin_entity_id = self.origin_entity_id

        amount = self.amount

        currency = self.currency

        beneficiary: dict[str, Any]
        beneficiary = self.beneficiary if isinstance(self.beneficiary, dict) else self.beneficiary.to_dict()

        status = self.status.value

        description: str | None
        description = self.description

        failure_code: str | None
        failure_code = self.failure_code

        failure_message: str | None
        failure_message = self.failure_message

        arrival_date: int | None
        arrival_date = self.arrival_date

        metadata = self.metadata.to_dict()

        created = self.created

        livemode = self.livemode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object,
                "origin_module": origin_module,
                "origin_entity_id": origin_entity_id,
                "amount": amount,
                "currency": currency,
                "beneficiary": beneficiary,
                "status": status,
                "description": description,
                "failure_code": failure_code,
                "failure_message": failure_message,
                "arrival_date": arrival_date,
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

            object: Literal["payout"] = d.pop("object")
            if object != "payout":
                raise ValueError(f"object must match const 'payout', got '{object}'")

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

            status = PayoutStatus(d.pop("status"))

            description: str | None = d.pop("description")

            failure_code: str | None = d.pop("failure_code")

            failure_message: str | None = d.pop("failure_message")

            arrival_date: int | None = d.pop("arrival_date")

            metadata = Metadata.from_dict(d.pop("metadata"))

            created = d.pop("created")

            livemode = d.pop("livemode")

        except KeyError as missing:
            raise MissingFieldError("Payout", str(missing.args[0])) from None

        payout = cls(
            id=id,
            object=object,
            origin_module=origin_module,
            origin_entity_id=origin_entity_id,
            amount=amount,
            currency=currency,
            beneficiary=beneficiary,
            status=status,
            description=description,
            failure_code=failure_code,
            failure_message=failure_message,
            arrival_date=arrival_date,
            metadata=metadata,
            created=created,
            livemode=livemode,
        )

        payout.additional_properties = d
        return payout

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
