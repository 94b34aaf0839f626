# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wallet_status import WalletStatus
from ..types import pop_required

if TYPE_CHECKING:
    from ..models.metadata import Metadata


@_attrs_define
class Wallet:
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
        become pseudo-members, and a missing required field raises `MissingFieldError` (see `types.pop_required`).
        """
        from ..models.metadata import Metadata

        d = dict(src_dict)
        id = pop_required(d, "id", "Wallet")

        object = cast(Literal["wallet"], pop_required(d, "object", "Wallet"))
        if object != "wallet":
            raise ValueError(f"object must match const 'wallet', got '{object}'")

        owner_id = pop_required(d, "owner_id", "Wallet")

        def _parse_name(data: Any) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        name = _parse_name(pop_required(d, "name", "Wallet"))

        currencies = cast(list[str], pop_required(d, "currencies", "Wallet"))

        status = WalletStatus(pop_required(d, "status", "Wallet"))

        metadata = Metadata.from_dict(pop_required(d, "metadata", "Wallet"))

        created = pop_required(d, "created", "Wallet")

        livemode = pop_required(d, "livemode", "Wallet")

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

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
