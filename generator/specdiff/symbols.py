"""Names of the generated SDK symbols a change affects.

- resource method: `molam.<tag snake_case>.<x-molam-method | operationId>`
- parameter: `molam.payment_intents.list(status=)`
- model field: `PaymentIntent.amount_received` (any location under `/components/schemas/<Name>`;
  `[]` steps into array items, `{}` into map values)
- inline schemas use the method: `molam.x.update(metadata=)` (request body), `molam.x.create().amount`
  (response), `webhooks["payment_intent.succeeded"].data` (webhook payload).
"""

from __future__ import annotations

import builtins
import enum
import keyword
import re
from dataclasses import dataclass
from typing import Any

from generator.specdiff.pointer import split

_COMPOSITION = frozenset({"allOf", "anyOf", "oneOf"})
# Mirrors openapi-python-client 0.29 (strings.py) as our generator configures it (generator/codegen/project.py
# un-reserves `type` and `object`), so symbols match the generated names.
_DELIMITERS = ". _-"
_RESERVED = (set(dir(builtins)) | {"self", "true", "false", "datetime"}) - {"id", "type", "object"}


def snake_case(name: str) -> str:
    """snake_case as the generator spells it (`PaymentIntents` -> `payment_intents`, `Idempotency-Key` -> `idempotency_key`)."""
    text = "".join(char for char in name if char.isidentifier() or char.isdecimal() or char in _DELIMITERS)
    if any(char.isupper() for char in text):
        text = " ".join(re.split("([A-Z]?[a-z]+)", text))
    return "_".join(re.findall(r"[^. _\-]+", text)).lower()


def python_identifier(name: str) -> str:
    """The attribute / keyword name the generator makes of a property or parameter (`list` -> `list_`)."""
    text = snake_case(name)
    if text in _RESERVED or keyword.iskeyword(text):
        text += "_"
    return text if text.isidentifier() and not name.startswith("_") else f"field_{text}"


def method_symbol(operation: dict[str, Any], method: str, path: str) -> str:
    """`molam.<resource>.<method>` for one operation."""
    tags = operation.get("tags")
    tag = tags[0] if isinstance(tags, list) and tags and isinstance(tags[0], str) else "default"
    name = operation.get("x-molam-method") or snake_case(
        str(operation.get("operationId") or f"{method}_{path}")
    )
    return f"molam.{snake_case(tag) or 'default'}.{name}"


def parameter_symbol(method_sym: str, name: str) -> str:
    """`molam.x.list(status=)`."""
    return f"{method_sym}({python_identifier(name)}=)"


def webhook_symbol(name: str) -> str:
    """`webhooks["payment_intent.succeeded"]`."""
    return f'webhooks["{name}"]'


def _path_suffix(tokens: list[str]) -> list[str]:
    """Schema-location tokens as symbol steps: `.field`, `[]` (items), `{}` (map values)."""
    steps: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in {"properties", "patternProperties"} and index + 1 < len(tokens):
            steps.append("." + python_identifier(tokens[index + 1]))
            index += 2
        elif token == "items":
            steps.append("[]")
            index += 1
        elif token == "additionalProperties":
            steps.append("{}")
            index += 1
        elif token == "prefixItems" and index + 1 < len(tokens):
            steps.append(f"[{tokens[index + 1]}]")
            index += 2
        elif token in _COMPOSITION:
            index += 2
        else:
            index += 1
    return steps


def model_symbol(pointer: str) -> str | None:
    """`Name.field...` for a pointer under `/components/schemas/<Name>`, else None."""
    if not pointer.startswith("/components/schemas/"):
        return None
    tokens = split(pointer)
    return tokens[2] + "".join(_path_suffix(tokens[3:]))


def is_model_pointer(pointer: str) -> bool:
    """True for pointers under `/components/schemas/` (their symbols do not depend on the operation)."""
    return pointer.startswith("/components/schemas/")


def _is_component_root(pointer: str) -> bool:
    return is_model_pointer(pointer) and pointer.count("/") == 3


class Style(enum.Enum):
    """How an inline schema location is named, by the part of the operation it belongs to."""

    KWARGS = "kwargs"
    PARAM = "param"
    RETURN = "return"
    WEBHOOK = "webhook"
    FIXED = "fixed"


@dataclass(frozen=True, slots=True)
class SymbolContext:
    """Names inline schema locations below `base_root`/`head_root` (the schema of one body, parameter...)."""

    style: Style
    prefix: str
    base_root: str | None = None
    head_root: str | None = None

    def name(self, base_pointer: str | None, head_pointer: str | None) -> str:
        """The symbol of a location, preferring the head document's name (base when removed).

        When one side is a whole component (`$ref: X`) and the other is the property that used to hold
        or now holds it inline, the property is the better name: it is what changed.
        """
        if (
            head_pointer is not None
            and base_pointer is not None
            and _is_component_root(head_pointer)
            and not _is_component_root(base_pointer)
        ):
            return self._name(base_pointer, self.base_root)
        if head_pointer is not None:
            return self._name(head_pointer, self.head_root)
        if base_pointer is not None:
            return self._name(base_pointer, self.base_root)
        return self.prefix

    def _name(self, pointer: str, root: str | None) -> str:
        model = model_symbol(pointer)
        if model is not None:
            return model
        if (
            self.style is Style.FIXED
            or root is None
            or not (pointer == root or pointer.startswith(root + "/"))
        ):
            return self.prefix
        steps = _path_suffix(split(pointer[len(root) :]))
        if self.style is Style.KWARGS:
            if steps and steps[0].startswith("."):
                return f"{self.prefix}({steps[0][1:]}=)" + "".join(steps[1:])
            return self.prefix + "".join(steps)
        if self.style is Style.RETURN:
            return f"{self.prefix}()" + "".join(steps)
        return self.prefix + "".join(steps)
