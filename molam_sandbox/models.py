# Generated from spec/molam.yaml by `make generate`; do not edit.

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AnyUrl, BaseModel, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType

MetadataAdditionalProperty = TypeAliasType(
    "MetadataAdditionalProperty", Annotated[str, Field(max_length=500)]
)


class Metadata(RootModel[dict[Annotated[str, StringConstraints(max_length=40)], MetadataAdditionalProperty]]):
    root: Annotated[
        dict[Annotated[str, StringConstraints(max_length=40)], MetadataAdditionalProperty],
        Field(
            description="Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,\nvalues are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.\n",
            max_length=50,
        ),
    ]


class ErrorType(StrEnum):
    invalid_request_error = "invalid_request_error"
    authentication_error = "authentication_error"
    permission_error = "permission_error"
    not_found_error = "not_found_error"
    idempotency_error = "idempotency_error"
    rate_limit_error = "rate_limit_error"
    payment_error = "payment_error"
    api_error = "api_error"


class ErrorDetail(BaseModel):
    type: ErrorType
    code: Annotated[
        str,
        Field(
            description="A short machine-readable code such as `parameter_missing` or `insufficient_funds`."
        ),
    ]
    message: Annotated[
        str, Field(description="A human-readable explanation; may change, do not match on it.")
    ]
    param: Annotated[str | None, Field(description="The request parameter the error is about, if any.")]
    request_id: Annotated[
        str, Field(description="The id of the request that failed (also in the `Molam-Request-Id` header).")
    ]


class ErrorResponse(BaseModel):
    error: ErrorDetail


class BalanceAmount(BaseModel):
    currency: Annotated[
        str, Field(description="Three-letter ISO 4217 currency code, upper case.", pattern="^[A-Z]{3}$")
    ]
    amount: Annotated[int, Field(description="Amount in the currency's minor unit.")]


class PaymentIntentStatus(StrEnum):
    requires_payment_method = "requires_payment_method"
    requires_confirmation = "requires_confirmation"
    requires_action = "requires_action"
    processing = "processing"
    requires_capture = "requires_capture"
    succeeded = "succeeded"
    canceled = "canceled"
    failed = "failed"


class CaptureMethod(StrEnum):
    automatic = "automatic"
    manual = "manual"


class CancellationReason(StrEnum):
    duplicate = "duplicate"
    fraudulent = "fraudulent"
    requested_by_customer = "requested_by_customer"
    abandoned = "abandoned"


class LastPaymentError(BaseModel):
    type: ErrorType
    code: Annotated[
        str, Field(description="A machine-readable code such as `insufficient_funds` or `provider_timeout`.")
    ]
    message: Annotated[
        str, Field(description="A human-readable explanation that can be shown to the customer.")
    ]
    decline_code: Annotated[
        str | None,
        Field(description="The issuer's or mobile money operator's decline code, when there is one."),
    ]
    payment_method: Annotated[str | None, Field(description="The payment method that failed.")]


class PaymentIntent(BaseModel):
    id: Annotated[str, Field(description="Unique identifier, prefixed `pi_`.", pattern="^pi_[A-Za-z0-9]+$")]
    object: Annotated[Literal["payment_intent"], Field(description="Always `payment_intent`.")]
    amount: Annotated[
        int,
        Field(
            description="Amount to collect, in the currency's minor unit (15000 XOF is 15,000 F CFA; 2500000 NGN is 25,000.00 naira).",
            ge=1,
        ),
    ]
    amount_received: Annotated[
        int, Field(description="Amount collected so far, in the currency's minor unit.", ge=0)
    ]
    currency: Annotated[
        str, Field(description="Three-letter ISO 4217 currency code, upper case.", pattern="^[A-Z]{3}$")
    ]
    status: PaymentIntentStatus
    capture_method: CaptureMethod
    payment_method: Annotated[
        str | None, Field(description="The id of the payment method (`pm_`) to charge, once one is attached.")
    ]
    customer_id: Annotated[str | None, Field(description="The customer paying, if known.")]
    merchant_id: Annotated[
        str | None,
        Field(description="The connected merchant receiving the funds, when you act on behalf of one."),
    ]
    description: Annotated[
        str | None,
        Field(
            description="Your description of the payment, shown to the customer on receipts.", max_length=1000
        ),
    ]
    metadata: Metadata
    return_url: Annotated[
        AnyUrl | None, Field(description="Where the customer returns after completing a redirect.")
    ]
    cancel_url: Annotated[
        AnyUrl | None, Field(description="Where the customer returns after abandoning a redirect.")
    ]
    redirect_url: Annotated[
        AnyUrl | None,
        Field(
            description="Where to send the customer while the payment waits for them, null otherwise: Molam Checkout, the\nhosted page where the customer chooses a payment method (`requires_payment_method`, and\n`requires_action` after a confirm without a payment method), or the step the customer must complete\n(`requires_action`, for example 3-D Secure). The URL holds an unguessable token, different from\n`client_secret`, that lets the customer's browser see and pay this one intent without an API key:\ntreat it like a secret link. The customer comes back to `return_url` (or `cancel_url`) with\n`?payment_intent=<id>` added.\n",
            examples=[
                "https://pay.molam.com/checkout/pi_3Nf8kLm2aB9xQ7/Xq7Lm2Vd9Rt4Kp8Wz3Nb6Yc1Hs5Jf0Ga",
                None,
            ],
        ),
    ]
    client_secret: Annotated[
        str | None, Field(description="Secret for client-side confirmation; do not log or store it.")
    ]
    latest_charge: Annotated[str | None, Field(description="The id of the latest charge (`ch_`).")]
    last_payment_error: Annotated[
        LastPaymentError | None, Field(description="Why the last payment attempt failed, if it did.")
    ]
    cancellation_reason: Annotated[
        CancellationReason | None,
        Field(description="Why the payment intent was canceled, when `status` is `canceled`."),
    ]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]


