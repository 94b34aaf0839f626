"""Tooling that turns spec/molam.yaml into the generated `molam_sdk` package and guards spec changes."""
