# Generated from spec/molam.yaml by `make generate`; do not edit.
"""Every data model of the API, loaded on first use.

`from molam_sdk.models import PaymentIntent` imports only `payment_intent.py` (and the models it refers to),
not the whole API: a module `__getattr__` maps each name to its module. Type checkers and IDEs read the
TYPE_CHECKING imports below, so they still see every name.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .balance import Balance
    from .balance_amount import BalanceAmount
    from .bank_account_beneficiary import BankAccountBeneficiary
    from .business_type import BusinessType, BusinessTypeLiteral
    from .cancel_payment_intent_request import CancelPaymentIntentRequest
    from .cancellation_reason import CancellationReason, CancellationReasonLiteral
    from .capture_method import CaptureMethod, CaptureMethodLiteral
    from .capture_payment_intent_request import CapturePaymentIntentRequest
    from .charge import Charge
    from .charge_list import ChargeList
    from .charge_refunded_event import ChargeRefundedEvent
    from .charge_refunded_event_data import ChargeRefundedEventData
    from .charge_status import ChargeStatus, ChargeStatusLiteral
    from .confirm_payment_intent_request import ConfirmPaymentIntentRequest
    from .create_merchant_onboarding_request import CreateMerchantOnboardingRequest
    from .create_payment_intent_request import CreatePaymentIntentRequest
    from .create_payout_request import CreatePayoutRequest
    from .create_refund_request import CreateRefundRequest
    from .create_transfer_request import CreateTransferRequest
    from .create_webhook_endpoint_request import CreateWebhookEndpointRequest
    from .deleted_webhook_endpoint import DeletedWebhookEndpoint
    from .error_detail import ErrorDetail
    from .error_response import ErrorResponse
    from .error_type import ErrorType, ErrorTypeLiteral
    from .event import Event
    from .event_data import EventData
    from .event_data_object import EventDataObject
    from .event_list import EventList
    from .event_type import EventType, EventTypeLiteral
    from .last_payment_error import LastPaymentError
    from .merchant_onboarding import MerchantOnboarding
    from .merchant_onboarding_status import MerchantOnboardingStatus, MerchantOnboardingStatusLiteral
    from .merchant_onboarding_updated_event import MerchantOnboardingUpdatedEvent
    from .merchant_onboarding_updated_event_data import MerchantOnboardingUpdatedEventData
    from .metadata import Metadata
    from .mobile_money_beneficiary import MobileMoneyBeneficiary
    from .mobile_money_provider import MobileMoneyProvider, MobileMoneyProviderLiteral
    from .origin_module import OriginModule, OriginModuleLiteral
    from .payment_intent import PaymentIntent
    from .payment_intent_canceled_event import PaymentIntentCanceledEvent
    from .payment_intent_canceled_event_data import PaymentIntentCanceledEventData
    from .payment_intent_failed_event import PaymentIntentFailedEvent
    from .payment_intent_failed_event_data import PaymentIntentFailedEventData
    from .payment_intent_list import PaymentIntentList
    from .payment_intent_processing_event import PaymentIntentProcessingEvent
    from .payment_intent_processing_event_data import PaymentIntentProcessingEventData
    from .payment_intent_requires_action_event import PaymentIntentRequiresActionEvent
    from .payment_intent_requires_action_event_data import PaymentIntentRequiresActionEventData
    from .payment_intent_requires_capture_event import PaymentIntentRequiresCaptureEvent
    from .payment_intent_requires_capture_event_data import PaymentIntentRequiresCaptureEventData
    from .payment_intent_status import PaymentIntentStatus, PaymentIntentStatusLiteral
    from .payment_intent_succeeded_event import PaymentIntentSucceededEvent
    from .payment_intent_succeeded_event_data import PaymentIntentSucceededEventData
    from .payout import Payout
    from .payout_canceled_event import PayoutCanceledEvent
    from .payout_canceled_event_data import PayoutCanceledEventData
    from .payout_failed_event import PayoutFailedEvent
    from .payout_failed_event_data import PayoutFailedEventData
    from .payout_in_transit_event import PayoutInTransitEvent
    from .payout_in_transit_event_data import PayoutInTransitEventData
    from .payout_list import PayoutList
    from .payout_paid_event import PayoutPaidEvent
    from .payout_paid_event_data import PayoutPaidEventData
    from .payout_status import PayoutStatus, PayoutStatusLiteral
    from .refund import Refund
    from .refund_charge_request import RefundChargeRequest
    from .refund_failed_event import RefundFailedEvent
    from .refund_failed_event_data import RefundFailedEventData
    from .refund_list import RefundList
    from .refund_processed_event import RefundProcessedEvent
    from .refund_processed_event_data import RefundProcessedEventData
    from .refund_reason import RefundReason, RefundReasonLiteral
    from .refund_status import RefundStatus, RefundStatusLiteral
    from .rotate_webhook_endpoint_secret_request import RotateWebhookEndpointSecretRequest
    from .transfer import Transfer
    from .transfer_completed_event import TransferCompletedEvent
    from .transfer_completed_event_data import TransferCompletedEventData
    from .transfer_list import TransferList
    from .transfer_status import TransferStatus, TransferStatusLiteral
    from .update_payment_intent_request import UpdatePaymentIntentRequest
    from .update_webhook_endpoint_request import UpdateWebhookEndpointRequest
    from .wallet import Wallet
    from .wallet_balance import WalletBalance
    from .wallet_list import WalletList
    from .wallet_status import WalletStatus, WalletStatusLiteral
    from .webhook_delivery import WebhookDelivery
    from .webhook_delivery_list import WebhookDeliveryList
    from .webhook_delivery_status import WebhookDeliveryStatus, WebhookDeliveryStatusLiteral
    from .webhook_endpoint import WebhookEndpoint
    from .webhook_endpoint_list import WebhookEndpointList
    from .webhook_endpoint_status import WebhookEndpointStatus, WebhookEndpointStatusLiteral
    from .webhook_endpoint_with_secret import WebhookEndpointWithSecret

__all__ = [
    "Balance",
    "BalanceAmount",
    "BankAccountBeneficiary",
    "BusinessType",
    "BusinessTypeLiteral",
    "CancelPaymentIntentRequest",
    "CancellationReason",
    "CancellationReasonLiteral",
    "CaptureMethod",
    "CaptureMethodLiteral",
    "CapturePaymentIntentRequest",
    "Charge",
    "ChargeList",
    "ChargeRefundedEvent",
    "ChargeRefundedEventData",
    "ChargeStatus",
    "ChargeStatusLiteral",
    "ConfirmPaymentIntentRequest",
    "CreateMerchantOnboardingRequest",
    "CreatePaymentIntentRequest",
    "CreatePayoutRequest",
    "CreateRefundRequest",
    "CreateTransferRequest",
    "CreateWebhookEndpointRequest",
    "DeletedWebhookEndpoint",
    "ErrorDetail",
    "ErrorResponse",
    "ErrorType",
    "ErrorTypeLiteral",
    "Event",
    "EventData",
    "EventDataObject",
    "EventList",
    "EventType",
    "EventTypeLiteral",
    "LastPaymentError",
    "MerchantOnboarding",
    "MerchantOnboardingStatus",
    "MerchantOnboardingStatusLiteral",
    "MerchantOnboardingUpdatedEvent",
    "MerchantOnboardingUpdatedEventData",
    "Metadata",
    "MobileMoneyBeneficiary",
    "MobileMoneyProvider",
    "MobileMoneyProviderLiteral",
    "OriginModule",
    "OriginModuleLiteral",
    "PaymentIntent",
    "PaymentIntentCanceledEvent",
    "PaymentIntentCanceledEventData",
    "PaymentIntentFailedEvent",
    "PaymentIntentFailedEventData",
    "PaymentIntentList",
    "PaymentIntentProcessingEvent",
    "PaymentIntentProcessingEventData",
    "PaymentIntentRequiresActionEvent",
    "PaymentIntentRequiresActionEventData",
    "PaymentIntentRequiresCaptureEvent",
    "PaymentIntentRequiresCaptureEventData",
    "PaymentIntentStatus",
    "PaymentIntentStatusLiteral",
    "PaymentIntentSucceededEvent",
    "PaymentIntentSucceededEventData",
    "Payout",
    "PayoutCanceledEvent",
    "PayoutCanceledEventData",
    "PayoutFailedEvent",
    "PayoutFailedEventData",
    "PayoutInTransitEvent",
    "PayoutInTransitEventData",
    "PayoutList",
    "PayoutPaidEvent",
    "PayoutPaidEventData",
    "PayoutStatus",
    "PayoutStatusLiteral",
    "Refund",
    "RefundChargeRequest",
    "RefundFailedEvent",
    "RefundFailedEventData",
    "RefundList",
    "RefundProcessedEvent",
    "RefundProcessedEventData",
    "RefundReason",
    "RefundReasonLiteral",
    "RefundStatus",
    "RefundStatusLiteral",
    "RotateWebhookEndpointSecretRequest",
    "Transfer",
    "TransferCompletedEvent",
    "TransferCompletedEventData",
    "TransferList",
    "TransferStatus",
    "TransferStatusLiteral",
    "UpdatePaymentIntentRequest",
    "UpdateWebhookEndpointRequest",
    "Wallet",
    "WalletBalance",
    "WalletList",
    "WalletStatus",
    "WalletStatusLiteral",
    "WebhookDelivery",
    "WebhookDeliveryList",
    "WebhookDeliveryStatus",
    "WebhookDeliveryStatusLiteral",
    "WebhookEndpoint",
    "WebhookEndpointList",
    "WebhookEndpointStatus",
    "WebhookEndpointStatusLiteral",
    "WebhookEndpointWithSecret",
]

#: Model name -> the module (under molam_sdk.models) that defines it.
_MODULES = {
    "Balance": ".balance",
    "BalanceAmount": ".balance_amount",
    "BankAccountBeneficiary": ".bank_account_beneficiary",
    "BusinessType": ".business_type",
    "BusinessTypeLiteral": ".business_type",
    "CancelPaymentIntentRequest": ".cancel_payment_intent_request",
    "CancellationReason": ".cancellation_reason",
    "CancellationReasonLiteral": ".cancellation_reason",
    "CaptureMethod": ".capture_method",
    "CaptureMethodLiteral": ".capture_method",
    "CapturePaymentIntentRequest": ".capture_payment_intent_request",
    "Charge": ".charge",
    "ChargeList": ".charge_list",
    "ChargeRefundedEvent": ".charge_refunded_event",
    "ChargeRefundedEventData": ".charge_refunded_event_data",
    "ChargeStatus": ".charge_status",
    "ChargeStatusLiteral": ".charge_status",
    "ConfirmPaymentIntentRequest": ".confirm_payment_intent_request",
    "CreateMerchantOnboardingRequest": ".create_merchant_onboarding_request",
    "CreatePaymentIntentRequest": ".create_payment_intent_request",
    "CreatePayoutRequest": ".create_payout_request",
    "CreateRefundRequest": ".create_refund_request",
    "CreateTransferRequest": ".create_transfer_request",
    "CreateWebhookEndpointRequest": ".create_webhook_endpoint_request",
    "DeletedWebhookEndpoint": ".deleted_webhook_endpoint",
    "ErrorDetail": ".error_detail",
    "ErrorResponse": ".error_response",
    "ErrorType": ".error_type",
    "ErrorTypeLiteral": ".error_type",
    "Event": ".event",
    "EventData": ".event_data",
    "EventDataObject": ".event_data_object",
    "EventList": ".event_list",
    "EventType": ".event_type",
    "EventTypeLiteral": ".event_type",
    "LastPaymentError": ".last_payment_error",
    "MerchantOnboarding": ".merchant_onboarding",
    "MerchantOnboardingStatus": ".merchant_onboarding_status",
    "MerchantOnboardingStatusLiteral": ".merchant_onboarding_status",
    "MerchantOnboardingUpdatedEvent": ".merchant_onboarding_updated_event",
    "MerchantOnboardingUpdatedEventData": ".merchant_onboarding_updated_event_data",
    "Metadata": ".metadata",
    "MobileMoneyBeneficiary": ".mobile_money_beneficiary",
    "MobileMoneyProvider": ".mobile_money_provider",
    "MobileMoneyProviderLiteral": ".mobile_money_provider",
    "OriginModule": ".origin_module",
    "OriginModuleLiteral": ".origin_module",
    "PaymentIntent": ".payment_intent",
    "PaymentIntentCanceledEvent": ".payment_intent_canceled_event",
    "PaymentIntentCanceledEventData": ".payment_intent_canceled_event_data",
    "PaymentIntentFailedEvent": ".payment_intent_failed_event",
    "PaymentIntentFailedEventData": ".payment_intent_failed_event_data",
    "PaymentIntentList": ".payment_intent_list",
    "PaymentIntentProcessingEvent": ".payment_intent_processing_event",
    "PaymentIntentProcessingEventData": ".payment_intent_processing_event_data",
    "PaymentIntentRequiresActionEvent": ".payment_intent_requires_action_event",
    "PaymentIntentRequiresActionEventData": ".payment_intent_requires_action_event_data",
    "PaymentIntentRequiresCaptureEvent": ".payment_intent_requires_capture_event",
    "PaymentIntentRequiresCaptureEventData": ".payment_intent_requires_capture_event_data",
    "PaymentIntentStatus": ".payment_intent_status",
    "PaymentIntentStatusLiteral": ".payment_intent_status",
    "PaymentIntentSucceededEvent": ".payment_intent_succeeded_event",
    "PaymentIntentSucceededEventData": ".payment_intent_succeeded_event_data",
    "Payout": ".payout",
    "PayoutCanceledEvent": ".payout_canceled_event",
    "PayoutCanceledEventData": ".payout_canceled_event_data",
    "PayoutFailedEvent": ".payout_failed_event",
    "PayoutFailedEventData": ".payout_failed_event_data",
    "PayoutInTransitEvent": ".payout_in_transit_event",
    "PayoutInTransitEventData": ".payout_in_transit_event_data",
    "PayoutList": ".payout_list",
    "PayoutPaidEvent": ".payout_paid_event",
    "PayoutPaidEventData": ".payout_paid_event_data",
    "PayoutStatus": ".payout_status",
    "PayoutStatusLiteral": ".payout_status",
    "Refund": ".refund",
    "RefundChargeRequest": ".refund_charge_request",
    "RefundFailedEvent": ".refund_failed_event",
    "RefundFailedEventData": ".refund_failed_event_data",
    "RefundList": ".refund_list",
    "RefundProcessedEvent": ".refund_processed_event",
    "RefundProcessedEventData": ".refund_processed_event_data",
    "RefundReason": ".refund_reason",
    "RefundReasonLiteral": ".refund_reason",
    "RefundStatus": ".refund_status",
    "RefundStatusLiteral": ".refund_status",
    "RotateWebhookEndpointSecretRequest": ".rotate_webhook_endpoint_secret_request",
    "Transfer": ".transfer",
    "TransferCompletedEvent": ".transfer_completed_event",
    "TransferCompletedEventData": ".transfer_completed_event_data",
    "TransferList": ".transfer_list",
    "TransferStatus": ".transfer_status",
    "TransferStatusLiteral": ".transfer_status",
    "UpdatePaymentIntentRequest": ".update_payment_intent_request",
    "UpdateWebhookEndpointRequest": ".update_webhook_endpoint_request",
    "Wallet": ".wallet",
    "WalletBalance": ".wallet_balance",
    "WalletList": ".wallet_list",
    "WalletStatus": ".wallet_status",
    "WalletStatusLiteral": ".wallet_status",
    "WebhookDelivery": ".webhook_delivery",
    "WebhookDeliveryList": ".webhook_delivery_list",
    "WebhookDeliveryStatus": ".webhook_delivery_status",
    "WebhookDeliveryStatusLiteral": ".webhook_delivery_status",
    "WebhookEndpoint": ".webhook_endpoint",
    "WebhookEndpointList": ".webhook_endpoint_list",
    "WebhookEndpointStatus": ".webhook_endpoint_status",
    "WebhookEndpointStatusLiteral": ".webhook_endpoint_status",
    "WebhookEndpointWithSecret": ".webhook_endpoint_with_secret",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
