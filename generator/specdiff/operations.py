"""Paths and operations: added, removed, renamed, deprecated; their parameters, bodies and responses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.specdiff.document import Document, Located
from generator.specdiff.findings import Finding, OperationRef, finding
from generator.specdiff.pointer import join
from generator.specdiff.rules import Direction
from generator.specdiff.schema_compare import SchemaWalker, _shape
from generator.specdiff.security import compare_security
from generator.specdiff.symbols import Style, SymbolContext, method_symbol, parameter_symbol

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_TEMPLATE = re.compile(r"\{[^}/]*\}")


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of one document, located."""

    ref: OperationRef
    loc: Located
    path_item: Located
    symbol: str

    @property
    def deprecated(self) -> bool:
        """True when the operation is marked `deprecated: true`."""
        return isinstance(self.loc.node, dict) and self.loc.node.get("deprecated") is True


def normalize_path(path: str) -> str:
    """`/v1/x/{id}` and `/v1/x/{intent}` are the same path: template names are not part of the URL."""
    return _TEMPLATE.sub("{}", path)


def iter_operations(
    doc: Document, section: str = "paths", webhook: bool = False
) -> Iterator[tuple[str, Operation]]:
    """(`name`, operation) for every operation under `/paths` (or `/webhooks`), refs followed."""
    top = doc.at("/" + section)
    if top is None or not isinstance(top.node, dict):
        return
    for name in top.node:
        item = doc.deref_child(top, name)
        if item is None or not isinstance(item.node, dict):
            continue
        for method in HTTP_METHODS:
            loc = doc.deref_child(item, method)
            if loc is None or not isinstance(loc.node, dict):
                continue
            operation_id = loc.node.get("operationId")
            ref = OperationRef(
                method.upper(), str(name), str(operation_id) if operation_id else None, webhook
            )
            yield str(name), Operation(ref, loc, item, method_symbol(loc.node, method, str(name)))


def _parameters(doc: Document, op: Operation) -> dict[tuple[str, str], tuple[str, Located]]:
    """Path-item parameters overridden by operation parameters, keyed by (in, name).

    Each value is (pointer of the list entry, the parameter with `$ref`s followed): additions and
    removals point at the entry, changes at the place the parameter is defined.
    """
    merged: dict[tuple[str, str], tuple[str, Located]] = {}
    for owner in (op.path_item, op.loc):
        listed = owner.child("parameters")
        if listed is None or not isinstance(listed.node, list):
            continue
        for index in range(len(listed.node)):
            param = doc.deref_child(listed, index)
            if param is None or not isinstance(param.node, dict):
                continue
            where, name = str(param.node.get("in", "")), str(param.node.get("name", ""))
            merged[(where, name.lower() if where == "header" else name)] = (
                join(listed.pointer, index),
                param,
            )
    return merged


def _renamed_parameters(
    base: dict[tuple[str, str], tuple[str, Located]], head: dict[tuple[str, str], tuple[str, Located]]
) -> dict[tuple[str, str], tuple[str, str]]:
    """Removed -> added parameter keys where one parameter left and one with the same `in`, required flag
    and schema arrived (one to one): a rename, reported as one finding."""

    def shape(param: Located) -> str:
        node = {key: value for key, value in param.node.items() if key not in ("name", "description")}
        return f"{param.node.get('in')}:{_shape(node)}"

    removed = {key: shape(base[key][1]) for key in base.keys() - head.keys()}
    added = {key: shape(head[key][1]) for key in head.keys() - base.keys()}
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for key, form in removed.items():
        same_old = [other for other, value in removed.items() if value == form]
        same_new = [other for other, value in added.items() if value == form]
        if len(same_old) == 1 and len(same_new) == 1 and key[0] != "path":
            out[key] = same_new[0]
    return out


def _param_schema(param: Located) -> Located | None:
    found = param.child("schema")
    if found is not None:
        return found
    content = param.child("content")
    if content is not None and isinstance(content.node, dict) and content.node:
        return content.child(next(iter(content.node)), "schema")
    return None


def _is_required(loc: Located) -> bool:
    node = loc.node
    return isinstance(node, dict) and (node.get("required") is True or node.get("in") == "path")


