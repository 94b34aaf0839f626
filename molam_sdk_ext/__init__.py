"""The Molam Python SDK: clients, typed errors, money helpers, pages, webhooks.

::

    from molam_sdk_ext import Molam, Money, MolamError

    molam = Molam()                                    # MOLAM_API_KEY from the environment
    price = Money("15000", "XOF")
    intent = molam.payment_intents.create(amount=price.minor_units, currency=price.currency)

The errors, pages and money helpers load with the package. Everything heavier (the clients and the generated
models behind them, settings, transports, observability, webhooks) is imported the first time one of its
names is used, so ``import molam_sdk_ext`` stays about as cheap as ``import httpx``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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
    PermissionDeniedError,
    RateLimitError,
    SignatureVerificationError,
    StoreError,
    ValidationError,
)
from .money import AmountTypeError, Money, exponent, from_minor_units, to_minor_units
from .pagination import AsyncPage, SyncPage
from .requester import RawResponse, RequestOptions

if TYPE_CHECKING:
    from . import webhooks
    from .client import AsyncMolam, Molam
    from .config import ClientSettings, ConfigurationError
    from .observability.hooks import Hooks
    from .transport.breaker import BreakerConfig
    from .transport.retry import RetryPolicy

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
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RequestOptions",
    "RetryPolicy",
    "SignatureVerificationError",
    "StoreError",
    "SyncPage",
    "ValidationError",
    "exponent",
    "from_minor_units",
    "to_minor_units",
    "webhooks",
]

# name -> module that defines it; loaded on first attribute access (PEP 562).
_LAZY = {
    "Molam": ".client",
    "AsyncMolam": ".client",
    "ClientSettings": ".config",
    "ConfigurationError": ".config",
    "Hooks": ".observability.hooks",
    "BreakerConfig": ".transport.breaker",
    "RetryPolicy": ".transport.retry",
}
_SUBMODULES = frozenset({"webhooks", "transport", "observability", "config", "client", "stores"})


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is not None:
        value = getattr(importlib.import_module(module_name, __name__), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
