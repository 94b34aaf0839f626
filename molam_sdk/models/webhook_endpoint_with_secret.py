# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.event_type import EventType
from ..models.metadata import Metadata
from ..models.webhook_endpoint_status import WebhookEndpointStatus
from ..types import JsonFields, redacted_repr


@_attrs_define
class WebhookEndpointWithSecret(JsonFields):
    """A webhook endpoint together with its signing secret. Only returned by create and rotate_secret:
    store the secret right away, keyed by `kid`.

    Attributes:
        id (str): Unique identifier, prefixed `we_`.
        object (Literal['webhook_endpoint']): Always `webhook_endpoint`.
        url (str): The HTTPS URL events are posted to.
        enabled_events (list[EventType]): The event types delivered to this endpoint.
        description (None | str): Your description of the endpoint.
        status (WebhookEndpointStatus): Whether events are delivered to the endpoint.
        api_version (None | str): The API version events are rendered in; null means the account's default.
        kid (str): The id of this signing secret, sent as `kid=` in `Molam-Signature`.
        secret (str): The signing secret (`whsec_...`). Shown once; never log it.
        previous_kid (None | str): The id of the previous secret while it is still valid after a rotation.
        previous_secret_expires_at (int | None): When the previous secret stops being valid, Unix seconds.
        metadata (Metadata): Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40
            characters,
            values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
        created (int): Creation time, Unix seconds.
        livemode (bool): `true` for production objects, `false` for sandbox objects.
    """

    id: str
    object: Literal["webhook_endpoint"]
    url: str
    enabled_events: list[EventType]
    description: str | None
    status: WebhookEndpointStatus
    api_version: str | None
    kid: str
    secret: str
    previous_kid: str | None
    previous_secret_expires_at: int | None
    metadata: Metadata
    created: int
    livemode: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "id": "id",
        "object": "object",
        "url": "url",
        "enabled_events": "enabled_events",
        "description": "description",
        "status": "status",
        "api_version": "api_version",
        "kid": "kid",
        "secret": "secret",
        "previous_kid": "previous_kid",
        "previous_secret_expires_at": "previous_secret_expires_at",
        "metadata": "metadata",
        "created": "created",
        "livemode": "livemode",
    }

    def __repr__(self) -> str:
        """The fields, with secret shown as '***' (never logged)."""
        return redacted_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        id = self.id

        object = self.object

        url = self.url

        enabled_events = []
        for enabled_events_item_data in self.enabled_events:
            enabled_events_item = enabled_events_item_data.value
            enabled_events.append(enabled_events_item)

        description: str | None
        description = self.description

        status = self.status.value

        api_version: str | None
        api_version = self.api_version

        kid = self.kid

        secret = self.secret

        previous_kid: str | None
        previous_kid = self.previous_kid

        previous_secret_expires_at: int | None
        previous_secret_expires_at = self.previous_secret_expires_at

        metadata = self.metadata.to_dict()

        created = self.created

        livemode = self.livemode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object,
                "url": url,
                "enabled_events": enabled_events,
                "description": description,
                "status": status,
                "api_version": api_version,
                "kid": kid,
                "secret": secret,
                "previous_kid": previous_kid,
                "previous_secret_expires_at": previous_secret_expires_at,
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

            object: Literal["webhook_endpoint"] = d.pop("object")
            if object != "webhook_endpoint":
                raise ValueError(f"object must match const 'webhook_endpoint', got '{object}'")

            url = d.pop("url")

            enabled_events = []
            _enabled_events = d.pop("enabled_events")
            for enabled_events_item_data in _enabled_events:
                enabled_events_item = EventType(enabled_events_item_data)

                enabled_events.append(enabled_events_item)

            description: str | None = d.pop("description")

            status = WebhookEndpointStatus(d.pop("status"))

            api_version: str | None = d.pop("api_version")

            kid = d.pop("kid")

            secret = d.pop("secret")

            previous_kid: str | None = d.pop("previous_kid")

            previous_secret_expires_at: int | None = d.pop("previous_secret_expires_at")

            metadata = Metadata.from_dict(d.pop("metadata"))

            created = d.pop("created")

            livemode = d.pop("livemode")

        except KeyError as missing:
            raise MissingFieldError("WebhookEndpointWithSecret", str(missing.args[0])) from None

        webhook_endpoint_with_secret = cls(
            id=id,
            object=object,
            url=url,
            enabled_events=enabled_events,
            description=description,
            status=status,
            api_version=api_version,
            kid=kid,
            secret=secret,
            previous_kid=previous_kid,
            previous_secret_expires_at=previous_secret_expires_at,
            metadata=metadata,
            created=created,
            livemode=livemode,
        )

        webhook_endpoint_with_secret.additional_properties = d
        return webhook_endpoint_with_secret

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