def _media(doc: Document, owner: Located) -> dict[str, Located]:
    content = doc.deref_child(owner, "content")
    if content is None or not isinstance(content.node, dict):
        return {}
    return {
        str(name).lower(): Located(value, join(content.pointer, name)) for name, value in content.node.items()
    }


def _status_key(code: object) -> str:
    return str(code).upper()


class OperationComparer:
    """Compares `/paths` of two documents."""

    def __init__(self, base: Document, head: Document, walker: SchemaWalker) -> None:
        self.base = base
        self.head = head
        self.walker = walker

    def compare(self) -> list[Finding]:
        """Findings for every operation of either document."""
        base_ops = {(normalize_path(path), op.ref.method): op for path, op in iter_operations(self.base)}
        head_ops = {(normalize_path(path), op.ref.method): op for path, op in iter_operations(self.head)}
        head_paths = {path for path, _ in head_ops}
        head_top = self.head.at("/paths")
        if head_top is not None and isinstance(head_top.node, dict):
            head_paths |= {normalize_path(str(path)) for path in head_top.node}
        out: list[Finding] = []
        for key in sorted(base_ops.keys() | head_ops.keys()):
            old, new = base_ops.get(key), head_ops.get(key)
            if old is not None and new is None:
                if key[0] in head_paths:
                    message = f"operation {old.ref.label} removed"
                    out.append(
                        finding(
                            "operation-removed",
                            message,
                            old.loc.pointer,
                            None,
                            old.symbol,
                            old.ref,
                            old.deprecated,
                        )
                    )
                else:
                    # One finding per SDK method gone, at its operation (the path item is shared by them).
                    message = f"path {old.ref.path} removed with {old.ref.label}"
                    out.append(
                        finding(
                            "path-removed",
                            message,
                            old.loc.pointer,
                            None,
                            old.symbol,
                            old.ref,
                            old.deprecated,
                        )
                    )
            elif new is not None and old is None:
                out.append(
                    finding(
                        "operation-added",
                        f"operation {new.ref.label} added",
                        None,
                        new.loc.pointer,
                        new.symbol,
                        new.ref,
                    )
                )
            elif old is not None and new is not None:
                out.extend(self.compare_operation(old, new))
        return out

    def compare_operation(self, old: Operation, new: Operation) -> list[Finding]:
        """Findings for one operation present in both documents."""
        out: list[Finding] = []
        ref = new.ref
        if old.symbol != new.symbol:
            message = f"SDK method changed from {old.symbol} to {new.symbol}"
            out.append(
                finding("operation-renamed", message, old.loc.pointer, new.loc.pointer, new.symbol, ref)
            )
        if new.deprecated and not old.deprecated:
            out.append(
                finding(
                    "operation-deprecated",
                    f"{ref.label} is now deprecated",
                    old.loc.pointer,
                    new.loc.pointer,
                    new.symbol,
                    ref,
                )
            )
        out.extend(compare_security(self.base, self.head, old.loc, new.loc, ref, new.symbol))
        out.extend(self._parameters(old, new))
        out.extend(self._request_body(old, new))
        out.extend(self._responses(old, new))
        return out

    def _parameters(self, old: Operation, new: Operation) -> list[Finding]:
        out: list[Finding] = []
        base, head = _parameters(self.base, old), _parameters(self.head, new)
        renamed = _renamed_parameters(base, head)
        for old_key, new_key in renamed.items():
            (was_entry, was), (now_entry, now) = base[old_key], head[new_key]
            old_name, new_name = str(was.node.get("name", old_key[1])), str(now.node.get("name", new_key[1]))
            out.append(
                finding(
                    "request-parameter-renamed",
                    f"{old_key[0]} parameter {old_name!r} renamed to {new_name!r} (same schema)",
                    was_entry,
                    now_entry,
                    parameter_symbol(new.symbol, new_name),
                    new.ref,
                    was.node.get("deprecated") is True,
                )
            )
        for key in sorted(base.keys() | head.keys()):
            if key in renamed or key in renamed.values():
                continue
            b_entry, b = base.get(key, ("", None))
            h_entry, h = head.get(key, ("", None))
            present = h if h is not None else b
            label = f"{key[0]} parameter {present.node.get('name', key[1]) if present else key[1]!r}"
            if b is not None and h is None:
                symbol = parameter_symbol(new.symbol, str(b.node.get("name", key[1])))
                deprecated = b.node.get("deprecated") is True
                out.append(
                    finding(
                        "request-parameter-removed",
                        f"{label} removed",
                        b_entry,
                        None,
                        symbol,
                        new.ref,
                        deprecated,
                    )
                )
            elif h is not None and b is None:
                symbol = parameter_symbol(new.symbol, str(h.node.get("name", key[1])))
                rule = "request-required-parameter-added" if _is_required(h) else "request-parameter-added"
                kind = "required" if _is_required(h) else "optional"
                out.append(finding(rule, f"{kind} {label} added", None, h_entry, symbol, new.ref))
            elif b is not None and h is not None:
                symbol = parameter_symbol(new.symbol, str(h.node.get("name", key[1])))
                if _is_required(b) != _is_required(h):
                    became = "required" if _is_required(h) else "optional"
                    rule = (
                        "request-parameter-became-required"
                        if _is_required(h)
                        else "request-parameter-became-optional"
                    )
                    out.append(
                        finding(
                            rule,
                            f"{label} became {became}",
                            b.pointer,
                            h.pointer,
                            symbol,
                            new.ref,
                        )
                    )
                bs, hs = _param_schema(b), _param_schema(h)
                if bs is not None and hs is not None:
                    ctx = SymbolContext(Style.PARAM, symbol, bs.pointer, hs.pointer)
                    out.extend(self._walk([(bs, hs)], Direction.REQUEST, ctx, new.ref))
        return out

    def _request_body(self, old: Operation, new: Operation) -> list[Finding]:
        b = self.base.deref_child(old.loc, "requestBody")
        h = self.head.deref_child(new.loc, "requestBody")
        if b is None and h is None:
            return []
        if h is None:
            entry = join(old.loc.pointer, "requestBody")
            return [finding("request-body-removed", "request body removed", entry, None, new.symbol, new.ref)]
        if b is None:
            rule = "request-required-body-added" if _is_required(h) else "request-body-added"
            entry = join(new.loc.pointer, "requestBody")
            return [finding(rule, "request body added", None, entry, new.symbol, new.ref)]
        out: list[Finding] = []
        if _is_required(b) != _is_required(h):
            became = "required" if _is_required(h) else "optional"
            rule = "request-body-became-required" if _is_required(h) else "request-body-became-optional"
            out.append(
                finding(
                    rule,
                    f"request body became {became}",
                    b.pointer,
                    h.pointer,
                    new.symbol,
                    new.ref,
                )
            )
        out.extend(
            self.compare_content(
                b,
                h,
                Direction.REQUEST,
                ("request-media-type-removed", "request-media-type-added"),
                Style.KWARGS,
                new.symbol,
                new.ref,
            )
        )
        return out

    def compare_content(
        self,
        b: Located,
        h: Located,
        d: Direction,
        media_rules: tuple[str, str | None],
        style: Style,
        prefix: str,
        ref: OperationRef,
    ) -> list[Finding]:
        """Media types of a body (request body, response, webhook payload) and their schemas.

        `media_rules`: the rule ids of a removed and of an added media type (None: an addition is no finding).
        """
        removed_rule, added_rule = media_rules
        out: list[Finding] = []
        base, head = _media(self.base, b), _media(self.head, h)
        for name in sorted(base.keys() | head.keys()):
            bm, hm = base.get(name), head.get(name)
            if bm is not None and hm is None:
                out.append(
                    finding(
                        removed_rule,
                        f"media type {name} removed",
                        bm.pointer,
                        None,
                        prefix,
                        ref,
                    )
                )
            elif hm is not None and bm is None:
                if added_rule is not None:
                    out.append(
                        finding(
                            added_rule,
                            f"media type {name} added",
                            None,
                            hm.pointer,
                            prefix,
                            ref,
                        )
                    )
            elif bm is not None and hm is not None:
                bs, hs = bm.child("schema"), hm.child("schema")
                if bs is not None and hs is not None:
                    ctx = SymbolContext(style, prefix, bs.pointer, hs.pointer)
                    out.extend(self._walk([(bs, hs)], d, ctx, ref))
        return out

    def _responses(self, old: Operation, new: Operation) -> list[Finding]:
        out: list[Finding] = []
        b_top, h_top = (
            self.base.deref_child(old.loc, "responses"),
            self.head.deref_child(new.loc, "responses"),
        )
        base = (
            {}
            if b_top is None or not isinstance(b_top.node, dict)
            else {_status_key(code): code for code in b_top.node}
        )
        head = (
            {}
            if h_top is None or not isinstance(h_top.node, dict)
            else {_status_key(code): code for code in h_top.node}
        )
        for status in sorted(base.keys() | head.keys()):
            success = status.startswith("2")
            removed = "response-success-status-removed" if success else "response-status-removed"
            added = "response-success-status-added" if success else "response-status-added"
            if status in base and status not in head:
                assert b_top is not None
                pointer = join(b_top.pointer, str(base[status]))
                out.append(
                    finding(
                        removed,
                        f"response {status} removed",
                        pointer,
                        None,
                        new.symbol,
                        new.ref,
                    )
                )
            elif status in head and status not in base:
                assert h_top is not None
                pointer = join(h_top.pointer, str(head[status]))
                out.append(
                    finding(
                        added,
                        f"response {status} added",
                        None,
                        pointer,
                        new.symbol,
                        new.ref,
                    )
                )
            else:
                assert b_top is not None and h_top is not None
                b = self.base.deref(Located(b_top.node[base[status]], join(b_top.pointer, str(base[status]))))
                h = self.head.deref(Located(h_top.node[head[status]], join(h_top.pointer, str(head[status]))))
                out.extend(self._headers(b, h, new))
                out.extend(
                    self.compare_content(
                        b,
                        h,
                        Direction.RESPONSE,
                        ("response-media-type-removed", "response-media-type-added"),
                        Style.RETURN,
                        new.symbol,
                        new.ref,
                    )
                )
        return out

    def _headers(self, b: Located, h: Located, op: Operation) -> list[Finding]:
        out: list[Finding] = []
        base, head = self._header_map(self.base, b), self._header_map(self.head, h)
        for name in sorted(base.keys() | head.keys()):
            b_entry, bh = base.get(name, ("", None))
            h_entry, hh = head.get(name, ("", None))
            if bh is not None and hh is None:
                rule = "response-required-header-removed" if _is_required(bh) else "response-header-removed"
                out.append(finding(rule, f"response header {name} removed", b_entry, None, op.symbol, op.ref))
            elif hh is not None and bh is None:
                out.append(
                    finding(
                        "response-header-added",
                        f"response header {name} added",
                        None,
                        h_entry,
                        op.symbol,
                        op.ref,
                    )
                )
            elif bh is not None and hh is not None:
                if _is_required(bh) and not _is_required(hh):
                    message = f"response header {name} is no longer required"
                    out.append(
                        finding(
                            "response-header-became-optional",
                            message,
                            bh.pointer,
                            hh.pointer,
                            op.symbol,
                            op.ref,
                        )
                    )
                bs, hs = bh.child("schema"), hh.child("schema")
                if bs is not None and hs is not None:
                    ctx = SymbolContext(Style.FIXED, op.symbol)
                    out.extend(self._walk([(bs, hs)], Direction.RESPONSE, ctx, op.ref))
        return out

    @staticmethod
    def _header_map(doc: Document, response: Located) -> dict[str, tuple[str, Located]]:
        """Headers by lower-case name: (entry pointer, the header with `$ref`s followed)."""
        headers = doc.deref_child(response, "headers")
        if headers is None or not isinstance(headers.node, dict):
            return {}
        out: dict[str, tuple[str, Located]] = {}
        for name in headers.node:
            found = doc.deref_child(headers, name)
            if found is not None and isinstance(found.node, dict):
                out[str(name).lower()] = (join(headers.pointer, name), found)
        return out

    def _walk(
        self, roots: list[tuple[Located, Located]], d: Direction, ctx: SymbolContext, ref: OperationRef
    ) -> list[Finding]:
        # Memoized: the walker compares every pair once and attributes it at `collect` (see compare).
        return self.walker.attach(roots, d, ctx, ref)
