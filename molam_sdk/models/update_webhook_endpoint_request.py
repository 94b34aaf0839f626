# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType
from ..models.metadata import Metadata
from ..models.webhook_endpoint_status import WebhookEndpointStatus
from ..types import UNSET, JsonFields, Unset


@_attrs_define
class UpdateWebhookEndpointRequest(JsonFields):
    """Fields of a webhook endpoint that can be changed.

    Attributes:
        url (str | Unset): The HTTPS URL to post events to (at most 2048 characters).
        enabled_events (list[EventType] | Unset): The event types to deliver (replaces the current list).
        description (str | Unset): Your description of the endpoint.
        status (WebhookEndpointStatus | Unset): Whether events are delivered to the endpoint.
        metadata (Metadata | Unset): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most
            40 characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
    """

    url: str | Unset = UNSET
    enabled_events: list[EventType] | Unset = UNSET
    description: str | Unset = UNSET
    status: WebhookEndpointStatus | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "url": "url",
        "enabled_events": "enabled_events",
        "description": "description",
        "status": "status",
        "metadata": "metadata",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        url = self.url

        enabled_events: list[str] | Unset = UNSET
        if not isinstance(self.enabled_events, Unset):
            enabled_events = []
            for enabled_events_item_data in self.enabled_events:
                enabled_events_item = enabled_events_item_data.value
                enabled_events.append(enabled_events_item)

        description = self.description

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if enabled_events is not UNSET:
            field_dict["enabled_events"] = enabled_events
        if description is not UNSET:
            field_dict["description"] = description
        if status is not UNSET:
            field_dict["status"] = status
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
        url = d.pop("url", UNSET)

        _enabled_events = d.pop("enabled_events", UNSET)
        enabled_events: list[EventType] | Unset = UNSET
        if _enabled_events is not UNSET:
            enabled_events = []
            for enabled_events_item_data in _enabled_events:
                enabled_events_item = EventType(enabled_events_item_data)

                enabled_events.append(enabled_events_item)

        description = d.pop("description", UNSET)

        _status = d.pop("status", UNSET)
        status: WebhookEndpointStatus | Unset
        status = UNSET if isinstance(_status, Unset) else WebhookEndpointStatus(_status)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        metadata = UNSET if isinstance(_metadata, Unset) else Metadata.from_dict(_metadata)

        update_webhook_endpoint_request = cls(
            url=url,
            enabled_events=enabled_events,
            description=description,
            status=status,
            metadata=metadata,
        )

        update_webhook_endpoint_request.additional_properties = d
        return update_webhook_endpoint_request

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
