# Generated from spec/molam.yaml by `make generate`; do not edit.
"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define

from .errors import MissingFieldError


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def pop_required(data: dict[str, Any], key: str, model: str) -> Any:
    """Remove and return `data[key]`, a field the spec marks required on `model`.

    A payload without it is refused with `MissingFieldError` naming the model and the field, rather than a bare
    `KeyError`: the declared type promises the value is there, so defaulting it would hide a contract break that
    the caller should see (and report, with the request id). Unknown fields and enum values, by contrast, are
    kept: they are what a newer API legitimately sends.
    """
    try:
        return data.pop(key)
    except KeyError:
        raise MissingFieldError(model, key) from None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset", "pop_required"]
