# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..types import JsonFields


@_attrs_define
class BankAccountBeneficiary(JsonFields):
    """A bank account that receives a payout.

    Attributes:
        type (Literal['bank_account']): Always `bank_account`.
        bank_code (str): The bank's code (sort code, BIC or national bank code).
        account_number (str): The account number or IBAN.
        account_holder (str): The name on the account.
    """

    type: Literal["bank_account"]
    bank_code: str
    account_number: str
    account_holder: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "type": "type",
        "bank_code": "bank_code",
        "account_number": "account_number",
        "account_holder": "account_holder",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        type = self.type

        bank_code = self.bank_code

        account_number = self.account_number

        account_holder = self.account_holder

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type,
                "bank_code": bank_code,
                "account_number": account_number,
                "account_holder": account_holder,
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
            type: Literal["bank_account"] = d.pop("type")
            if type != "bank_account":
                raise ValueError(f"type must match const 'bank_account', got '{type}'")

            bank_code = d.pop("bank_code")

            account_number = d.pop("account_number")

            account_holder = d.pop("account_holder")

        except KeyError as missing:
            raise MissingFieldError("BankAccountBeneficiary", str(missing.args[0])) from None

        bank_account_beneficiary = cls(
            type=type,
            bank_code=bank_code,
            account_number=account_number,
            account_holder=account_holder,
        )

        bank_account_beneficiary.additional_properties = d
        return bank_account_beneficiary

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
