"""The schema rule sets: compare a base schema with a head schema in one direction.

Work is split in two: `_local` compares one pair of schema locations (types, nullability, format, enum,
constraints, property set, variants) and names the child pairs to compare next; `walk` explores the
pairs reachable from an operation's roots, each once, so recursive schemas terminate. Local results
for pairs of component locations do not depend on the operation and are computed once per direction.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from typing import Any

from generator.specdiff.document import Document, Located
from generator.specdiff.findings import Finding, finding
from generator.specdiff.pointer import unescape
from generator.specdiff.rules import Direction
from generator.specdiff.schema_view import Keyword, SchemaView, build_view
from generator.specdiff.symbols import SymbolContext, is_model_pointer

Pair = tuple[Located, Located]
_Emit = Callable[..., None]

# Formats that change the Python type openapi-python-client generates (str -> datetime, UUID, File...).
TYPED_FORMATS = frozenset({"date", "date-time", "uuid", "binary"})
_UPPER_SIZES = ("maxLength", "maxItems", "maxProperties")
_LOWER_SIZES = ("minLength", "minItems", "minProperties")


def _parent(pointer: str) -> str:
    return pointer.rsplit("/", 1)[0]


def _value_key(value: Any) -> str:
    # Canonical JSON keeps 1, 1.0, True and "1" apart (Python's == would merge some of them).
    return json.dumps(value, sort_keys=True, default=str)


def _covers(types: frozenset[str] | None, kind: str) -> bool:
    return types is None or kind in types or (kind == "integer" and "number" in types)


def _accepts_all(wider: frozenset[str] | None, narrower: frozenset[str] | None) -> bool:
    """True when every value of type set `narrower` is also of type set `wider` (None: any type)."""
    if wider is None:
        return True
    if narrower is None:
        return False
    return all(_covers(wider, kind) for kind in narrower)


def _describe_types(types: frozenset[str] | None) -> str:
    return "any" if types is None else "|".join(sorted(types)) or "nothing"


def _bound(view: SchemaView, upper: bool) -> tuple[float, bool, Keyword] | None:
    """The effective maximum (upper) or minimum as (value, exclusive, keyword), 3.0 and 3.1 styles."""
    plain = view.constraints.get("maximum" if upper else "minimum")
    exclusive = view.constraints.get("exclusiveMaximum" if upper else "exclusiveMinimum")
    candidates: list[tuple[float, bool, Keyword]] = []
    if plain is not None and isinstance(plain.value, int | float) and not isinstance(plain.value, bool):
        is_exclusive = exclusive is not None and exclusive.value is True  # OpenAPI 3.0 boolean form
        candidates.append((float(plain.value), is_exclusive, plain))
    if (
        exclusive is not None
        and isinstance(exclusive.value, int | float)
        and not isinstance(exclusive.value, bool)
    ):
        candidates.append((float(exclusive.value), True, exclusive))
    if not candidates:
        return None
    # The tightest bound wins: smallest maximum / largest minimum; exclusive beats inclusive on a tie.
    if upper:
        return min(candidates, key=lambda item: (item[0], not item[1]))
    return max(candidates, key=lambda item: (item[0], item[1]))


def _size(keyword: Keyword | None, upper: bool) -> float:
    """A size limit as a number; absent or malformed limits are unbounded."""
    value = None if keyword is None else keyword.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return math.inf if upper else 0.0


def _tighter(head: tuple[float, bool], base: tuple[float, bool], upper: bool) -> bool:
    if head[0] != base[0]:
        return head[0] < base[0] if upper else head[0] > base[0]
    return head[1] and not base[1]


class SchemaWalker:
    """Compares schemas of two documents; remembers which component schemas any walk reached."""

    def __init__(self, base: Document, head: Document) -> None:
        self.base = base
        self.head = head
        self.reached_base: set[str] = set()
        self.reached_head: set[str] = set()
        self._views: tuple[dict[str, SchemaView], dict[str, SchemaView]] = ({}, {})
        self._memo: dict[tuple[str, str, Direction], tuple[list[Finding], list[Pair]]] = {}

    def walk(self, roots: Iterable[Pair], direction: Direction, ctx: SymbolContext) -> list[Finding]:
        """All findings reachable from `roots` (pairs of base/head schema locations), each pair once."""
        out: list[Finding] = []
        visited: set[tuple[str, str]] = set()
        stack = list(roots)
        while stack:
            raw_base, raw_head = stack.pop()
            base = self.base.deref(raw_base, schema=True)
            head = self.head.deref(raw_head, schema=True)
            key = (base.pointer, head.pointer)
            if key in visited:
                continue
            visited.add(key)
            found, children = self._local(base, head, direction, ctx)
            out.extend(found)
            stack.extend(children)
        return out

    def view(self, side: int, loc: Located) -> SchemaView:
        """The flattened schema at `loc` in the base (side 0) or head (side 1) document, cached."""
        doc = self.head if side else self.base
        loc = doc.deref(loc, schema=True)
        cache = self._views[side]
        found = cache.get(loc.pointer)
        if found is None:
            found = cache[loc.pointer] = build_view(doc, loc)
            (self.reached_head if side else self.reached_base).update(found.components)
        return found

    def _local(
        self, base: Located, head: Located, d: Direction, ctx: SymbolContext
    ) -> tuple[list[Finding], list[Pair]]:
        memo_key = (base.pointer, head.pointer, d)
        cacheable = is_model_pointer(base.pointer) and is_model_pointer(head.pointer)
        if cacheable and memo_key in self._memo:
            return self._memo[memo_key]
        bv, hv = self.view(0, base), self.view(1, head)
        out: list[Finding] = []
        children: list[Pair] = []

        def emit(
            kind: str,
            message: str,
            bp: str | None,
            hp: str | None,
            *,
            sym: tuple[str | None, str | None] | None = None,
            deprecated: bool = False,
        ) -> None:
            names = sym if sym is not None else (bp, hp)
            out.append(
                finding(f"{d.prefix}-{kind}", message, bp, hp, ctx.name(*names), deprecated=deprecated)
            )

        self._nullable(bv, hv, d, emit)
        if bool(bv.variants) != bool(hv.variants):
            # A union on one side only (`X` became `oneOf: [X, Y]`): compare as unions; the other
            # keywords are compared inside the matching variant.
            self._variants(bv, hv, emit, children)
            return self._remember(memo_key, cacheable, out, children)
        self._types(bv, hv, d, emit)
        self._format(bv, hv, d, emit)
        self._enum(bv, hv, d, emit)
        self._constraints(bv, hv, emit)
        self._properties(bv, hv, d, emit, children)
        if bv.items is not None and hv.items is not None:
            children.append((bv.items, hv.items))
        if bv.additional is not None and hv.additional is not None:
            children.append((bv.additional, hv.additional))
        self._variants(bv, hv, emit, children)
        return self._remember(memo_key, cacheable, out, children)

    def _remember(
        self, key: tuple[str, str, Direction], cacheable: bool, out: list[Finding], children: list[Pair]
    ) -> tuple[list[Finding], list[Pair]]:
        if cacheable:
            self._memo[key] = (out, children)
        return out, children

    @staticmethod
    def _types(bv: SchemaView, hv: SchemaView, d: Direction, emit: _Emit) -> None:
        if bv.types == hv.types:
            return
        message = f"type changed from {_describe_types(bv.types)} to {_describe_types(hv.types)}"
        if d.is_request and _accepts_all(hv.types, bv.types):
            emit("type-widened", message, bv.pointer, hv.pointer)
        elif not d.is_request and _accepts_all(bv.types, hv.types):
            emit("type-narrowed", message, bv.pointer, hv.pointer)
        else:
            emit("type-changed", message, bv.pointer, hv.pointer)

    @staticmethod
    def _nullable(bv: SchemaView, hv: SchemaView, d: Direction, emit: _Emit) -> None:
        if bv.nullable and not hv.nullable:
            emit("became-non-nullable", "null is no longer allowed", bv.pointer, hv.pointer)
        elif hv.nullable and not bv.nullable:
            emit("became-nullable", "the value may now be null", bv.pointer, hv.pointer)

    @staticmethod
    def _format(bv: SchemaView, hv: SchemaView, d: Direction, emit: _Emit) -> None:
        old = None if bv.format is None else bv.format.value
        new = None if hv.format is None else hv.format.value
        if old == new:
            return
        bp = bv.pointer if bv.format is None else bv.format.pointer
        hp = hv.pointer if hv.format is None else hv.format.pointer
        sym = (_parent(bp) if bv.format else bp, _parent(hp) if hv.format else hp)
        message = f"format changed from {old or 'none'} to {new or 'none'}"
        typed = old in TYPED_FORMATS or new in TYPED_FORMATS
        if (old is not None and new is not None) or typed or (d.is_request and new is not None):
            emit("format-changed", message, bp, hp, sym=sym)
        else:
            emit("format-compatible-change", message, bp, hp, sym=sym)

    @staticmethod
    def _enum(bv: SchemaView, hv: SchemaView, d: Direction, emit: _Emit) -> None:
        if bv.enum is None and hv.enum is None:
            return
        base_owner = bv.enum_owner or bv.pointer
        head_owner = hv.enum_owner or hv.pointer
        if bv.enum is None:
            message = "the value is now restricted to an enum/const"
            emit("enum-restricted", message, bv.pointer, _enum_container(hv), sym=(bv.pointer, head_owner))
            return
        if hv.enum is None:
            message = "the enum/const restriction was dropped"
            emit("enum-unrestricted", message, _enum_container(bv), hv.pointer, sym=(base_owner, hv.pointer))
            return
        base_values = {_value_key(item.value): item for item in bv.enum}
        head_values = {_value_key(item.value): item for item in hv.enum}
        head_container, base_container = _enum_container(hv), _enum_container(bv)
        for key, item in base_values.items():
            if key not in head_values:
                emit(
                    "enum-value-removed",
                    f"enum value {item.value!r} removed",
                    item.pointer,
                    head_container,
                    sym=(base_owner, head_owner),
                )
        for key, item in head_values.items():
            if key not in base_values:
                emit(
                    "enum-value-added",
                    f"enum value {item.value!r} added",
                    base_container,
                    item.pointer,
                    sym=(base_owner, head_owner),
                )

    def _constraints(self, bv: SchemaView, hv: SchemaView, emit: _Emit) -> None:
        def report(
            keyword: str, narrowed: bool, old: Keyword | None, new: Keyword | None, detail: str
        ) -> None:
            bp = bv.pointer if old is None else old.pointer
            hp = hv.pointer if new is None else new.pointer
            sym = (bv.pointer if old is None else _parent(bp), hv.pointer if new is None else _parent(hp))
            kind = "constraint-narrowed" if narrowed else "constraint-widened"
            emit(kind, f"{keyword} {detail}", bp, hp, sym=sym)

        def text(item: Keyword | None) -> str:
            return "none" if item is None else json.dumps(item.value, default=str)

        for keyword in (*_UPPER_SIZES, *_LOWER_SIZES):
            old, new = bv.constraints.get(keyword), hv.constraints.get(keyword)
            upper = keyword in _UPPER_SIZES
            # Absent means unbounded: no maximum, or a minimum of 0 (so `minItems: 0` is no change).
            old_size, new_size = _size(old, upper), _size(new, upper)
            if old_size == new_size:
                continue
            narrowed = new_size < old_size if upper else new_size > old_size
            report(keyword, narrowed, old, new, f"changed from {text(old)} to {text(new)}")
        for upper in (True, False):
            old_bound, new_bound = _bound(bv, upper), _bound(hv, upper)
            if old_bound is None and new_bound is None:
                continue
            if old_bound is not None and new_bound is not None and old_bound[:2] == new_bound[:2]:
                continue
            name = "maximum" if upper else "minimum"
            narrowed = new_bound is not None and (
                old_bound is None or _tighter(new_bound[:2], old_bound[:2], upper)
            )
            old_kw = None if old_bound is None else old_bound[2]
            new_kw = None if new_bound is None else new_bound[2]
            report(
                name,
                narrowed,
                old_kw,
                new_kw,
                f"changed from {_bound_text(old_bound)} to {_bound_text(new_bound)}",
            )
        old, new = bv.constraints.get("pattern"), hv.constraints.get("pattern")
        if (None if old is None else old.value) != (None if new is None else new.value):
            report("pattern", new is not None, old, new, f"changed from {text(old)} to {text(new)}")
        old, new = bv.constraints.get("multipleOf"), hv.constraints.get("multipleOf")
        if (None if old is None else old.value) != (None if new is None else new.value):
            narrowed = new is not None and (old is None or not _divides(new.value, old.value))
            report("multipleOf", narrowed, old, new, f"changed from {text(old)} to {text(new)}")
        old, new = bv.constraints.get("uniqueItems"), hv.constraints.get("uniqueItems")
        old_unique, new_unique = old is not None and old.value is True, new is not None and new.value is True
        if old_unique != new_unique:
            report("uniqueItems", new_unique, old, new, f"changed from {old_unique} to {new_unique}")
        if (bv.closed is None) != (hv.closed is None):
            closing = hv.closed is not None
            report(
                "additionalProperties",
                closing,
                bv.closed,
                hv.closed,
                "is now false" if closing else "is no longer false",
            )

    def _properties(
        self, bv: SchemaView, hv: SchemaView, d: Direction, emit: _Emit, children: list[Pair]
    ) -> None:
        for name in sorted(set(bv.properties) | set(hv.properties)):
            base = self._visible(0, bv.properties.get(name), d)
            head = self._visible(1, hv.properties.get(name), d)
            in_base, in_head = name in bv.required, name in hv.required
            if base is not None and head is None:
                deprecated = self._deprecated(0, base)
                emit(
                    "property-removed",
                    f"property {name!r} removed",
                    base.pointer,
                    None,
                    deprecated=deprecated,
                )
            elif head is not None and base is None:
                if d.is_request and in_head:
                    emit("required-property-added", f"required property {name!r} added", None, head.pointer)
                else:
                    qualifier = "required" if in_head else "optional"
                    emit("property-added", f"{qualifier} property {name!r} added", None, head.pointer)
            elif base is not None and head is not None:
                if in_base != in_head:
                    kind = "property-became-required" if in_head else "property-became-optional"
                    emit(
                        kind,
                        f"property {name!r} {'became required' if in_head else 'became optional'}",
                        base.pointer,
                        head.pointer,
                    )
                children.append((base, head))

    def _visible(self, side: int, loc: Located | None, d: Direction) -> Located | None:
        """`loc` unless the direction never carries it (readOnly in requests, writeOnly when reading)."""
        if loc is None or d is Direction.MODEL:
            return loc
        view = self.view(side, loc)
        hidden = view.read_only if d.is_request else view.write_only
        return None if hidden else loc

    def _deprecated(self, side: int, loc: Located) -> bool:
        raw = loc.node
        return (isinstance(raw, dict) and raw.get("deprecated") is True) or self.view(side, loc).deprecated

    def _variants(self, bv: SchemaView, hv: SchemaView, emit: _Emit, children: list[Pair]) -> None:
        if not bv.variants and not hv.variants:
            return
        base, head = _keyed_variants(bv), _keyed_variants(hv)
        for key, item in base.items():
            if key not in head:
                emit(
                    "variant-removed",
                    f"variant {key} removed",
                    item.pointer,
                    hv.pointer,
                    sym=(bv.pointer, hv.pointer),
                )
        for key, item in head.items():
            if key not in base:
                emit(
                    "variant-added",
                    f"variant {key} added",
                    bv.pointer,
                    item.pointer,
                    sym=(bv.pointer, hv.pointer),
                )
            else:
                children.append((base[key], item))


def _enum_container(view: SchemaView) -> str:
    """The pointer of the `enum` array (or the `const` keyword) of a view that has one."""
    if view.enum_owner is None:
        return view.pointer
    first = view.enum[0].pointer if view.enum else None
    if first is not None and first.endswith("/const"):
        return first
    return view.enum_owner + "/enum"


def _keyed_variants(view: SchemaView) -> dict[str, Located]:
    """The variants of a union by key; a non-union is one variant (itself, or the X of `anyOf: [X, null]`)."""
    if view.variants:
        return {_variant_key(item, index): item for index, item in enumerate(view.variants)}
    if view.single is not None:
        return {_variant_key(view.single, 0): view.single}
    tokens = view.pointer.split("/")
    name = tokens[3] if view.pointer.startswith("/components/schemas/") and len(tokens) == 4 else "#0"
    return {unescape(name): Located(view.node, view.pointer)}


def _variant_key(loc: Located, index: int) -> str:
    """Variants match by the component they reference, inline ones by position."""
    node = loc.node
    ref = node.get("$ref") if isinstance(node, dict) else None
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else f"#{index}"


def _divides(new: Any, old: Any) -> bool:
    """True when every multiple of `old` is a multiple of `new` (the new multipleOf is no narrower)."""
    if not isinstance(new, int | float) or not isinstance(old, int | float) or not new:
        return False
    ratio = old / new
    return abs(ratio - round(ratio)) < 1e-9


def _bound_text(bound: tuple[float, bool, Keyword] | None) -> str:
    if bound is None:
        return "none"
    value = int(bound[0]) if bound[0].is_integer() else bound[0]
    return f"{value} (exclusive)" if bound[1] else str(value)
