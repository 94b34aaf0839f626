"""Every resource, through Molam and AsyncMolam, against the sandbox (no faults)."""

from __future__ import annotations

from typing import Any

import pytest

from molam_sdk_ext import AsyncMolam, Molam, RawResponse
from molam_sdk_ext.errors import BadRequestError, NotFoundError
from tests.fixtures.sandbox import SandboxHandle

pytestmark = pytest.mark.integration

ORANGE = {
    "type": "mobile_money",
    "provider": "orange_money",
    "msisdn": "+221771234567",
    "account_holder": "Awa Diop",
}


def test_every_resource_sync(sandbox: SandboxHandle) -> None:
    with Molam(sandbox.new_api_key(), base_url=sandbox.url) as molam:
        # Connect: payment intents, charges, refunds
        pi = molam.payment_intents.create(
            amount=15000, currency="XOF", capture_method="manual", metadata={"order_id": "1042"}
        )
        assert pi.id.startswith("pi_") and pi.status == "requires_payment_method"
        assert pi.metadata["order_id"] == "1042"
        assert molam.payment_intents.retrieve(pi.id).id == pi.id
        assert molam.payment_intents.update(pi.id, description="Commande 1042").description == "Commande 1042"
        assert (
            molam.payment_intents.confirm(pi.id, payment_method="pm_card_visa").status == "requires_capture"
        )
        pi = molam.payment_intents.capture(pi.id, amount_to_capture=12000)
        assert pi.status == "succeeded" and pi.amount_received == 12000
        charge = molam.charges.retrieve(str(pi.latest_charge))
        assert charge.id.startswith("ch_")
        assert [c.id for c in molam.charges.list(payment_intent=pi.id)] == [charge.id]
        first = molam.charges.refund(charge.id, amount=1000)
        second = molam.refunds.create(payment_intent=pi.id, amount=500, reason="requested_by_customer")
        assert molam.refunds.retrieve(second.id).id == second.id
        assert {r.id for r in molam.refunds.list(payment_intent=pi.id)} == {first.id, second.id}
        canceled = molam.payment_intents.cancel(molam.payment_intents.create(amount=1, currency="XOF").id)
        assert canceled.status == "canceled"
        assert len(list(molam.payment_intents.list(limit=1))) == 2  # two pages of one

        # Ma: wallets and transfers
        wallets = list(molam.wallets.list())
        main = next(w for w in wallets if w.name == "Compte principal")
        other = next(w for w in wallets if w.name == "Epargne")
        assert molam.wallets.retrieve(main.id).id == main.id
        assert molam.wallets.balance(main.id)
        transfer = molam.transfers.create(
            from_wallet=main.id, to_wallet=other.id, amount=1000, currency="XOF"
        )
        assert molam.transfers.retrieve(transfer.id).id == transfer.id
        assert transfer.id in {t.id for t in molam.transfers.list(wallet=main.id)}

        # Treasury: payouts and balances
        payout = molam.payouts.create(
            origin_module="connect",
            origin_entity_id="mer_7Hc2Wd9Lq4Zp",
            amount=250_000,
            currency="XOF",
            beneficiary=ORANGE,
        )
        assert molam.payouts.retrieve(payout.id).id == payout.id
        assert payout.id in {p.id for p in molam.payouts.list()}
        assert molam.payouts.cancel(payout.id).status == "canceled"
        assert molam.balances.retrieve().object == "balance"

        # Merchants, events, webhook endpoints
        onboarding = molam.merchant_onboarding.create(
            business_name="Boutique Teranga", country="SN", email="awa@teranga.sn", business_type="company"
        )
        assert molam.merchant_onboarding.retrieve(onboarding.id).id == onboarding.id
        events = list(molam.events.list(limit=5))
        assert events and molam.events.retrieve(events[0].id).id == events[0].id
        endpoint = molam.webhook_endpoints.create(
            url="http://127.0.0.1:9/hooks", enabled_events=["payout.paid"]
        )
        assert endpoint.secret.startswith("whsec_")
        assert molam.webhook_endpoints.retrieve(endpoint.id).id == endpoint.id
        assert endpoint.id in {e.id for e in molam.webhook_endpoints.list()}
        assert molam.webhook_endpoints.update(endpoint.id, description="ops").description == "ops"
        rotated = molam.webhook_endpoints.rotate_secret(endpoint.id)
        assert rotated.secret.startswith("whsec_") and rotated.secret != endpoint.secret
        assert all(d.id.startswith("whd_") for d in molam.webhook_endpoints.list_deliveries(endpoint.id))
        assert molam.webhook_endpoints.delete(endpoint.id).deleted is True

        # Raw responses and typed errors
        raw = molam.with_raw_response.payment_intents.create(
            amount=5, currency="XOF", idempotency_key="raw-1"
        )
        again = molam.with_raw_response.payment_intents.create(
            amount=5, currency="XOF", idempotency_key="raw-1"
        )
        assert isinstance(raw, RawResponse) and raw.request_id and not raw.idempotent_replayed
        assert again.idempotent_replayed and again.parsed.id == raw.parsed.id
        with pytest.raises(NotFoundError) as missing:
            molam.payment_intents.retrieve("pi_doesnotexist")
        assert missing.value.request_id
        with pytest.raises(BadRequestError):
            molam.payment_intents.create(amount=0, currency="XOF")


