# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..types import JsonFields


@_attrs_define
class DeletedWebhookEndpoint(JsonFields):
    """Confirmation that a webhook endpoint was deleted.

    Attributes:
        id (str): The deleted endpoint's id.
        object (Literal['webhook_endpoint']): Always `webhook_endpoint`.
        deleted (bool): Always `true`.
    """

    id: str
    object: Literal["webhook_endpoint"]
    deleted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "id": "id",
        "object": "object",
        "deleted": "deleted",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        id = self.id

        object = self.object

        deleted = self.deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object,
                "deleted": deleted,
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

            deleted = d.pop("deleted")

        except KeyError as missing:
            raise MissingFieldError("DeletedWebhookEndpoint", str(missing.args[0])) from None

        deleted_webhook_endpoint = cls(
            id=id,
            object=object,
            deleted=deleted,
        )

        deleted_webhook_endpoint.additional_properties = d
        return deleted_webhook_endpoint

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
