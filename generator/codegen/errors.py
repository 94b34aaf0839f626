"""The one error code generation raises: the spec or the toolchain made generation impossible."""

from __future__ import annotations


class GenerationError(Exception):
    """The spec or the toolchain made generation impossible; the message says what to fix."""
