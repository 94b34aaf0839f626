"""Secrets never reach a log line or a store: `redact()` masks keys, secrets, auth values and card numbers.

`redact` is the one redaction function: the `RedactingFilter` applies it to every record of the ``molam``
loggers (and to the handler the SDK installs for ``MOLAM_LOG``), and the webhook processor applies it to a
handler's error text before any store keeps it as ``last_error``. The filter rewrites each record before any
handler formats it: the message is rendered once with its arguments, masked, and stored back with no arguments
left to leak; exception and stack text are masked too.

Masked:

- every key prefix the API issues (`SECRET_PREFIXES`: the API keys of `API_KEY_PREFIXES` and the webhook
  secrets' ``whsec_``): the prefix stays, the key material goes;
- payment-intent client secrets ``pi_..._secret_...``: the part after ``_secret_`` goes;
- bare JWTs, ``Bearer <token>`` and any ``Authorization`` value;
- card numbers (PANs): 13 to 19 digits, possibly grouped by single spaces or dashes, that pass the Luhn
  check and are not part of a longer or a decimal number. At most the first 6 and the last 4 digits remain (``4242 42** **** 4242``).
"""

from __future__ import annotations

import logging
import re

__all__ = [
    "API_KEY_PREFIXES",
    "REDACTED",
    "SECRET_PREFIXES",
    "WEBHOOK_SECRET_PREFIX",
    "RedactingFilter",
    "mask_secret",
    "redact",
]

REDACTED = "[REDACTED]"

#: The prefixes of the API keys the API issues (spec: ``components.securitySchemes.bearerAuth``). The one
#: list: the configuration checks keys against it and redaction masks what follows each.
API_KEY_PREFIXES = ("sk_test_", "sk_live_", "jwt_")
#: The prefix of webhook endpoint secrets (spec: ``WebhookEndpointWithSecret.secret``).
WEBHOOK_SECRET_PREFIX = "whsec_"
#: Every prefix of a secret the API issues.
SECRET_PREFIXES = (*API_KEY_PREFIXES, WEBHOOK_SECRET_PREFIX)

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
    # Key material may hold "." (a JWT), "+", "/" and "=" (base64); a "." ending a sentence is kept.
    (
        re.compile(
            r"\b("
            + "|".join(map(re.escape, SECRET_PREFIXES))
            + r")[A-Za-z0-9_+/=\-]+(?:\.[A-Za-z0-9_+/=\-]+)*"
        ),
        r"\1" + REDACTED,
    ),
    # A payment intent's client secret: the id before "_secret_" is not secret, what follows is.
    (re.compile(r"\b(pi_[A-Za-z0-9]+_secret_)[A-Za-z0-9_\-]+"), r"\1" + REDACTED),
    (re.compile(r"\beyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*"), REDACTED),
)

# Cheap pre-check: most log lines contain none of these, and then no regex runs.
_MARKERS = (*SECRET_PREFIXES, "_secret_", "earer", "uthorization", "AUTHORIZATION", "eyJ")

# A run of digits where single spaces or dashes may separate groups; a PAN is searched for inside it. The
# lookarounds keep a run from starting or ending inside a longer number, a decimal one included: the 16
# fraction digits of a float's repr ("timeout=2.7294578919137344") are not a card number.
_DIGIT_RUN = re.compile(r"(?<![0-9])(?<![0-9]\.)[0-9]+(?:[ \-][0-9]+)*(?![0-9])(?!\.[0-9])", re.ASCII)
# No run with fewer than 13 digits holds a PAN: the pre-check for the common line, which has none.
_MAY_HOLD_PAN = re.compile(r"[0-9](?:[ \-]?[0-9]){12}", re.ASCII)
_PAN_MIN, _PAN_MAX = 13, 19
_PAN_KEEP_FIRST, _PAN_KEEP_LAST = 6, 4
_GROUP = re.compile(r"[0-9]+", re.ASCII)
_SEPARATORS = " -"


