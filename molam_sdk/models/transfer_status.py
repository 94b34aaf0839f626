# Generated from spec/molam.yaml by `make generate`; do not edit.
from __future__ import annotations

from enum import StrEnum
from typing import Literal, TypeAlias


class TransferStatus(StrEnum):
    """Where a transfer is in its life.

    Values: `completed`, `failed`, `pending`.

        Forward compatible: a value this client does not know yet (the API added one) does not raise; it becomes a
        pseudo-member named `UNKNOWN` holding the raw value, with `is_unknown` True, and is sent back unchanged.
    """

    COMPLETED = "completed"
    FAILED = "failed"
    PENDING = "pending"

    @classmethod
    def _missing_(cls, value: object) -> TransferStatus | None:
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


#: The values of `TransferStatus` as a `Literal`: resource methods take either, so a misspelled value
#: fails the caller's type check (responses keep the enum, which also holds values added later).
TransferStatusLiteral: TypeAlias = Literal["completed", "failed", "pending"]
