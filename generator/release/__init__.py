"""Releases: the version from the breaking-change report (`semver`), the changelog (`changelog`), the checks,
build and tag (`cut`), and the smoke test run in a fresh venv (`smoke_script`, run by path)."""
