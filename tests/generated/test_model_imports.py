"""Model imports are hoisted to module level except along an import cycle (recursive schemas)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.codegen.model_imports import _components

from .spec_cases import REPO_ROOT
from .test_determinism import run_generator

RECURSIVE_SPEC = """\
openapi: 3.1.0
info:
  title: Cycles
  version: "2030-01-01"
tags:
  - name: Trees
paths:
  /v1/trees/{id}:
    get:
      operationId: retrieve_tree
      x-molam-method: retrieve
      tags: [Trees]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: The tree.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Tree"}
components:
  schemas:
    Tree:
      type: object
      required: [root, label]
      properties:
        root: {$ref: "#/components/schemas/Node"}
        label: {$ref: "#/components/schemas/Label"}
    Node:
      type: object
      required: [name]
      properties:
        name: {type: string}
        parent: {$ref: "#/components/schemas/Parent"}
        children:
          type: array
          items: {$ref: "#/components/schemas/Node"}
    Parent:
      type: object
      required: [node]
      properties:
        node: {$ref: "#/components/schemas/Node"}
    Label:
      type: object
      required: [text]
      properties:
        text: {type: string}
"""


def test_components_of_a_graph() -> None:
    graph = {"Tree": {"Node", "Label"}, "Node": {"Parent", "Node"}, "Parent": {"Node"}, "Label": set()}
    component = _components(graph)
    assert component["Node"] == component["Parent"]
    assert len({component["Tree"], component["Node"], component["Label"]}) == 3


def test_a_long_cycle_is_one_component() -> None:
    graph = {f"M{i}": {f"M{(i + 1) % 50}"} for i in range(50)} | {"Leaf": set(), "M0": {"M1", "Leaf"}}
    component = _components(graph)
    assert len({component[f"M{i}"] for i in range(50)}) == 1
    assert component["Leaf"] != component["M0"]


@pytest.fixture(scope="module")
def recursive_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("recursive")
    spec = root / "cycles.yaml"
    spec.write_text(RECURSIVE_SPEC)
    result = run_generator("generate", "--root", str(root), "--spec", str(spec))
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.slow
def test_only_cyclic_imports_stay_lazy(recursive_root: Path) -> None:
    models = recursive_root / "molam_sdk" / "models"
    tree, node, parent = ((models / f"{name}.py").read_text() for name in ("tree", "node", "parent"))

    assert "\nfrom ..models.node import Node\n" in tree  # module level: Tree is in no cycle
    assert "\nfrom ..models.label import Label\n" in tree
    assert "\nfrom ..models.parent import Parent\n" not in node  # Node <-> Parent: imported when used
    assert "        from ..models.parent import Parent" in node
    assert "        from ..models.node import Node" in parent


@pytest.mark.slow
def test_the_generated_package_parses_recursive_data(recursive_root: Path) -> None:
    data = {
        "root": {"name": "a", "children": [{"name": "b", "parent": {"node": {"name": "a"}}}]},
        "label": {"text": "t"},
    }
    code = textwrap.dedent(
        f"""
        import json
        import molam_sdk
        from molam_sdk.models import Tree
        data = json.loads({json.dumps(json.dumps(data))})
        tree = Tree.from_dict(data)
        assert tree.root.children[0].parent.node.name == "a", tree
        assert tree.to_dict() == data
        print(molam_sdk.API_VERSION)
        """
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(recursive_root), str(REPO_ROOT)])}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=recursive_root, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2030-01-01"
