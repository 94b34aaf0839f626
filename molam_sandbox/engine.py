"""The spec-driven engine: every operation of the spec served by convention, business rules as plug-ins.

Routing is on the raw (still percent-encoded) path, segment by segment, against the spec's path templates: a
``{id}`` is exactly one raw segment, so an id holding ``%2F`` can never reach another operation, and a path
that continues below an object id without matching an action is that id not found (404 ``resource_missing``),
whether its slash was encoded or not.

What each kind of operation does when no plug-in is registered for its operationId (see `molam_sandbox.spec`
for how kinds are recognised):

- ``create``: an object with a fresh id of the resource's prefix, the declared body fields, ``created`` and
  ``livemode: false``;
- ``list``: the account's objects newest first, paged by ``limit`` / ``starting_after``, filtered by the
  declared query parameters (a parameter named like a property: equal; ``<property>_gte`` / ``_lte`` /
  ``_gt`` / ``_lt``: a range; others through `Plugins.filters`);
- ``retrieve`` / ``delete``: by id; ``update``: the declared body fields set (metadata merged);
- ``action`` (``POST /collection/{id}/name``): the declared body fields set, and ``status`` moved to the
  past participle of the action when the status enum has it (``close`` -> ``closed``);
- ``sub_read`` listing another resource below an object: the child objects whose ``<parent>_id`` (or
  ``<last word of parent>_id``) is the object;
- ``read`` and other ``sub_read``: need a plug-in (a 501 says so).

Every response is shaped by the operation's response schema (`molam_sandbox.spec.Shape`): each declared
property from the stored object, else the same-named request field, else its default or null; nothing
undeclared is sent. With strict responses it is then validated against that schema
(`molam_sandbox.conformance`): a drift is a 500 naming the operation and the JSON pointer. A query parameter
or body field the operation does not declare is a 400 ``parameter_unknown``; a list filter that matches no
field is refused when the spec is loaded (`SpecError`). Where the spec's ``webhooks`` declare
``<resource>.created`` / ``.updated`` / ``.deleted`` (by the resource of their ``data.object``), the engine
records them on create / update / delete, with no plug-in.
"""

from __future__ import annotations

import copy
import urllib.parse
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any, Protocol

import attrs
import pydantic
from starlette.requests import Request
from starlette.responses import Response

from molam_sandbox.conformance import KnownFields, ResponseValidator
from molam_sandbox.errors import SandboxError, invalid_param, missing_resource
from molam_sandbox.events import record_event
from molam_sandbox.metadata import merge_metadata, new_metadata
from molam_sandbox.settings import Env
from molam_sandbox.spec import ApiSpec, Operation, Resource, Webhook
from molam_sandbox.state import Filter, Record, Tx
from molam_sandbox.validation import parse_body, parse_query
from molam_sdk_ext.observability.logs import get_logger

__all__ = ["Call", "Engine", "Plugin", "Plugins", "Sandboxed", "SpecError"]

logger = get_logger("molam.sandbox")  # redacting, like every SDK logger

Doc = dict[str, Any]
_PAGING = ("limit", "starting_after")
_RANGES = {"_gte": ">=", "_lte": "<=", "_gt": ">", "_lt": "<"}
_LIFECYCLE = {"created": "create", "updated": "update", "deleted": "delete"}
"""The last word of an event type -> the kind of operation that emits it by convention."""


