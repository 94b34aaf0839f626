"""Webhook endpoints in the sandbox: registration, signing secrets (with rotation) and the loopback rule.

The sandbox only ever delivers to loopback addresses (127.0.0.0/8, ::1, localhost): its machine must never
send traffic elsewhere, so other URLs are refused with 400 ``url_not_allowed``. An endpoint keeps its
current secret and, after a rotation, the previous one until ``previous_secret_expires_at``; deliveries are
signed with every active secret (one ``v1``/``kid`` pair each). The secrets live in the endpoint's internal
document (`SigningKey`s, current first).
"""

from __future__ import annotations

import ipaddress
import urllib.parse
from typing import Any

import attrs

from molam_sandbox.engine import Call
from molam_sandbox.errors import invalid_param
from molam_sandbox.objects import Stored, find, new
from molam_sandbox.registry import PLUGINS
from molam_sandbox.settings import Env
from molam_sandbox.state import Record, Tx, new_id
from molam_sandbox.timers import timer_action
from molam_sdk.models.create_webhook_endpoint_request import CreateWebhookEndpointRequest
from molam_sdk.models.deleted_webhook_endpoint import DeletedWebhookEndpoint
from molam_sdk.models.rotate_webhook_endpoint_secret_request import RotateWebhookEndpointSecretRequest
from molam_sdk.models.update_webhook_endpoint_request import UpdateWebhookEndpointRequest
from molam_sdk.models.webhook_endpoint import WebhookEndpoint
from molam_sdk.models.webhook_endpoint_status import WebhookEndpointStatus
from molam_sdk.models.webhook_endpoint_with_secret import WebhookEndpointWithSecret

