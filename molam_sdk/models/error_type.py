# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from enum import StrEnum
from typing import Literal, TypeAlias


class ErrorType(StrEnum):
    """The category of an error; each maps to one SDK exception class.

    Values: `api_error`, `authentication_error`, `idempotency_error`, `invalid_request_error`, `not_found_error`, `payment_error`, `permission_error`, `rate_limit_error`.

        Forward compatible: a value this client does not know yet (the API added one) does not raise; it becomes a
        pseudo-member named `UNKNOWN` holding the raw value, with `is_unknown` True, and is sent back unchanged.
    """

    API_ERROR = "api_error"
    AUTHENTICATION_ERROR = "authentication_error"
    IDEMPOTENCY_ERROR = "idempotency_error"
    INVALID_REQUEST_ERROR = "invalid_request_error"
    NOT_FOUND_ERROR = "not_found_error"
    PAYMENT_ERROR = "payment_error"
    PERMISSION_ERROR = "permission_error"
    RATE_LIMIT_ERROR = "rate_limit_error"

    @classmethod
    def _missing_(cls, value: object) -> ErrorType | None:
        # A new server-side value must never break parsing: keep it as a pseudo-member (not registered in the
        # class, so iteration and `len()` still list only the documented values).
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    @property
    def is_unknown(self) -> bool:
        """True for a value the spec this client was generated from does not list."""
        return self._value_ not in type(self)._value2member_map_

    def __str__(self) -> str:
        return str(self.value)


#: The values of `ErrorType` as a `Literal`: resource methods take either, so a misspelled value
#: fails the caller's type check (responses keep the enum, which also holds values added later).
ErrorTypeLiteral: TypeAlias = Literal[
    "api_error",
    "authentication_error",
    "idempotency_error",
    "invalid_request_error",
    "not_found_error",
    "payment_error",
    "permission_error",
    "rate_limit_error",
]
