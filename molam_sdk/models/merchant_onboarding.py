# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.business_type import BusinessType
from ..models.merchant_onboarding_status import MerchantOnboardingStatus
from ..models.metadata import Metadata
from ..types import JsonFields


@_attrs_define
class MerchantOnboarding(JsonFields):
    """An application to accept payments with Molam Connect.

    Attributes:
        id (str): Unique identifier, prefixed `mo_`.
        object (Literal['merchant_onboarding']): Always `merchant_onboarding`.
        business_name (str): The registered business name.
        country (str): ISO 3166-1 alpha-2 country of registration, upper case.
        email (str): The contact email for the account.
        business_type (BusinessType): The legal form of the business.
        phone (None | str): The contact phone number, E.164.
        website (None | str): The business's website.
        status (MerchantOnboardingStatus): Where an onboarding application is in review.
        requirements (list[str]): Information still needed before review can finish (for example
            `business_registration_document`).
        onboarding_url (None | str): Where to send the merchant to complete the application; null once it is decided.
        merchant_id (None | str): The merchant account created on approval.
        rejection_reason (None | str): Why the application was rejected, when `status` is `rejected`.
        metadata (Metadata): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40
            characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
        created (int): Creation time, Unix seconds.
        livemode (bool): `true` for production objects, `false` for sandbox objects.
    """

    id: str
    object: Literal["merchant_onboarding"]
    business_name: str
    country: str
    email: str
    business_type: BusinessType
    phone: str | None
    website: str | None
    status: MerchantOnboardingStatus
    requirements: list[str]
    onboarding_url: str | None
    merchant_id: str | None
    rejection_reason: str | None
    metadata: Metadata
    created: int
    livemode: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "id": "id",
        "object": "object",
        "business_name": "business_name",
        "country": "country",
        "email": "email",
        "business_type": "business_type",
        "phone": "phone",
        "website": "website",
        "status": "status",
        "requirements": "requirements",
        "onboarding_url": "onboarding_url",
        "merchant_id": "merchant_id",
        "rejection_reason": "rejection_reason",
        "metadata": "metadata",
        "created": "created",
        "livemode": "livemode",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        id = self.id

        object = self.object

        business_name = self.business_name

        country = self.country

        email = self.email

        business_type = self.business_type.value

        phone: str | None
        phone = self.phone

        website: str | None
        website = self.website

        status = self.status.value

        requirements = self.requirements

        onboarding_url: str | None
        onboarding_url = self.onboarding_url

        merchant_id: str | None
        merchant_id = self.merchant_id

        rejection_reason: str | None
        rejection_reason = self.rejection_reason

        metadata = self.metadata.to_dict()

        created = self.created

        livemode = self.livemode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object,
                "business_name": business_name,
                "country": country,
                "email": email,
                "business_type": business_type,
                "phone": phone,
                "website": website,
                "status": status,
                "requirements": requirements,
                "onboarding_url": onboarding_url,
                "merchant_id": merchant_id,
                "rejection_reason": rejection_reason,
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

            object: Literal["merchant_onboarding"] = d.pop("object")
            if object != "merchant_onboarding":
                raise ValueError(f"object must match const 'merchant_onboarding', got '{object}'")

            business_name = d.pop("business_name")

            country = d.pop("country")

            email = d.pop("email")

            business_type = BusinessType(d.pop("business_type"))

            phone: str | None = d.pop("phone")

            website: str | None = d.pop("website")

            status = MerchantOnboardingStatus(d.pop("status"))

            requirements: list[str] = d.pop("requirements")

            onboarding_url: str | None = d.pop("onboarding_url")

            merchant_id: str | None = d.pop("merchant_id")

            rejection_reason: str | None = d.pop("rejection_reason")

            metadata = Metadata.from_dict(d.pop("metadata"))

            created = d.pop("created")

            livemode = d.pop("livemode")

        except KeyError as missing:
            raise MissingFieldError("MerchantOnboarding", str(missing.args[0])) from None

        merchant_onboarding = cls(
            id=id,
            object=object,
            business_name=business_name,
            country=country,
            email=email,
            business_type=business_type,
            phone=phone,
            website=website,
            status=status,
            requirements=requirements,
            onboarding_url=onboarding_url,
            merchant_id=merchant_id,
            rejection_reason=rejection_reason,
            metadata=metadata,
            created=created,
            livemode=livemode,
        )

        merchant_onboarding.additional_properties = d
        return merchant_onboarding

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
