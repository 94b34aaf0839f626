# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The typed Molam API client generated from spec/molam.yaml: models, endpoint functions and resources.

Use it through `molam_sdk_ext.Molam` / `molam_sdk_ext.AsyncMolam`, which send the requests built here.
Importing this package stays cheap: submodules load when first used.
"""
