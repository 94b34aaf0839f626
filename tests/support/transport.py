"""The client-layer tests' tools: a test key, a fake clock, scripted httpx answers (`Script`, `ok`, `fail`)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Any

import httpx

__all__ = ["TEST_KEY", "FakeClock", "Script", "Step", "fail", "ok"]

#: A well-formed test key (redaction tests look for it in logs and reprs).
TEST_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"


class FakeClock:
    """Monotonic time that only moves when someone sleeps (or the test says so)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        """Record the sleep and move time forward by it, at once."""
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        """`sleep`, then yield to the event loop once (as a real `asyncio.sleep` would)."""
        self.sleep(seconds)
        await asyncio.sleep(0)

    def advance(self, seconds: float) -> None:
        """Move time forward without recording a sleep."""
        self.now += seconds


#: One answer of a `Script`: a response, an exception to raise, or a function of the request.
Step = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class Script:
    """A MockTransport handler answering from a list of steps; records every request it saw (a copy)."""

    def __init__(self, steps: Iterable[Step], default: Step | None = None) -> None:
        self.steps = list(steps)
        self.default = default
        self.requests: list[httpx.Request] = []
        self.headers: list[dict[str, str]] = []
        self.bodies: list[bytes] = []
        self.extensions: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.headers.append(dict(request.headers))
        self.bodies.append(request.read())
        self.extensions.append(dict(request.extensions))
        step = self.steps.pop(0) if self.steps else self.default
        if step is None:
            raise AssertionError("the script ran out of answers")
        if isinstance(step, Exception):
            raise step
        if isinstance(step, httpx.Response):
            return httpx.Response(step.status_code, headers=step.headers, content=step.content)
        return step(request)

    @property
    def calls(self) -> int:
        """How many requests the script has answered (or refused)."""
        return len(self.requests)


def ok(body: Any = None, **headers: str) -> httpx.Response:
    """A 200 JSON answer (headers given with underscores for dashes)."""
    hdrs = {k.replace("_", "-"): v for k, v in headers.items()}
    hdrs.setdefault("Molam-Request-Id", "req_ok")
    return httpx.Response(
        200, json=body if body is not None else {"id": "pi_123", "object": "payment_intent"}, headers=hdrs
    )


def fail(status: int, **headers: str) -> httpx.Response:
    """An error answer in the API's shape."""
    hdrs = {k.replace("_", "-"): v for k, v in headers.items()}
    hdrs.setdefault("Molam-Request-Id", f"req_{status}")
    return httpx.Response(
        status,
        json={"error": {"type": "api_error", "code": f"http_{status}", "message": f"status {status}"}},
        headers=hdrs,
    )
