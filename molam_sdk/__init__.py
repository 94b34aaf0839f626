# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The typed Molam API layer generated from spec/molam.yaml: models, resources and the contract they use.

`models` holds one class per schema; `resources` one module per tag, whose methods build requests and parse
responses; `requester`, `resource`, `raw_response`, `pagination` and `errors` are the small runtime contract
the resources are written against. The hand-written clients, `Molam` / `AsyncMolam`, implement it (they are
the requesters); nothing here imports them. Importing this package stays cheap: submodules load when used.
"""

__all__ = ["API_VERSION", "SPEC_TITLE"]

#: The spec's `info.version`: the API version (`Molam-Version`) these models describe.
API_VERSION = "2025-01-15"
#: The spec's `info.title`.
SPEC_TITLE = "Molam API"
