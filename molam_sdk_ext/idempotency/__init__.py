"""Idempotency beyond one SDK call: business keys, a run-once guard over a shared store, and merchant-side
middleware for the merchant's own HTTP endpoints.

- `idempotency_key_for("order", order_id)`: a stable key per business operation (the recommended practice:
  a restarted process, a second worker or a double click reuses the key, so nothing is paid twice);
- `IdempotencyGuard` / `AsyncIdempotencyGuard`: run an operation at most once per key across processes;
- adapters for the merchant's endpoints, imported on demand: ``molam_sdk_ext.idempotency.starlette``
  (FastAPI/Starlette ASGI middleware), ``.django`` (middleware and view decorator), ``.flask`` (decorator).
"""

from __future__ import annotations

from molam_sdk_ext.idempotency.guard import (
    AsyncIdempotencyGuard,
    GuardResult,
    IdempotencyConflictError,
    IdempotencyGuard,
    IdempotencyKeyInUseError,
    IdempotencyKeyReusedError,
    JsonResult,
    WaitPolicy,
    fingerprint_json,
)
from molam_sdk_ext.idempotency.keys import idempotency_key_for
from molam_sdk_ext.idempotency.merchant import MerchantIdempotency

__all__ = [
    "AsyncIdempotencyGuard",
    "GuardResult",
    "IdempotencyConflictError",
    "IdempotencyGuard",
    "IdempotencyKeyInUseError",
    "IdempotencyKeyReusedError",
    "JsonResult",
    "MerchantIdempotency",
    "WaitPolicy",
    "fingerprint_json",
    "idempotency_key_for",
]
