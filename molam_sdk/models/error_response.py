# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingFieldError
from ..models.error_detail import ErrorDetail
from ..types import Unset


@_attrs_define
class ErrorResponse:
    """The body of every non-2xx response.

    Attributes:
        error (ErrorDetail): What went wrong.
    """

    error: ErrorDetail
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "error": "error",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
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
            error = ErrorDetail.from_dict(d.pop("error"))

        except KeyError as missing:
            raise MissingFieldError("ErrorResponse", str(missing.args[0])) from None

        error_response = cls(
            error=error,
        )

        error_response.additional_properties = d
        return error_response

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON: `intent["id"]`, `"status" in intent`, `intent.get("metadata")`, for declared
    # fields (by their JSON name) and unknown ones alike. Attribute access stays the typed way; these look the
    # name up in `_json_fields` and never touch parsing. No `__len__`: a model with every optional field unset
    # must stay truthy.
    def __getitem__(self, key: str) -> Any:
        """The field named `key` in the JSON (declared or unknown); `KeyError` when the payload had none."""
        name = self._json_fields.get(key)
        if name is None:
            return self.additional_properties[key]
        value = getattr(self, name)
        if isinstance(value, Unset):
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        name = self._json_fields.get(key)
        if name is not None:
            setattr(self, name, value)
            return
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        if key in self._json_fields:
            raise TypeError(f"{key!r} is a declared field of ErrorResponse: assign it rather than delete it")
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        name = self._json_fields.get(key)
        if name is None:
            return key in self.additional_properties
        return not isinstance(getattr(self, name), Unset)

    def get(self, key: str, default: Any = None) -> Any:
        """The field named `key` in the JSON, or `default` when absent (as `dict.get`)."""
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self) -> list[str]:
        """The JSON names present: the declared fields that are set, then the unknown ones."""
        present = [
            key for key, name in self._json_fields.items() if not isinstance(getattr(self, name), Unset)
        ]
        present.extend(self.additional_properties)
        return present

    def items(self) -> list[tuple[str, Any]]:
        """The (JSON name, value) pairs present, values as the typed attributes hold them."""
        return [(key, self[key]) for key in self.keys()]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())
