"""`python -m generator lint [--spec PATH]`: check spec/molam.yaml against OpenAPI 3.1 and our own rules.

Every violation is printed as ``<json-pointer>: <rule-id>: <message>`` (RFC 6901 pointers into the YAML
document, so ``/paths/~1v1~1events/get`` is ``GET /v1/events``). The exit status is 1 when anything is
wrong and 0 otherwise, with a one-line summary. ``--list-rules`` prints the rule ids.

The rules (see ``RULES``) encode the API contract of DESIGN.md section 2 that OpenAPI itself cannot
express: one tag and an ``x-molam-method`` per operation (they name the generated resource methods),
``Idempotency-Key`` on every POST, documented 4xx/5xx responses, examples that really validate, and no
dead component.

`lint_spec` is the pure entry point (a loaded document in, violations out); `generator.cli.lint` only does
I/O. The file is read by the breaking-change checker's loader (`generator.specdiff.load.read_file`): a YAML
alias bomb, a recursive alias or absurd nesting is refused before any rule runs, and a `$ref` that is a URL,
an absolute path or a path leaving the spec's directory (or `--ref-root`) is one error line and exit 2.
A `$ref` loop is reported as `ref-cycle` and never followed.
"""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, cast
from urllib.parse import urlsplit

import jsonschema
from jsonschema.exceptions import ValidationError
from referencing import Registry
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

from generator.lint.deprecation import REPLACEMENT
from generator.specdiff.load import read_file

# Anchored to the repository so that the command works from any directory.
DEFAULT_SPEC: Final = Path(__file__).resolve().parents[2] / "spec" / "molam.yaml"

RULES: Final[Mapping[str, str]] = {
    "yaml-invalid": "the file is not a YAML mapping",
    "openapi-invalid": "the document is not valid OpenAPI 3.1 (openapi-spec-validator)",
    "info-version-string": "info.version is a string (quote dates: YAML reads 2025-01-15 as a date)",
    "ref-unresolved": "a local $ref points at nothing",
    "ref-cycle": "no schema contains itself without nesting (a loop of $ref, allOf, anyOf, oneOf, not, if/then/else)",
    "operation-id-missing": "every operation has an operationId",
    "operation-id-format": "operationIds are snake_case",
    "operation-id-duplicate": "operationIds are unique (paths and webhooks together)",
    "tag-count": "every operation has exactly one tag (it becomes the generated resource class)",
    "tag-undeclared": "an operation's tag is declared in the top-level tags",
    "summary-missing": "every operation has a summary",
    "molam-method-missing": "every operation has x-molam-method (the resource method name)",
    "molam-method-format": "x-molam-method is a snake_case Python identifier",
    "molam-method-duplicate": "x-molam-method is unique within its tag",
    "molam-version-header": "every operation takes the Molam-Version header",
    "post-idempotency-key": "every POST takes the Idempotency-Key header",
    "post-idempotent-replayed": "every POST 2xx response declares the Idempotent-Replayed header",
    "response-request-id": "every response declares the Molam-Request-Id header",
    "responses-4xx": "every operation documents a 4xx response (or default)",
    "responses-5xx": "every operation documents a 5xx response (or default)",
    "webhook-signature-header": "every webhook takes the Molam-Signature header",
    "id-prefix-missing": "every object with an id returned by a create or retrieve declares x-molam-id-prefix "
    "(the sandbox makes its ids with it), a lower-case word and an underscore, agreeing with the id's pattern",
    "example-missing": "every JSON request body and 2xx JSON response has an example",
    "example-invalid": "every example validates against its schema",
    "example-unknown-property": "examples only use properties their schema declares (catches typos)",
    "schema-unused": "every component schema is referenced",
    "event-type-enum": "the EventType enum lists exactly the webhooks' event types (make generate rewrites it)",
    "component-unused": "every component parameter, response, header, example and request body is referenced",
    "deprecated-without-replacement": (
        "whatever is `deprecated: true` (operation, parameter, property) has a description saying what to use "
        "instead (it becomes the DeprecationWarning and the docstring's `.. deprecated::` line)"
    ),
}

HTTP_METHODS: Final = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SNAKE_CASE: Final = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
SPEC_URI: Final = "urn:molam:spec"
# Component sections whose entries must be referenced; securitySchemes are named by security
# requirements (not $ref) and may be declared for documentation only.
CHECKED_COMPONENTS: Final[Mapping[str, str]] = {
    "schemas": "schema",
    "parameters": "parameter",
    "responses": "response",
    "headers": "header",
    "examples": "example",
    "requestBodies": "request body",
}
MAX_MESSAGE: Final = 200
# Keywords whose subschemas apply to the very instance their parent validates: a loop through them (and
# `$ref`) never descends into the value, so a validator following it recurses until it crashes.
SAME_INSTANCE_LISTS: Final = ("allOf", "anyOf", "oneOf")
SAME_INSTANCE_ONE: Final = ("not", "if", "then", "else")


