# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.metadata import Metadata
from ..types import UNSET, JsonFields, Unset


@_attrs_define
class CreateTransferRequest(JsonFields):
    """Parameters to move funds between two wallets.

    Attributes:
        from_wallet (str): The wallet to debit.
        to_wallet (str): The wallet to credit.
        amount (int): Amount to move, in the currency's minor unit.
        currency (str): Three-letter ISO 4217 currency code, upper case.
        description (str | Unset): Your description of the transfer.
        metadata (Metadata | Unset): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most
            40 characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
    """

    from_wallet: str
    to_wallet: str
    amount: int
    currency: str
    description: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "from_wallet": "from_wallet",
        "to_wallet": "to_wallet",
        "amount": "amount",
        "currency": "currency",
        "description": "description",
        "metadata": "metadata",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        from_wallet = self.from_wallet

        to_wallet = self.to_wallet

        amount = self.amount

        currency = self.currency

        description = self.description

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_wallet": from_wallet,
                "to_wallet": to_wallet,
                "amount": amount,
                "currency": currency,
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
            from_wallet = d.pop("from_wallet")

            to_wallet = d.pop("to_wallet")

            amount = d.pop("amount")

            currency = d.pop("currency")

            description = d.pop("description", UNSET)

            _metadata = d.pop("metadata", UNSET)
            metadata: Metadata | Unset
            metadata = UNSET if isinstance(_metadata, Unset) else Metadata.from_dict(_metadata)

        except KeyError as missing:
            raise MissingFieldError("CreateTransferRequest", str(missing.args[0])) from None

        create_transfer_request = cls(
            from_wallet=from_wallet,
            to_wallet=to_wallet,
            amount=amount,
            currency=currency,
            description=description,
            metadata=metadata,
        )

        create_transfer_request.additional_properties = d
        return create_transfer_request

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
