"""Stored objects read and changed through the generated models of `molam_sdk`, for the business plug-ins.

A plug-in never indexes a stored document by a field name: it loads the object as its generated attrs model
(`load(tx, PaymentIntent, account, pi_id)`), changes typed attributes (``pi.obj.status =
PaymentIntentStatus.SUCCEEDED``) and saves it (``pi.save(tx)``, the model's ``to_dict()`` written back). A
field or enum value the spec renames is then a `mypy --strict` error in the plug-in, not a sandbox run that
fails. The table and the ``object`` type of a model come from its ``object`` const, as the engine derives them
from the spec (`molam_sandbox.spec.plural`).

The installed models may be older than the spec the sandbox serves (``--spec``/``--models`` run a changed
spec before `make generate`): a declared field the stored document lacks (removed from that spec) is read as
null and not written back unless a plug-in sets it, and fields the models do not know ride along in
``additional_properties`` (the models' round trip keeps them).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Mapping
from typing import Any, ClassVar, Generic, Protocol, Self, TypeVar, cast

import attrs

from molam_sandbox.metadata import new_metadata
from molam_sandbox.settings import Env
from molam_sandbox.spec import plural
from molam_sandbox.state import Document, Record, Tx

__all__ = [
    "SpecModel",
    "Stored",
    "build",
    "find",
    "fresh",
    "insert",
    "load",
    "object_type",
    "table_of",
    "view",
]


class SpecModel(Protocol):
    """What the generated models offer (`molam_sdk.types.JsonFields` subclasses with the attrs codec)."""

    _json_fields: ClassVar[dict[str, str]]

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-compatible data."""
        ...

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse decoded JSON leniently (unknown fields and enum values kept)."""
        ...


M = TypeVar("M", bound=SpecModel)

# The one field name this bridge needs: every resource schema declares its type as the const of `object`
# (what `molam_sandbox.spec` reads to name tables and 404 messages).
_OBJECT_FIELD = "object"


@functools.cache
def object_type(model: type[SpecModel]) -> str:
    """The ``object`` const of a resource model (`PaymentIntent` -> ``payment_intent``)."""
    hint = typing.get_type_hints(model).get(_OBJECT_FIELD)
    values = typing.get_args(hint)
    if typing.get_origin(hint) is not typing.Literal or len(values) != 1 or not isinstance(values[0], str):
        raise TypeError(f"{model.__name__} is not a resource model (its `object` is not one const)")
    return values[0]


@functools.cache
def _required(model: type[SpecModel]) -> tuple[str, ...]:
    """The JSON names of the fields `model` requires (those its attrs class gives no default)."""
    json_names = {attribute: name for name, attribute in model._json_fields.items()}
    return tuple(
        json_names[field.name]
        for field in attrs.fields(cast(Any, model))
        if field.default is attrs.NOTHING and field.name in json_names
    )


def view(model: type[M], doc: Document) -> M:
    """`doc` parsed as `model`; a required field it lacks (a spec that removed it) is read as null."""
    absent = [key for key in _required(model) if key not in doc]
    return model.from_dict({**doc, **dict.fromkeys(absent)} if absent else doc)


def table_of(model: type[SpecModel]) -> str:
    """The table objects of `model` are stored in (``payment_intents``)."""
    return plural(object_type(model))


@attrs.define
class Stored(Generic[M]):
    """One stored object: its record (public and internal documents) and its typed view `obj`.

    Change `obj`, then `save`: the record's document becomes ``obj.to_dict()``.
    """

    record: Record
    obj: M
    absent: frozenset[str] = frozenset()
    """Declared fields the stored document did not hold (read as null; not written back while still null)."""

    @classmethod
    def of(cls, record: Record, model: type[M]) -> Stored[M]:
        """The typed view of `record` (for instance what `Call.require` returned)."""
        absent = frozenset(key for key in _required(model) if key not in record.doc)
        return Stored(record, view(model, record.doc), absent)

    @property
    def id(self) -> str:
        """The object id."""
        return self.record.id

    @property
    def account(self) -> str:
        """The account owning the object."""
        return self.record.account

    @property
    def internal(self) -> Document:
        """The internal (never served) document."""
        return self.record.internal

    @property
    def doc(self) -> Document:
        """The public document as `obj` holds it now (what `save` writes)."""
        doc = self.obj.to_dict()
        for key in self.absent:
            if doc.get(key, 0) is None:
                del doc[key]
        return doc

    def add(self, tx: Tx) -> Document:
        """Store `obj` as a new object (see `new`); return the public document."""
        self.record.doc = self.doc
        tx.insert(self.record.table, self.record.account, self.record.doc, self.record.internal)
        return self.record.doc

    def save(self, tx: Tx) -> Document:
        """Write `obj` (and the internal document) back; return the public document."""
        self.record.doc = self.doc
        tx.save(self.record)
        return self.record.doc


def new(model: type[M], account: str, doc: Document, internal: Document | None = None) -> Stored[M]:
    """The typed view of a new object `doc` (made by ``Call.new_object``), not yet stored: change it, then `add`."""
    return Stored.of(Record(table_of(model), account, doc, dict(internal or {})), model)


def find(tx: Tx, model: type[M], account: str, object_id: str) -> Stored[M] | None:
    """The `model` object `object_id` of `account`, or None."""
    record = tx.get(table_of(model), account, object_id)
    return None if record is None else Stored.of(record, model)


def load(tx: Tx, model: type[M], account: str, object_id: str, *, param: str | None = None) -> Stored[M]:
    """Like `find`, but a missing object is a 404 (or a 400 naming `param`, for an id given as input)."""
    record = tx.require(table_of(model), account, object_id, object_type(model), param=param)
    return Stored.of(record, model)


def insert(tx: Tx, account: str, obj: M, internal: Document | None = None) -> Stored[M]:
    """Store `obj` as a new object of `account` (its model names the table)."""
    record = tx.insert(table_of(type(obj)), account, obj.to_dict(), internal)
    return Stored(record, obj)


# The fields every resource has, set by the sandbox rather than by a request (as the engine's `Call.new_object`).
_ID, _CREATED, _LIVEMODE, _METADATA = "id", "created", "livemode", "metadata"


def build(tx: Tx, env: Env, model: type[M], params: Document, **decided: Any) -> M:
    """A new `model` object (not stored) made as the engine's ``Call.new_object`` makes a create's object.

    For objects a business rule makes besides the operation's own (the charge of a confirmation, the refund of
    ``refund_charge``, the wallets an account starts with): a fresh id of the model's table, its ``object``,
    ``created`` and ``livemode``; every field of `params` the model declares under the same name (metadata
    checked); then what the rule `decided` (each must be a declared field: a typo or a rename fails here);
    every other required field null.
    """
    declared = model._json_fields
    unknown = sorted(set(decided) - set(declared))
    if unknown:
        raise ValueError(f"{model.__name__} declares no {', '.join(unknown)}")
    doc: Document = dict.fromkeys(_required(model))
    doc.update((key, value) for key, value in params.items() if key in declared)
    if _METADATA in declared:
        doc[_METADATA] = new_metadata(params.get(_METADATA))
    doc.update({_ID: tx.new_id(table_of(model)), _CREATED: env.ts, _LIVEMODE: False})
    doc[_OBJECT_FIELD] = object_type(model)
    doc.update(decided)
    return model.from_dict(doc)


def fresh(tx: Tx, env: Env, model: type[SpecModel]) -> dict[str, Any]:
    """The fields the sandbox sets on any new `model` object: id, object, created, livemode.

    For a typed construction of an object no request describes: ``Charge(**fresh(tx, env, Charge), amount=...)``
    (mypy checks every other field by name and type; the ``object`` const comes from the model itself).
    """
    return {
        _ID: tx.new_id(table_of(model)),
        _OBJECT_FIELD: object_type(model),
        _CREATED: env.ts,
        _LIVEMODE: False,
    }
