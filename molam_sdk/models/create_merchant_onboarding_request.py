# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.business_type import BusinessType
from ..models.metadata import Metadata
from ..types import UNSET, JsonFields, Unset


@_attrs_define
class CreateMerchantOnboardingRequest(JsonFields):
    """Parameters to start an onboarding application.

    Attributes:
        business_name (str): The registered business name.
        country (str): ISO 3166-1 alpha-2 country of registration, upper case.
        email (str): The contact email for the account.
        business_type (BusinessType): The legal form of the business.
        phone (str | Unset): The contact phone number, E.164.
        website (str | Unset): The business's website.
        return_url (str | Unset): Where to send the merchant after they finish on `onboarding_url`.
        metadata (Metadata | Unset): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most
            40 characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
    """

    business_name: str
    country: str
    email: str
    business_type: BusinessType
    phone: str | Unset = UNSET
    website: str | Unset = UNSET
    return_url: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "business_name": "business_name",
        "country": "country",
        "email": "email",
        "business_type": "business_type",
        "phone": "phone",
        "website": "website",
        "return_url": "return_url",
        "metadata": "metadata",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        business_name = self.business_name

        country = self.country

        email = self.email

        business_type = self.business_type.value

        phone = self.phone

        website = self.website

        return_url = self.return_url

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "business_name": business_name,
                "country": country,
                "email": email,
                "business_type": business_type,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone
        if website is not UNSET:
            field_dict["website"] = website
        if return_url is not UNSET:
            field_dict["return_url"] = return_url
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
            business_name = d.pop("business_name")

            country = d.pop("country")

            email = d.pop("email")

            business_type = BusinessType(d.pop("business_type"))

            phone = d.pop("phone", UNSET)

            website = d.pop("website", UNSET)

            return_url = d.pop("return_url", UNSET)

            _metadata = d.pop("metadata", UNSET)
            metadata: Metadata | Unset
            metadata = UNSET if isinstance(_metadata, Unset) else Metadata.from_dict(_metadata)

        except KeyError as missing:
            raise MissingFieldError("CreateMerchantOnboardingRequest", str(missing.args[0])) from None

        create_merchant_onboarding_request = cls(
            business_name=business_name,
            country=country,
            email=email,
            business_type=business_type,
            phone=phone,
            website=website,
            return_url=return_url,
            metadata=metadata,
        )

        create_merchant_onboarding_request.additional_properties = d
        return create_merchant_onboarding_request

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
