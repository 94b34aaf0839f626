"""SDK A's ``molam_sdk.utils`` import path (``from molam_sdk_ext.legacy.utils.webhook import verify_signature``)."""
