"""Why a request could not be encoded: the `ValidationError` that names the argument, instead of the
`TypeError` or `UnicodeEncodeError` httpx raises while building it.

The client lets httpx encode every request (JSON body, query, headers) and only on failure walks what it was
given to find the culprit, so a valid call pays nothing for the check. What httpx refuses, and we name:

- a JSON value that is not JSON (``metadata={"a": object()}``), a float that is NaN or infinite, a string
  holding a lone surrogate (``"\\ud800"``: not encodable as UTF-8);
- a query parameter of a type httpx cannot put in a URL;
- a header value that is not ASCII (``molam_version``, ``extra_headers``; an ``Idempotency-Key`` given there
  is reported as ``idempotency_key``).

Messages name the argument and the path inside it (``metadata.a``), never the value: it may be a secret.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from .errors import ValidationError

__all__ = ["encoding_error", "json_problem"]

_SCALARS = (str, int, float, bool, type(None))


def _string_problem(value: str) -> str | None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "holds a character that cannot be encoded as UTF-8 (a lone surrogate)"
    return None


def json_problem(value: Any, path: str, depth: int = 0) -> tuple[str, str] | None:
    """The first value under `value` that cannot go in a JSON body, as ``(path, what is wrong)``, or None."""
    if depth > 100:
        return path, "is nested too deeply"
    if isinstance(value, str):
        problem = _string_problem(value)
        return (path, problem) if problem else None
    if isinstance(value, float):
        return None if math.isfinite(value) else (path, "is not a finite number")
    if isinstance(value, _SCALARS):
        return None
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                return f"{path}.{key!r}", "has a key that is not a str"
            key_problem = _string_problem(key)
            if key_problem:
                return f"{path}[key]", key_problem
            found = json_problem(item, f"{path}.{key}", depth + 1)
            if found:
                return found
        return None
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = json_problem(item, f"{path}[{index}]", depth + 1)
            if found:
                return found
        return None
    return path, f"is a {type(value).__name__}, which cannot be sent as JSON"


def _header_param(name: str) -> str:
    lowered = name.lower()
    if lowered == "idempotency-key":
        return "idempotency_key"
    if lowered == "molam-version":
        return "molam_version"
    return "extra_headers"


def encoding_error(described: Mapping[str, Any], error: Exception) -> ValidationError:
    """The `ValidationError` for a request httpx failed to build from `described` (`build_request` keywords)
    with `error`."""
    headers: Iterable[tuple[str, str]] = described.get("headers") or ()
    for name, value in headers:
        if (isinstance(value, str) and not value.isascii()) or (isinstance(name, str) and not name.isascii()):
            param = _header_param(name)
            return ValidationError(
                f"{param}: the header {name.encode('ascii', 'replace').decode()} must be ASCII text.",
                param=param,
            )
    body = described.get("json")
    if isinstance(body, Mapping):
        for key, item in body.items():
            found = json_problem(item, str(key))
            if found:
                path, what = found
                return ValidationError(f"{path} {what}.", param=str(key))
    params = described.get("params")
    if isinstance(params, Mapping):
        for key, item in params.items():
            items = item if isinstance(item, list | tuple) else [item]
            for one in items:
                if not isinstance(one, _SCALARS) or (isinstance(one, str) and _string_problem(one)):
                    return ValidationError(f"{key} cannot be sent in a URL.", param=str(key))
    return ValidationError(f"The request could not be encoded ({type(error).__name__}).")
