"""The same small shop on each framework adapter, behind one test face: ``post(path, body, headers)``."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import attrs
import httpx

from molam_sdk_ext.stores.idempotency_records import IdempotencyStore
from tests.fixtures.django_config import configure_django

FRAMEWORKS = ["starlette", "django", "django-middleware", "flask"]


@attrs.define
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@attrs.define
class Shop:
    """`post` sends a request; `calls` counts handler runs per path."""

    post: Callable[[str, bytes, dict[str, str]], Reply]
    calls: dict[str, int]
    get: Callable[[str], Reply]


def _count(calls: dict[str, int], path: str) -> int:
    calls[path] = calls.get(path, 0) + 1
    return calls[path]


def _status(path: str, n: int) -> int:
    return 503 if path == "/flaky" and n == 1 else 200


def starlette_shop(store: IdempotencyStore, **options: Any) -> Shop:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from molam_sdk_ext.idempotency.starlette import IdempotencyMiddleware

    calls: dict[str, int] = {}

    async def handler(request: Request) -> JSONResponse:
        n = _count(calls, request.url.path)
        response = JSONResponse(
            {"call": n, "body": (await request.body()).decode()}, _status(request.url.path, n)
        )
        response.set_cookie("session", "abc")
        response.headers["X-Custom"] = "1"
        return response

    app = Starlette(routes=[Route(p, handler, methods=["GET", "POST"]) for p in ("/pay", "/flaky", "/other")])
    app.add_middleware(IdempotencyMiddleware, store=store, **options)

    def send(method: str, path: str, body: bytes, headers: dict[str, str]) -> Reply:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://shop") as http:
                return await http.request(method, path, content=body, headers=headers)

        r = asyncio.run(go())
        return Reply(r.status_code, {k.lower(): v for k, v in r.headers.items()}, r.content)

    return Shop(lambda p, b, h: send("POST", p, b, h), calls, lambda p: send("GET", p, b"", {}))


def django_shop(store: IdempotencyStore, *, middleware: bool = False, **options: Any) -> Shop:
    configure_django()
    from django.http import HttpRequest, HttpResponse, JsonResponse
    from django.test import RequestFactory, override_settings

    from molam_sdk_ext.idempotency.django import IdempotencyMiddleware, idempotent

    calls: dict[str, int] = {}

    def view(request: HttpRequest) -> HttpResponse:
        n = _count(calls, request.path)
        response = JsonResponse({"call": n, "body": request.body.decode()}, status=_status(request.path, n))
        response.set_cookie("session", "abc")
        response["X-Custom"] = "1"
        return response

    if middleware:
        with override_settings(MOLAM_IDEMPOTENCY={"store": store, **options}):
            handle: Callable[[HttpRequest], Any] = IdempotencyMiddleware(view)
    else:
        options.pop("paths", None)
        handle = idempotent(store, **options)(view)
    factory = RequestFactory()

    def reply(response: Any) -> Reply:
        headers = {k.lower(): v for k, v in response.items()}
        if response.cookies:
            headers["set-cookie"] = response.cookies.output(header="").strip()
        return Reply(response.status_code, headers, response.content)

    def post(path: str, body: bytes, headers: dict[str, str]) -> Reply:
        return reply(handle(factory.post(path, body, content_type="application/json", headers=headers)))

    return Shop(post, calls, lambda path: reply(handle(factory.get(path))))


def flask_shop(store: IdempotencyStore, **options: Any) -> Shop:
    import flask

    from molam_sdk_ext.idempotency.flask import idempotent

    app = flask.Flask("molam_idempotency_test")
    calls: dict[str, int] = {}
    options.pop("paths", None)

    @idempotent(store, **options)
    def view() -> flask.Response:
        n = _count(calls, flask.request.path)
        response = flask.jsonify({"call": n, "body": flask.request.get_data().decode()})
        response.status_code = _status(flask.request.path, n)
        response.set_cookie("session", "abc")
        response.headers["X-Custom"] = "1"
        return response

    for path in ("/pay", "/flaky", "/other"):
        app.add_url_rule(path, path, view, methods=["GET", "POST"])
    client = app.test_client()

    def reply(r: Any) -> Reply:
        return Reply(r.status_code, {k.lower(): v for k, v in r.headers.items()}, r.get_data())

    def post(path: str, body: bytes, headers: dict[str, str]) -> Reply:
        return reply(client.post(path, data=body, headers={"Content-Type": "application/json", **headers}))

    return Shop(post, calls, lambda path: reply(client.get(path)))


def make_shop(framework: str, store: IdempotencyStore, **options: Any) -> Shop:
    """The shop on `framework` (one of FRAMEWORKS), guarded by `store` with middleware `options`."""
    if framework == "starlette":
        return starlette_shop(store, **options)
    if framework == "django":
        return django_shop(store, **options)
    if framework == "django-middleware":
        return django_shop(store, middleware=True, **options)
    return flask_shop(store, **options)