class PaymentIntentList(BaseModel):
    object: Annotated[Literal["list"], Field(description="Always `list`.")]
    data: list[PaymentIntent]
    has_more: Annotated[bool, Field(description="Whether more objects follow this page.")]
    next_cursor: Annotated[
        str | None,
        Field(
            description="The value to pass as `starting_after` for the next page, or null on the last page."
        ),
    ]
    url: Annotated[str | None, Field(description="The path this list was fetched from.")] = None


class CreatePaymentIntentRequest(BaseModel):
    amount: Annotated[
        int,
        Field(
            description="Amount to collect, in the currency's minor unit (15000 XOF is 15,000 F CFA; 2500000 NGN is 25,000.00 naira).",
            ge=1,
        ),
    ]
    currency: Annotated[
        str, Field(description="Three-letter ISO 4217 currency code, upper case.", pattern="^[A-Z]{3}$")
    ]
    capture_method: CaptureMethod | None = None
    payment_method: Annotated[
        str | None, Field(description="The id of the payment method (`pm_`) to attach.", max_length=255)
    ] = None
    confirm: Annotated[bool | None, Field(description="Confirm immediately (requires `payment_method`).")] = (
        False
    )
    customer_id: Annotated[str | None, Field(description="The customer paying.", max_length=255)] = None
    merchant_id: Annotated[
        str | None, Field(description="The connected merchant receiving the funds.", max_length=255)
    ] = None
    description: Annotated[
        str | None, Field(description="Your description of the payment.", max_length=1000)
    ] = None
    metadata: Metadata | None = None
    return_url: Annotated[
        AnyUrl | None, Field(description="Where the customer returns after completing a redirect.")
    ] = None
    cancel_url: Annotated[
        AnyUrl | None, Field(description="Where the customer returns after abandoning a redirect.")
    ] = None


class UpdatePaymentIntentRequest(BaseModel):
    description: Annotated[
        str | None, Field(description="Your description of the payment.", max_length=1000)
    ] = None
    metadata: Metadata | None = None


class ConfirmPaymentIntentRequest(BaseModel):
    payment_method: Annotated[
        str | None,
        Field(
            description="The payment method (`pm_`) to charge; defaults to the one already attached. With neither, the\ncustomer chooses one on Molam Checkout (`requires_action`, `redirect_url`).\n",
            max_length=255,
        ),
    ] = None
    return_url: Annotated[
        AnyUrl | None, Field(description="Where the customer returns after completing a redirect.")
    ] = None


class CapturePaymentIntentRequest(BaseModel):
    amount_to_capture: Annotated[
        int | None,
        Field(
            description="Amount to capture in the currency's minor unit; defaults to the full authorised amount.",
            ge=1,
        ),
    ] = None


class CancelPaymentIntentRequest(BaseModel):
    cancellation_reason: CancellationReason | None = None


class ChargeStatus(StrEnum):
    pending = "pending"
    succeeded = "succeeded"
    failed = "failed"