@dataclass(frozen=True)
class Violation:
    """One broken rule at one place of the document."""

    pointer: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer}: {self.rule}: {self.message}"


@dataclass(frozen=True)
class LintResult:
    """What `lint_spec` found, with counts for the summary line."""

    violations: list[Violation]
    operations: int
    webhooks: int
    schemas: int
    examples: int


def pointer(*parts: object) -> str:
    """Build an RFC 6901 JSON pointer from raw path segments."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _unescape(segment: str) -> str:
    return segment.replace("~1", "/").replace("~0", "~")


def _as_dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _is_json(media_type: str) -> bool:
    base = media_type.split(";", 1)[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def short_reason(message: str) -> str:
    """`message` on one line, cut to MAX_MESSAGE characters (a validator's reason can quote a whole schema)."""
    message = " ".join(message.split())
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 3] + "..."


@dataclass
class _Operation:
    ptr: str
    kind: str  # "path" or "webhook"
    method: str
    node: dict[str, Any]
    path_item: dict[str, Any]
    path_item_ptr: str


class _Linter:
    """Holds the document, the $ref resolver and the validator caches for one lint run."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.violations: list[Violation] = []
        self._reported: set[Violation] = set()
        self._seen_examples: set[tuple[str, str]] = set()
        self.examples_checked = 0
        self._validators: dict[tuple[bool, str], jsonschema.protocols.Validator] = {}
        self._registries: dict[bool, Registry[Any]] = {}
        self._format_checker = _format_checker()
        # pointer -> the loop it reaches without descending into the instance (None: it reaches none).
        self._loops: dict[str, tuple[str, ...] | None] = {}
        self._reaches_loop: dict[str, bool] = {}

    def report(self, ptr: str, rule: str, message: str) -> None:
        violation = Violation(ptr, rule, short_reason(message))
        # A shared component (say components/responses/NotFound) is reached from many operations:
        # report it once.
        if violation not in self._reported:
            self._reported.add(violation)
            self.violations.append(violation)

    # ------------------------------------------------------------------ references

    def lookup(self, ref_ptr: str) -> object:
        """Return the node at a JSON pointer of the document, or None."""
        node: object = self.spec
        for raw in ref_ptr.split("/")[1:]:
            segment = _unescape(raw)
            if isinstance(node, dict) and segment in node:
                node = node[segment]
            elif isinstance(node, dict) and segment.isdigit() and int(segment) in node:
                node = node[int(segment)]  # an unquoted YAML key such as `200:` is an int
            elif isinstance(node, list) and segment.isdigit() and int(segment) < len(node):
                node = node[int(segment)]
            else:
                return None
        return node

    def resolve(self, node: object, ptr: str) -> tuple[dict[str, Any], str]:
        """Follow `$ref` chains; returns the target (empty when unresolvable) and where it lives."""
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref: str = node["$ref"]
            if not ref.startswith("#") or ref in seen:
                return {}, ptr
            seen.add(ref)
            target = self.lookup(ref[1:])
            if target is None:  # reported once by _check_refs
                return {}, ptr
            node, ptr = target, ref[1:]
        return _as_dict(node), ptr

    def _same_instance(self, ptr: str) -> Iterator[str]:
        """Pointers of the schemas that validate the same instance as the node at `ptr`."""
        node = self.lookup(ptr)
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#") and self.lookup(ref[1:]) is not None:
            yield ref[1:]
        for keyword in SAME_INSTANCE_LISTS:
            for index, sub in enumerate(_as_list(node.get(keyword))):
                if isinstance(sub, dict):
                    yield pointer_join(ptr, keyword, index)
        for keyword in SAME_INSTANCE_ONE:
            if isinstance(node.get(keyword), dict):
                yield pointer_join(ptr, keyword)
        for name, sub in _as_dict(node.get("dependentSchemas")).items():
            if isinstance(sub, dict):
                yield pointer_join(ptr, "dependentSchemas", name)

    def loop_from(self, start: str) -> tuple[str, ...] | None:
        """The loop (pointers, the first repeated at the end) reachable from `start` on the same instance.

        Iterative depth-first search, memoised across calls, so every node is explored once per run; a
        `$ref` chain of any length costs no stack.
        """
        if start in self._loops:
            return self._loops[start]
        path: list[str] = []
        position: dict[str, int] = {}
        stack: list[Iterator[str]] = []
        found: tuple[str, ...] | None = None

        def enter(ptr: str) -> None:
            position[ptr] = len(path)
            path.append(ptr)
            stack.append(self._same_instance(ptr))

        enter(start)
        while stack and found is None:
            for following in stack[-1]:
                if following in position:
                    found = (*path[position[following] :], following)
                    break
                if following not in self._loops:
                    enter(following)
                    break
                found = self._loops[following]
                if found is not None:
                    break
            else:
                stack.pop()
                done = path.pop()
                del position[done]
                self._loops[done] = None
                continue
        for ptr in path:  # what is left on the path leads to the loop
            self._loops[ptr] = found
        return self._loops[start]

    def reaches_loop(self, start: str) -> bool:
        """Whether a loop is reachable from `start` through any `$ref`, nested ones included (an object whose
        property refers into a loop): validating against it would follow the loop until the stack ran out,
        which in a thread with a small stack is a Rust panic no ``except`` can catch, not a RecursionError.

        Iterative over the schemas reachable from `start`, memoised per start.
        """
        if start not in self._reaches_loop:
            seen, todo, found = {start}, [start], False
            while todo and not found:
                ptr = todo.pop()
                found = self.loop_from(ptr) is not None
                for where, ref in _iter_refs(self.lookup(ptr), ptr):
                    if found or not ref.startswith("#"):
                        continue
                    found = self.loop_from(where) is not None
                    if ref[1:] not in seen:
                        seen.add(ref[1:])
                        todo.append(ref[1:])
            self._reaches_loop[start] = found
        return self._reaches_loop[start]

    # ------------------------------------------------------------------ walking

    def operations(self) -> Iterator[_Operation]:
        for kind, section in (("path", "paths"), ("webhook", "webhooks")):
            for key, raw_item in _as_dict(self.spec.get(section)).items():
                item, item_ptr = self.resolve(raw_item, pointer(section, key))
                for method in HTTP_METHODS:
                    if isinstance(item.get(method), dict):
                        yield _Operation(
                            ptr=pointer_join(item_ptr, method),
                            kind=kind,
                            method=method,
                            node=item[method],
                            path_item=item,
                            path_item_ptr=item_ptr,
                        )

    def parameters(self, op: _Operation) -> list[tuple[dict[str, Any], str]]:
        """The operation's parameters, resolved, operation-level ones overriding path-level ones."""
        found: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for owner, owner_ptr in ((op.path_item, op.path_item_ptr), (op.node, op.ptr)):
            for index, raw in enumerate(_as_list(owner.get("parameters"))):
                param, param_ptr = self.resolve(raw, pointer_join(owner_ptr, "parameters", index))
                name, location = param.get("name"), param.get("in")
                if isinstance(name, str) and isinstance(location, str):
                    key = (name.lower() if location == "header" else name, location)
                    found[key] = (param, param_ptr)
        return list(found.values())

    def has_header_param(self, op: _Operation, header: str) -> bool:
        return any(
            p.get("in") == "header" and str(p.get("name", "")).lower() == header.lower()
            for p, _ in self.parameters(op)
        )

    # ------------------------------------------------------------------ example validation

    def _registry(self, strict: bool) -> Registry[Any]:
        if strict not in self._registries:
            document = _strict_copy(self.spec) if strict else self.spec
            resource = DRAFT202012.create_resource(document)
            self._registries[strict] = Registry().with_resource(SPEC_URI, resource)
        return self._registries[strict]

    def _validator(self, schema_ptr: str, strict: bool) -> jsonschema.protocols.Validator:
        key = (strict, schema_ptr)
        if key not in self._validators:
            self._validators[key] = jsonschema.Draft202012Validator(
                {"$ref": f"{SPEC_URI}#{schema_ptr}"},
                registry=self._registry(strict),
                format_checker=self._format_checker,
            )
        return self._validators[key]

    def check_example(self, value: Any, value_ptr: str, schema_ptr: str) -> None:
        """Validate one example value against the schema at `schema_ptr` (once per pair)."""
        _, schema_ptr = self.resolve(self.lookup(schema_ptr), schema_ptr)
        if (value_ptr, schema_ptr) in self._seen_examples or self.reaches_loop(schema_ptr):
            return  # a loop is reported once, as ref-cycle, and no schema reaching it goes to the validator
        self._seen_examples.add((value_ptr, schema_ptr))
        self.examples_checked += 1
        against = f" [schema {schema_ptr}]"
        try:
            errors = list(self._validator(schema_ptr, strict=False).iter_errors(value))
            strict_errors = (
                [] if errors else list(self._validator(schema_ptr, strict=True).iter_errors(value))
            )
        except Unresolvable:  # ref-unresolved already points at the broken $ref
            return
        except RecursionError:  # absurd depth without a loop (loops are never handed over)
            self.report(
                value_ptr, "example-invalid", f"cannot validate: the schema recurses too deep{against}"
            )
            return
        except re.error as exc:
            self.report(value_ptr, "example-invalid", f"cannot validate, bad pattern: {exc}{against}")
            return
        for error in errors:
            for cause in _causes(error):
                self.report(
                    value_ptr + pointer(*cause.absolute_path), "example-invalid", cause.message + against
                )
        for error in strict_errors:
            for ptr, name in _unknown_properties(error):
                self.report(
                    value_ptr + ptr + pointer(name),
                    "example-unknown-property",
                    f"{name!r} is not a declared property{against}",
                )

    def check_media_examples(self, media: dict[str, Any], media_ptr: str, require: bool) -> None:
        """Validate the examples of a media type object; with `require`, report when there are none."""
        has_example = "example" in media or bool(_as_dict(media.get("examples")))
        if require and not has_example:
            self.report(media_ptr, "example-missing", "JSON content without example or examples")
        if "schema" not in media:
            return
        schema_ptr = pointer_join(media_ptr, "schema")
        self._check_examples_of(media, media_ptr, schema_ptr)

    def _check_examples_of(self, owner: dict[str, Any], owner_ptr: str, schema_ptr: str) -> None:
        """Check `example` / `examples` of a media type, parameter or header against `schema_ptr`."""
        if "example" in owner:
            self.check_example(owner["example"], pointer_join(owner_ptr, "example"), schema_ptr)
        for name, raw in _as_dict(owner.get("examples")).items():
            example, example_ptr = self.resolve(raw, pointer_join(owner_ptr, "examples", name))
            if "value" in example:
                self.check_example(example["value"], pointer_join(example_ptr, "value"), schema_ptr)

    def check_parameter_or_header(self, node: dict[str, Any], node_ptr: str) -> None:
        if "schema" in node:
            self._check_examples_of(node, node_ptr, pointer_join(node_ptr, "schema"))
        for media_type, media in _as_dict(node.get("content")).items():
            media_ptr = pointer_join(node_ptr, "content", media_type)
            self.check_media_examples(_as_dict(media), media_ptr, require=False)


