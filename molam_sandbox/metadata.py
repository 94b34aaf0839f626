"""Metadata rules: at most 50 string pairs; updates merge, and an empty string removes a key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from molam_sandbox.errors import invalid_param
from molam_sdk.models.update_payment_intent_request import UpdatePaymentIntentRequest

__all__ = ["MAX_KEYS", "merge_metadata", "new_metadata"]

MAX_KEYS = 50

_METADATA = attrs.fields(UpdatePaymentIntentRequest).metadata.name  # the request field every resource uses


def _checked(metadata: Any, param: str) -> dict[str, str]:
    if metadata is None:
        return {}
    if not isinstance(metadata, Mapping):
        raise invalid_param(param, "metadata must be an object of string values")
    if len(metadata) > MAX_KEYS:
        raise invalid_param(param, f"metadata can have at most {MAX_KEYS} keys")
    return {str(k): str(v) for k, v in metadata.items()}


def new_metadata(metadata: Any, param: str = _METADATA) -> dict[str, str]:
    """The metadata of a new object (empty-string values are dropped, as on update)."""
    return {k: v for k, v in _checked(metadata, param).items() if v != ""}


def merge_metadata(current: Mapping[str, str], update: Any, param: str = _METADATA) -> dict[str, str]:
    """`current` with `update` merged in: keys set to ``""`` are removed. At most 50 keys in the result."""
    merged = dict(current)
    for key, value in _checked(update, param).items():
        if value == "":
            merged.pop(key, None)
        else:
            merged[key] = value
    if len(merged) > MAX_KEYS:
        raise invalid_param(param, f"metadata can have at most {MAX_KEYS} keys")
    return merged
