"""The generated event registry (molam_sdk/events.py) is the only list of event types.

It is rendered from the spec's `webhooks` section; `construct_event`, the CLI's choices and the sandbox read
it. The last test greps the hand-written trees for a hand copy: any collection literal holding two or more
known event type strings fails (name the types through the registry or the generated `EventType` members).
"""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import pytest
import yaml

from generator.codegen.errors import GenerationError
from generator.codegen.event_registry import EventModel, group_events
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


@pytest.mark.slow
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


@pytest.mark.slow
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


def _object_of(model: type) -> object:
    """The class of an event model's `data.object`, read from the generated annotations."""
    return typing.get_type_hints(typing.get_type_hints(model)["data"])["object"]


def test_each_object_with_several_events_has_their_union() -> None:
    """`on` given several types about one object hands the handler `<Object>Event`: exactly the events whose
    `data.object` is that model, read here from the models themselves (not from the generator's own grouping)."""
    by_object: dict[object, list[type]] = {}
    for model in registry.EVENT_MODELS.values():
        by_object.setdefault(_object_of(model), []).append(model)
    unions = {
        name: getattr(registry, f"{name}Event")
        for name in (getattr(obj, "__name__", "") for obj, members in by_object.items() if len(members) > 1)
    }
    assert {"PaymentIntent", "Payout", "Refund"} <= set(unions)
    for obj, members in by_object.items():
        name = getattr(obj, "__name__", "")
        if len(members) > 1:
            assert list(typing.get_args(unions[name])) == members
            assert f"{name}Event" in registry.__all__
        else:
            assert not hasattr(registry, f"{name}Event")  # one event: its own model is the handler's type


def test_a_union_named_like_an_event_model_is_refused() -> None:
    events = [
        EventModel("payment_intent.one", "PaymentIntentEvent", "payment_intent_event", "PaymentIntent"),
        EventModel(
            "payment_intent.two", "PaymentIntentTwoEvent", "payment_intent_two_event", "PaymentIntent"
        ),
    ]
    with pytest.raises(GenerationError, match="would be named PaymentIntentEvent, which is an event model's"):
        group_events(events)


def test_check_event_type_names_the_closest_or_every_type() -> None:
    assert registry.check_event_type("payout.paid") == "payout.paid"
    with pytest.raises(
        ValueError, match=r"^unknown webhook event type 'payout\.piad': did you mean 'payout\.paid'\?$"
    ):
        registry.check_event_type("payout.piad")
    with pytest.raises(ValueError) as far:
        registry.check_event_type("zzz")
    assert str(far.value).endswith(f"the known types are: {', '.join(registry.EVENT_TYPES)}")
    for bad in ("", None, b"payout.paid"):
        with pytest.raises(ValueError, match="non-empty str"):
            registry.check_event_type(bad)
