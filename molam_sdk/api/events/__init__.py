# Generated from spec/molam.yaml by `make generate`; do not edit.
"""Contains endpoint functions for accessing the API"""
