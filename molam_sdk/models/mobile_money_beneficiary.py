# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.mobile_money_provider import MobileMoneyProvider
from ..types import JsonFields


@_attrs_define
class MobileMoneyBeneficiary(JsonFields):
    """A mobile money wallet that receives a payout.

    Attributes:
        type (Literal['mobile_money']): Always `mobile_money`.
        provider (MobileMoneyProvider): The mobile money operator.
        msisdn (str): The wallet's phone number in E.164 format, for example `+221771234567`.
        account_holder (str): The name registered with the operator.
    """

    type: Literal["mobile_money"]
    provider: MobileMoneyProvider
    msisdn: str
    account_holder: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "type": "type",
        "provider": "provider",
        "msisdn": "msisdn",
        "account_holder": "account_holder",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        type = self.type

        provider = self.provider.value

        msisdn = self.msisdn

        account_holder = self.account_holder

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type,
                "provider": provider,
                "msisdn": msisdn,
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
            type: Literal["mobile_money"] = d.pop("type")
            if type != "mobile_money":
                raise ValueError(f"type must match const 'mobile_money', got '{type}'")

            provider = MobileMoneyProvider(d.pop("provider"))

            msisdn = d.pop("msisdn")

            account_holder = d.pop("account_holder")

        except KeyError as missing:
            raise MissingFieldError("MobileMoneyBeneficiary", str(missing.args[0])) from None

        mobile_money_beneficiary = cls(
            type=type,
            provider=provider,
            msisdn=msisdn,
            account_holder=account_holder,
        )

        mobile_money_beneficiary.additional_properties = d
        return mobile_money_beneficiary

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
