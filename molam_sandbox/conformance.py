"""What the sandbox sends is what the spec says: every response checked against its operation's schema.

With strict responses on (`SandboxSettings.strict_responses`: ``--strict-responses``, or
``MOLAM_SANDBOX_STRICT_RESPONSES=1``, which the test suite and CI set), each 2xx body the engine shapes is
validated against the operation's response schema with a JSON Schema 2020-12 validator (the dialect of OpenAPI
3.1) over the whole spec, formats included. A mismatch is a 500 ``response_invalid`` naming the operation, the
JSON pointer and what the spec expected: a drift between the spec and the sandbox's business code is a loud
failure in tests, never a value quietly sent in the wrong type.

Request bodies are checked here too for what the generated models let through: a field the request schema
does not declare is a 400 ``parameter_unknown`` naming it (``beneficiary.iban``), so a renamed field can
never be silently dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import jsonschema
import referencing
import referencing.jsonschema

from molam_sandbox.errors import SandboxError, invalid_param
from molam_sandbox.spec import ApiSpec, Operation

__all__ = ["KnownFields", "ResponseValidator"]

_SPEC_URI = "urn:molam:spec"


def _absolute(node: Any) -> Any:
    """`node` with its local ``$ref`` s made absolute (``#/components/...`` -> ``urn:molam:spec#/components/...``)."""
    if isinstance(node, Mapping):
        out = {key: _absolute(value) for key, value in node.items()}
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            out["$ref"] = _SPEC_URI + ref
        return out
    if isinstance(node, list):
        return [_absolute(item) for item in node]
    return node


def _pointer(path: Any) -> str:
    parts = [str(part).replace("~", "~0").replace("/", "~1") for part in path]
    return "/" + "/".join(parts) if parts else ""


def _expected(error: jsonschema.ValidationError) -> str:
    if error.validator in ("type", "format", "const", "enum", "pattern"):
        return f"{error.validator} {error.validator_value!r}"
    return f"{error.validator} ({error.message})"


class ResponseValidator:
    """Validates response bodies against the spec; counts what it checked (thread-safe)."""

    def __init__(self, api: ApiSpec) -> None:
        self.api = api
        resource = referencing.jsonschema.DRAFT202012.create_resource(dict(api.raw))
        self._registry: referencing.Registry[Any] = referencing.Registry().with_resource(_SPEC_URI, resource)
        self._validators: dict[str, jsonschema.protocols.Validator] = {}
        self._lock = threading.Lock()
        self.checked = 0
        """How many response bodies were validated."""

    def _validator(self, op: Operation) -> jsonschema.protocols.Validator | None:
        found = self._validators.get(op.operation_id)
        if found is None and op.response_schema is not None:
            cls = jsonschema.Draft202012Validator
            found = cls(
                _absolute(op.response_schema), registry=self._registry, format_checker=cls.FORMAT_CHECKER
            )
            self._validators[op.operation_id] = found
        return found

    def check(self, op: Operation, body: Any) -> None:
        """Raise a 500 ``response_invalid`` when `body` does not match `op`'s 200 response schema."""
        with self._lock:
            validator = self._validator(op)
            self.checked += 1
        if validator is None:
            return
        error = jsonschema.exceptions.best_match(validator.iter_errors(body))
        if error is None:
            return
        got = type(error.instance).__name__ if error.instance is not None else "null"
        raise SandboxError(
            500,
            "api_error",
            "response_invalid",
            f"The sandbox's response to {op.operation_id} does not match the spec at "
            f"{_pointer(error.absolute_path) or '/'}: expected {_expected(error)}, got {got}.",
        )


@attrs.frozen
class KnownFields:
    """The field names a request schema declares, at every depth, compiled once per operation.

    `names` maps each declared property to what is known below it; None means any key is fine (a free-form
    map such as metadata, declared with ``additionalProperties``, or a schema that lists no properties).
    Branches of ``oneOf`` / ``anyOf`` / ``allOf`` are merged: a key one of them declares is known.
    """

    names: Mapping[str, KnownFields] | None
    items: KnownFields | None = None

    @classmethod
    def of(cls, resolve: Callable[[Any], Any], schema: Any, depth: int = 0) -> KnownFields:
        """The known fields of `schema` (references followed with `resolve`)."""
        schema = resolve(schema)
        if not isinstance(schema, Mapping) or depth > _MAX_DEPTH:
            return _ANY
        parts = [schema] + [
            resolve(b) for key in ("oneOf", "anyOf", "allOf") for b in schema.get(key, ()) if resolve(b)
        ]
        parts = [part for part in parts if isinstance(part, Mapping)]
        items = next((part["items"] for part in parts if isinstance(part.get("items"), Mapping)), None)
        objects = [part for part in parts if "properties" in part]
        if not objects or any(part.get("additionalProperties") not in (None, False) for part in objects):
            return cls(None, cls.of(resolve, items, depth + 1) if items is not None else None)
        below: dict[str, list[Any]] = {}
        for part in objects:
            for name, prop in part["properties"].items():
                below.setdefault(str(name), []).append(prop)
        names = {name: cls._merged(resolve, props, depth + 1) for name, props in below.items()}
        return cls(names, cls.of(resolve, items, depth + 1) if items is not None else None)

    @classmethod
    def _merged(cls, resolve: Callable[[Any], Any], schemas: list[Any], depth: int) -> KnownFields:
        return cls.of(resolve, schemas[0] if len(schemas) == 1 else {"anyOf": schemas}, depth)

    def first_unknown(self, data: Any, path: str = "") -> str | None:
        """The dotted path of the first field of `data` this schema does not declare, or None."""
        if isinstance(data, Mapping):
            if self.names is None:
                return None
            for key, value in data.items():
                name = f"{path}.{key}" if path else str(key)
                known = self.names.get(key)
                if known is None:
                    return name
                found = known.first_unknown(value, name)
                if found is not None:
                    return found
        elif isinstance(data, list) and self.items is not None:
            for index, item in enumerate(data):
                found = self.items.first_unknown(item, f"{path}.{index}")
                if found is not None:
                    return found
        return None

    def check(self, data: Any) -> None:
        """A 400 ``parameter_unknown`` naming the first undeclared field of `data` (a request body)."""
        unknown = self.first_unknown(data)
        if unknown is not None:
            raise invalid_param(unknown, f"Received unknown parameter: {unknown}.", "parameter_unknown")


_MAX_DEPTH = 32  # a self-referencing schema is free-form below this depth, never an endless compile
_ANY = KnownFields(None)