__all__ = [
    "DEFAULT_GRACE_PERIOD",
    "EXPIRE_SECRET",
    "SigningKey",
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


def _spec_default(value: object) -> int:
    if not isinstance(value, int):
        raise TypeError(f"grace_period_seconds has no integer default in the spec: {value!r}")
    return value


DEFAULT_GRACE_PERIOD = _spec_default(
    attrs.fields(RotateWebhookEndpointSecretRequest).grace_period_seconds.default
)
"""Seconds the previous secret stays valid after a rotation, unless the request says otherwise (the spec's
default of ``grace_period_seconds``)."""

EXPIRE_SECRET = "webhook_endpoint.expire_secret"
"""Timer action: the previous secret of an endpoint expires."""

_KEYS = "signing_keys"  # internal: [[kid, secret, expires_at], ...], current first
_SECRET = attrs.fields(WebhookEndpointWithSecret).secret.name
_URL = attrs.fields(CreateWebhookEndpointRequest).url.name


@attrs.frozen
class SigningKey:
    """One signing secret of an endpoint; `expires_at` (unix seconds) is None for the current one."""

    kid: str
    secret: str
    expires_at: float | None = None

    def active(self, now: float) -> bool:
        """Whether deliveries at `now` are signed with this key."""
        return self.expires_at is None or self.expires_at > now


def _keys(record: Record) -> list[SigningKey]:
    return [SigningKey(*key) for key in record.internal.get(_KEYS, [])]


def _set_keys(record: Record, keys: list[SigningKey]) -> None:
    record.internal[_KEYS] = [[key.kid, key.secret, key.expires_at] for key in keys]


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


def check_target_url(url: str, param: str = _URL) -> str:
    """`url` if webhooks may be sent there; 400 ``url_not_allowed`` otherwise."""
    if not is_loopback_url(url):
        raise invalid_param(
            param,
            "The local sandbox only delivers webhooks to loopback URLs (http://127.0.0.1:PORT/..., "
            "http://localhost:PORT/... or [::1]): it never sends traffic off this machine.",
            "url_not_allowed",
        )
    return url


def _new_signing_key() -> SigningKey:
    return SigningKey(new_id("kid_", 16), new_id("whsec_", 32))


def _with_secret(doc: Doc, secret: str) -> Doc:
    """The `WebhookEndpointWithSecret` answer: the endpoint and its new secret (shown this once)."""
    return {**doc, _SECRET: secret}


@PLUGINS.write("create_webhook_endpoint")
def create_endpoint(c: Call) -> Doc:
    """Register an endpoint; the response (`WebhookEndpointWithSecret`) is the only one showing the secret."""
    request = CreateWebhookEndpointRequest.from_dict(c.params)
    check_target_url(request.url)
    key = _new_signing_key()
    doc = c.new_object(
        enabled_events=list(dict.fromkeys(request.enabled_events)),
        status=WebhookEndpointStatus.ENABLED,
        kid=key.kid,
    )
    stored = new(WebhookEndpoint, c.account, doc)
    _set_keys(stored.record, [key])
    return _with_secret(stored.add(c.tx), key.secret)


@PLUGINS.write("update_webhook_endpoint")
def update_endpoint(c: Call) -> Doc:
    """Change url, enabled events, description, status or metadata (the engine's update, url checked)."""
    request = UpdateWebhookEndpointRequest.from_dict(c.params)
    if isinstance(request.url, str):
        check_target_url(request.url)
    endpoint = Stored.of(c.apply_update(c.require()), WebhookEndpoint)
    endpoint.obj.enabled_events = list(dict.fromkeys(endpoint.obj.enabled_events))
    return endpoint.save(c.tx)


@PLUGINS.write("delete_webhook_endpoint")
def delete_endpoint(c: Call) -> Doc:
    """Delete an endpoint; its pending deliveries are abandoned by the delivery worker."""
    endpoint = c.require()
    c.tx.delete(endpoint.table, c.account, endpoint.id)
    c.tx.unschedule(c.account, endpoint.id)
    return DeletedWebhookEndpoint(id=endpoint.id, object="webhook_endpoint", deleted=True).to_dict()


@PLUGINS.write("rotate_webhook_endpoint_secret")
def rotate_secret(c: Call) -> Doc:
    """Make a new current secret; the old one stays valid for ``grace_period_seconds`` (0: revoked now)."""
    endpoint = Stored.of(c.require(), WebhookEndpoint)
    requested = RotateWebhookEndpointSecretRequest.from_dict(c.params).grace_period_seconds
    grace = DEFAULT_GRACE_PERIOD if not isinstance(requested, int) else requested
    current = _keys(endpoint.record)[0]
    key = _new_signing_key()
    keys = [key]
    c.tx.unschedule(c.account, endpoint.id)
    expires_at = c.env.ts + grace if grace > 0 else None
    if expires_at is not None:
        keys.append(attrs.evolve(current, expires_at=expires_at))
        c.tx.schedule(c.account, EXPIRE_SECRET, endpoint.id, expires_at)
    _set_keys(endpoint.record, keys)
    endpoint.obj.kid = key.kid
    endpoint.obj.previous_kid = current.kid if expires_at is not None else None
    endpoint.obj.previous_secret_expires_at = expires_at
    return _with_secret(endpoint.save(c.tx), key.secret)


@timer_action(EXPIRE_SECRET)
def expire_previous_secret(tx: Tx, account: str, endpoint_id: str, env: Env) -> None:
    """Timer: forget the previous secret once its grace period is over."""
    endpoint = find(tx, WebhookEndpoint, account, endpoint_id)
    if endpoint is None:
        return
    keys = [key for key in _keys(endpoint.record) if key.active(env.now)]
    _set_keys(endpoint.record, keys)
    if len(keys) == 1:
        endpoint.obj.previous_kid = None
        endpoint.obj.previous_secret_expires_at = None
    endpoint.save(tx)


def active_secrets(record: Record, now: float) -> list[tuple[str, str]]:
    """``(kid, secret)`` of every secret valid at `now`, current first (what deliveries are signed with)."""
    return [(key.kid, key.secret) for key in _keys(record) if key.active(now)]
