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

import jsonschema
import referencing
import referencing.jsonschema

from molam_sandbox.errors import SandboxError, invalid_param
from molam_sandbox.spec import ApiSpec, Operation

__all__ = ["ResponseValidator", "check_known_fields"]

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


def check_known_fields(api: ApiSpec, schema: Any, data: Any, path: str = "") -> None:
    """A 400 ``parameter_unknown`` for the first field of `data` that `schema` (a request schema) does not
    declare, at any depth; a schema with ``additionalProperties`` (metadata) accepts any key."""
    unknown = _unknown_field(api.resolve, schema, data, path)
    if unknown is not None:
        raise invalid_param(unknown, f"Received unknown parameter: {unknown}.", "parameter_unknown")


def _unknown_field(resolve: Callable[[Any], Any], schema: Any, data: Any, path: str) -> str | None:
    schema = resolve(schema)
    if not isinstance(schema, Mapping):
        return None
    branches = [
        resolve(b) for b in (*schema.get("oneOf", ()), *schema.get("anyOf", ()), *schema.get("allOf", ()))
    ]
    if isinstance(data, Mapping):
        objects = [s for s in (schema, *branches) if isinstance(s, Mapping) and "properties" in s]
        if not objects or any(s.get("additionalProperties") not in (None, False) for s in objects):
            return None
        for key, value in data.items():
            name = f"{path}.{key}" if path else str(key)
            owners = [s for s in objects if key in s["properties"]]
            if not owners:
                return name
            # Every branch that declares the key must accept what is under it (one is enough to be known).
            found = [_unknown_field(resolve, s["properties"][key], value, name) for s in owners]
            if all(f is not None for f in found):
                return found[0]
        return None
    if isinstance(data, list) and isinstance(schema.get("items"), Mapping):
        for index, item in enumerate(data):
            found_item = _unknown_field(resolve, schema["items"], item, f"{path}.{index}")
            if found_item is not None:
                return found_item
    return None
