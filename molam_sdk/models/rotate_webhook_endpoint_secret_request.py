# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, JsonFields, Unset


@_attrs_define
class RotateWebhookEndpointSecretRequest(JsonFields):
    """Parameters to rotate a webhook endpoint's signing secret.

    Attributes:
        grace_period_seconds (int | Unset): How long the previous secret stays valid, in seconds (0 revokes it at once;
            at most 7 days). Default: 86400.
    """

    grace_period_seconds: int | Unset = 86400
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute name of every declared field (for reading the model like its JSON, below).
    _json_fields: ClassVar[dict[str, str]] = {
        "grace_period_seconds": "grace_period_seconds",
    }

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-compatible data, unknown fields and unknown enum values included as received."""
        grace_period_seconds = self.grace_period_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if grace_period_seconds is not UNSET:
            field_dict["grace_period_seconds"] = grace_period_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse decoded JSON leniently: unknown fields land in `additional_properties`, unknown enum values
        become pseudo-members, and a missing required field raises `MissingFieldError` naming the model and
        the field.
        """
        d = dict(src_dict)
        grace_period_seconds = d.pop("grace_period_seconds", UNSET)

        rotate_webhook_endpoint_secret_request = cls(
            grace_period_seconds=grace_period_seconds,
        )

        rotate_webhook_endpoint_secret_request.additional_properties = d
        return rotate_webhook_endpoint_secret_request

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the spec does not know (kept so `to_dict()` round-trips them)."""
        return list(self.additional_properties.keys())

    # Read like the decoded JSON (`intent["id"]`, `"status" in intent`, `intent.get(...)`): `JsonFields`, through
    # `_json_fields` above.
