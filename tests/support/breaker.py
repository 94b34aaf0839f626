"""A breaker state store that can be made to fail, for the shared-breaker tests."""

from __future__ import annotations

from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.stores import BreakerRecord, MemoryBreakerStateStore
from tests.support.stores import FakeClock

__all__ = ["FlakyBreakerStore"]


class FlakyBreakerStore(MemoryBreakerStateStore):
    """A memory breaker store that raises `StoreError` on every call while `down` is True."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock=clock)
        self.down = False
        self.calls = 0

    def _check(self) -> None:
        self.calls += 1
        if self.down:
            raise StoreError("redis store at redis://127.0.0.1:1/0 failed: ConnectionError: refused")

    def get(self, host: str) -> BreakerRecord:
        self._check()
        return super().get(host)

    def record_success(self, host: str, probe: str | None = None) -> BreakerRecord:
        self._check()
        return super().record_success(host, probe)

    def record_failure(
        self, host: str, threshold: int, window: float, probe: str | None = None
    ) -> BreakerRecord:
        self._check()
        return super().record_failure(host, threshold, window, probe)

    def try_acquire_probe(self, host: str, reset_timeout: float) -> str | None:
        self._check()
        return super().try_acquire_probe(host, reset_timeout)

    def release_probe(self, host: str, probe: str) -> BreakerRecord:
        self._check()
        return super().release_probe(host, probe)

    def reset(self, host: str) -> BreakerRecord:
        self._check()
        return super().reset(host)
