# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The API's resources as namespaces, one attribute per spec tag.

The `Molam` client subclasses `SyncResources` and passes itself as the requester; `molam.with_raw_response`
is a `SyncRawResources`, whose namespaces wrap the same resource methods. Each namespace is built, and its module imported, on first use: importing the client
does not pay for every model of the API.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..requester import AsyncRequester, SyncRequester

if TYPE_CHECKING:
    from .balances import (
        AsyncBalances,
        AsyncBalancesWithRawResponse,
        Balances,
        BalancesWithRawResponse,
    )
    from .charges import (
        AsyncCharges,
        AsyncChargesWithRawResponse,
        Charges,
        ChargesWithRawResponse,
    )
    from .events import (
        AsyncEvents,
        AsyncEventsWithRawResponse,
        Events,
        EventsWithRawResponse,
    )
    from .merchant_onboarding import (
        AsyncMerchantOnboarding,
        AsyncMerchantOnboardingWithRawResponse,
        MerchantOnboarding,
        MerchantOnboardingWithRawResponse,
    )
    from .payment_intents import (
        AsyncPaymentIntents,
        AsyncPaymentIntentsWithRawResponse,
        PaymentIntents,
        PaymentIntentsWithRawResponse,
    )
    from .payouts import (
        AsyncPayouts,
        AsyncPayoutsWithRawResponse,
        Payouts,
        PayoutsWithRawResponse,
    )
    from .refunds import (
        AsyncRefunds,
        AsyncRefundsWithRawResponse,
        Refunds,
        RefundsWithRawResponse,
    )
    from .transfers import (
        AsyncTransfers,
        AsyncTransfersWithRawResponse,
        Transfers,
        TransfersWithRawResponse,
    )
    from .wallets import (
        AsyncWallets,
        AsyncWalletsWithRawResponse,
        Wallets,
        WalletsWithRawResponse,
    )
    from .webhook_endpoints import (
        AsyncWebhookEndpoints,
        AsyncWebhookEndpointsWithRawResponse,
        WebhookEndpoints,
        WebhookEndpointsWithRawResponse,
    )

__all__ = ["AsyncRawResources", "AsyncResources", "SyncRawResources", "SyncResources"]

_NAMESPACES = (
    "balances",
    "charges",
    "events",
    "merchant_onboarding",
    "payment_intents",
    "payouts",
    "refunds",
    "transfers",
    "wallets",
    "webhook_endpoints",
)


class SyncResources:
    """One attribute per resource (returning parsed models), each sending through the requester given here."""

    def __init__(self, requester: SyncRequester) -> None:
        self._resources_requester = requester
        # Re-initialising (a client copy) must not keep namespaces bound to the previous requester.
        for name in _NAMESPACES:
            self.__dict__.pop(name, None)

    @cached_property
    def balances(self) -> Balances:
        """Balances: Molam Treasury balances per currency (available, pending, reserved)."""
        from .balances import Balances

        return Balances(self._resources_requester)

    @cached_property
    def charges(self) -> Charges:
        """Charges: Molam Connect charges (`ch_`) record each attempt to move funds for a payment intent."""
        from .charges import Charges

        return Charges(self._resources_requester)

    @cached_property
    def events(self) -> Events:
        """Events: Events (`evt_`) record changes to your objects; they are what webhooks deliver."""
        from .events import Events

        return Events(self._resources_requester)

    @cached_property
    def merchant_onboarding(self) -> MerchantOnboarding:
        """MerchantOnboarding: Merchant onboarding applications (`mo_`) for Molam Connect."""
        from .merchant_onboarding import MerchantOnboarding

        return MerchantOnboarding(self._resources_requester)

    @cached_property
    def payment_intents(self) -> PaymentIntents:
        """PaymentIntents: Molam Connect payment intents (`pi_`) track one payment from creation to success or failure."""
        from .payment_intents import PaymentIntents

        return PaymentIntents(self._resources_requester)

    @cached_property
    def payouts(self) -> Payouts:
        """Payouts: Molam Treasury payouts (`po_`) send funds to a bank account or a mobile money wallet."""
        from .payouts import Payouts

        return Payouts(self._resources_requester)

    @cached_property
    def refunds(self) -> Refunds:
        """Refunds: Molam Connect refunds (`re_`) return captured funds to the customer."""
        from .refunds import Refunds

        return Refunds(self._resources_requester)

    @cached_property
    def transfers(self) -> Transfers:
        """Transfers: Molam Ma transfers (`tr_`) move funds between two wallets."""
        from .transfers import Transfers

        return Transfers(self._resources_requester)

    @cached_property
    def wallets(self) -> Wallets:
        """Wallets: Molam Ma wallets (`wal_`) hold stored value in one or more currencies."""
        from .wallets import Wallets

        return Wallets(self._resources_requester)

    @cached_property
    def webhook_endpoints(self) -> WebhookEndpoints:
        """WebhookEndpoints: Webhook endpoints (`we_`) receive signed events over HTTPS."""
        from .webhook_endpoints import WebhookEndpoints

        return WebhookEndpoints(self._resources_requester)


