"""Shared helpers of the webhook tests: the spec's example events, and signed deliveries of them."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import yaml

from molam_sdk_ext.webhooks import sign

SECRET = "whsec_test_receiver_secret_1"
LEAKED_SECRET = "sk_live_inboxtestleak0123456789"
"""A key a failing test handler quotes in its exception: it must be redacted wherever the error is kept."""
KID = "we_test_1"
SPEC = Path(__file__).resolve().parents[2] / "spec" / "molam.yaml"


@functools.cache
def _examples() -> dict[str, dict[str, Any]]:
    # libyaml's loader (same data): the pure-Python one took 2 s, paid by every pytest process at collection
    spec = yaml.load(SPEC.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    found: dict[str, dict[str, Any]] = {}
    for name, example in spec["components"]["examples"].items():
        value = example.get("value")
        if name.endswith("EventExample") and isinstance(value, dict) and value.get("object") == "event":
            found[value["type"]] = value
    return found


def example_event(event_type: str, **changes: Any) -> dict[str, Any]:
    """A deep copy of the spec's example event of `event_type`, with top-level `changes` applied."""
    event = copy.deepcopy(_examples()[event_type])
    event.update(changes)
    return event


def example_types() -> list[str]:
    """Every event type the spec has an example for."""
    return sorted(_examples())


def delivery(event: dict[str, Any], *, secret: str = SECRET, kid: str = KID) -> tuple[bytes, dict[str, str]]:
    """A signed delivery of `event`: (raw body, headers), as the sender would POST it."""
    body = json.dumps(event, separators=(",", ":")).encode()
    return body, {"Content-Type": "application/json", "Molam-Signature": sign(body, secret, kid)}
