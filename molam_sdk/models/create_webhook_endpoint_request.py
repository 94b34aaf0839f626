# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.event_type import EventType
from ..models.metadata import Metadata
from ..types import UNSET, JsonFields, Unset


@_attrs_define
class CreateWebhookEndpointRequest(JsonFields):
    """Parameters to register a webhook endpoint.

    Attributes:
        url (str): The HTTPS URL to post events to (at most 2048 characters).
        enabled_events (list[EventType]): The event types to deliver.
        description (str | Unset): Your description of the endpoint.
        api_version (str | Unset): Render events in this API version instead of the account's default.
        metadata (Metadata | Unset): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most
            40 characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
    """

    url: str
    enabled_events: list[EventType]
    description: str | Unset = UNSET
    api_version: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "url": "url",
        "enabled_events": "enabled_events",
        "description": "description",
        "api_version": "api_version",
        "metadata": "metadata",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        url = self.url

        enabled_events = []
        for enabled_events_item_data in self.enabled_events:
            enabled_events_item = enabled_events_item_data.value
            enabled_events.append(enabled_events_item)

        description = self.description

        api_version = self.api_version

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "enabled_events": enabled_events,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if api_version is not UNSET:
            field_dict["api_version"] = api_version
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
            url = d.pop("url")

            enabled_events = []
            _enabled_events = d.pop("enabled_events")
            for enabled_events_item_data in _enabled_events:
                enabled_events_item = EventType(enabled_events_item_data)

                enabled_events.append(enabled_events_item)

            description = d.pop("description", UNSET)

            api_version = d.pop("api_version", UNSET)

            _metadata = d.pop("metadata", UNSET)
            metadata: Metadata | Unset
            metadata = UNSET if isinstance(_metadata, Unset) else Metadata.from_dict(_metadata)

        except KeyError as missing:
            raise MissingFieldError("CreateWebhookEndpointRequest", str(missing.args[0])) from None

        create_webhook_endpoint_request = cls(
            url=url,
            enabled_events=enabled_events,
            description=description,
            api_version=api_version,
            metadata=metadata,
        )

        create_webhook_endpoint_request.additional_properties = d
        return create_webhook_endpoint_request

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
