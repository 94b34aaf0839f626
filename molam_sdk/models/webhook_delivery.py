# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_delivery_status import WebhookDeliveryStatus
from ..types import pop_required


@_attrs_define
class WebhookDelivery:
    """One attempt to deliver an event to a webhook endpoint.

    Attributes:
        id (str): Unique identifier, prefixed `whd_`.
        object (Literal['webhook_delivery']): Always `webhook_delivery`.
        event_id (str): The event delivered.
        endpoint_id (str): The endpoint it was delivered to.
        attempt (int): Which attempt this is for the event (1 for the first).
        status (WebhookDeliveryStatus): The outcome of one delivery attempt.
        response_status (int | None): The HTTP status your endpoint answered, or null if it did not answer.
        error (None | str): What went wrong (for example `timeout` or `tls_error`), if anything.
        created (int): When the attempt was made, Unix seconds.
        next_retry_at (int | None): When the next attempt is scheduled, Unix seconds; null when none is.
    """

    id: str
    object: Literal["webhook_delivery"]
    event_id: str
    endpoint_id: str
    attempt: int
    status: WebhookDeliveryStatus
    response_status: int | None
    error: str | None
    created: int
    next_retry_at: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        id = self.id

        object = self.object

        event_id = self.event_id

        endpoint_id = self.endpoint_id

        attempt = self.attempt

        status = self.status.value

        response_status: int | None
        response_status = self.response_status

        error: str | None
        error = self.error

        created = self.created

        next_retry_at: int | None
        next_retry_at = self.next_retry_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object,
                "event_id": event_id,
                "endpoint_id": endpoint_id,
                "attempt": attempt,
                "status": status,
                "response_status": response_status,
                "error": error,
                "created": created,
                "next_retry_at": next_retry_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse decoded JSON leniently: unknown fields land in `additional_properties`, unknown enum values
        become pseudo-members, and a missing required field raises `MissingFieldError` (see `types.pop_required`).
        """
        d = dict(src_dict)
        id = pop_required(d, "id", "WebhookDelivery")

        object = cast(Literal["webhook_delivery"], pop_required(d, "object", "WebhookDelivery"))
        if object != "webhook_delivery":
            raise ValueError(f"object must match const 'webhook_delivery', got '{object}'")

        event_id = pop_required(d, "event_id", "WebhookDelivery")

        endpoint_id = pop_required(d, "endpoint_id", "WebhookDelivery")

        attempt = pop_required(d, "attempt", "WebhookDelivery")

        status = WebhookDeliveryStatus(pop_required(d, "status", "WebhookDelivery"))

        def _parse_response_status(data: Any) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        response_status = _parse_response_status(pop_required(d, "response_status", "WebhookDelivery"))

        def _parse_error(data: Any) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        error = _parse_error(pop_required(d, "error", "WebhookDelivery"))

        created = pop_required(d, "created", "WebhookDelivery")

        def _parse_next_retry_at(data: Any) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        next_retry_at = _parse_next_retry_at(pop_required(d, "next_retry_at", "WebhookDelivery"))

        webhook_delivery = cls(
            id=id,
            object=object,
            event_id=event_id,
            endpoint_id=endpoint_id,
            attempt=attempt,
            status=status,
            response_status=response_status,
            error=error,
            created=created,
            next_retry_at=next_retry_at,
        )

        webhook_delivery.additional_properties = d
        return webhook_delivery

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
