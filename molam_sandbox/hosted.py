"""What every hosted page of the sandbox does the same way server-side: its URL's capability and one act per click.

A hosted page (the checkout of a payment intent, `molam_sandbox.checkout`; the onboarding page of a merchant
application, `molam_sandbox.onboarding_actions`) is reached without an API key, so the random token in its URL
is what proves the right to see and act on the object: `new_token` makes it, `token_matches` checks it in
constant time. Every page view carries a fresh nonce in its form; `first_use` records it in the object's
internal document, in the same transaction as what the click does, so a repeat (double click, resubmitted
form, back button) never acts again. `read_click` reads the form a page posts.
"""

from __future__ import annotations

import hmac
import re
import urllib.parse
from typing import Any

import attrs

from molam_sandbox.objects import Stored
from molam_sandbox.state import Tx, new_id

__all__ = [
    "NONCE_PATTERN",
    "TOKEN_LENGTH",
    "Click",
    "first_use",
    "new_nonce",
    "new_token",
    "read_click",
    "token_matches",
]

TOKEN_LENGTH = 32
"""Characters of a page's capability token (base62: about 190 bits, unguessable)."""

NONCE_PATTERN = re.compile(r"[A-Za-z0-9]{16,64}")
"""What a page's nonce looks like (`new_nonce` makes 24 base62 characters)."""

_KEEP_NONCES = 50  # enough for any user's retries; bounds the internal document


def new_token() -> str:
    """A fresh capability token for a hosted page's URL."""
    return new_id("", TOKEN_LENGTH)


def new_nonce() -> str:
    """A fresh nonce for one view of a page: the click it posts is acted on once."""
    return new_id("", 24)


def token_matches(expected: str | None, given: str) -> bool:
    """Whether `given` is the object's token (`expected`, None when it never had a page), in constant time."""
    if expected is None:
        return False
    return hmac.compare_digest(expected.encode("ascii"), given.encode("utf-8", "replace"))


def first_use(tx: Tx, stored: Stored[Any], key: str, nonce: str) -> bool:
    """Record `nonce` under `key` of the object's internal document and save it; False (nothing saved) if it
    was already there.

    Called in the transaction that then acts on the click, so the record and the act are one: two requests
    with the same nonce can never both act.
    """
    handled = stored.internal.setdefault(key, [])
    if nonce in handled:
        return False
    handled.append(nonce)
    del handled[:-_KEEP_NONCES]
    stored.save(tx)
    return True


@attrs.frozen
class Click:
    """What a page's form posted: the control's value and the page's nonce."""

    choice: str
    nonce: str


def read_click(body: bytes) -> Click | None:
    """The click a page's form posted (``choice`` and ``nonce``), or None for anything else."""
    try:
        form = urllib.parse.parse_qs(body.decode("utf-8"), strict_parsing=False, max_num_fields=8)
        click = Click(form["choice"][0], form["nonce"][0])
    except (ValueError, KeyError, UnicodeDecodeError):
        return None
    return click if NONCE_PATTERN.fullmatch(click.nonce) else None
