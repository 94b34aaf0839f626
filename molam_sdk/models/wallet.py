# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.metadata import Metadata
from ..models.wallet_status import WalletStatus
from ..types import JsonFields


@_attrs_define
class Wallet(JsonFields):
    """A Molam Ma wallet holding stored value in one or more currencies.

    Attributes:
        id (str): Unique identifier, prefixed `wal_`.
        object (Literal['wallet']): Always `wallet`.
        owner_id (str): The customer or merchant that owns the wallet.
        name (None | str): A display name.
        currencies (list[str]): The currencies the wallet holds (ISO 4217, upper case).
        status (WalletStatus): Whether a wallet can send and receive funds.
        metadata (Metadata): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40
            characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
        created (int): Creation time, Unix seconds.
        livemode (bool): `true` for production objects, `false` for sandbox objects.
    """

    id: str
    object: Literal["wallet"]
    owner_id: str
    name: str | None
    currencies: list[str]
    status: WalletStatus
    metadata: Metadata
    created: int
    livemode: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "id": "id",
        "object": "object",
        "owner_id": "owner_id",
        "name": "name",
        "currencies": "currencies",
        "status": "status",
        "metadata": "metadata",
        "created": "created",
        "livemode": "livemode",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        id = self.id

        object = self.object

        owner_id = self.owner_id

        name: str | None
        name = self.name

        currencies = self.currencies

        status = self.status.value

        metadata = self.metadata.to_dict()

        created = self.created

        livemode = self.livemode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object,
                "owner_id": owner_id,
                "name": name,
                "currencies": currencies,
                "status": status,
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

            object: Literal["wallet"] = d.pop("object")
            if object != "wallet":
                raise ValueError(f"object must match const 'wallet', got '{object}'")

            owner_id = d.pop("owner_id")

            name: str | None = d.pop("name")

            currencies: list[str] = d.pop("currencies")

            status = WalletStatus(d.pop("status"))

            metadata = Metadata.from_dict(d.pop("metadata"))

            created = d.pop("created")

            livemode = d.pop("livemode")

        except KeyError as missing:
            raise MissingFieldError("Wallet", str(missing.args[0])) from None

        wallet = cls(
            id=id,
            object=object,
            owner_id=owner_id,
            name=name,
            currencies=currencies,
            status=status,
            metadata=metadata,
            created=created,
            livemode=livemode,
        )

        wallet.additional_properties = d
        return wallet

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
