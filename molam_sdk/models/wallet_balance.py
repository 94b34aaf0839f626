# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.balance_amount import BalanceAmount
from ..types import JsonFields


@_attrs_define
class WalletBalance(JsonFields):
    """The funds in a wallet per currency. A wallet balance never goes negative.

    Attributes:
        object (Literal['wallet_balance']): Always `wallet_balance`.
        wallet (str): The wallet (`wal_`).
        available (list[BalanceAmount]): Funds that can be spent or transferred now, one entry per currency.
        pending (list[BalanceAmount]): Funds on their way in, not spendable yet, one entry per currency.
        livemode (bool): `true` for production objects, `false` for sandbox objects.
    """

    object: Literal["wallet_balance"]
    wallet: str
    available: list[BalanceAmount]
    pending: list[BalanceAmount]
    livemode: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "object": "object",
        "wallet": "wallet",
        "available": "available",
        "pending": "pending",
        "livemode": "livemode",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        object = self.object

        wallet = self.wallet

        available = []
        for available_item_data in self.available:
            available_item = available_item_data.to_dict()
            available.append(available_item)

        pending = []
        for pending_item_data in self.pending:
            pending_item = pending_item_data.to_dict()
            pending.append(pending_item)

        livemode = self.livemode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object,
                "wallet": wallet,
                "available": available,
                "pending": pending,
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
            object: Literal["wallet_balance"] = d.pop("object")
            if object != "wallet_balance":
                raise ValueError(f"object must match const 'wallet_balance', got '{object}'")

            wallet = d.pop("wallet")

            available = []
            _available = d.pop("available")
            for available_item_data in _available:
                available_item = BalanceAmount.from_dict(available_item_data)

                available.append(available_item)

            pending = []
            _pending = d.pop("pending")
            for pending_item_data in _pending:
                pending_item = BalanceAmount.from_dict(pending_item_data)

                pending.append(pending_item)

            livemode = d.pop("livemode")

        except KeyError as missing:
            raise MissingFieldError("WalletBalance", str(missing.args[0])) from None

        wallet_balance = cls(
            object=object,
            wallet=wallet,
            available=available,
            pending=pending,
            livemode=livemode,
        )

        wallet_balance.additional_properties = d
        return wallet_balance

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
