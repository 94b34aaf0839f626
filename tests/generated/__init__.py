"""Tests of the code generator and of the generated `molam_sdk` package."""