class Charge(BaseModel):
    id: Annotated[str, Field(description="Unique identifier, prefixed `ch_`.", pattern="^ch_[A-Za-z0-9]+$")]
    object: Annotated[Literal["charge"], Field(description="Always `charge`.")]
    amount: Annotated[int, Field(description="Amount charged, in the currency's minor unit.", ge=1)]
    amount_captured: Annotated[int, Field(description="Amount captured, in the currency's minor unit.", ge=0)]
    amount_refunded: Annotated[
        int, Field(description="Amount refunded so far, in the currency's minor unit.", ge=0)
    ]
    currency: Annotated[
        str, Field(description="Three-letter ISO 4217 currency code, upper case.", pattern="^[A-Z]{3}$")
    ]
    status: ChargeStatus
    payment_intent: Annotated[str, Field(description="The payment intent (`pi_`) this charge belongs to.")]
    payment_method: Annotated[str | None, Field(description="The payment method (`pm_`) charged.")]
    customer_id: Annotated[str | None, Field(description="The customer charged, if known.")]
    description: Annotated[str | None, Field(description="Copied from the payment intent.", max_length=1000)]
    captured: Annotated[bool, Field(description="Whether the funds were captured.")]
    refunded: Annotated[bool, Field(description="Whether the charge was refunded in full.")]
    failure_code: Annotated[str | None, Field(description="Why the charge failed, as a code.")]
    failure_message: Annotated[str | None, Field(description="Why the charge failed, in words.")]
    metadata: Metadata
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]


class ChargeList(BaseModel):
    object: Annotated[Literal["list"], Field(description="Always `list`.")]
    data: list[Charge]
    has_more: Annotated[bool, Field(description="Whether more objects follow this page.")]
    next_cursor: Annotated[
        str | None,
        Field(
            description="The value to pass as `starting_after` for the next page, or null on the last page."
        ),
    ]
    url: Annotated[str | None, Field(description="The path this list was fetched from.")] = None


class RefundStatus(StrEnum):
    pending = "pending"
    succeeded = "succeeded"
    failed = "failed"
    canceled = "canceled"


class RefundReason(StrEnum):
    duplicate = "duplicate"
    fraudulent = "fraudulent"
    requested_by_customer = "requested_by_customer"


class Refund(BaseModel):
    id: Annotated[str, Field(description="Unique identifier, prefixed `re_`.", pattern="^re_[A-Za-z0-9]+$")]
    object: Annotated[Literal["refund"], Field(description="Always `refund`.")]
    amount: Annotated[int, Field(description="Amount refunded, in the currency's minor unit.", ge=1)]
    currency: Annotated[
        str, Field(description="Three-letter ISO 4217 currency code, upper case.", pattern="^[A-Z]{3}$")
    ]
    payment_intent: Annotated[str | None, Field(description="The payment intent (`pi_`) refunded.")]
    charge: Annotated[str, Field(description="The charge (`ch_`) refunded.")]
    status: RefundStatus
    reason: Annotated[RefundReason | None, Field(description="Why the payment was refunded, if given.")]
    failure_reason: Annotated[
        str | None, Field(description="Why the refund failed, when `status` is `failed`.")
    ]
    metadata: Metadata
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]


class RefundList(BaseModel):
    object: Annotated[Literal["list"], Field(description="Always `list`.")]
    data: list[Refund]
    has_more: Annotated[bool, Field(description="Whether more objects follow this page.")]
    next_cursor: Annotated[
        str | None,
        Field(
            description="The value to pass as `starting_after` for the next page, or null on the last page."
        ),
    ]
    url: Annotated[str | None, Field(description="The path this list was fetched from.")] = None


class CreateRefundRequest(BaseModel):
    payment_intent: Annotated[
        str | None,
        Field(
            description="The payment intent to refund (its latest successful charge).",
            pattern="^pi_[A-Za-z0-9]+$",
        ),
    ] = None
    charge: Annotated[str | None, Field(description="The charge to refund.", pattern="^ch_[A-Za-z0-9]+$")] = (
        None
    )
    amount: Annotated[
        int | None,
        Field(
            description="Amount to refund in the currency's minor unit; defaults to everything still refundable.",
            ge=1,
        ),
    ] = None
    reason: RefundReason | None = None
    metadata: Metadata | None = None


class WalletStatus(StrEnum):
    active = "active"
    frozen = "frozen"
    closed = "closed"


class Currency(RootModel[str]):
    root: Annotated[str, Field(pattern="^[A-Z]{3}$")]


class Wallet(BaseModel):
    id: Annotated[str, Field(description="Unique identifier, prefixed `wal_`.", pattern="^wal_[A-Za-z0-9]+$")]
    object: Annotated[Literal["wallet"], Field(description="Always `wallet`.")]
    owner_id: Annotated[str, Field(description="The customer or merchant that owns the wallet.")]
    name: Annotated[str | None, Field(description="A display name.", max_length=200)]
    currencies: Annotated[
        list[Currency], Field(description="The currencies the wallet holds (ISO 4217, upper case).")
    ]
    status: WalletStatus
    metadata: Metadata
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]


