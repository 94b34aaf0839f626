"""Compare two OpenAPI 3.x documents and classify every change by how it affects SDK users.

The package is split by concern: `pointer` and `document` (JSON pointers, local `$ref` resolution),
`schema_view` (one schema flattened), `schema_compare` (the request/response rule sets), `operations`,
`security`, `webhooks` and `components` (what is compared), `rules` (every rule id with its severity and
semver bump), `compare` (the pure entry point), `acks` (acknowledgements), `load` (files and git) and
`render` (text, JSON and Markdown). Only `load` and `acks.load_acks` touch the outside world.
"""
