"""`$ref` resolution (refs to refs, cycles, external refs), component models, finding merging."""

from __future__ import annotations

from generator.specdiff.compare import compare
from generator.specdiff.document import Document, Located
from generator.specdiff.rules import Bump, Severity
from tests.breaking.builders import SCHEMAS, Spec, base_spec, diff, only, rules, schema


def test_refs_to_refs_are_followed_and_findings_point_at_the_definition() -> None:
    def alias(s: Spec) -> None:
        s["components"]["schemas"]["Status"] = {"$ref": "#/components/schemas/PaymentIntentStatus"}
        schema(s, "PaymentIntent")["properties"]["status"] = {"$ref": "#/components/schemas/Status"}

    old = base_spec()
    alias(old)
    item = only(
        diff(lambda s: schema(s, "PaymentIntentStatus")["enum"].pop(), base=old), "request-enum-value-removed"
    )
    assert item.base_pointer == f"{SCHEMAS}/PaymentIntentStatus/enum/3"
    assert item.symbol == "PaymentIntentStatus"


def test_ref_cycle_does_not_hang() -> None:
    doc = Document({"a": {"$ref": "#/b"}, "b": {"$ref": "#/a"}})
    assert doc.deref(Located({"$ref": "#/b"}, "/a")).pointer in {"/a", "/b"}
    spec = base_spec()
    spec["components"]["schemas"]["Loop1"] = {"$ref": "#/components/schemas/Loop2"}
    spec["components"]["schemas"]["Loop2"] = {"$ref": "#/components/schemas/Loop1"}
    schema(spec, "PaymentIntent")["properties"]["loop"] = {"$ref": "#/components/schemas/Loop1"}
    assert compare(spec, spec).findings == ()


def test_recursive_schema_is_compared_once_and_found_at_any_depth() -> None:
    def tree(s: Spec) -> None:
        s["components"]["schemas"]["Node"] = {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
            },
        }
        schema(s, "PaymentIntent")["properties"]["tree"] = {"$ref": "#/components/schemas/Node"}

    old = base_spec()
    tree(old)
    result = diff(lambda s: schema(s, "Node")["properties"].pop("name"), base=old)
    item = only(result, "response-property-removed")
    assert item.symbol == "Node.name"
    assert item.base_pointer == f"{SCHEMAS}/Node/properties/name"


def test_all_of_self_reference_does_not_hang() -> None:
    spec = base_spec()
    spec["components"]["schemas"]["Selfish"] = {"allOf": [{"$ref": "#/components/schemas/Selfish"}]}
    schema(spec, "PaymentIntent")["properties"]["me"] = {"$ref": "#/components/schemas/Selfish"}
    assert compare(spec, spec).findings == ()


def test_external_and_dangling_refs_are_opaque() -> None:
    spec = base_spec()
    schema(spec, "PaymentIntent")["properties"]["ext"] = {"$ref": "other.yaml#/Thing"}
    schema(spec, "PaymentIntent")["properties"]["dangling"] = {"$ref": "#/components/schemas/Missing"}
    assert compare(spec, spec).findings == ()


def test_json_pointer_escaping_in_refs() -> None:
    def mutate(s: Spec) -> None:
        s["components"]["schemas"]["a/b~c"] = {"type": "object", "properties": {"x": {"type": "string"}}}
        schema(s, "PaymentIntent")["properties"]["odd"] = {"$ref": "#/components/schemas/a~1b~0c"}

    old = base_spec()
    mutate(old)
    item = only(
        diff(lambda s: s["components"]["schemas"]["a/b~c"]["properties"].pop("x"), base=old),
        "response-property-removed",
    )
    assert item.base_pointer == f"{SCHEMAS}/a~1b~0c/properties/x"
    assert item.symbol == "a/b~c.x"


def test_model_removed_is_breaking_and_added_is_info() -> None:
    def inline_metadata(s: Spec) -> None:
        s["components"]["schemas"]["PaymentIntent"]["properties"]["metadata"] = s["components"][
            "schemas"
        ].pop("Metadata")

    used = only(diff(inline_metadata), "model-removed")  # PaymentIntent referred to it: its class is gone
    assert (used.severity, used.bump) == (Severity.BREAKING, Bump.MAJOR)
    removed = diff(lambda s: s["components"]["schemas"].pop("Unused"))
    item = only(removed, "model-removed")
    # Nothing referred to it: only code importing the class notices, a warning.
    assert (item.severity, item.bump) == (Severity.WARNING, Bump.MINOR)
    assert "nothing in the spec referred to it" in item.message
    assert (item.base_pointer, item.head_pointer) == (f"{SCHEMAS}/Unused", None)
    assert item.symbol == "Unused"
    assert item.operations == ()
    added = only(
        diff(lambda s: s["components"]["schemas"].update({"New": {"type": "string"}})), "model-added"
    )
    assert (added.head_pointer, added.severity) == (f"{SCHEMAS}/New", Severity.INFO)


def test_unreached_component_is_compared_as_a_model() -> None:
    result = diff(lambda s: schema(s, "Unused")["properties"].pop("note"))
    item = only(result, "model-property-removed")
    assert item.severity is Severity.BREAKING
    assert item.symbol == "Unused.note"
    assert item.operations == ()


def test_reached_components_are_not_also_reported_as_models() -> None:
    result = diff(lambda s: schema(s, "PaymentIntent")["properties"].pop("created"))
    assert not any(rule.startswith("model-") for rule in rules(result))


def test_a_finding_reached_by_many_operations_is_reported_once() -> None:
    result = diff(lambda s: schema(s, "LastPaymentError")["properties"].pop("message"))
    matching = [item for item in result.findings if item.rule == "response-property-removed"]
    assert len(matching) == 1
    assert len(matching[0].operations) == 4


def test_openapi_30_document() -> None:
    old = base_spec()
    old["openapi"] = "3.0.3"
    del old["webhooks"]
    schema(old, "PaymentIntent")["properties"]["description"] = {"type": "string", "nullable": True}
    result = diff(lambda s: schema(s, "PaymentIntent")["properties"]["description"].pop("nullable"), base=old)
    item = only(result, "response-became-non-nullable")
    assert item.symbol == "PaymentIntent.description"
