"""Molam SDK extension layer: the hand-written clients and tooling around the generated `molam_sdk`."""
