"""Events: every state change records one, and queues its delivery to each subscribed webhook endpoint.

The event's ``data.object`` is a copy of the object right after the change. Types are `EventType` members (the
spec's ``webhooks``); an event type the installed models do not know yet (a spec served before `make generate`)
is recorded all the same, as the spec's string.
"""

from __future__ import annotations

import copy
from typing import Any

import attrs

from molam_sandbox.objects import SpecModel, Stored, table_of
from molam_sandbox.settings import Env
from molam_sandbox.state import Filter, Tx
from molam_sdk.models.event import Event
from molam_sdk.models.event_data import EventData
from molam_sdk.models.event_data_object import EventDataObject
from molam_sdk.models.webhook_endpoint import WebhookEndpoint
from molam_sdk.models.webhook_endpoint_status import WebhookEndpointStatus

__all__ = ["record_event"]

# Every object names its id like the event itself does.
_ID = attrs.fields(Event).id.name
_ENABLED = Filter(attrs.fields(WebhookEndpoint).status.name, "=", WebhookEndpointStatus.ENABLED)


def record_event(
    tx: Tx, account: str, type_: str, obj: dict[str, Any] | SpecModel | Stored[Any], env: Env
) -> dict[str, Any]:
    """Store an event about `obj` and queue it for every enabled endpoint subscribed to `type_`."""
    if isinstance(obj, Stored):
        data = obj.doc
    elif isinstance(obj, dict):
        data = copy.deepcopy(obj)
    else:
        data = obj.to_dict()
    event = Event(
        id=tx.new_id(table_of(Event)),
        object="event",
        type=type_,
        created=env.ts,
        api_version=env.api_version,
        livemode=False,
        data=EventData(object=EventDataObject.from_dict(data)),
    )
    doc = event.to_dict()
    tx.insert(table_of(Event), account, doc)
    tx.events_recorded += 1
    tx.recorded_events.add((type_, str(data.get(_ID))))
    for record in tx.select(table_of(WebhookEndpoint), account, [_ENABLED]):
        if type_ in Stored.of(record, WebhookEndpoint).obj.enabled_events:
            tx.enqueue_delivery(account, record.id, event.id, env.now)
    return doc