@attrs.frozen
class Call:
    """What a plug-in (or a generic handler) gets for one request."""

    tx: Tx
    account: str
    env: Env
    op: Operation
    id: str | None
    """The path's object id (checked: it has the resource's prefix)."""
    params: Doc
    """The validated JSON body (nulls dropped), or the validated query parameters of a GET."""
    path: str

    @property
    def resource(self) -> Resource:
        """The resource the operation is about (every operation with a plug-in has one)."""
        if self.op.resource is None:
            raise _needs_plugin(self.op)
        return self.op.resource

    def object_id(self) -> str:
        """The path's object id (operations on one object always have one; the engine checked its prefix)."""
        if self.id is None:
            raise _needs_plugin(self.op)
        return self.id

    def new_object(self, **decided: Any) -> Doc:
        """The object this create makes, shaped by the resource's schema, not yet stored.

        A fresh id of the resource's prefix, ``object``, ``created`` and ``livemode``; every request field the
        resource declares under the same name, an omitted one at its request default (so a field added to both
        is stored and served with no code); then what the plug-in `decided` (each must be a declared property:
        a typo or a spec rename fails loudly here); every other declared property at its default or null.
        """
        resource = self.resource
        unknown = sorted(set(decided) - resource.properties)
        if unknown:
            raise ValueError(
                f"{self.op.operation_id}: {resource.schema_name} declares no {', '.join(unknown)}"
            )
        doc: Doc = {"id": self.tx.new_id(resource.table), "object": resource.type}
        given = (
            {**copy.deepcopy(dict(self.op.body_defaults)), **self.params}
            if self.op.body_defaults
            else self.params
        )
        doc.update(_declared(resource, given))
        if "metadata" in resource.properties:
            doc["metadata"] = new_metadata(self.params.get("metadata"))
        doc.update(created=self.env.ts, livemode=False)
        doc.update(decided)
        return resource.shape.render(doc)

    def insert(self, doc: Doc, internal: Doc | None = None) -> Record:
        """Store `doc` (made by `new_object`) as a new object of the resource, for the call's account."""
        return self.tx.insert(self.resource.table, self.account, doc, internal)

    def require(self) -> Record:
        """The stored object the path's id names (404 ``resource_missing`` when the account has none)."""
        resource = self.resource
        return self.tx.require(resource.table, self.account, self.object_id(), resource.type)

    def apply_update(self, record: Record) -> Record:
        """Set the request fields the resource declares on `record` (metadata merged), and save it."""
        changes = _declared(self.resource, self.params)
        if "metadata" in changes:
            changes["metadata"] = merge_metadata(record.doc.get("metadata") or {}, changes["metadata"])
        record.doc.update(changes)
        self.tx.save(record)
        return record


Plugin = Callable[[Call], Doc]


@attrs.define
class Plugins:
    """Business behaviour registered per operationId on top of the engine's conventions."""

    writes: dict[str, Plugin] = attrs.field(factory=dict)
    reads: dict[str, Plugin] = attrs.field(factory=dict)

    def write(self, operation_id: str) -> Callable[[Plugin], Plugin]:
        """Decorator: `operation_id` (a POST or DELETE) runs this function in a write transaction."""

        def register(function: Plugin) -> Plugin:
            if operation_id in self.writes:
                raise ValueError(f"two plug-ins for {operation_id}")
            self.writes[operation_id] = function
            return function

        return register

    def read(self, operation_id: str) -> Callable[[Plugin], Plugin]:
        """Decorator: `operation_id` (a GET) answers with this function."""

        def register(function: Plugin) -> Plugin:
            if operation_id in self.reads:
                raise ValueError(f"two plug-ins for {operation_id}")
            self.reads[operation_id] = function
            return function

        return register


class SpecError(ValueError):
    """The spec asks for something the engine cannot serve faithfully (raised when the sandbox loads it)."""


class Sandboxed(Protocol):
    """What the engine needs from the server: run a read or a write for the request's account."""

    def read(self, request: Request, operation: Callable[[Tx, str, Env], Doc]) -> Response:
        """Run a read-only `operation`."""
        ...

    def write(self, request: Request, operation: Callable[[Tx, str, Env], Doc]) -> Response:
        """Run `operation` in a write transaction (with the request's idempotency record)."""
        ...


