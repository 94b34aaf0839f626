"""Framework adapters: the same delivery scenario through Django (sync and async views), Flask, Starlette and
FastAPI, with each framework's test client and on a real loopback server; and the optional-import rule."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import molam_sdk.models as models
from molam_sdk_ext.webhooks import WebhookProcessor, sign
from tests.fixtures.django_config import configure_django
from tests.webhooks import receivers
from tests.webhooks.support import KID, SECRET, example_event

# (body, headers) -> (status, parsed JSON body, response headers with lower-case names)
Post = Callable[[bytes, dict[str, str]], tuple[int, Any, dict[str, str]]]
MAX_BODY = 64 * 1024
# Starlette 1.x asks for httpx2 in its TestClient; the real-server tests below use httpx against uvicorn anyway.
pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient` is deprecated")


def make_processor() -> tuple[WebhookProcessor, list[Any]]:
    processor = WebhookProcessor({KID: SECRET}, max_payload_bytes=MAX_BODY)
    seen: list[Any] = []
    failures = {"evt_failsonce1": 1}

    @processor.on("payment_intent.succeeded", "refund.failed")
    def handle(event: Any) -> None:
        if failures.get(event.id, 0) > 0:
            failures[event.id] -= 1
            raise RuntimeError("downstream unavailable")
        seen.append(event)

    return processor, seen


def raw_delivery(event: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    # Pretty-printed, non-ASCII, keys in an unusual order: any re-serialization would break the signature.
    body = json.dumps(dict(reversed(list(event.items()))), indent=3, ensure_ascii=False).encode("utf-8")
    return body, {"Content-Type": "application/json", "Molam-Signature": sign(body, SECRET, KID)}


def run_scenario(post: Post, processor: WebhookProcessor, seen: list[Any]) -> None:
    event = example_event("payment_intent.succeeded", id="evt_adapter1")
    event["data"]["object"]["description"] = "Commande n°1042 · Boutique Téranga ✓"
    body, headers = raw_delivery(event)

    status, doc, _ = post(body, headers)
    assert (status, doc) == (200, {"outcome": "processed", "event_id": "evt_adapter1"})
    assert len(seen) == 1 and isinstance(seen[0], models.PaymentIntentSucceededEvent)
    assert seen[0].data.object.description == "Commande n°1042 · Boutique Téranga ✓"

    status, doc, _ = post(*raw_delivery(event))
    assert (status, doc["outcome"]) == (200, "duplicate")
    assert len(seen) == 1

    status, doc, _ = post(body.replace(b"15000", b"15001"), headers)
    assert (status, doc) == (
        400,
        {"outcome": "invalid_signature", "event_id": None, "reason": "signature_mismatch"},
    )

    status, doc, _ = post(body, {"Content-Type": "application/json"})
    assert (status, doc["reason"]) == (400, "missing_header")

    big = example_event("payment_intent.succeeded", id="evt_big1", padding="x" * (MAX_BODY + 10))
    status, doc, _ = post(*raw_delivery(big))
    assert (status, doc["reason"]) == (400, "payload_too_large")

    status, doc, _ = post(*raw_delivery(example_event("payout.paid")))
    assert (status, doc["outcome"]) == (200, "ignored")

    failing = example_event("refund.failed", id="evt_failsonce1")
    status, doc, _ = post(*raw_delivery(failing))
    assert (status, doc) == (500, {"outcome": "handler_failed", "event_id": "evt_failsonce1"})
    status, doc, _ = post(*raw_delivery(failing))
    assert (status, doc["outcome"]) == (200, "processed")
    assert [e.id for e in seen] == ["evt_adapter1", "evt_failsonce1"]

    busy = example_event("payment_intent.succeeded", id="evt_busy1")
    processor.store.claim("evt_busy1")  # another worker holds it
    status, doc, response_headers = post(*raw_delivery(busy))
    assert (status, doc["outcome"], response_headers.get("retry-after")) == (409, "in_progress", "60")
    assert response_headers.get("content-type", "").startswith("application/json")


# --- in-process test clients ---------------------------------------------------------------------------------


def django_client_post(asynchronous: bool) -> Iterator[tuple[Post, WebhookProcessor, list[Any]]]:
    configure_django()
    from django.test import Client

    processor, seen = make_processor()
    route = receivers.django_route(processor, asynchronous=asynchronous)
    client = Client(enforce_csrf_checks=True)  # the view must be CSRF exempt to pass at all

    def post(body: bytes, headers: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        response = client.generic("POST", route, body, headers=headers)
        return response.status_code, json.loads(response.content), {k.lower(): v for k, v in response.items()}

    assert client.get(route).status_code == 405
    yield post, processor, seen


def flask_client_post() -> Iterator[tuple[Post, WebhookProcessor, list[Any]]]:
    processor, seen = make_processor()
    client = receivers.flask_app(processor).test_client()

    def post(body: bytes, headers: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        response = client.post("/webhooks/molam", data=body, headers=headers)
        return (
            response.status_code,
            response.get_json(force=True),
            {k.lower(): v for k, v in response.headers},
        )

    assert client.get("/webhooks/molam").status_code == 405
    yield post, processor, seen


def asgi_client_post(framework: str) -> Iterator[tuple[Post, WebhookProcessor, list[Any]]]:
    from starlette.testclient import TestClient

    processor, seen = make_processor()
    app = receivers.starlette_app(processor) if framework == "starlette" else receivers.fastapi_app(processor)
    with TestClient(app) as client:

        def post(body: bytes, headers: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
            response = client.post("/webhooks/molam", content=body, headers=headers)
            return response.status_code, response.json(), dict(response.headers)

        assert client.get("/webhooks/molam").status_code == 405
        yield post, processor, seen


CLIENTS: dict[str, Callable[[], Iterator[tuple[Post, WebhookProcessor, list[Any]]]]] = {
    "django": lambda: django_client_post(False),
    "django-async": lambda: django_client_post(True),
    "flask": flask_client_post,
    "starlette": lambda: asgi_client_post("starlette"),
    "fastapi": lambda: asgi_client_post("fastapi"),
}


@pytest.mark.parametrize("framework", receivers.FRAMEWORKS)
def test_adapter_with_framework_test_client(framework: str) -> None:
    for post, processor, seen in CLIENTS[framework]():
        run_scenario(post, processor, seen)


@pytest.mark.parametrize("framework", receivers.FRAMEWORKS)
def test_adapter_on_a_real_loopback_server(framework: str) -> None:
    processor, seen = make_processor()
    with receivers.serve(framework, processor) as url, httpx.Client(timeout=10) as client:

        def post(body: bytes, headers: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
            response = client.post(url, content=body, headers=headers)
            return response.status_code, response.json(), dict(response.headers)

        run_scenario(post, processor, seen)


def test_fastapi_dependency_gives_the_route_the_typed_event() -> None:
    from starlette.testclient import TestClient

    processor, _ = make_processor()
    app = receivers.fastapi_app(processor)
    with TestClient(app) as client:
        body, headers = raw_delivery(example_event("transfer.completed"))
        response = client.post("/webhooks/dependency", content=body, headers=headers)
        assert response.status_code == 200
        assert response.json()["class"] == "TransferCompletedEvent"
        assert isinstance(app.state.seen[0], models.TransferCompletedEvent)

        response = client.post("/webhooks/dependency", content=body + b" ", headers=headers)
        assert response.status_code == 400
        assert response.json() == {"detail": "invalid_signature: signature_mismatch"}

        huge = b"x" * (MAX_BODY + 1000)
        response = client.post(
            "/webhooks/dependency", content=huge, headers={"Molam-Signature": sign(huge, SECRET, KID)}
        )
        assert response.json() == {"detail": "invalid_signature: payload_too_large"}


def test_fastapi_dependency_with_a_verifier() -> None:
    from fastapi import Depends, FastAPI
    from starlette.testclient import TestClient

    from molam_sdk_ext.webhooks import WebhookEvent, WebhookVerifier
    from molam_sdk_ext.webhooks.adapters.starlette import verified_event

    app = FastAPI()

    @app.post("/hook")
    async def hook(event: WebhookEvent = Depends(verified_event(WebhookVerifier(SECRET)))) -> dict[str, str]:  # noqa: B008
        return {"type": event.type}

    with TestClient(app) as client:
        body, headers = raw_delivery(example_event("merchant.onboarding.updated"))
        assert client.post("/hook", content=body, headers=headers).json() == {
            "type": "merchant.onboarding.updated"
        }


@pytest.mark.slow  # a fresh interpreter importing the SDK: 1 s
def test_importing_webhooks_does_not_import_any_framework() -> None:
    code = (
        "import sys\n"
        "import molam_sdk_ext.webhooks as w\n"
        "import molam_sdk_ext.webhooks.adapters\n"
        "w.WebhookProcessor, w.construct_event, w.UnknownEvent\n"
        "bad = sorted(m for m in ('django', 'flask', 'werkzeug', 'starlette', 'fastapi', 'redis', 'psycopg')"
        " if m in sys.modules)\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
