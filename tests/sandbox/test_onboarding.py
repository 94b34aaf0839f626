"""Merchant onboarding over real HTTP through the SDK client: pending -> in_review -> approved | rejected."""

from __future__ import annotations

import httpx
import pytest

from molam_sdk_ext.client import Molam
from molam_sdk_ext.errors import BadRequestError

pytestmark = pytest.mark.integration


def _create(molam: Molam, name: str = "Boutique Teranga SARL") -> str:
    mo = molam.merchant_onboarding.create(
        business_name=name,
        country="SN",
        email="finance@boutique-teranga.sn",
        business_type="company",
        phone="+221338201234",
        website="https://boutique-teranga.sn",
    )
    assert mo.status == "pending" and mo.requirements and mo.onboarding_url
    return mo.id


def test_approved(molam: Molam, api: httpx.Client) -> None:
    mo_id = _create(molam)
    review = api.post(f"/_sandbox/merchants/onboarding/{mo_id}/advance").json()
    assert review["status"] == "in_review" and review["requirements"] == []
    assert api.post(f"/_sandbox/merchants/onboarding/{mo_id}/advance").json()["status"] == "approved"
    mo = molam.merchant_onboarding.retrieve(mo_id)
    assert mo.status == "approved" and str(mo.merchant_id).startswith("mer_") and mo.onboarding_url is None
    updates = [e.data.object["status"] for e in molam.events.list(type="merchant.onboarding.updated")]
    assert updates == ["approved", "in_review"]
    assert api.post(f"/_sandbox/merchants/onboarding/{mo_id}/advance").status_code == 400


def test_rejected_by_name(molam: Molam, api: httpx.Client) -> None:
    mo_id = _create(molam, "Please Reject Me SARL")
    api.post(f"/_sandbox/merchants/onboarding/{mo_id}/advance")
    api.post(f"/_sandbox/merchants/onboarding/{mo_id}/advance")
    mo = molam.merchant_onboarding.retrieve(mo_id)
    assert mo.status == "rejected" and mo.rejection_reason and mo.merchant_id is None


def test_explicit_decision(molam: Molam, api: httpx.Client) -> None:
    mo_id = _create(molam)
    assert (
        api.post(f"/_sandbox/merchants/onboarding/{mo_id}/advance", json={"status": "approved"}).status_code
        == 400
    )
    api.post(f"/_sandbox/merchants/onboarding/{mo_id}/advance", json={"status": "in_review"})
    assert (
        api.post(f"/_sandbox/merchants/onboarding/{mo_id}/advance", json={"status": "rejected"}).json()[
            "status"
        ]
        == "rejected"
    )


def test_validation(molam: Molam) -> None:
    with pytest.raises(BadRequestError) as exc:
        molam.merchant_onboarding.create(
            business_name="X", country="sn", email="a@b.sn", business_type="company"
        )
    assert exc.value.param == "country"
