"""Webhook endpoints in the sandbox: registration, signing secrets (with rotation) and the loopback rule.

The sandbox only ever delivers to loopback addresses (127.0.0.0/8, ::1, localhost): its machine must never
send traffic elsewhere, so other URLs are refused with 400 ``url_not_allowed``. An endpoint keeps its
current secret and, after a rotation, the previous one until ``previous_secret_expires_at``; deliveries are
signed with every active secret (one ``v1``/``kid`` pair each).
"""

from __future__ import annotations

import ipaddress
import urllib.parse
from typing import Any

from molam_sandbox.errors import invalid_param
from molam_sandbox.metadata import merge_metadata, new_metadata
from molam_sandbox.settings import Env
from molam_sandbox.state import Record, Tx, new_id

__all__ = [
    "DEFAULT_GRACE_PERIOD",
    "active_secrets",
    "check_target_url",
    "create_endpoint",
    "delete_endpoint",
    "expire_previous_secret",
    "is_loopback_url",
    "rotate_secret",
    "update_endpoint",
]

Doc = dict[str, Any]

DEFAULT_GRACE_PERIOD = 86400
"""Seconds the previous secret stays valid after a rotation, unless the request says otherwise."""


def is_loopback_url(url: str) -> bool:
    """Whether `url` is http(s) to a loopback host."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises ValueError for a malformed port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_target_url(url: str, param: str = "url") -> str:
    """`url` if webhooks may be sent there; 400 ``url_not_allowed`` otherwise."""
    if not is_loopback_url(url):
        raise invalid_param(
            param,
            "The local sandbox only delivers webhooks to loopback URLs (http://127.0.0.1:PORT/..., "
            "http://localhost:PORT/... or [::1]): it never sends traffic off this machine.",
            "url_not_allowed",
        )
    return url


def _new_signing_key() -> dict[str, Any]:
    return {"kid": new_id("kid_", 16), "secret": new_id("whsec_", 32), "expires_at": None}


def _with_secret(doc: Doc, secret: str) -> Doc:
    shown = dict(doc)
    shown["secret"] = secret
    return shown


def create_endpoint(tx: Tx, account: str, p: Doc, env: Env) -> Doc:
    """Register an endpoint; the response (`WebhookEndpointWithSecret`) is the only one showing the secret."""
    url = check_target_url(str(p["url"]))
    key = _new_signing_key()
    doc: Doc = {
        "id": tx.new_id("webhook_endpoints"),
        "object": "webhook_endpoint",
        "url": url,
        "enabled_events": list(dict.fromkeys(p["enabled_events"])),
        "description": p.get("description"),
        "status": "enabled",
        "api_version": p.get("api_version"),
        "kid": key["kid"],
        "previous_kid": None,
        "previous_secret_expires_at": None,
        "metadata": new_metadata(p.get("metadata")),
        "created": env.ts,
        "livemode": False,
    }
    tx.insert("webhook_endpoints", account, doc, {"keys": [key]})
    return _with_secret(doc, key["secret"])


def update_endpoint(tx: Tx, account: str, endpoint_id: str, p: Doc, env: Env) -> Doc:
    """Change url, enabled events, description, status or metadata."""
    record = tx.require("webhook_endpoints", account, endpoint_id, "webhook_endpoint")
    doc = record.doc
    if p.get("url") is not None:
        doc["url"] = check_target_url(str(p["url"]))
    if p.get("enabled_events") is not None:
        doc["enabled_events"] = list(dict.fromkeys(p["enabled_events"]))
    if p.get("description") is not None:
        doc["description"] = p["description"]
    if p.get("status") is not None:
        doc["status"] = p["status"]
    if p.get("metadata") is not None:
        doc["metadata"] = merge_metadata(doc["metadata"], p["metadata"])
    tx.save(record)
    return doc


def delete_endpoint(tx: Tx, account: str, endpoint_id: str) -> Doc:
    """Delete an endpoint; its pending deliveries are abandoned by the delivery worker."""
    tx.require("webhook_endpoints", account, endpoint_id, "webhook_endpoint")
    tx.delete("webhook_endpoints", account, endpoint_id)
    tx.unschedule(account, endpoint_id)
    return {"id": endpoint_id, "object": "webhook_endpoint", "deleted": True}


def rotate_secret(tx: Tx, account: str, endpoint_id: str, p: Doc, env: Env) -> Doc:
    """Make a new current secret; the old one stays valid for ``grace_period_seconds`` (0: revoked now)."""
    record = tx.require("webhook_endpoints", account, endpoint_id, "webhook_endpoint")
    grace = p.get("grace_period_seconds")
    grace = DEFAULT_GRACE_PERIOD if grace is None else int(grace)
    current = record.internal["keys"][0]
    key = _new_signing_key()
    keys = [key]
    tx.unschedule(account, endpoint_id)
    if grace > 0:
        expires_at = env.ts + grace
        keys.append({"kid": current["kid"], "secret": current["secret"], "expires_at": expires_at})
        tx.schedule(account, "webhook_endpoint.expire_secret", endpoint_id, expires_at)
    record.internal["keys"] = keys
    record.doc["kid"] = key["kid"]
    record.doc["previous_kid"] = current["kid"] if grace > 0 else None
    record.doc["previous_secret_expires_at"] = env.ts + grace if grace > 0 else None
    tx.save(record)
    return _with_secret(record.doc, key["secret"])


def expire_previous_secret(tx: Tx, account: str, endpoint_id: str, env: Env) -> None:
    """Timer: forget the previous secret once its grace period is over."""
    record = tx.get("webhook_endpoints", account, endpoint_id)
    if record is None:
        return
    record.internal["keys"] = [
        k for k in record.internal["keys"] if k["expires_at"] is None or k["expires_at"] > env.now
    ]
    if len(record.internal["keys"]) == 1:
        record.doc["previous_kid"] = None
        record.doc["previous_secret_expires_at"] = None
    tx.save(record)


def active_secrets(record: Record, now: float) -> list[tuple[str, str]]:
    """``(kid, secret)`` of every secret valid at `now`, current first (what deliveries are signed with)."""
    return [
        (str(k["kid"]), str(k["secret"]))
        for k in record.internal.get("keys", [])
        if k["expires_at"] is None or k["expires_at"] > now
    ]
