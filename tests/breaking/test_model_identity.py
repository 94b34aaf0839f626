"""Models are identified by component name (their pointer); titles and class names are only labels.

Also checks the verification oracle itself: it must reject findings the documents contradict.
"""

from __future__ import annotations

import copy
from typing import Any

from generator.specdiff.findings import finding
from tests.breaking import oracle
from tests.breaking.builders import SCHEMAS, Spec, base_spec, diff, rules, schema

EVENTS = f"{SCHEMAS}/ServerEvent"


def _event(kind: str, title: str, extra: str) -> dict[str, Any]:
    return {
        "title": title,
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"type": "string", "enum": [kind]}, extra: {"type": "string"}},
    }


def _with_events(s: Spec, *kinds: str) -> None:
    """A discriminated union of inline variants (as openai-openapi writes its server events)."""
    s["components"]["schemas"]["ServerEvent"] = {
        "discriminator": {"propertyName": "type"},
        "anyOf": [_event(kind, f"Event{kind.title()}", f"{kind}_field") for kind in kinds],
    }


def test_inline_variant_inserted_in_the_middle_is_one_addition() -> None:
    old = base_spec()
    _with_events(old, "alpha", "beta", "gamma")
    result = diff(lambda s: _with_events(s, "alpha", "delta", "beta", "gamma"), base=old)
    assert [(item.rule, item.head_pointer) for item in result.findings] == [
        ("model-variant-added", f"{EVENTS}/anyOf/1")
    ]
    assert "EventDelta" in result.findings[0].message


def test_inline_variant_removed_from_the_middle_is_one_removal() -> None:
    old = base_spec()
    _with_events(old, "alpha", "beta", "gamma")
    result = diff(lambda s: _with_events(s, "alpha", "gamma"), base=old)
    assert [(item.rule, item.base_pointer) for item in result.findings] == [
        ("model-variant-removed", f"{EVENTS}/anyOf/1")
    ]


def test_variants_without_a_discriminator_match_by_their_single_valued_property() -> None:
    old = base_spec()
    _with_events(old, "alpha", "beta")
    del old["components"]["schemas"]["ServerEvent"]["discriminator"]

    def mutate(s: Spec) -> None:
        _with_events(s, "beta", "alpha")
        del s["components"]["schemas"]["ServerEvent"]["discriminator"]
        s["components"]["schemas"]["ServerEvent"]["anyOf"][1]["properties"]["alpha_field"]["maxLength"] = 5

    result = diff(mutate, base=old)
    assert [(item.rule, item.head_pointer) for item in result.findings] == [
        ("model-constraint-narrowed", f"{EVENTS}/anyOf/1/properties/alpha_field/maxLength")
    ]


def test_duplicate_titles_do_not_shift_model_identity() -> None:
    def twins(s: Spec, *names: str) -> None:
        for name in names:
            s["components"]["schemas"][name] = {
                "title": "Shared",
                "type": "object",
                "properties": {name.lower(): {"type": "string"}},
            }

    old = base_spec()
    twins(old, "BetaShared", "Shared")
    result = diff(lambda s: twins(s, "AlphaShared"), base=old)
    assert [(item.rule, item.head_pointer) for item in result.findings] == [
        ("model-added", f"{SCHEMAS}/AlphaShared")
    ]


def test_renamed_title_is_no_change() -> None:
    old = base_spec()
    schema(old, "Unused")["title"] = "Old"
    result = diff(lambda s: schema(s, "Unused").update({"title": "New"}), base=old)
    assert result.findings == ()


def test_schema_moved_from_a_component_inline_and_back_has_no_phantom_removal() -> None:
    def inline(s: Spec) -> None:
        error = s["components"]["schemas"].pop("LastPaymentError")
        schema(s, "PaymentIntent")["properties"]["last_payment_error"] = {"anyOf": [error, {"type": "null"}]}

    assert rules(diff(inline)) == {"model-removed"}
    moved = base_spec()
    inline(moved)
    assert rules(diff(lambda s: None, base=moved)) == set()
    back = diff(lambda s: s.update(base_spec()), base=moved)
    assert rules(back) == {"model-added"}


def test_schema_moved_between_components_reports_the_models_only() -> None:
    def rename(s: Spec) -> None:
        s["components"]["schemas"]["PaymentError"] = s["components"]["schemas"].pop("LastPaymentError")
        prop = schema(s, "PaymentIntent")["properties"]["last_payment_error"]
        prop["anyOf"][0] = {"$ref": f"#{SCHEMAS}/PaymentError"}

    # the property still holds an object of the same shape: only the class name changed
    result = diff(rename)
    assert {(item.rule, item.symbol) for item in result.findings} == {
        ("model-removed", "LastPaymentError"),
        ("model-added", "PaymentError"),
    }


def _side(spec: Spec) -> oracle.Side:
    return oracle.Side(spec)


def test_oracle_rejects_findings_the_documents_contradict() -> None:
    base = base_spec()
    head = copy.deepcopy(base)
    schema(head, "Unused")["properties"]["added"] = {"type": "string"}
    prop = f"{SCHEMAS}/Unused/properties/note"
    false_findings = [
        finding("model-property-removed", "x", prop, None, "Unused.note"),  # still there
        finding("model-property-added", "x", None, prop, "Unused.note"),  # was already there
        finding("model-type-changed", "x", prop, prop, "Unused.note"),  # identical
        finding("model-removed", "x", f"{SCHEMAS}/Nope", None, "Nope"),  # never existed
        finding(
            "model-enum-value-removed",
            "x",
            f"{SCHEMAS}/CaptureMethod/enum/1",
            f"{SCHEMAS}/CaptureMethod/enum",
            "C",
        ),
    ]
    problems = oracle.verify(false_findings, _side(base), _side(head))
    assert len(problems) == len(false_findings), problems
    true_finding = finding("model-property-added", "x", None, f"{SCHEMAS}/Unused/properties/added", "U")
    assert oracle.verify([true_finding], _side(base), _side(head)) == []


def test_oracle_ignores_annotations_but_not_properties_named_like_them() -> None:
    base = base_spec()
    head = copy.deepcopy(base)
    schema(head, "Unused")["description"] = "now documented"
    pointer = f"{SCHEMAS}/Unused"
    assert oracle.verify(
        [finding("model-type-changed", "x", pointer, pointer, "U")], _side(base), _side(head)
    )
    schema(head, "Unused")["properties"]["description"] = {"type": "string"}
    assert not oracle.verify(
        [finding("model-type-changed", "x", pointer, pointer, "U")], _side(base), _side(head)
    )
