"""API key checks: which keys the sandbox accepts, and the account a key's data is scoped to.

Pure functions: the middleware calls `authenticate` with the raw ``Authorization`` header value. Data is
partitioned by account (as in Stripe test mode), so parallel tests with different keys never see each other's
objects. The account id is a digest of the key: the key itself is never stored or logged.
"""

from __future__ import annotations

import hashlib
import re

from molam_sandbox.errors import SandboxError

__all__ = ["TEST_KEY_PATTERN", "account_for_key", "authenticate"]

TEST_KEY_PATTERN = re.compile(r"sk_test_[A-Za-z0-9_]{8,}")
"""The test keys the sandbox accepts: ``sk_test_`` then 8 or more of ``[A-Za-z0-9_]``."""


def _unauthorized(code: str, message: str) -> SandboxError:
    return SandboxError(401, "authentication_error", code, message, headers={"WWW-Authenticate": "Bearer"})


def account_for_key(key: str) -> str:
    """The account id data is scoped to for `key` (a digest: the key cannot be recovered from it)."""
    return "acct_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def authenticate(authorization: str | None) -> str:
    """Return the account id for a valid ``Authorization: Bearer sk_test_...`` value; raise a 401 otherwise."""
    if authorization is None or not authorization.strip():
        raise _unauthorized(
            "missing_api_key",
            "No API key provided. Send your test key as 'Authorization: Bearer sk_test_...'.",
        )
    scheme, _, key = authorization.strip().partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key:
        raise _unauthorized(
            "invalid_api_key", "Malformed Authorization header. Use 'Authorization: Bearer sk_test_...'."
        )
    if key.startswith("sk_live_"):
        raise _unauthorized(
            "live_key_not_allowed",
            "Live keys are not accepted by the local sandbox: use a test key (sk_test_...). "
            "The sandbox never moves real money.",
        )
    if key.startswith("jwt_"):
        raise _unauthorized(
            "jwt_not_supported", "The local sandbox accepts only test secret keys (sk_test_...), not JWTs."
        )
    if TEST_KEY_PATTERN.fullmatch(key) is None:
        raise _unauthorized(
            "invalid_api_key",
            "Invalid API key: test keys look like sk_test_ followed by 8 or more letters, digits or '_'.",
        )
    return account_for_key(key)
