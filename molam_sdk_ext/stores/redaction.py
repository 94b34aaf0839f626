"""Store errors that never show a password: connection URLs are redacted before they reach a message."""

from __future__ import annotations

import urllib.parse

from molam_sdk_ext.errors import StoreError


def redact_url(url: str) -> str:
    """``url`` with its password replaced by ``***`` and its query dropped (libpq puts passwords there too)."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return f"{url.split(':', 1)[0]}://<unparseable>"
    netloc = host if ":" not in host else f"[{host}]"
    if port is not None:
        netloc = f"{netloc}:{port}"
    if parts.username:
        user = parts.username + (":***" if parts.password else "")
        netloc = f"{user}@{netloc}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def store_error(backend: str, where: str, exc: BaseException, secret: str | None = None) -> StoreError:
    """A ``StoreError`` for a failed backend call; ``where`` is a redacted URL or path, ``secret`` is scrubbed."""
    detail = f"{type(exc).__name__}: {exc}".strip()
    if secret:
        detail = detail.replace(secret, "***")
        detail = detail.replace(urllib.parse.quote(secret, safe=""), "***")
    return StoreError(f"{backend} store at {where} failed: {detail}")
