"""The SDK's distributions, built once per test session the way a release builds them
(tests/support/packaging.py)."""

from __future__ import annotations

import pytest

from tests.support.packaging import REPO_ROOT, Distributions, build_distributions


@pytest.fixture(scope="session")
def sdk_distributions(tmp_path_factory: pytest.TempPathFactory) -> Distributions:
    """molam-sdk's sdist and wheel, shared by every packaging test of the session."""
    return build_distributions(REPO_ROOT, tmp_path_factory.mktemp("sdk-dist"))
