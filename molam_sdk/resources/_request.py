# Generated from spec/molam.yaml by `make generate`; do not edit.
"""Pure helpers the resource classes share to build requests and parse responses (sync and async alike)."""

from __future__ import annotations

import datetime
import enum
import json
import os
import sys
import uuid
import warnings
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

import httpx

from ..errors import MissingFieldError, ResponseParseError, ValidationError
from ..requester import RequestOptions
from ..types import UNSET

__all__ = [
    "check_integers",
    "check_path_parameter",
    "missing_argument",
    "options",
    "parse",
    "refuse_fields_with_body",
    "to_json",
    "warn_deprecated",
]

M = TypeVar("M")

#: Types whose values are already JSON (checked by exact type: a str-based enum is not a plain str).
_PLAIN = frozenset({str, int, float, bool, type(None)})
#: What a generated `from_dict` raises on a body that does not fit its model (MissingFieldError is a
#: ValueError, and so is json.JSONDecodeError); RecursionError for absurdly nested JSON.
_PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, RecursionError)
#: Shared by every call that sets no per-call option (RequestOptions is immutable).
_NO_OPTIONS = RequestOptions()
#: This package's directory: frames in it are skipped when a deprecation warning names its call site.
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def warn_deprecated(message: str) -> None:
    """Raise a `DeprecationWarning` attributed to the caller's own line (the first frame outside this package).

    The call may pass through several frames here (a raw-response wrapper, the resource method), so a fixed
    `stacklevel` would blame our code. The warnings registry is per call site, so the default filter shows it
    once per line of the caller's code.
    """
    frame = sys._getframe(1)
    level = 2
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    warnings.warn(message, DeprecationWarning, stacklevel=level)


def to_json(value: Any) -> Any:
    """`value` as JSON-compatible data: models via `to_dict()`, enums by value, containers element-wise."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, enum.Enum):
        return value.value
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    if isinstance(value, Mapping):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def missing_argument(name: str) -> ValidationError:
    """The error for a required body field left out (raised before anything is sent)."""
    return ValidationError(f"Missing required argument: {name}", param=name)


def check_path_parameter(name: str, value: object) -> None:
    """Refuse a path parameter that would not name one object: empty, ``.``/``..``, or holding a ``/``.

    The value is percent-escaped whole, but a server (or a proxy) that decodes before routing would read
    ``pi_1%2Fconfirm`` as another operation, and an empty id turns ``retrieve("")`` into the list URL. So
    such ids never leave the client: `ValidationError` naming the parameter, before anything is sent.
    """
    if not isinstance(value, str):
        raise ValidationError(f"{name} must be a str, not {type(value).__name__}.", param=name)
    if not value or value in (".", "..") or "/" in value:
        raise ValidationError(
            f"{name} must be a non-empty id without '/' (got {len(value)} characters that are not one).",
            param=name,
        )
    if not _encodable(value):
        # A lone surrogate cannot be percent-escaped (UTF-8 has no bytes for it): refused, never sent.
        raise ValidationError(f"{name} must be valid Unicode text (it holds a lone surrogate).", param=name)


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_integers(values: Mapping[str, Any] | None, names: tuple[str, ...]) -> None:
    """Refuse a float or a bool where the spec says integer (``amount``: minor units, never 1.5 or True).

    `names` are the JSON names the spec types as plain (non-nullable) integers; `values` the body or query
    being built. A name that is absent was not given and is not checked.
    """
    if not values:
        return
    for name in names:
        if name not in values:
            continue
        value = values[name]
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(
                f"{name} must be an integer (amounts are integer minor units), not {type(value).__name__}.",
                param=name,
            )


def refuse_fields_with_body(*fields: tuple[str, Any]) -> None:
    """Raise `ValidationError` when a body field argument was given together with `body=`."""
    for name, value in fields:
        if value is not UNSET:
            raise ValidationError(
                "Pass either body= or the body's fields as keyword arguments, not both.", param=name
            )


class _RequestModel(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def body_payload(body: object, model: type[_RequestModel]) -> dict[str, Any]:
    """The JSON of `body=` when it is the operation's request `model`; `ValidationError` naming ``body`` when it
    is anything else (a dict or a str has no `to_dict`: refused before anything is sent, never an
    AttributeError)."""
    if not isinstance(body, model):
        raise ValidationError(
            f"body must be a {model.__name__} (or pass its fields as keyword arguments), "
            f"not {type(body).__name__}.",
            param="body",
        )
    return body.to_dict()


def parse(from_dict: Callable[[Mapping[str, Any]], M], response: httpx.Response, model: str) -> M:
    """The 2xx JSON body of `response` parsed into the operation's response model `model`.

    A body that is not JSON or does not fit the model raises `ResponseParseError` (a `MolamError`) naming
    the model, the status and the request id; the body itself, which may hold secrets, is never quoted.
    """
    try:
        return from_dict(json.loads(response.content))
    except _PARSE_ERRORS as error:
        raise _parse_error(response, model, error) from None


def _parse_error(response: httpx.Response, model: str, error: BaseException) -> ResponseParseError:
    field: str | None = None
    if isinstance(error, MissingFieldError):
        field = error.field
        where = "" if error.model == model else f" of {error.model}"
        detail = f"required field {error.field!r}{where} is missing"
    elif isinstance(error, json.JSONDecodeError | UnicodeDecodeError):
        detail = "the body is not JSON"
    else:
        # Only the exception's type: its message may quote a value from the body.
        detail = f"the body does not match the schema ({type(error).__name__})"
    return ResponseParseError(
        f"The {response.status_code} response could not be parsed as {model}: {detail}.",
        model=model,
        status=response.status_code,
        request_id=response.headers.get("molam-request-id"),
        field=field,
        reason=type(error).__name__,
    )


def options(
    idempotency_key: str | None,
    molam_version: str | None,
    timeout: float | httpx.Timeout | None,
    max_retries: int | None,
    extra_headers: Mapping[str, str] | None,
) -> RequestOptions:
    """The per-call settings handed to the requester."""
    if (
        idempotency_key is None
        and molam_version is None
        and timeout is None
        and max_retries is None
        and extra_headers is None
    ):
        return _NO_OPTIONS
    return RequestOptions(
        idempotency_key=idempotency_key,
        molam_version=molam_version,
        timeout=timeout,
        max_retries=max_retries,
        extra_headers=extra_headers,
    )
