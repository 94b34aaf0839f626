"""Request validation: JSON bodies against the pydantic models generated from the spec, and list queries.

Bodies are validated with the generated request models (`molam_sandbox.models`, strict JSON mode:
``"100"`` is not an amount), then the handlers work on the plain parsed JSON, so values reach the store
exactly as sent. Every failure is a 400 ``invalid_request_error`` whose ``param`` is the dotted path of the
first offending field (``beneficiary.msisdn``, ``enabled_events.0``).
"""

from __future__ import annotations

import functools
import importlib
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pydantic

from molam_sandbox.errors import SandboxError, invalid_param
from molam_sdk_ext.errors import ValidationError
from molam_sdk_ext.money import exponent

__all__ = [
    "INT64_MAX",
    "ListQuery",
    "check_currency",
    "error_param",
    "parse_body",
    "parse_list_query",
    "query_enum",
    "query_int",
    "query_str",
    "request_model",
    "validation_error",
]

MODELS_MODULE = "molam_sandbox.models"
INT64_MAX = 2**63 - 1


@functools.cache
def request_model(name: str) -> type[pydantic.BaseModel]:
    """The generated pydantic model called `name` (imported on first use)."""
    module = importlib.import_module(MODELS_MODULE)
    model = getattr(module, name)
    if not (isinstance(model, type) and issubclass(model, pydantic.BaseModel)):
        raise TypeError(f"{MODELS_MODULE}.{name} is not a pydantic model")
    return model


def error_param(loc: Sequence[str | int], data: Any) -> str | None:
    """The dotted parameter path of a pydantic error location, without union tags and key markers."""
    parts: list[str] = []
    current = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        is_key = isinstance(current, Mapping) and part in current
        is_index = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if is_key or is_index:
            current = current[part]
            parts.append(str(part))
        elif last and not str(part).startswith("["):
            parts.append(str(part))
        # anything else is a union member tag (`mobile_money`) or a `[key]` marker: not a parameter
    return ".".join(parts) or None


def _check_int64(data: Mapping[str, Any]) -> None:
    # Every integer parameter of the API is a top-level field; SQLite stores at most 64-bit integers.
    for key, value in data.items():
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and not -INT64_MAX - 1 <= value <= INT64_MAX
        ):
            raise invalid_param(key, f"Invalid '{key}': integer out of range.")


def validation_error(exc: pydantic.ValidationError, data: Any) -> SandboxError:
    """The 400 for a body `data` the model refused: the first error, naming its parameter when it has one."""
    first = exc.errors(include_url=False)[0]
    param = error_param(first["loc"], data)
    code = "parameter_missing" if first["type"] == "missing" else "parameter_invalid"
    what = f"'{param}'" if param else "request body"
    return invalid_param(param, f"Invalid {what}: {first['msg']}.", code)


def check_currency(code: str, param: str = "currency") -> str:
    """`code` if it is an ISO 4217 currency with a minor unit; 400 otherwise (``ZZZ``, gold ``XAU``)."""
    try:
        exponent(code)
    except ValidationError:
        raise invalid_param(
            param, f"Invalid '{param}': {code!r} is not an ISO 4217 currency with a minor unit."
        ) from None
    return code


def _check_currencies(data: Any, path: str) -> None:
    # Every `currency` property of the API, at any depth, is an ISO 4217 code (the spec can only say [A-Z]{3}).
    if isinstance(data, Mapping):
        for key, value in data.items():
            param = f"{path}.{key}" if path else str(key)
            if key == "currency" and isinstance(value, str):
                check_currency(value, param)
            else:
                _check_currencies(value, param)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            _check_currencies(item, f"{path}.{index}")


def parse_body(raw: bytes, model_name: str) -> dict[str, Any]:
    """Validate a JSON request body with the model `model_name`; return the parsed object without nulls."""
    text = raw.strip()
    if not text:
        text = b"{}"
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise SandboxError(
            400, "invalid_request_error", "invalid_json", "The request body is not valid JSON."
        ) from None
    if not isinstance(data, dict):
        raise SandboxError(
            400, "invalid_request_error", "invalid_json", "The request body must be a JSON object."
        )
    try:
        request_model(model_name).model_validate_json(text, strict=True)
    except pydantic.ValidationError as exc:
        raise validation_error(exc, data) from None
    _check_int64(data)
    _check_currencies(data, "")
    return {key: value for key, value in data.items() if value is not None}


class ListQuery:
    """`limit` and `starting_after` of a list request."""

    def __init__(self, limit: int, starting_after: str | None) -> None:
        self.limit = limit
        self.starting_after = starting_after


def query_str(
    query: Mapping[str, str], name: str, *, max_length: int = 255, pattern: str | None = None
) -> str | None:
    """An optional string query parameter, checked against `max_length` and `pattern`."""
    value = query.get(name)
    if value is None:
        return None
    if len(value) > max_length:
        raise invalid_param(name, f"Invalid '{name}': at most {max_length} characters.")
    if pattern is not None and re.fullmatch(pattern, value) is None:
        raise invalid_param(name, f"Invalid '{name}': does not match {pattern}.")
    return value


def query_int(
    query: Mapping[str, str], name: str, *, minimum: int, maximum: int = INT64_MAX, default: int | None = None
) -> int | None:
    """An optional integer query parameter within [minimum, maximum]."""
    value = query.get(name)
    if value is None:
        return default
    if re.fullmatch(r"[+-]?[0-9]{1,20}", value.strip()) is None:
        raise invalid_param(name, f"Invalid '{name}': must be an integer.")
    number = int(value)
    if not minimum <= number <= maximum:
        raise invalid_param(name, f"Invalid '{name}': must be between {minimum} and {maximum}.")
    return number


def query_enum(query: Mapping[str, str], name: str, allowed: Sequence[str]) -> str | None:
    """An optional query parameter that must be one of `allowed`."""
    value = query.get(name)
    if value is None:
        return None
    if value not in allowed:
        raise invalid_param(name, f"Invalid '{name}': must be one of {', '.join(allowed)}.")
    return value


def parse_list_query(query: Mapping[str, str]) -> ListQuery:
    """`limit` (1..100, default 10) and `starting_after` (an object id)."""
    limit = query_int(query, "limit", minimum=1, maximum=100, default=10)
    assert limit is not None
    return ListQuery(limit, query_str(query, "starting_after"))
