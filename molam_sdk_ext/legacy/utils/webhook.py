"""SDK A's ``molam_sdk.utils.webhook`` import path: `verify_signature`, as in `molam_sdk_ext.legacy.webhooks`."""

from __future__ import annotations

from ..webhooks import verify_signature

__all__ = ["verify_signature"]