class WalletList(BaseModel):
    object: Annotated[Literal["list"], Field(description="Always `list`.")]
    data: list[Wallet]
    has_more: Annotated[bool, Field(description="Whether more objects follow this page.")]
    next_cursor: Annotated[
        str | None,
        Field(
            description="The value to pass as `starting_after` for the next page, or null on the last page."
        ),
    ]
    url: Annotated[str | None, Field(description="The path this list was fetched from.")] = None


class WalletBalance(BaseModel):
    object: Annotated[Literal["wallet_balance"], Field(description="Always `wallet_balance`.")]
    wallet: Annotated[str, Field(description="The wallet (`wal_`).", pattern="^wal_[A-Za-z0-9]+$")]
    available: Annotated[
        list[BalanceAmount],
        Field(description="Funds that can be spent or transferred now, one entry per currency."),
    ]
    pending: Annotated[
        list[BalanceAmount],
        Field(description="Funds on their way in, not spendable yet, one entry per currency."),
    ]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]


class TransferStatus(StrEnum):
    pending = "pending"
    completed = "completed"
    failed = "failed"


class Transfer(BaseModel):
    id: Annotated[str, Field(description="Unique identifier, prefixed `tr_`.", pattern="^tr_[A-Za-z0-9]+$")]
    object: Annotated[Literal["transfer"], Field(description="Always `transfer`.")]
    from_wallet: Annotated[str, Field(description="The wallet debited.", pattern="^wal_[A-Za-z0-9]+$")]
    to_wallet: Annotated[str, Field(description="The wallet credited.", pattern="^wal_[A-Za-z0-9]+$")]
    amount: Annotated[int, Field(description="Amount moved, in the currency's minor unit.", ge=1)]
    currency: Annotated[
        str, Field(description="Three-letter ISO 4217 currency code, upper case.", pattern="^[A-Z]{3}$")
    ]
    status: TransferStatus
    description: Annotated[
        str | None, Field(description="Your description of the transfer.", max_length=1000)
    ]
    failure_reason: Annotated[
        str | None, Field(description="Why the transfer failed, when `status` is `failed`.")
    ]
    metadata: Metadata
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]


class TransferList(BaseModel):
    object: Annotated[Literal["list"], Field(description="Always `list`.")]
    data: list[Transfer]
    has_more: Annotated[bool, Field(description="Whether more objects follow this page.")]
    next_cursor: Annotated[
        str | None,
        Field(
            description="The value to pass as `starting_after` for the next page, or null on the last page."
        ),
    ]
    url: Annotated[str | None, Field(description="The path this list was fetched from.")] = None


class CreateTransferRequest(BaseModel):
    from_wallet: Annotated[str, Field(description="The wallet to debit.", pattern="^wal_[A-Za-z0-9]+$")]
    to_wallet: Annotated[str, Field(description="The wallet to credit.", pattern="^wal_[A-Za-z0-9]+$")]
    amount: Annotated[int, Field(description="Amount to move, in the currency's minor unit.", ge=1)]
    currency: Annotated[
        str, Field(description="Three-letter ISO 4217 currency code, upper case.", pattern="^[A-Z]{3}$")
    ]
    description: Annotated[
        str | None, Field(description="Your description of the transfer.", max_length=1000)
    ] = None
    metadata: Metadata | None = None


class OriginModule(StrEnum):
    connect = "connect"
    ma = "ma"
    treasury = "treasury"


class PayoutStatus(StrEnum):
    pending = "pending"
    in_transit = "in_transit"
    paid = "paid"
    failed = "failed"
    canceled = "canceled"


class MobileMoneyProvider(StrEnum):
    orange_money = "orange_money"
    wave = "wave"
    mtn_momo = "mtn_momo"
    moov_money = "moov_money"
    free_money = "free_money"


class BankAccountBeneficiary(BaseModel):
    type: Annotated[Literal["bank_account"], Field(description="Always `bank_account`.")]
    bank_code: Annotated[
        str,
        Field(
            description="The bank's code (sort code, BIC or national bank code).", max_length=34, min_length=1
        ),
    ]
    account_number: Annotated[
        str, Field(description="The account number or IBAN.", max_length=34, min_length=1)
    ]
    account_holder: Annotated[
        str, Field(description="The name on the account.", max_length=200, min_length=1)
    ]


class MobileMoneyBeneficiary(BaseModel):
    type: Annotated[Literal["mobile_money"], Field(description="Always `mobile_money`.")]
    provider: MobileMoneyProvider
    msisdn: Annotated[
        str,
        Field(
            description="The wallet's phone number in E.164 format, for example `+221771234567`.",
            pattern="^\\+[1-9][0-9]{7,14}$",
        ),
    ]
    account_holder: Annotated[
        str, Field(description="The name registered with the operator.", max_length=200, min_length=1)
    ]


