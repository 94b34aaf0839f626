# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The typed Molam API client generated from spec/molam.yaml: models, endpoint functions and resources.

Use it through `molam_sdk_ext.Molam` / `molam_sdk_ext.AsyncMolam`, which send the requests built here.
Importing this package stays cheap: submodules load when first used.
"""

__all__ = ["API_VERSION", "SPEC_TITLE"]

#: The spec's `info.version`: the API version (`Molam-Version`) these models describe.
API_VERSION = "2025-01-15"
#: The spec's `info.title`.
SPEC_TITLE = "Molam API"
