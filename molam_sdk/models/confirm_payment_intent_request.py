# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, JsonFields, Unset


@_attrs_define
class ConfirmPaymentIntentRequest(JsonFields):
    """Parameters to confirm a payment intent.

    Attributes:
        payment_method (str | Unset): The payment method (`pm_`) to charge; defaults to the one already attached. With
            neither, the
            customer chooses one on Molam Checkout (`requires_action`, `redirect_url`).
        return_url (str | Unset): Where the customer returns after completing a redirect.
    """

    payment_method: str | Unset = UNSET
    return_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "payment_method": "payment_method",
        "return_url": "return_url",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        payment_method = self.payment_method

        return_url = self.return_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method
        if return_url is not UNSET:
            field_dict["return_url"] = return_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse decoded JSON leniently: unknown fields land in `additional_properties`, unknown enum values
        become pseudo-members, and a missing required field raises `MissingFieldError` naming the model and
        the field.
        """
        d = dict(src_dict)
        payment_method = d.pop("payment_method", UNSET)

        return_url = d.pop("return_url", UNSET)

        confirm_payment_intent_request = cls(
            payment_method=payment_method,
            return_url=return_url,
        )

        confirm_payment_intent_request.additional_properties = d
        return confirm_payment_intent_request

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
