"""Why a request could not be encoded: the `ValidationError` that names the argument, instead of the
`TypeError`, `UnicodeEncodeError` or `httpx.InvalidURL` httpx raises while building it.

The client lets httpx encode every request (JSON body, query, headers) and only on failure walks what it was
given to find the culprit, so a valid call pays nothing for the check. What httpx refuses, and we name:

- a JSON value that is not JSON (``metadata={"a": object()}``), a float that is NaN or infinite, a string
  holding a lone surrogate (``"\\ud800"``: not encodable as UTF-8);
- a query parameter of a type httpx cannot put in a URL, or holding a lone surrogate;
- a header value that is not ASCII (``molam_version``, ``extra_headers``; an ``Idempotency-Key`` given there
  is reported as ``idempotency_key``).

One check runs before httpx, because what it catches would otherwise pass httpx and fail later or elsewhere:
`check_url` refuses a URL longer than `MAX_URL_LENGTH` (httpx itself refuses only 64 KiB, and servers and
proxies answer 414 to much less), naming the path id or query parameter that made it long. It costs one
length sum per call; the exact measure runs only when the sum's worst case is over the limit.

Messages name the argument and the path inside it (``metadata.a``), never the value: it may be a secret.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from .config import header_param
from .errors import ValidationError

__all__ = ["MAX_URL_LENGTH", "PATH_PARAMETER", "check_url", "encoding_error", "json_problem"]

#: The longest URL the client sends (base URL, path and query string, percent-encoded): the request-line limit
#: of common servers and proxies (nginx's 8 KB header buffers, Apache's 8190 bytes), so a longer one would
#: only come back as a 414, or as httpx's `InvalidURL` past 64 KiB.
MAX_URL_LENGTH = 8192
#: How a path value is named in errors. The generated resources hand the client a path already filled in, so
#: the parameter's own name is not known here; every path parameter of the API is an object id called ``id``
#: (DESIGN.md section 2; tests/ext/test_url_values.py checks the spec still says so).
PATH_PARAMETER = "id"
#: The most characters one character can take in a URL: 4 UTF-8 bytes, each ``%XX``.
_WORST_EXPANSION = 12
#: Room for a number's text, a separator and an ``=``: enough for any float's repr.
_SCALAR_ROOM = 32

_SCALARS = (str, int, float, bool, type(None))


def _string_problem(value: str) -> str | None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "holds a character that cannot be encoded as UTF-8 (a lone surrogate)"
    return None


def _int_problem(value: int) -> str | None:
    try:
        str(value)
    except ValueError:  # Python refuses to print an int of more than 4300 digits (sys.int_info)
        return "is a number with too many digits to send"
    return None


def json_problem(value: Any, path: str, depth: int = 0) -> tuple[str, str] | None:
    """The first value under `value` that cannot go in a JSON body, as ``(path, what is wrong)``, or None."""
    if depth > 100:
        return path, "is nested too deeply"
    if isinstance(value, str):
        problem = _string_problem(value)
        return (path, problem) if problem else None
    if isinstance(value, int) and not isinstance(value, bool):
        problem = _int_problem(value)
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


def _query_values(value: Any) -> Iterable[Any]:
    return value if isinstance(value, list | tuple) else (value,)


def _worst_length(value: Any) -> int:
    """An upper bound of `value`'s length in a query string, without encoding it."""
    if isinstance(value, str):
        return _WORST_EXPANSION * len(value) + 2
    if isinstance(value, int) and not isinstance(value, bool):
        # Digits from the bit length: str() of a huge int is itself refused past 4300 digits.
        return abs(value).bit_length() * 30103 // 100000 + _SCALAR_ROOM
    return _SCALAR_ROOM


def _encoded_length(name: str, value: Any) -> int:
    """`value`'s length once percent-encoded (a str), or its worst case (anything else)."""
    if not isinstance(value, str):
        return _worst_length(value)
    try:
        return len(quote(value, safe="")) + 2
    except UnicodeEncodeError:
        raise ValidationError(
            f"{name} holds a character that cannot be encoded as UTF-8 (a lone surrogate).", param=name
        ) from None


def _too_long(param: str, length: int) -> ValidationError:
    return ValidationError(
        f"{param} is too long to send in a URL ({length} characters once percent-encoded; the whole URL may "
        f"hold {MAX_URL_LENGTH}).",
        param=param,
    )


def check_url(url: str, params: Mapping[str, Any] | None) -> None:
    """Refuse a request whose URL (`url`, the path already percent-encoded, plus the query `params`) would be
    longer than `MAX_URL_LENGTH`: `ValidationError` naming the longest value, a query parameter or the path's
    id (`PATH_PARAMETER`). A query value holding a lone surrogate is refused on the way, naming it."""
    worst = len(url)
    if params:
        for name, value in params.items():
            for one in _query_values(value):
                worst += len(name) + _worst_length(one)
    if worst <= MAX_URL_LENGTH:
        return
    # The exact measure, and the culprit: the longest path segment or query value.
    longest_param, longest = PATH_PARAMETER, max((len(segment) for segment in url.split("/")), default=0)
    total = len(url)
    for name, value in (params or {}).items():
        for one in _query_values(value):
            length = _encoded_length(name, one)
            total += len(name) + length
            if length > longest:
                longest_param, longest = name, length
    if total > MAX_URL_LENGTH:
        raise _too_long(longest_param, longest)


def encoding_error(described: Mapping[str, Any], error: Exception) -> ValidationError:
    """The `ValidationError` for a request httpx failed to build from `described` (`build_request` keywords)
    with `error`."""
    headers: Iterable[tuple[str, str]] = described.get("headers") or ()
    for name, value in headers:
        if (isinstance(value, str) and not value.isascii()) or (isinstance(name, str) and not name.isascii()):
            param = header_param(name)
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
            for one in _query_values(item):
                if (
                    not isinstance(one, _SCALARS)
                    or (isinstance(one, str) and _string_problem(one))
                    or (isinstance(one, int) and _int_problem(one))
                ):
                    return ValidationError(f"{key} cannot be sent in a URL.", param=str(key))
    url = described.get("url")
    if isinstance(url, str) and _string_problem(url):
        return ValidationError(f"{PATH_PARAMETER} cannot be sent in a URL.", param=PATH_PARAMETER)
    return ValidationError(f"The request could not be encoded ({type(error).__name__}).")
