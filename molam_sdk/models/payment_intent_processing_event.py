# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.payment_intent_processing_event_data import PaymentIntentProcessingEventData
from ..types import JsonFields


@_attrs_define
class PaymentIntentProcessingEvent(JsonFields):
    """`payment_intent.processing`: a payment intent is processing.

    Attributes:
        id (str): Unique identifier, prefixed `evt_`; the deduplication key.
        object (Literal['event']): Always `event`.
        type (Literal['payment_intent.processing']): Always `payment_intent.processing`.
        created (int): Creation time, Unix seconds.
        api_version (str): The API version `data.object` is rendered in.
        livemode (bool): `true` for production events, `false` for sandbox events.
        data (PaymentIntentProcessingEventData): The payment intent that is processing.
    """

    id: str
    object: Literal["event"]
    type: Literal["payment_intent.processing"]
    created: int
    api_version: str
    livemode: bool
    data: PaymentIntentProcessingEventData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "id": "id",
        "object": "object",
        "type": "type",
        "created": "created",
        "api_version": "api_version",
        "livemode": "livemode",
        "data": "data",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        id = self.id

        object = self.object

        type = self.type

        created = self.created

        api_version = self.api_version

        livemode = self.livemode

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object,
                "type": type,
                "created": created,
                "api_version": api_version,
                "livemode": livemode,
                "data": data,
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

            object: Literal["event"] = d.pop("object")
            if object != "event":
                raise ValueError(f"object must match const 'event', got '{object}'")

            type: Literal["payment_intent.processing"] = d.pop("type")
            if type != "payment_intent.processing":
                raise ValueError(f"type must match const 'payment_intent.processing', got '{type}'")

            created = d.pop("created")

            api_version = d.pop("api_version")

            livemode = d.pop("livemode")

            data = PaymentIntentProcessingEventData.from_dict(d.pop("data"))

        except KeyError as missing:
            raise MissingFieldError("PaymentIntentProcessingEvent", str(missing.args[0])) from None

        payment_intent_processing_event = cls(
            id=id,
            object=object,
            type=type,
            created=created,
            api_version=api_version,
            livemode=livemode,
            data=data,
        )

        payment_intent_processing_event.additional_properties = d
        return payment_intent_processing_event

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
