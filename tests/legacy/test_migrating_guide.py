"""docs/MIGRATING.md is true: its modern code blocks run against the sandbox, its tables name every legacy
entry point, and every modern call they name exists."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from molam_sdk_ext import Molam
from molam_sdk_ext.legacy.calls import ENTRY_POINTS
from tests.fixtures.sandbox import SandboxHandle
from tests.support.receivers import DeliveryReceiver

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "MIGRATING.md"
TEXT = GUIDE.read_text(encoding="utf-8")
BLOCKS = dict(re.findall(r"<!-- tested: (\w+) -->\n```python\n(.*?)```", TEXT, flags=re.DOTALL))


def run(name: str, namespace: dict[str, Any] | None = None) -> dict[str, Any]:
    """Execute the guide's block `name` in a fresh namespace (plus `namespace`); return the namespace."""
    scope: dict[str, Any] = {"__name__": f"migrating_{name}", **(namespace or {})}
    exec(compile(BLOCKS[name], f"{GUIDE}:{name}", "exec"), scope)
    return scope


def test_the_guide_has_its_tested_blocks() -> None:
    assert set(BLOCKS) == {"sync", "async", "webhooks"}


def test_every_legacy_entry_point_has_a_row() -> None:
    for method in ENTRY_POINTS:
        assert f"client.{method}(" in TEXT, method
    for entry in (
        "Config(",
        "ClientConfig(",
        "MolamClient(config)",
        "MolamAsyncClient(config)",
        "verify_signature(",
        "verify_molam_signature(",
        "construct_event(",
        "verify_webhook_signature(",
        "PaymentIntentCreate(",
        "RefundCreate(",
        "PayoutCreate(",
        "MerchantOnboardingCreate(",
    ):
        assert entry in TEXT, entry
    assert "-W error::DeprecationWarning" in TEXT


def test_every_modern_call_named_exists() -> None:
    calls = set(re.findall(r"molam\.(\w+)\.(\w+)\(", TEXT))
    assert len(calls) >= 12
    with Molam("sk_test_guide_only", base_url="http://127.0.0.1:9") as molam:
        for resource, method in calls:
            assert callable(getattr(getattr(molam, resource), method)), (resource, method)


@pytest.mark.integration
def test_sync_block(legacy_env: str) -> None:
    scope = run("sync")
    assert scope["paid"].status == "succeeded" and scope["payment"]["metadata"]["order_id"] == "12345"
    assert scope["manual"].capture_method == "manual"
    assert [p.id for p in scope["page"].data] == [scope["manual"].id]
    assert scope["second"].data and scope["second"].data[0].id not in scope["everything"][:2]
    assert scope["partial"].amount == 250 and scope["intent"].amount == 10050
    assert scope["onboarding"].status == "pending" and scope["refund"].amount == 1000


@pytest.mark.integration
def test_async_block(legacy_env: str) -> None:
    assert run("async")["status"] == "succeeded"


@pytest.mark.integration
def test_webhooks_block(legacy_env: str, sandbox: SandboxHandle, receiver: DeliveryReceiver) -> None:
    with Molam() as molam:
        endpoint = molam.webhook_endpoints.create(
            url=receiver.url, enabled_events=["payment_intent.succeeded"]
        )
        intent = molam.payment_intents.create(
            amount=2500, currency="USD", payment_method="pm_card_visa", confirm=True
        )
    (delivery,) = receiver.wait_for(1)
    kid = re.search(r"kid=([^,]+)", delivery.signature)
    assert kid is not None
    scope = run(
        "webhooks",
        {
            "raw_body": delivery.body,
            "signature_header": delivery.signature,
            "secret": endpoint.secret,
            "secrets_by_kid": {kid.group(1): endpoint.secret},
        },
    )
    assert scope["event"].data.object.id == intent.id and scope["reason"] == "signature_mismatch"
