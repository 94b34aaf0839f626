"""The Molam Python SDK: clients, typed errors, money helpers, pages, webhooks.

::

    from molam_sdk_ext import Molam, Money, MolamError

    molam = Molam()                                    # MOLAM_API_KEY from the environment
    price = Money("15000", "XOF")
    intent = molam.payment_intents.create(amount=price.minor_units, currency=price.currency)

The errors and pages load with the package (the base errors, pages and raw responses are the generated
contract's own classes, from `molam_sdk`, re-exported). Everything else (the clients and the generated models behind them,
money, settings, transports, observability, webhooks) is imported the first time one of its names is used,
so ``import molam_sdk_ext`` costs about what ``import httpx`` costs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from molam_sdk.pagination import AsyncPage, SyncPage

from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CircuitOpenError,
    ConflictError,
    IdempotencyError,
    InternalServerError,
    InvalidRequestError,
    MolamError,
    NotFoundError,
    PaymentError,
    PermissionDeniedError,
    RateLimitError,
    ResponseParseError,
    ResponseTooLargeError,
    SignatureVerificationError,
    StoreError,
    ValidationError,
)

if TYPE_CHECKING:
    from molam_sdk.raw_response import RawResponse
    from molam_sdk.requester import RequestOptions

    from . import webhooks
    from .client import AsyncMolam, Molam
    from .config import ClientSettings, ConfigurationError
    from .money import AmountTypeError, Money, exponent, from_minor_units, to_minor_units
    from .observability.hooks import Hooks
    from .transport.breaker import BreakerConfig
    from .transport.retry import RetryPolicy

#: The SDK's version (kept equal to the package metadata; a test checks it).
__version__ = "0.1.0"

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AmountTypeError",
    "AsyncMolam",
    "AsyncPage",
    "AuthenticationError",
    "BadRequestError",
    "BreakerConfig",
    "CircuitOpenError",
    "ClientSettings",
    "ConfigurationError",
    "ConflictError",
    "Hooks",
    "IdempotencyError",
    "InternalServerError",
    "InvalidRequestError",
    "Molam",
    "MolamError",
    "Money",
    "NotFoundError",
    "PaymentError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RequestOptions",
    "ResponseParseError",
    "ResponseTooLargeError",
    "RetryPolicy",
    "SignatureVerificationError",
    "StoreError",
    "SyncPage",
    "ValidationError",
    "__version__",
    "exponent",
    "from_minor_units",
    "to_minor_units",
    "webhooks",
]

# name -> module that defines it; loaded on first attribute access (PEP 562). The errors and pages above
# need nothing beyond httpx; these pull in attrs, the transports and the generated package.
_LAZY = {
    "Molam": ".client",
    "AsyncMolam": ".client",
    "ClientSettings": ".config",
    "ConfigurationError": ".config",
    "Money": ".money",
    "AmountTypeError": ".money",
    "exponent": ".money",
    "from_minor_units": ".money",
    "to_minor_units": ".money",
    "RawResponse": "molam_sdk.raw_response",
    "RequestOptions": "molam_sdk.requester",
    "Hooks": ".observability.hooks",
    "BreakerConfig": ".transport.breaker",
    "RetryPolicy": ".transport.retry",
}
_SUBMODULES = frozenset({"webhooks", "transport", "observability", "config", "client", "stores", "money"})


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is not None:
        value = getattr(importlib.import_module(module_name, __name__), name)  # absolute names work too
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
