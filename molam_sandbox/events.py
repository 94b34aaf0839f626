"""Events: every state change records one, and queues its delivery to each subscribed webhook endpoint.

The event's ``data.object`` is a copy of the object right after the change. Types are those of the spec's
``webhooks``, plus a few for state changes the spec has no webhook for (``payout.in_transit`` ...): `Event.type`
is a plain string, and no endpoint can subscribe to those, so they only show in ``list_events``.
"""

from __future__ import annotations

import copy
from typing import Any

from molam_sandbox.settings import API_VERSION, Env
from molam_sandbox.state import Filter, Tx

__all__ = ["record_event"]


def record_event(tx: Tx, account: str, type_: str, obj: dict[str, Any], env: Env) -> dict[str, Any]:
    """Store an event about `obj` and queue it for every enabled endpoint subscribed to `type_`."""
    event_id = tx.new_id("events")
    event = {
        "id": event_id,
        "object": "event",
        "type": type_,
        "created": env.ts,
        "api_version": API_VERSION,
        "livemode": False,
        "data": {"object": copy.deepcopy(obj)},
    }
    tx.insert("events", account, event)
    tx.events_recorded += 1
    tx.recorded_events.add((type_, str(obj.get("id"))))
    for endpoint in tx.select("webhook_endpoints", account, [Filter("status", "=", "enabled")]):
        if type_ in endpoint.doc.get("enabled_events", ()):
            tx.enqueue_delivery(account, endpoint.id, event_id, env.now)
    return event