class SyncRawResources:
    """One attribute per resource (returning `RawResponse` objects), each sending through the requester given here."""

    def __init__(self, requester: SyncRequester) -> None:
        self._resources_requester = requester
        # Re-initialising (a client copy) must not keep namespaces bound to the previous requester.
        for name in _NAMESPACES:
            self.__dict__.pop(name, None)

    @cached_property
    def balances(self) -> BalancesWithRawResponse:
        """Balances: Molam Treasury balances per currency (available, pending, reserved)."""
        from .balances import Balances, BalancesWithRawResponse

        return BalancesWithRawResponse(Balances(self._resources_requester))

    @cached_property
    def charges(self) -> ChargesWithRawResponse:
        """Charges: Molam Connect charges (`ch_`) record each attempt to move funds for a payment intent."""
        from .charges import Charges, ChargesWithRawResponse

        return ChargesWithRawResponse(Charges(self._resources_requester))

    @cached_property
    def events(self) -> EventsWithRawResponse:
        """Events: Events (`evt_`) record changes to your objects; they are what webhooks deliver."""
        from .events import Events, EventsWithRawResponse

        return EventsWithRawResponse(Events(self._resources_requester))

    @cached_property
    def merchant_onboarding(self) -> MerchantOnboardingWithRawResponse:
        """MerchantOnboarding: Merchant onboarding applications (`mo_`) for Molam Connect."""
        from .merchant_onboarding import MerchantOnboarding, MerchantOnboardingWithRawResponse

        return MerchantOnboardingWithRawResponse(MerchantOnboarding(self._resources_requester))

    @cached_property
    def payment_intents(self) -> PaymentIntentsWithRawResponse:
        """PaymentIntents: Molam Connect payment intents (`pi_`) track one payment from creation to success or failure."""
        from .payment_intents import PaymentIntents, PaymentIntentsWithRawResponse

        return PaymentIntentsWithRawResponse(PaymentIntents(self._resources_requester))

    @cached_property
    def payouts(self) -> PayoutsWithRawResponse:
        """Payouts: Molam Treasury payouts (`po_`) send funds to a bank account or a mobile money wallet."""
        from .payouts import Payouts, PayoutsWithRawResponse

        return PayoutsWithRawResponse(Payouts(self._resources_requester))

    @cached_property
    def refunds(self) -> RefundsWithRawResponse:
        """Refunds: Molam Connect refunds (`re_`) return captured funds to the customer."""
        from .refunds import Refunds, RefundsWithRawResponse

        return RefundsWithRawResponse(Refunds(self._resources_requester))

    @cached_property
    def transfers(self) -> TransfersWithRawResponse:
        """Transfers: Molam Ma transfers (`tr_`) move funds between two wallets."""
        from .transfers import Transfers, TransfersWithRawResponse

        return TransfersWithRawResponse(Transfers(self._resources_requester))

    @cached_property
    def wallets(self) -> WalletsWithRawResponse:
        """Wallets: Molam Ma wallets (`wal_`) hold stored value in one or more currencies."""
        from .wallets import Wallets, WalletsWithRawResponse

        return WalletsWithRawResponse(Wallets(self._resources_requester))

    @cached_property
    def webhook_endpoints(self) -> WebhookEndpointsWithRawResponse:
        """WebhookEndpoints: Webhook endpoints (`we_`) receive signed events over HTTPS."""
        from .webhook_endpoints import WebhookEndpoints, WebhookEndpointsWithRawResponse

        return WebhookEndpointsWithRawResponse(WebhookEndpoints(self._resources_requester))


