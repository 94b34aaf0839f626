"""Specs split over several files are compared whole: external `$ref`s are followed, findings name files.

The same changes are also bundled into one file by Redocly CLI (an independent `$ref` implementation) and
compared again: the findings must agree, apart from pointers and symbols and the rules about where a
schema lives.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import cli
from tests.breaking.multifile import bundle, compare_files, layout_free

Files = dict[str, Any]


def _spec() -> Files:
    json_body = "application/json"
    return {
        "openapi.yaml": {
            "openapi": "3.0.3",
            "info": {"title": "Pets", "version": "1"},
            "paths": {"/v1/pets": {"$ref": "paths/pets.yaml"}},
            "components": {
                "schemas": {
                    "Pet": {"$ref": "schemas/pet.yaml"},
                    "Money": {"$ref": "common.yaml#/Money"},
                }
            },
        },
        "paths/pets.yaml": {
            "get": {
                "operationId": "list_pets",
                "tags": ["Pets"],
                "parameters": [{"$ref": "../common.yaml#/Limit"}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            json_body: {
                                "schema": {
                                    "type": "array",
                                    "items": {"$ref": "../openapi.yaml#/components/schemas/Pet"},
                                }
                            }
                        },
                    }
                },
            },
            "post": {
                "operationId": "create_pet",
                "tags": ["Pets"],
                "requestBody": {
                    "required": True,
                    "content": {json_body: {"schema": {"$ref": "../schemas/pet.yaml"}}},
                },
                "responses": {"201": {"description": "created"}},
            },
        },
        "schemas/pet.yaml": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string", "maxLength": 64},
                "nickname": {"type": "string", "nullable": True},
                "price": {"$ref": "../common.yaml#/Money"},
                "kind": {"$ref": "kind.yaml"},
            },
        },
        "schemas/kind.yaml": {"type": "string", "enum": ["dog", "cat", "bird"]},
        "common.yaml": {
            "Money": {
                "type": "object",
                "properties": {"amount": {"type": "integer"}, "currency": {"type": "string"}},
            },
            "Limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}},
        },
    }


def _write(root: Path, files: Files) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    return root / "openapi.yaml"


def _pair(tmp_path: Path, mutate: Callable[[Files], object]) -> tuple[Path, Path]:
    base = _spec()
    head = _spec()
    mutate(head)
    return _write(tmp_path / "base", base), _write(tmp_path / "head", head)


def _drop_enum_value(files: Files) -> None:
    files["schemas/kind.yaml"]["enum"].remove("bird")


def _add_money_field(files: Files) -> None:
    files["common.yaml"]["Money"]["properties"]["precision"] = {"type": "integer"}


def _narrow_name(files: Files) -> None:
    files["schemas/pet.yaml"]["properties"]["name"]["maxLength"] = 32


def _lower_limit(files: Files) -> None:
    files["common.yaml"]["Limit"]["schema"]["maximum"] = 50


def _not_nullable(files: Files) -> None:
    del files["schemas/pet.yaml"]["properties"]["nickname"]["nullable"]


def _remove_post(files: Files) -> None:
    del files["paths/pets.yaml"]["post"]


MUTATIONS = [_drop_enum_value, _add_money_field, _narrow_name, _lower_limit, _not_nullable, _remove_post]


def test_a_change_in_a_referenced_file_is_found_and_points_into_that_file(tmp_path: Path) -> None:
    base, head = _pair(tmp_path, _drop_enum_value)
    found = {(item.rule, item.base_pointer, item.head_pointer) for item in compare_files(base, head).findings}
    assert found == {
        ("response-enum-value-removed", "schemas/kind.yaml#/enum/2", "schemas/kind.yaml#/enum"),
        ("request-enum-value-removed", "schemas/kind.yaml#/enum/2", "schemas/kind.yaml#/enum"),
    }


def test_a_component_defined_in_another_file_keeps_its_component_name(tmp_path: Path) -> None:
    base, head = _pair(tmp_path, _add_money_field)
    result = compare_files(base, head)
    added = {(item.rule, item.symbol, item.head_pointer) for item in result.findings}
    assert ("response-property-added", "Money.precision", "common.yaml#/Money/properties/precision") in added
    assert not any(item.rule.startswith("model-") for item in result.findings)


def test_unchanged_split_spec_has_no_findings(tmp_path: Path) -> None:
    base, head = _pair(tmp_path, lambda files: None)
    assert compare_files(base, head).findings == ()


@pytest.mark.slow
@pytest.mark.parametrize("mutate", MUTATIONS, ids=[m.__name__.strip("_") for m in MUTATIONS])
def test_split_and_bundled_give_the_same_findings(tmp_path: Path, mutate: Callable[[Files], None]) -> None:
    base, head = _pair(tmp_path, mutate)
    split = compare_files(base, head)
    assert split.findings, "each mutation is a real change"
    bundled = compare_files(
        bundle(base, tmp_path / "base-bundled.yaml"), bundle(head, tmp_path / "head-bundled.yaml")
    )
    assert layout_free(split) == layout_free(bundled)


def test_cli_reads_the_files_of_a_git_base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    _write(repo / "spec", _spec())
    git = shutil.which("git")
    assert git is not None

    def run(*args: str) -> None:
        subprocess.run([git, "-C", str(repo), *args], check=True, capture_output=True)

    run("init", "-q")
    run("add", "-A")
    run("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "spec")
    files = _spec()
    _narrow_name(files)
    head = _write(repo / "spec", files)
    (tmp_path / "none.yaml").write_text("[]\n", encoding="utf-8")
    where = ["--repo", str(repo), "--spec-path", "spec/openapi.yaml"]
    status = cli.breaking(
        [
            "--base",
            "HEAD",
            "--head",
            str(head),
            *where,
            "--format",
            "json",
            "--ack",
            str(tmp_path / "none.yaml"),
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    assert {item["base_pointer"] for item in report["findings"]} == {
        "schemas/pet.yaml#/properties/name/maxLength"
    }


def test_an_edit_only_in_a_referenced_file_is_not_reported_as_identical(tmp_path: Path) -> None:
    def describe(files: Files) -> None:
        files["schemas/kind.yaml"]["description"] = "what the pet is"

    base, head = _pair(tmp_path, describe)
    result = compare_files(base, head)
    assert (result.findings, result.identical, str(result.verdict)) == ((), False, "patch")
    same = compare_files(*_pair(tmp_path / "same", lambda files: None))
    assert (same.identical, str(same.verdict)) == (True, "none")
