"""Secrets never reach a log line: a `logging.Filter` that masks API keys, webhook secrets and auth values.

Attached to the ``molam`` logger (and to the handler the SDK installs for ``MOLAM_LOG``), it rewrites each
record before any handler formats it: the message is rendered once with its arguments, masked, and stored back
with no arguments left to leak; exception and stack text are masked too. Masked: ``sk_test_``/``sk_live_``
keys, ``jwt_`` keys, ``whsec_`` secrets, bare JWTs, ``Bearer <token>`` and any ``Authorization`` value.
"""

from __future__ import annotations

import logging
import re

__all__ = ["REDACTED", "RedactingFilter", "mask_secret", "redact"]

REDACTED = "[REDACTED]"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # An Authorization value in any rendering: "Authorization: Bearer x", "'authorization': 'x'",
    # "authorization=x", and header tuples "(b'authorization', b'x')".
    (
        re.compile(
            r"""(?i)(authorization['"]?\s*[:=,]\s*(?:b?['"])?)(?:(?:bearer|basic|token)\s+)?[^'"\s,;)}\]]+"""
        ),
        r"\1" + REDACTED,
    ),
    (re.compile(r"(?i)\b(bearer\s+)[^\s'\",;)}\]]+"), r"\1" + REDACTED),
    (re.compile(r"\b(sk_(?:test|live)_)[A-Za-z0-9_\-]+"), r"\1" + REDACTED),
    (re.compile(r"\b(jwt_)[A-Za-z0-9_.\-]+"), r"\1" + REDACTED),
    (re.compile(r"\b(whsec_)[A-Za-z0-9_+/=\-]+"), r"\1" + REDACTED),
    (re.compile(r"\beyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*"), REDACTED),
)

# Cheap pre-check: most log lines contain none of these, and then no regex runs.
_MARKERS = ("sk_", "jwt_", "whsec_", "earer", "uthorization", "AUTHORIZATION", "eyJ")


def redact(text: str) -> str:
    """`text` with every secret the SDK knows about masked."""
    if not any(marker in text for marker in _MARKERS):
        return text
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def mask_secret(value: str, *, keep: int = 4) -> str:
    """A display form of a key: its known prefix and its last `keep` characters (``sk_test_...abcd``)."""
    prefix = ""
    for known in ("sk_test_", "sk_live_", "jwt_", "whsec_"):
        if value.startswith(known):
            prefix = known
            break
    rest = value[len(prefix) :]
    # Show a tail only when the secret is long enough that the tail gives nothing useful away.
    tail = rest[-keep:] if keep and len(rest) >= 4 * keep else ""
    return f"{prefix}...{tail}"


class RedactingFilter(logging.Filter):
    """Masks secrets in a record's message, arguments, exception and stack text. Never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite `record` in place; always keep it."""
        if getattr(record, "_molam_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:
            # A broken format string: keep the template, masked, rather than lose the line.
            message = f"{record.msg!s} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._molam_redacted = True
        return True
