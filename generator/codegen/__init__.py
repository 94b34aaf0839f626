"""Code generation: molam_sdk/ and the sandbox's models from spec/molam.yaml, and the drift check.

`generate` renders the tree (`project` drives openapi-python-client with our templates; `resources`,
`event_registry`, `cli_commands`, `unions`, `model_imports` and `model_context` describe what the templates
need), `layout` says which files are generated and `tree_diff` compares two generated trees.
"""