class Engine:
    """Serves the operations of `api` with `models` validating bodies and `plugins` adding behaviour.

    Raises `SpecError` at construction for what would otherwise be served wrongly: a list filter that
    matches no field of the listed objects, a plug-in for an operation the spec does not have.
    """

    def __init__(
        self, api: ApiSpec, models: ModuleType, plugins: Plugins, *, strict_responses: bool = False
    ) -> None:
        self.api = api
        self.plugins = plugins
        self.responses = ResponseValidator(api) if strict_responses else None
        """Validates every response against the spec when strict (`SandboxSettings.strict_responses`)."""
        self._routes: dict[int, list[Operation]] = {}
        for op in api.operations:
            self._routes.setdefault(len(op.template), []).append(op)
        self._known = {op.operation_id: KnownFields.of(api.resolve, op.body_schema) for op in api.operations}
        self._models: dict[str, type[pydantic.BaseModel] | None] = {}
        for op in api.operations:
            if op.body_model is not None:
                model = getattr(models, op.body_model, None)
                if not (isinstance(model, type) and issubclass(model, pydantic.BaseModel)):
                    raise SpecError(f"no generated model {op.body_model} for {op.operation_id}")
                self._models[op.operation_id] = model
        problems: list[str] = []
        self._filters = {
            op.operation_id: self._filter_plan(op, problems) for op in api.operations if op.kind != "create"
        }
        unknown = (set(plugins.writes) | set(plugins.reads)) - set(api.by_id)
        problems += [
            f"a plug-in is registered for {name}, which the spec does not have" for name in sorted(unknown)
        ]
        if problems:
            raise SpecError("the sandbox cannot serve this spec: " + "; ".join(problems))
        self._lifecycle = self._lifecycle_events()

    def _lifecycle_events(self) -> dict[tuple[str, str], Webhook]:
        """(resource type, operation kind) -> the webhook the spec declares for it by convention."""
        found: dict[tuple[str, str], Webhook] = {}
        for webhook in self.api.webhooks.values():
            if webhook.resource is None:
                continue
            kind = _LIFECYCLE.get(webhook.type.rsplit(".", 1)[-1])
            if kind is not None:
                found[(webhook.resource.type, kind)] = webhook
        return found

    # -- routing -----------------------------------------------------------------------------------------------

    def match(self, method: str, raw_path: str) -> tuple[Operation, str | None]:
        """The operation for `method` on `raw_path` (percent-encoded) and its decoded ``{id}``; 404/405 else."""
        segments = raw_path.split("/")[1:]
        allowed: list[str] = []
        for op in self._routes.get(len(segments), ()):
            object_id = _bind(op.template, segments)
            if object_id is False:
                continue
            if op.method != method:
                allowed.append(op.method)
                continue
            if isinstance(object_id, str):
                if op.resource is None or not op.resource.valid_id(object_id):
                    raise missing_resource(op.resource.type if op.resource else "object", object_id)
                return op, object_id
            return op, None
        if allowed:
            error = SandboxError(
                405,
                "invalid_request_error",
                "method_not_allowed",
                f"{method} is not allowed on {urllib.parse.unquote(raw_path)}.",
            )
            error.headers["Allow"] = ", ".join(sorted(set(allowed)))
            raise error
        self._below_an_object(segments)
        raise SandboxError(
            404,
            "not_found_error",
            "route_not_found",
            f"Unrecognized request URL ({urllib.parse.unquote(raw_path)}).",
        )

    def _below_an_object(self, segments: list[str]) -> None:
        """A path that goes on below ``/collection/{id}`` without matching: that id (with its slash) is unknown."""
        for op in self.api.operations:
            template = op.template
            if op.kind not in ("retrieve", "update", "delete") or len(segments) <= len(template):
                continue
            if _bind(template[:-1], segments[: len(template) - 1]) is False:
                continue
            object_id = "/".join(urllib.parse.unquote(s) for s in segments[len(template) - 1 :])
            raise missing_resource(op.resource.type if op.resource else "object", object_id)

    # -- serving -----------------------------------------------------------------------------------------------

    async def handle(self, request: Request, server: Sandboxed) -> Response:
        """Serve one ``/v1`` request."""
        raw = request.scope.get("raw_path") or request.scope["path"].encode("latin-1")
        raw_path = bytes(raw).decode("latin-1").split("?", 1)[0]
        op, object_id = self.match(request.method, raw_path)
        path: str = request.scope["path"]
        declared = {param.name for param in op.query}
        for name in request.query_params:
            if name not in declared:
                raise invalid_param(name, f"Received unknown parameter: {name}.", "parameter_unknown")
        if op.method == "GET":
            query = parse_query(op.query, request.query_params) if op.query else {}
            read = self.plugins.reads.get(op.operation_id) or self._generic_read

            def run_read(tx: Tx, account: str, env: Env) -> Doc:
                return self._answer(op, read(Call(tx, account, env, op, object_id, query, path)), None)

            return server.read(request, run_read)

        known = self._known[op.operation_id]
        params = parse_body(await request.body(), self._models.get(op.operation_id), check=known.check)
        write = self.plugins.writes.get(op.operation_id) or self._generic_write

        def run_write(tx: Tx, account: str, env: Env) -> Doc:
            call = Call(tx, account, env, op, object_id, params, path)
            before = self._before_delete(call)
            doc = self._answer(op, write(call), params)
            self._record_lifecycle(call, before if before is not None else doc)
            return doc

        return server.write(request, run_write)

    def _answer(self, op: Operation, doc: Doc, request: Doc | None) -> Doc:
        """`doc` shaped by the operation's response schema, and validated against it when strict."""
        if op.response is not None:
            doc = op.response.render(doc, request)
        if self.responses is not None:
            self.responses.check(op, doc)
        return doc

    # -- lifecycle events --------------------------------------------------------------------------------------

    def _before_delete(self, call: Call) -> Doc | None:
        """The object a delete is about to remove (its ``.deleted`` event carries it as it was)."""
        resource = call.op.resource
        if call.op.kind != "delete" or resource is None or call.id is None:
            return None
        if (resource.type, "delete") not in self._lifecycle:
            return None
        record = call.tx.get(resource.table, call.account, call.id)
        return resource.shape.render(record.doc) if record is not None else None

    def _record_lifecycle(self, call: Call, obj: Doc) -> None:
        """Record ``<resource>.created`` / ``.updated`` / ``.deleted`` where the spec declares it for this write
        (once: not when a plug-in already recorded that event for that object in this transaction), its
        ``data.object`` shaped by the webhook's own schema."""
        resource = call.op.resource
        if resource is None:
            return
        webhook = self._lifecycle.get((resource.type, call.op.kind))
        if webhook is None or call.tx.deferred_error is not None:
            return
        if (webhook.type, str(obj.get("id"))) in call.tx.recorded_events:
            return
        shape = webhook.object_shape or resource.shape
        record_event(call.tx, call.account, webhook.type, shape.render(obj), call.env)

    # -- generic behaviour -------------------------------------------------------------------------------------

    def _generic_read(self, call: Call) -> Doc:
        op = call.op
        if op.kind == "retrieve":
            return self._require(call).doc
        if op.list_of is not None:
            filters = self._filters_for(call)
            if op.kind == "sub_read":
                parent = self._require(call)
                assert op.resource is not None
                link = _link_field(op.list_of, op.resource.type)
                filters.append(Filter(link, "=", parent.id))
            page = call.tx.page(
                op.list_of.table,
                call.account,
                limit=int(call.params.get("limit", 10)),
                starting_after=call.params.get("starting_after"),
                filters=filters,
            ).body()
            page["url"] = call.path
            return page
        raise _needs_plugin(op)

    def _generic_write(self, call: Call) -> Doc:
        op = call.op
        if op.resource is None:
            raise _needs_plugin(op)
        if op.kind == "create":
            return call.insert(call.new_object()).doc
        record = call.require()
        if op.kind == "delete":
            call.tx.delete(record.table, call.account, record.id)
            return {"id": record.id, "object": op.resource.type, "deleted": True}
        if op.kind == "action" and op.action is not None:
            status = self._status_after(op.resource, op.action)
            if status is not None:
                record.doc["status"] = status
        return call.apply_update(record).doc

    def _status_after(self, resource: Resource, action: str) -> str | None:
        """The status an action leads to, when the resource's status enum has its past participle."""
        schema = self.api.resolve(self.api.schemas[resource.schema_name])
        status = self.api.resolve(schema.get("properties", {}).get("status", {}))
        values = status.get("enum") or []
        for candidate in (action + "d", action + "ed", action[:-1] + "ied", action + action[-1:] + "ed"):
            if candidate in values:
                return str(candidate)
        return None

    def _require(self, call: Call) -> Record:
        resource = call.op.resource
        assert resource is not None and call.id is not None
        return call.tx.require(resource.table, call.account, call.id, resource.type)

    # -- list filters ------------------------------------------------------------------------------------------

    def _filter_plan(self, op: Operation, problems: list[str]) -> list[tuple[str, str, str]]:
        """(query parameter, field(s), operator) for each declared filter of a list.

        A parameter named like a field of the listed objects matches it (``<field>_gte`` ... a range), or the
        fields its ``x-molam-filter-fields`` names; one that matches nothing is added to `problems`: a filter
        the sandbox would ignore must never be served.
        """
        resource = op.list_of
        plan: list[tuple[str, str, str]] = []
        if resource is None:
            return plan
        for param in op.query:
            if param.name in _PAGING:
                continue
            if param.fields is not None:
                missing = [field for field in param.fields if field not in resource.properties]
                if missing:
                    problems.append(
                        f"{op.operation_id}: x-molam-filter-fields of {param.name!r} names "
                        f"{', '.join(missing)}, not field(s) of {resource.schema_name}"
                    )
                plan.append((param.name, "|".join(param.fields), "="))
                continue
            if param.name in resource.properties:
                plan.append((param.name, param.name, "="))
                continue
            for suffix, operator in _RANGES.items():
                base = param.name.removesuffix(suffix)
                if param.name.endswith(suffix) and base in resource.properties:
                    plan.append((param.name, base, operator))
                    break
            else:
                problems.append(
                    f"{op.operation_id}: query parameter {param.name!r} matches no field of "
                    f"{resource.schema_name} (name it like one, or list the fields in x-molam-filter-fields)"
                )
        return plan

    def _filters_for(self, call: Call) -> list[Filter]:
        return [
            Filter(field, operator, call.params[name])  # type: ignore[arg-type]
            for name, field, operator in self._filters.get(call.op.operation_id, ())
            if name in call.params
        ]

    def describe(self) -> str:
        """One line for the start-up log."""
        served = len(self.api.operations)
        plugged = len(self.plugins.writes) + len(self.plugins.reads)
        return f"{served} operations ({plugged} with plug-ins), {len(self.api.webhooks)} webhook event types"