def pointer_join(base: str, *parts: object) -> str:
    """Append raw segments to an existing JSON pointer."""
    return base + pointer(*parts)


def _is_uri(value: object) -> bool:
    # jsonschema only checks `uri` when rfc3987 is installed; a scheme plus a host (or an opaque URN)
    # is what our `format: uri` fields mean.
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme in {"urn", "mailto"})


def _is_int64(value: object) -> bool:
    return not isinstance(value, int) or -(2**63) <= value < 2**63


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker(formats=())
    checker.checkers = {
        **jsonschema.Draft202012Validator.FORMAT_CHECKER.checkers,
        "uri": (_is_uri, ()),
        "int64": (_is_int64, ()),
    }
    return checker


def _subschemas(schema: dict[str, Any], ptr: str) -> Iterator[tuple[dict[str, Any], str]]:
    """Yield `schema` and every schema nested in it (not following $ref), with their pointers."""
    yield schema, ptr
    for keyword in ("properties", "patternProperties", "$defs", "dependentSchemas"):
        for name, sub in _as_dict(schema.get(keyword)).items():
            if isinstance(sub, dict):
                yield from _subschemas(sub, pointer_join(ptr, keyword, name))
    for keyword in ("allOf", "anyOf", "oneOf", "prefixItems"):
        for index, sub in enumerate(_as_list(schema.get(keyword))):
            if isinstance(sub, dict):
                yield from _subschemas(sub, pointer_join(ptr, keyword, index))
    for keyword in (
        "items",
        "additionalProperties",
        "unevaluatedProperties",
        "unevaluatedItems",
        "contains",
        "propertyNames",
        "not",
        "if",
        "then",
        "else",
    ):
        sub = schema.get(keyword)
        if isinstance(sub, dict):
            yield from _subschemas(sub, pointer_join(ptr, keyword))