class AsyncResources:
    """One attribute per resource (returning parsed models, async), each sending through the requester given here."""

    def __init__(self, requester: AsyncRequester) -> None:
        self._resources_requester = requester
        # Re-initialising (a client copy) must not keep namespaces bound to the previous requester.
        for name in _NAMESPACES:
            self.__dict__.pop(name, None)

    @cached_property
    def balances(self) -> AsyncBalances:
        """Balances: Molam Treasury balances per currency (available, pending, reserved)."""
        from .balances import AsyncBalances

        return AsyncBalances(self._resources_requester)

    @cached_property
    def charges(self) -> AsyncCharges:
        """Charges: Molam Connect charges (`ch_`) record each attempt to move funds for a payment intent."""
        from .charges import AsyncCharges

        return AsyncCharges(self._resources_requester)

    @cached_property
    def events(self) -> AsyncEvents:
        """Events: Events (`evt_`) record changes to your objects; they are what webhooks deliver."""
        from .events import AsyncEvents

        return AsyncEvents(self._resources_requester)

    @cached_property
    def merchant_onboarding(self) -> AsyncMerchantOnboarding:
        """MerchantOnboarding: Merchant onboarding applications (`mo_`) for Molam Connect."""
        from .merchant_onboarding import AsyncMerchantOnboarding

        return AsyncMerchantOnboarding(self._resources_requester)

    @cached_property
    def payment_intents(self) -> AsyncPaymentIntents:
        """PaymentIntents: Molam Connect payment intents (`pi_`) track one payment from creation to success or failure."""
        from .payment_intents import AsyncPaymentIntents

        return AsyncPaymentIntents(self._resources_requester)

    @cached_property
    def payouts(self) -> AsyncPayouts:
        """Payouts: Molam Treasury payouts (`po_`) send funds to a bank account or a mobile money wallet."""
        from .payouts import AsyncPayouts

        return AsyncPayouts(self._resources_requester)

    @cached_property
    def refunds(self) -> AsyncRefunds:
        """Refunds: Molam Connect refunds (`re_`) return captured funds to the customer."""
        from .refunds import AsyncRefunds

        return AsyncRefunds(self._resources_requester)

    @cached_property
    def transfers(self) -> AsyncTransfers:
        """Transfers: Molam Ma transfers (`tr_`) move funds between two wallets."""
        from .transfers import AsyncTransfers

        return AsyncTransfers(self._resources_requester)

    @cached_property
    def wallets(self) -> AsyncWallets:
        """Wallets: Molam Ma wallets (`wal_`) hold stored value in one or more currencies."""
        from .wallets import AsyncWallets

        return AsyncWallets(self._resources_requester)

    @cached_property
    def webhook_endpoints(self) -> AsyncWebhookEndpoints:
        """WebhookEndpoints: Webhook endpoints (`we_`) receive signed events over HTTPS."""
        from .webhook_endpoints import AsyncWebhookEndpoints

        return AsyncWebhookEndpoints(self._resources_requester)


