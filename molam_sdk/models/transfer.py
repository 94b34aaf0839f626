# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.metadata import Metadata
from ..models.transfer_status import TransferStatus
from ..types import JsonFields


@_attrs_define
class Transfer(JsonFields):
    """A movement of funds between two wallets.

    Attributes:
        id (str): Unique identifier, prefixed `tr_`.
        object (Literal['transfer']): Always `transfer`.
        from_wallet (str): The wallet debited.
        to_wallet (str): The wallet credited.
        amount (int): Amount moved, in the currency's minor unit.
        currency (str): Three-letter ISO 4217 currency code, upper case.
        status (TransferStatus): Where a transfer is in its life.
        description (None | str): Your description of the transfer.
        failure_reason (None | str): Why the transfer failed, when `status` is `failed`.
        metadata (Metadata): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40
            characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
        created (int): Creation time, Unix seconds.
        livemode (bool): `true` for production objects, `false` for sandbox objects.
    """

    id: str
    object: Literal["transfer"]
    from_wallet: str
    to_wallet: str
    amount: int
    currency: str
    status: TransferStatus
    description: str | None
    failure_reason: str | None
    metadata: Metadata
    created: int
    livemode: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "id": "id",
        "object": "object",
        "from_wallet": "from_wallet",
        "to_wallet": "to_wallet",
        "amount": "amount",
        "currency": "currency",
        "status": "status",
        "description": "description",
        "failure_reason": "failure_reason",
        "metadata": "metadata",
        "created": "created",
        "livemode": "livemode",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        id = self.id

        object = self.object

        from_wallet = self.from_wallet

        to_wallet = self.to_wallet

        amount = self.amount

        currency = self.currency

        status = self.status.value

        description: str | None
        description = self.description

        failure_reason: str | None
        failure_reason = self.failure_reason

        metadata = self.metadata.to_dict()

        created = self.created

        livemode = self.livemode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object,
                "from_wallet": from_wallet,
                "to_wallet": to_wallet,
                "amount": amount,
                "currency": currency,
                "status": status,
                "description": description,
                "failure_reason": failure_reason,
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

            object: Literal["transfer"] = d.pop("object")
            if object != "transfer":
                raise ValueError(f"object must match const 'transfer', got '{object}'")

            from_wallet = d.pop("from_wallet")

            to_wallet = d.pop("to_wallet")

            amount = d.pop("amount")

            currency = d.pop("currency")

            status = TransferStatus(d.pop("status"))

            description: str | None = d.pop("description")

            failure_reason: str | None = d.pop("failure_reason")

            metadata = Metadata.from_dict(d.pop("metadata"))

            created = d.pop("created")

            livemode = d.pop("livemode")

        except KeyError as missing:
            raise MissingFieldError("Transfer", str(missing.args[0])) from None

        transfer = cls(
            id=id,
            object=object,
            from_wallet=from_wallet,
            to_wallet=to_wallet,
            amount=amount,
            currency=currency,
            status=status,
            description=description,
            failure_reason=failure_reason,
            metadata=metadata,
            created=created,
            livemode=livemode,
        )

        transfer.additional_properties = d
        return transfer

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