class Payout(BaseModel):
    id: Annotated[str, Field(description="Unique identifier, prefixed `po_`.", pattern="^po_[A-Za-z0-9]+$")]
    object: Annotated[Literal["payout"], Field(description="Always `payout`.")]
    origin_module: OriginModule
    origin_entity_id: Annotated[
        str, Field(description="The merchant, wallet or treasury account whose balance funds the payout.")
    ]
    amount: Annotated[int, Field(description="Amount paid out, in the currency's minor unit.", ge=1)]
    currency: Annotated[
        str, Field(description="Three-letter ISO 4217 currency code, upper case.", pattern="^[A-Z]{3}$")
    ]
    beneficiary: Annotated[
        BankAccountBeneficiary | MobileMoneyBeneficiary,
        Field(description="Who receives the funds; `type` tells which kind.", discriminator="type"),
    ]
    status: PayoutStatus
    description: Annotated[str | None, Field(description="Your description of the payout.", max_length=1000)]
    failure_code: Annotated[
        str | None, Field(description="Why the payout failed, as a code (for example `invalid_msisdn`).")
    ]
    failure_message: Annotated[str | None, Field(description="Why the payout failed, in words.")]
    arrival_date: Annotated[
        int | None, Field(description="When the funds are expected (or arrived), Unix seconds.")
    ]
    metadata: Metadata
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]


class PayoutList(BaseModel):
    object: Annotated[Literal["list"], Field(description="Always `list`.")]
    data: list[Payout]
    has_more: Annotated[bool, Field(description="Whether more objects follow this page.")]
    next_cursor: Annotated[
        str | None,
        Field(
            description="The value to pass as `starting_after` for the next page, or null on the last page."
        ),
    ]
    url: Annotated[str | None, Field(description="The path this list was fetched from.")] = None


class CreatePayoutRequest(BaseModel):
    origin_module: OriginModule
    origin_entity_id: Annotated[
        str,
        Field(
            description="The merchant, wallet or treasury account whose balance funds the payout.",
            max_length=255,
            min_length=1,
        ),
    ]
    amount: Annotated[int, Field(description="Amount to pay out, in the currency's minor unit.", ge=1)]
    currency: Annotated[
        str, Field(description="Three-letter ISO 4217 currency code, upper case.", pattern="^[A-Z]{3}$")
    ]
    beneficiary: Annotated[
        BankAccountBeneficiary | MobileMoneyBeneficiary,
        Field(description="Who receives the funds; `type` tells which kind.", discriminator="type"),
    ]
    description: Annotated[
        str | None, Field(description="Your description of the payout.", max_length=1000)
    ] = None
    metadata: Metadata | None = None


class Balance(BaseModel):
    object: Annotated[Literal["balance"], Field(description="Always `balance`.")]
    available: Annotated[
        list[BalanceAmount], Field(description="Funds that can be paid out now, one entry per currency.")
    ]
    pending: Annotated[
        list[BalanceAmount], Field(description="Funds not settled yet, one entry per currency.")
    ]
    reserved: Annotated[
        list[BalanceAmount],
        Field(
            description="Funds held back (pending payouts, disputes, rolling reserve), one entry per currency."
        ),
    ]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]


class MerchantOnboardingStatus(StrEnum):
    pending = "pending"
    in_review = "in_review"
    approved = "approved"
    rejected = "rejected"


class BusinessType(StrEnum):
    individual = "individual"
    company = "company"
    non_profit = "non_profit"
    government_entity = "government_entity"


class MerchantOnboarding(BaseModel):
    id: Annotated[str, Field(description="Unique identifier, prefixed `mo_`.", pattern="^mo_[A-Za-z0-9]+$")]
    object: Annotated[Literal["merchant_onboarding"], Field(description="Always `merchant_onboarding`.")]
    business_name: Annotated[str, Field(description="The registered business name.", max_length=200)]
    country: Annotated[
        str,
        Field(description="ISO 3166-1 alpha-2 country of registration, upper case.", pattern="^[A-Z]{2}$"),
    ]
    email: Annotated[str, Field(description="The contact email for the account.")]
    business_type: BusinessType
    phone: Annotated[str | None, Field(description="The contact phone number, E.164.")]
    website: Annotated[AnyUrl | None, Field(description="The business's website.")]
    status: MerchantOnboardingStatus
    requirements: Annotated[
        list[str],
        Field(
            description="Information still needed before review can finish (for example `business_registration_document`)."
        ),
    ]
    onboarding_url: Annotated[
        AnyUrl | None,
        Field(description="Where to send the merchant to complete the application; null once it is decided."),
    ]
    merchant_id: Annotated[str | None, Field(description="The merchant account created on approval.")]
    rejection_reason: Annotated[
        str | None, Field(description="Why the application was rejected, when `status` is `rejected`.")
    ]
    metadata: Metadata
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]