class AsyncRawResources:
    """One attribute per resource (returning `RawResponse` objects, async), each sending through the requester given here."""

    def __init__(self, requester: AsyncRequester) -> None:
        self._resources_requester = requester
        # Re-initialising (a client copy) must not keep namespaces bound to the previous requester.
        for name in _NAMESPACES:
            self.__dict__.pop(name, None)

    @cached_property
    def balances(self) -> AsyncBalancesWithRawResponse:
        """Balances: Molam Treasury balances per currency (available, pending, reserved)."""
        from .balances import AsyncBalances, AsyncBalancesWithRawResponse

        return AsyncBalancesWithRawResponse(AsyncBalances(self._resources_requester))

    @cached_property
    def charges(self) -> AsyncChargesWithRawResponse:
        """Charges: Molam Connect charges (`ch_`) record each attempt to move funds for a payment intent."""
        from .charges import AsyncCharges, AsyncChargesWithRawResponse

        return AsyncChargesWithRawResponse(AsyncCharges(self._resources_requester))

    @cached_property
    def events(self) -> AsyncEventsWithRawResponse:
        """Events: Events (`evt_`) record changes to your objects; they are what webhooks deliver."""
        from .events import AsyncEvents, AsyncEventsWithRawResponse

        return AsyncEventsWithRawResponse(AsyncEvents(self._resources_requester))

    @cached_property
    def merchant_onboarding(self) -> AsyncMerchantOnboardingWithRawResponse:
        """MerchantOnboarding: Merchant onboarding applications (`mo_`) for Molam Connect."""
        from .merchant_onboarding import AsyncMerchantOnboarding, AsyncMerchantOnboardingWithRawResponse

        return AsyncMerchantOnboardingWithRawResponse(AsyncMerchantOnboarding(self._resources_requester))

    @cached_property
    def payment_intents(self) -> AsyncPaymentIntentsWithRawResponse:
        """PaymentIntents: Molam Connect payment intents (`pi_`) track one payment from creation to success or failure."""
        from .payment_intents import AsyncPaymentIntents, AsyncPaymentIntentsWithRawResponse

        return AsyncPaymentIntentsWithRawResponse(AsyncPaymentIntents(self._resources_requester))

    @cached_property
    def payouts(self) -> AsyncPayoutsWithRawResponse:
        """Payouts: Molam Treasury payouts (`po_`) send funds to a bank account or a mobile money wallet."""
        from .payouts import AsyncPayouts, AsyncPayoutsWithRawResponse

        return AsyncPayoutsWithRawResponse(AsyncPayouts(self._resources_requester))

    @cached_property
    def refunds(self) -> AsyncRefundsWithRawResponse:
        """Refunds: Molam Connect refunds (`re_`) return captured funds to the customer."""
        from .refunds import AsyncRefunds, AsyncRefundsWithRawResponse

        return AsyncRefundsWithRawResponse(AsyncRefunds(self._resources_requester))

    @cached_property
    def transfers(self) -> AsyncTransfersWithRawResponse:
        """Transfers: Molam Ma transfers (`tr_`) move funds between two wallets."""
        from .transfers import AsyncTransfers, AsyncTransfersWithRawResponse

        return AsyncTransfersWithRawResponse(AsyncTransfers(self._resources_requester))

    @cached_property
    def wallets(self) -> AsyncWalletsWithRawResponse:
        """Wallets: Molam Ma wallets (`wal_`) hold stored value in one or more currencies."""
        from .wallets import AsyncWallets, AsyncWalletsWithRawResponse

        return AsyncWalletsWithRawResponse(AsyncWallets(self._resources_requester))

    @cached_property
    def webhook_endpoints(self) -> AsyncWebhookEndpointsWithRawResponse:
        """WebhookEndpoints: Webhook endpoints (`we_`) receive signed events over HTTPS."""
        from .webhook_endpoints import AsyncWebhookEndpoints, AsyncWebhookEndpointsWithRawResponse

        return AsyncWebhookEndpointsWithRawResponse(AsyncWebhookEndpoints(self._resources_requester))