def _bind(template: tuple[str, ...], segments: list[str]) -> str | bool | None:
    """Match raw `segments` to `template`: False if they differ, else the decoded ``{id}`` (None if none)."""
    found: str | None = None
    for expected, raw in zip(template, segments, strict=True):
        if expected.startswith("{"):
            if not raw:
                return False
            found = urllib.parse.unquote(raw)
        elif raw != expected and urllib.parse.unquote(raw) != expected:
            return False
    return found


def _declared(resource: Resource, params: Mapping[str, Any]) -> Doc:
    """The body fields the resource declares (an input never sets id, object, created or livemode)."""
    return {
        key: value
        for key, value in params.items()
        if key in resource.properties and key not in ("id", "object", "created", "livemode")
    }


def _link_field(child: Resource, parent_type: str) -> str:
    """The field of `child` holding its parent's id: ``<parent>_id``, ``<parent>`` or ``<last word>_id``."""
    for candidate in (f"{parent_type}_id", parent_type, parent_type.rsplit("_", 1)[-1] + "_id"):
        if candidate in child.properties:
            return candidate
    raise SandboxError(
        501,
        "api_error",
        "not_implemented",
        f"{child.schema_name} has no field linking it to a {parent_type}.",
    )


def _needs_plugin(op: Operation) -> SandboxError:
    return SandboxError(
        501,
        "api_error",
        "not_implemented",
        f"The sandbox has no behaviour for {op.operation_id} ({op.method} {op.path}) yet.",
    )
