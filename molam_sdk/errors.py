# Generated from spec/molam.yaml by `make generate`; do not edit.
"""Contains shared errors types that can be raised from API functions"""


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


class MissingFieldError(ValueError):
    """A payload lacked a field the spec marks required: `model` names the schema, `field` the JSON key.

    A `ValueError` (not a `KeyError`) so its message reads plainly and union parsing treats it like any
    other mismatch.
    """

    def __init__(self, model: str, field: str) -> None:
        self.model = model
        self.field = field
        super().__init__(f"{model}: required field {field!r} is missing from the payload")


__all__ = ["MissingFieldError", "UnexpectedStatus"]