def _luhn_sums(digits: list[int]) -> tuple[list[int], list[int]]:
    """Prefix sums of Luhn contributions, one list per parity of the window's last position.

    In a window ``digits[a:b]`` the Luhn check doubles the digits at an odd distance from its last one,
    ``b - 1``. With ``even[i]`` the sum over ``j < i`` of each digit doubled at odd ``j``, and ``odd[i]`` the
    same doubled at even ``j``, the window's sum is ``even[b] - even[a]`` when ``b - 1`` is even, else
    ``odd[b] - odd[a]``: every window is checked in O(1), so a long run of digits costs linear time.
    """
    even = [0]
    odd = [0]
    for index, digit in enumerate(digits):
        doubled = digit * 2 - 9 if digit > 4 else digit * 2
        even.append(even[-1] + (doubled if index & 1 else digit))
        odd.append(odd[-1] + (digit if index & 1 else doubled))
    return even, odd


def _starred_digits(run: str) -> list[bool] | None:
    """For each digit of `run` (digit groups joined by single separators), whether it must be starred; None
    when `run` holds no card number.

    A card number is a sequence of whole groups (never split inside one), so "4242 4242 4242 4242 12/26"
    and "ref 07 4242424242424242" are both found. Every Luhn-valid sequence of 13 to 19 digits has all but
    its first 6 and last 4 digits starred: where such sequences overlap, the union is starred, so no choice
    among them can leave more of the real card number visible.
    """
    groups = [(m.start(), m.end()) for m in _GROUP.finditer(run)]
    offsets = [0]  # offsets[g]: how many digits come before group g
    for start, end in groups:
        offsets.append(offsets[-1] + end - start)
    even, odd = _luhn_sums([ord(char) - 48 for char in run if char not in _SEPARATORS])
    # A difference array of the starred ranges: +1 where one starts, -1 where it ends.
    change = [0] * (offsets[-1] + 1)
    found = False
    limit = 0  # one past the last group within _PAN_MAX digits of `first` (it only grows with `first`)
    for first in range(len(groups)):
        a = offsets[first]
        limit = max(limit, first)
        while limit < len(groups) and offsets[limit + 1] - a <= _PAN_MAX:
            limit += 1
        for last in range(first, limit):
            b = offsets[last + 1]
            if b - a < _PAN_MIN:
                continue
            sums = odd if (b - 1) & 1 else even
            if (sums[b] - sums[a]) % 10 == 0:
                change[a + _PAN_KEEP_FIRST] += 1
                change[b - _PAN_KEEP_LAST] -= 1
                found = True
    if not found:
        return None
    starred: list[bool] = []
    depth = 0
    for delta in change[:-1]:
        depth += delta
        starred.append(depth > 0)
    return starred


def _mask_pans_in_run(match: re.Match[str]) -> str:
    run = match.group()
    starred = _starred_digits(run) if len(run) >= _PAN_MIN else None
    if starred is None:
        return run
    out: list[str] = []
    index = 0
    for char in run:
        if char in _SEPARATORS:
            out.append(char)
            continue
        out.append("*" if starred[index] else char)
        index += 1
    return "".join(out)


def redact(text: str) -> str:
    """`text` with every secret the SDK knows about masked: keys and secrets (their prefix kept), client
    secrets, Authorization values, JWTs, and card numbers (at most their first 6 and last 4 digits kept)."""
    if any(marker in text for marker in _MARKERS):
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
    if _MAY_HOLD_PAN.search(text) is not None:
        text = _DIGIT_RUN.sub(_mask_pans_in_run, text)
    return text


def mask_secret(value: str, *, keep: int = 4) -> str:
    """A display form of a key: its known prefix and its last `keep` characters (``sk_test_...abcd``)."""
    prefix = ""
    for known in SECRET_PREFIXES:
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
