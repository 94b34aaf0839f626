"""Code written for the earlier Molam Python SDKs runs here after changing one import line.

::

    # SDK A                                          # SDK B
    from molam_sdk_ext.legacy import (               from molam_sdk_ext.legacy import (
        Config, MolamClient, MolamAsyncClient)           MolamClient, ClientConfig, PaymentIntentCreate)

Every entry point forwards to the modern SDK (`Molam` / `AsyncMolam`, the webhook verifier), so old code gets
the same idempotency keys, retries, circuit breaker and typed errors; each warns once with a
`DeprecationWarning` naming the modern call (``python -W error::DeprecationWarning`` turns every remaining
old call into an error). The old module paths exist too: ``molam_sdk_ext.legacy.exceptions``,
``.config``, ``.models``, ``.webhooks``, ``.utils.webhook``, ``.client``, ``.async_client``.

Amounts: SDK A's integers (minor units) pass through; SDK B's floats (major units) are converted exactly or
refused with `ValidationError`. docs/MIGRATING.md maps every old call to its modern form.
"""

from __future__ import annotations

from molam_sdk_ext.errors import MolamError

from .async_client import MolamAsyncClient
from .client import MolamClient
from .config import ClientConfig, Config
from .exceptions import (
    APIError,
    ApiError,
    ConfigurationError,
    IdempotencyError,
    NetworkError,
    SignatureError,
    TimeoutError,
    ValidationError,
    WebhookVerificationError,
)
from .models import MerchantOnboardingCreate, PaymentIntentCreate, PayoutCreate, RefundCreate
from .webhooks import construct_event, verify_molam_signature, verify_signature

__all__ = [
    "APIError",
    "ApiError",
    "ClientConfig",
    "Config",
    "ConfigurationError",
    "IdempotencyError",
    "MerchantOnboardingCreate",
    "MolamAsyncClient",
    "MolamClient",
    "MolamError",
    "NetworkError",
    "PaymentIntentCreate",
    "PayoutCreate",
    "RefundCreate",
    "SignatureError",
    "TimeoutError",
    "ValidationError",
    "WebhookVerificationError",
    "construct_event",
    "verify_molam_signature",
    "verify_signature",
]
