# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.webhook_endpoint import WebhookEndpoint
from ..types import UNSET, JsonFields, Unset


@_attrs_define
class WebhookEndpointList(JsonFields):
    """A page of webhook endpoints.

    Attributes:
        object (Literal['list']): Always `list`.
        data (list[WebhookEndpoint]):
        has_more (bool): Whether more objects follow this page.
        next_cursor (None | str): The value to pass as `starting_after` for the next page, or null on the last page.
        url (str | Unset): The path this list was fetched from.
    """

    object: Literal["list"]
    data: list[WebhookEndpoint]
    has_more: bool
    next_cursor: str | None
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "object": "object",
        "data": "data",
        "has_more": "has_more",
        "next_cursor": "next_cursor",
        "url": "url",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        object = self.object

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        has_more = self.has_more

        next_cursor: str | None
        next_cursor = self.next_cursor

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object,
                "data": data,
                "has_more": has_more,
                "next_cursor": next_cursor,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url

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
            object: Literal["list"] = d.pop("object")
            if object != "list":
                raise ValueError(f"object must match const 'list', got '{object}'")

            data = []
            _data = d.pop("data")
            for data_item_data in _data:
                data_item = WebhookEndpoint.from_dict(data_item_data)

                data.append(data_item)

            has_more = d.pop("has_more")

            next_cursor: str | None = d.pop("next_cursor")

            url = d.pop("url", UNSET)

        except KeyError as missing:
            raise MissingFieldError("WebhookEndpointList", str(missing.args[0])) from None

        webhook_endpoint_list = cls(
            object=object,
            data=data,
            has_more=has_more,
            next_cursor=next_cursor,
            url=url,
        )

        webhook_endpoint_list.additional_properties = d
        return webhook_endpoint_list

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