class CreateMerchantOnboardingRequest(BaseModel):
    business_name: Annotated[
        str, Field(description="The registered business name.", max_length=200, min_length=1)
    ]
    country: Annotated[
        str,
        Field(description="ISO 3166-1 alpha-2 country of registration, upper case.", pattern="^[A-Z]{2}$"),
    ]
    email: Annotated[str, Field(description="The contact email for the account.")]
    business_type: BusinessType
    phone: Annotated[
        str | None, Field(description="The contact phone number, E.164.", pattern="^\\+[1-9][0-9]{7,14}$")
    ] = None
    website: Annotated[AnyUrl | None, Field(description="The business's website.")] = None
    return_url: Annotated[
        AnyUrl | None, Field(description="Where to send the merchant after they finish on `onboarding_url`.")
    ] = None
    metadata: Metadata | None = None


class EventType(StrEnum):
    payment_intent_succeeded = "payment_intent.succeeded"
    payment_intent_requires_capture = "payment_intent.requires_capture"
    payment_intent_processing = "payment_intent.processing"
    payment_intent_failed = "payment_intent.failed"
    payment_intent_canceled = "payment_intent.canceled"
    payment_intent_requires_action = "payment_intent.requires_action"
    charge_refunded = "charge.refunded"
    refund_processed = "refund.processed"
    refund_failed = "refund.failed"
    payout_paid = "payout.paid"
    payout_canceled = "payout.canceled"
    payout_in_transit = "payout.in_transit"
    payout_failed = "payout.failed"
    transfer_completed = "transfer.completed"
    merchant_onboarding_updated = "merchant.onboarding.updated"


class Data(BaseModel):
    object: Annotated[
        dict[str, Any],
        Field(
            description="The object (payment intent, charge, refund, payout, transfer or merchant onboarding)."
        ),
    ]


class Event(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key for webhook deliveries.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[
        str, Field(description="The event type, one of `EventType` (for example `payment_intent.succeeded`).")
    ]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]
    data: Annotated[Data, Field(description="The object the event is about.")]


class EventList(BaseModel):
    object: Annotated[Literal["list"], Field(description="Always `list`.")]
    data: list[Event]
    has_more: Annotated[bool, Field(description="Whether more objects follow this page.")]
    next_cursor: Annotated[
        str | None,
        Field(
            description="The value to pass as `starting_after` for the next page, or null on the last page."
        ),
    ]
    url: Annotated[str | None, Field(description="The path this list was fetched from.")] = None


class PaymentIntentSucceededEventData(BaseModel):
    object: PaymentIntent


class PaymentIntentRequiresCaptureEventData(BaseModel):
    object: PaymentIntent


class PaymentIntentProcessingEventData(BaseModel):
    object: PaymentIntent


class PaymentIntentFailedEventData(BaseModel):
    object: PaymentIntent


class PaymentIntentCanceledEventData(BaseModel):
    object: PaymentIntent


class PaymentIntentRequiresActionEventData(BaseModel):
    object: PaymentIntent


class ChargeRefundedEventData(BaseModel):
    object: Charge


class RefundProcessedEventData(BaseModel):
    object: Refund


class RefundFailedEventData(BaseModel):
    object: Refund


class PayoutPaidEventData(BaseModel):
    object: Payout


class PayoutCanceledEventData(BaseModel):
    object: Payout


class PayoutInTransitEventData(BaseModel):
    object: Payout


class PayoutFailedEventData(BaseModel):
    object: Payout


class TransferCompletedEventData(BaseModel):
    object: Transfer


class MerchantOnboardingUpdatedEventData(BaseModel):
    object: MerchantOnboarding


class WebhookEndpointStatus(StrEnum):
    enabled = "enabled"
    disabled = "disabled"


class WebhookEndpoint(BaseModel):
    id: Annotated[str, Field(description="Unique identifier, prefixed `we_`.", pattern="^we_[A-Za-z0-9]+$")]
    object: Annotated[Literal["webhook_endpoint"], Field(description="Always `webhook_endpoint`.")]
    url: Annotated[AnyUrl, Field(description="The HTTPS URL events are posted to.")]
    enabled_events: Annotated[
        list[EventType], Field(description="The event types delivered to this endpoint.")
    ]
    description: Annotated[
        str | None, Field(description="Your description of the endpoint.", max_length=1000)
    ]
    status: WebhookEndpointStatus
    api_version: Annotated[
        str | None,
        Field(description="The API version events are rendered in; null means the account's default."),
    ]
    kid: Annotated[
        str, Field(description="The id of the current signing secret, sent as `kid=` in `Molam-Signature`.")
    ]
    previous_kid: Annotated[
        str | None,
        Field(description="The id of the previous secret while it is still valid after a rotation."),
    ]
    previous_secret_expires_at: Annotated[
        int | None, Field(description="When the previous secret stops being valid, Unix seconds.")
    ]
    metadata: Metadata
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]


