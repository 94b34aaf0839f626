"""The schema rule sets: compare a base schema with a head schema in one direction.

Work is split in two: `_local` compares one pair of schema locations (types, nullability, format, enum,
constraints, property set, variants) and names the child pairs to compare next; its result does not depend
on the operation (only a finding's SDK symbol does, and that is named afterwards from the locations).

Two ways to explore: `walk` follows the pairs reachable from one operation's roots, each once, so
recursive schemas terminate (the plain comparison, kept as the reference). `attach` + `collect` (the
memoized comparison) compare every pair of locations once for the whole document: the pairs reachable
from every root form one graph, its strongly connected components say which changed pairs each root
reaches (a bit set per component), and each change becomes one finding listing every operation that
reaches it. On a Stripe-sized spec, where 400 operations reach the same expandable schemas, that is one
comparison per pair instead of one per (operation, pair).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import unquote

from generator.specdiff.document import SCHEMAS, Document, Located
from generator.specdiff.findings import Finding, OperationRef, finding
from generator.specdiff.pointer import split, unescape
from generator.specdiff.rules import Direction, SchemaChange, schema_rule
from generator.specdiff.schema_view import Keyword, SchemaView, build_view
from generator.specdiff.symbols import SymbolContext, is_model_pointer, python_identifier

Pair = tuple[Located, Located]
_Emit = Callable[..., None]
_Key = tuple[str, str, Direction]
# A `$ref` in canonical JSON text (json.dumps escapes quotes and backslashes inside the value).
_REF_TEXT = re.compile(r'"\$ref": "((?:[^"\\]|\\.)*)"')
_LOCAL_SCHEMA = "#" + SCHEMAS + "/"


@dataclass(frozen=True, slots=True)
class RawFinding:
    """A finding of one pair of locations before it is named: `names` are the (canonical) locations its
    SDK symbol is derived from, by the context of whichever operation reaches it."""

    rule: str
    message: str
    base_pointer: str | None
    head_pointer: str | None
    names: tuple[str | None, str | None]
    deprecated: bool

    def named(self, ctx: SymbolContext, operation: OperationRef | None = None) -> Finding:
        """The finding, its symbol named by `ctx`, attributed to `operation`."""
        symbol = ctx.name(*self.names)
        return finding(
            self.rule, self.message, self.base_pointer, self.head_pointer, symbol, operation, self.deprecated
        )


@dataclass(frozen=True, slots=True)
class _Root:
    """Where a memoized walk starts: an operation's body, parameter, response or header schema."""

    key: _Key
    ctx: SymbolContext
    operation: OperationRef


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

    def __init__(self, base: Document, head: Document, memoize: bool = True) -> None:
        self.base = base
        self.head = head
        self.memoize = memoize
        self.reached_base: set[str] = set()
        self.reached_head: set[str] = set()
        self._views: tuple[dict[str, SchemaView], dict[str, SchemaView]] = ({}, {})
        self._memo: dict[_Key, tuple[list[RawFinding], list[Pair]]] = {}
        self._roots: list[_Root] = []
        self._pending: list[tuple[Pair, Direction]] = []
        self._clean_components: set[str] | None = None
        self._clean_at: dict[str, bool] = {}

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
            found, children = self._local(base, head, direction)
            out.extend(item.named(ctx) for item in found)
            stack.extend(children)
        return out

    def attach(
        self, roots: Iterable[Pair], direction: Direction, ctx: SymbolContext, operation: OperationRef
    ) -> list[Finding]:
        """The findings reachable from `roots` for `operation`: returned now by the plain comparison, or
        left for `collect` (empty list) by the memoized one."""
        if not self.memoize:
            return [replace(item, operations=(operation,)) for item in self.walk(roots, direction, ctx)]
        for raw_base, raw_head in roots:
            base = self.base.deref(raw_base, schema=True)
            head = self.head.deref(raw_head, schema=True)
            self._roots.append(_Root((base.pointer, head.pointer, direction), ctx, operation))
            self._pending.append(((base, head), direction))
        return []

    def collect(self) -> list[Finding]:
        """Every finding reachable from the attached roots, one per pair of locations and rule, listing
        the operations that reach it (memoized comparison; nothing to do for the plain one)."""
        if not self._roots:
            return []
        graph = _PairGraph()
        for (base, head), direction in self._pending:
            self._explore(graph, base, head, direction)
        self._pending.clear()
        reach = graph.reach()
        # Which roots reach each changed pair (a changed pair is one with local findings).
        reached_by: dict[int, list[_Root]] = {}
        decoded: dict[int, list[int]] = {}
        for root in self._roots:
            component = graph.component[graph.index[root.key]]
            if component not in decoded:
                decoded[component] = _bits(reach[component])
            for changed in decoded[component]:
                reached_by.setdefault(changed, []).append(root)
        out: list[Finding] = []
        for changed, roots in reached_by.items():
            node = graph.changed[changed]
            operations = tuple(sorted({root.operation for root in roots}, key=lambda ref: ref.sort_key))
            # The symbol is named as the plain comparison's merge names it: by the first operation's roots.
            first = [root for root in roots if root.operation == operations[0]]
            for raw in graph.findings[node]:
                named = min(
                    (raw.named(root.ctx, operations[0]) for root in first), key=lambda item: item.symbol
                )
                out.append(replace(named, operations=operations))
        self._roots.clear()
        return out

    def _explore(self, graph: _PairGraph, base: Located, head: Located, direction: Direction) -> None:
        """Add the pair and every pair reachable from it to `graph` (each compared once)."""
        stack = [(base, head)]
        while stack:
            raw_base, raw_head = stack.pop()
            b = self.base.deref(raw_base, schema=True)
            h = self.head.deref(raw_head, schema=True)
            key = (b.pointer, h.pointer, direction)
            if key in graph.index:
                continue
            found, children = self._local(b, h, direction)
            node = graph.add(key, found)
            targets = []
            for child_base, child_head in children:
                cb = self.base.deref(child_base, schema=True)
                ch = self.head.deref(child_head, schema=True)
                targets.append((cb.pointer, ch.pointer, direction))
                stack.append((cb, ch))
            graph.edges[node] = targets

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

    def _local(self, base: Located, head: Located, d: Direction) -> tuple[list[RawFinding], list[Pair]]:
        memo_key = (base.pointer, head.pointer, d)
        # The plain comparison keeps its original cost model (only component pairs are remembered), so
        # that `make bench` compares the two ways in one run.
        cacheable = self.memoize or (
            is_model_pointer(self.base.canonical(base.pointer))
            and is_model_pointer(self.head.canonical(head.pointer))
        )
        if cacheable and memo_key in self._memo:
            return self._memo[memo_key]
        if self.memoize and self._unchanged(base, head):
            return self._remember(memo_key, cacheable, [], [])
        bv, hv = self.view(0, base), self.view(1, head)
        out: list[RawFinding] = []
        children: list[Pair] = []

        def emit(
            change: SchemaChange,
            message: str,
            bp: str | None,
            hp: str | None,
            *,
            sym: tuple[str | None, str | None] | None = None,
            deprecated: bool = False,
        ) -> None:
            names = sym if sym is not None else (bp, hp)
            canonical = (
                None if names[0] is None else self.base.canonical(names[0]),
                None if names[1] is None else self.head.canonical(names[1]),
            )
            out.append(RawFinding(schema_rule(change, d), message, bp, hp, canonical, deprecated))

        self._nullable(bv, hv, d, emit)
        if bool(bv.variants) != bool(hv.variants):
            # A union on one side only (`X` became `oneOf: [X, Y]`): compare as unions; the other
            # keywords are compared inside the matching variant.
            self._variants(bv, hv, emit, children)
            return self._remember(memo_key, cacheable, out, children)
        self._types(bv, hv, d, emit)
        self._format(bv, hv, d, emit)
        self._default(bv, hv, emit)
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
        self, key: _Key, cacheable: bool, out: list[RawFinding], children: list[Pair]
    ) -> tuple[list[RawFinding], list[Pair]]:
        if cacheable:
            self._memo[key] = (out, children)
        return out, children

    def _unchanged(self, base: Located, head: Located) -> bool:
        """True when the pair is one location of the entry document, equal on both sides, and every schema it
        refers to (transitively) is too: nothing below it can differ, so it is not compared at all.

        The memoized comparison's shortcut for the bulk of a large spec that a change leaves alone. Only
        refs to `#/components/schemas/...` are followed; any other ref (a file, a parameter) means "compare".
        """
        pointer = base.pointer
        if pointer != head.pointer or not pointer.startswith("/"):
            return False
        if pointer.startswith(SCHEMAS + "/") and split(pointer)[2] in self._components_unchanged():
            return True
        known = self._clean_at.get(pointer)
        if known is None:
            text = _text(base.node)
            known = text == _text(head.node) and self._refs_unchanged(text)
            self._clean_at[pointer] = known
        return known

    def _refs_unchanged(self, text: str) -> bool:
        """True when every `$ref` in `text` (a node's JSON) names an unchanged component schema (or part)."""
        clean = self._components_unchanged()
        return all(name is not None and name in clean for name in map(_component_of, refs_in(text)))

    def _components_unchanged(self) -> set[str]:
        """Component schemas equal on both sides whose refs all reach equal component schemas."""
        if self._clean_components is None:
            old, new = _entry_schemas(self.base), _entry_schemas(self.head)
            # Equal as JSON text, not by Python's ==, which takes 1, 1.0 and true for one enum value.
            texts = {name: _text(old[name]) for name in old.keys() & new.keys()}
            candidates = {name for name, text in texts.items() if text == _text(new[name])}
            refs = {name: [_component_of(ref) for ref in refs_in(texts[name])] for name in candidates}
            referrers: dict[str, list[str]] = {}
            dirty = []
            for name, targets in refs.items():
                if any(target is None or target not in candidates for target in targets):
                    dirty.append(name)
                for target in targets:
                    if target is not None:
                        referrers.setdefault(target, []).append(name)
            clean = set(candidates)
            while dirty:  # a component that refers to a changed one is changed too
                name = dirty.pop()
                if name in clean:
                    clean.discard(name)
                    dirty.extend(referrers.get(name, ()))
            self._clean_components = clean
        return self._clean_components

    @staticmethod
    def _types(bv: SchemaView, hv: SchemaView, d: Direction, emit: _Emit) -> None:
        if bv.types == hv.types:
            return
        message = f"type changed from {_describe_types(bv.types)} to {_describe_types(hv.types)}"
        if d.is_request and _accepts_all(hv.types, bv.types):
            emit(SchemaChange.TYPE_WIDENED, message, bv.pointer, hv.pointer)
        elif not d.is_request and _accepts_all(bv.types, hv.types):
            emit(SchemaChange.TYPE_NARROWED, message, bv.pointer, hv.pointer)
        else:
            emit(SchemaChange.TYPE_CHANGED, message, bv.pointer, hv.pointer)

    @staticmethod
    def _nullable(bv: SchemaView, hv: SchemaView, d: Direction, emit: _Emit) -> None:
        if bv.nullable and not hv.nullable:
            emit(SchemaChange.BECAME_NON_NULLABLE, "null is no longer allowed", bv.pointer, hv.pointer)
        elif hv.nullable and not bv.nullable:
            emit(SchemaChange.BECAME_NULLABLE, "the value may now be null", bv.pointer, hv.pointer)

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
            emit(SchemaChange.FORMAT_CHANGED, message, bp, hp, sym=sym)
        else:
            emit(SchemaChange.FORMAT_COMPATIBLE_CHANGE, message, bp, hp, sym=sym)

    @staticmethod
    def _default(bv: SchemaView, hv: SchemaView, emit: _Emit) -> None:
        old, new = bv.default, hv.default
        if old is None and new is None:
            return
        if old is not None and new is not None and _value_key(old.value) == _value_key(new.value):
            return
        bp = bv.pointer if old is None else old.pointer
        hp = hv.pointer if new is None else new.pointer
        sym = (bv.pointer if old is None else _parent(bp), hv.pointer if new is None else _parent(hp))

        def text(item: Keyword | None) -> str:
            return "none" if item is None else json.dumps(item.value, default=str)

        message = f"default changed from {text(old)} to {text(new)}: leaving it out now means {text(new)}"
        change = (
            SchemaChange.DEFAULT_CHANGED
            if old is not None and new is not None
            else SchemaChange.DEFAULT_ADDED_OR_REMOVED
        )
        emit(change, message, bp, hp, sym=sym)

    @staticmethod
    def _enum(bv: SchemaView, hv: SchemaView, d: Direction, emit: _Emit) -> None:
        if bv.enum is None and hv.enum is None:
            return
        base_owner = bv.enum_owner or bv.pointer
        head_owner = hv.enum_owner or hv.pointer
        if bv.enum is None:
            message = "the value is now restricted to an enum/const"
            emit(
                SchemaChange.ENUM_RESTRICTED,
                message,
                bv.pointer,
                _enum_container(hv),
                sym=(bv.pointer, head_owner),
            )
            return
        if hv.enum is None:
            message = "the enum/const restriction was dropped"
            emit(
                SchemaChange.ENUM_UNRESTRICTED,
                message,
                _enum_container(bv),
                hv.pointer,
                sym=(base_owner, hv.pointer),
            )
            return
        base_values = {_value_key(item.value): item for item in bv.enum}
        head_values = {_value_key(item.value): item for item in hv.enum}
        head_container, base_container = _enum_container(hv), _enum_container(bv)
        for key, item in base_values.items():
            if key not in head_values:
                emit(
                    SchemaChange.ENUM_VALUE_REMOVED,
                    f"enum value {item.value!r} removed",
                    item.pointer,
                    head_container,
                    sym=(base_owner, head_owner),
                )
        for key, item in head_values.items():
            if key not in base_values:
                emit(
                    SchemaChange.ENUM_VALUE_ADDED,
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
            change = SchemaChange.CONSTRAINT_NARROWED if narrowed else SchemaChange.CONSTRAINT_WIDENED
            emit(change, f"{keyword} {detail}", bp, hp, sym=sym)

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
        visible = {
            name: (self._visible(0, bv.properties.get(name), d), self._visible(1, hv.properties.get(name), d))
            for name in sorted(set(bv.properties) | set(hv.properties))
        }
        renamed = _renames(
            {name: base.node for name, (base, head) in visible.items() if base is not None and head is None},
            {name: head.node for name, (base, head) in visible.items() if head is not None and base is None},
        )
        for old_name, new_name in renamed.items():
            base, head = visible[old_name][0], visible[new_name][1]
            assert base is not None and head is not None
            emit(
                SchemaChange.PROPERTY_RENAMED,
                f"property {old_name!r} renamed to {new_name!r} (same schema): callers using the old name break",
                base.pointer,
                head.pointer,
                deprecated=self._deprecated(0, base),
            )
        gone = set(renamed) | set(renamed.values())
        for name, (base, head) in visible.items():
            if name in gone:
                continue
            in_base, in_head = name in bv.required, name in hv.required
            if base is not None and head is None:
                deprecated = self._deprecated(0, base)
                emit(
                    SchemaChange.PROPERTY_REMOVED,
                    f"property {name!r} removed",
                    base.pointer,
                    None,
                    deprecated=deprecated,
                )
            elif head is not None and base is None:
                if d.is_request and in_head:
                    emit(
                        SchemaChange.REQUIRED_PROPERTY_ADDED,
                        f"required property {name!r} added",
                        None,
                        head.pointer,
                    )
                elif in_head:
                    message = (
                        f"required property {name!r} added: the generated model's constructor gains a "
                        f"required argument `{python_identifier(name)}` (models built by hand, such as test "
                        "fixtures, must pass it; stored payloads without it no longer parse)"
                    )
                    emit(SchemaChange.REQUIRED_PROPERTY_ADDED, message, None, head.pointer)
                else:
                    qualifier = "required" if in_head else "optional"
                    emit(
                        SchemaChange.PROPERTY_ADDED,
                        f"{qualifier} property {name!r} added",
                        None,
                        head.pointer,
                    )
            elif base is not None and head is not None:
                if in_base != in_head:
                    change = (
                        SchemaChange.PROPERTY_BECAME_REQUIRED
                        if in_head
                        else SchemaChange.PROPERTY_BECAME_OPTIONAL
                    )
                    emit(
                        change,
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
        base, head = self._variant_list(0, bv), self._variant_list(1, hv)
        tag = self._tag_property(bv, hv, base, head)
        pairs, removed, added = _match_variants(
            [self._identity(0, item, tag) for item in base], [self._identity(1, item, tag) for item in head]
        )
        for index in removed:
            emit(
                SchemaChange.VARIANT_REMOVED,
                f"variant {self._label(0, base[index], index)} removed",
                base[index].pointer,
                hv.pointer,
                sym=(bv.pointer, hv.pointer),
            )
        for index in added:
            emit(
                SchemaChange.VARIANT_ADDED,
                f"variant {self._label(1, head[index], index)} added",
                bv.pointer,
                head[index].pointer,
                sym=(bv.pointer, hv.pointer),
            )
        children.extend((base[b], head[h]) for b, h in pairs)

    def _variant_list(self, side: int, view: SchemaView) -> list[Located]:
        """The variants of a union; a non-union is one variant (itself, or the X of `anyOf: [X, null]`)."""
        if view.variants:
            return list(view.variants)
        if view.single is not None:
            return [view.single]
        return [Located(view.node, view.pointer)]

    def _component(self, side: int, loc: Located) -> str | None:
        """The component a variant is (a `$ref` to it, or the component itself), by its pointer."""
        doc = self.head if side else self.base
        node = loc.node
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            target = doc.resolve_ref(node["$ref"], loc.pointer)
            if target is not None:
                loc = doc.deref(target, schema=True)
        return doc.component_name(loc.pointer)

    def _tags(self, side: int, loc: Located) -> dict[str, str]:
        """Single-valued (const or one-value enum) string properties of a variant: its discriminators."""
        view = self.view(side, loc)
        out: dict[str, str] = {}
        for name, prop in view.properties.items():
            sub = self.view(side, prop)
            if sub.enum is not None and len(sub.enum) == 1 and isinstance(sub.enum[0].value, str):
                out[name] = sub.enum[0].value
        return out

    def _tag_property(
        self, bv: SchemaView, hv: SchemaView, base: list[Located], head: list[Located]
    ) -> str | None:
        """The property telling the variants apart: the declared discriminator, else one every variant
        of both sides fixes to a distinct value (`type: {const: ...}`)."""
        for view in (hv, bv):
            node = view.node
            disc = node.get("discriminator") if isinstance(node, dict) else None
            if isinstance(disc, dict) and isinstance(disc.get("propertyName"), str):
                return str(disc["propertyName"])
        if len(base) < 2 and len(head) < 2:
            return None
        common: set[str] | None = None
        for side, items in ((0, base), (1, head)):
            values: dict[str, list[str]] = {}
            # Inline variants first: they are the cheap ones to rule out (no `$ref` to flatten).
            for item in sorted(items, key=lambda loc: isinstance(loc.node, dict) and "$ref" in loc.node):
                tags = self._tags(side, item)
                if not tags:
                    # A variant fixing no property (`{type: string}` of an expandable field): no property
                    # can tell every variant apart, so stop before flattening the others' properties.
                    return None
                for name, value in tags.items():
                    values.setdefault(name, []).append(value)
            usable = {name for name, found in values.items() if len(found) == len(items) == len(set(found))}
            common = usable if common is None else common & usable
            if not common:
                return None
        return min(common) if common else None

    def _identity(self, side: int, loc: Located, tag: str | None) -> _VariantId:
        component = self._component(side, loc)
        tag_value = None if tag is None else self._tags(side, loc).get(tag)
        shape = None if component is not None else _shape(loc.node)
        return _VariantId(component, None if tag_value is None else f"{tag}={tag_value}", shape)

    def _label(self, side: int, loc: Located, index: int) -> str:
        """How a message names a variant: its component, else its title, else its position."""
        component = self._component(side, loc)
        if component is not None:
            return component
        node = loc.node
        title = node.get("title") if isinstance(node, dict) else None
        return str(title) if isinstance(title, str) else f"#{index}"


@dataclass(frozen=True, slots=True)
class _VariantId:
    """What identifies a union member: the component it is, else its discriminator value, else its shape."""

    component: str | None
    tag: str | None
    shape: str | None


def _shape(node: Any) -> str:
    """Canonical JSON of a schema without its annotations (inline variants with equal shapes are equal)."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in _ANNOTATION_KEYS}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return json.dumps(strip(node), sort_keys=True, default=str)


_ANNOTATION_KEYS = frozenset({"description", "summary", "title", "example", "examples", "$comment"})


def _match_variants(
    base: list[_VariantId], head: list[_VariantId]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair union members: same component, else same discriminator value, else same shape; members that
    have no component and no discriminator value and are left over are paired in order (a changed inline
    variant). Returns (pairs, removed base indexes, added head indexes)."""
    pairs: list[tuple[int, int]] = []
    free_b, free_h = list(range(len(base))), list(range(len(head)))

    def pair_by(key: Callable[[_VariantId], str | None]) -> None:
        index: dict[str, int] = {}
        for h in free_h:
            k = key(head[h])
            if k is not None:
                index.setdefault(k, h)
        for b in list(free_b):
            k = key(base[b])
            match = None if k is None else index.pop(k, None)
            if match is not None:
                pairs.append((b, match))
                free_b.remove(b)
                free_h.remove(match)

    pair_by(lambda item: item.component)
    pair_by(lambda item: None if item.component is not None else item.tag)
    pair_by(lambda item: None if item.component is not None or item.tag is not None else item.shape)
    loose_b = [b for b in free_b if base[b].component is None and base[b].tag is None]
    loose_h = [h for h in free_h if head[h].component is None and head[h].tag is None]
    for b, h in zip(loose_b, loose_h, strict=False):
        pairs.append((b, h))
        free_b.remove(b)
        free_h.remove(h)
    return sorted(pairs), free_b, free_h


def _renames(removed: dict[str, Any], added: dict[str, Any]) -> dict[str, str]:
    """Old name -> new name for removed and added members with the same schema (annotations aside), when
    the match is one to one: a rename is one change, not a removal plus an addition."""
    by_shape: dict[str, list[str]] = {}
    for name, node in added.items():
        by_shape.setdefault(_shape(node), []).append(name)
    out: dict[str, str] = {}
    old_shapes: dict[str, list[str]] = {}
    for name, node in removed.items():
        old_shapes.setdefault(_shape(node), []).append(name)
    for shape, names in old_shapes.items():
        candidates = by_shape.get(shape, [])
        if len(names) == 1 and len(candidates) == 1:
            out[names[0]] = candidates[0]
    return out


def _enum_container(view: SchemaView) -> str:
    """The pointer of the `enum` array (or the `const` keyword) of a view that has one."""
    if view.enum_owner is None:
        return view.pointer
    first = view.enum[0].pointer if view.enum else None
    if first is not None and first.endswith("/const"):
        return first
    return view.enum_owner + "/enum"


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


class _PairGraph:
    """Pairs of schema locations (nodes), the pairs each one leads to (edges) and its local findings.

    `reach` condenses the graph into strongly connected components (Tarjan, iterative: a recursive schema
    is a cycle, and real specs nest deeper than Python's stack would like) and gives, per component, the
    changed pairs reachable from it as the bits of one integer.
    """

    def __init__(self) -> None:
        self.index: dict[_Key, int] = {}
        self.keys: list[_Key] = []
        self.edges: list[list[_Key]] = []
        self.findings: list[list[RawFinding]] = []
        self.changed: list[int] = []  # bit number -> node
        self.bit: list[int] = []  # node -> its bit (0 when it has no finding)
        self.component: list[int] = []

    def add(self, key: _Key, found: list[RawFinding]) -> int:
        """Add a node; its number."""
        node = len(self.keys)
        self.index[key] = node
        self.keys.append(key)
        self.edges.append([])
        self.findings.append(found)
        if found:
            self.bit.append(1 << len(self.changed))
            self.changed.append(node)
        else:
            self.bit.append(0)
        return node

    def reach(self) -> list[int]:
        """Per strongly connected component, the bit set of the changed pairs reachable from it."""
        successors = [[self.index[key] for key in targets] for targets in self.edges]
        count = len(self.keys)
        order = [-1] * count  # discovery number
        low = [0] * count
        on_stack = [False] * count
        self.component = [-1] * count
        stack: list[int] = []
        reach: list[int] = []
        counter = 0
        for start in range(count):
            if order[start] != -1:
                continue
            work = [(start, 0)]
            while work:
                node, child = work[-1]
                if child == 0:
                    order[node] = low[node] = counter
                    counter += 1
                    stack.append(node)
                    on_stack[node] = True
                if child < len(successors[node]):
                    work[-1] = (node, child + 1)
                    target = successors[node][child]
                    if order[target] == -1:
                        work.append((target, 0))
                    elif on_stack[target]:
                        low[node] = min(low[node], order[target])
                    continue
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == order[node]:
                    # A component is complete; every component it reaches was completed before it.
                    number = len(reach)
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        self.component[member] = number
                        members.append(member)
                        if member == node:
                            break
                    bits = 0
                    for member in members:
                        bits |= self.bit[member]
                        for target in successors[member]:
                            done = self.component[target]
                            if done != -1 and done != number:
                                bits |= reach[done]
                    reach.append(bits)
        return reach


def _entry_schemas(doc: Document) -> dict[str, Any]:
    """The entry document's component schemas by name (string keys)."""
    found = doc.root.get("components") if isinstance(doc.root, dict) else None
    schemas = found.get("schemas") if isinstance(found, dict) else None
    return {str(name): node for name, node in schemas.items()} if isinstance(schemas, dict) else {}


def _text(node: Any) -> str:
    """A node as JSON text: what the shortcut compares (C speed, no Python walk)."""
    return json.dumps(node, default=str)


def refs_in(text: str) -> list[str]:
    """Every `$ref` value in a node's JSON text."""
    return [json.loads(f'"{raw}"') if "\\" in raw else raw for raw in _REF_TEXT.findall(text)]


def _component_of(ref: str) -> str | None:
    """The component schema a local ref names (`#/components/schemas/X/properties/y` -> X), else None."""
    if not ref.startswith(_LOCAL_SCHEMA):
        return None
    token = ref[len(_LOCAL_SCHEMA) :].split("/", 1)[0]
    return unescape(unquote(token)) if ("%" in token or "~" in token) else token


def _bits(mask: int) -> list[int]:
    """The positions of the set bits of `mask`, lowest first."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out