async def test_every_resource_async(sandbox: SandboxHandle) -> None:
    async with AsyncMolam(sandbox.new_api_key(), base_url=sandbox.url) as molam:
        pi = await molam.payment_intents.create(amount=15000, currency="XOF", capture_method="manual")
        pi = await molam.payment_intents.update(pi.id, metadata={"order_id": "7"})
        pi = await molam.payment_intents.confirm(pi.id, payment_method="pm_card_visa")
        pi = await molam.payment_intents.capture(pi.id)
        assert (await molam.payment_intents.retrieve(pi.id)).status == "succeeded"
        charge = await molam.charges.retrieve(str(pi.latest_charge))
        assert [c.id async for c in await molam.charges.list(payment_intent=pi.id)] == [charge.id]
        refund = await molam.charges.refund(charge.id, amount=100)
        more = await molam.refunds.create(payment_intent=pi.id, amount=100)
        assert (await molam.refunds.retrieve(more.id)).id == more.id
        assert {r.id async for r in await molam.refunds.list(payment_intent=pi.id)} == {refund.id, more.id}
        spare = await molam.payment_intents.create(amount=1, currency="XOF")
        assert (await molam.payment_intents.cancel(spare.id)).status == "canceled"
        assert len([p async for p in await molam.payment_intents.list(limit=1)]) == 2

        wallets = [w async for w in await molam.wallets.list()]
        main = next(w for w in wallets if w.name == "Compte principal")
        other = next(w for w in wallets if w.name == "Epargne")
        assert (await molam.wallets.retrieve(main.id)).id == main.id
        assert await molam.wallets.balance(main.id)
        transfer = await molam.transfers.create(
            from_wallet=main.id, to_wallet=other.id, amount=1000, currency="XOF"
        )
        assert (await molam.transfers.retrieve(transfer.id)).id == transfer.id
        assert transfer.id in {t.id async for t in await molam.transfers.list()}

        payout = await molam.payouts.create(
            origin_module="connect",
            origin_entity_id="mer_x",
            amount=100_000,
            currency="XOF",
            beneficiary=ORANGE,
        )
        assert (await molam.payouts.retrieve(payout.id)).id == payout.id
        assert payout.id in {p.id async for p in await molam.payouts.list()}
        assert (await molam.payouts.cancel(payout.id)).status == "canceled"
        assert (await molam.balances.retrieve()).object == "balance"

        onboarding = await molam.merchant_onboarding.create(
            business_name="Kora Foods", country="NG", email="ops@kora.ng", business_type="company"
        )
        assert (await molam.merchant_onboarding.retrieve(onboarding.id)).id == onboarding.id
        events = [e async for e in await molam.events.list(limit=3)]
        assert events and (await molam.events.retrieve(events[0].id)).id == events[0].id
        endpoint = await molam.webhook_endpoints.create(
            url="http://127.0.0.1:9/hooks", enabled_events=["payment_intent.succeeded"]
        )
        assert (await molam.webhook_endpoints.retrieve(endpoint.id)).id == endpoint.id
        assert endpoint.id in {e.id async for e in await molam.webhook_endpoints.list()}
        assert (await molam.webhook_endpoints.update(endpoint.id, description="d")).description == "d"
        assert (await molam.webhook_endpoints.rotate_secret(endpoint.id)).secret != endpoint.secret
        assert all(
            [
                d.id.startswith("whd_")
                async for d in await molam.webhook_endpoints.list_deliveries(endpoint.id)
            ]
        )
        assert (await molam.webhook_endpoints.delete(endpoint.id)).deleted is True

        raw: Any = await molam.with_raw_response.balances.retrieve()
        assert raw.status_code == 200 and raw.request_id
        with pytest.raises(NotFoundError):
            await molam.wallets.retrieve("wal_nope")