class WebhookEndpointWithSecret(BaseModel):
    id: Annotated[str, Field(description="Unique identifier, prefixed `we_`.", pattern="^we_[A-Za-z0-9]+$")]
    object: Annotated[Literal["webhook_endpoint"], Field(description="Always `webhook_endpoint`.")]
    url: Annotated[AnyUrl, Field(description="The HTTPS URL events are posted to.")]
    enabled_events: Annotated[
        list[EventType], Field(description="The event types delivered to this endpoint.")
    ]
    description: Annotated[
        str | None, Field(description="Your description of the endpoint.", max_length=1000)
    ]
    status: WebhookEndpointStatus
    api_version: Annotated[
        str | None,
        Field(description="The API version events are rendered in; null means the account's default."),
    ]
    kid: Annotated[
        str, Field(description="The id of this signing secret, sent as `kid=` in `Molam-Signature`.")
    ]
    secret: Annotated[
        str,
        Field(
            description="The signing secret (`whsec_...`). Shown once; never log it.",
            pattern="^whsec_[A-Za-z0-9]+$",
        ),
    ]
    previous_kid: Annotated[
        str | None,
        Field(description="The id of the previous secret while it is still valid after a rotation."),
    ]
    previous_secret_expires_at: Annotated[
        int | None, Field(description="When the previous secret stops being valid, Unix seconds.")
    ]
    metadata: Metadata
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    livemode: Annotated[
        bool, Field(description="`true` for production objects, `false` for sandbox objects.")
    ]


class WebhookEndpointList(BaseModel):
    object: Annotated[Literal["list"], Field(description="Always `list`.")]
    data: list[WebhookEndpoint]
    has_more: Annotated[bool, Field(description="Whether more objects follow this page.")]
    next_cursor: Annotated[
        str | None,
        Field(
            description="The value to pass as `starting_after` for the next page, or null on the last page."
        ),
    ]
    url: Annotated[str | None, Field(description="The path this list was fetched from.")] = None


class DeletedWebhookEndpoint(BaseModel):
    id: Annotated[str, Field(description="The deleted endpoint's id.", pattern="^we_[A-Za-z0-9]+$")]
    object: Annotated[Literal["webhook_endpoint"], Field(description="Always `webhook_endpoint`.")]
    deleted: Annotated[Literal[True], Field(description="Always `true`.")]


class CreateWebhookEndpointRequest(BaseModel):
    url: Annotated[AnyUrl, Field(description="The HTTPS URL to post events to (at most 2048 characters).")]
    enabled_events: Annotated[list[EventType], Field(description="The event types to deliver.", min_length=1)]
    description: Annotated[
        str | None, Field(description="Your description of the endpoint.", max_length=1000)
    ] = None
    api_version: Annotated[
        str | None,
        Field(
            description="Render events in this API version instead of the account's default.",
            pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        ),
    ] = None
    metadata: Metadata | None = None


class UpdateWebhookEndpointRequest(BaseModel):
    url: Annotated[
        AnyUrl | None, Field(description="The HTTPS URL to post events to (at most 2048 characters).")
    ] = None
    enabled_events: Annotated[
        list[EventType] | None,
        Field(description="The event types to deliver (replaces the current list).", min_length=1),
    ] = None
    description: Annotated[
        str | None, Field(description="Your description of the endpoint.", max_length=1000)
    ] = None
    status: WebhookEndpointStatus | None = None
    metadata: Metadata | None = None


class RotateWebhookEndpointSecretRequest(BaseModel):
    grace_period_seconds: Annotated[
        int | None,
        Field(
            description="How long the previous secret stays valid, in seconds (0 revokes it at once; at most 7 days).",
            ge=0,
            le=604800,
        ),
    ] = 86400


class WebhookDeliveryStatus(StrEnum):
    pending = "pending"
    succeeded = "succeeded"
    failed = "failed"


