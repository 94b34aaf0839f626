"""Webhook receivers built with each framework adapter, in-process or served on a real loopback port.

Django is configured once per test process (tests/fixtures/django_config.py); each receiver gets its own
URL path there so tests do not share processors.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from molam_sdk_ext.webhooks import WebhookProcessor
from tests.fixtures.django_config import configure_django, urlpatterns
from tests.support import free_port

_counter = itertools.count(1)
FRAMEWORKS = ["django", "django-async", "flask", "starlette", "fastapi"]


def django_route(processor: WebhookProcessor, *, asynchronous: bool = False) -> str:
    """Mount the Django adapter for `processor` on a fresh path; return the path."""
    configure_django()
    from django.urls import clear_url_caches, path

    from molam_sdk_ext.webhooks.adapters.django import async_webhook_view, webhook_view

    route = f"django/{next(_counter)}/molam"
    if asynchronous:
        urlpatterns.append(path(route, async_webhook_view(processor)))
    else:
        urlpatterns.append(path(route, webhook_view(processor)))
    clear_url_caches()
    return "/" + route


def flask_app(processor: WebhookProcessor) -> Any:
    """A Flask app with the adapter's blueprint at /webhooks/molam."""
    from flask import Flask

    from molam_sdk_ext.webhooks.adapters.flask import make_webhook_blueprint

    app = Flask(f"molam_test_{next(_counter)}")
    app.register_blueprint(make_webhook_blueprint(processor))
    return app


def starlette_app(processor: WebhookProcessor) -> Any:
    """A Starlette app with the adapter's endpoint at /webhooks/molam."""
    from starlette.applications import Starlette
    from starlette.routing import Route

    from molam_sdk_ext.webhooks.adapters.starlette import webhook_endpoint

    return Starlette(routes=[Route("/webhooks/molam", webhook_endpoint(processor), methods=["POST"])])


def fastapi_app(processor: WebhookProcessor) -> Any:
    """A FastAPI app: the adapter's endpoint at /webhooks/molam, the dependency at /webhooks/dependency."""
    from fastapi import Depends, FastAPI

    from molam_sdk_ext.webhooks import WebhookEvent
    from molam_sdk_ext.webhooks.adapters.starlette import verified_event, webhook_endpoint

    app = FastAPI()
    app.add_api_route("/webhooks/molam", webhook_endpoint(processor), methods=["POST"])
    seen: list[Any] = []
    app.state.seen = seen

    @app.post("/webhooks/dependency")
    async def dependency_route(event: WebhookEvent = Depends(verified_event(processor))) -> dict[str, str]:  # noqa: B008
        seen.append(event)
        return {"id": event.id, "type": event.type, "class": type(event).__name__}

    return app


def _wait_listening(port: int, deadline: float = 20.0) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.02)
    raise RuntimeError(f"receiver did not listen on port {port}")


@contextlib.contextmanager
def _serve_wsgi(app: Callable[..., Any]) -> Iterator[str]:
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@contextlib.contextmanager
def _serve_asgi(app: Any) -> Iterator[str]:
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
    thread.start()
    try:
        _wait_listening(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def serve(framework: str, processor: WebhookProcessor) -> Iterator[str]:
    """Serve a receiver built with `framework`'s adapter on a real loopback port; yield its webhook URL."""
    if framework in ("django", "django-async"):
        configure_django()
        route = django_route(processor, asynchronous=framework == "django-async")
        if framework == "django":
            from django.core.handlers.wsgi import WSGIHandler

            with _serve_wsgi(WSGIHandler()) as base:
                yield base + route
        else:
            from django.core.handlers.asgi import ASGIHandler

            with _serve_asgi(ASGIHandler()) as base:
                yield base + route
    elif framework == "flask":
        with _serve_wsgi(flask_app(processor)) as base:
            yield base + "/webhooks/molam"
    elif framework == "starlette":
        with _serve_asgi(starlette_app(processor)) as base:
            yield base + "/webhooks/molam"
    elif framework == "fastapi":
        with _serve_asgi(fastapi_app(processor)) as base:
            yield base + "/webhooks/molam"
    else:
        raise ValueError(framework)
