"""Checks against the project's own spec/molam.yaml (skipped, visibly, until it exists)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from generator.specdiff.compare import compare
from generator.specdiff.document import Document, Located
from generator.specdiff.load import load_file
from generator.specdiff.rules import Bump, Severity
from generator.specdiff.symbols import python_identifier

SPEC = Path(__file__).resolve().parents[2] / "spec" / "molam.yaml"
pytestmark = pytest.mark.skipif(not SPEC.is_file(), reason="spec/molam.yaml does not exist yet")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """The parsed project spec."""
    return load_file(SPEC).data


def _response_component(spec: dict[str, Any]) -> str:
    """The component schema (with properties) of the first 2xx JSON response, found generically."""
    doc = Document(spec)
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for status, response in operation["responses"].items():
                if not str(status).startswith("2"):
                    continue
                resolved = doc.deref(Located(response, "/x")).node
                schema = resolved.get("content", {}).get("application/json", {}).get("schema", {})
                ref = schema.get("$ref", "")
                if ref.startswith("#/components/schemas/"):
                    name = ref.rsplit("/", 1)[-1]
                    if spec["components"]["schemas"][name].get("properties"):
                        return str(name)
    raise AssertionError("no 2xx response returns a component schema with properties")


def test_spec_compared_with_itself_reports_nothing(spec: dict[str, Any]) -> None:
    result = compare(spec, copy.deepcopy(spec))
    assert result.findings == ()
    assert result.verdict is Bump.NONE


def test_adding_an_optional_response_property_is_info_and_minor(spec: dict[str, Any]) -> None:
    name = _response_component(spec)
    head = copy.deepcopy(spec)
    head["components"]["schemas"][name]["properties"]["zz_added_field"] = {"type": "string"}
    result = compare(spec, head)
    assert result.verdict is Bump.MINOR
    assert {item.severity for item in result.findings} == {Severity.INFO}
    added = [item for item in result.findings if item.rule == "response-property-added"]
    assert len(added) == 1
    assert added[0].head_pointer == f"/components/schemas/{name}/properties/zz_added_field"
    assert added[0].symbol == f"{name}.zz_added_field"


def test_removing_a_response_property_is_breaking_and_major(spec: dict[str, Any]) -> None:
    name = _response_component(spec)
    head = copy.deepcopy(spec)
    model = head["components"]["schemas"][name]
    prop = sorted(model["properties"])[0]
    del model["properties"][prop]
    if prop in model.get("required", []):
        model["required"].remove(prop)
    result = compare(spec, head)
    assert result.verdict is Bump.MAJOR
    removed = [item for item in result.findings if item.rule == "response-property-removed"]
    assert len(removed) == 1
    assert removed[0].severity is Severity.BREAKING
    assert removed[0].base_pointer == f"/components/schemas/{name}/properties/{prop}"
    assert removed[0].symbol == f"{name}.{python_identifier(prop)}"
    assert removed[0].operations
