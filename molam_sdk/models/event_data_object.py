# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class EventDataObject:
    """The object (payment intent, charge, refund, payout, transfer or merchant onboarding)."""

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse decoded JSON leniently: unknown fields land in `additional_properties`, unknown enum values
        become pseudo-members, and a missing required field raises `MissingFieldError` naming the model and
        the field.
        """
        d = dict(src_dict)
        event_data_object = cls()

        event_data_object.additional_properties = d
        return event_data_object

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

    # A pure map in the spec (string keys, no fixed fields, e.g. `metadata`): read it like a dict.
    def get(self, key: str, default: Any | None = None) -> Any | None:
        """The value for `key`, or `default` when absent."""
        return self.additional_properties.get(key, default)

    def keys(self) -> KeysView[str]:
        """The keys, as `dict.keys()`."""
        return self.additional_properties.keys()

    def items(self) -> ItemsView[str, Any]:
        """The (key, value) pairs, as `dict.items()`."""
        return self.additional_properties.items()

    def __iter__(self) -> Iterator[str]:
        return iter(self.additional_properties)

    def __len__(self) -> int:
        return len(self.additional_properties)
