"""The webhook event registry: every webhook of the spec, the model of its payload, and the event groups.

Rendered into `molam_sdk/events.py` (templates/events.py.jinja), which `construct_event` reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.properties import ModelProperty

from .errors import GenerationError
from .raw_spec import const_of, resolve_ref, schema_name


@dataclass(frozen=True)
class EventModel:
    """One webhook of the spec: its event type and the generated model of its payload."""

    type: str
    class_name: str
    module: str
    #: The model of the payload's `data.object` (e.g. PaymentIntent), or None when it is not one model: events
    #: about the same kind of object share handlers (`on("payment_intent.succeeded", "payment_intent.failed")`).
    object_class: str | None = None


@dataclass(frozen=True)
class EventGroup:
    """The events whose `data.object` is one model: `PaymentIntentEvent`, the union of their models."""

    alias: str  # the union's name in molam_sdk.events: the object's class name + "Event"
    object_class: str
    events: tuple[EventModel, ...]


def group_events(events: list[EventModel]) -> list[EventGroup]:
    """The groups of two or more events sharing a `data.object` model, in the order of their first event.

    A group's alias must not be an event model's own name (a schema `PaymentIntentEvent` for an event would
    shadow the union): that is a GenerationError naming both.
    """
    by_object: dict[str, list[EventModel]] = {}
    for event in events:
        if event.object_class is not None:
            by_object.setdefault(event.object_class, []).append(event)
    names = {event.class_name for event in events}
    groups = []
    for object_class, members in by_object.items():
        if len(members) < 2:
            continue  # one event: its own overload of `on` already names its model
        alias = f"{object_class}Event"
        if alias in names:
            raise GenerationError(
                f"the union of the events about {object_class} would be named {alias}, which is an event "
                "model's name; rename that schema"
            )
        groups.append(EventGroup(alias, object_class, tuple(members)))
    return groups


def _object_class(model: ModelProperty, models: Mapping[str, ModelProperty]) -> str | None:
    """The class name of `data.object` in an event model, when both are models.

    A property that refers to a model is a copy without its properties; `models` (class name -> the parsed
    model) has them.
    """

    def property_model(of: ModelProperty, name: str) -> ModelProperty | None:
        parsed = models.get(str(of.class_info.name), of)
        for prop in (parsed.required_properties or []) + (parsed.optional_properties or []):
            if prop.name == name and isinstance(prop, ModelProperty):
                return prop
        return None

    data = property_model(model, "data")
    obj = property_model(data, "object") if data is not None else None
    return str(obj.class_info.name) if obj is not None else None


def describe_events(openapi: GeneratorData, raw_spec: Mapping[str, Any]) -> list[EventModel]:
    """The spec's webhooks in order, each with the model of its JSON payload.

    A payload must be a `$ref` to a component schema (the generator ignores `webhooks`, so only component
    schemas become models); when that schema pins its `type` property (`const`), it must equal the event type.
    """
    webhooks = raw_spec.get("webhooks") or {}
    if not isinstance(webhooks, Mapping):
        raise GenerationError("`webhooks` must be a mapping of event type -> path item")
    class_of_schema = {schema_name(model): model for model in openapi.models}
    models = {str(model.class_info.name): model for model in openapi.models}
    events: list[EventModel] = []
    for event_type, item in webhooks.items():
        where = f"webhook {event_type}"
        operation = resolve_ref(raw_spec, item).get("post") if isinstance(item, Mapping) else None
        body = (
            resolve_ref(raw_spec, operation.get("requestBody", {})) if isinstance(operation, Mapping) else {}
        )
        schema = body.get("content", {}).get("application/json", {}).get("schema", {})
        ref = schema.get("$ref") if isinstance(schema, Mapping) else None
        if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
            raise GenerationError(
                f"{where}: the POST request body (application/json) must be a $ref to a component schema"
            )
        model = class_of_schema.get(ref.rsplit("/", 1)[-1])
        if model is None:
            raise GenerationError(f"{where}: no model was generated for {ref}")
        pinned = const_of(resolve_ref(raw_spec, schema), "type")
        if pinned is not None and pinned != event_type:
            raise GenerationError(f"{where}: its schema {ref} pins `type` to {pinned!r}")
        events.append(
            EventModel(
                str(event_type),
                model.class_info.name,
                str(model.class_info.module_name),
                _object_class(model, models),
            )
        )
    return events
