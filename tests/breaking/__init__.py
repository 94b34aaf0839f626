"""Tests of `python -m generator breaking` and `python -m generator surface`."""