class WebhookDelivery(BaseModel):
    id: Annotated[str, Field(description="Unique identifier, prefixed `whd_`.", pattern="^whd_[A-Za-z0-9]+$")]
    object: Annotated[Literal["webhook_delivery"], Field(description="Always `webhook_delivery`.")]
    event_id: Annotated[str, Field(description="The event delivered.", pattern="^evt_[A-Za-z0-9]+$")]
    endpoint_id: Annotated[
        str, Field(description="The endpoint it was delivered to.", pattern="^we_[A-Za-z0-9]+$")
    ]
    attempt: Annotated[int, Field(description="Which attempt this is for the event (1 for the first).", ge=1)]
    status: WebhookDeliveryStatus
    response_status: Annotated[
        int | None, Field(description="The HTTP status your endpoint answered, or null if it did not answer.")
    ]
    error: Annotated[
        str | None, Field(description="What went wrong (for example `timeout` or `tls_error`), if anything.")
    ]
    created: Annotated[int, Field(description="When the attempt was made, Unix seconds.")]
    next_retry_at: Annotated[
        int | None, Field(description="When the next attempt is scheduled, Unix seconds; null when none is.")
    ]


class WebhookDeliveryList(BaseModel):
    object: Annotated[Literal["list"], Field(description="Always `list`.")]
    data: list[WebhookDelivery]
    has_more: Annotated[bool, Field(description="Whether more objects follow this page.")]
    next_cursor: Annotated[
        str | None,
        Field(
            description="The value to pass as `starting_after` for the next page, or null on the last page."
        ),
    ]
    url: Annotated[str | None, Field(description="The path this list was fetched from.")] = None


class RefundChargeRequest(BaseModel):
    amount: Annotated[
        int | None,
        Field(
            description="Amount to refund in the currency's minor unit; defaults to everything still refundable.",
            ge=1,
        ),
    ] = None
    reason: RefundReason | None = None
    metadata: Metadata | None = None


class PaymentIntentSucceededEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[
        Literal["payment_intent.succeeded"], Field(description="Always `payment_intent.succeeded`.")
    ]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: PaymentIntentSucceededEventData


class PaymentIntentRequiresCaptureEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[
        Literal["payment_intent.requires_capture"],
        Field(description="Always `payment_intent.requires_capture`."),
    ]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: PaymentIntentRequiresCaptureEventData


class PaymentIntentProcessingEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[
        Literal["payment_intent.processing"], Field(description="Always `payment_intent.processing`.")
    ]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: PaymentIntentProcessingEventData


class PaymentIntentFailedEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[Literal["payment_intent.failed"], Field(description="Always `payment_intent.failed`.")]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: PaymentIntentFailedEventData


class PaymentIntentCanceledEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[
        Literal["payment_intent.canceled"], Field(description="Always `payment_intent.canceled`.")
    ]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: PaymentIntentCanceledEventData


class PaymentIntentRequiresActionEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[
        Literal["payment_intent.requires_action"],
        Field(description="Always `payment_intent.requires_action`."),
    ]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: PaymentIntentRequiresActionEventData


class ChargeRefundedEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[Literal["charge.refunded"], Field(description="Always `charge.refunded`.")]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: ChargeRefundedEventData


class RefundProcessedEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[Literal["refund.processed"], Field(description="Always `refund.processed`.")]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: RefundProcessedEventData


class RefundFailedEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[Literal["refund.failed"], Field(description="Always `refund.failed`.")]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: RefundFailedEventData


class PayoutPaidEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[Literal["payout.paid"], Field(description="Always `payout.paid`.")]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: PayoutPaidEventData


class PayoutCanceledEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[Literal["payout.canceled"], Field(description="Always `payout.canceled`.")]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: PayoutCanceledEventData


class PayoutInTransitEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[Literal["payout.in_transit"], Field(description="Always `payout.in_transit`.")]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: PayoutInTransitEventData


class PayoutFailedEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[Literal["payout.failed"], Field(description="Always `payout.failed`.")]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: PayoutFailedEventData


class TransferCompletedEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[Literal["transfer.completed"], Field(description="Always `transfer.completed`.")]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: TransferCompletedEventData


class MerchantOnboardingUpdatedEvent(BaseModel):
    id: Annotated[
        str,
        Field(
            description="Unique identifier, prefixed `evt_`; the deduplication key.",
            pattern="^evt_[A-Za-z0-9]+$",
        ),
    ]
    object: Annotated[Literal["event"], Field(description="Always `event`.")]
    type: Annotated[
        Literal["merchant.onboarding.updated"], Field(description="Always `merchant.onboarding.updated`.")
    ]
    created: Annotated[int, Field(description="Creation time, Unix seconds.")]
    api_version: Annotated[str, Field(description="The API version `data.object` is rendered in.")]
    livemode: Annotated[bool, Field(description="`true` for production events, `false` for sandbox events.")]
    data: MerchantOnboardingUpdatedEventData
