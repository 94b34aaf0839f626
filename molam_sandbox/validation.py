"""Request validation: JSON bodies against the pydantic models generated from the spec, and query parameters
against their declared schemas.

Bodies are validated with the generated request models (`molam_sandbox.models`, strict JSON mode:
``"100"`` is not an amount), then the handlers work on the plain parsed JSON, so values reach the store
exactly as sent. Every failure is a 400 ``invalid_request_error`` whose ``param`` is the dotted path of the
first offending field (``beneficiary.msisdn``, ``enabled_events.0``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pydantic

from molam_sandbox.errors import SandboxError, invalid_param
from molam_sandbox.spec import QueryParam
from molam_sdk_ext.errors import ValidationError
from molam_sdk_ext.money import exponent

__all__ = [
    "INT64_MAX",
    "check_currency",
    "error_param",
    "parse_body",
    "parse_query",
    "validation_error",
]

INT64_MAX = 2**63 - 1


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


def parse_body(
    raw: bytes,
    model: type[pydantic.BaseModel] | None,
    *,
    check: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Validate a JSON request body with the generated `model`; return the parsed object without nulls.

    An empty body is ``{}`` (the model says whether that is enough). Without a model (an operation with no
    declared body) the body is ignored. `check` sees the parsed object first, nulls included (the engine's
    unknown-field check: a field the spec does not declare is refused even when null).
    """
    if model is None:
        return {}
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
    if check is not None:
        check(data)
    try:
        model.model_validate_json(text, strict=True)
    except pydantic.ValidationError as exc:
        raise validation_error(exc, data) from None
    _check_int64(data)
    _check_currencies(data, "")
    return {key: value for key, value in data.items() if value is not None}


def parse_query(params: Sequence[QueryParam], query: Mapping[str, str]) -> dict[str, Any]:
    """The declared query parameters of an operation, checked against their schemas (the engine has already
    refused undeclared ones).

    Integers within ``minimum``/``maximum`` (``limit`` 1..100, default 10), strings within ``maxLength`` and
    ``pattern``, enums among the values the spec lists, booleans ``true``/``false``; a missing parameter takes
    its schema default (absent when it has none). Every failure is a 400 naming the parameter.
    """
    out: dict[str, Any] = {}
    for param in params:
        value = query.get(param.name)
        if value is None:
            if param.required:
                raise invalid_param(param.name, f"Missing '{param.name}'.", "parameter_missing")
            if param.default is not None:
                out[param.name] = param.default
            continue
        out[param.name] = _query_value(param, value)
    return out


def _query_value(param: QueryParam, value: str) -> Any:
    name = param.name
    if param.enum is not None:
        if value not in param.enum:
            raise invalid_param(name, f"Invalid '{name}': must be one of {', '.join(param.enum)}.")
        return value
    if param.type == "integer":
        if re.fullmatch(r"[+-]?[0-9]{1,20}", value.strip()) is None:
            raise invalid_param(name, f"Invalid '{name}': must be an integer.")
        number = int(value)
        low = param.minimum if param.minimum is not None else -INT64_MAX - 1
        high = param.maximum if param.maximum is not None else INT64_MAX
        if not low <= number <= high:
            raise invalid_param(name, f"Invalid '{name}': must be between {low} and {high}.")
        return number
    if param.type == "boolean":
        if value not in ("true", "false"):
            raise invalid_param(name, f"Invalid '{name}': must be true or false.")
        return value == "true"
    max_length = param.max_length if param.max_length is not None else 255
    if len(value) > max_length:
        raise invalid_param(name, f"Invalid '{name}': at most {max_length} characters.")
    if param.pattern is not None and re.search(param.pattern, value) is None:
        raise invalid_param(name, f"Invalid '{name}': does not match {param.pattern}.")
    return value
