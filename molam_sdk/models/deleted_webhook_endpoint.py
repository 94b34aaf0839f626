# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import pop_required


@_attrs_define
class DeletedWebhookEndpoint:
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
        become pseudo-members, and a missing required field raises `MissingFieldError` (see `types.pop_required`).
        """
        d = dict(src_dict)
        id = pop_required(d, "id", "DeletedWebhookEndpoint")

        object = cast(Literal["webhook_endpoint"], pop_required(d, "object", "DeletedWebhookEndpoint"))
        if object != "webhook_endpoint":
            raise ValueError(f"object must match const 'webhook_endpoint', got '{object}'")

        deleted = pop_required(d, "deleted", "DeletedWebhookEndpoint")

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

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
