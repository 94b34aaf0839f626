"""The generated event registry (molam_sdk/events.py) is the only list of event types.

It is rendered from the spec's `webhooks` section; `construct_event`, the CLI's choices and the sandbox read
it. The last test greps the hand-written trees for a hand copy: any collection literal holding two or more
known event type strings fails (name the types through the registry or the generated `EventType` members).
"""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

from molam_sdk import events as registry
from molam_sdk_ext.webhooks import EVENT_TYPES as EXT_EVENT_TYPES

ROOT = Path(__file__).resolve().parents[2]
HAND_WRITTEN = ("molam_sdk_ext", "molam_sandbox", "tests", "examples")
GENERATED = {Path("molam_sandbox/models.py")}


def _spec_webhooks() -> dict[str, str]:
    spec = yaml.safe_load((ROOT / "spec" / "molam.yaml").read_text(encoding="utf-8"))
    out = {}
    for event_type, item in spec["webhooks"].items():
        ref = item["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        out[event_type] = ref.rsplit("/", 1)[-1]
    return out


def test_registry_is_the_specs_webhooks_in_order() -> None:
    webhooks = _spec_webhooks()
    assert tuple(webhooks) == registry.EVENT_TYPES
    assert {t: m.__name__ for t, m in registry.EVENT_MODELS.items()} == webhooks
    assert EXT_EVENT_TYPES is registry.EVENT_MODELS  # construct_event's table is the registry itself
    # (tests/webhooks/test_events.py parses every registered type's spec example through construct_event)


def _event_literal_collections(path: Path, known: frozenset[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            elements: list[ast.expr | None] = list(node.elts)
        elif isinstance(node, ast.Dict):
            elements = list(node.keys)
        else:
            continue
        literals = [e.value for e in elements if isinstance(e, ast.Constant) and e.value in known]
        if len(literals) >= 2:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {literals}")
    return found


def test_no_hand_written_list_of_event_types() -> None:
    known = frozenset(registry.EVENT_TYPES)
    offenders = []
    for tree in HAND_WRITTEN:
        for path in sorted((ROOT / tree).rglob("*.py")):
            if path.relative_to(ROOT) not in GENERATED:
                offenders += _event_literal_collections(path, known)
    assert not offenders, "hand-written lists of event types (read molam_sdk.events instead):\n" + "\n".join(
        offenders
    )


def test_the_grep_finds_a_hand_list(tmp_path: Path) -> None:
    sample = ROOT / "tests" / f"_sample_{tmp_path.name}.py"
    sample.write_text('TYPES = {"payout.paid": 1, "refund.failed": 2}\nONE = ["payout.paid"]\n')
    try:
        found = _event_literal_collections(sample, frozenset(registry.EVENT_TYPES))
    finally:
        sample.unlink()
    assert len(found) == 1 and "['payout.paid', 'refund.failed']" in found[0]