def _strict_copy(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of the document whose object schemas forbid undeclared properties.

    Response models stay open on purpose (a new server field must not break old clients), so typos in
    examples would pass plain validation; validating against this copy catches them. Schemas composed
    with allOf/anyOf/oneOf, and schemas used inside an allOf, are left open: closing them would reject
    the properties their siblings declare.
    """
    strict = copy.deepcopy(spec)
    schemas = _as_dict(_as_dict(strict.get("components")).get("schemas"))
    in_all_of: set[str] = set()
    for name, schema in schemas.items():
        if not isinstance(schema, dict):
            continue
        for sub, _ in _subschemas(schema, pointer("components", "schemas", name)):
            for member in _as_list(sub.get("allOf")):
                ref = _as_dict(member).get("$ref")
                if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                    in_all_of.add(_unescape(ref.rsplit("/", 1)[1]))
    for name, schema in schemas.items():
        if not isinstance(schema, dict) or name in in_all_of:
            continue
        for sub, _ in _subschemas(schema, ""):
            composed = any(k in sub for k in ("allOf", "anyOf", "oneOf"))
            open_declared = "additionalProperties" in sub or "unevaluatedProperties" in sub
            if isinstance(sub.get("properties"), dict) and not composed and not open_declared:
                sub["additionalProperties"] = False
    return strict


def _causes(error: ValidationError) -> list[ValidationError]:
    """The errors worth showing for one failure.

    A oneOf/anyOf failure carries the errors of every alternative; the alternative with the fewest
    errors is the one the example meant (for a discriminated union: the branch whose `type` matched),
    so only its errors are shown, refined recursively.
    """
    if not error.context:
        return [error]
    by_branch: dict[object, list[ValidationError]] = {}
    for sub in error.context:
        branch = sub.relative_schema_path[0] if sub.relative_schema_path else None
        by_branch.setdefault(branch, []).append(sub)
    closest = min(by_branch.values(), key=len)
    return [cause for sub in closest for cause in _causes(sub)]


def _unknown_properties(error: ValidationError) -> Iterator[tuple[str, str]]:
    """(object pointer, property) pairs behind a strict-mode error.

    For oneOf/anyOf only the branches that fail solely because of undeclared properties are blamed;
    the other branches are simply the wrong alternative.
    """
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        declared = _as_dict(error.schema).get("properties", {}) if isinstance(error.schema, dict) else {}
        patterns = list(_as_dict(_as_dict(error.schema).get("patternProperties")))
        for name in error.instance:
            if name not in declared and not any(re.search(p, name) for p in patterns):
                yield pointer(*error.absolute_path), str(name)
        return
    by_branch: dict[object, list[ValidationError]] = {}
    for sub in error.context or ():
        branch = sub.relative_schema_path[0] if sub.relative_schema_path else None
        by_branch.setdefault(branch, []).append(sub)
    for subs in by_branch.values():
        found = [list(_unknown_properties(sub)) for sub in subs]
        if all(found):
            for pairs in found:
                yield from pairs


def _iter_refs(node: object, ptr: str) -> Iterator[tuple[str, str]]:
    """Yield (where, $ref string) for every `$ref` below `node`, in document order."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ptr, ref
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                yield from _iter_refs(value, pointer_join(ptr, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, (dict, list)):
                yield from _iter_refs(value, pointer_join(ptr, index))


def _local_targets(node: object, ptr: str) -> Iterator[str]:
    """The JSON pointers that the local `$ref`s below `node` point at."""
    return (ref[1:] for _, ref in _iter_refs(node, ptr) if ref.startswith("#/"))


def _component_of(ref_ptr: str) -> str | None:
    """`/components/schemas/X/properties/y` -> `/components/schemas/X`."""
    parts = ref_ptr.split("/")
    if len(parts) >= 4 and parts[1] == "components":
        return "/".join(parts[:4])
    return None


# ---------------------------------------------------------------------- rules


def _check_openapi(spec: dict[str, Any], linter: _Linter) -> None:
    # Imported here: it is the slowest import of the linter and only this rule needs it.
    from openapi_spec_validator import OpenAPIV31SpecValidator

    try:
        for error in OpenAPIV31SpecValidator(cast(dict[str, Any], _json_compatible(spec))).iter_errors():
            path = getattr(error, "absolute_path", None) or ()
            # The first paragraph says what is wrong; the rest repeats the schema and the instance.
            message = str(getattr(error, "message", error)).split("\n\n", 1)[0]
            linter.report(pointer(*path), "openapi-invalid", message)
    except Unresolvable as exc:  # ref-unresolved reports where
        linter.report("", "openapi-invalid", f"unresolvable reference {getattr(exc, 'ref', '')!r}")
    except RecursionError:  # it follows a $ref loop until the stack runs out; ref-cycle reports where
        linter.report(
            "", "openapi-invalid", "openapi-spec-validator cannot check a document with a $ref loop"
        )
    except Exception as exc:  # a validator crash must not hide the other rules' findings
        linter.report("", "openapi-invalid", f"openapi-spec-validator failed: {type(exc).__name__}: {exc}")


def _json_compatible(node: object) -> object:
    """What the YAML would be as JSON: string keys, dates as ISO strings (the validator's Rust backend
    rejects other types; `info-version-string` reports the date itself)."""
    if isinstance(node, dict):
        return {str(key): _json_compatible(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_json_compatible(value) for value in node]
    if isinstance(node, (datetime.date, datetime.datetime)):
        return node.isoformat()
    return node


def _check_refs(spec: dict[str, Any], linter: _Linter) -> None:
    for where, ref in _iter_refs(spec, ""):
        if not ref.startswith("#"):
            # A remote or file $ref would make generation depend on something outside spec/.
            linter.report(
                pointer_join(where, "$ref"), "ref-unresolved", f"{ref}: only local refs are supported"
            )
        elif linter.lookup(ref[1:]) is None:
            linter.report(pointer_join(where, "$ref"), "ref-unresolved", f"{ref} does not exist")


def _check_cycles(spec: dict[str, Any], linter: _Linter) -> None:
    """One `ref-cycle` per loop reachable from any local `$ref`, at its first member in pointer order."""
    reported: set[frozenset[str]] = set()
    for where, ref in _iter_refs(spec, ""):
        if not ref.startswith("#"):
            continue
        loop = linter.loop_from(where)
        if loop is None or frozenset(loop) in reported:
            continue
        reported.add(frozenset(loop))
        members = list(loop[:-1])
        first = members.index(min(members))
        members = members[first:] + members[:first]
        shown = " -> ".join(f"#{member}" for member in [*members, members[0]])
        linter.report(
            members[0], "ref-cycle", f"{shown}: refers back to itself without nesting, never resolves"
        )


def _check_info(spec: dict[str, Any], linter: _Linter) -> None:
    version = _as_dict(spec.get("info")).get("version")
    if not isinstance(version, str):
        linter.report(
            "/info/version",
            "info-version-string",
            f"info.version is {type(version).__name__} {version!r}; quote it (YAML reads dates as dates)",
        )


def _check_operations(linter: _Linter) -> int:
    declared_tags = {t.get("name") for t in _as_list(linter.spec.get("tags")) if isinstance(t, dict)}
    first_id: dict[str, str] = {}
    first_method: dict[tuple[str, str], str] = {}
    count = 0
    for op in linter.operations():
        node, ptr = op.node, op.ptr
        is_path = op.kind == "path"
        count += is_path

        op_id = node.get("operationId")
        if op_id is None:
            if is_path:
                linter.report(ptr, "operation-id-missing", f"{op.method.upper()} has no operationId")
        elif not isinstance(op_id, str) or not SNAKE_CASE.match(op_id):
            linter.report(
                pointer_join(ptr, "operationId"), "operation-id-format", f"{op_id!r} is not snake_case"
            )
        elif op_id in first_id:
            linter.report(
                pointer_join(ptr, "operationId"),
                "operation-id-duplicate",
                f"{op_id!r} is already used at {first_id[op_id]}",
            )
        else:
            first_id[op_id] = pointer_join(ptr, "operationId")

        if not isinstance(node.get("summary"), str) or not node["summary"].strip():
            linter.report(ptr, "summary-missing", "operation has no summary")

        if is_path:
            tag = _check_tags(linter, op, declared_tags)
            _check_method_name(linter, op, tag, first_method)
            _check_headers(linter, op)
            _check_error_responses(linter, op)
            _check_id_prefix(linter, op)
        elif not linter.has_header_param(op, "Molam-Signature"):
            params_ptr = pointer_join(ptr, "parameters") if "parameters" in node else ptr
            linter.report(params_ptr, "webhook-signature-header", "no Molam-Signature header parameter")
        _check_bodies(linter, op)
    return count


def _check_tags(linter: _Linter, op: _Operation, declared: set[object]) -> str | None:
    tags = op.node.get("tags")
    if not isinstance(tags, list) or len(tags) != 1:
        where = pointer_join(op.ptr, "tags") if "tags" in op.node else op.ptr
        shown = len(tags) if isinstance(tags, list) else 0
        linter.report(where, "tag-count", f"operation has {shown} tags; exactly one is required")
    for index, tag in enumerate(_as_list(tags)):
        if tag not in declared:
            linter.report(
                pointer_join(op.ptr, "tags", index),
                "tag-undeclared",
                f"tag {tag!r} is not in the top-level tags",
            )
    first = tags[0] if isinstance(tags, list) and tags else None
    return first if isinstance(first, str) else None


def _check_method_name(
    linter: _Linter, op: _Operation, tag: str | None, first_method: dict[tuple[str, str], str]
) -> None:
    method = op.node.get("x-molam-method")
    where = pointer_join(op.ptr, "x-molam-method")
    if method is None:
        linter.report(op.ptr, "molam-method-missing", "operation has no x-molam-method")
    elif not isinstance(method, str) or not SNAKE_CASE.match(method):
        linter.report(where, "molam-method-format", f"{method!r} is not a snake_case identifier")
    elif tag is not None:
        if (tag, method) in first_method:
            linter.report(
                where,
                "molam-method-duplicate",
                f"{tag}.{method} is already defined at {first_method[(tag, method)]}",
            )
        else:
            first_method[(tag, method)] = where


def _check_headers(linter: _Linter, op: _Operation) -> None:
    params_ptr = pointer_join(op.ptr, "parameters") if "parameters" in op.node else op.ptr
    if not linter.has_header_param(op, "Molam-Version"):
        linter.report(params_ptr, "molam-version-header", "no Molam-Version header parameter")
    if op.method == "post" and not linter.has_header_param(op, "Idempotency-Key"):
        linter.report(params_ptr, "post-idempotency-key", "POST without the Idempotency-Key header parameter")


ID_PREFIX: Final = re.compile(r"^[a-z][a-z0-9]*_$")


def _check_id_prefix(linter: _Linter, op: _Operation) -> None:
    if op.node.get("x-molam-method") not in ("create", "retrieve"):
        return
    responses: dict[Any, Any] = _as_dict(op.node.get("responses"))  # YAML may read an unquoted 200 as an int
    response, response_ptr = linter.resolve(
        responses.get("200", responses.get(200)), pointer_join(op.ptr, "responses", "200")
    )
    media = _as_dict(_as_dict(response.get("content")).get("application/json"))
    schema, schema_ptr = linter.resolve(media.get("schema"), pointer_join(response_ptr, "content"))
    id_property = _as_dict(_as_dict(schema.get("properties")).get("id"))
    if not id_property:
        return  # not an object with an id (a balance)
    prefix = schema.get("x-molam-id-prefix")
    if not isinstance(prefix, str) or not ID_PREFIX.match(prefix):
        linter.report(
            schema_ptr,
            "id-prefix-missing",
            f"no x-molam-id-prefix such as 'pi_' (got {prefix!r}); it is returned by {op.node.get('operationId')}",
        )
        return
    pattern = id_property.get("pattern")
    if isinstance(pattern, str) and not pattern.startswith(f"^{prefix}"):
        linter.report(
            pointer_join(schema_ptr, "properties", "id", "pattern"),
            "id-prefix-missing",
            f"the id pattern {pattern!r} does not start with the x-molam-id-prefix {prefix!r}",
        )


def _check_error_responses(linter: _Linter, op: _Operation) -> None:
    responses = _as_dict(op.node.get("responses"))
    where = pointer_join(op.ptr, "responses")
    codes = {str(code).upper() for code in responses}
    has_default = "DEFAULT" in codes
    if not has_default and not any(code.startswith("4") for code in codes):
        linter.report(where, "responses-4xx", "no 4xx (or default) response documented")
    if not has_default and not any(code.startswith("5") for code in codes):
        linter.report(where, "responses-5xx", "no 5xx (or default) response documented")


def _check_bodies(linter: _Linter, op: _Operation) -> None:
    """Request body and response examples, plus the response header rules of path operations."""
    if "requestBody" in op.node:
        body, body_ptr = linter.resolve(op.node["requestBody"], pointer_join(op.ptr, "requestBody"))
        for media_type, media in _as_dict(body.get("content")).items():
            media_ptr = pointer_join(body_ptr, "content", media_type)
            linter.check_media_examples(_as_dict(media), media_ptr, require=_is_json(media_type))
    for code, raw in _as_dict(op.node.get("responses")).items():
        response, response_ptr = linter.resolve(raw, pointer_join(op.ptr, "responses", code))
        is_2xx = str(code).startswith("2")
        if op.kind == "path":
            headers = {str(name).lower() for name in _as_dict(response.get("headers"))}
            headers_ptr = pointer_join(response_ptr, "headers") if "headers" in response else response_ptr
            if "molam-request-id" not in headers:
                linter.report(
                    headers_ptr, "response-request-id", "response does not declare Molam-Request-Id"
                )
            if op.method == "post" and is_2xx and "idempotent-replayed" not in headers:
                linter.report(
                    headers_ptr,
                    "post-idempotent-replayed",
                    "POST 2xx response does not declare Idempotent-Replayed",
                )
        for media_type, media in _as_dict(response.get("content")).items():
            media_ptr = pointer_join(response_ptr, "content", media_type)
            linter.check_media_examples(_as_dict(media), media_ptr, require=is_2xx and _is_json(media_type))


def _check_component_examples(linter: _Linter) -> None:
    """Examples that live outside operations: parameters, headers, responses, schemas."""
    components = _as_dict(linter.spec.get("components"))
    for section in ("parameters", "headers"):
        for name, node in _as_dict(components.get(section)).items():
            linter.check_parameter_or_header(_as_dict(node), pointer("components", section, name))
    for op in linter.operations():
        for param, param_ptr in linter.parameters(op):
            linter.check_parameter_or_header(param, param_ptr)
    for name, response in _as_dict(components.get("responses")).items():
        response_ptr = pointer("components", "responses", name)
        for media_type, media in _as_dict(_as_dict(response).get("content")).items():
            linter.check_media_examples(
                _as_dict(media), pointer_join(response_ptr, "content", media_type), False
            )
        for header_name, header in _as_dict(_as_dict(response).get("headers")).items():
            resolved, header_ptr = linter.resolve(header, pointer_join(response_ptr, "headers", header_name))
            linter.check_parameter_or_header(resolved, header_ptr)
    for name, schema in _as_dict(components.get("schemas")).items():
        if not isinstance(schema, dict):
            continue
        for sub, sub_ptr in _subschemas(schema, pointer("components", "schemas", name)):
            if "example" in sub:
                linter.check_example(sub["example"], pointer_join(sub_ptr, "example"), sub_ptr)
            for index, value in enumerate(_as_list(sub.get("examples"))):
                linter.check_example(value, pointer_join(sub_ptr, "examples", index), sub_ptr)


def _check_unused(linter: _Linter) -> None:
    """Report components nothing outside them reaches, following $refs transitively."""
    spec = linter.spec
    reached: set[str] = set()
    pending: list[str] = []
    for key, value in spec.items():
        if key != "components":
            pending.extend(_local_targets(value, pointer(key)))
    components = _as_dict(spec.get("components"))
    for section, entries in components.items():
        if section not in CHECKED_COMPONENTS:
            # securitySchemes, pathItems, ...: their refs count as uses.
            pending.extend(_local_targets(entries, pointer("components", section)))
    while pending:
        component = _component_of(pending.pop())
        if component is None or component in reached:
            continue
        reached.add(component)
        node = linter.lookup(component)
        pending.extend(_local_targets(node, component))
    for section in CHECKED_COMPONENTS:
        for name in _as_dict(components.get(section)):
            where = pointer("components", section, name)
            if where not in reached:
                rule = "schema-unused" if section == "schemas" else "component-unused"
                linter.report(where, rule, f"{CHECKED_COMPONENTS[section]} {name!r} is never referenced")


def _check_deprecations(spec: dict[str, Any], linter: _Linter) -> None:
    """Every `deprecated: true` node has a description naming what to use instead (a `$ref` with the flag
    beside it may rely on the description beside it too)."""
    pending: list[tuple[object, str]] = [(spec, "")]
    while pending:
        node, where = pending.pop()
        if isinstance(node, dict):
            if node.get("deprecated") is True:
                description = node.get("description")
                if not isinstance(description, str) or not REPLACEMENT.search(description):
                    linter.report(
                        where,
                        "deprecated-without-replacement",
                        "deprecated, but no description says what to use instead (e.g. 'Use `x` instead.')",
                    )
            pending.extend((value, pointer_join(where, key)) for key, value in node.items())
        elif isinstance(node, list):
            pending.extend((value, pointer_join(where, index)) for index, value in enumerate(node))


def _check_event_types(spec: dict[str, Any], linter: _Linter) -> None:
    """`EventType` (what webhook endpoints may subscribe to) lists exactly the event types of ``webhooks``."""
    from generator.codegen.event_types import EVENT_TYPE_SCHEMA, event_type_mismatch

    mismatch = event_type_mismatch(spec)
    if mismatch is not None:
        missing, extra = mismatch
        parts = [
            f"missing {', '.join(missing)}" if missing else "",
            f"not a webhook: {', '.join(extra)}" if extra else "",
        ]
        linter.report(
            pointer("components", "schemas", EVENT_TYPE_SCHEMA, "enum"),
            "event-type-enum",
            f"differs from the webhooks ({'; '.join(p for p in parts if p)}): run `make generate`",
        )


def lint_spec(spec: object) -> LintResult:
    """Run every rule on a loaded document and return the violations in document order."""
    if not isinstance(spec, dict):
        return LintResult([Violation("", "yaml-invalid", "the document is not a mapping")], 0, 0, 0, 0)
    linter = _Linter(spec)
    _check_openapi(spec, linter)
    _check_info(spec, linter)
    _check_refs(spec, linter)
    _check_cycles(spec, linter)
    operations = _check_operations(linter)
    _check_component_examples(linter)
    _check_unused(linter)
    _check_deprecations(spec, linter)
    _check_event_types(spec, linter)
    schemas = len(_as_dict(_as_dict(spec.get("components")).get("schemas")))
    webhooks = len(_as_dict(spec.get("webhooks")))
    return LintResult(linter.violations, operations, webhooks, schemas, linter.examples_checked)


def load_spec(path: Path, ref_root: Path | None = None) -> object:
    """Parse the spec file with the breaking-change checker's loader (C YAML loader, bounded, refs contained).

    `SpecParseError` when it is not YAML; `SpecSourceError` when it cannot be read, is an alias bomb, or has a
    `$ref` outside the spec's directory (or `ref_root`).
    """
    return read_file(path, ref_root)
