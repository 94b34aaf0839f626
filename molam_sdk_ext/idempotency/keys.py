"""Idempotency keys derived from business identifiers: the same order always gets the same key.

A random key made per attempt protects one process's retries; it does not survive a restart. A key derived
from what the payment *is for* does: a worker that crashed after sending "create payment for order 1042" and
restarts, a second worker picking up the same job, a customer double-clicking "Pay": each sends the same
key, so the API (and the merchant's own store, `molam_sdk_ext.idempotency.guard`) answers with the first
payment instead of making a second one. This is the recommended practice::

    key = idempotency_key_for("order", order.id)
    molam.payment_intents.create(amount=..., currency=..., idempotency_key=key)

When the customer *deliberately* pays again (a declined card, then another card), that is a new payment:
add what makes it new, e.g. ``idempotency_key_for("order", order.id, "attempt", attempt_number)``.

The key is ``molam_<namespace>_<32 hex digits>``: the digits are SHA-256 over the namespace and the parts
(length-prefixed, so ``("a", "bc")`` and ``("ab", "c")`` differ), truncated to 128 bits. It reveals nothing
of the identifiers, uses only header-safe characters and is at most 103 characters long (the API allows 255).
"""

from __future__ import annotations

import hashlib
import re
import uuid

__all__ = ["KEY_PREFIX", "MAX_KEY_LENGTH", "idempotency_key_for"]

KEY_PREFIX = "molam_"
MAX_KEY_LENGTH = 255
"""The longest ``Idempotency-Key`` the API accepts."""

_NAMESPACE = re.compile(r"[a-z][a-z0-9_.-]{0,63}")
_VERSION = b"molam-idempotency-key/1"  # changing the derivation must change this, never reuse old keys

Part = str | int | uuid.UUID


def _encode(part: Part) -> bytes:
    if isinstance(part, bool) or not isinstance(part, str | int | uuid.UUID):
        raise TypeError(f"idempotency key parts must be str, int or UUID, not {type(part).__name__}")
    # The type is part of the encoding: order 42 and order "42" are the same order, so ints are text.
    return str(part).encode("utf-8")


def idempotency_key_for(namespace: str, business_id: Part, *qualifiers: Part) -> str:
    """The idempotency key of ``business_id`` (an order, an invoice, a payout run) in ``namespace``.

    ``namespace`` names the kind of thing (``"order"``, ``"refund"``, ``"payout_batch"``): lower-case
    letters, digits, ``_``, ``.`` and ``-``, starting with a letter, at most 64 characters. ``qualifiers``
    tell apart several operations on one thing (``"refund", 2``). Same arguments, same key, in every process
    and on every machine; ``42`` and ``"42"`` give the same key.
    """
    if not _NAMESPACE.fullmatch(namespace):
        raise ValueError(
            "namespace must be lower-case letters, digits, '_', '.' or '-', start with a letter and be at "
            f"most 64 characters (got {namespace!r})"
        )
    digest = hashlib.sha256(_VERSION)
    for part in (namespace, business_id, *qualifiers):
        data = _encode(part)
        if isinstance(part, str) and not part:
            raise ValueError("idempotency key parts must not be empty")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return f"{KEY_PREFIX}{namespace}_{digest.hexdigest()[:32]}"
