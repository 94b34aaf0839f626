"""Acceptance: 20 concurrent identical requests to an example FastAPI checkout endpoint (served by uvicorn on
loopback) call the handler once and give all 20 callers the same response; the sandbox holds one payment."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn

from molam_sdk_ext import AsyncMolam, Molam
from tests.fixtures.sandbox import SandboxHandle
from tests.shared_state.checkout_app import create_app
from tests.support.stores import store_url

CALLERS = 20


@contextlib.contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve an ASGI app with uvicorn in a thread on a free loopback port; yield its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(params=["memory", "redis", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    return store_url(request, request.param, tmp_path)


def test_twenty_concurrent_identical_checkouts(sandbox: SandboxHandle, url: str) -> None:
    api_key = sandbox.new_api_key()
    molam = AsyncMolam(api_key=api_key, base_url=sandbox.url, telemetry=False)
    app = create_app(molam, url)
    order = {"order_id": "1042", "amount": 15000, "currency": "XOF"}
    headers = {"Idempotency-Key": "checkout-1042-click", "Authorization": "Bearer storefront-session-1"}

    async def click_twenty_times(base: str) -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            return await asyncio.gather(
                *(http.post("/checkout", json=order, headers=headers) for _ in range(CALLERS))
            )

    with serve(app) as base:
        responses = asyncio.run(click_twenty_times(base))
        later = httpx.post(f"{base}/checkout", json=order, headers=headers, timeout=30)

    assert app.state.handler_calls == 1
    assert {(r.status_code, r.content) for r in [*responses, later]} == {(200, responses[0].content)}
    assert responses[0].json()["status"] == "succeeded"
    replays = [r.headers.get("Idempotent-Replayed", "no") for r in responses]
    assert sorted(replays) == ["no"] + ["true"] * (CALLERS - 1)
    assert later.headers["Idempotent-Replayed"] == "true"
    with Molam(api_key=api_key, base_url=sandbox.url, telemetry=False) as reader:
        intents = list(reader.payment_intents.list(limit=100))
    assert [i.id for i in intents] == [responses[0].json()["payment_intent"]]
