# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.webhook_delivery_status import WebhookDeliveryStatus
from ..types import JsonFields


@_attrs_define
class WebhookDelivery(JsonFields):
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
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "id": "id",
        "object": "object",
        "event_id": "event_id",
        "endpoint_id": "endpoint_id",
        "attempt": "attempt",
        "status": "status",
        "response_status": "response_status",
        "error": "error",
        "created": "created",
        "next_retry_at": "next_retry_at",
    }

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
        become pseudo-members, and a missing required field raises `MissingFieldError` naming the model and
        the field.
        """
        d = dict(src_dict)
        # Required fields are popped plainly: the only KeyError in this block is a missing one (nested models
        # raise MissingFieldError themselves), reported once below instead of a check per field.
        try:
            id = d.pop("id")

            object: Literal["webhook_delivery"] = d.pop("object")
            if object != "webhook_delivery":
                raise ValueError(f"object must match const 'webhook_delivery', got '{object}'")

            event_id = d.pop("event_id")

            endpoint_id = d.pop("endpoint_id")

            attempt = d.pop("attempt")

            status = WebhookDeliveryStatus(d.pop("status"))

            response_status: int | None = d.pop("response_status")

            error: str | None = d.pop("error")

            created = d.pop("created")

            next_retry_at: int | None = d.pop("next_retry_at")

        except KeyError as missing:
            raise MissingFieldError("WebhookDelivery", str(missing.args[0])) from None

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

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
