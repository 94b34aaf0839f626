# Generated from spec/molam.yaml by `make generate`; do not edit.
"""Pure helpers the resource classes share to build requests and parse responses (sync and async alike)."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import httpx

from molam_sdk_ext.errors import ValidationError
from molam_sdk_ext.requester import RequestOptions

from ..types import UNSET, Unset

__all__ = ["add_header", "build_body", "build_optional_body", "options", "parse", "to_json", "unset_if_none"]

M = TypeVar("M")


def to_json(value: Any) -> Any:
    """`value` as JSON-compatible data: models via `to_dict()`, enums by value, containers element-wise."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def build_body(
    parse_model: Callable[[Mapping[str, Any]], M],
    body: M | None,
    fields: Mapping[str, Any],
    required: tuple[str, ...],
) -> M:
    """The request model: `body` when given, else one made from the field arguments that were given.

    Field arguments go through JSON and the model's own `from_dict`, so a dict, a model or an enum is
    accepted wherever the spec has an object or an enum. Raises `ValidationError` before anything is sent
    when both styles are mixed or a required field is missing.
    """
    given = {name: to_json(value) for name, value in fields.items() if not isinstance(value, Unset)}
    if body is not None:
        if given:
            raise ValidationError(
                "Pass either body= or the body's fields as keyword arguments, not both.",
                param=next(iter(given)),
            )
        return body
    for name in required:
        if name not in given:
            raise ValidationError(f"Missing required argument: {name}", param=name)
    return parse_model(given)


def build_optional_body(
    parse_model: Callable[[Mapping[str, Any]], M],
    body: M | None,
    fields: Mapping[str, Any],
    required: tuple[str, ...],
) -> M | Unset:
    """Like `build_body` for an operation whose body may be left out: UNSET (no body) when nothing is given."""
    if body is None and all(isinstance(value, Unset) for value in fields.values()):
        return UNSET
    return build_body(parse_model, body, fields, required)


def parse(parse_model: Callable[[Mapping[str, Any]], M], response: httpx.Response) -> M:
    """The 2xx JSON body of `response` parsed into the operation's response model."""
    return parse_model(response.json())


def unset_if_none(value: str | None) -> str | Unset:
    """Header arguments use None for "not given"; the endpoint functions use UNSET."""
    return UNSET if value is None else value


def add_header(kwargs: dict[str, Any], name: str, value: str | None) -> dict[str, Any]:
    """Add a header the spec does not declare on this operation (None: leave it out)."""
    if value is not None:
        headers: dict[str, Any] = kwargs.setdefault("headers", {})
        headers[name] = value
    return kwargs


def options(
    timeout: float | httpx.Timeout | None, max_retries: int | None, extra_headers: Mapping[str, str] | None
) -> RequestOptions:
    """The per-call settings handed to the requester."""
    return RequestOptions(timeout=timeout, max_retries=max_retries, extra_headers=extra_headers)
