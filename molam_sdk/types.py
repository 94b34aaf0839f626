# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The "argument not given" marker the models and resources share, the required-field helper, the repr that
hides secrets, the accessor of fields the spec marks deprecated, and reading a model like its JSON."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Literal

from .errors import MissingFieldError


class Unset:
    """The type of `UNSET`: an optional argument or field that was not given (distinct from None)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()


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


#: Field names whose values are secrets (a payment intent's client_secret, a webhook endpoint's secret).
SECRET_FIELDS = frozenset({"client_secret", "secret"})


def redacted_repr(instance: Any) -> str:
    """The attrs-style repr of a model instance, with every field named in `SECRET_FIELDS` shown as ``'***'``.

    Secrets must never reach a log line, and a repr ends up in one (an exception, a debugger, a print).
    """
    import attrs  # the models are attrs classes already; only a repr of a model with a secret pays this

    parts = []
    for field in attrs.fields(type(instance)):
        if not field.repr:
            continue
        value = getattr(instance, field.name)
        shown = "'***'" if field.name in SECRET_FIELDS and isinstance(value, str) and value else repr(value)
        parts.append(f"{field.name}={shown}")
    return f"{type(instance).__name__}({', '.join(parts)})"


#: This package's directory: reads from its own code (to_dict, reading a model like JSON) are not "uses".
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
#: attrs writes __repr__ / __eq__ into files with these names: a repr or a comparison is not a use either.
_ATTRS_GENERATED = "<attrs generated"


def deprecated_field(model: type, name: str, message: str) -> property:
    """The attribute `name` of the attrs (slots) class `model`, warning on every read by the caller's code.

    Reading the field from outside this package raises a `DeprecationWarning` attributed to the caller's line
    (the default filter shows it once per line); the value is stored and set as for any field, and the
    model's own code (parsing, `to_dict`, repr) reads it silently.
    """
    slot = model.__dict__[name]

    def read(self: Any) -> Any:
        caller = sys._getframe(1).f_code.co_filename
        if not caller.startswith((_PACKAGE_DIR, _ATTRS_GENERATED)):
            warnings.warn(message, DeprecationWarning, stacklevel=2)
        return slot.__get__(self, model)

    def write(self: Any, value: Any) -> None:
        slot.__set__(self, value)

    return property(read, write, doc=f".. deprecated:: {message}")


class JsonFields:
    """Read a model like the decoded JSON: `intent["id"]`, `"status" in intent`, `intent.get("metadata")`.

    For declared fields (by their JSON name, through the model's `_json_fields`) and unknown ones (kept in
    `additional_properties`) alike; a declared field the payload did not hold is absent. Attribute access stays
    the typed way; nothing here touches parsing. Writes go to the attribute. No `__len__`: a model with every
    optional field unset must stay truthy.
    """

    __slots__ = ()
    #: JSON name -> attribute name of every declared field (set by each model).
    _json_fields: ClassVar[Mapping[str, str]] = {}

    def _unknown(self) -> dict[str, Any] | None:
        unknown = getattr(self, "additional_properties", None)
        return unknown if isinstance(unknown, dict) else None

    def __getitem__(self, key: str) -> Any:
        """The field named `key` in the JSON (declared or unknown); `KeyError` when the payload had none."""
        name = self._json_fields.get(key)
        if name is None:
            unknown = self._unknown()
            if unknown is None:
                raise KeyError(key)
            return unknown[key]
        value = getattr(self, name)
        if isinstance(value, Unset):
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        name = self._json_fields.get(key)
        if name is not None:
            setattr(self, name, value)
            return
        unknown = self._unknown()
        if unknown is None:
            raise KeyError(key)
        unknown[key] = value

    def __delitem__(self, key: str) -> None:
        if key in self._json_fields:
            raise TypeError(
                f"{key!r} is a declared field of {type(self).__name__}: assign it rather than delete it"
            )
        unknown = self._unknown()
        if unknown is None:
            raise KeyError(key)
        del unknown[key]

    def __contains__(self, key: object) -> bool:
        name = self._json_fields.get(key) if isinstance(key, str) else None
        if name is None:
            unknown = self._unknown()
            return unknown is not None and key in unknown
        return not isinstance(getattr(self, name), Unset)

    def get(self, key: str, default: Any = None) -> Any:
        """The field named `key` in the JSON, or `default` when absent (as `dict.get`)."""
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self) -> list[str]:
        """The JSON names present: the declared fields that are set, then the unknown ones."""
        present = [
            key for key, name in self._json_fields.items() if not isinstance(getattr(self, name), Unset)
        ]
        present.extend(self._unknown() or ())
        return present

    def items(self) -> list[tuple[str, Any]]:
        """The (JSON name, value) pairs present, values as the typed attributes hold them."""
        return [(key, self[key]) for key in self.keys()]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())


__all__ = [
    "SECRET_FIELDS",
    "UNSET",
    "JsonFields",
    "Unset",
    "deprecated_field",
    "pop_required",
    "redacted_repr",
]
